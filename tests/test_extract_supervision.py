"""RS/C logs: session rows read by the header's columns in every tune layout, totals checked, misreads flagged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors import supervision
from extractors.document import extract_document
from extractors.layout import DocText, build_text
from extractors.nlp import find_patterns
from extractors.ocr import BAR_CONFIDENCE
from fixtures.compare import compare
from pipeline.models import Item, Page, Word

CHAR = 5.0
"""Width of one character in the test pages (points)."""


def row(cells: list[tuple[float, str]], top: float, confidence: float = 0.96, slope: float = 0.0) -> list[Word]:
    """Words of one printed row: each cell's text at its x, split into words one space apart."""
    words = []
    for x, text in cells:
        for part in text.split():
            y = top + slope * x
            words.append(Word(text=part, bbox=(x, y, x + CHAR * len(part), y + 9), confidence=confidence,
                              source="ocr"))
            x += CHAR * (len(part) + 1)
    return words


def doc_of(*rows: list[Word]) -> DocText:
    page = Page(number=1, width=612, height=792, source="ocr", words=[w for r in rows for w in r])
    return build_text("doc", [page])


def sessions(doc: DocText) -> list[dict[str, object]]:
    result = supervision.extract(doc, find_patterns(doc.text))
    return [i.value for i in result.items if i.type == "supervision_session"]


def extraction(doc: DocText) -> supervision.Extraction:
    return supervision.extract(doc, find_patterns(doc.text))


CLASSIC_HEADER = [(78, "Date"), (178, "Format"), (278, "Hours"), (348, "Supervisor")]
EXPORT_HEADER = [(62, "DATE"), (130, "FORMAT"), (210, "DURATION"), (255, "SUPERVISOR")]
TICK_HEADER = [(40, "#"), (70, "Session date"), (130, "Individual"), (180, "Group"), (200, "Duration (h:mm)"),
               (260, "RS/C provider"), (360, "Initials")]
BY_YEAR_HEADER = [(72, "Date"), (142, "Format"), (212, "Hours"), (292, "Led by")]


def contact_header(format_name: str = "I/G") -> list[tuple[float, str]]:
    """A contact record's header: start and end times beside the duration, a format column of initials."""
    return [(40, "#"), (60, "Date"), (130, "Start"), (170, "End"), (210, "Duration (hrs)"), (290, format_name),
            (400, "Consultant")]


def contact_row(start: str = "1:00 PM", end: str = "3:00 PM", hours: str = "2.0", mark: str = "G",
                mark_x: float = 290) -> list[tuple[float, str]]:
    return [(40, "4"), (60, "12/23/2024"), (130, start), (170, end), (210, hours), (mark_x, mark),
            (400, "Perrin Zellinger")]


@pytest.mark.parametrize(("header", "cells", "expected"), [
    (CLASSIC_HEADER, [(78, "04/21/2023"), (178, "Individual"), (278, "1.5"), (348, "Zevi Pembrake")],
     {"date": "2023-04-21", "hours": 1.5, "format": "individual", "supervisor": "Zevi Pembrake"}),
    (CLASSIC_HEADER, [(78, "May 5, 2024"), (178, "Group"), (278, "2 hours"), (348, "Ann Lee")],
     {"date": "2024-05-05", "hours": 2.0, "format": "group", "supervisor": "Ann Lee"}),
    # fixed-width export: cells one space apart, right-aligned durations, h:mm
    (EXPORT_HEADER, [(62, "2024-02-20"), (130, "INDIVIDUAL"), (230, "1:30"), (255, "Kestrel Zellinger")],
     {"date": "2024-02-20", "hours": 1.5, "format": "individual", "supervisor": "Kestrel Zellinger"}),
    (EXPORT_HEADER, [(62, "2024-10-20"), (130, "GROUP"), (235, "2.0"), (255, "Gideon Norcastle")],
     {"date": "2024-10-20", "hours": 2.0, "format": "group", "supervisor": "Gideon Norcastle"}),
    # columns in another order, a minutes column, a session number and notes
    ([(40, "#"), (70, "Supervisor"), (170, "Session date"), (260, "Minutes"), (320, "Type"), (380, "Notes")],
     [(40, "3"), (70, "Ann Lee"), (170, "2024-03-04"), (265, "90"), (320, "Individual"), (380, "Talked 12/2")],
     {"date": "2024-03-04", "hours": 1.5, "format": "individual", "supervisor": "Ann Lee"}),
    # the type ticked under an Individual or a Group column; an "RS/C provider" column
    (TICK_HEADER, [(40, "4"), (70, "2024-03-04"), (140, "X"), (200, "1:30"), (260, "Ann Lee"), (360, "AL")],
     {"date": "2024-03-04", "hours": 1.5, "format": "individual", "supervisor": "Ann Lee"}),
    (TICK_HEADER, [(40, "5"), (70, "03/18/2024"), (182, "X"), (200, "2:00"), (260, "Bo Stellwood"), (360, "BS")],
     {"date": "2024-03-18", "hours": 2.0, "format": "group", "supervisor": "Bo Stellwood"}),
])
def test_a_row_is_read_by_its_header_columns(header: list[tuple[float, str]], cells: list[tuple[float, str]],
                                             expected: dict[str, object]) -> None:
    assert sessions(doc_of(row(header, 100), row(cells, 120))) == [expected]


@pytest.mark.parametrize(("duration", "mark", "expected"), [
    ("Duration", "Xx", "individual"),  # OCR often reads an X twice
    ("puration", "X", "individual"),  # a scanned header word one letter off its name
    ("Durat1on", "x", None),  # not letters: no header, the rows are not read by its columns
])
def test_scanned_ticks_and_header_words(duration: str, mark: str, expected: str | None) -> None:
    header = [(40, "#"), (70, "Session date"), (130, "Individual"), (180, "Group"), (200, duration),
              (260, "RS/C provider")]
    result = extraction(doc_of(row(header, 100), row([(40, "4"), (70, "2024-03-04"), (140, mark), (200, "1:30"),
                                                       (260, "Ann Lee")], 120, confidence=0.4)))
    found = [i for i in result.items if i.type == "supervision_session"]
    assert [i.value["format"] for i in found] == ([expected] if expected else [])
    if expected is None:
        assert "log.no_sessions" in [f.code for f in result.flags]


