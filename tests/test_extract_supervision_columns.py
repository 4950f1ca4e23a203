"""RS/C logs that give each session type its own duration column: the column a row's hours sit in is its type."""

from __future__ import annotations

import pytest

from tests.test_extract_supervision import doc_of, extraction, row, sessions

Cells = list[tuple[float, str]]


def by_type_header(individual: str, group: str, supervisor: str = "Consultant", date: str = "Date") -> Cells:
    """A log header whose Individual and Group columns hold durations, a second column of initials after the name."""
    return [(50, date), (130, individual), (250, group), (370, supervisor), (480, "Init.")]


def by_type_row(date: str, individual: str, group: str, name: str = "Ann Lee") -> Cells:
    cells = [(50, date), (130, individual), (250, group), (370, name), (480, "KB")]
    return [c for c in cells if c[1]]


@pytest.mark.parametrize(("individual", "group", "filled", "written", "expected"), [
    ("Individual hours", "Group hours", "individual", "1.5", 1.5),  # a unit word in the column's name
    ("Group hrs", "Individual hrs", "group", "2.0", 2.0),  # the two columns the other way round
    ("Individual minutes", "Group minutes", "group", "45", 0.75),
    ("Individual (minutes)", "Group (minutes)", "individual", "120", 2.0),  # the unit in brackets
    ("Individual (hours)", "Group (hours)", "group", "1.25", 1.25),
    ("Individual (hh:mm)", "Group (hh:mm)", "individual", "1:45", 1.75),
    ("Hours (individual)", "Hours (group)", "group", "1.5", 1.5),  # the type in brackets after the unit
    ("Minutes (group)", "Minutes (individual)", "individual", "90", 1.5),
    ("Indiv. contact hrs", "Group contact hrs", "group", "2.0", 2.0),  # a unit with a word before it
])
def test_the_column_a_duration_sits_in_is_the_session_s_type(individual: str, group: str, filled: str,
                                                               written: str, expected: float) -> None:
    header = by_type_header(individual, group)
    in_first = header[1][1].lower().startswith(filled)
    cells = by_type_row("03/04/2024", written if in_first else "", "" if in_first else written)
    assert sessions(doc_of(row(header, 100), row(cells, 120))) == [
        {"date": "2024-03-04", "hours": expected, "format": filled, "supervisor": "Ann Lee"}]


@pytest.mark.parametrize(("supervisor", "date"), [("Supervisor", "Session date"), ("Led by", "Date of contact")])
def test_the_initials_after_the_name_are_a_column_of_their_own(supervisor: str, date: str) -> None:
    header = by_type_header("Individual hours", "Group hours", supervisor, date)
    cells = by_type_row("2024-05-06", "", "2.0", "Bo Stellwood")
    found = extraction(doc_of(row(header, 100), row(cells, 120)))
    assert [i.value for i in found.items] == [
        {"date": "2024-05-06", "hours": 2.0, "format": "group", "supervisor": "Bo Stellwood"}]


@pytest.mark.parametrize(("individual", "group"), [("1.5", "1.0"), ("", "")])
def test_a_row_with_a_duration_in_both_columns_or_in_neither_is_flagged(individual: str, group: str) -> None:
    header = by_type_header("Individual (hrs)", "Group (hrs)")
    result = extraction(doc_of(row(header, 100), row(by_type_row("03/04/2024", individual, group), 120)))
    assert not [i for i in result.items if i.type == "supervision_session"]
    assert any(f.code == "log.row_unreadable" for f in result.flags)


@pytest.mark.parametrize(("total_row", "stated"), [("Total: 210", 3.5), ("Total hours: 3.5", 3.5)])
def test_a_total_without_a_unit_is_in_the_unit_of_minutes_columns(total_row: str, stated: float) -> None:
    header = by_type_header("Individual (min)", "Group (min)")
    result = extraction(doc_of(row(header, 100), row(by_type_row("03/04/2024", "90", ""), 120),
                               row(by_type_row("03/18/2024", "", "120"), 140), row([(50, total_row)], 170)))
    assert [i.value["format"] for i in result.items[:-1]] == ["individual", "group"]
    assert result.items[-1].value == {"stated_total": stated, "rows_sum": 3.5}
    assert not result.items[-1].reasons


def test_a_tick_column_beside_a_duration_column_still_holds_ticks() -> None:
    """Individual and Group columns with no unit of their own are ticked; the Duration column holds the time."""
    header = [(50, "Date"), (130, "Individual"), (200, "Group"), (260, "Duration (min)"), (360, "Supervisor")]
    cells = [(50, "03/04/2024"), (200, "X"), (260, "60"), (360, "Ann Lee")]
    assert sessions(doc_of(row(header, 100), row(cells, 120))) == [
        {"date": "2024-03-04", "hours": 1.0, "format": "group", "supervisor": "Ann Lee"}]



