"""Employment verifications that give the period in a position table, and the duties under a summary heading.

Written from how HR offices commonly lay out such paper: a header row naming the position and its "From" / "To"
columns (in any order, beside columns of figures or text) over one row of values, whose cells may run together.
"""

from __future__ import annotations

import pytest

from extractors import employment
from extractors.layout import DocText
from extractors.nlp import find_patterns
from pipeline.models import Item
from tests.test_extract_forms import doc_of, lines

EMPLOYER = "Employer: Lakeview Family Services"
DUTIES = "Duties: home visiting with infants and their parents"


def table(*rows: tuple[str, ...], before: tuple[str, ...] = (EMPLOYER,), after: tuple[str, ...] = (DUTIES,),
          gap: float = 130.0) -> DocText:
    """Lines at the margin, then a table with its columns `gap` points apart, then more lines."""
    placed = [[(72.0, text)] for text in before]
    placed += [[(72.0 + gap * j, cell) for j, cell in enumerate(row)] for row in rows]
    placed += [[(72.0, text)] for text in after]
    return doc_of(*[(100.0 + 16 * i, cells) for i, cells in enumerate(placed)])


def items_of(doc: DocText) -> list[Item]:
    return employment.extract(doc, find_patterns(doc.text)).items


@pytest.mark.parametrize(("rows", "expected"), [
    ((("Position", "From", "To", "Hours per week"), ("Home Visitor", "03/03/2015", "06/30/2019", "40")),
     ("Home Visitor", "2015-03-03", "2019-06-30")),
    ((("From", "Through", "Title"), ("01/15/2014", "Present", "Case Manager")),
     ("Case Manager", "2014-01-15", None)),
    ((("Department", "Job title", "Dates from", "Until", "Salary"),
      ("Early Head Start", "Family Advocate", "Sept. 1, 2016", "Aug. 31, 2021", "$41,000")),
     ("Family Advocate", "2016-09-01", "2021-08-31")),
    ((("Role", "From", "To", "FTE"), ("Infant Specialist March 2, 2016 to present", "", "", "1.0")),
     ("Infant Specialist", "2016-03-02", None)),
    ((("Occupation", "Start", "End"), ("Parent Educator 2012-10-09 2018-02-28",)),
     ("Parent Educator", "2012-10-09", "2018-02-28")),
])
def test_position_table_row_is_the_period(rows: tuple[tuple[str, ...], ...],
                                          expected: tuple[str, str, str | None]) -> None:
    """Cells told apart by shape: dates fill the date columns in order, text the position, figures none."""
    [item] = items_of(table(*rows))
    assert (item.value["role"], item.value["start"], item.value["end"]) == expected
    assert item.value["employer"] == "Lakeview Family Services" and not item.needs_review


@pytest.mark.parametrize("rows", [
    (("Leave type", "From", "To"), ("Medical leave", "01/02/2020", "03/01/2020")),  # no position column
    (("Supervisor", "From", "To"), ("Dana Roe", "01/02/2016", "03/01/2020")),
    (("Position", "2019", "2020"), ("Home Visitor", "03/03/2019", "06/30/2020")),  # figures: not a header row
    (("Position", "From", "To"), ("Home Visitor", "Present", "03/03/2015")),  # "Present" first: not a start
])
def test_tables_that_are_no_position_table_give_no_period(rows: tuple[tuple[str, ...], ...]) -> None:
    assert items_of(table(*rows)) == []


def test_second_dated_row_flags_the_period() -> None:
    """Two positions at one employer: which period the check wants is a person's call."""
    [item] = items_of(table(("Position", "From", "To"), ("Home Visitor", "03/03/2015", "06/30/2019"),
                            ("Program Manager", "07/01/2019", "Present")))
    assert item.value["start"] == "2015-03-03" and "employment.period_unclear" in item.reasons


def test_blank_to_cell_flags_the_end() -> None:
    [item] = items_of(table(("Position", "From", "To"), ("Home Visitor", "03/03/2015")))
    assert item.value["end"] is None and "employment.end_unreadable" in item.reasons


