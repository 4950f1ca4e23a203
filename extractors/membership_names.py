"""Where an organisation's name ends: the lines a name broken at its line's end carries on with.

A letterhead, a labelled field, a table's cell or a membership sentence may break a name over two or three lines.
A line under the name, in the same type and lined up with it, is joined when it is surely the name's rest, left
when it is surely something else (an office of the body, the paper's title), and otherwise the name is kept as read
and flagged as maybe cut: which it is is a person's call.
"""

from __future__ import annotations

import re

from extractors.fields import Found
from extractors.form_layout import box_of
from extractors.forms import one_line
from extractors.layout import DocText

ORGANISATION = re.compile(r"\b(association|alliance|society|network|coalition|academy|council|institute|federation"
                          r"|foundation|guild|league|collaborative|consortium|AIMH)\b", re.I)
ORGANISATION_NAME = re.compile(r"[A-Z][\w'’&.-]*(?:\s+(?:(?:of|for|and|the|in|on|&)\s+)*[A-Z][\w'’&-]*)*")
"""A proper name: capitalised words, with connectors between them."""
NAME_CONNECTOR = r"(?:of|for|and|the|in|on|at|to|&)"
MID_PHRASE = re.compile(rf"(?i)(?:\b{NAME_CONNECTOR}|\b(?:mental|infant|early|behaviou?ral|clinical|social|emotional"
                        r"|developmental|perinatal|maternal|reflective|public|professional|young|human|relational|toddler)"
                        r"|[,&–-])\W*$")
"""A name that ends mid-phrase: on a connector ("... Association for") or on a word that only qualifies the noun after
it ("... for Infant Mental"): an organisation's name ends on its head noun."""
SUBJECT_VOCAB = (r"(?:infants?|mental|health|early|young|child\w*|famil\w*|parent\w*|bab(?:y|ies)|youth"
                          r"|wellness|well-?being|development\w*|education|perinatal|maternal|caregiv\w*|relationships?"
                          r"|behaviou?r\w*|clinical|social|emotional|reflective|practice|equity|care|studies)")
SUBJECT_WORD = re.compile(rf"(?i)\b{SUBJECT_VOCAB}\b")
"""Words of a name's subject (what the body is for): "Infant Mental Health", "Young Children and Families"."""
SUBJECT_WORDS = re.compile(rf"(?i)(?:\b(?:{SUBJECT_VOCAB}|{NAME_CONNECTOR})\b\s*)+")
"""A line of only such words (and connectors): the rest of a name cut before its subject's last words."""
OFFICE = re.compile(r"(?i)\b(?:office|department|dept|board|directors|committee|division|desk|team|staff|unit"
                    r"|secretariat|headquarters|programs?|member(?:ship)?\s+services)\b")
"""A part of a body (an office, a board) set under its name: never the name's rest."""
OTHER_LINE = re.compile(r"(?i)\b(?:office|department|dept|board|directors|committee|secretariat|headquarters|desk"
                        r"|member(?:ship)?\s+services|statement|certificate|card|notice|letter|verification"
                        r"|confirmation|receipt|invoice|roster|directory|record|report|newsletter|bulletin)\b")
"""A line surely no part of the name over it, when no word of a name's subject is in it: an office or board of the
body ("Membership Office"), or the paper's title ("Annual Renewal Statement"). Any other line may be the name's rest."""
MEMBER_LINE = re.compile(r"(?i)\bmember(?:s|ship)?\b")
"""A line speaking of membership ("Proof of Membership", "Member in Good Standing", "Members"): a body's name never
goes on with it; it is the paper's title, a field or the member's own line."""
PERSON = re.compile(r"(?:(?:Dr|Mr|Ms|Mrs|Mx)\.?\s+[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){0,2}"
                    r"|[A-Z][a-z'’-]+\s+[A-Z]\.\s+[A-Z][a-z'’-]+"
                    r"|[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2},\s*[A-Z][A-Za-z]{1,5}(?:\s*,\s*[A-Z][A-Za-z]{1,5})*)")
"""A person's name surely so: after a title ("Dr. Jo Park"), with a middle initial ("Jo A. Park") or with a
credential after it ("Jo Park, LMSW"). Two plain capitalised words may as well be a place and a chapter."""
PLACE_REST = re.compile(r"of\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}")
"""'of' and a place's proper name ("of Oregon", "of Greater Harbor County"): under a name ending on its
organisation word, the name's rest (an association of a state, a society of a county)."""
BODY_ALONE = re.compile(r"(?i)\s*(?:chapter|affiliate|branch|section|region|body|organi[sz]ation)\s*")
"""One word that may end a body's name ("... Health" / "Chapter") and label a field alike: the name may be cut."""
SENTENCE_END = re.compile(r"[.!?]")
"""A stop after a name at its line's end: the name's sentence ends there, whatever its last word."""
CONNECTORS_ONLY = re.compile(rf"(?i)(?:\s*\b{NAME_CONNECTOR})+\s*$")
CONTINUATION = re.compile(rf"\s*((?:{NAME_CONNECTOR}\s+)*{ORGANISATION_NAME.pattern})")
"""The words a name carries on with on its next line: capitalised words, maybe after a connector ("and Family ...")."""