@pytest.mark.parametrize("consultant", ["mjConsultant", "m)Consultant", "mm)Consultant"])
def test_a_scanned_header_name_with_marks_run_into_its_start(consultant: str) -> None:
    """OCR runs a bracket's last letters into the next header name ("(h:mm) Consultant" read "(h: mjConsultant")."""
    header = [(40, "#"), (64, "Date of contact"), (156, "Contact type"), (226, "Length (h:"), (273, consultant),
              (397, "Notes")]
    cells = [(40, "4"), (64, "10/6/23"), (156, "Small group"), (226, "2:00"), (277, "Ann Lee"), (398, "team dynamics")]
    assert sessions(doc_of(row(header, 100), row(cells, 120))) == [
        {"date": "2023-10-06", "hours": 2.0, "format": "group", "supervisor": "Ann Lee"}]


@pytest.mark.parametrize(("individual", "group", "reason"), [("X", "X", "log.format_unreadable"),
                                                            ("", "", "log.format_missing"),
                                                            ("Yes", "", "log.format_unreadable")])
def test_a_row_ticked_twice_nowhere_or_not_with_a_mark_is_flagged(individual: str, group: str, reason: str) -> None:
    cells = [(40, "4"), (70, "2024-03-04"), (140, individual), (182, group), (200, "1:30"), (260, "Ann Lee")]
    result = extraction(doc_of(row(TICK_HEADER, 100), row([c for c in cells if c[1]], 120)))
    session = next(i for i in result.items if i.type == "supervision_session")
    assert session.value["format"] is None and reason in session.reasons and session.needs_review


@pytest.mark.parametrize(("name", "mark", "expected"), [
    ("I/G", "I", "individual"),  # the header's letters are the log's legend
    ("I/G", "G", "group"),
    ("Ind/Grp", "Grp", "group"),
    ("Individual or group", "G", "group"),
    ("G/I", "I", "individual"),
    ("Fmt", "Ind", "individual"),  # format abbreviated, or named as the mode
    ("Ind. or Grp.", "G", "group"),
    ("Mode", "Individual", "individual"),
    ("I/G", "X", None),  # a letter the header does not spell is a person's question
])
def test_a_format_column_named_by_its_options_or_a_synonym(name: str, mark: str, expected: str | None) -> None:
    result = extraction(doc_of(row(contact_header(name), 100), row(contact_row(mark=mark), 120)))
    session = next(i for i in result.items if i.type == "supervision_session")
    assert session.value == {"date": "2024-12-23", "hours": 2.0, "format": expected, "supervisor": "Perrin Zellinger"}
    assert session.needs_review is (expected is None)


@pytest.mark.parametrize(("header", "mark", "mark_x", "expected", "reasons"), [
    ("VG", "I", 290, "individual", []),  # OCR ran "I/" into a V
    ("|/G", "I", 290, "individual", []),
    ("I/G", "|", 291, "individual", ["log.format_repaired"]),  # the I read as a stroke, under the column's name
    ("I/G", "l", 291, "individual", ["log.format_repaired"]),
    ("I/G", "|", 284, None, ["log.format_missing"]),  # a stroke at the column's edge is its rule
])
def test_a_scanned_initials_column(header: str, mark: str, mark_x: float, expected: str | None,
                                   reasons: list[str]) -> None:
    doc = doc_of(row(contact_header(header), 100), row(contact_row(hours="2.0", mark=mark, mark_x=mark_x), 120))
    session = next(i for i in extraction(doc).items if i.type == "supervision_session")
    assert session.value["format"] == expected
    assert [r for r in session.reasons if r.startswith("log.")] == reasons


@pytest.mark.parametrize(("start", "end", "hours", "value", "reasons"), [
    ("3:30 PM", "4:30 PM", "1.0", 1.0, []),
    ("1:30 PM", "3:00 PM", "1:5", 1.5, []),  # times confirm a restored decimal point
    ("8:30 AM", "9:30 AM", "ness", 1.0, ["log.hours_from_times"]),  # a garbled cell gives way to the times
    ("8:00 AM", "9:30 AM", "1035", 1.5, ["log.hours_from_times"]),
    ("13:00", "15:00", "1.0", 1.0, ["log.hours_disagree_times"]),  # a break may explain it; a person decides
    ("10.30 a.m.", "12:30 PM", "2.0", 2.0, []),
])
def test_start_and_end_times_check_the_duration(start: str, end: str, hours: str, value: float,
                                                reasons: list[str]) -> None:
    doc = doc_of(row(contact_header(), 100), row(contact_row(start, end, hours), 120))
    session = next(i for i in extraction(doc).items if i.type == "supervision_session")
    assert session.value["hours"] == value
    assert session.reasons == reasons and session.needs_review is bool(reasons)


@pytest.mark.parametrize(("total", "doubted"), [(None, True), ("Total hours: 3.5", False)])
def test_a_log_without_a_duration_column_takes_its_times(total: str | None, doubted: bool) -> None:
    header = [(60, "Date"), (130, "Time in"), (190, "Time out"), (250, "Type"), (320, "Supervisor")]
    rows = [row([(60, "03/04/2024"), (130, "9:00 AM"), (190, "10:30 AM"), (250, "Individual"), (320, "Ann Lee")],
                120),
            row([(60, "03/18/2024"), (130, "1:00 PM"), (190, "3:00 PM"), (250, "Group"), (320, "Ann Lee")], 140)]
    result = extraction(doc_of(row(header, 100), *rows, *([row([(60, total)], 160)] if total else [])))
    found = [i for i in result.items if i.type == "supervision_session"]
    assert [i.value["hours"] for i in found] == [1.5, 2.0]
    assert all(i.needs_review is doubted for i in found)


