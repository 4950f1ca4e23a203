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


NOTED = [(40, "No."), (70, "Date"), (160, "Minutes"), (230, "Mode"), (300, "Remarks")]
"""A sectioned log whose rows carry a remark after the meeting mode."""


def remarked(number: int, date: str, remark: str) -> list[tuple[float, str]]:
    return [(40, str(number)), (70, date), (160, "90"), (230, "Phone"), (300, remark)]


@pytest.mark.parametrize(("remark", "flagged"), [
    ("combined into a group this time", True),  # the heading's type, a remark naming the other
    ("met alongside four other supervisees", True),  # others present at a one-to-one session
    ("rescheduled once", False),  # guard: a remark saying nothing of the type
])
def test_a_remark_against_the_heading_type_is_flagged(remark: str, flagged: bool) -> None:
    doc = pages([line("Individual reflective supervision with Corin Walsby", 80), row(NOTED, 96),
                 row(remarked(1, "07/01/2025", remark), 112), row(remarked(2, "07/15/2025", "on schedule"), 128)])
    found = items(doc)
    assert [i.value["format"] for i in found] == ["individual"] * 2
    assert [i.needs_review for i in found] == [flagged, False]
    assert not flagged or found[0].confidence <= 0.7


TYPED = [(40, "Date"), (120, "Format"), (200, "Hours"), (260, "Supervisor"), (380, "Comments")]


@pytest.mark.parametrize("comment", ["joined by three colleagues", "with the whole team", "with 2 other staff"])
def test_an_individual_cell_beside_a_comment_of_others_present_is_flagged(comment: str) -> None:
    doc = pages([row(TYPED, 96), row([(40, "04/02/2025"), (120, "Individual"), (200, "1.5"), (260, "Corin Walsby"),
                                      (380, comment)], 112)])
    assert [(i.value["format"], i.needs_review) for i in items(doc)] == [("individual", True)]


WHEN = [(40, "Date and time"), (200, "Hrs"), (260, "Format"), (340, "Supervisor")]


@pytest.mark.parametrize(("when", "hours", "flagged"), [
    ("04/09/25 10:00-11:00", "1.5", True),  # the span says one hour: the hours cell is a question
    ("04/09/25 9:30 - 11:00", "1.5", False),  # guard: the span agrees
    ("04/09/25 10:00", "1.5", False),  # guard: a start alone checks nothing
])
def test_a_date_and_time_cell_checks_the_hours(when: str, hours: str, flagged: bool) -> None:
    doc = pages([row(WHEN, 96), row([(40, when), (200, hours), (260, "Individual"), (340, "Corin Walsby")], 112)])
    found = items(doc)
    assert [(i.value["date"], i.needs_review) for i in found] == [("2025-04-09", flagged)]


@pytest.mark.parametrize(("note", "flagged"), [
    ("Meeting no. 2 facilitated by Odile Brask (cover)", True),  # a note naming someone else inside the table
    ("Odile Brask stood in for the meetings below", True),
    ("Make-up meeting with Corin Walsby", False),  # guard: the section's own provider
    ("one meeting moved for a holiday", False),  # guard: no one named
])
def test_a_note_between_a_sections_rows_naming_someone_else_doubts_the_section(note: str, flagged: bool) -> None:
    doc = pages([line("Individual reflective supervision with Corin Walsby", 80), row(HEADER, 96),
                 row(session(1, "08/05/2025"), 112), line(note, 128), row(session(2, "08/19/2025"), 144)])
    found = items(doc)
    assert [i.value["supervisor"] for i in found] == ["Corin Walsby"] * 2
    assert all(i.needs_review is flagged for i in found)
