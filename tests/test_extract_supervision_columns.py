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