def whole_name(doc: DocText, found: Found, labels: re.Pattern[str]) -> tuple[Found, str, bool]:
    """An organisation's name with the lines it is broken onto, and whether it may be cut (for a person to check).

    A name reaching the end of its line or cell carries on with the line directly under it, in the same type (see
    `_next_line_name`), when the name ends mid-phrase (on a connector or a qualifying word: "... Association for" /
    "Infant Mental Health") and that line reads as the rest of a name, not an office, a board or a person
    (`_carries_name`); when it ends on its organisation word and the line starts with a connector ("Harbor
    Association" / "for Infant Mental Health"); when it ends whole on its subject and the line carries on into another
    organisation word ("... Health" / "and Family Services Society") or with "and". A tagline, a host line or the rest
    of a sentence starting with a connector ("for Every Baby", "at Riverside University", "at the Full Member Level")
    is no part of it. A name ending on a word that heads no name ("... Infant and Family") over a line of name words
    takes the line when its words are a name's subject ("Mental Health"), else it may be cut. A name that still ends
    mid-phrase is cut. A line that is a field's label (`labels`, "Membership Period") is no part of it; one that may
    as well end a name ("Chapter", "Affiliate", "Society" alone) leaves it flagged.
    """
    name, end, dangling, doubt = one_line(doc.slice(found.start, found.end)), found.end, False, False
    for _ in range(2):  # a name set on up to three lines
        rest = _rest_of_cell(doc, end)
        left = rest.strip(" \t.,;:!?") if rest is not None else ""
        if rest is None or (left and not CONNECTORS_ONLY.fullmatch(rest)) or (not left and SENTENCE_END.search(rest)):
            break  # words of another kind after it, or its sentence ends with it ("... Mental Health!")
        carried = _next_line_name(doc, found, end)
        dangling = bool(left)  # "... Association" with "for" left at the line's end: it goes on
        if carried is None:
            break
        if carried[2]:
            doubt = bool(name.split()) and bool(SUBJECT_WORD.fullmatch(name.split()[-1]))
            break  # a body's own name under a name ending on its subject: its rest ("... Health" / "Care Network")?
        if labels.fullmatch(carried[1]):
            doubt = bool(BODY_ALONE.fullmatch(carried[1]) or ORGANISATION.fullmatch(carried[1].strip()))
            break  # a field's label under the name; "Chapter" alone may as well end it
        joins, doubt = _carries_on(name, dangling, carried[1])
        if not joins:
            break
        name, end, dangling = one_line(f"{name} {rest} {carried[1]}"), carried[0], False
    if end != found.end:
        found = Found(found.start, end, found.rule, found.score)
    return found, name, doubt or dangling or bool(MID_PHRASE.search(name))


def _carries_on(name: str, dangling: bool, carried: str) -> tuple[bool, bool]:
    """Whether a name goes on with the words of the line under it, and whether where it ends is in doubt.

    A name ending mid-phrase takes a line that reads as a name's rest (else it is flagged as cut by its end). A name
    that reads whole is joined only to a line that surely is its rest, and left unflagged only when it ends on its
    organisation word or its subject's ("... Association", "... Mental Health") over a line that surely is something
    else (`OTHER_LINE`, a line of membership words, a person surely so); any other line may be its rest or not (a
    place word and "Intervention" end alike): the name is kept as read and flagged. A name ending on its
    organisation word takes "of" and a place ("of Oregon"); a name naming no body yet takes its organisation word
    alone ("... Mental Health" / "Association"), one naming a body already is flagged over it.
    """
    if MID_PHRASE.search(name) or dangling:
        return _carries_name(carried), False
    words, last = carried.strip(), name.split()[-1] if name.split() else ""
    member_line = MEMBER_LINE.search(words) and not ORGANISATION.search(words)  # "Members Network" names a body
    if ((OTHER_LINE.search(words) or member_line or PERSON.fullmatch(words))
            and not SUBJECT_WORD.search(words) and (ORGANISATION.fullmatch(last) or SUBJECT_WORD.fullmatch(last))):
        return False, False
    if ORGANISATION.fullmatch(words):
        return not ORGANISATION.search(name), bool(ORGANISATION.search(name))  # "... Health" / "Society"
    if ORGANISATION.fullmatch(last) and PLACE_REST.fullmatch(words) and not SUBJECT_WORD.search(words):
        return True, False  # "... Association" / "of Oregon"
    return _surely_rest(name, words)


