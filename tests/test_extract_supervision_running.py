"""RS/C logs on paper: a running total beside each session's hours, the type ticked with an X, OCR's look-alikes."""

from __future__ import annotations

import pytest

from extractors import supervision
from extractors.fields import Extraction
from extractors.layout import DocText, build_text
from extractors.nlp import find_patterns
from pipeline.models import Item, Page, Word

CHAR = 5.0
HEADER = [(40, "Date of session", 0.96), (120, "Individual", 0.96), (175, "Group", 0.96), (210, "Hrs", 0.96),
          (245, "Hours to date", 0.96), (320, "Consultant", 0.96)]
"""A paper log: the type ticked under Individual or Group, each session's hours and the total so far."""


def words(cells: list[tuple[float, str, float]], top: float) -> list[Word]:
    """One printed row: each cell's text at its x with its own OCR confidence, words one space apart."""
    row = []
    for x, text, confidence in cells:
        for part in text.split():
            row.append(Word(text=part, bbox=(x, top, x + CHAR * len(part), top + 9), confidence=confidence,
                            source="ocr"))
            x += CHAR * (len(part) + 1)
    return row


def session_row(date: str, hours: str, so_far: str, mark: str = "X", hours_confidence: float = 0.96,
                so_far_confidence: float = 0.96, tail: tuple[float, str, float] | None = None,
                ) -> list[tuple[float, str, float]]:
    cells = [(40, date, 0.96), (125, mark, 0.8), (210, hours, hours_confidence), (245, so_far, so_far_confidence),
             (320, "Bryn Castellane", 0.93)]
    return cells + ([tail] if tail else [])


def extracted(*rows: list[tuple[float, str, float]], above: str = "", below: str = "",
              header: list[tuple[float, str, float]] = HEADER) -> Extraction:
    """The log's page: a line above its header (if any), the header, the rows, a line below them (if any)."""
    lines = ([words([(40, above, 0.95)], 80)] if above else []) + [words(header, 100)]
    lines += [words(r, 120 + 20 * n) for n, r in enumerate(rows)]
    lines += [words([(40, below, 0.95)], 130 + 20 * len(rows))] if below else []
    page = Page(number=1, width=612, height=792, source="ocr", words=[w for line in lines for w in line])
    doc: DocText = build_text("doc", [page])
    return supervision.extract(doc, find_patterns(doc.text))


def sessions(*rows: list[tuple[float, str, float]], above: str = "", below: str = "",
             header: list[tuple[float, str, float]] = HEADER) -> list[Item]:
    result = extracted(*rows, above=above, below=below, header=header)
    return [i for i in result.items if i.type == "supervision_session"]


def right_or_flagged(found: list[Item], hours: list[float]) -> bool:
    """Each row's hours are the paper's, or the row is flagged for a person."""
    if len(found) != len(hours):
        return False
    return all(i.value["hours"] == h or i.needs_review for i, h in zip(found, hours, strict=True))


@pytest.mark.parametrize("mark", ["XxX", "xXx"])
def test_an_x_read_three_times_is_a_tick(mark: str) -> None:
    """OCR often reads a pen's X as two or three letters: the column still names the session's type."""
    found = sessions(session_row("09/03/2024", "1.0", "1.0", mark=mark))
    assert [i.value["format"] for i in found] == ["individual"]


@pytest.mark.parametrize(("cell", "expected"), [("LS", 1.5), ("L.5", 1.5), ("l.0", 1.0), ("2.O", 2.0)])
def test_a_duration_with_letters_for_its_digits_is_read_back_and_flagged(cell: str, expected: float) -> None:
    """A 1, 5 or 0 read as a letter ("LS" for 1.5 with its point lost) is read back, for a person to check."""
    found = sessions(session_row("09/03/2024", "1.0", "5.0", so_far_confidence=0.3),
                     session_row("09/17/2024", cell, "9.0", so_far_confidence=0.3))
    assert found[1].value["hours"] == expected and "log.hours_repaired" in found[1].reasons


def test_a_running_total_gives_an_unreadable_duration_and_says_so() -> None:
    """The total so far less the row above's is the session's length when its own cell does not read."""
    found = sessions(session_row("09/03/2024", "2.0", "2.0"), session_row("09/17/2024", "#?", "3.5"))
    assert found[1].value["hours"] == 1.5 and "log.hours_from_running" in found[1].reasons


def test_a_running_total_that_agrees_vouches_for_a_doubtful_duration() -> None:
    """A faint "1.5" whose running total steps by 1.5 is stated twice on the paper: no doubt left on it."""
    found = sessions(session_row("09/03/2024", "2.0", "2.0"),
                     session_row("09/17/2024", "1.5", "3.5", hours_confidence=0.3))
    assert found[1].value["hours"] == 1.5 and not found[1].needs_review


