"""Checks on an employment letter's readings: where the paper's structure leaves a reading in doubt (review R11g).

A duties sentence may say where the duties are described rather than what they are ("The responsibilities of the
post are set out in the job description"); a full stop may close an abbreviation ("Prof.", "Corp.") rather than
the sentence; a wrapped line may open a note of its own ("Not eligible for rehire"); an end value may give the day
notice was given; an employer may be named with a second body ("X under contract to the County of Y"); a closing
above a form may end a cover note, not the letter.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from extractors.employment_content import duties_content_shaped
from extractors.form_layout import LABELLED_LINE, box_of
from extractors.form_letters import CLOSINGS
from extractors.layout import DocText, Line

CLAUSE_SUBJECT = (r"she|he|they|we|i|it|this|(?:her|his|their|our)\s+[a-z]+"
                  r"|(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*)){0,2}")
FINITE = (r"is|was|are|were|has|had|have|will|would|can|could|may|might|must|should|did|does|do"
          r"|left|resigned|retired|joined|worked|works|served|serves|started|began|remains|remained|continues")
"""A subject and a finite verb: a clause of its own ("She was ...", "Ann Lee left ...", "We would ...")."""
WRAP_SPACING = 1.8
"""How far below the line above, in line heights top to top, a wrapped line starts: further down is past a blank
line, a new paragraph."""

POINTS_ELSEWHERE = re.compile(
    r"(?i)^(?:(?:\w+ly|later|then|also|since|subsequently|now)\s+)?(?:[a-z]+ed|given|shown|set|written|taken|split"
    r"|done|known|seen|held|laid|kept|cut|spread|found|made|put|drawn|undertaken|overseen|redrawn)\b")
"""What follows "the duties were/are" when it says what became of them or where they stand ("were expanded in
2019", "are described in the enclosed job description", "were reassigned to colleagues"), not what they are."""
COPULA_BEFORE = re.compile(r"(?i)\b(?:were|are|is|was|ha(?:ve|s)\s+been)(?:\s+primarily)?\s*$")

SENTENCE_OPENER = re.compile(
    r"(?:She|He|They|We|I|It|This|That|These|Those|Her|His|Their|Our|The|A|An|In|On|During|As|At|Since|After"
    r"|Before|When|While|Please|If|Should|Thank|Thanks|Also|Additionally|Further|Furthermore|Moreover|However"
    r"|Overall|Finally|Mr|Ms|Mrs|Mx|Dr)\b")
"""Words a new sentence of a letter opens on ("She also ...", "Please contact ...", "The Trust ...")."""
SUBJECT_VERB = re.compile(rf"(?i)(?=(?-i:[A-Z]))(?:{CLAUSE_SUBJECT})\s+(?:(?:not|never|also|still)\s+)?(?:{FINITE})\b")

LINKED_BODY = re.compile(
    r"(?i)\b(?:under\s+(?:a\s+)?(?:contract|agreement|subcontract)\s+(?:to|with|from)|(?:sub)?contracted\s+(?:to|by|with)"
    r"|in\s+(?:partnership|association|collaboration|conjunction|affiliation)\s+with|affiliated\s+with"
    r"|on\s+behalf\s+of|funded\s+by|sponsored\s+by|(?:a|the)\s+(?:division|subsidiary|branch|unit|program(?:me)?"
    r"|department|member|part)\s+of|(?:placed|seconded|assigned|leased)\s+(?:to|with|at))\b")
"""An employer named with a second body ("X under contract to the County of Y", "X in partnership with Y Health",
"X, funded by Y"): which of the two employs is a person's call."""

NOTICE_WORDS = re.compile(r"(?i)\b(?:notice|resign(?:ed|s|ation)?|tendered|submitted|announced|gave|given)\b")
"""An end value naming the day notice was given or a resignation handed in ("Notice given 03/02/2020"): maybe not
the last day worked."""

REMARK_BEFORE = re.compile(r"(?i)(?:verified|confirmed|checked|updated|printed|signed|completed|as\s+(?:of|at)"
                           r"|dated?)\s*(?:on\s*)?:?\s*$")
"""Words before a date in a remark on the answer ("(verified 06/02/2026)", "as of ..."): the day of the answer, no
second end."""

SHORT_CLOSING_WORDS = 4


NO_DESCRIPTION_OPENER = re.compile(
    r"(?i)^(?:those|these|that|this|the|such|same|similar|like|unlike|different|other|as|per|not|no|none|much|many|more"
    r"|less|all|any|each|both|either|neither|very|quite|so|too|in|at|on|to|of|for|by|from|under|within|with|without"
    r"|about|above|below|beyond|mostly|largely|generally|partly|only|just|also|exactly)\b")
"""How the words after a bare "were/are" open when they say what the duties were like or where they stand rather
than what they are: a function word, a comparison or an adverb ("were those of", "are as listed", "were similar
to", "were not limited to", "were much the same as", "are per the attached"). A description opens on its content:
an activity or a thing done ("were providing home visits", "were weekly visits to families")."""


def points_elsewhere(text: str, duties_start: int, duties: str) -> bool:
    """Whether a duties sentence's "were/are" may lead to anything but the duties themselves.

    After "included", "involved", "consisted of" the duties follow; after a bare "were/are" words opening on
    content ("were weekly visits to families") describe them, words opening on a function word, a comparison or a
    participle ("were expanded in 2019", "were those of an advocate", "are as listed on the enclosed sheet", "were
    not limited to visits") are checked, and so are any words not in the sure shape ("were typical of
    a home visitor", "were standard for the role"; see `duties_content_shaped`).
    `text` is the document's text, `duties_start` where the duties group starts in it.
    """
    return bool(COPULA_BEFORE.search(text[max(0, duties_start - 40):duties_start])
                and bool(POINTS_ELSEWHERE.match(duties) or NO_DESCRIPTION_OPENER.match(duties)
                         or not duties_content_shaped(duties)))


def stop_in_doubt(doc: DocText, stop: int) -> bool:
    """Whether the full stop at `stop` ending a duties sentence may close an abbreviation, not the sentence.

    What follows on its line or on the line right under it must open a sentence (a subject and its verb, a word a
    letter's sentence opens on, a closing, a labelled line): a lower-case word, or a capitalised word going on
    ("Prof. Ann Lee and two nurses", "Mercy Univ. Hospital"), says the duties may be cut there. A new paragraph
    or the end of the text is a sentence's end.
    """
    rest = doc.text[stop + 1:]
    gap = re.match(r"[ \t]*(\n?)[ \t]*", rest)
    after = rest[gap.end():] if gap else rest
    if not after.strip() or after[:1] == "\n":
        return False
    if after[:1].islower():
        return True
    if gap and gap.group(1) and _new_paragraph(doc, stop):
        return False
    line = after.split("\n", 1)[0]
    return not (SUBJECT_VERB.match(after) or SENTENCE_OPENER.match(after) or CLOSINGS.match(line)
                or (gap and gap.group(1) and LABELLED_LINE.match(line)))


def _new_paragraph(doc: DocText, stop: int) -> bool:
    """Whether the line after the one holding `stop` stands past a blank line or on another page."""
    line = doc.line_at(stop)
    if line is None or line not in doc.lines:
        return True
    index = doc.lines.index(line)
    if index + 1 >= len(doc.lines):
        return True
    below = doc.lines[index + 1]
    above_box, below_box = box_of(doc, line.start, line.end), box_of(doc, below.start, below.end)
    if below.page != line.page or above_box is None or below_box is None:
        return True
    return below_box[1] - above_box[1] > WRAP_SPACING * (above_box[3] - above_box[1])


def capital_after_open_end(doc: DocText, start: int, end: int, unfinished: Collection[str]) -> bool:
    """Whether a wrapped line of a value opens in a capital after a line ending mid-phrase in lower case.

    "weekly visits to families with babies" over "Not eligible for rehire": a note of its own may stand there
    unpunctuated. After a word no phrase ends on ("families referred by" over "Mercy Hospital") the name goes on.
    """
    lines = [line for line in doc.lines if start <= line.end and line.start < end]
    for above, below in zip(lines, lines[1:], strict=False):
        upper = doc.slice(max(above.start, start), above.end).rstrip()
        lower = doc.slice(below.start, min(below.end, end)).lstrip(" \t|")
        words = upper.split()
        if (words and upper[-1:].islower() and words[-1].lower() not in unfinished and lower[:1].isupper()):
            return True
    return False


NAME_WORD = r"(?:[A-Z][\w'’&-]*|&|of|for|and|the|de|du|la|le)"
NAMED_BODY = re.compile(rf"(?:[Tt]he\s+)?[A-Z][\w'’&-]*(?:\s+{NAME_WORD})*")
"""An organisation's name: capitalised words, joined by "of", "for", "and", "the" ("Centre for Children and
Families"): a lower-case word or a bracket ("X under the auspices of Y", "X (a Y agency)") is no part of one."""


JOINED_BODIES = re.compile(r"\s(?:and|&|for)\s")
"""A word that may join two bodies in one name ("X and Y", "Friends for Y")."""


def links_second_body(employer: str, letterhead: str | None = None) -> bool:
    """Whether a sentence's employer may name more than the employer.

    Words beyond a name's shape (see NAMED_BODY and LINKED_BODY), or the letterhead's name with more words before or
    after it ("X and Y Health Alliance", "Portwick City Council and X", "The Portwick Trust for X"). A name joined
    by "and"/"&"/"for" ("Smith and Jones Family Services", "Friends for Harbourside Families") may name two bodies
    (a partner, a client): it is sure only as the letterhead's own name.
    """
    name = " ".join(employer.split())
    if LINKED_BODY.search(name) or not NAMED_BODY.fullmatch(name):
        return True
    head, bare = _bare_name(letterhead or ""), _bare_name(name)
    if JOINED_BODIES.search(name) and bare != head:
        return True
    return bool(head) and bare != head and head in bare


def _bare_name(name: str) -> str:
    """An organisation's name without a leading "The" and a trailing "Inc."/"Ltd"/"LLC".

    How a sentence may cite the letterhead's name ("The Harbourside Centre" for "Harbourside Centre").
    """
    words = " ".join(name.split()).casefold()
    words = re.sub(r"^the\s+", "", words)
    return re.sub(r",?\s+(?:inc|ltd|llc|plc|co|corp|limited|incorporated)\.?$", "", words)


def notice_not_last_day(value: str) -> bool:
    """Whether an end value speaks of notice or a resignation rather than the last day (see NOTICE_WORDS)."""
    return bool(NOTICE_WORDS.search(value))


def end_value_in_doubt(value: str, date: re.Pattern[str], label: re.Pattern[str]) -> bool:
    """Whether an end value is more than its last day.

    A sure one is a date, maybe after an end label ("Last day
    worked: D") and before a remark of the answer's day ("(verified D)"). Any other words ("On leave from D",
    "Contract ends D", "Expected D", "Transferred D", "D (rehired D)") say it may be no last day.
    """
    found = date.search(value)
    if found is None:
        return False
    before = value[:found.start()].strip(" \t\n|:-–")
    after = value[found.end():].strip(" \t\n|.;,")
    if before and not label.fullmatch(before):
        return True
    if not after or label.fullmatch(after.strip("() \t")):
        return False  # "06/30/2021 (end)": the date's own label after it
    remark = re.fullmatch(r"\(?\s*(?P<words>[^()\d]*?)\s*(?P<day>\S*\d[^()]*?)\s*\)?", after)
    return remark is None or not REMARK_BEFORE.search(remark.group("words")) or not date.search(remark.group("day"))


def remark_date(text_before: str) -> bool:
    """Whether the words before a further date in an end value make it a remark's date ("(verified D)")."""
    return bool(REMARK_BEFORE.search(text_before))


def is_closing(text: str) -> bool:
    """Whether a line is a letter's closing alone ("Kind regards,", "Yours sincerely").

    A sentence opening on one of its words ("With thanks for your request of 3 May") is none.
    """
    text = text.strip()
    return (len(text) <= 40 and bool(CLOSINGS.match(text)) and re.fullmatch(r"[A-Za-z\s'’]+,?", text) is not None
            and (len(text.split()) <= SHORT_CLOSING_WORDS))


def letter_closing(doc: DocText, facts: re.Pattern[str]) -> int:
    """Where the letter's closing stands: the first closing line with no labelled period under it, else the end.

    A closing over a labelled period ("Kind regards," / "Tomas Reyes" / then "EMPLOYMENT VERIFICATION" and its
    "Start date") ends a cover note above the form: the form's facts are still the person's. Below the first other
    closing stand its signer's lines, a second signer or a footer: none of them the person's.
    """
    for closing in (line for line in doc.lines if is_closing(doc.slice(line.start, line.end))):
        if not any(_states_period(doc, line, facts) for line in doc.lines if line.start > closing.start):
            return closing.start
    return len(doc.text)


def _states_period(doc: DocText, line: Line, facts: re.Pattern[str]) -> bool:
    """Whether a line is a labelled start or period with its date beside it or on the line under it."""
    text = doc.slice(line.start, line.end)
    if not facts.match(text):
        return False
    index = doc.lines.index(line)
    below = doc.slice(doc.lines[index + 1].start, doc.lines[index + 1].end) if index + 1 < len(doc.lines) else ""
    return bool(re.search(r"\d{4}", text) or re.search(r"\d{4}", below))