def test_a_minutes_column_named_in_words() -> None:
    header = [(60, "Date"), (170, "Time in minutes"), (260, "Supervisor"), (390, "Format")]
    cells = [(60, "03/04/2024"), (170, "90"), (260, "Ann Lee"), (390, "Individual")]
    assert sessions(doc_of(row(header, 100), row(cells, 120))) == [
        {"date": "2024-03-04", "hours": 1.5, "format": "individual", "supervisor": "Ann Lee"}]


@pytest.mark.parametrize(("date", "hours", "supervisor", "format_name"), [
    ("Date of supervision", "No. of hours", "Supervisor's name", "Type of session"),
    ("Meeting date", "Time (hrs)", "Name of supervisor", "Format"),
    ("Contact date", "Time spent", "Supervised by", "Type"),
    ("Date of consultation", "Hours", "Reflective consultant", "Setting"),
    ("Date of contact", "Length (hours)", "Consultant", "Contact type"),
    ("Date of service", "Session length", "Clinical supervisor", "Type of contact"),
    ("Date held", "Hours earned", "Provided by", "Consultation type"),
    ("Date met", "Hours credited", "Mentor", "Meeting type"),
    ("Date", "RS/C hours", "Supervisor", "Kind of session"),
    ("Date", "Supervision hours", "Supervisor", "Format"),
    ("Date", "Consultation hours", "Consultant", "Type"),
    ("Date", "Number of hours", "Supervisor", "Format"),
])
def test_header_names_a_next_log_might_use(date: str, hours: str, supervisor: str, format_name: str) -> None:
    header = [(60, date), (170, hours), (260, supervisor), (390, format_name)]
    cells = [(60, "03/04/2024"), (170, "1.5"), (260, "Ann Lee"), (390, "Individual")]
    assert sessions(doc_of(row(header, 100), row(cells, 120))) == [
        {"date": "2024-03-04", "hours": 1.5, "format": "individual", "supervisor": "Ann Lee"}]


@pytest.mark.parametrize(("label", "named"), [
    ("Reflective supervisor", True), ("Supervisor name", True), ("Name of consultant", True),
    ("Clinical supervisor", True), ("Mentor", True), ("RS/C supervisor", True), ("Supervisor's name", True),
    ("Consultant/Supervisor", True), ("Supervised by", True), ("Provided by", True), ("Facilitator", True),
    ("Supervisee", False), ("Consultee", False), ("Agency supervisor", False),  # the worker, or the job's supervisor
])
def test_the_log_s_named_supervisor_under_other_labels(label: str, named: bool) -> None:
    """A log without a supervisor column takes the one its heading names; any other person's label is no supervisor."""
    doc = doc_of(row([(60, f"{label}: Ann Lee")], 70), row([(78, "Date"), (178, "Format"), (278, "Hours")], 100),
                 row([(78, "04/21/2023"), (178, "Individual"), (278, "1.5")], 120),
                 row([(72, "Total hours: 1.5")], 140))
    session = next(i for i in extraction(doc).items if i.type == "supervision_session")
    assert session.value["supervisor"] == ("Ann Lee" if named else None)
    assert session.needs_review is not named


@pytest.mark.parametrize(("cell", "expected"), [
    ("One-to-one", "individual"),
    ("One to one", "individual"),
    ("1:1", "individual"),
    ("1-to-1", "individual"),
    ("Dyadic", "individual"),
])
def test_a_format_cell_worded_as_institutions_word_it(cell: str, expected: str) -> None:
    """The option read whole from the cell, however the log words it, so the reading is trusted."""
    doc = doc_of(row(CLASSIC_HEADER, 100), row([(78, "04/21/2023"), (178, cell), (278, "1.5"),
                                                (348, "Zevi Pembrake")], 120))
    session = next(i for i in extraction(doc).items if i.type == "supervision_session")
    assert session.value["format"] == expected and not session.needs_review


@pytest.mark.parametrize(("date", "hours"), [("04.21.2023", "1.5"), ("21.04.2023", "1.5"), ("4-21-2023", "1.5"),
                                            ("2023/04/21", "1.5"), ("04/21/2023", "1h30"), ("04/21/2023", "1 1/2")])
def test_date_and_duration_cells_written_other_ways(date: str, hours: str) -> None:
    cells = [(78, date), (178, "Individual"), (278, hours), (348, "Zevi Pembrake")]
    assert sessions(doc_of(row(CLASSIC_HEADER, 100), row(cells, 120))) == [
        {"date": "2023-04-21", "hours": 1.5, "format": "individual", "supervisor": "Zevi Pembrake"}]


@pytest.mark.parametrize("legend", ["Key: I - Individual, G - Group", "I: individual; G: group",
                                    "Individual (I) or Group (G)"])
def test_a_legend_written_another_way(legend: str) -> None:
    doc = doc_of(row([(60, legend)], 80), row(CLASSIC_HEADER, 100),
                 row([(78, "04/21/2023"), (178, "G"), (278, "1.5"), (348, "Zevi Pembrake")], 120))
    assert sessions(doc)[0]["format"] == "group"


@pytest.mark.parametrize(("legend", "header"), [
    ("Key: I - Individual, G - Group", CLASSIC_HEADER),  # the legend line defines I
    ("", [(78, "Date"), (178, "I/G"), (278, "Hours"), (348, "Supervisor")]),  # the header's letters do
])
def test_a_mark_read_from_its_shape_alone_is_looked_at_though_the_legend_defines_it(
        legend: str, header: list[tuple[float, str]]) -> None:
    """An 'I' OCR took from a lone bar in a ruled cell (perhaps a heavy rule): a legend vouches for no shape."""
    bar = row([(178, "I")], 120, confidence=BAR_CONFIDENCE)
    lines = [row([(60, legend)], 80)] if legend else []
    doc = doc_of(*lines, row(header, 100), row([(78, "04/21/2023"), (278, "1.5"), (348, "Zevi Pembrake")], 120) + bar,
                 row([(78, "04/28/2023"), (178, "G"), (278, "1.0"), (348, "Zevi Pembrake")], 140),
                 row([(78, "Total: 2.5")], 160))
    first = extraction(doc).items[0]
    assert first.value["format"] == "individual"
    assert "ocr.low_confidence" in first.reasons


