"""RS/C logs that write a session's length in two columns, whole hours and minutes, and headers of several words."""

from __future__ import annotations

import pytest

from tests.test_extract_supervision import doc_of, extraction, row, sessions

Cells = list[tuple[float, str]]


def split_header(hours: str, minutes: str, date: str = "Date", kind: str = "Format",
                 supervisor: str = "Supervisor") -> Cells:
    return [(40, date), (140, hours), (210, minutes), (280, kind), (380, supervisor)]


def split_row(date: str, hours: str, minutes: str, kind: str = "Group", name: str = "Ann Lee") -> Cells:
    return [c for c in [(40, date), (140, hours), (210, minutes), (280, kind), (380, name)] if c[1]]


@pytest.mark.parametrize(("hours", "minutes"), [
    ("Hours", "Minutes"),
    ("Hr", "Mins"),
    ("Duration (h)", "(m)"),  # the minutes column named by its unit alone
    ("Time (hrs)", "(min)"),
])
@pytest.mark.parametrize(("hour_cell", "minute_cell", "expected"), [
    ("1", "30", 1.5), ("0", "45", 0.75), ("2", "—", 2.0), ("2", "00", 2.0)])
def test_an_hours_and_a_minutes_column_are_one_duration(hours: str, minutes: str, hour_cell: str,
                                                         minute_cell: str, expected: float) -> None:
    doc = doc_of(row(split_header(hours, minutes), 100), row(split_row("04/02/2024", hour_cell, minute_cell), 120))
    assert sessions(doc) == [{"date": "2024-04-02", "hours": expected, "format": "group", "supervisor": "Ann Lee"}]


def test_a_header_over_two_lines_names_the_split_columns_on_its_second() -> None:
    above = row([(150, "Time")], 88)  # "Time" spanning the two columns, "Hr" and "Min" under it
    header = [(40, "Supervisor"), (140, "Hr"), (210, "Min"), (280, "Type"), (380, "Session date")]
    cells = [(40, "Ann Lee"), (140, "1"), (210, "15"), (280, "Individual"), (380, "March 3, 2025")]
    assert sessions(doc_of(above, row(header, 100), row(cells, 120))) == [
        {"date": "2025-03-03", "hours": 1.25, "format": "individual", "supervisor": "Ann Lee"}]


@pytest.mark.parametrize("minute_cell", ["75", "1.5", "half"])
def test_minutes_that_are_no_minutes_of_an_hour_do_not_read(minute_cell: str) -> None:
    result = extraction(doc_of(row(split_header("Hours", "Minutes"), 100),
                               row(split_row("04/02/2024", "1", minute_cell), 120)))
    assert not [i for i in result.items if i.type == "supervision_session"]
    assert any(f.code == "log.row_unreadable" for f in result.flags)


@pytest.mark.parametrize("minutes", ["Minutes", "Min"])
def test_a_minutes_column_with_no_hours_column_before_it_is_a_duration_in_minutes(minutes: str) -> None:
    header = [(40, "Date"), (140, minutes), (280, "Format"), (380, "Supervisor")]
    cells = [(40, "04/02/2024"), (140, "90"), (280, "Group"), (380, "Ann Lee")]
    assert sessions(doc_of(row(header, 100), row(cells, 120))) == [
        {"date": "2024-04-02", "hours": 1.5, "format": "group", "supervisor": "Ann Lee"}]


@pytest.mark.parametrize(("total", "stated", "reasons"), [
    ([(40, "Total"), (140, "3"), (210, "45")], 3.75, []),  # the table's last row, in its two columns
    ([(40, "Grand total"), (140, "3"), (210, "45")], 3.75, []),
    ([(40, "Total hours: 3.75")], 3.75, []),  # a line under the table in one unit
    ([(40, "Total"), (140, "3"), (210, "15")], 3.25, ["log.total_mismatch"]),
    ([(40, "Total"), (140, "3"), (210, "75")], None, ["log.total_unreadable"]),  # no minutes of an hour
])
def test_a_total_in_the_hours_and_minutes_columns(total: Cells, stated: float | None, reasons: list[str]) -> None:
    result = extraction(doc_of(row(split_header("Hours", "Minutes"), 100),
                               row(split_row("04/02/2024", "1", "30"), 120),
                               row(split_row("04/16/2024", "2", "15"), 140), row(total, 160)))
    assert result.items[-1].value["stated_total"] == stated
    assert result.items[-1].reasons == reasons


@pytest.mark.parametrize("supervisor", ["RS/C provided by", "Consultation provided by", "Supervisor signature",
                                        "Consultant, full name"])
def test_every_word_of_a_header_cell_names_its_one_column(supervisor: str) -> None:
    header = [(40, "Date"), (140, "Hours"), (210, "Type"), (300, supervisor)]
    cells = [(40, "04/02/2024"), (140, "1.5"), (210, "Individual"), (300, "Mara Jo Quill-Osei")]
    result = extraction(doc_of(row(header, 100), row(cells, 120)))
    assert [i.value["supervisor"] for i in result.items if i.type == "supervision_session"] == ["Mara Jo Quill-Osei"]
    assert not result.items[0].reasons


def test_a_header_cell_that_names_two_columns_keeps_both() -> None:
    header = [(40, "Date"), (140, "Hours Format"), (300, "Supervisor")]  # two names a space apart: two columns
    cells = [(40, "04/02/2024"), (140, "1.5"), (175, "Group"), (300, "Ann Lee")]
    assert sessions(doc_of(row(header, 100), row(cells, 120))) == [
        {"date": "2024-04-02", "hours": 1.5, "format": "group", "supervisor": "Ann Lee"}]


@pytest.mark.parametrize(("hour_cell", "minute_cell", "expected"), [("l", "30", 1.5), ("2", "O0", 2.0),
                                                                    ("I", "15", 1.25)])
def test_a_scanned_letter_for_a_digit_in_the_split_cells_is_read_back_and_flagged(
        hour_cell: str, minute_cell: str, expected: float) -> None:
    result = extraction(doc_of(row(split_header("Hrs.", "Mins."), 100),
                               row(split_row("04/02/2024", hour_cell, minute_cell), 120)))
    session = result.items[0]
    assert session.value["hours"] == expected
    assert "log.hours_repaired" in session.reasons
