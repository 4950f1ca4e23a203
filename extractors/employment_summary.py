"""Employment letters confirming a job whose facts stand in a block of their own ("summarized in the box")."""

from __future__ import annotations

import re
from collections import Counter

from extractors.form_layout import box_of
from extractors.layout import DocText

MARGIN_STEP = 12.0
"""Points within which lines start at the same margin (a scan's skew moves a margin a few points)."""

CONFIRMS_SUMMARY = re.compile(
    r"(?i)\b(?:we|I)\s+(?:(?:hereby|can|gladly|are\s+pleased\s+to|am\s+pleased\s+to|are\s+able\s+to|am\s+able\s+to)\s+)?"
    r"(?:confirm|verify|certify)\s+(?:the|this)\s+employment(?:\s+(?:details|record))?\s+"
    r"(?:(?:summari[sz]ed|described|set\s+out|shown|given|listed|detailed|outlined|stated|recorded)\s+)"
    r"(?:below|above|here(?:in|under)?|overleaf|(?:in|on)\s+the\s+[a-z]+(?:\s+[a-z]+){0,3})\s*[.;]")
"""The writer confirming, in the first person, an employment whose details the letter sets out in a block
("we confirm the employment summarized in the box at right.", "I hereby verify the employment set out below."):
the person is the writer's organisation's own employee. No place is named after "employment", so the employer is
the letterhead's."""


def confirms_summary(body: str) -> re.Match[str] | None:
    """The first-person confirmation of an employment set out in the letter's block, if the letter holds one."""
    return CONFIRMS_SUMMARY.search(body)


def left_column_text(doc: DocText, after: int) -> str:
    """The letter's running text after `after` without a block set beside it ("EMPLOYEE", "Ana Lee" at right).

    A text layer reads a line of the letter and the block's cell beside it as one line ("we confirm the
    EMPLOYEE"); the letter's own sentences are the cells starting at its left margin: the left-most place two or
    more lines start (a block at right may hold more lines than the text; a scan's speck starts no two lines).
    """
    starts: list[int] = []
    cells: list[tuple[float, str]] = []
    for line in doc.lines:
        boxed = [(box[0], doc.slice(start, end)) for start, end in line.cell_spans()
                 if (box := box_of(doc, start, end)) is not None]
        if boxed:
            starts.append(round(min(x for x, _ in boxed) / MARGIN_STEP))
            cells += boxed if line.end > after else []
    shared = [step for step, count in Counter(starts).items() if count >= 2]
    if not shared:
        return ""
    margin = min(shared) * MARGIN_STEP
    return " ".join(" ".join(text for x, text in cells if abs(x - margin) <= MARGIN_STEP * 2).split())
