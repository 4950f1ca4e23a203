"""Employment letters: duties a sentence points to ("The duties of the position are described below").

A letter may say where its duties stand instead of naming them: a pointer is no duties. They are where it points,
the paragraph under a duties heading ("Duties of the Position", "Key Responsibilities"), read as the clause after
"X was responsible for" when the paragraph says so of the person; else the pointer is kept, doubted.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

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
RESPONSIBLE_AT_ALL = re.compile(r"(?i)\b(?:is|was|are|were|has\s+been|have\s+been)\s+(?:\w+ly\s+)?responsible\s+for\b")
"""Any "... was responsible for", whatever its subject ("Our team was responsible for"): whose duties they are."""
NAME = r"(?:(?:Mr|Ms|Mrs|Mx|Dr|Miss|Prof)\.?[ \t]+)?(?P<name>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,3})"
EMPLOYEE_NAMED = [re.compile(pattern) for pattern in (
    rf"(?i:\bemployment\s+of|\bat\s+the\s+request\s+of|\b(?:confirm|verify|certify)(?:s|ies|ed|ied)?\s+that)\s+{NAME}",
    rf"(?i:\b(?:employee|staff\s+member|employee['’]?s?\s+name|name\s+of\s+(?:the\s+)?employee))\s*:?\s+{NAME}",
    rf"{NAME}(?:['’]s\s+employment|\s+(?i:(?:is|was|has\s+been|had\s+been)\s+(?:\w+ly\s+)?"
    rf"(?:employed|engaged|hired|on\s+(?:our|the)\s+staff)|(?:worked|joined|served)\b))",
)]
"""Where a letter names its employee: "the employment of Ann Lee", "confirm that Ann Lee", an employee field
("Employee: Ann Lee", the name under an EMPLOYEE caption), "Ann Lee was employed", "Ann Lee's employment"."""
PRONOUN_FAMILIES = {"she": frozenset({"she", "her", "hers", "herself"}),
                    "he": frozenset({"he", "him", "his", "himself"}),
                    "they": frozenset({"they", "them", "their", "theirs", "themselves"})}


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

    X is the letter's employee (named as such elsewhere) or a pronoun agreeing with her. Said of another (a
    colleague, a post, "The Director", "Our team"), the whole paragraph is kept, doubted.
    """
    text = doc.slice(paragraph.start, paragraph.end)
    match = RESPONSIBLE.search(text)
    sure = match is not None and _the_person(doc, match.group("who"), paragraph)
    if match is None and not RESPONSIBLE_AT_ALL.search(text):
        return None
    if match is None or not sure:  # someone else's duties, or the post's: a person reads
        return Found(paragraph.start, paragraph.end, paragraph.rule, min(paragraph.score, POINTER_SCORE))
    return Found(paragraph.start + match.start("duties"), paragraph.start + match.end("duties"),
                 paragraph.rule, paragraph.score)


def _the_person(doc: DocText, who: str, paragraph: Found) -> bool:
    """Whether a subject names the letter's employee: her name (or part of it) or a pronoun the letter uses of her.

    The employee is the person the letter names as such (`_employee_words`); a name is hers when its words are
    among her name's and no other full name in the letter shares them ("Liora" when "Liora Gallantine" signs).
    """
    words = who.split()
    outside = doc.text[:paragraph.start] + " " + doc.text[paragraph.end:]
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return _pronoun_agrees(words[0].lower(), outside)
    names = [w.rstrip(".") for w in words if w.lower().rstrip(".") not in HONORIFICS]
    if not names or words[0].lower() in DETERMINERS or title_head_shaped(" ".join(names)):
        return False
    employee = _employee_words(outside)
    return all(name in employee for name in names) and not any(_in_other_name(outside, name, employee)
                                                               for name in names)


def _pronoun_agrees(pronoun: str, outside: str) -> bool:
    """Whether the letter speaks of its person by this pronoun's family (she/her) and never by another's (he/his)."""
    used = {word.lower() for word in re.findall(r"[A-Za-z]+", outside)}
    others = [family for key, family in PRONOUN_FAMILIES.items() if key != pronoun]
    return bool(used & PRONOUN_FAMILIES[pronoun]) and not any(used & family for family in others
                                                              if family is not PRONOUN_FAMILIES["they"])


def _employee_words(text: str) -> set[str]:
    """The words of the name(s) the letter gives its employee (see EMPLOYEE_NAMED), honorifics left out."""
    return {word for pattern in EMPLOYEE_NAMED for match in pattern.finditer(text)
            for word in match.group("name").split() if word.lower() not in HONORIFICS}


def _in_other_name(text: str, name: str, employee: set[str]) -> bool:
    """Whether a capitalised word next to `name` on its line makes it another's full name ("Dana Wirth")."""
    word = r"[A-Z][\w'’-]+"
    for match in re.finditer(rf"(?P<before>{word})[ \t]+{re.escape(name)}\b|\b{re.escape(name)}[ \t]+(?P<after>{word})",
                             text):
        other = match.group("before") or match.group("after")
        if not _one_of(other, employee) and not other.isupper() and other.lower().rstrip(".") not in HONORIFICS:
            return True
    return False


def _one_of(word: str, employee: set[str]) -> bool:
    """Whether a word is one of the employee's name words, or a scan's misreading of one ("Ravenshott")."""
    return any(word == name or (len(word) > 4 and SequenceMatcher(None, word, name).ratio() >= 0.8)
               for name in employee)
