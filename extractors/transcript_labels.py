"""Transcripts: the label vocabularies (degree, field, conferral date) and the `Label: value` pairs of a line.

Labels decide which of a transcript's many dates is the conferral: a conferral label is made only of conferral
and date words, so "Date of Birth" or "Date Printed" never qualifies. Kept apart from the readers so that every
reader (block, table, list) asks the same question the same way.
"""

from __future__ import annotations

import re

from extractors.fields import Found
from extractors.layout import DocText, Line
from extractors.transcript_values import trimmed

DEGREE_LABEL = re.compile(r"(?:(?:academic|conferred|awarded|earned)\s+)?"
                          r"(?:degree|award|credential|diploma|qualification)s?"
                          r"(?:\s+(?:awarded|conferred|granted|earned|received|title|name|type|held))?|awarded|"
                          r"(?:title|name)\s+of\s+(?:the\s+)?(?:degree|award)", re.I)
FIELD_LABEL = re.compile(r"(?:(?:primary|first|main|principal|program)\s+)?(?:major(?:\s+(?:field|subject))?"
                         r"(?:\s+of\s+study)?s?|field(?:\s+of\s+(?:study|speciali[sz]ation))?)|"
                         r"(?:academic\s+|degree\s+)?program(?:\s+of\s+study|\s+name)?|"
                         r"course\s+of\s+study|concentration(?:\s+area)?|speciali[sz]ation|specialty|"
                         r"(?:academic\s+)?discipline|(?:area|subject)(?:\s+of\s+(?:study|concentration|"
                         r"speciali[sz]ation))?|subject\s+area|emphasis|(?:academic\s+)?plan", re.I)
"""A field of study's label: "Major", "Program of study", "Concentration area", "Specialty", "Subject area",
"Academic discipline" ...; never "Minor", "Department" or "Option", which name something else."""
MAIN_FIELD_LABEL = re.compile(r"(?:(?:primary|first|main|principal|program)\s+)?(?:major(?:\s+(?:field|subject))?"
                              r"(?:\s+of\s+study)?s?|field(?:\s+of\s+study)?)", re.I)
"""The labels that name the field of study itself ("Major", "Field of study"); above a "Program", which may name
the level or kind of study ("Program: Graduate") as well as its field."""
PROGRAM_LABEL = re.compile(r"(?:academic\s+|degree\s+)?program(?:\s+of\s+study|\s+name)?|course\s+of\s+study", re.I)
"""A program's label: the field when nothing names it better; a "Specialty", "Concentration" or "Subject area"
narrows it or names a course's subject, and counts only without one of these."""
SUBJECT_CODE = re.compile(r"[A-Z]{2,5}")
"""A course subject's code ("SOWK", "PSY") under "Subject area": no field of study a degree names. Under any
other label letters alone are an abbreviated field ("Major: ECE")."""
SUBJECT_LABEL = re.compile(r"subject(?:\s+area)?", re.I)
DEGREE_STATUS = re.compile(r"\b(?:in[\s-]+progress|pending|expected|anticipated|sought|candidate|candidacy|"
                           r"withdrawn|withdrew|discontinued|incomplete|currently\s+enrolled|"
                           r"not\s+(?:yet\s+)?(?:conferred|awarded|granted|completed|earned))\b", re.I)
"""A degree's status beside it that says it was not conferred ("In Progress", "Candidate", "Not Conferred"):
the date on its row is then no conferral."""
DEGREE_NOUN = re.compile(r"degree|award\b|credential|diploma|qualification", re.I)
"""A degree column's header names the thing ("Degree Awarded"); "Awarded" alone heads the dates."""
CONFERRAL_WORDS = frozenset({"conferred", "conferral", "confer", "conf", "awarded", "award", "granted", "grant",
                             "graduation", "graduated", "completion", "completed", "earned", "degree", "effective"})
"""Words a conferral date's label is made of ("Date Conferred", "Degree Date", "Graduation Date", "Date of Award",
"Degree Effective Date"); "effective" alone is no cue of a conferral (a date word must come with it)."""
DATE_WORDS = frozenset({"date", "dt", "year", "on", "of", "the"})
CONFERRAL_CUES = frozenset({"conferred", "conferral", "confer", "conf", "awarded", "granted", "graduation",
                            "graduated", "completion", "completed", "earned", "date", "dt", "year"})
"""A conferral label has one of these; any other word ("birth", "printed", "issued", "entered", "expected") makes it
another date's label."""
NUMBERED = r"\d{1,2}(?:\.[\dlI]{1,3})*[a-z]?[.)]?\s+(?=[A-Za-z])"
"""A form's number before its field label ("2.1a Qualification awarded", "3. Major:"): no part of the label.
A scan may read a 1 after the point as l or I ("2.la", "2.1la")."""
SECTION_NUMBER = re.compile(rf"^\s*{NUMBERED}")
LABEL_CELL = re.compile(rf"^\s*(?:{NUMBERED})?(?P<label>[A-Za-z][A-Za-z ./']{{0,30}}?)\s*:\s*")


def is_degree_label(label: str) -> bool:
    """Whether a label names the degree; one of the names joined by a slash is enough ("Degree/Certificate")."""
    return any(DEGREE_LABEL.fullmatch(part.strip()) for part in label.split("/"))


