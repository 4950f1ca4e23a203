"""Training provider: a short tall word before a letterhead's name, either the name's own initials or a logo's mark.

A letterhead may set its initials large before the name ("NYU Center for ...", "UC Davis Extension ..."), or print
a logo beside it that a scan reads as letters ("EF", "a"). Set about twice the name's height or more, the word sits
on a line of its own over the name's line. A text layer's words are the letters printed, so they stay in the name;
a scan's short tall word is dropped as a mark, and flagged unless the scan read it poorly and its shape is surely
no word (no run of letters a name's initials or a word could be).
"""

from __future__ import annotations

import re

from extractors.layout import DocText, Placed

MARK_HEIGHT = 1.5
"""How many times the name's own words' height a logo's mark stands, when a scan reads it as letters."""
MARK_LENGTH = 3
"""A mark read as letters is this many characters or fewer; a longer word is the name's."""
WORD_SHAPE = re.compile(r"^[A-Z]{2,3}$|^[A-Z]?[a-z]{1,2}$|^[A-Z]$|^[A-Z][a-z]?[A-Z]$")
"""What a short word or a name's initials look like: "UC", "NYU", "Be", "of", "A", "McX" shapes; a logo read as
letters often is none of them ("~E", "8f", "IE;", "eF")."""


def mark_over(doc: DocText, cell: tuple[int, int]) -> Placed | None:
    """A short word alone on the line over a name's cell, set taller than the name and standing beside its start.

    The word's foot reaches down into the name's line (it stands beside the name, not above it) and it ends
    before the name's first word begins: large initials or a logo's mark put to the left of the name.
    """
    number = next((n for n, line in enumerate(doc.lines) if line.start <= cell[0] < line.end or
                   cell[0] == line.start), None)
    if number is None or number == 0:
        return None
    above, words = doc.lines[number - 1], doc.words_in(*cell)
    if len(above.words) != 1 or above.page != doc.lines[number].page or len(words) < 2:
        return None
    mark = above.words[0]
    if len(mark.word.text) > MARK_LENGTH or mark.word.bbox[2] > words[0].word.bbox[0]:
        return None
    top = min(p.word.bbox[1] for p in words)
    if mark.word.bbox[3] <= top:
        return None
    return mark if _tall(mark, words) else None


def mark_before(doc: DocText, start: int, end: int) -> Placed | None:
    """A short first word of a name's cell, far taller than the words after it: large initials or a logo's mark."""
    words = doc.words_in(start, end)
    if len(words) < 3 or len(words[0].word.text) > MARK_LENGTH:
        return None
    return words[0] if _tall(words[0], words[1:]) else None


def _tall(mark: Placed, words: list[Placed]) -> bool:
    """Whether a word stands more than `MARK_HEIGHT` times the median height of the name's words."""
    heights = sorted(p.word.bbox[3] - p.word.bbox[1] for p in words)
    return mark.word.bbox[3] - mark.word.bbox[1] > MARK_HEIGHT * heights[len(heights) // 2]


def surely_no_word(text: str) -> bool:
    """Whether a short word's letters are no word and no initials a name could start with ("~E", "8f", "eF")."""
    return WORD_SHAPE.match(text.strip()) is None
