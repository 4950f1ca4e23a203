"""RS/C logs whose running column may count sessions, and carry lines above a continuation sheet (R11a findings)."""

from __future__ import annotations

import pytest

from extractors import supervision
from extractors.fields import Extraction
from extractors.layout import DocText, build_text
from extractors.nlp import find_patterns
from pipeline.models import Item, Page
from tests.test_extract_supervision_running import HEADER, extracted, session_row, sessions, words


def headed(name: str) -> list[tuple[float, str, float]]:
    """The paper log's header with its running column named `name`."""
    return [h if h[0] != 245 else (245, name, 0.96) for h in HEADER]


def sheets(*pages: list[list[tuple[float, str, float]]]) -> Extraction:
    """A scan of several sheets, one a page, each a list of printed lines 20 pt apart."""
    built = []
    for number, lines in enumerate(pages, 1):
        placed = [w for n, line in enumerate(lines) for w in words(line, 90 + 20 * n)]
        built.append(Page(number=number, width=612, height=792, source="ocr", words=placed))
    doc: DocText = build_text("doc", built)
    return supervision.extract(doc, find_patterns(doc.text))


def found_sessions(result: Extraction) -> list[Item]:
    return [i for i in result.items if i.type == "supervision_session"]


@pytest.mark.parametrize("second", [("1", "2", "3"), ("1", "2")])
def test_a_tally_started_again_on_each_sheet_vouches_no_faint_hour(second: tuple[str, ...]) -> None:
    """Each monthly sheet counts its sessions from 1 again: still a tally, so its step of 1 does not vouch the
    second sheet's faint duration that reads 1.0 (the paper's 2.0)."""
    header = headed("Cumulative")
    first = [[(40, "Sheet for March 2025", 0.95)], header, session_row("03/03/2025", "1.0", "1"),
             session_row("03/10/2025", "1.0", "2"), session_row("03/17/2025", "1.0", "3")]
    later = [[(40, "Sheet for April 2025", 0.95)], header]
    later += [session_row(f"04/{7 * n + 1:02d}/2025", "1.0", c, hours_confidence=0.4 if n == 1 else 0.96)
              for n, c in enumerate(second)]
    found = found_sessions(sheets(first, later))
    assert found[4].value["date"] == "2025-04-08" and found[4].needs_review


@pytest.mark.parametrize("tally", [("1", "2", "9", "4", "5"), ("1", "2", "3", "17", "5"), ("1", "2", "2", "3", "4")])
def test_a_tally_with_one_misread_or_repeated_number_is_still_a_count(tally: tuple[str, ...]) -> None:
    """A tally one of whose numbers OCR misread (3 as 9, 4 as 17), or that a cancelled row repeats, still counts
    sessions: its step of 1 never vouches the faint second duration read 1.0 (the paper's 1.5)."""
    rows = [session_row(f"05/{n + 5:02d}/2025", "1.0", c, hours_confidence=0.4 if n == 1 else 0.96)
            for n, c in enumerate(tally)]
    found = sessions(*rows, header=headed("Running total"))
    assert found[1].value["hours"] == 1.0 and found[1].needs_review


@pytest.mark.parametrize("foot", ["Totals", "Grand totals"])
def test_a_foot_row_of_totals_is_no_part_of_the_tally(foot: str) -> None:
    """A "Totals" row under the sessions repeats the count in the tally's column: it is the log's total row, so the
    tally stays one and a faint 1.0 (the paper's 1.5) stays in doubt."""
    found = sessions(session_row("05/05/2025", "1.0", "1"), session_row("05/12/2025", "1.0", "2", hours_confidence=0.4),
                     session_row("05/19/2025", "1.0", "3"), [(40, foot, 0.95), (210, "3.5", 0.95), (245, "3", 0.95)],
                     header=headed("Cumulative"))
    assert len(found) == 3 and found[1].needs_review


@pytest.mark.parametrize(("cell", "confidence", "hours", "reason"), [
    ("%~", 0.96, 1.0, "log.hours_from_running"), ("2.0", 0.96, 2.0, "log.hours_disagree_running")])
