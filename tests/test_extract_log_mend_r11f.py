"""Review R11f mends on RS/C logs: a running column that may be a tally or whole hours, a section's first date."""

from __future__ import annotations

import pytest

from tests.test_extract_log_sections import items, pages, session, sheet
from tests.test_extract_supervision_running import HEADER, session_row, sessions

SO_FAR = 245


def headed(name: str) -> list[tuple[float, str, float]]:
    """The paper log's header with its running column headed `name`."""
    return [(x, name if x == SO_FAR else text, confidence) for x, text, confidence in HEADER]


@pytest.mark.parametrize("head", ["Cumulative", "Running tally", "Hours to date"])
def test_whole_hours_that_may_be_a_tally_still_check_a_session_whose_step_is_two(head: str) -> None:
    rows = [session_row(d, "1.0", n) for d, n in
            (("09/03/2025", "1"), ("09/10/2025", "2"), ("09/17/2025", "4"), ("09/24/2025", "5"))]
    found = sessions(*rows, header=headed(head))
    assert found[2].needs_review and "log.hours_disagree_running" in found[2].reasons


@pytest.mark.parametrize("cell", ["", "~%"])
def test_a_lost_hours_cell_beside_whole_running_hours_is_read_from_the_step_and_flagged(cell: str) -> None:
    rows = [session_row("09/03/2025", "1.0", "1"), session_row("09/10/2025", "1.0", "2"),
            session_row("09/17/2025", cell, "4"), session_row("09/24/2025", "1.0", "5")]
    found = sessions(*rows, header=headed("Cumulative"))
    assert [i.value["date"] for i in found][2] == "2025-09-17"
    assert found[2].value["hours"] == 2.0 and found[2].needs_review


def test_a_tally_under_an_hours_head_beside_longer_sessions_checks_nothing() -> None:
    rows = [session_row(d, "1.5", n) for d, n in (("09/03/2025", "1"), ("09/10/2025", "2"), ("09/17/2025", "3"))]
    found = sessions(*rows, header=headed("Cumulative hours"))
    assert [i.value["hours"] for i in found] == [1.5] * 3
    assert not any(i.reasons for i in found)


def test_a_section_s_first_date_a_year_away_from_the_rest_of_the_log_is_flagged() -> None:
    doc = pages(sheet(("One-to-one consultation with Corinne Abelard", [session(1, "10/07/2024"),
                                                                       session(2, "10/21/2024")]),
                      ("Group supervision led by Tobias Grell", [session(3, "10/14/2023"), session(4, "10/28/2024")])))
    found = items(doc)
    assert "log.date_outside_log" in found[2].reasons and found[2].confidence <= 0.7
    assert not any(i.reasons for n, i in enumerate(found) if n != 2)


def test_a_section_that_began_a_few_weeks_before_the_first_is_not_flagged() -> None:  # guard: passes before too
    doc = pages(sheet(("One-to-one consultation with Corinne Abelard", [session(1, "10/07/2024"),
                                                                       session(2, "10/21/2024")]),
                      ("Group supervision led by Tobias Grell", [session(3, "09/02/2024"), session(4, "10/28/2024")])))
    assert not any(i.reasons for i in items(doc))