def test_text_cells_that_do_not_pair_with_their_columns_leave_the_role_unread() -> None:
    """Department and title run together into one piece of text: which words are the role is not known."""
    [item] = items_of(table(("Department", "Position", "From", "To"),
                            ("Early Head Start Family Advocate 09/01/2016 08/31/2021",)))
    assert item.value["role"] is None and "employment.role_missing" in item.reasons


@pytest.mark.parametrize("heading", [
    "Summary of responsibilities", "Summary of duties", "Description of job duties", "Outline of main duties",
    "Position summary", "Responsibilities summary", "Overview of the key responsibilities",
])
def test_duties_under_a_summary_heading(heading: str) -> None:
    """The duties stand under their heading, the certification under them is another paragraph."""
    [item] = items_of(lines("Employer: Lakeview Family Services", "Position: Home Visitor", "Start date: 03/03/2015",
                            "End date: 06/30/2019", heading, "home visiting with infants and their parents",
                            "I certify that the above is true and correct."))
    assert item.value["duties"] == "home visiting with infants and their parents" and not item.needs_review


def test_grid_of_fields_two_by_two_is_no_position_table() -> None:
    """ "Job title   Hire date" over their values, the last day in the next pair: each value under its own label."""
    [item] = items_of(table(("Employee", "Employer"), ("Bo Lee", "Lakeview Family Services"),
                            ("Job title", "Hire date"), ("Home Visitor", "03/03/2015"),
                            ("Termination date", "Employer address"), ("06/30/2019", "12 Elm Street, Dayton"),
                            before=()))
    assert (item.value["role"], item.value["start"], item.value["end"]) == ("Home Visitor", "2015-03-03",
                                                                           "2019-06-30")
    assert not item.needs_review


@pytest.mark.parametrize(("rows", "expected"), [
    ((("Position", "From", "To", "Hours per week"), ("| Home Visitor", "03/03/2015 | 06/30/2019", "40", "|")),
     ("Home Visitor", "2015-03-03", "2019-06-30")),
    ((("Title", "Start date", "End date", "Weekly hours e"), ("Case Manager", "01/15/2014", "Present", "37.5")),
     ("Case Manager", "2014-01-15", None)),
])
def test_scanned_position_table_rulings_and_stray_marks(rows: tuple[tuple[str, ...], ...],
                                                        expected: tuple[str, str, str | None]) -> None:
    """A scan reads the table's rulings as bars and specks as letters: no text of the row, and the position
    still read by lying under its column alone."""
    [item] = items_of(table(*rows))
    assert (item.value["role"], item.value["start"], item.value["end"]) == expected


@pytest.mark.parametrize("certified", [
    "| certify that the above is true and correct.", "I hereby attest that this information is accurate.",
    "This is to certify that the above is correct.",
])
def test_certification_under_the_duties_is_no_duty(certified: str) -> None:
    """The verifier's statement under the duties (its "I" read as a ruling's bar on a scan) ends them."""
    [item] = items_of(lines("Employer: Lakeview Family Services", "Position: Home Visitor", "Start date: 03/03/2015",
                            "End date: 06/30/2019", "Summary of duties", "| home visiting with infants and their",
                            "parents", certified))
    assert item.value["duties"] == "home visiting with infants and their parents"


@pytest.mark.parametrize(("rows", "expected"), [
    ((("Position", "Dates of employment", "Hours"), ("Home Visitor", "03/03/2015 - 06/30/2019", "40")),
     ("Home Visitor", "2015-03-03", "2019-06-30")),
    ((("Dates", "Title"), ("January 15, 2014 to present", "Case Manager")),
     ("Case Manager", "2014-01-15", None)),
    ((("Title", "Period", "FTE"), ("Family Advocate", "2014-01-15 to 2020-06-30", "0.8")),
     ("Family Advocate", "2014-01-15", "2020-06-30")),
    ((("Employed from", "Employed until", "Job title"), ("01/15/2014", "06/30/2020", "Case Manager")),
     ("Case Manager", "2014-01-15", "2020-06-30")),
])
def test_position_table_with_one_period_column(rows: tuple[tuple[str, ...], ...],
                                                expected: tuple[str, str, str | None]) -> None:
    """One column for the whole period: its first date starts it, its second (or "present") ends it."""
    [item] = items_of(table(*rows, gap=180.0))
    assert (item.value["role"], item.value["start"], item.value["end"]) == expected and not item.needs_review


