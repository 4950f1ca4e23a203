"""Review mend m13a (r13a): a heading whose provider does not read as a name, a session tally by most of its rows."""

from __future__ import annotations

import pytest

from tests.test_extract_log_sections import HEADER, items, line, pages, session
from tests.test_extract_supervision import row
from tests.test_extract_supervision_running import session_row, sessions

OPENING = "Individual reflective supervision with Corin Walsby"


@pytest.mark.parametrize("second", [
    "Reflective consultation sessions with Lise de Wintermolen",  # lower-case particles
    "Sessions with Walsby-Tern, Odette",  # surname first, a comma
    "RS/C meetings with Tove Ashgrove (by phone)",  # a bracket after the name
    "Supervision with Odette van Tern",
])
def test_a_heading_whose_name_does_not_read_ends_the_section_above(second: str) -> None:
    """The rows under a second heading never take the first heading's provider unflagged."""
    doc = pages([line(OPENING, 80), row(HEADER, 96), row(session(1, "05/06/2025"), 112),
                 row(session(2, "05/20/2025"), 128), line(second, 150), row(session(3, "06/03/2025"), 166),
                 row(session(4, "06/17/2025"), 182)])
    found = items(doc)
    assert [i.value["supervisor"] for i in found[:2]] == ["Corin Walsby"] * 2
    assert all(i.value["supervisor"] != "Corin Walsby" and i.needs_review and i.confidence <= 0.7 for i in found[2:])
    assert all("log.section_name_unread" in i.reasons for i in found[2:])


def test_a_readable_second_heading_is_unchanged() -> None:
    """Guard: a second heading of a sure name's shape gives its rows that name, as before."""
    doc = pages([line(OPENING, 80), row(HEADER, 96), row(session(1, "05/06/2025"), 112),
                 line("Individual reflective supervision with Tove Ashgrove", 134), row(HEADER, 150),
                 row(session(2, "05/20/2025"), 166)])
    assert [(i.value["supervisor"], i.needs_review) for i in items(doc)] == [("Corin Walsby", False),
                                                                              ("Tove Ashgrove", False)]


DAYS = ["01/07/2025", "01/14/2025", "01/21/2025", "01/28/2025", "02/04/2025", "02/11/2025", "02/18/2025"]


def tally(hours: list[str], counts: list[str] | None = None) -> list:
    """A sheet whose 'to date' column counts sessions (1, 2, 3 ...) beside each session's hours."""
    counts = counts or [str(n + 1) for n in range(len(hours))]
    return sessions(*[session_row(day, h, c) for day, h, c in zip(DAYS, hours, counts, strict=False)])


@pytest.mark.parametrize(("hours", "odd"), [
    (["2.0", "2.0", "1.0", "2.0", "2.0", "2.0", "2.0"], {2}),  # a "2.0" misread "1.0" matches a tally step
    (["1.5", "1.0", "1.5", "1.5", "1.0", "1.5", "1.5"], {1, 4}),  # two of them
])
def test_a_tally_of_sessions_flags_the_row_whose_hours_equal_its_step(hours: list[str], odd: set[int]) -> None:
    """Most rows' hours differ from the count's step: a count; a row equal to it is the odd one, flagged."""
    found = tally(hours)
    assert {n for n, i in enumerate(found) if i.needs_review} == odd
    assert all("log.hours_equal_tally_step" in found[n].reasons and found[n].confidence <= 0.7 for n in odd)


@pytest.mark.parametrize(("hours", "counts"), [
    (["2.0", "2.0", "1.0", "2.0", "2.0", "2.0"], None),  # one true hour-long session: its row alone is flagged
    (["1.5", "1.5", "2.0", "1.5", "1.5", "1.5"], ["1", "2", "4", "5", "6", "7"]),  # a skipped count beside a 2 h row
])
def test_the_right_rows_beside_a_tally_stay_unflagged(hours: list[str], counts: list[str] | None) -> None:
    found = tally(hours, counts)
    assert [i.value["hours"] for i in found] == [float(h) for h in hours]
    assert sum(i.needs_review for i in found) == 1


def test_hours_to_date_of_hour_long_sessions_still_check_each_row() -> None:
    """Guard: most rows equal their step (hours to date of one-hour sessions): a misread "3.0" is flagged."""
    found = tally(["1.0", "1.0", "3.0", "1.0", "1.0"])
    assert [i.needs_review for i in found] == [False, False, True, False, False]


@pytest.mark.parametrize(("heading", "name", "flagged"), [
    ("Individual supervision with Tobias Renfrew Jr.", "Tobias Renfrew Jr.", False),  # a suffix keeps its dot
    ("Individual supervision with Rev. Tobias Renfrew", "Tobias Renfrew", False),  # a title is cut
    ("Individual supervision with Tobias Renfrew Ph.D", "Tobias Renfrew", None),  # a degree with no final dot is cut
])
def test_a_heading_name_with_a_suffix_title_or_degree(heading: str, name: str, flagged: bool | None) -> None:
    """The name the rows take is the person's own; a degree not on the list may leave it doubted (None: either)."""
    doc = pages([line(heading, 80), row(HEADER, 96), row(session(1, "05/06/2025"), 112)])
    found = items(doc)
    assert [i.value["supervisor"] for i in found] == [name]
    assert flagged is None or found[0].needs_review is flagged
