"""RS/C logs on paper: a running total beside each session's hours, the type ticked with an X, OCR's look-alikes."""

from __future__ import annotations

import pytest

from extractors import supervision
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


def sessions(*rows: list[tuple[float, str, float]]) -> list[Item]:
    lines = [words(HEADER, 100)] + [words(r, 120 + 20 * n) for n, r in enumerate(rows)]
    page = Page(number=1, width=612, height=792, source="ocr", words=[w for line in lines for w in line])
    doc: DocText = build_text("doc", [page])
    result = supervision.extract(doc, find_patterns(doc.text))
    return [i for i in result.items if i.type == "supervision_session"]


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
