"""Transcripts whose degrees stand in a column beside the student's particulars, each entry over its detail lines.

A registrar may box the student (name, ID, birth date, date issued) on the left and list the degrees awarded on
the right, so one text line holds a student fact and a degree fact. Rows are written from general knowledge of
such records, in other wordings and orders than any fixture; the student's dates must never be read.
"""

from __future__ import annotations

import pytest

from tests.test_extract_transcript import degree_values, extract

LEFT, RIGHT = 50.0, 300.0


def side_by_side(student: list[str], degrees: list[str], *, heading: str = "Degrees Awarded") -> list[list[tuple[
        float, str]]]:
    """Rows with the student's lines on the left and the degrees heading and entries on the right."""
    right = [heading, *degrees]
    rows = [[(LEFT, "Lakeview College")]]
    for number in range(max(len(student), len(right))):
        row = []
        if number < len(student):
            row.append((LEFT, student[number]))
        if number < len(right):
            indent = 0.0 if number == 0 or not right[number].startswith(" ") else 12.0
            row.append((RIGHT + indent, right[number].strip()))
        rows.append(row)
    return rows


@pytest.mark.parametrize(("student", "degrees", "expected"), [
    (["Name: Rosa Vidal", "Student ID: 88123", "Birth date: 01/17/1985", "Date issued: 06/04/2026"],
     ["Master of Social Work, M.S.W.", " Conferred 05/04/2005", " Major: Clinical Practice"],
     [("MSW", "Clinical Practice", "2005-05-04")]),
    (["Student: Rosa Vidal", "Date of birth: 3/2/1990", "Printed: 7/1/2025"],
     ["Bachelor of Arts", " Awarded May 14, 2012", " Field of study: Psychology",
      "Master of Education", " Awarded May 10, 2015", " Program: Early Childhood Education"],
     [("BA", "Psychology", "2012-05-14"), ("MEd", "Early Childhood Education", "2015-05-10")]),
    (["DOB: 11/30/1979", "ID 55-201", "Issued 2/2/2024"],
     ["Doctor of Philosophy", " Date Conferred: 2009-08-21", " Major: Human Development"],
     [("PhD", "Human Development", "2009-08-21")]),
])
def test_degree_entries_beside_the_student_block_keep_their_field(
        student: list[str], degrees: list[str], expected: list[tuple[str, str, str]]) -> None:
    read = degree_values(extract(side_by_side(student, degrees)))
    assert [(d["abbreviation"], d["field"], d["conferred"]) for d in read] == expected


def test_a_field_in_the_student_column_is_not_the_degree_s() -> None:
    """A "Major" on the student's side (the program the student is in now) is no field of the degree beside it."""
    rows = side_by_side(["Name: Rosa Vidal", "Status: Enrolled", "Major: Nursing"],
                        ["Bachelor of Science", " Conferred 05/04/2005"])
    [degree] = degree_values(extract(rows))
    assert degree["field"] is None
    assert degree["conferred"] == "2005-05-04"


def test_an_entry_ends_at_a_line_that_is_no_detail_of_it() -> None:
    """A course line under the conferral ends the entry: its words are no field."""
    rows = side_by_side(["Name: Rosa Vidal"], ["Master of Public Health", " Conferred 05/05/2002",
                                               " PH 501 Epidemiology A 3.0", " Major: Biostatistics"])
    [degree] = degree_values(extract(rows))
    assert degree["field"] is None