def test_position_table_beside_another_labelled_start_is_flagged() -> None:
    """A form labelling a hire date and listing a position from a later date: which is the period, a person says."""
    [item] = items_of(table(("Position", "From", "To"), ("Program Manager", "07/01/2019", "Present"),
                            before=(EMPLOYER, "Date of hire: 03/03/2015")))
    assert item.value["start"] == "2019-07-01" and "employment.dates_disagree" in item.reasons


@pytest.mark.parametrize("status", ["Not currently employed", "No longer current", "Not active at present"])
def test_status_cell_saying_no_longer_there_ends_no_period_as_present(status: str) -> None:
    """A status column's negated "currently" is no "Present" under "To": the blank last day stays flagged."""
    [item] = items_of(table(("Position", "From", "To", "Employment status"), ("Home Visitor", "03/03/2015", "", status),
                            after=(DUTIES, "Reason for leaving: relocated")))
    assert item.value["end"] is None and "employment.end_unreadable" in item.reasons


@pytest.mark.parametrize(("row", "field"), [
    (("Home Visitor", "03/03/2015", "Present"), "Termination date: 06/30/2019"),
    (("Home Visitor", "03/03/2015", "Present"), "Last day worked: 06/30/2019"),
    (("Home Visitor", "03/03/2015", "06/30/2019"), "Currently employed: Yes"),
    (("Home Visitor", "03/03/2015", "06/30/2019"), "Separation date: 08/15/2020"),
    (("Home Visitor", "03/03/2015", ""), "Date of separation: 06/30/2019"),
])
def test_row_end_that_a_labelled_end_contradicts_is_flagged(row: tuple[str, ...], field: str) -> None:
    """The table says "Present" and a field gives a last day, or the reverse: which is right, a person says."""
    [item] = items_of(table(("Position", "From", "To"), row, after=(DUTIES, field)))
    assert "employment.dates_disagree" in item.reasons


def test_row_end_that_a_labelled_end_confirms_is_read() -> None:
    [item] = items_of(table(("Position", "From", "To"), ("Home Visitor", "03/03/2015", "Present"),
                            after=(DUTIES, "Currently employed: Yes")))
    assert item.value["end"] is None and not item.needs_review


@pytest.mark.parametrize("header", [
    ("Printed name", "Title", "Date"), ("Name", "Position", "Date"), ("Signature", "Title", "Date"),
    ("Signed", "Title", "Date"),
])
def test_signature_block_is_no_position_table(header: tuple[str, ...]) -> None:
    """The verifier's name, title and the day signed under the labelled period: the labelled fields are read."""
    [item] = items_of(table(header, ("Dana Roe", "HR Director", "07/15/2025"),
                            before=(EMPLOYER, "Position: Home Visitor", "Start date: 03/03/2015",
                                    "End date: 06/30/2019")))
    assert (item.value["role"], item.value["start"], item.value["end"]) == ("Home Visitor", "2015-03-03",
                                                                           "2019-06-30")
    assert not item.needs_review


@pytest.mark.parametrize("wrapped", [("(Early Head Start)",), ("Coordinator",)])
def test_second_dated_row_after_a_wrapped_line_flags_the_period(wrapped: tuple[str, ...]) -> None:
    """A position's name wrapped onto a line of its own before the next row: the table goes on under it."""
    [item] = items_of(table(("Position", "From", "To"), ("Program Manager", "07/01/2019", "Present"), wrapped,
                            ("Home Visitor", "03/03/2015", "06/30/2019")))
    assert "employment.period_unclear" in item.reasons


def test_a_position_table_naming_the_employee_is_read() -> None:
    """A "Name" column beside the position and its From / To: the employee's, not a signature block's."""
    [item] = items_of(table(("Name", "Position", "From", "To"), ("Bo Lee", "Home Visitor", "03/03/2015", "06/30/2019")))
    assert (item.value["role"], item.value["start"], item.value["end"]) == ("Home Visitor", "2015-03-03",
                                                                           "2019-06-30")
