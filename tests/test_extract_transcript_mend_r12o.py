"""Review r12o: the lines under a degree row and its row's cells, read by the shape a sure degree entry has."""

from __future__ import annotations

import pytest

from tests.test_extract_transcript import HEAD, extract

Rows = list[list[tuple[float, str]]]

SECTION = [(60.0, "DEGREES AWARDED")]


def _row(date: str) -> list[tuple[float, str]]:
    return [(60.0, "Master of Education"), (230.0, "Early Childhood"), (400.0, date)]


@pytest.mark.parametrize("under", [
    "-- End of Official Record --",
    "END OF STUDENT RECORD",
    "Page 1 of 3",
    "Record continued on the following page",
    "Institutional GPA 3.72",
    "Credits Earned: 64.0",
    "Program GPA 3.80 Hours 36",
    "Graduated Summa Cum Laude",
    "President's List",
    "With Highest Honors",          # guard: a distinction was a plain line before
    "Minor: Art History",           # guard: a detail line
])
def test_an_ordinary_line_under_a_degree_row_leaves_it_sure(under: str) -> None:
    [item] = extract(HEAD + [SECTION, _row("12/16/2011"), [(60.0, under)]]).items
    assert item.value["conferred"] == "2011-12-16"
    assert not item.needs_review, item.reasons


@pytest.mark.parametrize("after_gap", [
    "Program Status: Active",
    "Matriculated: Spring 2022",
    "Candidate for Degree",
    "Enrollment Status - Full Time",
])
def test_a_state_line_past_a_gap_under_a_row_doubts_its_date(after_gap: str) -> None:
    [item] = extract(HEAD + [SECTION, _row("01/18/2022"), [], [(60.0, after_gap)]]).items
    assert item.needs_review and item.confidence <= 0.7
    assert "degree.status_unclear" in item.reasons


def test_a_signature_past_a_gap_leaves_the_row_sure() -> None:
    """Guard: a new block of another kind past the gap says nothing of the row's date."""
    [item] = extract(HEAD + [SECTION, _row("12/16/2011"), [], [(60.0, "University Registrar")]]).items
    assert item.value["conferred"] == "2011-12-16" and not item.needs_review


@pytest.mark.parametrize("row", [
    [(60.0, "Master of Education"), (230.0, "Early Childhood"), (360.0, "09/02/2009"), (440.0, "-"),
     (452.0, "12/16/2011")],
    [(60.0, "Master of Education"), (230.0, "Early Childhood"), (360.0, "09/02/2009"), (440.0, "to"),
     (458.0, "12/16/2011")],
])
def test_a_span_split_over_two_cells_is_no_sure_conferral(row: list[tuple[float, str]]) -> None:
    [item] = extract(HEAD + [SECTION, row]).items
    assert item.value["conferred"] != "2011-12-16" or item.needs_review
    assert item.needs_review and item.confidence <= 0.7


@pytest.mark.parametrize(("cell", "field"), [
    ("Bachelor of Arts in Sociology, awarded 06/02/2006", "Sociology"),
    ("Bachelor of Arts in Sociology - Degree Conferred 06/02/2006", "Sociology"),
])
def test_a_conferral_label_in_the_degree_s_cell_is_no_part_of_its_field(cell: str, field: str) -> None:
    [item] = extract(HEAD + [SECTION, [(60.0, cell)]]).items
    assert item.value["conferred"] == "2006-06-02"
    assert item.value["field"] == field


def test_a_conferral_label_alone_after_the_degree_is_no_field() -> None:
    [item] = extract(HEAD + [SECTION, [(60.0, "Bachelor of Arts, awarded 06/02/2006")]]).items
    assert item.value["field"] != "awarded"
    assert item.needs_review


@pytest.mark.parametrize("rows", [
    [[(60.0, "Pinecrest College"), (190.0, "Bachelor of Arts in Sociology, awarded 06/02/2006")]],
    [[(60.0, "Pinecrest College"), (190.0, "Bachelor of Arts in Sociology")], [(190.0, "Awarded 06/02/2006")]],
    [[(60.0, "Bachelor of Arts in Sociology, awarded 06/02/2006"), (400.0, "Pinecrest")]],
])
def test_another_school_beside_a_listed_degree_is_doubted(rows: Rows) -> None:
    items = extract(HEAD + [SECTION, _row("12/16/2011")] + rows).items
    nursing = [i for i in items if i.value["conferred"] == "2006-06-02"]
    assert nursing and all(i.needs_review and i.confidence <= 0.7 for i in nursing)


def test_a_student_particular_beside_a_listed_degree_leaves_it_sure() -> None:
    """Guard: a label's cell left of the degree ("Record No.:") is a column of the student's particulars."""
    rows = [SECTION, [(60.0, "Record No.:"), (150.0, "55120"), (260.0, "Master of Education in Early Childhood")],
            [(260.0, "Awarded 12/16/2011")]]
    [item] = extract(HEAD + rows).items
    assert item.value["conferred"] == "2011-12-16" and not item.needs_review, item.reasons
