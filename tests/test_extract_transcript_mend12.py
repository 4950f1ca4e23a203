"""Review mend r12f (session 12): a degree row's status lines by their shape, its cells, and the heading's name."""

from __future__ import annotations

import pytest

from tests.test_extract_transcript import HEAD, extract, lines

SECTION = [[(50, "Degrees Conferred")]]
MSW = [(50, "Master of Social Work"), (220, "Social Work"), (380, "06/14/2015")]


@pytest.mark.parametrize("below", ["Graduation Expected: 12/2026", "Date Started: 09/02/2013", "Degree candidacy",
                                   "Projected Finish: Spring 2027", "Graduation Date: To be determined"])
def test_a_line_of_no_sure_shape_under_a_degree_row_doubts_its_date(below: str) -> None:
    [item] = extract(HEAD + SECTION + [MSW, [(50, below)]]).items
    assert item.needs_review and item.confidence <= 0.7


@pytest.mark.parametrize("below", ["Status: Degree Conferred", "Program Status: Completed", "Major: Social Work"])
def test_a_sure_conferred_or_detail_line_under_a_degree_row_keeps_it_sure(below: str) -> None:
    """Guard rows: "Program Status: Completed" and "Major: ..." pass before and after."""
    [item] = extract(HEAD + SECTION + [MSW, [(50, below)]]).items
    assert item.value["conferred"] == "2015-06-14" and not item.needs_review


def test_a_conferral_label_in_the_entry_wins_over_a_start_line() -> None:
    [item] = extract(HEAD + lines("Degrees Conferred", "Master of Social Work", "Awarded 06/14/2015",
                                  "Admission Term: Fall 2013")).items
    assert item.value["conferred"] == "2015-06-14"


@pytest.mark.parametrize("row", [
    [(50, "Master of Education 2015"), (220, "Early Childhood"), (380, "06/14/2015")],
    [(50, "MSW 2015"), (220, "Social Work"), (380, "06/14/2015")],
])
def test_a_year_after_the_degree_in_its_cell_is_no_course_number(row: list) -> None:
    [item] = extract(HEAD + SECTION + [row]).items
    assert item.value["conferred"] == "2015-06-14" and not item.needs_review


def test_a_year_other_than_the_conferral_s_is_doubted() -> None:
    [item] = extract(HEAD + SECTION + [[(50, "MSW 2013"), (220, "Social Work"), (380, "06/14/2015")]]).items
    assert item.needs_review and item.confidence <= 0.7


def test_letters_alone_with_a_figure_cell_are_read_and_doubted() -> None:
    result = extract(HEAD + SECTION + [MSW + [(470, "3.88")],
                                       [(50, "BS"), (220, "Biology"), (380, "05/20/2011"), (470, "3.41")]])
    bs = [item for item in result.items if item.value["abbreviation"] == "BS"]
    assert [item.value["conferred"] for item in bs] == ["2011-05-20"]
    assert bs[0].needs_review and bs[0].confidence <= 0.7


def test_words_before_the_degree_on_its_row_are_doubted() -> None:
    result = extract(HEAD + SECTION + [MSW, [(50, "Harbor Valley"), (160, "Bachelor of Science"), (320, "Biology"),
                                             (440, "05/20/2011")]])
    bs = [item for item in result.items if item.value["abbreviation"] == "BS"]
    assert bs and bs[0].needs_review and bs[0].confidence <= 0.7


@pytest.mark.parametrize("dates", ["09/02/2013 - 06/14/2015", "09/02/2013 through 06/14/2015"])
def test_a_date_range_in_one_cell_is_no_sure_conferral(dates: str) -> None:
    [item] = extract(HEAD + SECTION + [[(50, "Master of Social Work"), (220, "Social Work"), (380, dates)]]).items
    assert item.value["conferred"] != "2013-09-02" and item.needs_review and item.confidence <= 0.7


@pytest.mark.parametrize("field", ["School Psychology", "School Counseling", "Upper Elementary Education"])
def test_a_subject_led_by_a_school_or_class_word_is_the_field(field: str) -> None:
    [item] = extract(HEAD + SECTION + [[(50, "Master of Education"), (220, field), (380, "06/14/2015")]]).items
    assert item.value["field"] == field


@pytest.mark.parametrize("heading", ["Harbor Valley College, Lakeview, MI 49503",
                                     "Harbor Valley College, Lakeview, MI"])
def test_a_town_a_comma_and_a_state_after_the_name_are_checked(heading: str) -> None:
    """The row without a ZIP is a guard (passes before and after)."""
    [item] = extract(lines(heading, "OFFICIAL ACADEMIC TRANSCRIPT") + SECTION + [MSW]).items
    assert item.value["institution"] != "Harbor Valley College, Lakeview" and item.needs_review


def test_a_plus_before_the_office_is_no_part_of_the_name() -> None:
    [item] = extract(lines("Harbor Valley College + Registrar", "OFFICIAL ACADEMIC TRANSCRIPT") + SECTION
                     + [MSW]).items
    assert item.value["institution"] == "Harbor Valley College"


def test_a_scan_s_misread_word_in_the_name_is_checked() -> None:
    [item] = extract(lines("Harb}r Valley College", "OFFICIAL ACADEMIC TRANSCRIPT") + SECTION + [MSW],
                     source="ocr").items
    assert "degree.institution_incomplete" in item.reasons