def is_field_label(label: str) -> bool:
    """Whether a label names the field of study; one of the names joined by a slash is enough ("Major/Program")."""
    return any(FIELD_LABEL.fullmatch(part.strip()) for part in label.split("/"))


def is_conferral_label(label: str, *, worded: bool = False) -> bool:
    """Whether a label or column header names a conferral date, by its words (a bracketed format aside).

    `worded`: a date word alone ("Date", "Year") is not enough; the label must say conferred, awarded, ...
    A long word one letter off a label word is that word (a scan's "Conterred").
    """
    words = {_label_word(w) for w in re.findall(r"[a-z]+", re.sub(r"\(.*?\)", " ", label.lower()))}
    cues = CONFERRAL_CUES - DATE_WORDS if worded else CONFERRAL_CUES
    return bool(words & cues) and words <= CONFERRAL_WORDS | DATE_WORDS


def field_rank(label: str) -> int:
    """0 for the field of study itself, 1 for a program, 2 for a label that narrows it (one of a slash's names)."""
    parts = [part.strip() for part in label.split("/")]
    if any(MAIN_FIELD_LABEL.fullmatch(part) for part in parts):
        return 0
    return 1 if any(PROGRAM_LABEL.fullmatch(part) for part in parts) else 2


def subject_code(label: str, value: str) -> bool:
    """Whether a value is a course subject's code under a "Subject area" label, no field of study."""
    return bool(SUBJECT_LABEL.fullmatch(label.strip()) and SUBJECT_CODE.fullmatch(value.strip()))


COMPLETION_WORDS = frozenset({"completion", "completed", "earned"})
"""A conferral label's weaker words: requirements are completed (a term's end) before the degree is conferred."""
EFFECTIVE_RANK = 3


def conferral_rank(label: str) -> int:
    """0 for conferred, awarded, graduated ...; 1 for a degree's or a bare date; 2 completed; 3 "Effective".

    Requirements completed in December may be a degree conferred in May: "Completed" gives way to "Degree date".
    An "Effective date" alone may be a program's start as well as a degree's ("Degree effective date" is the
    degree's): a stronger label anywhere in the block wins.
    """
    words = {_label_word(w) for w in re.findall(r"[a-z]+", label.lower())}
    if words & (CONFERRAL_CUES - DATE_WORDS - COMPLETION_WORDS):
        return 0
    if "degree" not in words and words & COMPLETION_WORDS:
        return 2
    return EFFECTIVE_RANK if "effective" in words and "degree" not in words else 1


def _label_word(word: str) -> str:
    """The conferral label word a word of six letters or more is one letter off from, else the word itself."""
    if len(word) < 6 or word in CONFERRAL_WORDS:
        return word
    near = [known for known in CONFERRAL_WORDS if len(known) == len(word)
            and sum(a != b for a, b in zip(known, word, strict=True)) == 1]
    return near[0] if len(near) == 1 else word


def ends_with_conferral_label(text: str) -> bool:
    """Whether text ends in a conferral label, colon or not ("..., conferred", "... Degree Date:")."""
    words = re.findall(r"[A-Za-z]+", re.split(r"[,;(\-\u2013|]", text)[-1])
    return any(is_conferral_label(" ".join(words[-n:]), worded=True) for n in range(1, min(len(words), 4) + 1))


def conferral_line(lead: str) -> bool:
    """Whether the text before a date in its cell is nothing, or only a conferral label."""
    return not lead.strip() or is_conferral_label(lead.strip().rstrip(":"), worded=True)


def label_segments(doc: DocText, line: Line) -> list[tuple[str, Found]]:
    """A line's `Label: value` pairs; a value runs over the following unlabelled cells.

    A cell that is a transcript label without a colon ("Degree Awarded", "Conferral Date") labels the cells after
    it, unless the next cell is a label too (a table's header row).
    """
    segments: list[tuple[str, Found]] = []
    cells = [(start, end, doc.slice(start, end)) for start, end in line.cell_spans()]
    for number, (start, end, text) in enumerate(cells):
        match = LABEL_CELL.match(text)
        following = cells[number + 1][2] if number + 1 < len(cells) else ""
        if match:
            value_start = start + match.end()
            segments.append((match.group("label").strip(), Found(value_start, end, "transcript.label.v1", 0.97)))
        elif bare_label(text) and following and not bare_label(following) and not LABEL_CELL.match(following):
            segments.append((_unnumbered(text), Found(end, end, "transcript.label_cell.v1", 0.93)))
        elif segments:
            label, found = segments[-1]
            segments[-1] = (label, Found(found.start, end, found.rule, found.score))
    return [(label, trimmed(doc, found)) for label, found in segments]


def _unnumbered(text: str) -> str:
    """A label cell's text without the form's number before it."""
    return SECTION_NUMBER.sub("", text).strip()


def bare_label(text: str) -> bool:
    """A cell that is only a degree, field or conferral label (a bare "Date" names too many dates to count)."""
    label = _unnumbered(text)
    return (bool(is_degree_label(label) or is_field_label(label) or is_conferral_label(label))
            and label.lower() != "date")