def _surely_rest(name: str, words: str) -> tuple[bool, bool]:
    """Whether a whole-looking name takes the line under it, and whether that is in doubt.

    Surely its rest: "and" carrying the subject on into an organisation word under a name not ending on its own
    ("... Health" / "and Family Services Society", see `_joint_subject`); a connector and only subject words under a
    name naming no subject ("Harbor Society for Research" / "in Child Development"). Only subject words under a name
    ending on one are joined, in doubt ("... Infant and Family" / "Mental Health"). A second body after "and" ("...
    Society" / "and Harbor Early Childhood Council"), subject words under a name ending on a place (a tagline:
    "... of Oregon" / "Infants, Children and Families"), a host line, a sentence's rest ("for Every Baby", "at
    Riverside University", "in Good Standing") or any other words are not joined, and the name is flagged.
    """
    last = name.split()[-1] if name.split() else ""
    connector = re.match(rf"(?i)({NAME_CONNECTOR})\s", words)
    subject = bool(SUBJECT_WORDS.fullmatch(words))
    if connector is not None:
        if connector.group(1).lower() in ("and", "&") and ORGANISATION.search(words):
            sure = _joint_subject(words) and not ORGANISATION.fullmatch(last)
            return sure, not sure
        joins = subject and not SUBJECT_WORD.search(name)
        return joins, not joins
    if subject and SUBJECT_WORD.fullmatch(last):
        return True, True
    return False, True


def _joint_subject(words: str) -> bool:
    """Whether an 'and' line carries a name's subject on into its organisation word, rather than name a body of its own.

    "and Family Services Society": the words after 'and' start with a word of a name's subject, going on from the
    one over it. A proper name ("and Harbor Family Foundation") or "the" ("and the ... Association") after it names
    another body.
    """
    rest = re.sub(r"(?i)^\s*(?:and|&)\s+", "", words)
    return bool(re.match(rf"(?i){SUBJECT_VOCAB}\b", rest))


def _carries_name(carried: str) -> bool:
    """Whether a line under a name cut mid-phrase reads as its rest: not an office or a board, not a person's name.

    An office, a department or a board ("Membership Services Office", "Board of Directors") stands under a name as
    its part of the body; two or three capitalised words with no connector and no word of a name's subject
    ("Jo Park") are a person's.
    """
    if OFFICE.search(carried):
        return False
    words = carried.split()
    return not (len(words) <= 3 and not re.search(rf"(?i)\b{NAME_CONNECTOR}\b", carried)
                and not SUBJECT_WORD.search(carried) and not ORGANISATION.search(carried))


def _type_height(doc: DocText, start: int, end: int) -> float:
    """The height of a run's type: its lowest capitalised word, else its words' box.

    An OCR box is tight round the ink: a word with a descender stands taller in the same type.
    """
    placed = doc.words_in(start, end)
    capitals = [p.word.bbox[3] - p.word.bbox[1] for p in placed if p.word.text[:1].isupper()]
    box = box_of(doc, start, end)
    return min(capitals) if capitals else (box[3] - box[1] if box is not None else 0.0)


def _rest_of_cell(doc: DocText, end: int) -> str | None:
    """The text after a name to the end of its cell (or line); None when no line holds the name."""
    line = doc.line_at(max(end - 1, 0))
    if line is None:
        return None
    cell_end = next((stop for start, stop in line.cell_spans() if start < end <= stop), line.end)
    return doc.slice(end, max(cell_end, end))


