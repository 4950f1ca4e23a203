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


@pytest.mark.parametrize("supervisor", ["RS/C supervision given by", "Consultation provided by", "Supervisor signature",
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


def _right_or_flagged(result: object, hours: float) -> None:
    """Every session read has the expected hours, or says why a person must check it (or the row did not read)."""
    read = [i for i in result.items if i.type == "supervision_session"]  # type: ignore[attr-defined]
    assert read or any(f.code == "log.row_unreadable" for f in result.flags)  # type: ignore[attr-defined]
    for session in read:
        assert session.value["hours"] == hours or (session.reasons and session.confidence < 0.8)


@pytest.mark.parametrize("second", ["Break (min)", "Travel mins", "Minutes ref.", "Late (minutes)", "M", "Mm",
                                    "Minutes late", "Admin minutes"])
def test_a_minutes_column_with_words_of_its_own_is_no_part_of_the_length(second: str) -> None:
    header = [(40, "Date"), (140, "Hours"), (210, second), (320, "Format"), (400, "Supervisor")]
    cells = [(40, "04/02/2024"), (140, "2"), (210, "15"), (320, "Group"), (400, "Ann Lee")]
    _right_or_flagged(extraction(doc_of(row(header, 100), row(cells, 120))), 2.0)


@pytest.mark.parametrize(("hours", "minutes"), [("Hours", "Time (min)"), ("Hrs", "Duration (mins)"),
                                                ("Length (h)", "(m)"), ("Duration h", "m")])
def test_a_minutes_column_named_by_its_unit_or_a_length_word_is_the_length_s_minutes(hours: str,
                                                                                     minutes: str) -> None:
    doc = doc_of(row(split_header(hours, minutes), 100), row(split_row("04/02/2024", "2", "15"), 120))
    assert [s["hours"] for s in sessions(doc)] == [2.25]


@pytest.mark.parametrize(("hour_cell", "minute_cell", "expected"), [("|", "30", 1.5), ("", "30", 0.5),
                                                                    ("2", "", 2.0), ("|", "45", 1.75)])
def test_a_scanned_hours_or_minutes_cell_left_empty_or_a_stroke_is_flagged(
        hour_cell: str, minute_cell: str, expected: float) -> None:
    result = extraction(doc_of(row(split_header("Hrs", "Min"), 100),
                               row(split_row("04/02/2024", hour_cell, minute_cell), 120)))
    session = result.items[0]
    assert session.value["hours"] == expected  # a stroke read as its look-alike 1; an empty cell as none, flagged
    assert "log.hours_repaired" in session.reasons


@pytest.mark.parametrize("supervisor", ["Referring provider", "Client / referring provider", "Supervisee provided by",
                                        "Consultant trainee", "Patient's provider", "Family consultant",
                                        "Trainee supervised by"])
def test_a_header_naming_another_party_names_no_supervisor_column(supervisor: str) -> None:
    header = [(40, "Date"), (140, "Hours"), (210, "Type"), (300, supervisor)]
    cells = [(40, "04/02/2024"), (140, "1.5"), (210, "Individual"), (300, "Bo Park")]
    session = extraction(doc_of(row(header, 100), row(cells, 120))).items[0]
    assert session.value["supervisor"] is None
    assert "log.supervisor_missing" in session.reasons


@pytest.mark.parametrize("columns", [("Direct hours", "Indirect hours", "Supervision hours"),
                                     ("Client hours", "Admin hours", "Consultation hours"),
                                     ("Client contact hours", "Supervision hours")])
def test_of_several_hours_columns_the_one_naming_supervision_is_the_session_s(columns: tuple[str, ...]) -> None:
    xs = [130 + 90 * n for n in range(len(columns))]
    header = [(40, "Date"), *zip(xs, columns, strict=True), (xs[-1] + 110, "Supervisor")]
    cells = [(40, "04/02/2024"), *zip(xs, ["6", "3", "1.5"][-len(columns):], strict=True), (xs[-1] + 110, "Ann Lee")]
    assert [s["hours"] for s in sessions(doc_of(row(header, 100), row(cells, 120)))] == [1.5]


@pytest.mark.parametrize("other", ["Total to date", "Total hours to date (all logs)", "Year-to-date total",
                                   "YTD total", "Total brought forward", "Total previously logged"])
def test_a_total_over_more_than_the_log_is_not_its_total(other: str) -> None:
    result = extraction(doc_of(row(split_header("Hours", "Minutes"), 100),
                               row(split_row("04/02/2024", "1", "30"), 120),
                               row(split_row("04/16/2024", "2", "15"), 140),
                               row([(40, "Total"), (140, "3"), (210, "45")], 160),
                               row([(40, other), (250, "40"), (320, "15")], 180)))
    assert result.items[-1].value["stated_total"] == 3.75


@pytest.mark.parametrize("other", ["Total to date", "Total sessions", "YTD total"])
def test_a_lone_total_over_more_than_the_log_is_no_total(other: str) -> None:
    result = extraction(doc_of(row(split_header("Hours", "Minutes"), 100),
                               row(split_row("04/02/2024", "1", "30"), 120),
                               row(split_row("04/16/2024", "2", "15"), 140),
                               row([(40, other), (250, "40"), (320, "15")], 160)))
    assert not [i for i in result.items if i.type == "supervision_total"]
    assert any(f.code == "log.total_missing" for f in result.flags)


AGGREGATE_HEADERS = ["Supervision hours to date", "Supervision hours (total)", "Consultation hours YTD",
                     "RS/C hours to date", "Supervision hours needed", "Supervision hours remaining",
                     "Total supervision hours", "Cumulative RS/C hours", "Consultation hours required",
                     "Balance of supervision hours", "Hours brought forward"]


@pytest.mark.parametrize("aggregate", AGGREGATE_HEADERS)
@pytest.mark.parametrize("hours", ["Hours", "Session hours", "Length (hrs)"])
def test_an_hours_column_over_many_sessions_is_never_the_session_s(hours: str, aggregate: str) -> None:
    header = [(40, "Date"), (120, hours), (220, aggregate), (340, "Format"), (420, "Supervisor")]
    rows = [row([(40, date), (120, length), (220, so_far), (340, "Individual"), (420, "Ann Lee")], y)
            for date, length, so_far, y in [("04/02/2024", "1.5", "22.5", 120), ("04/16/2024", "1", "2.5", 140),
                                             ("05/01/2024", "1", "3.5", 160)]]
    assert [s["hours"] for s in sessions(doc_of(row(header, 100), *rows))] == [1.5, 1.0, 1.0]


@pytest.mark.parametrize("aggregate", ["Supervision hours to date", "Consultation hours YTD", "Cumulative hours"])
def test_a_log_whose_only_hours_column_runs_over_many_sessions_reads_no_length(aggregate: str) -> None:
    header = [(40, "Date"), (220, aggregate), (340, "Format"), (420, "Supervisor")]
    cells = [(40, "04/16/2024"), (220, "2.5"), (340, "Individual"), (420, "Ann Lee")]
    _right_or_flagged(extraction(doc_of(row(header, 100), row(cells, 120))), 1.0)


@pytest.mark.parametrize("columns", [("Session hours", "Supervision hours"), ("Hours", "Consultation hours"),
                                     ("Contact hours", "RS/C hours")])
def test_two_hours_columns_one_naming_supervision_and_the_other_no_activity_are_flagged(
        columns: tuple[str, str]) -> None:
    header = [(40, "Date"), (130, columns[0]), (220, columns[1]), (330, "Format"), (420, "Supervisor")]
    cells = [(40, "04/02/2024"), (130, "1.5"), (220, "2"), (330, "Individual"), (420, "Ann Lee")]
    result = extraction(doc_of(row(header, 100), row(cells, 120)))
    assert not [i for i in result.items if i.type == "supervision_session" and i.confidence >= 0.8]
    assert result.flags


@pytest.mark.parametrize("label", ["Total session hours: 3.75", "Total hours (all sessions): 3.75",
                                   "Total RS/C session hours: 3.75", "Total session time: 3.75",
                                   "Total hours, all sessions: 3.75"])
def test_a_total_of_the_sessions_hours_is_the_log_s_total(label: str) -> None:
    result = extraction(doc_of(row(split_header("Hours", "Minutes"), 100),
                               row(split_row("04/02/2024", "1", "30"), 120),
                               row(split_row("04/16/2024", "2", "15"), 140),
                               row([(40, label)], 160)))
    assert result.items[-1].value["stated_total"] == 3.75


@pytest.mark.parametrize("label", ["Total sessions: 2", "Total number of sessions: 2", "Total no. of sessions 2"])
def test_a_count_of_sessions_is_no_total_of_hours(label: str) -> None:
    result = extraction(doc_of(row(split_header("Hours", "Minutes"), 100),
                               row(split_row("04/02/2024", "1", "30"), 120),
                               row([(40, label)], 140)))
    assert not [i for i in result.items if i.type == "supervision_total"]


@pytest.mark.parametrize(("hours", "minutes"), [("Hrs", "Min(s)"), ("Hours", "Min:"), ("Hours", "+ Minutes"),
                                                ("Hours", "Mins (0-59)"), ("Hours", "and minutes"),
                                                ("Hours", "Minutes:"), ("Hrs", "plus mins"), ("HH", "MM"),
                                                ("hh", "mm"), ("HH", "Min")])
def test_a_minutes_column_written_with_marks_or_a_joining_word_is_the_length_s_minutes(hours: str,
                                                                                       minutes: str) -> None:
    doc = doc_of(row(split_header(hours, minutes), 100), row(split_row("04/02/2024", "1", "30"), 120))
    assert [s["hours"] for s in sessions(doc)] == [1.5]


@pytest.mark.parametrize(("hours", "minutes"), [("Hours", "M"), ("Hours", "MM"), ("H", "M"), ("Hr", "Mn"),
                                                ("Hrs.", "Mts"), ("Hours", "Minute(s)"), ("Time", "Min")])
def test_an_unread_number_beside_the_length_under_a_unit_like_header_is_flagged(hours: str, minutes: str) -> None:
    _right_or_flagged(extraction(doc_of(row(split_header(hours, minutes), 100),
                                        row(split_row("04/02/2024", "1", "30"), 120))), 1.5)


@pytest.mark.parametrize(("hour_cell", "minute_cell"), [("1 |", "30"), ("| 1", "30"), ("1|", "30"), ("1", "| 30"),
                                                        ("|1", "30 |")])
def test_a_rule_read_beside_a_digit_is_no_stroke_of_the_cell(hour_cell: str, minute_cell: str) -> None:
    doc = doc_of(row(split_header("Hrs", "Min"), 100), row(split_row("04/02/2024", hour_cell, minute_cell), 120))
    assert [s["hours"] for s in sessions(doc)] == [1.5]


@pytest.mark.parametrize("supervisor", ["Site supervisor", "Field supervisor", "Licensed supervisor",
                                        "Approved consultant", "Assigned mentor"])
def test_a_supervisor_column_s_own_qualifier_keeps_the_column(supervisor: str) -> None:
    header = [(40, "Date"), (140, "Hours"), (210, "Type"), (300, supervisor)]
    cells = [(40, "04/02/2024"), (140, "1.5"), (210, "Individual"), (300, "Bo Park")]
    assert [s["supervisor"] for s in sessions(doc_of(row(header, 100), row(cells, 120)))] == ["Bo Park"]
