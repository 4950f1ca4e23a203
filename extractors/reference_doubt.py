"""Reference ratings: the shapes a sure reading has, and doubt for anything beyond them.

Each function here says what a value the reader may be sure of looks like on paper (a heading that only names the
rater's part, a date it can place, a role sentence with no other role near it, a sample name made only of a name
field's own words); anything else is read for a person to check.
"""

from __future__ import annotations

import re

from extractors.employment_roles import title_head_shaped
from extractors.fields import Found
from extractors.form_letters import CLOSINGS, LEVEL, LEVEL_BY_TITLE, PERSON_NAME, SALUTATION, closing_name
from extractors.layout import DocText

RATER_PART = re.compile(
    r"(?i)^\s*(?:(?:part|section|step)\s+[\dA-Z]{1,3}\s*[.:)]?\s*[-–—:.]?\s*)?"
    r"(?:(?:to\s+be\s+)?(?:completed|filled\s+(?:in|out))\s+by|for)\s+(?:the\s+)?"
    r"(?:reference|referee|rater|evaluator|recommender)\s*[-:.,;)\u2013\u2014]?\s*$")
"""A heading that only says whose part follows, the rater's: "Part 2 - to be completed by the referee", "Section C:
for the rater". Any other words in it (the applicant's consent, instructions, a request) may make the date beside it
another person's."""


def rater_part_heading(text: str) -> bool:
    """Whether the words before an inline date label are a heading of the rater's part and nothing else."""
    return bool(RATER_PART.match(text))


def dated_above_salutation(doc: DocText, found: Found | None) -> bool:
    """Whether a date found stands above a salutation ("Dear ...", "To whom ..."): the date of a letter.

    A form has no salutation; a line holding only a date on it may date anything (a start of employment, a birth).
    """
    if found is None:
        return False
    return any(SALUTATION.match(doc.slice(line.start, line.end)) for line in doc.lines if line.start > found.end)


HOLDING_DATE = re.compile(
    r"(?i)\b(?:(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?"
    r"|\d{1,2}[/.-](?:\d{1,2}[/.-])?)?(?:19|20)\d{2}\b")
MONTH = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b")
SPAN = re.compile(r"(?i)\b(?:19|20)\d{2}\s*(?:[-–—]|\bto\b|\bthrough\b|\bthru\b|\buntil\b|\btill\b)\s*['’]?\d")


def unplaced_date(text: str) -> bool:
    """Whether an answer to the rater's own level holds a date the reader cannot place before the form's.

    A placed date is a year of four digits last ("since 2012", "in December 2026", "since 06/2019", "5/1/2019"),
    alone. A span of years ("2015-2021": held then, perhaps lapsed), a two-digit year ("since 4/30/26", "'27"), a year
    first ("2026-12", "2026 December") or any other figure beside the level is for a person to read.
    """
    if SPAN.search(text):
        return True
    rest = LEVEL.sub(" ", text)
    for match in HOLDING_DATE.finditer(rest):
        after = rest[match.end():match.end() + 6]
        if re.match(r"\s*[/.-]\s*\d|\W{0,3}(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", after, re.I):
            return True
    rest = HOLDING_DATE.sub(" ", rest)
    return bool(re.search(r"\d", rest))


SAMPLE_WORD = re.compile(
    r"(?i)^(?:first|last|middle|given|family|sur|fore|full|print(?:ed)?|type|typed|enter|click|here|your|name|names"
    r"|(?:first|last|sur|given|family|fore)names?|doe|person|applicant|referee|reference|rater|evaluator|recommender"
    r"|respondent|title|mi|initials?|credentials?|and|or|&|[a-z])$")
"""A word a form's sample name is made of: the words of a name field itself ("First and Last Name", "Referee's Name",
"Surname, Forename"), or the stand-in surname "Doe"; a real name has at least one word of its own beside them."""
TITLES = frozenset({"dr", "mr", "ms", "mrs", "mx", "prof"})