@pytest.mark.parametrize(("so_far", "so_far_confidence", "reason"), [
    ("4.0", 0.96, "log.hours_disagree_running"),  # a well-read total that steps by another amount: a question
    ("3.5", 0.3, "ocr.low_confidence"),  # a doubtful total vouches for nothing
])
def test_a_running_total_that_disagrees_or_reads_badly_leaves_the_doubt(so_far: str, so_far_confidence: float,
                                                                       reason: str) -> None:
    found = sessions(session_row("09/03/2024", "2.0", "2.0"),
                     session_row("09/17/2024", "1.5", so_far, hours_confidence=0.3 if reason[0] == "o" else 0.96,
                                 so_far_confidence=so_far_confidence))
    assert found[1].value["hours"] == 1.5 and found[1].needs_review and reason in found[1].reasons


@pytest.mark.parametrize(("tail", "expected"), [
    ((560, "a", 0.2), "Bryn Castellane"),  # a speck in the margin, read as a letter
    ((560, "'.", 0.3), "Bryn Castellane"),
    ((410, "Jr", 0.9), "Bryn Castellane Jr"),  # guard: a word read well stays
    ((400, "a", 0.2), "Bryn Castellane a"),  # guard: a space from the name, it may be part of it (flagged)
])
def test_a_speck_far_right_of_a_name_is_no_part_of_it(tail: tuple[float, str, float], expected: str) -> None:
    found = sessions(session_row("09/03/2024", "1.0", "1.0", tail=tail))
    assert found[0].value["supervisor"] == expected


@pytest.mark.parametrize(("second", "third"), [("1.5", "0.5"), ("%", "?!")])
def test_a_misread_running_total_leaves_the_durations_it_gave_flagged(second: str, third: str) -> None:
    """Paper: 2.0, 1.5, 0.5 h, running 2.0, 3.5, 4.0, total 4.0; the middle running cell read as "3.0".

    The faint (or unreadable) durations take the steps 1.0 and 1.0. The log's total is the last running
    total again, so it equals any steps' sum: it must not clear the doubt on hours taken from a step.
    """
    found = sessions(session_row("02/05/2024", "2.0", "2.0"),
                     session_row("02/19/2024", second, "3.0", hours_confidence=0.35),
                     session_row("03/04/2024", third, "4.0", hours_confidence=0.35), below="Total hours: 4.0")
    assert right_or_flagged(found, [2.0, 1.5, 0.5])
    assert all("log.hours_from_running" in i.reasons for i in found[1:])


def test_a_running_total_out_of_its_columns_form_is_not_read() -> None:
    """An h:mm log whose middle running total "3:30" OCR read as "3.30": never 3.3 h, so no step of 1.3 h."""
    found = sessions(session_row("05/06/2024", "2:00", "2:00"),
                     session_row("05/20/2024", "1:30", "3.30", hours_confidence=0.45),
                     session_row("06/03/2024", "0:45", "4:15", hours_confidence=0.45), below="Total (h:mm): 4:15")
    assert right_or_flagged(found, [2.0, 1.5, 0.75])
    assert not any("log.hours_from_running" in i.reasons for i in found)


@pytest.mark.parametrize("date", ['"', "do.", "Ditto"])
def test_a_ditto_date_is_the_row_aboves_and_flagged(date: str) -> None:
    """A second session the same day, its date a ditto mark: read with the date above, for a person to confirm."""
    found = sessions(session_row("04/08/2024", "1.0", "1.0"), session_row(date, "1.0", "2.0"),
                     session_row("04/22/2024", "1.5", "3.5", hours_confidence=0.35))
    assert [i.value["date"] for i in found] == ["2024-04-08", "2024-04-08", "2024-04-22"]
    assert "log.date_ditto" in found[1].reasons and found[1].needs_review
    assert [i.value["hours"] for i in found] == [1.0, 1.0, 1.5]


@pytest.mark.parametrize("date", ["", "~ ~"])
def test_an_undated_row_with_hours_is_flagged_and_its_running_total_kept(date: str) -> None:
    """A row with hours and a running total but no date that reads: the document says so, and the next row's
    step starts from that row's total (1.5 h, never both sessions' 2.5 h)."""
    result = extracted(session_row("04/08/2024", "1.0", "1.0"), session_row(date, "1.0", "2.0"),
                       session_row("04/22/2024", "1.5", "3.5", hours_confidence=0.35))
    found = [i for i in result.items if i.type == "supervision_session"]
    assert "log.row_unreadable" in [f.code for f in result.flags]
    assert [i.value["hours"] for i in found] == [1.0, 1.5]