def _next_line_name(doc: DocText, found: Found, end: int) -> tuple[int, str, bool] | None:
    """The words a name broken at `end` carries on with on the next line, where they end, and if they name a body.

    None if no such line.

    The next line stands directly under (its gap under a line's height), in the same type (heights within a fifth).
    After a sentence's line, its first words from the paragraph's margin; after a heading, field or cell, its first
    cell lined up with the name (left edges or centres within a line's height), alone under the name, all name,
    A line naming an organisation of its own (not starting with a connector: "Care Providers Network") is marked so.
    """
    line = doc.line_at(max(end - 1, 0))
    if line is None or (index := doc.lines.index(line)) + 1 >= len(doc.lines):
        return None
    following = doc.lines[index + 1]
    box = box_of(doc, max(found.start, line.start), end)
    cells = following.cell_spans()
    first = box_of(doc, *cells[0]) if cells else None
    if following.page != line.page or box is None or first is None:
        return None
    height, under = _type_height(doc, max(found.start, line.start), end), _type_height(doc, *cells[0])
    if not (-0.2 * height <= first[1] - box[3] <= height and abs(under - height) <= 0.2 * height):
        return None
    text = doc.slice(*cells[0])
    in_sentence = found.rule in ("membership.organisation_in_line.v1", "membership.organisation_named.v1")
    if in_sentence:
        margin = box_of(doc, line.start, line.end)
        carried = CONTINUATION.match(text)
        if margin is None or abs(first[0] - margin[0]) > height or carried is None:
            return None
        words = carried.group(1).rstrip(".")
        if re.match(r"[ \t]*\d", text[carried.end(1):]):
            return None  # "on April 2, 2026, ...": a date, not the name's rest
        return cells[0][0] + carried.start(1) + len(words), words, False
    lined = abs(first[0] - box[0]) <= height or abs((first[0] + first[2]) - (box[0] + box[2])) <= 2 * height
    others = [cell for cell in cells[1:] if (other := box_of(doc, *cell)) is not None and other[0] < box[2]]
    if len(cells) > 1 and len(line.cell_spans()) > 1:
        return None  # a row of cells under a row of cells: the table's next row as likely as the cell's rest
    whole = CONTINUATION.fullmatch(text.rstrip(".!"))
    own_name = (ORGANISATION.search(text) and not re.match(rf"(?i)\s*{NAME_CONNECTOR}\s", text)
                and not ORGANISATION.fullmatch(text.strip(" .!")))
    if not lined or others or whole is None or any(ch.isdigit() for ch in text):
        return None
    return cells[0][1], whole.group(1), bool(own_name)


def cut_above(doc: DocText, found: Found) -> bool:
    """Whether a name found by its organisation word may be the second half of a name begun on the line over it.

    A name starting with a connector ("and Families Network") is a name's rest. Out of a sentence, a cell directly
    over the name, in the same type and lined up with it (left edges or centres within a line's height), that names
    no organisation itself and ends on a word of a name's subject or mid-phrase ("Bayside Infant Mental Health" /
    "Professionals Society") may be its first half: which it is is a person's call.
    """
    text = doc.slice(found.start, found.end).strip()
    if re.match(rf"(?i){NAME_CONNECTOR}\s", text):
        return True
    if found.rule in ("membership.organisation_in_line.v1", "membership.organisation_named.v1"):
        return False  # a sentence's name starts after its phrase ("membership in the ..."), not at its line's start
    line = doc.line_at(found.start)
    box = box_of(doc, found.start, found.end)
    if line is None or box is None or (index := doc.lines.index(line)) == 0:
        return False
    over = doc.lines[index - 1]
    if over.page != line.page:
        return False
    height = _type_height(doc, found.start, found.end)
    for start, stop in over.cell_spans():
        cell, above = doc.slice(start, stop).strip(), box_of(doc, start, stop)
        if above is None or not cell or not -0.2 * height <= box[1] - above[3] <= height:
            continue
        lined = abs(above[0] - box[0]) <= height or abs((above[0] + above[2]) - (box[0] + box[2])) <= 2 * height
        same_type = abs(_type_height(doc, start, stop) - height) <= 0.2 * height
        last = cell.split()[-1]
        if (lined and same_type and not ORGANISATION.search(cell)
                and (SUBJECT_WORD.fullmatch(last) or MID_PHRASE.search(cell))):
            return True
    return False


LEAD_MARK = re.compile(r"[^\w(\[]+")
"""Marks before a name that are no letter: a dash, bullet, quote or rule's end a scan read from an ornament."""


def without_lead_mark(doc: DocText, found: Found) -> Found:
    """A name without the marks before its first letter ("— Michigan Association ...", "• Ohio Society ...")."""
    mark = LEAD_MARK.match(doc.slice(found.start, found.end))
    if mark is None or mark.end() >= found.end - found.start:
        return found
    return Found(found.start + mark.end(), found.end, found.rule, found.score)


def bare_after_mark(doc: DocText, read: Found, kept: Found) -> bool:
    """A name whose lead mark was dropped, left with no proper word of its own: the name may be cut.

    "- Society for Infant Mental Health": only a body word, its subject's words and connectors are left. The mark
    may stand for the lost proper word (a logo, a state's name in script).
    """
    if kept.start == read.start:
        return False
    rest = ORGANISATION.sub(" ", doc.slice(kept.start, kept.end))
    return not re.sub(rf"(?i)\b(?:{SUBJECT_VOCAB}|{NAME_CONNECTOR})\b|[^\w]", "", rest)