def test_two_tables_side_by_side_under_one_header_row_read_left_table_first() -> None:
    half = [(40, "Date"), (110, "Fmt"), (140, "Length"), (180, "Consultant")]
    doc = doc_of(row(half + [(x + 250, name) for x, name in half], 100),
                 row([(40, "Mar 16, 2025"), (110, "Ind"), (140, "1h 00m"), (180, "Ann Lee"),
                      (290, "Oct 15, 2025"), (360, "Grp"), (390, "2h 00m"), (430, "Bo Stellwood")], 120),
                 row([(40, "Apr 6, 2025"), (110, "Ind"), (140, "1h 30m"), (180, "Ann Lee")], 140),
                 row([(40, "Total: 4h 30m")], 160))
    result = extraction(doc)
    assert [i.value for i in result.items] == [
        {"date": "2025-03-16", "hours": 1.0, "format": "individual", "supervisor": "Ann Lee"},
        {"date": "2025-04-06", "hours": 1.5, "format": "individual", "supervisor": "Ann Lee"},
        {"date": "2025-10-15", "hours": 2.0, "format": "group", "supervisor": "Bo Stellwood"},
        {"stated_total": 4.5, "rows_sum": 4.5},
    ]
    assert not result.flags and not any(i.needs_review for i in result.items)


def test_month_day_rows_take_the_year_of_their_heading_and_abbreviations_their_legend() -> None:
    doc = doc_of(
        row([(72, "Consultant: Orrin Underhay")], 60),
        row([(72, "Format: I = individual session, G = group session")], 75),
        row(BY_YEAR_HEADER, 100),
        row([(72, "Sessions in 2024")], 115),
        row([(72, "12/15"), (142, "I"), (212, "1.5 hrs"), (292, "Orrin Underhay")], 130),
        row([(72, "Sessions in 2025")], 145),
        row([(72, "1/8"), (142, "G"), (212, "2.0 hrs"), (292, "Elowen Stellwood")], 160),
        row([(72, "Total RS/C hours: 3.5 hrs")], 175),
    )
    result = extraction(doc)
    assert [i.value for i in result.items] == [
        {"date": "2024-12-15", "hours": 1.5, "format": "individual", "supervisor": "Orrin Underhay"},
        {"date": "2025-01-08", "hours": 2.0, "format": "group", "supervisor": "Elowen Stellwood"},
        {"stated_total": 3.5, "rows_sum": 3.5},
    ]
    assert not result.flags and not any(i.needs_review for i in result.items)


@pytest.mark.parametrize(("total_row", "stated", "mismatch"), [
    ("Total hours: 3.5", 3.5, False),
    ("TOTAL DURATION 3:30", 3.5, False),
    ("Total minutes: 210", 3.5, False),
    ("Total hours: 5.0", 5.0, True),
    ("Sum of contact time: 3.5 hours", 3.5, False),
    ("Sum: 3.5", 3.5, False),
    ("Hours total: 3.5", 3.5, False),
    ("Overall total 3.5 hrs", 3.5, False),
    ("Cumulative total: 3.5", 3.5, False),
    ("Log total (hours): 3.5", 3.5, False),
    ("Combined hours: 3.5", 3.5, False),
    ("Sum of hours 5.0", 5.0, True),
])
def test_the_stated_total_is_compared_with_the_rows(total_row: str, stated: float, mismatch: bool) -> None:
    doc = doc_of(row(CLASSIC_HEADER, 100),
                 row([(78, "04/21/2023"), (178, "Individual"), (278, "1.5"), (348, "Zevi Pembrake")], 120),
                 row([(78, "05/29/2023"), (178, "Individual"), (278, "2.0"), (348, "Zevi Pembrake")], 140),
                 row([(72, total_row)], 170))
    result = extraction(doc)
    total = result.items[-1]
    assert total.type == "supervision_total"
    assert total.value == {"stated_total": stated, "rows_sum": 3.5}
    assert ("log.total_mismatch" in total.reasons) is mismatch
    assert any(f.code == "log.total_mismatch" for f in result.flags) is mismatch


STATEMENT_HEADER = [(57, "Date"), (127, "Service"), (377, "Time (min)"), (440, "Rate"), (490, "Amount")]
"""A billing statement: each session described in words, its time, the rate and the amount charged."""


@pytest.mark.parametrize(("header", "description", "time", "expected"), [
    (STATEMENT_HEADER, "Individual clinical supervision with Ann Lee", "90",
     {"date": "2024-03-04", "hours": 1.5, "format": "individual", "supervisor": "Ann Lee"}),
    (STATEMENT_HEADER, "Group consultation, led by Bo T. Stellwood", "120",
     {"date": "2024-03-04", "hours": 2.0, "format": "group", "supervisor": "Bo T. Stellwood"}),
    ([(57, "Date of service"), (127, "Description"), (377, "Hours"), (440, "Fee")], "Individual session with Ann Lee",
     "1.5", {"date": "2024-03-04", "hours": 1.5, "format": "individual", "supervisor": "Ann Lee"}),
    ([(57, "Date"), (127, "Services provided"), (377, "Time (h:mm)"), (440, "Rate")], "Group supervision by Ann Lee",
     "1:30", {"date": "2024-03-04", "hours": 1.5, "format": "group", "supervisor": "Ann Lee"}),
])
def test_a_statement_describes_each_session_in_words(header: list[tuple[float, str]], description: str, time: str,
                                                     expected: dict[str, object]) -> None:
    amount = f"${60 * float(str(expected['hours'])):.2f}"  # billed at $60/h
    cells = [(57, "2024-03-04"), (127, description), (377, time), (440, "$60/h"), (490, amount)]
    result = extraction(doc_of(row(header, 100), row(cells, 120)))
    session = next(i for i in result.items if i.type == "supervision_session")
    assert session.value == expected and not session.needs_review


