"""Review mend r13h (session 13): degree entries of no sure shape are checked by a person, never read silently.

Each row is a page in this file's own wording; the value must come out right, or flagged (a reason, confidence
<= 0.7). Rows marked "guard" pass before the mend as well.
"""

from __future__ import annotations

import pytest
from test_extract_transcript import HEAD, extract, lines

HEADING = [(60.0, "DEGREES CONFERRED")]
LISTED = [(60.0, "Master of Science in Family Studies")]
ROW = [(60.0, "Master of Science"), (230.0, "Family Studies"), (400.0, "06/10/2026")]


def _doubted_or_unread(rows: list[list[tuple[float, str]]], **page: object) -> None:
    """Every degree read is flagged with a reason and at most 0.7; or none is read and the document is flagged."""
    result = extract(rows, **page)
    if not result.items:
        assert result.flags
    for item in result.items:
        assert item.needs_review and item.reasons and item.confidence <= 0.7, (item.value, item.reasons)


@pytest.mark.parametrize("figures", ["Credits Remaining: 9", "Remaining Hours 14", "Units Required 40 Units Earned 31",
                                     "Credits Still Needed 6", "Hours Outstanding: 3", "Credits Attempted 33"])
def test_figures_line_beyond_completed_totals_is_checked(figures: str) -> None:
    _doubted_or_unread(HEAD + [HEADING, ROW, [(60.0, figures)]])


def test_figures_line_under_listed_degree_conferral_is_checked() -> None:
    _doubted_or_unread(HEAD + [HEADING, LISTED, [(60.0, "Awarded 06/10/2016")], [(60.0, "Credits Required 48")]])


@pytest.mark.parametrize("cell", ["Transferred:", "Conferred by: Harbor State College", "Transfer Work:"])
def test_label_cell_before_section_row_is_checked(cell: str) -> None:
    _doubted_or_unread(HEAD + [HEADING, [(40.0, cell), (230.0, "Master of Science"), (360.0, "Family Studies"),
                                         (480.0, "06/10/2016")]])


@pytest.mark.parametrize("cell", ["Granting School: Harbor State", "Origin: Transfer", "Dual Degree: Harbor State",
                                  "Additional Major: History"])
def test_label_cell_after_listed_degree_is_checked(cell: str) -> None:
    _doubted_or_unread(HEAD + [HEADING, LISTED + [(400.0, cell)], [(60.0, "Conferred 06/10/2016")]])


def test_student_number_cell_beside_section_row_is_harmless() -> None:
    """Guard: a student's number in its own cell before the row leaves it sure."""
    result = extract(HEAD + [HEADING, [(40.0, "Student No.: 88123"), (230.0, "Master of Science"),
                                       (360.0, "Family Studies"), (480.0, "06/10/2016")]])
    assert [(i.value["conferred"], i.needs_review) for i in result.items] == [("2016-06-10", False)]


@pytest.mark.parametrize("footer,state", [("Continued", "Anticipated Completion: 06/10/2026"),
                                          ("Page 2 of 3", "Status: Enrolled"),
                                          ("Page 1", "Degree Pending")])
def test_footer_mid_page_does_not_end_the_entry(footer: str, state: str) -> None:
    _doubted_or_unread(HEAD + [HEADING, ROW, [(60.0, footer)], [(60.0, state)]])


def test_footer_mid_page_under_listed_conferral_does_not_end_the_entry() -> None:
    _doubted_or_unread(HEAD + [HEADING, LISTED, [(60.0, "Conferred 06/10/2016")], [(60.0, "Page 4")],
                               [(60.0, "Degree Pending")]])


def test_record_end_line_still_ends_the_entry() -> None:
    """Guard: the record's end line with a footer under it closes the entry; the degree stays sure."""
    result = extract(HEAD + [HEADING, LISTED, [(60.0, "Conferred 06/10/2016")], [(60.0, "== End of Record ==")],
                             [(60.0, "Valid only with the registrar's seal")]])
    assert [(i.value["conferred"], i.needs_review) for i in result.items] == [("2016-06-10", False)]


@pytest.mark.parametrize("source", ["text_layer", "ocr"])
def test_closing_bracket_with_its_opener_stays(source: str) -> None:
    result = extract(HEAD + lines("Degree: Master of Science", "Major: Family Studies [ Infant Care ]",
                                  "Conferred: 06/10/2016"), source=source)
    assert [i.value["field"] for i in result.items] == ["Family Studies [ Infant Care ]"]


@pytest.mark.parametrize("major,source", [("________", "text_layer"), ("| |", "ocr"), ("[ ]", "ocr")])
def test_field_of_marks_alone_is_no_field(major: str, source: str) -> None:
    result = extract(HEAD + lines("Degree: Master of Science", f"Major: {major}", "Conferred: 06/10/2016"),
                     source=source)
    assert [(i.value["field"], "degree.field_missing" in i.reasons) for i in result.items] == [(None, True)]


def test_slash_field_in_a_sentence_is_kept_whole() -> None:
    result = extract(HEAD + [HEADING, [(60.0, "Master of Science in Infant/Toddler Care, awarded 06/10/2016")]])
    assert [i.value["field"] for i in result.items] == ["Infant/Toddler Care"]


def test_slash_on_to_lower_case_words_is_checked() -> None:
    _doubted_or_unread(HEAD + [HEADING, [(60.0, "Master of Science in Infant/toddler care, awarded 06/10/2016")]])


def test_same_degree_twice_on_different_days_is_checked() -> None:
    _doubted_or_unread(HEAD + [HEADING, LISTED + [(400.0, "Conferred 06/10/2016")], [], [(60.0, "DEGREE RECORD")],
                               [(60.0, "Degree: Master of Science")], [(60.0, "Major: Family Studies")],
                               [(60.0, "Conferred: 06/12/2016")]])


def test_same_degree_twice_on_one_day_is_one_item() -> None:
    result = extract(HEAD + [HEADING, LISTED + [(400.0, "Conferred 06/10/2016")], [], [(60.0, "DEGREE RECORD")],
                             [(60.0, "Degree: Master of Science")], [(60.0, "Major: Family Studies")],
                             [(60.0, "Conferred: 06/10/2016")]])
    assert [i.value["conferred"] for i in result.items] == ["2016-06-10"]


def test_two_conferral_columns_on_different_days_are_checked() -> None:
    _doubted_or_unread(HEAD + [[(60.0, "Degree"), (200.0, "Field"), (330.0, "Date Awarded"), (450.0, "Conferred")],
                               [(60.0, "Master of Science"), (200.0, "Family Studies"), (330.0, "01/15/2016"),
                                (450.0, "06/10/2016")]])


def test_two_conferral_columns_on_one_day_stay_sure() -> None:
    """Guard: both columns name the same day; the row is sure."""
    result = extract(HEAD + [[(60.0, "Degree"), (200.0, "Field"), (330.0, "Date Awarded"), (450.0, "Conferred")],
                             [(60.0, "Master of Science"), (200.0, "Family Studies"), (330.0, "06/10/2016"),
                              (450.0, "06/10/2016")]])
    assert [(i.value["conferred"], i.needs_review) for i in result.items] == [("2016-06-10", False)]


@pytest.mark.parametrize("cell", ["Master of Science in Family Studies, a program shared with Harbor State",
                                  "Master of Science in Family Studies (dual award, Harbor State College)"])
def test_shared_programme_in_the_degree_cell_is_checked(cell: str) -> None:
    _doubted_or_unread(HEAD + [HEADING, [(60.0, cell)], [(60.0, "Conferred 06/10/2016")]])