def test_whole_hours_to_date_stepping_by_one_still_read_a_duration(cell: str, confidence: float, hours: float,
                                                                   reason: str) -> None:
    """Hour-long sessions under "Cumulative hrs" (1, 2, 3, 4) may be hours or a tally: an unreadable duration is its
    step (flagged), a well-read 2.0 the step contradicts is kept and flagged, never passed as sure."""
    rows = [session_row("06/02/2025", "1.0", "1"), session_row("06/09/2025", "1.0", "2"),
            session_row("06/16/2025", cell, "3", hours_confidence=confidence), session_row("06/23/2025", "1.0", "4")]
    found = sessions(*rows, header=headed("Cumulative hrs"))
    assert len(found) == 4 and found[2].value["hours"] == hours and reason in found[2].reasons


@pytest.mark.parametrize("above", ["Hours b/f ............ 1.0", "Brought forward: _________ 1.0",
                                   "Balance carried forward … 1:00"])
def test_a_carry_line_with_leaders_before_its_hours_carries_them(above: str) -> None:
    """Dots or a filled-in blank between a carry line's words and its hours: the hours are carried (1.0), so a
    well-read first duration of 1.5 agrees with the running 2.5 and an unreadable one is that step."""
    read = sessions(session_row("07/07/2025", "1.5", "2.5"), session_row("07/14/2025", "1.0", "3.5"), above=above)
    lost = sessions(session_row("07/07/2025", "&?", "2.5"), session_row("07/14/2025", "1.0", "3.5"), above=above)
    assert not read[0].needs_review and lost[0].value["hours"] == 1.5


@pytest.mark.parametrize("above", ["B/F 2 sessions, 3.0 hrs", "Brought forward: 2 meetings (3.0 h)"])
def test_a_count_of_sessions_on_a_carry_line_is_no_carried_hours(above: str) -> None:
    """The number right after the carry words counts sessions: read as 2 h carried, the running 4.0 would vouch a
    faint first duration misread 2.0 (the paper's 1.0)."""
    found = sessions(session_row("07/07/2025", "2.0", "4.0", hours_confidence=0.4),
                     session_row("07/14/2025", "1.0", "5.0"), above=above)
    assert found[0].needs_review


def test_a_running_column_in_hours_and_points_beside_hmm_durations_is_not_read_as_decimals() -> None:
    """"4.30", "5.15" beside "2:00" durations are 4:30 and 5:15 written with a point: never 4.3 h, so no false
    doubt on the well-read durations and no step of 1.3 h for the unreadable one."""
    found = sessions(session_row("08/04/2025", "3:00", "3"), session_row("08/11/2025", "%", "4.30"),
                     session_row("08/18/2025", "0:45", "5.15"), session_row("08/25/2025", "1:15", "6.30"))
    assert 1.3 not in [i.value["hours"] for i in found]
    assert not any("running" in r for i in found for r in i.reasons)


DESCRIBED = [(40, "Date", 0.96), (95, "Description", 0.96), (175, "Group", 0.96), (210, "Hrs", 0.96),
             (245, "Hours to date", 0.96), (320, "Consultant", 0.96)]


def described_row(date: str, note: str, hours: str, so_far: str) -> list[tuple[float, str, float]]:
    cells = [(40, date, 0.96), (95, note, 0.9), (210, hours, 0.96), (245, so_far, 0.96), (320, "Bryn Castellane", 0.93)]
    return [c for c in cells if c[1]]


@pytest.mark.parametrize("note", ["Actions carried over", "Themes brought forward"])
def test_an_undated_session_with_a_carry_note_and_no_readable_hours_is_said(note: str) -> None:
    """A same-day session whose note mentions a carry and whose hours do not read is a lost session, not a carry
    row: the document says a row could not be read."""
    result = extracted(described_row("09/01/2025", "Individual", "1.0", "1.0"), described_row("", note, "~%", "2.5"),
                       described_row("09/15/2025", "Individual", "1.0", "3.5"), header=DESCRIBED)
    assert "log.row_unreadable" in [f.code for f in result.flags]


@pytest.mark.parametrize("label", ["Brought forward", "Hours b/f"])
def test_a_carry_row_with_its_hours_in_the_hours_column_is_no_lost_session(label: str) -> None:
    """A log without a running column carries the earlier sheets' hours in its hours column: no session, no row
    the document says it lost."""
    header = [h for h in HEADER if h[0] != 245]
    result = extracted([(40, label, 0.95), (210, "9.5", 0.95)],
                       [(40, "09/01/2025", 0.96), (125, "X", 0.8), (210, "1.5", 0.96), (320, "Bryn Castellane", 0.93)],
                       header=header)
    assert [i.value["hours"] for i in found_sessions(result)] == [1.5]
    assert "log.row_unreadable" not in [f.code for f in result.flags]