@pytest.mark.parametrize(("header", "tick_at", "expected"), [
    # a type and a unit word farther apart than a space are two columns: a tick column and the durations
    ([(50, "Date"), (130, "One-to-one"), (200, "Group"), (235, "Hours"), (300, "Supervisor")], 150, "individual"),
    ([(50, "Date"), (130, "One-to-one"), (200, "Group"), (235, "Hours"), (300, "Supervisor")], 205, "group"),
    ([(50, "Date"), (130, "Dyadic"), (200, "Group"), (235, "Hours"), (300, "Supervisor")], 135, "individual"),
    ([(50, "Date"), (130, "1-on-1"), (200, "Group"), (235, "Minutes"), (300, "Supervisor")], 135, "individual"),
    ([(50, "Date"), (130, "Individual"), (200, "Group"), (235, "Hrs"), (300, "Supervisor")], 140, "individual"),
    # a unit word before the type is the duration column beside a tick column, however close
    ([(50, "Date"), (130, "Hours"), (165, "Individual"), (230, "Group"), (300, "Supervisor")], 175, "individual"),
    ([(50, "Date"), (130, "Hours"), (165, "Individual"), (230, "Group"), (300, "Supervisor")], 235, "group"),
])
def test_a_tick_column_close_to_a_duration_column_is_not_one_column_with_it(
        header: Cells, tick_at: float, expected: str) -> None:
    hours_at = next(x for x, name in header if name in ("Hours", "Minutes", "Hrs"))
    duration = "90" if any(name == "Minutes" for _, name in header) else "1.5"
    cells = [(50, "03/04/2024"), (tick_at, "X"), (hours_at + 3, duration), (300, "Ann Lee")]
    result = extraction(doc_of(row(header, 100), row(cells, 120), row([(50, "Total hours: 1.5")], 150)))
    assert [(i.value["format"], i.value["hours"], i.reasons) for i in result.items[:-1]] == [(expected, 1.5, [])]


@pytest.mark.parametrize("header", [
    [(50, "Date"), (130, "Individual"), (200, "Group"), (235, "Hours"), (300, "Supervisor")],
    [(50, "Date"), (130, "Hours"), (165, "Individual"), (230, "Group"), (300, "Supervisor")],
])
def test_an_unticked_row_beside_a_close_duration_column_has_no_type(header: Cells) -> None:
    hours_at = next(x for x, name in header if name == "Hours")
    cells = [(50, "03/04/2024"), (hours_at + 3, "1.5"), (300, "Ann Lee")]
    found = extraction(doc_of(row(header, 100), row(cells, 120), row([(50, "Total hours: 1.5")], 150))).items[0]
    assert (found.value["format"], found.reasons) == (None, ["log.format_missing"])


@pytest.mark.parametrize(("header", "at", "expected"), [
    ([(50, "Date"), (130, "Individual"), (200, "Group hours"), (300, "Supervisor")], 205, "group"),
    ([(50, "Date"), (130, "Individual hrs"), (230, "Group"), (300, "Supervisor")], 135, "individual"),
    ([(50, "Date"), (130, "Hours (group)"), (230, "Supervisor")], 135, "group"),
    ([(50, "Date"), (130, "Individual (min)"), (230, "Supervisor")], 135, "individual"),
])
def test_the_one_column_of_durations_named_with_a_type_is_weak_evidence_of_it(
        header: Cells, at: float, expected: str) -> None:
    """The other type has no duration column of its own: every session's time may be in this one."""
    duration = "90" if "min" in " ".join(name for _, name in header) else "1.5"
    cells = [(50, "03/04/2024"), (at, duration), (300 if len(header) > 3 else 230, "Ann Lee")]
    found = extraction(doc_of(row(header, 100), row(cells, 120))).items[0]
    assert (found.value["format"], found.value["hours"]) == (expected, 1.5)
    assert "log.format_by_column_alone" in found.reasons and found.confidence < 0.8


@pytest.mark.parametrize("other", ["0", "0:00", "0.0", "—", "-", "N/A", "n/a", "None"])
def test_a_zero_or_a_dash_in_the_other_type_s_column_is_no_duration(other: str) -> None:
    header = by_type_header("Individual hours", "Group hours")
    result = extraction(doc_of(row(header, 100), row(by_type_row("03/04/2024", "1.5", other), 120),
                               row(by_type_row("03/11/2024", other, "2.0"), 140), row([(50, "Total hours: 3.5")], 170)))
    assert [(i.value["format"], i.value["hours"], i.reasons) for i in result.items[:-1]] == [
        ("individual", 1.5, []), ("group", 2.0, [])]
    assert result.items[-1].value == {"stated_total": 3.5, "rows_sum": 3.5}
    assert not result.flags


@pytest.mark.parametrize(("header", "written", "at"), [
    ([(50, "Date"), (130, "Format"), (200, "Group hours"), (300, "Supervisor")], "Individual", 205),
    ([(50, "Date"), (130, "Type"), (200, "Individual hrs"), (300, "Supervisor")], "Group", 205),
    ([(50, "Date"), (110, "Format"), (170, "Individual hours"), (270, "Group hours"), (350, "Supervisor")],
     "Ind.", 275),
])
def test_a_format_cell_that_contradicts_the_column_of_its_duration_is_flagged(
        header: Cells, written: str, at: float) -> None:
    supervisor_at = header[-1][0]
    cells = [(50, "03/04/2024"), (header[1][0], written), (at, "1.5"), (supervisor_at, "Ann Lee")]
    found = extraction(doc_of(row(header, 100), row(cells, 120))).items[0]
    assert "log.format_disagrees_column" in found.reasons and found.needs_review
