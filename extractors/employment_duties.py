"""Employment letters: duties a sentence points to ("The duties of the position are described below").

A letter may say where its duties stand instead of naming them: a pointer is no duties. They are where it points,
the paragraph under a duties heading ("Duties of the Position", "Key Responsibilities"), read as the clause after
"X was responsible for" when the paragraph says so of the person; else the pointer is kept, doubted.
"""

from __future__ import annotations

import re

from extractors.employment_roles import title_head_shaped
from extractors.fields import Found
from extractors.forms import text_below
from extractors.layout import DocText

POINTER_SCORE = 0.6
"""A pointer read as the duties, with nothing found where it points: a person reads the duties."""
POINTS_ON = re.compile(r"(?i)\b(?:below|beneath|overleaf|following|follows|attached|enclosed|underneath|hereafter)\b")
"""A word sending the reader on to another part of the page or another sheet: the text holds no duties itself."""
OF_THE_POST = r"(?:\s+(?:of|in|for)\s+(?:the|this|that|her|his|their)\s+(?:position|role|post|job))?"
"""A heading's tail naming the post the duties are of ("Duties of the Position")."""
RESPONSIBLE = re.compile(r"(?P<who>\b(?:[Ss]he|[Hh]e|[Tt]hey|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}))"
                         r"\s+(?:is|was|are|were|has\s+been|have\s+been)\s+(?:(?:primarily|chiefly|mainly|principally)\s+)?"
                         r"responsible\s+for\s+"
                         r"(?P<duties>(?:[^.]|\.(?=\d))+)\.")
""""Ana was responsible for running groups.": the clause after "responsible for", of its subject."""
HEADED = "employment.duties_below.v1"
"""The rule of the text under a heading the duties label matches alone ("Key Responsibilities")."""
PRONOUNS = frozenset({"she", "he", "they"})
HONORIFICS = frozenset({"mr", "ms", "mrs", "mx", "dr", "miss", "prof"})
DETERMINERS = frozenset({"the", "a", "an", "our", "her", "his", "their", "its", "your", "my", "this", "that",
                         "each", "every", "which", "who"})


def pointed_duties(doc: DocText, found: Found | None, duties_label: str) -> Found | None:
    """The duties where a pointer sends the reader, else the duties found (a pointer among them doubted).

    `found` is what the letter's duties rules read; `duties_label` the regex of a duties label. The paragraph
    under a heading line of that shape is read when nothing was found, when what was found is the heading line's
    own words, or when it points on ("described below", "as follows") or was doubted as saying where the duties
    are. A pointer with no heading under it stays, at a score a person checks. A heading's paragraph saying "Ana
    was responsible for ..." is read from its clause, as the pointed paragraph is.
    """
    if found is not None and found.rule == HEADED:  # a duties heading's own paragraph
        return _responsible_clause(doc, found) or found
    heading = _duties_heading(doc, duties_label, found)
    if heading is not None and (found is None or _on_line_of(doc, found, heading) or _pointer(doc, found)):
        below = text_below(doc, heading, "employment.duties_pointed.v1")
        if below is not None and below.end > (found.end if found is not None else -1):
            return _responsible_clause(doc, below) or below
    if found is not None and POINTS_ON.search(doc.slice(found.start, found.end)):
        return Found(found.start, found.end, found.rule, min(found.score, POINTER_SCORE))
    return found


def _pointer(doc: DocText, found: Found) -> bool:
    """Whether the duties read point elsewhere: a word sending the reader on, or doubted as such a sentence."""
    return bool(POINTS_ON.search(doc.slice(found.start, found.end))) or found.score <= POINTER_SCORE


def _duties_heading(doc: DocText, duties_label: str, found: Found | None) -> Found | None:
    """The first line after the duties found standing alone as a duties heading ("Duties of the position")."""
    shape = re.compile(rf"(?i)^[\s|]*(?:{duties_label}){OF_THE_POST}\s*:?\s*$")
    after = found.start if found is not None else -1
    for line in doc.lines:
        text = doc.slice(line.start, line.end)
        if line.end > after and shape.match(text):
            start = line.start + len(text) - len(text.lstrip(" \t|"))
            return Found(start, line.start + len(text.rstrip()), "employment.duties_heading.v1", 1.0)
    return None


def _on_line_of(doc: DocText, found: Found, heading: Found) -> bool:
    """Whether the duties found are the heading line's own words (a bare value read from "Duties of the post")."""
    return heading.start <= found.start < heading.end


def _responsible_clause(doc: DocText, paragraph: Found) -> Found | None:
    """The clause after "X was responsible for" in the paragraph, when X is the person the letter is about.

    X is a pronoun or a name the letter gives elsewhere too (the person's name on the request or in the block).
    Said of another (a post, "The Director"), the whole paragraph is kept, doubted.
    """
    text = doc.slice(paragraph.start, paragraph.end)
    match = RESPONSIBLE.search(text)
    if match is None:
        return None
    if not _the_person(doc, match.group("who"), paragraph):  # someone else's duties, or the post's: a person reads
        return Found(paragraph.start, paragraph.end, paragraph.rule, min(paragraph.score, POINTER_SCORE))
    return Found(paragraph.start + match.start("duties"), paragraph.start + match.end("duties"),
                 paragraph.rule, paragraph.score)


def _the_person(doc: DocText, who: str, paragraph: Found) -> bool:
    """Whether a subject names the letter's person: a pronoun, or capitalised words named elsewhere in the letter."""
    words = who.split()
    if words[-1].lower() in PRONOUNS and len(words) == 1:
        return True
    names = [w for w in words if w[:1].isupper() and w.lower() not in DETERMINERS]
    if not names or words[0].lower() in DETERMINERS or title_head_shaped(" ".join(names)):
        return False
    outside = doc.text[:paragraph.start] + " " + doc.text[paragraph.end:]
    return any(re.search(rf"\b{re.escape(name)}\s+[A-Z][\w'’-]+|[A-Z][\w'’-]+\s+{re.escape(name)}\b", outside)
               for name in names if name.lower().rstrip(".") not in HONORIFICS)