@pytest.mark.parametrize(("description", "reason"), [
    ("Individual and group supervision with Ann Lee", "log.format_unreadable"),  # both options: which one?
    ("Individual reflective supervision", "log.supervisor_missing"),  # no name after "with" or "by"
    ("Individual supervision with the team", "log.supervisor_missing"),
    ("Group case review with Family Services", "log.supervisor_missing"),  # a body, not the supervisor
    ("Individual consultation with Head Start", "log.supervisor_missing"),
    ("Group supervision with Ann and Bob", "log.supervisor_missing"),  # two people: which one?
])
def test_a_description_that_does_not_say_is_flagged(description: str, reason: str) -> None:
    cells = [(57, "2024-03-04"), (127, description), (377, "90"), (440, "$90/h"), (490, "$135.00")]
    session = next(i for i in extraction(doc_of(row(STATEMENT_HEADER, 100), row(cells, 120))).items
                   if i.type == "supervision_session")
    assert reason in session.reasons and session.needs_review


@pytest.mark.parametrize(("other_row", "flagged"), [
    (None, True),  # "vesna": a capital OCR lost, or no name: a person checks it
    ("Individual supervision with Vesna Lee", False),  # the same name read whole in another row vouches for it
])
def test_a_described_name_that_lost_its_capital(other_row: str | None, flagged: bool) -> None:
    rows = [row([(57, "2024-03-04"), (127, "Individual supervision with vesna Lee"), (377, "90")], 120)]
    if other_row:
        rows.append(row([(57, "2024-03-18"), (127, other_row), (377, "60")], 140))
    session = next(i for i in extraction(doc_of(row(STATEMENT_HEADER, 100), *rows)).items
                   if i.type == "supervision_session")
    assert session.value["supervisor"] == ("vesna Lee" if flagged else "Vesna Lee")
    assert ("log.supervisor_unclear" in session.reasons) is flagged and session.needs_review is flagged


@pytest.mark.parametrize(("time", "confidence", "hours", "reason"), [
    ("20", 0.3, 2.0, "log.hours_from_amount"),  # "120" half read: $80.00 at $40/h is two hours
    ("Lev", 0.6, 2.0, "log.hours_from_amount"),  # no duration at all
    ("90", 0.96, 1.5, "log.hours_disagree_amount"),  # read well, but the amount bills two hours: kept, flagged
])
def test_a_statement_row_amount_over_its_rate_checks_its_time(time: str, confidence: float, hours: float,
                                                              reason: str) -> None:
    cells = [(57, "2024-03-04"), (127, "Group consultation led by Ann Lee"), (440, "$40/h"), (490, "$80.00")]
    doc = doc_of(row(STATEMENT_HEADER, 100), row(cells, 120) + row([(377, time)], 120, confidence=confidence))
    session = next(i for i in extraction(doc).items if i.type == "supervision_session")
    assert session.value["hours"] == hours and reason in session.reasons and session.needs_review


def test_a_duration_read_with_low_ocr_confidence_gives_way_to_its_times() -> None:
    cells = [c for c in contact_row(hours="") if c[1]]
    doc = doc_of(row(contact_header(), 100), row(cells, 120) + row([(210, "1.0")], 120, confidence=0.4))
    session = next(i for i in extraction(doc).items if i.type == "supervision_session")
    assert session.value["hours"] == 2.0 and "log.hours_from_times" in session.reasons and session.needs_review


def test_a_row_without_a_header_skips_its_rate_and_amount() -> None:
    doc = doc_of(row([(72, "Supervisor/Consultant: Ann Lee")], 80),
                 row([(78, "2024-01-05"), (160, "Individual"), (260, "1.5 hrs"), (320, "$90/h"), (370, "$135.00")],
                     120))
    assert sessions(doc) == [{"date": "2024-01-05", "hours": 1.5, "format": "individual", "supervisor": "Ann Lee"}]


@pytest.mark.parametrize(("total_rows", "stated"), [
    (["Total time (h:mm): 3:30"], 3.5),  # the unit in brackets holds a colon
    (["Total consultation time (min): 210", "Total fees billed: 315.00"], 3.5),  # time beside money
    (["Total (hours): 3.5", "Total amount: 315.00 USD"], 3.5),
])
def test_a_statement_total_is_its_time_not_its_money(total_rows: list[str], stated: float) -> None:
    doc = doc_of(row(CLASSIC_HEADER, 100),
                 row([(78, "04/21/2023"), (178, "Individual"), (278, "1.5"), (348, "Zevi Pembrake")], 120),
                 row([(78, "05/29/2023"), (178, "Individual"), (278, "2.0"), (348, "Zevi Pembrake")], 140),
                 *[row([(72, text)], 170 + 20 * n) for n, text in enumerate(total_rows)])
    total = next(i for i in extraction(doc).items if i.type == "supervision_total")
    assert total.value == {"stated_total": stated, "rows_sum": 3.5} and not total.needs_review


def test_a_row_that_starts_like_a_session_but_does_not_read_is_a_document_flag() -> None:
    doc = doc_of(row(CLASSIC_HEADER, 100),
                 row([(78, "04/21/2023"), (178, "Individual"), (278, "a5"), (348, "Zevi Pembrake")], 120),
                 row([(78, "O5/2x/2023"), (178, "Individual"), (278, "2.0"), (348, "Zevi Pembrake")], 140))
    result = extraction(doc)
    assert [f.code for f in result.flags] == ["log.row_unreadable", "log.row_unreadable", "log.no_sessions"]


@pytest.mark.parametrize(("hours", "value", "reasons"), [
    ("15", 1.5, ["log.hours_repaired"]),
    ("1:5", 1.5, ["log.hours_repaired"]),
    ("th 30m", 1.5, ["log.hours_repaired"]),
    ("lh 00m", 1.0, ["log.hours_repaired"]),
    ("25.0", 25.0, ["log.hours_implausible"]),
])
def test_a_doubtful_duration_is_repaired_or_flagged(hours: str, value: float, reasons: list[str]) -> None:
    doc = doc_of(row(CLASSIC_HEADER, 100),
                 row([(78, "04/21/2023"), (178, "Individual"), (278, hours), (348, "Zevi Pembrake")], 120))
    item = extraction(doc).items[0]
    assert item.value["hours"] == value
    assert item.needs_review and item.reasons == reasons