@pytest.mark.parametrize(("above", "below"), [
    ("Hours brought forward from last sheet: 1.0", "Total this sheet: 2.5"),
    ("B/F from page 1 - 1.0 hrs", "Total: 3.5"),  # the foot counts the carried hour too
    ("Carried forward from previous sheet: 1:00", "Total hours: 3.5"),
])
def test_a_running_total_starts_from_the_hours_carried_forward(above: str, below: str) -> None:
    """A continuation sheet: its running total starts at the hour carried over, so a faint first duration of 1.5
    is its running 2.5 less 1.0, never 2.5."""
    found = sessions(session_row("08/05/2024", "1.5", "2.5", hours_confidence=0.35),
                     session_row("08/19/2024", "1.0", "3.5"), above=above, below=below)
    assert [i.value["hours"] for i in found] == [1.5, 1.0]


def test_a_carry_line_below_the_rows_is_the_sheets_end() -> None:
    """Guard (passes before too): "carried forward" under the rows is where the next sheet starts, not this one."""
    found = sessions(session_row("08/05/2024", "1.5", "1.5", hours_confidence=0.35),
                     session_row("08/19/2024", "1.0", "2.5"), below="Carried forward to next sheet: 2.5")
    assert [i.value["hours"] for i in found] == [1.5, 1.0] and "log.hours_from_running" not in found[0].reasons


@pytest.mark.parametrize(("first", "tail"), [("Ada", (372, "Yu", 0.55)), ("Jo", (368, "Om", 0.45))])
def test_a_short_faint_surname_after_a_wide_gap_is_kept(first: str, tail: tuple[float, str, float]) -> None:
    """A first name, a wide gap, a two-letter surname read faintly: never cut down to the first name alone."""
    cells = session_row("09/03/2024", "1.0", "1.0")
    row = [c for c in cells if c[0] != 320] + [(320, first, 0.93), tail]
    found = sessions(row)
    assert found[0].value["supervisor"] == f"{first} {tail[1]}" and found[0].needs_review


def test_a_speck_dropped_from_a_name_is_said() -> None:
    """The speck is left out of the name, and the row says so: it may have been a letter."""
    found = sessions(session_row("09/03/2024", "1.0", "1.0", tail=(560, "v", 0.25)))
    assert found[0].value["supervisor"] == "Bryn Castellane" and "log.supervisor_speck_dropped" in found[0].reasons


@pytest.mark.parametrize("name", ["Running no.", "Cumulative #"])
def test_a_running_count_of_sessions_gives_no_durations(name: str) -> None:
    """A column counting sessions (1, 2, 3) steps by one: no session's hours."""
    header = [h if h[0] != 245 else (245, name, 0.96) for h in HEADER]
    found = sessions(session_row("10/07/2024", "1.5", "1"), session_row("10/21/2024", "2.0", "2",
                                                                      hours_confidence=0.35), header=header)
    assert [i.value["hours"] for i in found] == [1.5, 2.0]
    assert not any(r.startswith("log.hours_") and "running" in r for i in found for r in i.reasons)


def test_a_carried_forward_row_in_the_table_starts_the_running_total() -> None:
    """The sheet's first row carries 1.0 h over in the running column ("Balance forward"): no session, no doubt,
    and the faint 1.5 below it steps from 1.0."""
    result = extracted([(40, "Balance forward", 0.95), (245, "1.0", 0.96)],
                       session_row("08/05/2024", "1.5", "2.5", hours_confidence=0.35),
                       session_row("08/19/2024", "1.0", "3.5"), below="Total this sheet: 2.5")
    found = [i for i in result.items if i.type == "supervision_session"]
    assert [i.value["hours"] for i in found] == [1.5, 1.0]
    assert "log.row_unreadable" not in [f.code for f in result.flags]


@pytest.mark.parametrize("name", ["Running sum", "Cumulative tally", "Balance"])
def test_a_column_stepping_by_one_whole_number_checks_no_duration(name: str) -> None:
    """A column whose header reads like a running total but whose cells go 1, 2, 3 counts sessions: its step of 1
    never vouches for a faint duration that reads 1.0 (the paper's 2.5)."""
    header = [h if h[0] != 245 else (245, name, 0.96) for h in HEADER]
    found = sessions(session_row("03/04/2025", "2.0", "1"),
                     session_row("03/18/2025", "1.0", "2", hours_confidence=0.4),
                     session_row("04/01/2025", "1.5", "3"), header=header)
    assert [i.value["hours"] for i in found] == [2.0, 1.0, 1.5]
    assert found[1].needs_review and not any("running" in r for i in found for r in i.reasons)