def sample_name(name: str) -> bool:
    """Whether a name is a form's sample ("First Last", "[Name]", "Rater's Full Name"), not a person's own.

    Brackets around it and a possessive "'s" go; the name is the words before a comma (a credential after it: "First
    Last, PhD"), or both sides of the comma when one word stands before it (surname first: "Doe, Jane"). Titles
    aside, every word is one a name field is labelled with, or a word is the stand-in surname "Doe".
    """
    name = re.sub(r"['’]s\b", " ", re.sub(r"[\[\]<>(){}]", " ", name))
    parts = name.split(",")
    main = " ".join(parts[:2]) if len(parts) > 1 and len(parts[0].split()) == 1 else parts[0]
    words = [w.strip(".") for w in re.split(r"[\s/]+", main) if w.strip(".") and w.strip(".").casefold() not in TITLES]
    return bool(words) and (all(SAMPLE_WORD.match(w) for w in words) or any(w.casefold() == "doe" for w in words))


DENIAL = re.compile(r"(?i)(?:\b(?:not|never|no\s+longer)|n['’]t)\s+(?:(?:been|be|being)\s+)?"
                    r"(?:(?:her|his|their|a|an|the)\s+)?"
                    r"(?:(?!(?:only|just|merely|simply|solely|also|long|her|his|their|a|an|the)\b)[\w-]+\s+)?$")
"""A role denied right before it ("never her manager", "not a clinical supervisor", "hasn't been her director").
A "not" or "never" further off denies nothing of the role ("Not long ago I became her supervisor", "never stopped
being her supervisor"), nor does "not only her supervisor": she is both."""
CLAUSE_END = r"[,;:()\[\].!?]"
TURNED = re.compile(r"(?i)\b(?:my|our)\s+(?:[\w-]+\s+)?$")
"""A role owned by the rater ("she is now my supervisor"): the applicant's side of it, so the rater is the other."""
SOMEONE_ELSES = re.compile(r"(?i)\b(?:with|to|from|by|for|about|of|under|through|via)\s+(?:her|his|their"
                           r"|the\s+(?:applicant|candidate)['’]s)\s+(?:(?!(?:as|a|an|the)\b)[\w-]+\s+)?$")
"""A role after a word joining it to the applicant's ("with her consultant", "to his supervisor"): another person.
"with her as supervisor" is no such role: "as" gives the rater's own."""


def other_role_named(rest: str, code: str, roles: list[tuple[str, str]], owned: re.Pattern[str]) -> bool:
    """Whether the words around a sentence stating the rater's role (and the sentence after it) name another role.

    A sure statement names one role. Another role code ("Since then we have been colleagues"), the same role turned
    round ("she is now my supervisor"), or one denied only in part ("not only her supervisor", "not her supervisor
    until 2020") leaves which one the reference is for to a person. A denial is sure only when its clause ends with
    the role ("never her manager"); a role owning another ("her supervisor's"), or another person's ("with her
    consultant's agreement"), names none of the rater's.
    """
    for other, pattern in roles:
        for named in re.finditer(rf"(?:{pattern})(?:e?s)?\b", rest, re.I):
            clause = re.split(CLAUSE_END, rest[:named.start()])[-1]
            tail = re.split(CLAUSE_END, rest[named.end():])[0]
            owner = owned.match(rest[named.end():])
            if (owner and not owner.group().startswith("-")) or SOMEONE_ELSES.search(clause):
                continue
            if TURNED.search(clause):
                return True
            if other != code and not (DENIAL.search(clause) and not tail.strip()) or owner:
                return True
    return False


ENDORSED = re.compile(r"(?i)\bendorse(?:d|ment)\b|\bimh-?e\b")
SIGNATURE_LINES = 3
"""How many lines under a letter's signer its signature block (name, title, endorsement, employer) runs."""


