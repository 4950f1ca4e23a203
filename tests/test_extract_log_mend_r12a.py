"""Review R12a mends on RS/C logs: a line shaped as a section heading ends the section above, whatever its words; a
running column that may be hours checks them; a section's first date is checked against its own next session."""

from __future__ import annotations

import pytest

from tests import test_extract_supervision_running as running
from tests.test_extract_log_sections import HEADER, items, line, pages, session, sheet
from tests.test_extract_supervision import row

FIRST = "One-to-one reflective consultation with Priya Oduya"


@pytest.mark.parametrize("second", ["Mentoring with Bastien Quell", "Peer circles with Bastien Quell",
                                    "Case conferences hosted by Bastien Quell", "Dyads run by Bastien Quell"])
def test_a_heading_shaped_line_not_read_as_a_heading_ends_the_section_above(second: str) -> None:
    doc = pages([line(FIRST, 80), row(HEADER, 96), row(session(1, "02/04/2025"), 112),
                 row(session(2, "02/18/2025"), 128), line(second, 150), row(session(3, "03/04/2025"), 166),
                 row(session(4, "03/18/2025"), 182)])
    found = items(doc)
    assert [i.value["supervisor"] for i in found[:2]] == ["Priya Oduya"] * 2
    assert all(i.value["supervisor"] != "Priya Oduya" or i.needs_review for i in found[2:])
    assert all(i.needs_review and i.confidence <= 0.7 for i in found[2:])



def _running_row(day: int, hours: str, so_far: str, confidence: float = 0.96) -> list[tuple[float, str, float]]:
    """A paper log's row in October 2025: the hours read with `confidence`, the whole hours so far beside them."""
    return running.session_row(f"10/{day:02d}/2025", hours, so_far, hours_confidence=confidence)


@pytest.mark.parametrize(("rows", "misread"), [
    # a two-row sheet: the second one-hour session's cell read 3.0, well
    ([_running_row(6, "1.0", "1"), _running_row(13, "3.0", "2", 0.92)], [1]),
    # four rows, two cells misread (6.0 and 3.0 for 1.0)
    ([_running_row(6, "1.0", "1"), _running_row(13, "6.0", "2", 0.92), _running_row(20, "3.0", "3", 0.92),
      _running_row(27, "1.0", "4")], [1, 2]),
    # a sheet going on from an earlier one (no carry line): its totals start at 21
    ([_running_row(6, "1.0", "21"), _running_row(13, "3.0", "22", 0.92), _running_row(20, "1.0", "23"),
      _running_row(27, "1.0", "24")], [1]),
    ([_running_row(6, "1.0", "8"), _running_row(13, "3.0", "9", 0.92)], [1]),
])
def test_whole_hours_so_far_that_may_be_hours_doubt_a_cell_their_step_contradicts(
        rows: list[list[tuple[float, str, float]]], misread: list[int]) -> None:
    """Whole numbers going up by one beside hour-long sessions may count sessions or hours: a well-read cell their
    step contradicts is a person's question, never passed as sure because the column was taken for a tally."""
    header = [h if h[0] != 245 else (245, "Cumulative hours", 0.96) for h in running.HEADER]
    found = running.sessions(*rows, header=header)
    assert all(found[n].needs_review and found[n].confidence <= 0.7 for n in misread)


def test_a_tally_beside_sessions_none_an_hour_long_checks_nothing() -> None:
    """Guard: 1, 2, 3, 4 beside sessions of 1.5 h counts sessions: no step is any row's hours, and none is doubted."""
    found = running.sessions(*[_running_row(6 + 7 * n, "1.5", str(n + 1)) for n in range(4)],
                             header=[h if h[0] != 245 else (245, "Running total", 0.96) for h in running.HEADER])
    assert [i.value["hours"] for i in found] == [1.5] * 4
    assert not any("running" in r for i in found for r in i.reasons)


LATER = "Group reflective supervision facilitated by Tomas Reyna"


@pytest.mark.parametrize(("first_dates", "later_dates", "doubted"), [
    # the later section's first session read a year early: still within the log's span, but 14 months before its next
    (["05/06/2023", "11/14/2023", "06/11/2024"], ["04/09/2023", "06/03/2024", "07/01/2024"], 3),
    # read a year late: after its own next session, within half a year of the log's last
    (["10/02/2023", "02/12/2024", "09/09/2024"], ["01/13/2025", "03/11/2024", "04/08/2024"], 3),
])
def test_a_sections_first_date_far_from_its_own_next_session_is_doubted(first_dates: list[str],
                                                                         later_dates: list[str],
                                                                         doubted: int) -> None:
    blocks = ((FIRST, [session(n + 1, d) for n, d in enumerate(first_dates)]),
              (LATER, [session(n + 4, d) for n, d in enumerate(later_dates)]))
    found = items(pages(sheet(*blocks)))
    assert found[doubted].needs_review and "log.date_outside_log" in found[doubted].reasons


def test_a_plain_logs_first_date_a_year_before_the_rest_is_doubted() -> None:
    """A log without sections: its first session's year misread (2024 for 2025) is checked against those after."""
    found = running.sessions(running.session_row("01/07/2024", "1.0", "1.0"),
                             running.session_row("01/21/2025", "1.0", "2.0"),
                             running.session_row("02/04/2025", "1.0", "3.0"))
    assert "log.date_outside_log" in found[0].reasons


def test_monthly_sections_raise_no_date_doubt() -> None:
    """Guard: sections whose sessions fall a month or two apart are in order and near each other: no date doubt."""
    blocks = ((FIRST, [session(1, "01/08/2024"), session(2, "02/12/2024")]),
              (LATER, [session(3, "03/04/2024"), session(4, "05/06/2024")]))
    assert not any("date" in r for i in items(pages(sheet(*blocks))) for r in i.reasons)


@pytest.mark.parametrize("tail", ["Senior Clinical Consultant", "Clinical Supervisor", "Practice Lead", "Lead Mentor",
                                  "LICSW-S", "NCC", "LMHC-A"])
def test_words_after_a_headings_name_that_may_be_a_role_doubt_the_provider(tail: str) -> None:
    """A sure provider in a heading is two name words (three with an initial between); capitalised words or capitals
    after them may be a role or a licence no list knows, or a third name word: the provider is a person's question."""
    found = items(pages(sheet((f"Individual consultation with Priya Oduya {tail}",
                               [session(1, "02/04/2025"), session(2, "02/18/2025")]))))
    assert all(i.needs_review and i.confidence <= 0.7 for i in found)
    assert all(i.value["supervisor"] in ("Priya Oduya", None) or i.needs_review for i in found)


@pytest.mark.parametrize("heading", ["Individual consultation with Priya Oduya", "Individual consultation with Priya "
                                     "Oduya Ph.D.", "Individual consultation with Priya D. Oduya",
                                     "Individual consultation with Priya Oduya, Lead Mentor"])
def test_a_headings_name_of_a_sure_shape_is_read_unflagged(heading: str) -> None:
    """Guards but the dotted degree: two name words, an initial between, a dotted degree or a comma before the role."""
    found = items(pages(sheet((heading, [session(1, "02/04/2025"), session(2, "02/18/2025")]))))
    name = "Priya D. Oduya" if "Priya D." in heading else "Priya Oduya"
    assert [i.value["supervisor"] for i in found] == [name] * 2
    assert not any(i.needs_review for i in found)