@pytest.mark.parametrize("cells", [("1", "~", "3"), ("4", "5", "6")])
def test_a_session_tally_with_a_gap_or_a_later_start_is_still_a_count(cells: tuple[str, str, str]) -> None:
    """A tally continuing from an earlier sheet (4, 5, 6), or with a cell that does not read, is still a count (the
    gap row is a guard: it passes before too, the unread cell breaking the step)."""
    header = [h if h[0] != 245 else (245, "Running sum", 0.96) for h in HEADER]
    rows = [session_row(d, h, c, hours_confidence=0.4 if n == 2 else 0.96)
            for n, (d, h, c) in enumerate(zip(["03/04/2025", "03/18/2025", "04/01/2025"], ["2.0", "1.5", "1.0"],
                                              cells, strict=True))]
    found = sessions(*rows, header=header)
    assert found[2].value["hours"] == 1.0 and found[2].needs_review


def test_a_running_total_of_whole_hours_still_checks_its_durations() -> None:
    """Guard (passes before too): whole-hour totals going 2, 3, 5 are hours: the step of 2 vouches a faint 2.0."""
    found = sessions(session_row("03/04/2025", "2.0", "2"), session_row("03/18/2025", "1.0", "3"),
                     session_row("04/01/2025", "2.0", "5", hours_confidence=0.4))
    assert found[2].value["hours"] == 2.0 and not found[2].needs_review


@pytest.mark.parametrize("above", ["Balance brought forward: _______ Page 1", "Hours from last sheet go on row 1",
                                   "Carried forward ...... sheet 1"])
def test_a_carry_line_without_hours_carries_no_number_from_elsewhere_on_it(above: str) -> None:
    """The page or row number further along a carry line is no carried total, so a faint first duration misread 1.5
    (the paper's 2.5) is not vouched by 2.5 - 1: it stays in doubt."""
    found = sessions(session_row("05/06/2025", "1.5", "2.5", hours_confidence=0.4),
                     session_row("05/20/2025", "1.0", "3.5"), above=above)
    assert found[0].needs_review


@pytest.mark.parametrize("above", ["Hours carried forward: ________", "B/F ....... (first sheet: leave blank)"])
def test_an_empty_carry_blank_starts_the_running_total_at_nothing(above: str) -> None:
    """A first sheet leaves its carry blank empty: the running total starts at 0, so an unreadable first duration is
    its running 2.0 (flagged as taken from it)."""
    found = sessions(session_row("05/06/2025", "?#", "2.0"), session_row("05/20/2025", "1.0", "3.0"), above=above)
    assert [i.value["hours"] for i in found] == [2.0, 1.0] and "log.hours_from_running" in found[0].reasons


def test_a_running_column_of_decimals_beside_an_hmm_hours_column_is_read() -> None:
    """A running column written "2", "3", "4.5" beside durations written "2:00": its decimals are its own form, so an
    unreadable last duration is its step 1.5 (flagged), not lost."""
    found = sessions(session_row("07/01/2025", "2:00", "2"), session_row("07/08/2025", "1:00", "3"),
                     session_row("07/15/2025", "1:00", "4"), session_row("07/22/2025", "%", "5.5"))
    assert [i.value["hours"] for i in found] == [2.0, 1.0, 1.0, 1.5] and found[3].needs_review


def test_a_short_running_column_with_a_point_for_a_colon_is_not_read() -> None:
    """Guard (passes before too): "1:30" then "3.30" beside h:mm durations: the running column shows h:mm itself,
    so "3.30" is a misread 3:30, never 3.3 h, and gives no step for the unreadable second duration."""
    found = sessions(session_row("07/01/2025", "1:30", "1:30"), session_row("07/08/2025", "~", "3.30"),
                     session_row("07/15/2025", "1:00", "4:30"), session_row("07/22/2025", "1:00", ""))
    assert [i.value["hours"] for i in found] == [1.5, 1.0, 1.0]


@pytest.mark.parametrize("note", ["Goals carried over", "plan brought forward", "see notes from prior month"])
def test_an_undated_session_whose_note_names_a_carry_is_still_said(note: str) -> None:
    """A second session the same day, its date left blank, with a note that mentions carrying something over: it
    has hours of its own, so it is no carry row, and the document says a dated row is missing."""
    result = extracted(session_row("06/02/2025", "2.0", "2.0"), session_row("", "1.0", "3.0", tail=(420, note, 0.95)),
                       session_row("06/16/2025", "1.5", "4.5"))
    assert "log.row_unreadable" in [f.code for f in result.flags]