def signature_level_line(doc: DocText, signer: Found | None) -> Found | None:
    """The line of a letter's signature block naming the signer's own endorsement and its level or title.

    Under the name a letter's writer signs with, a line "Endorsed Infant Family Specialist - Level II" (or "IMH-E®
    Level III") is the writer's endorsement: the rater's level. It is the signer's only in the signer's own block:
    the lines between are the signer's name again or a job title ("Program Coordinator"). Any other line (another
    person's name, the applicant's, a "cc:" or an enclosure line, an organisation) may start someone else's block,
    and the level under it is not taken. What words the level line may hold beside the level is `_own_level`'s to
    judge, as for a form's answer.
    """
    if signer is None:
        return None
    index = next((i for i, line in enumerate(doc.lines) if line.start <= signer.start <= line.end), None)
    if index is None:
        return None
    for line in doc.lines[index + 1:index + 1 + SIGNATURE_LINES]:
        text = doc.slice(line.start, line.end)
        if line.page != doc.lines[index].page:
            break
        if ENDORSED.search(text) and (LEVEL.search(text) or any(p.search(text) for p, _ in LEVEL_BY_TITLE)):
            return Found(line.start, line.end, "reference.signature_level.v1", 0.93)
        if not _signers_own_line(text, doc.slice(signer.start, signer.end)):
            break
    return None


def _signers_own_line(text: str, signer: str) -> bool:
    """Whether a line of a signature block above its level line is the signer's: the name again, or a job title.

    The name again is the typed name under a written signature, its words all the signer's (credentials after a
    comma aside); a job title is a title's words ending on its head word ("Clinical Director", "Program Coordinator
    for Home Visiting"), nothing else on the line.
    """
    name = text.split(",")[0]
    if PERSON_NAME.match(text) and _words(name) and _words(name) <= _words(signer):
        return True
    return ":" not in text and "," not in text and title_head_shaped(text.strip())


def _words(name: str) -> set[str]:
    return set(re.findall(r"[a-z][a-z'’-]+", name.casefold()))


IMH_MARK = re.compile(r"(?i)\bimh-?e\b|\binfant\s+mental\s+health\b")
"""The mark or the name of the Infant Mental Health Endorsement: "IMH-E®", "... Infant Mental Health ...". """


def other_scheme_level(text: str) -> bool:
    """Whether a signature block's level line names a level of no scheme the reader knows ("Endorsed Level II").

    Other states and sectors endorse at levels too; a sure line names the IMH-E mark or an Endorsement title
    ("Infant Family Specialist") beside its level.
    """
    return not (IMH_MARK.search(text) or any(pattern.search(text) for pattern, _ in LEVEL_BY_TITLE))


def two_signers(doc: DocText, signer: Found | None) -> Found | None:
    """The first of two names signed side by side on the closing's name line ("Ana Lee      Ben Ortiz").

    A name line splits into cells where a wide gap stands; two cells each shaped like a name are two persons
    signing, and which of them rated is for a person to say. None when the signer's line is one name.
    """
    if signer is None:
        return None
    line = doc.line_at(signer.start)
    cells = [c for c in line.cell_spans() if c[0] < signer.end] if line is not None else []
    if len(cells) < 2 or not all(PERSON_NAME.match(doc.slice(*c)) for c in cells):
        return None
    return Found(cells[0][0], cells[0][1], signer.rule, min(signer.score, 0.7))


def letter_signer(doc: DocText) -> tuple[Found | None, list[str]]:
    """A letter's signer under its closing; the first of two names signed side by side, with the doubt it brings."""
    signer = closing_name(doc, "reference.letter_signer.v1")
    pair = two_signers(doc, signer)
    return (pair, ["reference.rater_unclear"]) if pair is not None else (signer, [])


def before_closing(doc: DocText, start: int, end: int) -> int:
    """Where a range of a letter's text ends at the latest: at its closing ("Sincerely,") when one starts inside.

    The signature block under the closing (the writer's name, job title, employer) is no sentence of the letter.
    """
    for line in doc.lines:
        if start <= line.start < end and CLOSINGS.match(doc.slice(line.start, line.end)):
            return line.start
    return end