def test_an_agreeing_total_confirms_hours_read_with_low_ocr_confidence() -> None:
    low = row([(278, "1.5")], 120, confidence=0.3)
    doc = doc_of(row(CLASSIC_HEADER, 100),
                 row([(78, "04/21/2023"), (178, "Individual"), (348, "Zevi Pembrake")], 120) + low,
                 row([(72, "Total hours: 1.5")], 150))
    item = extraction(doc).items[0]
    assert not item.needs_review and [p.text for p in item.provenance][:2] == ["04/21/2023", "1.5"]


def test_rows_of_a_tilted_scan_stay_whole_and_in_their_columns() -> None:
    slope = 0.035  # two degrees: the supervisor's name sits 10 points below the date
    doc = doc_of(row(CLASSIC_HEADER, 100, slope=slope),
                 *[row([(78, f"0{m}/0{m}/2024"), (178, "Group"), (278, "2.0"), (348, "Ann Lee")], 100 + 16 * m,
                       slope=slope) for m in range(1, 8)])
    assert [s["date"] for s in sessions(doc)] == [f"2024-0{m}-0{m}" for m in range(1, 8)]


def test_without_a_header_rows_led_by_a_date_are_read_by_content() -> None:
    doc = doc_of(row([(72, "Supervisor/Consultant: Ann Lee")], 80),
                 row([(78, "2024-01-05"), (160, "Individual"), (260, "1.5 hrs")], 120))
    assert sessions(doc) == [{"date": "2024-01-05", "hours": 1.5, "format": "individual", "supervisor": "Ann Lee"}]


@pytest.mark.parametrize("stem", [
    "c001-rsc-log", "t001-rsc-log",  # classic: ruled table, header on every page, Total hours:
    "t002-rsc-log", "t005-rsc-log",  # export: fixed width, TOTAL DURATION (t002 mis-totals)
    "t003-rsc-log", "t006-rsc-log",  # by-year: month/day rows under year headings (t006 mis-totals)
    "t019-rsc-log",  # contact record: an I/G column of initials, start and end times beside the duration
    "t020-rsc-log",  # sign-in sheet: two tables side by side under one header row, 1h 30m (mis-totals)
    "t027-rsc-log", "t029-rsc-log",  # statement of services: described sessions, rate and amount, minutes or h:mm
    "t028-rsc-log",  # (mis-totals)
    "t035-rsc-log", "t036-rsc-log",  # duration in an Individual or a Group column, in minutes or h:mm (t036 mis-totals)
    "t047-rsc-log", "t048-rsc-log",  # by provider: a heading over each section names its type and provider (t048
    "t049-rsc-log", "t050-rsc-log",  # mis-totals), in minutes or hrs
])
def test_tune_logs_extract_every_row_and_the_total(golden: Path, stem: str) -> None:
    expected = json.loads((golden / f"{stem}.expected.json").read_text())
    result = extract_document(golden / f"{stem}.pdf")
    outcome = compare(result, expected)
    assert outcome.problems == [] and outcome.extra == 0
    total = next(i for i in result.items if i.type == "supervision_total")
    assert ("log.total_mismatch" in total.reasons) is (stem in {"t002-rsc-log", "t006-rsc-log", "t020-rsc-log",
                                                                       "t028-rsc-log", "t036-rsc-log",
                                                                       "t048-rsc-log"})


@pytest.mark.parametrize(("text", "minutes", "hours"), [
    ("90", True, 1.5),
    ("2460", True, 41.0),  # a log's total in minutes runs past any plausible number of hours
    ("1,860", True, 31.0),
    ("1.5", False, 1.5),
    ("2460", False, None),
])
def test_durations_under_a_minutes_heading(text: str, minutes: bool, hours: float | None) -> None:
    parsed = supervision._hours(text, minutes)
    assert (parsed.hours if parsed else None) == hours


def test_a_total_row_whose_figure_is_unreadable_is_an_unreadable_total() -> None:
    doc = doc_of(row(CLASSIC_HEADER, 100),
                 row([(78, "04/21/2023"), (178, "Individual"), (278, "1.5"), (348, "Zevi Pembrake")], 120),
                 row([(72, "TOTAL DURATION")], 150))
    total = extraction(doc).items[-1]
    assert total.type == "supervision_total" and total.value["stated_total"] is None
    assert total.reasons == ["log.total_unreadable"] and total.needs_review


def test_cross_checks_vouch_for_words_tesseract_scored_low() -> None:
    """A format cell that is the option word whole, and a name read confidently in another row, are not doubted."""
    doc = doc_of(row(CLASSIC_HEADER, 100),
                 row([(78, "04/21/2023"), (278, "1.5"), (348, "Zevi Pembrake")], 120)
                 + row([(178, "Individual")], 120, confidence=0.4),
                 row([(78, "05/29/2023"), (178, "Group"), (278, "2.0")], 140)
                 + row([(348, "Zevi Pembrake")], 140, confidence=0.3))
    items = extraction(doc).items
    assert [i.value["format"] for i in items] == ["individual", "group"]
    assert not any(i.needs_review for i in items)


@pytest.mark.parametrize(("name", "other", "doubted"), [
    ("Zevi Pembrake", "Zevi Pembrake", False),
    ("Zevi Pembrake", "Ann Lee", True),  # read once, and doubtfully: nothing confirms it
    ("Zevl Pembrake", "Zevi Pembrake", True),  # a misreading does not match the confident reading
])
def test_a_doubtful_name_is_vouched_only_by_the_same_name_read_confidently(name: str, other: str,
                                                                           doubted: bool) -> None:
    doc = doc_of(row(CLASSIC_HEADER, 100),
                 row([(78, "04/21/2023"), (178, "Individual"), (278, "1.5"), (348, other)], 120),
                 row([(78, "05/29/2023"), (178, "Individual"), (278, "2.0")], 140)
                 + row([(348, name)], 140, confidence=0.3))
    assert extraction(doc).items[1].needs_review is doubted


