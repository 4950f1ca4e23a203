"""What a letter says after the sentences that end (or keep running) a job (review r13e findings 4 and 5).

A last day, or a "continues to the present", is sure only when nothing later in the letter may change it: every
later sentence above the closing names nothing more (a duties sentence whose words after its opening name no
person, or a sentence with no date, no year, no capitalised word past its first and no word about the person), and
below the closing (a postscript, a note under the signature, up to a quoted message's header) no line gives a date
or speaks of the person. "She now leads our Outreach team.", "Today Noor leads ...", "Her duties included visits
until she took over ...", "P.S. Her last day with us was March 31, 2026." all leave the end in doubt.
"""

from __future__ import annotations

import re

from extractors.employment_checks import is_closing

DATED = re.compile(r"\b(?:1[89]|20)\d\d\b|\d{1,2}/\d{1,2}")
"""A year or a numeric date: a later time the sentence names."""
DUTIES_OPENING = re.compile(r"(?i)^(?:your|her|his|their|the)\s+(?:\w+\s+){0,2}?(?:duties|responsibilities)\b")
"""A duties sentence's opening ("Her duties included", "The responsibilities of the post were")."""
PERSON_WORD = re.compile(r"(?i)\b(?:she|he|they|hers|him|them|her|his|their)\b")
PERSON_SUBJECT = re.compile(r"^(?:She|He|They|Mr|Ms|Mrs|Mx|Dr)\b|\b(?:she|he|hers|him|they|them)\b")
"""A sentence about the person (a pronoun, a name with an honorific), maybe saying what became of her."""
SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
QUOTED_MESSAGE = re.compile(r"(?im)^\s*(?:(?:from|sent|date|to|subject)\s*:|-+\s*original\s+message"
                            r"|on\s.{0,80}\bwrote\s*:)")
"""An e-mail header under a reply's signature: the message it answers starts there, no part of the letter."""
SHORT_CLOSING = re.compile(r"(?i)(?:thank\s+you|many\s+thanks|thanks|best(?:\s+wishes)?|all\s+the\s+best|warmly"
                           r"|cordially|cheers|take\s+care|respectfully)\s*[,.!]?")
"""An e-mail's closing alone on its line ("Thank you,", "Best wishes,"): the signature follows."""


def later_names_more(text: str, at: int) -> bool:
    """Whether anything in the letter after `at` may name another post, a later change or a second end."""
    rest = text[at:]
    quoted = QUOTED_MESSAGE.search(rest)
    rest = rest[:quoted.start()] if quoted else rest
    closing = _closing_at(rest)
    body, below = rest[:closing], rest[closing:]
    if any(not _names_nothing(sentence) for sentence in _sentences(body)):
        return True
    return bool(DATED.search(below) or PERSON_WORD.search(below))


def _names_nothing(sentence: str) -> bool:
    """Whether a sentence is sure to name no other post or later change (see the module's note)."""
    if DATED.search(sentence):
        return False
    opening = DUTIES_OPENING.match(sentence)
    if opening is not None:
        return not PERSON_SUBJECT.search(sentence[opening.end():])
    return not (re.search(r"\s[A-Z]", sentence) or PERSON_SUBJECT.search(sentence))


def _sentences(text: str) -> list[str]:
    """The sentences of running text, their spaces and line breaks made single spaces."""
    pieces, start = [], 0
    for stop in SENTENCE_END.finditer(text):
        pieces.append(text[start:stop.end()])
        start = stop.end()
    pieces.append(text[start:])
    return [" ".join(piece.split()) for piece in pieces if piece.strip()]


def _closing_at(text: str) -> int:
    """Where the first line that is a letter's closing alone ("Best wishes,") starts, else the text's end."""
    offset = 0
    for line in text.splitlines(keepends=True):
        if is_closing(line) or SHORT_CLOSING.fullmatch(line.strip()):
            return offset
        offset += len(line)
    return len(text)
