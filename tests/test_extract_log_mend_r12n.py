"""Review R12n mends on RS/C logs: a row's type cell questioned by another of its cells naming the other type; a
column of start times is no part of a duration; a note line inside a section's table does not end the section."""

from __future__ import annotations

import pytest

from extractors import supervision
from extractors.nlp import find_patterns
from pipeline.models import Item
from tests.test_extract_log_sections import HEADER, line, pages, session
from tests.test_extract_log_sections import items as section_items
from tests.test_extract_supervision import doc_of, row

Cells = list[tuple[float, str]]


def sessions(*lines: Cells) -> list[Item]:
    """The session items of a one-page log whose printed rows are `lines`, 16 points apart."""
    doc = doc_of(*[row(cells, 80.0 + 16 * n) for n, cells in enumerate(lines)])
    return [i for i in supervision.extract(doc, find_patterns(doc.text)).items if i.type == "supervision_session"]


@pytest.mark.parametrize(("header", "cells"), [
    # a kind column beside the service column names the other type
    ([(40, "Date"), (115, "Kind"), (190, "Service"), (330, "Supervisor"), (450, "Hours")],
     [(40, "04/07/2025"), (115, "Group"), (190, "Individual supervision"), (330, "Ilse Varga"), (450, "1.0")]),
    # a remarks column says the session was held the other way
    ([(40, "Date"), (115, "Service"), (250, "Supervisor"), (360, "Hours"), (420, "Remarks")],
     [(40, "04/07/2025"), (115, "Group RS/C"), (250, "Ilse Varga"), (360, "1.0"), (420, "switched to 1:1")]),
    ([(40, "Date"), (115, "Service"), (250, "Supervisor"), (360, "Hours"), (420, "Remarks")],
     [(40, "04/07/2025"), (115, "Individual supervision"), (250, "Ilse Varga"), (360, "1.0"), (420, "grp")]),
    # a format column's word against a remark naming the other type
    ([(40, "Date"), (115, "Format"), (210, "Supervisor"), (330, "Hours"), (400, "Remarks")],
     [(40, "04/07/2025"), (115, "Individual"), (210, "Ilse Varga"), (330, "1.0"), (400, "ran as a group")]),
])
def test_a_type_another_cell_of_the_row_contradicts_is_a_question(header: Cells, cells: Cells) -> None:
    found = sessions(header, cells)
    assert len(found) == 1
    assert found[0].needs_review and found[0].confidence <= 0.7
    assert "log.format_disagrees_row" in found[0].reasons


@pytest.mark.parametrize(("header", "cells", "expected"), [
    # guards: a remark naming the same type, or none, leaves the type sure
    ([(40, "Date"), (115, "Service"), (250, "Supervisor"), (360, "Hours"), (420, "Remarks")],
     [(40, "04/07/2025"), (115, "Group RS/C"), (250, "Ilse Varga"), (360, "1.0"), (420, "whole group present")],
     "group"),
    ([(40, "Date"), (115, "Format"), (210, "Supervisor"), (330, "Hours"), (400, "Remarks")],
     [(40, "04/07/2025"), (115, "Individual"), (210, "Ilse Varga"), (330, "1.0"), (400, "by video")], "individual"),
])
def test_a_row_whose_other_cells_name_no_other_type_keeps_its_type_sure(header: Cells, cells: Cells,
                                                                        expected: str) -> None:
    found = sessions(header, cells)
    assert [i.value["format"] for i in found] == [expected]
    assert not found[0].needs_review


@pytest.mark.parametrize("header", ["Date and time", "Date & Time"])
def test_a_date_column_also_named_time_holds_no_part_of_the_duration(header: str) -> None:
    found = sessions([(40, header), (190, "Format"), (280, "Supervisor"), (420, "Hours")],
                     [(40, "05/02/2025 3:15 PM"), (190, "Group"), (280, "Ilse Varga"), (420, "2.0")])
    assert [(i.value["hours"], i.needs_review) for i in found] == [(2.0, False)]


@pytest.mark.parametrize("header", ["Drive time", "Set-up time", "Time zone"])
def test_a_column_of_another_time_holds_no_part_of_the_duration(header: str) -> None:
    found = sessions([(40, "Date"), (110, "Format"), (200, "Supervisor"), (330, "Hours"), (420, header)],
                     [(40, "05/02/2025"), (110, "Individual"), (200, "Ilse Varga"), (330, "1.0"), (420, "0.25")])
    assert [(i.value["hours"], i.needs_review) for i in found] == [(1.0, False)]


def _sectioned(note: str) -> list[Item]:
    """A section headed for one consultant, a note line between its second and third rows (no header under it)."""
    return section_items(pages([line("Individual reflective supervision with Ilse Varga", 80), row(HEADER, 96),
                                row(session(1, "05/06/2025"), 112), row(session(2, "05/20/2025"), 128),
                                line(note, 144), row(session(3, "06/03/2025"), 160),
                                row(session(4, "06/17/2025"), 176)]))


@pytest.mark.parametrize("note", ["Postponed by Ilse Varga", "Extra session with Ilse Varga",
                                  "Minutes signed by Ilse Varga"])
def test_a_note_naming_the_section_s_own_provider_does_not_end_it(note: str) -> None:
    found = _sectioned(note)
    assert [(i.value["format"], i.value["supervisor"], i.needs_review) for i in found] == [
        ("individual", "Ilse Varga", False)] * 4


@pytest.mark.parametrize("note", ["Substituted by Marek Holt", "Observed with Marek Holt"])
def test_a_note_naming_another_person_doubts_nothing_above_it(note: str) -> None:
    found = _sectioned(note)
    assert [(i.value["supervisor"], i.needs_review) for i in found[:2]] == [("Ilse Varga", False)] * 2
    # guard: the rows under it are no longer surely the section's
    assert all(i.needs_review and i.confidence <= 0.7 for i in found[2:])


@pytest.mark.parametrize("start", ["3:15 PM", "15:15", "8.45"])
def test_a_time_column_of_start_times_holds_no_part_of_the_duration(start: str) -> None:
    found = sessions([(40, "Date"), (110, "Time"), (190, "Format"), (280, "Supervisor"), (420, "Hours")],
                     [(40, "05/02/2025"), (110, start), (190, "Group"), (280, "Ilse Varga"), (420, "2.0")])
    assert [(i.value["hours"], i.needs_review) for i in found] == [(2.0, False)]


def test_a_time_column_of_a_whole_number_may_hold_the_duration_s_hours() -> None:
    """Guard: '1' under 'Time' beside a length in minutes may be its hours part: still a question."""
    found = sessions([(40, "Date"), (110, "Time"), (190, "Format"), (280, "Supervisor"), (420, "Minutes")],
                     [(40, "05/02/2025"), (110, "1"), (190, "Group"), (280, "Ilse Varga"), (420, "30")])
    assert all(i.needs_review for i in found)