def test_a_total_equal_to_the_rows_sum_is_not_doubted_for_its_ocr_confidence() -> None:
    doc = doc_of(row(CLASSIC_HEADER, 100),
                 row([(78, "04/21/2023"), (178, "Individual"), (278, "1.5"), (348, "Zevi Pembrake")], 120),
                 row([(72, "Total hours:")], 150) + row([(150, "1.5")], 150, confidence=0.4))
    total = extraction(doc).items[-1]
    assert total.value["stated_total"] == 1.5 and not total.needs_review


@pytest.mark.parametrize(("durations", "garbled", "value"), [
    (["1.5", "2.0", "1.0"], "125", 1.5),  # the point read as a digit
    (["1.5", "2.0", "1.0"], "12.0", 1.0),  # an implausible session in the column's form
    (["1:30", "2:00", "1:00"], "130", 1.5),  # the colon lost
    (["1:30", "2:00", "1:00"], "13:0", 1.5),
])
def test_a_garbled_duration_is_read_in_the_form_of_its_column(durations: list[str], garbled: str,
                                                              value: float) -> None:
    rows = [row([(78, f"0{n + 1}/10/2023"), (178, "Individual"), (278, hours), (348, "Zevi Pembrake")], 120 + 20 * n)
            for n, hours in enumerate([*durations, garbled])]
    item = extraction(doc_of(row(CLASSIC_HEADER, 100), *rows)).items[len(durations)]
    assert item.value["hours"] == value
    assert "log.hours_repaired" in item.reasons and item.needs_review


def test_a_date_cell_with_digit_look_alikes_is_read_and_flagged() -> None:
    doc = doc_of(row(BY_YEAR_HEADER, 100), row([(72, "Sessions in 2026")], 115),
                 row([(72, "1/il"), (142, "Individual"), (212, "2.0 hrs"), (292, "Ann Lee")], 130))
    item = extraction(doc).items[0]
    assert item.value["date"] == "2026-01-11"
    assert item.reasons == ["log.date_repaired"] and item.needs_review


SPREADSHEET_HEADER = [(42, "1"), (70, "Supervisor"), (170, "Date"), (230, "Type"), (280, "Duration (min)"),
                      (360, "Cumulative hrs")]


def test_a_spreadsheet_log_in_minutes_with_a_running_total_column() -> None:
    """Row numbers, a minutes column named with its unit, a cumulative column that is no session's hours,
    a footer, and a TOTAL row in the log's own unit."""
    doc = doc_of(row(SPREADSHEET_HEADER, 100),
                 row([(42, "2"), (70, "Ann Lee"), (170, "9/8/25"), (230, "Grp"), (280, "120"), (360, "2.00")], 120),
                 row([(42, "3"), (70, "Ann Lee"), (170, "10/13/25"), (230, "Indiv."), (280, "90"), (360, "3.50")], 140),
                 row([(42, "4"), (70, "TOTAL"), (280, "210")], 160),
                 row([(250, "Sheet1 - page 1 of 1")], 300))
    result = extraction(doc)
    assert [(i.value.get("hours"), i.value.get("format")) for i in result.items[:2]] == [(2.0, "group"),
                                                                                      (1.5, "individual")]
    assert result.items[-1].value == {"stated_total": 3.5, "rows_sum": 3.5}
    assert result.flags == []


def test_monthly_blocks_with_a_session_column_and_month_subtotals() -> None:
    """'Session' and 'Hours' are two header cells (never one name 'Session Hours'); month headings and
    'Hours this month' lines are not rows."""
    header = [(84, "Date"), (180, "Session"), (260, "Hours"), (320, "Facilitator")]
    doc = doc_of(row([(72, "Month: July 2023")], 90), row(header, 105),
                 row([(84, "6 July 2023"), (180, "Group"), (260, "2:00"), (320, "Ann Lee")], 120),
                 row([(200, "Hours this month: 2.0")], 135),
                 row([(72, "Month: August 2023")], 155), row(header, 170),
                 row([(84, "3 August 2023"), (180, "Individual"), (260, "1:30"), (320, "Ann Lee")], 185),
                 row([(200, "Hours this month: 1.5")], 200), row([(72, "TOTAL HOURS: 3:30")], 220))
    result = extraction(doc)
    assert sessions(doc) == [
        {"date": "2023-07-06", "hours": 2.0, "format": "group", "supervisor": "Ann Lee"},
        {"date": "2023-08-03", "hours": 1.5, "format": "individual", "supervisor": "Ann Lee"}]
    assert result.flags == [] and result.items[-1].value["stated_total"] == 3.5


def test_a_name_ocr_lost_a_capital_or_ran_a_row_number_into_takes_the_confident_spelling() -> None:
    doc = doc_of(row([(72, "Primary consultant: Vesna Jessamond")], 80), row(CLASSIC_HEADER, 100),
                 row([(78, "06/10/2024"), (178, "Individual"), (278, "1.5"), (348, "vesna Jessamond")], 120),
                 row([(78, "06/27/2024"), (178, "Individual"), (278, "1.5"), (348, "20 Vesna Jessamond")], 140),
                 row([(78, "07/14/2024"), (178, "Individual"), (278, "1.5"), (348, "vesna Jessamund")], 160))
    items = extraction(doc).items
    assert [i.value["supervisor"] for i in items] == ["Vesna Jessamond", "Vesna Jessamond", "vesna Jessamund"]
    assert [i.needs_review for i in items] == [False, False, True]  # a different name is not corrected


PRINT_HEADER = [(60, "Date"), (130, "Hours"), (180, "Indiv/Grp"), (240, "Provider (print)"), (420, "Initials")]


@pytest.mark.parametrize(("header", "name", "doubted"), [
    (PRINT_HEADER, "Nadia Brackwell", False),  # the parenthesis is part of the column's name
    ([(60, "Date"), (100, "Hours"), (150, "Indiv/Grp"), (205, "Provider"), (255, "Surname"), (420, "Initials")],
     "Nadia Brackwell", True),  # an unknown header word over the surname: a column edge cuts the name
])
def test_a_name_cell_is_read_whole_or_flagged_when_a_column_edge_cuts_it(header: list[tuple[float, str]],
                                                                        name: str, doubted: bool) -> None:
    at = 225 if doubted else 240
    hours, kind = (100, 150) if doubted else (130, 180)
    doc = doc_of(row(header, 100), row([(60, "1/13/24"), (hours, "1.5"), (kind, "Indiv"), (at, name), (420, "NB.")],
                                      120, confidence=0.97))
    (session,) = [i for i in extraction(doc).items if i.type == "supervision_session"]
    assert session.value["format"] == "individual"
    if doubted:
        assert "log.cell_split" in session.reasons and session.needs_review
        assert session.value["supervisor"] != name
    else:
        assert session.value["supervisor"] == name and not session.needs_review


@pytest.mark.parametrize(("total_row", "flagged"), [("Total hours: 3.5", False), ("Reviewed by the consultant", True)])
def test_a_log_whose_total_is_not_read_says_so(total_row: str, flagged: bool) -> None:
    """The stated total is the cross-check of the rows: a log read without one carries a flag that says so."""
    doc = doc_of(row(CLASSIC_HEADER, 100),
                 row([(78, "04/21/2023"), (178, "Individual"), (278, "1.5"), (348, "Zevi Pembrake")], 120),
                 row([(78, "05/29/2023"), (178, "Individual"), (278, "2.0"), (348, "Zevi Pembrake")], 140),
                 row([(72, total_row)], 170))
    codes = [flag.code for flag in extraction(doc).flags]
    assert ("log.total_missing" in codes) is flagged


NO_SUPERVISOR_HEADER = [(78, "Date"), (178, "Format"), (278, "Hours")]


def _named_log(*named: str) -> list[Item]:
    """A log without a supervisor column under the given heading lines, its total agreeing with its rows."""
    heading = [row([(60, text)], 40 + 15 * n) for n, text in enumerate(named)]
    doc = doc_of(*heading, row(NO_SUPERVISOR_HEADER, 100),
                 row([(78, "04/21/2023"), (178, "Individual"), (278, "1.5")], 120),
                 row([(78, "05/29/2023"), (178, "Individual"), (278, "2.0")], 140),
                 row([(72, "Total hours: 3.5")], 160))
    return [i for i in extraction(doc).items if i.type == "supervision_session"]


@pytest.mark.parametrize(("named", "supervisor", "doubted"), [
    (["Supervisee: Ana Lopez", "Clinical supervisor: Hal Moss", "RS/C provider: Ann Lee"], "Ann Lee", True),
    (["Mentor: Hal Moss", "Reflective consultant: Ann Lee"], "Ann Lee", True),
    (["Facilitator: Hal Moss", "Consultant: Ann Lee"], "Ann Lee", True),
    (["Led by: Hal Moss", "Reflective supervisor: Ann Lee"], "Ann Lee", True),
    (["Supervised by: Ann Lee", "Reflective supervisor: Ann Lee"], "Ann Lee", False),  # guard: one person, twice
    (["Supervisor: Ann Lee", "RS/C provider: Ann Lee, LCSW"], "Ann Lee", False),  # one person, titled once
])
def test_the_most_specific_supervisor_label_wins_and_a_second_name_is_flagged(named: list[str], supervisor: str,
                                                                              doubted: bool) -> None:
    """An RS/C provider's label beats a clinical supervisor's or a mentor's anywhere on the page; two names: flagged."""
    found = _named_log(*named)
    assert [s.value["supervisor"] for s in found] == [supervisor, supervisor]
    assert all(s.needs_review is doubted for s in found)


@pytest.mark.parametrize(("named", "supervisor"), [
    ("Provided by: Riverbend Family Services", None),
    ("Led by: Early Learning Center", None),
    ("Supervised by: Hal Moss, Program Director", "Hal Moss"),
    ("Reflective supervisor: Ann Lee, LCSW", "Ann Lee"),
    ("Reflective supervisor: Lee, Ann", "Lee, Ann"),  # a surname first: read whole, and checked
])
def test_the_log_s_named_supervisor_is_a_person_without_a_title(named: str, supervisor: str | None) -> None:
    """An organisation under "Provided by" is no supervisor (flagged missing); a title after a comma is no name."""
    found = _named_log(named)
    assert [s.value["supervisor"] for s in found] == [supervisor, supervisor]
    assert all(s.needs_review is (supervisor is None or "," in supervisor) for s in found)


@pytest.mark.parametrize(("first", "second", "dates", "doubted"), [
    ("21-04-2023", "05-06-2023", ["2023-04-21", "2023-06-05"], [False, False]),  # the first row says: day first
    ("04-21-2023", "05-06-2023", ["2023-04-21", "2023-05-06"], [False, False]),
    ("13.05.2023", "04.06.2023", ["2023-05-13", "2023-06-04"], [False, False]),
    ("05-04-2023", "06-05-2023", ["2023-05-04", "2023-06-05"], [True, True]),  # no row says: a person checks
])
def test_a_dashed_or_dotted_date_takes_its_log_s_order_or_is_checked_by_a_person(first: str, second: str,
                                                                                dates: list[str],
                                                                                doubted: list[bool]) -> None:
    doc = doc_of(row(CLASSIC_HEADER, 100), row([(78, first), (178, "Individual"), (278, "1.5"), (348, "Ann Lee")], 120),
                 row([(78, second), (178, "Individual"), (278, "2.0"), (348, "Ann Lee")], 140),
                 row([(72, "Total hours: 3.5")], 160))
    found = [i for i in extraction(doc).items if i.type == "supervision_session"]
    assert [s.value["date"] for s in found] == dates
    assert [s.needs_review for s in found] == doubted
