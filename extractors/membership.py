"""Membership proof: the organisation and the date the membership is valid through.

A certificate labels it (`Membership valid through:`), a card says `Expires 6/30/27`, a renewal letter
"Your membership is active through September 30, 2026.", a table may give the term as a range (its end
counts). Member-since, payment and year-begins dates are never taken.
"""

from __future__ import annotations

import datetime as dt
import re

from extractors.dates import ParsedDate, parse_date
from extractors.fields import Extraction, Found, build_item
from extractors.form_captions import caption_value, captions_over_values, under_header
from extractors.form_layout import CAPTION, DATE_ONLY, LABELLED_LINE, box_of, is_prose, ocr_tolerant, overlap
from extractors.forms import (
    column_value,
    date_after,
    dates_in,
    field_value,
    first_date,
    is_range,
    misread_name,
    one_line,
    parsed,
)
from extractors.layout import DocText
from extractors.membership_columns import column_date_unsure
from extractors.membership_names import (
    ORGANISATION,
    ORGANISATION_NAME,
    bare_after_mark,
    cut_above,
    whole_name,
    without_lead_mark,
)
from extractors.nlp import Evidence

ONE_LINE_NAME = re.compile(ORGANISATION_NAME.pattern.replace(r"\s+", r"[ \t]+"))
"""A proper name within one line."""
LEAD_WORDS = re.compile(r"(?:(?:Welcome|Dear|Your|Thank|Thanks|Congratulations|To|The|From)\s+)+")
SENTENCE = re.compile(r"[.!?]\s*$|[a-z]{2}[.!?]\s+[A-Z][a-z]|,\s|^\s*(?:Welcome|Dear|Your|Thank|Congratulations)\b")
"""A line that is a sentence, not a heading: only from one is a name cut out (a heading is the name, as read)."""
RUNS_ON = re.compile(r"\b(?!(?:of|for|and|the|in|on|at|to)\b)(?-i:[a-z]{3,})\b")
"""A lower-case word other than a connector: the line goes on past the name ("... Health membership expires")."""
BEFORE_NAME = re.compile(r"(?:^|[,!:;(]|\b(?:to|the|of|in|your|our|with|from|by|at|and|for|a|an|join|joining))\s*$")
"""What may stand before a name in a sentence; any other lower-case word may be a misread part of the name."""
NAME_IN_LINE_SCORE = 0.85
"""An organisation cut out of a sentence: where the name starts and ends is a guess."""
MEMBERSHIP_IN = re.compile(r"(?i:\bmember(?:ship)?(?:\s+in\s+good\s+standing)?\s+(?:in|of|with|to)\s+(?:the\s+)?)")
"""A sentence naming whose membership it is: "your membership in the <organisation>", "a member of <organisation>",
"a member in good standing of the <organisation>"."""
SENDER_LINE = re.compile(r"(?i)^\s*(?:from|sender)\s*:\s*")
MAIL_ADDRESS = re.compile(r"\s*\S*@\S*\s*$")
"""An e-mail address after a sender's name (`<members@association.org>`): never part of the name."""
WEB_ADDRESS = re.compile(r"(?i)https?:|www\s?\.|\S\s?\.\s?(?:org|com|net|edu|gov|us|info)\b\S*"
                         r"|\S+\s?\.\s?(?-i:[a-z])\S*\s?/\S*")
"""A web address (a directory page's URL printed in its margin), its dots and slashes spaced apart on a scan
("members .association. example /directory"): never an organisation's name."""
SENDER_SCORE = 0.75
"""An e-mail's sender that no membership sentence names: who sent it is not always whose membership it is."""
SPECIFIC_ORGANISATION_LABEL = (
    r"(?:name\s+of\s+(?:the\s+)?)?(?:(?:issuing|membership|member|professional|sponsoring|parent)\s+)?"
    r"(?:association|society|body|chapter|affiliate)(?:\s+name)?"
    r"|(?:issuing|membership|member|professional|sponsoring|parent)\s+organi[sz]ation(?:\s+name)?"
    r"|issued\s+by|issuer|member(?:ship)?\s+(?:of|in|with)")
GENERAL_ORGANISATION_LABEL = r"(?:name\s+of\s+(?:the\s+)?)?organi[sz]ation(?:\s+name)?"
ORGANISATION_LABEL = f"{SPECIFIC_ORGANISATION_LABEL}|{GENERAL_ORGANISATION_LABEL}"
"""How a card or form labels whose membership it is: association, society, chapter, issued by, member of; a
plain "Organization" only after those, as on a directory entry or member list it may be the member's employer.
"Affiliation" always is (a member's affiliation is where they work)."""
MEMBER_ORGANISATION_SCORE = 0.75
"""A member list's "Organization" column that no heading or membership sentence confirms: checked."""
LABEL_LEAD = re.compile(rf"(?i)^\s*(?:{ORGANISATION_LABEL})"
                        r"(?:\s*:\s*|\s+(?:the\s+)?(?=(?-i:[A-Z]))(?!(?:of|for|and|in|on|to)\b))")
"""A label before the name in the same cell ("Member of: ...", "Issued by Ohio ..."): never part of the name."""
LABEL_ALONE = re.compile(rf"(?i)\s*(?:{ORGANISATION_LABEL})\s*:?\s*")
"""A label cell over (or beside) its value: never the name itself."""
UNTIL = r"(?:through|thru|until|till|to)"
THROUGH_LABEL = (rf"(?:membership\s+)?(?:valid|active|good|paid(?:\s+up)?|current|dues\s+(?:paid|current)"
                 rf"|member(?:ship)?|(?:in\s+good\s+)?standing|coverage)\s+{UNTIL}"
                 r"|(?:membership\s+|term\s+)?expires(?:\s+on)?|(?:membership\s+)?(?:expiration|expiry|exp\.?)(?:\s+date)?"
                 r"|(?:membership\s+(?:term\s+|year\s+)?|term\s+|coverage\s+)?ends(?:\s+on)?"
                 r"|end\s+of\s+(?:membership|term)|(?:membership\s+)?(?:end|ending|term\s+end)(?:\s+date)?"
                 r"|(?:membership\s+)?(?:lapses(?:\s+on)?|lapse\s+date)")
"""How a form or card names the expiry: valid / active / paid / member through, expires, expiration, end, lapses.
Printed without a colon, or over its date, the label is read as a phrase the date directly follows."""
THROUGH_IN_TEXT = (rf"(?:membership\s+)?(?:valid|active|good|paid(?:\s+up)?|current|dues\s+(?:paid|current)"
                   rf"|member(?:ship)?|(?:in\s+good\s+)?standing|coverage)\s+{UNTIL}"
                   r"|(?:membership\s+|term\s+)?expires(?:\s+on)?|(?:membership\s+)?(?:expiration|expiry|exp\.?)(?:\s+date)?"
                   r"|(?:membership\s+(?:term\s+|year\s+)?|term\s+|coverage\s+)ends(?:\s+on)?"
                   r"|end\s+of\s+(?:membership|term)|membership\s+(?:end|ending)(?:\s+date)?|term\s+end(?:\s+date)?"
                   r"|(?:membership\s+)?(?:lapses(?:\s+on)?|lapse\s+date)"
                   r"|(?<![^\n])[ \t]*(?:ends(?:\s+on)?|end(?:ing)?(?:\s+date)?)")
"""The expiry labels a date may follow anywhere in the text; a bare "Ends" / "End date" only as a label at the start
of its line ("Early registration ends May 1" names no membership)."""
THROUGH_PHRASE = (rf"(?:valid|active|current|good|paid(?:\s+up)?|in\s+good\s+standing|renewed|runs|continues)\s+{UNTIL}"
                  r"|(?:will\s+)?expires?(?:\s+on)?|expiring(?:\s+on)?|(?:will\s+)?lapses?(?:\s+on)?"
                  r"|(?:new\s+)?(?:expiration|expiry|end)\s+date(?:\s+(?:is|will\s+be))?"
                  r"|(?:valid|active|current|membership\s+runs)\s+from\s+[^.\n]{4,30}?\s+(?:to|through|thru|until|-|–)")
"""The words right before the expiry in a sentence ("will lapse on", "Your new expiration date is"); after "valid
from <date> to", the term's end."""
RENEWAL_DUE = (r"(?:next\s+)?renewal\s+(?:is\s+)?due(?:\s+(?:on|by))?|next\s+renewal(?:\s+date)?"
               r"|due\s+for\s+renewal(?:\s+on)?|renew\s+(?:by|before|no\s+later\s+than)|(?:membership\s+)?renewal(?:\s+date)?|renews(?:\s+on)?")
"""When the next renewal falls due. A bare "renewal date" may be the day it was renewed: read, for a person to check."""
RENEWAL_DUE_SCORE = 0.75
"""The day a renewal falls due is most often the day the membership ends, but some ask weeks before: checked."""
STACKED_SCORE = 0.75
"""An expiry caption with a date over it and another under it (stacked sign-off blocks, or a grid's rows): which
is its value is a person's call."""
EXPIRY_YEARS_AHEAD = 10
"""A membership runs a year or a few; "6/30/27" on a card is 2027, not 1927."""
TERM_LABEL = (r"(?:membership\s+)?(?:term|period|year)|member(?:ship)?\s+dates|coverage(?:\s+period)?"
              r"|valid(?:ity)?(?:\s+dates)?|dates?\s+valid|effective\s+dates?|(?:dates?|period|term)\s+of\s+membership")
"""How a form names the term as a range (its end is the expiry): membership period, term, coverage, valid dates."""
MEMBERSHIP_TERM = (r"member(?:ship)?\s+(?:term|period|year|dates)|coverage\s+period"
                   r"|(?:dates?|period|term)\s+of\s+membership")
"""A term label naming the membership, read wherever it stands."""
RANGE_TO = re.compile(r"\s*(?:-|–|to|through|thru|until)\s*", re.I)
OTHER_COLUMNS = (r"(?:member(?:'s)?\s+)?name|member|status|standing|category|type|level"
                 r"|member(?:ship)?\s+(?:number|no\.?|id)|member\s+since|joined|date\s+joined|last\s+payment(?:\s+received)?|amount|dues")
TERM_RANGE = re.compile(r"[ \t]*(?:-|–|to|through|thru|until)[ \t]*", re.I)
TERM_GAP = re.compile(r"[ \t]+")
"""What stands between a term's start and its end on one line: a range word, or only a table's gap."""
TERM_HEADER = re.compile(r"(?i)\b(?:start|starts|begin|begins|beginning|from|effective|issued)\b.*"
                         r"\b(?:end|ends|ending|expires?|expiry|expiration|exp|through|thru|to|until|lapses?)\b")
OTHER_DATES_HEADER = re.compile(r"(?i)\b(?:since|joined|renew\w*|paid|payment|received|birth|DOB)\b")
DATE_COLUMN = re.compile(r"(?i)\b(?:(?P<start>start|starts|begin\w*|from|effective)|(?P<end>end|ends|ending|expir\w*"
                         r"|through|thru|to|until|lapses?)|(?P<other>paid|payment|since|joined|renew\w*|invoice\w*"
                         r"|received|issued|birth|DOB))\b")
"""The date columns a header names, in order: a term's start, its end, or another date (paid, member since)."""
ROSTER_HEADER = re.compile(r"(?i)\b(?:name|birth|DOB)\b")
"""Headers over two dates a line with only a table's gap between them: one naming a term's start and end; one naming
other dates (member since, renewed, paid), whose two dates are no term unless it names a start and an end too; one
with a name or a birth date column, a member list, one person a line and no history of one membership."""
TERM_DAYS = (28, 5 * 366)
"""How long a membership term runs, in days: a month to five years; two dates further apart (member since, last
renewed) or closer (a payment just before the term starts) are not a term's start and end."""
CONFIRMING_NOTE = (r"(?:(?:dues|fees?|payment)\s+)?(?:paid(?:\s+in\s+full)?|received|in\s+full)"
                   r"|(?:paid\s*[;,]\s*)?auto[\s-]?renew(?:s|ed|al|ing)?")
"""The only bracketed notes on a status cell that confirm the term runs ("Current (paid)", "Active [auto-renews]",
"Current (dues received)"): any other note ("(late)", "(if renewed)", "(upon payment)", "(provisional)", "(?)", an OCR
slip such as "(pendinq)") may say it does not, and the row is not read as the running one."""
ACTIVE_NOTE = rf"(?:\s*[(\[]\s*(?:{CONFIRMING_NOTE})\s*[)\]])?"
"""A short bracketed note after the status word that confirms it ("Current (paid)")."""
ACTIVE_CELL = re.compile(rf"(?i)[\W\d_]*(?:active|current|in\s+good\s+standing)\b{ACTIVE_NOTE}"
                         rf"(?!\s*[:=-]\s*(?:no|n)\b|\s+(?:until|till|pending|through|thru)\b|\s*[(\[?])")
"""A term's status cell that says it runs now, first after the term's end (past other dates and figures) or before
its start, maybe with a confirming bracketed note ("Current (paid)"); not "Active: No", "Active until renewal" or
any other note ("Current (unpaid)", "Active (upon payment)"); "Not active", "Non-current", "Was active", "Inactive" do
not start with it."""
ACTIVE_TERM_SCORE = 0.92
"""A member's history of terms, one line each: the line marked as running now gives the expiry. Without one such
line (none, or several), or when it disagrees with an expiry stated apart, which is meant is a person's call
(membership.several_terms)."""
COLUMNS = "|".join((ORGANISATION_LABEL, THROUGH_LABEL, TERM_LABEL, OTHER_COLUMNS))
"""Every column name a member list or card grid may show: a header row is the row of these."""
LABEL_LINE = re.compile(rf"(?i)\s*(?:{ocr_tolerant(COLUMNS)})\s*:?\s*")
"""A line that is one field's label ("Membership Period"): never an organisation's name's rest."""


def extract(doc: DocText, evidence: list[Evidence]) -> Extraction:
    """One membership item."""
    organisation = _organisation(doc)
    read = organisation
    organisation = without_lead_mark(doc, organisation) if organisation is not None else None
    if organisation is not None and WEB_ADDRESS.search(doc.slice(organisation.start, organisation.end)):
        organisation = None
    through, through_found = _valid_through(doc, evidence)
    reasons = [] if organisation else ["membership.organisation_missing"]
    name = one_line(doc.slice(organisation.start, organisation.end)) if organisation else None
    if organisation is not None:
        organisation, name, cut = whole_name(doc, organisation, LABEL_LINE)
        if cut or cut_above(doc, organisation) or (read is not None and bare_after_mark(doc, read, organisation)):
            reasons.append("membership.organisation_cut")
    through, through_found, unclear = _from_history(doc, evidence, through, through_found)
    if unclear:
        reasons.append("membership.several_terms")
    column = column_value(doc, THROUGH_LABEL, COLUMNS, "membership.valid_through_column.v1")
    if column_date_unsure(doc, column, through_found, through, evidence):
        reasons.append("membership.date_column_unsure")
    if organisation is not None and misread_name(doc, organisation):
        reasons.append("membership.organisation_misread")
    if through is None:
        reasons.append("membership.expiry_missing")
    value = {"organization": name,
             "valid_through": through.iso() if through else None}
    sources = [s for s in (organisation, through_found) if s is not None]
    return Extraction(items=[build_item(doc, "membership", "membership", value, sources, reasons)])


def _organisation(doc: DocText) -> Found | None:
    """A labelled organisation, else a heading line that names an association, else a membership sentence's.

    A membership sentence's name goes before one cut out of another sentence; an e-mail's sender counts only
    when a membership sentence names the same organisation.
    """
    labelled = (column_value(doc, SPECIFIC_ORGANISATION_LABEL, COLUMNS, "membership.organisation_column.v1")
                or field_value(doc, SPECIFIC_ORGANISATION_LABEL, "membership.organisation.v3")
                or field_value(doc, GENERAL_ORGANISATION_LABEL, "membership.organisation.v3"))
    if labelled is not None and ORGANISATION.search(doc.slice(labelled.start, labelled.end)):
        return labelled
    heading, named = _heading(doc), _named_in_membership(doc)
    column = column_value(doc, GENERAL_ORGANISATION_LABEL, COLUMNS, "membership.organisation_column.v1")
    if column is not None and ORGANISATION.search(doc.slice(column.start, column.end)):
        return _member_list_organisation(column, heading, named)
    if heading is None or heading.rule == "membership.organisation_in_line.v1":
        return named or heading
    if heading.rule != "membership.organisation_sender.v1":
        return heading
    if named is not None and _same_name(doc, named, heading):
        return heading
    chosen = named or heading
    return Found(chosen.start, chosen.end, chosen.rule, min(chosen.score, SENDER_SCORE))


def _member_list_organisation(column: Found, heading: Found | None, named: Found | None) -> Found:
    """A member list's "Organization" column: beside a member's name, the member's employer as often as not.

    A heading above the list or a membership sentence names the association; else the column is read at
    MEMBER_ORGANISATION_SCORE.
    """
    for other in (named, heading):
        if other is not None and other.start < column.start and other.rule != "membership.organisation_sender.v1":
            return other
    return Found(column.start, column.end, column.rule, min(column.score, MEMBER_ORGANISATION_SCORE))


def _heading(doc: DocText) -> Found | None:
    """The first of the top lines that names an association: the name as read, or cut out of a sentence."""
    for line in doc.lines[:8]:
        for start, end in line.cell_spans():
            text = doc.slice(start, end)
            if LABEL_ALONE.fullmatch(text) or WEB_ADDRESS.search(MAIL_ADDRESS.sub("", text)):
                continue  # a label over its value, or a web page's address: the name is elsewhere
            if (lead := LABEL_LEAD.match(text)) is not None:
                start, text = start + lead.end(), text[lead.end():]
            elif LABELLED_LINE.match(text) and not SENDER_LINE.match(doc.slice(line.start, end)):
                continue  # another field's value ("Affiliation: ...", "Employer: ..."): not whose membership it is
            if not ORGANISATION.search(text) or re.search(r"(?i)\b(member(ship)?\s+in|renewing|dear)\b", text):
                continue
            sender = _sender(doc, line.start, start, end)
            if sender is not None:
                return sender
            name = _name_in(text) if SENTENCE.search(text) or RUNS_ON.search(text) else None
            if name is None:
                return Found(start, end, "membership.organisation_line.v2", 0.93)
            return Found(start + name[0], start + name[1], "membership.organisation_in_line.v1", NAME_IN_LINE_SCORE)
    return None


def _sender(doc: DocText, line_start: int, start: int, end: int) -> Found | None:
    """The sender's name in an e-mail's `From:` line, without its address; None for any other line."""
    label = SENDER_LINE.match(doc.slice(line_start, end))
    if label is None:
        return None
    start = max(start, line_start + label.end())
    address = MAIL_ADDRESS.search(doc.slice(start, end))
    end = start + address.start() if address and address.start() > 0 else end
    return Found(start, end, "membership.organisation_sender.v1", 0.93)


def _named_in_membership(doc: DocText) -> Found | None:
    """The organisation right after "membership in (the)": its capitalised words on the phrase's line.

    The next line's words are carried on by `_whole_name` only as the rest of a name ("in Good Standing", "on March
    3" are not); the name is read across a line break only when its line holds no organisation word ("... of the
    Harbor" / "Alliance for ...").
    """
    for phrase in MEMBERSHIP_IN.finditer(doc.text):
        name = ONE_LINE_NAME.match(doc.text, phrase.end())
        if name is None or not ORGANISATION.search(name.group()):
            name = ORGANISATION_NAME.match(doc.text, phrase.end())
        if name is not None and ORGANISATION.search(name.group()) and len(name.group().split()) > 1:
            return Found(name.start(), name.end(), "membership.organisation_named.v1", NAME_IN_LINE_SCORE)
    return None


def _same_name(doc: DocText, named: Found, sender: Found) -> bool:
    """A sentence naming the sender's organisation, spaces and case aside.

    A word OCR split ("Men tal") ends the sentence's run of capitalised words early: its name is still the
    sender's when it is the start of the sender's name and the sentence's text goes on with the rest of it.
    """
    def key(text: str) -> str:
        return re.sub(r"\s+", "", text).casefold()

    name, sent = key(doc.slice(named.start, named.end)), key(doc.slice(sender.start, sender.end))
    return sent.startswith(name) and key(doc.text[named.start:named.start + 2 * len(sent)]).startswith(sent)


def _name_in(text: str) -> tuple[int, int] | None:
    """Where a sentence names an organisation ("Welcome to the Ohio Association for ...!"), within the line.

    The run of capitalised words (and connectors) around the association word, without a leading greeting word.
    """
    for match in ORGANISATION_NAME.finditer(text):
        if ORGANISATION.search(match.group()) and BEFORE_NAME.search(text[:match.start()]):
            lead = LEAD_WORDS.match(match.group())
            return match.start() + (lead.end() if lead else 0), match.end()
    return None


def _from_history(doc: DocText, evidence: list[Evidence], through: ParsedDate | None, found: Found | None,
                  ) -> tuple[ParsedDate | None, Found | None, bool]:
    """The expiry, given a history of terms one line each; and whether which term is meant is unclear.

    With two or more terms, the one line marked as running now gives the expiry, unless an expiry stated apart
    disagrees; with none or several so marked, an expiry stated apart that no term outlasts stands, else it is unclear.
    """
    terms, unsure = _term_rows(doc, evidence)
    if unsure and len(terms) + unsure >= 2:
        return through, found, True
    if len({doc.slice(end.start, end.end) for _, end in terms}) < 2:
        return through, found, False
    ends = [end for _, end in terms]
    active = [end for start, end in terms if _is_active(doc, start, end)]
    apart = _stated_apart(doc, through, found, ends)
    if len(active) == 1:
        dated, source = parsed(active[0], ACTIVE_TERM_SCORE, EXPIRY_YEARS_AHEAD)
        stated_apart_differs = apart and through is not None and dated is not None and dated.iso() != through.iso()
        return dated, source, stated_apart_differs
    return through, found, not (apart and _outlasts(through, ends))


def _term_rows(doc: DocText, evidence: list[Evidence]) -> tuple[list[tuple[Evidence, Evidence]], int]:
    """The lines that give a membership term (its start and end), and how many more lines may give one unsurely.

    A range span, or two dates joined by a range word, or by only a table's gap unless the header over them names
    other dates. Three dates or more in a row of a table are told apart by the header's date columns (date paid,
    term start, term end), one for each; when the header does not name as many, the line is unsure. The two dates
    must be a term's length apart; a member list's lines are none.
    """
    dates = sorted((ev for ev in evidence if ev.label == "DATE"), key=lambda ev: ev.start)
    by_line: dict[int, list[Evidence]] = {}
    for ev in dates:
        by_line.setdefault(_line_no(doc, ev.start), []).append(ev)
    rows: list[tuple[Evidence, Evidence]] = []
    unsure = 0
    for line, found in by_line.items():
        header = _header_over(doc, line, dates)
        if ROSTER_HEADER.search(header):
            continue
        if (ranged := next((ev for ev in found if is_range(ev)), None)) is not None:
            rows.append((ranged, ranged))
            continue
        gaps = [doc.text[one.end:other.start] for one, other in zip(found, found[1:], strict=False)]
        if len(found) >= 3 and all(TERM_GAP.fullmatch(gap) for gap in gaps):
            kinds = [match.lastgroup for match in DATE_COLUMN.finditer(header)]
            if len(kinds) == len(found) and "start" in kinds and "end" in kinds:
                start, end = found[kinds.index("start")], found[kinds.index("end")]
                if start.start < end.start and _term_length(start, end):
                    rows.append((start, end))
                    continue
            unsure += 1
            continue
        if len(found) == 2:
            other_dates = bool(OTHER_DATES_HEADER.search(header)) and not TERM_HEADER.search(header)
            joined = TERM_RANGE.fullmatch(gaps[0]) or (TERM_GAP.fullmatch(gaps[0]) and not other_dates)
            if joined and _term_length(*found):
                rows.append((found[0], found[1]))
    return rows, unsure


def _header_over(doc: DocText, line: int, dates: list[Evidence]) -> str:
    """The header over a line of a table: the nearest line above it, within five, that holds no date ("" if none)."""
    dated = {_line_no(doc, ev.start) for ev in dates}
    lines = doc.text.split("\n")
    return next((lines[above] for above in range(line - 1, max(line - 6, -1), -1) if above not in dated), "")


def _term_length(start: Evidence, end: Evidence) -> bool:
    """Whether two dates are as far apart as a membership term's start and end."""
    first = parse_date(start.text, years_ahead=EXPIRY_YEARS_AHEAD)
    last = parse_date(end.text, years_ahead=EXPIRY_YEARS_AHEAD)
    if first is None or last is None:
        return False
    days = (dt.date.fromisoformat(last.iso()) - dt.date.fromisoformat(first.iso())).days
    return TERM_DAYS[0] <= days <= TERM_DAYS[1]


def _stated_apart(doc: DocText, through: ParsedDate | None, found: Found | None, ends: list[Evidence]) -> bool:
    """Whether an expiry was read on a line that holds no listed term ("Valid through: ...")."""
    return through is not None and found is not None and all(
        _line_no(doc, end.start) != _line_no(doc, found.start) for end in ends)


def _outlasts(through: ParsedDate | None, ends: list[Evidence]) -> bool:
    """Whether an expiry is on or after every listed term's end: the history beside it is then the past."""
    dated = [parse_date(end.text, years_ahead=EXPIRY_YEARS_AHEAD) for end in ends]
    return through is not None and all(end is not None and end.iso() <= through.iso() for end in dated)


def _line_no(doc: DocText, offset: int) -> int:
    """Which text line holds `offset` (0 for the first)."""
    return doc.text.count("\n", 0, offset)


def _is_active(doc: DocText, start: Evidence, end: Evidence) -> bool:
    """A term row whose status cell, right after its end or right before its start, says it runs now."""
    line_start = doc.text.rfind("\n", 0, start.start) + 1
    line_end = doc.text.find("\n", end.end)
    after = doc.text[end.end:line_end if line_end >= 0 else len(doc.text)]
    before = doc.text[line_start:start.start]
    return bool(ACTIVE_CELL.match(after)) or bool(re.fullmatch(rf"{ACTIVE_CELL.pattern}\W*", before))


def _valid_through(doc: DocText, evidence: list[Evidence]) -> tuple[ParsedDate | None, Found | None]:
    """A labelled expiry date, else one over its caption, else a labelled term's end, else a date after an expiry word.

    A labelled date and a different one written over the same caption are both kept for a person to check.
    """
    through = (column_value(doc, THROUGH_LABEL, COLUMNS, "membership.valid_through_column.v1")
               or field_value(doc, THROUGH_LABEL, "membership.valid_through.v3"))
    over, over_found, heading = _expiry_over_caption(doc, evidence)
    if through is not None:
        dated, found = first_date(doc, through, evidence, EXPIRY_YEARS_AHEAD)
        other = over if over is not None else heading
        if dated is not None and found is not None and other is not None and other.iso() != dated.iso():
            found = Found(found.start, found.end, found.rule, min(found.score, STACKED_SCORE))
        elif dated is not None and found is not None and over_found is not None and over_found.start == found.start:
            found = Found(found.start, found.end, found.rule, min(found.score, over_found.score))  # the same doubt
        if dated is not None:
            return dated, found
    if over is not None:
        return over, over_found
    term = field_value(doc, TERM_LABEL, "membership.term.v1")
    if term is not None:
        spans = dates_in(term, evidence)
        if len(spans) >= 2 or (len(spans) == 1 and is_range(spans[0])):
            return parsed(spans[-1], 0.97, EXPIRY_YEARS_AHEAD)
    dated, found = date_after(doc, THROUGH_PHRASE, evidence, "membership.valid_through_phrase.v2", 0.96,
                              EXPIRY_YEARS_AHEAD)
    if dated is not None:
        return dated, found
    end = _term_end_after(doc, evidence)
    if end is not None:
        return parsed(end, 0.96, EXPIRY_YEARS_AHEAD)
    dated, found = date_after(doc, THROUGH_IN_TEXT, evidence, "membership.valid_through_label.v1", 0.96,
                              EXPIRY_YEARS_AHEAD)
    if dated is not None:
        return dated, found
    return _renewal_due(doc, evidence)


def _expiry_over_caption(doc: DocText, evidence: list[Evidence]
                         ) -> tuple[ParsedDate | None, Found | None, ParsedDate | None]:
    """A date written on a line over its expiry caption, beside other captioned lines ("Membership Expires").

    A certificate signs off with lines captioned underneath: the signer's name over "President", the date over
    "Membership Expires". The date alone directly over the caption is the expiry, unless a label stands right over
    the date (a list of labels over their values: the date is that label's); a date under it as well (stacked
    blocks) could be either's, so it is read for a person to check. A form whose caption rows stand over their
    values is read by the labelled field instead, and so is a caption that heads a column of a grid (see
    `_heads_a_column`): a date over it is the page's (a print date), not its value; but when the line over holds
    values over two or more captions (a sign-off's lines), or the date stands alone on its line (the one line typed
    in, the others signed by hand), it is handed back third, so that a column's reading that differs from it is
    checked.
    """
    if captions_over_values(doc):
        return None, None, None
    heading: ParsedDate | None = None
    caption = re.compile(rf"(?i)^\s*(?:{ocr_tolerant(THROUGH_LABEL)})\s*$")
    for index, line in enumerate(doc.lines):
        for position, cell in enumerate(line.cell_spans()):
            if not caption.match(doc.slice(*cell)):
                continue
            value = caption_value(doc, index, position, "membership.valid_through_caption.v1")
            if (value is None or not DATE_ONLY.match(doc.slice(value.start, value.end))
                    or _label_over(doc, index - 1, value)):
                continue
            dated, found = first_date(doc, value, evidence, EXPIRY_YEARS_AHEAD)
            if dated is None or found is None:
                continue
            if _heads_a_column(doc, index, position, value):
                over_lines = _lines_over_captions(doc, index) or _alone_on_line(doc, value)
                heading = heading or (dated if over_lines else None)
                continue
            other = under_header(doc, index, position, value.rule)
            grid = _row_under_names(doc, index) if other is None else 0
            if grid == 2:
                continue  # a grid's expiry cell left blank: the date over its name is the page's, no expiry
            stacked = other is not None and DATE_ONLY.match(doc.slice(other.start, other.end))
            score = min(found.score, value.score, STACKED_SCORE if stacked or grid else 1.0)
            return dated, Found(found.start, found.end, value.rule, score), None
    return None, None, heading


CAPTION_REACH = 1.5
"""A sign-off's captions stand under their lines within this many line heights; a footer stands further off."""
CLOSER = 2 / 3
"""A grid's name row goes with the row under it when that row is nearer than this share of the gap to the line over
it: a scan's evenly spaced rows lie a point or two off."""


def _heads_a_column(doc: DocText, index: int, position: int, over: Found) -> bool:
    """Whether a caption is a grid's column name with its value close under it, rather than a caption under a line.

    A member grid names its columns ("Member | Level | Expires") over a row of values; a print date at the top of
    the page may stand right over a name. The row of two or more column names (no digit) with a value under this
    one clearly closer than the date over it (`CLOSER`) heads the column, but only when no row of captions follows
    the value's row (a second block of lines captioned underneath: "Kim Lau" over "Signed"); rows spaced evenly
    may as well be a sign-off's captions under their lines with a second block under them, read the usual way (and
    checked when the two dates differ).
    """
    line = doc.lines[index]
    column = re.compile(rf"(?i)^[\s|]*(?:{ocr_tolerant(COLUMNS)})\s*:?\s*$")
    texts = [doc.slice(*cell) for cell in line.cell_spans()]
    if sum(bool(column.match(text)) for text in texts) < 2 or any(ch.isdigit() for text in texts for ch in text):
        return False
    under = under_header(doc, index, position, "membership.valid_through_column.v1")
    row, above = box_of(doc, line.start, line.end), box_of(doc, over.start, over.end)
    below = box_of(doc, under.start, under.end) if under is not None else None
    if under is None or _captions_follow(doc, under):
        return False
    return (row is not None and above is not None and below is not None
            and below[1] - row[3] < CLOSER * (row[1] - above[3]))


def _row_under_names(doc: DocText, index: int) -> int:
    """How surely a row of two or more column names heads a grid whose row under it leaves this column blank.

    2: the next line, within `CAPTION_REACH` line heights, holds two or more cells each under one of the names, the
    names hold no digit and no row of captions follows it (a sign-off's second block of lines, captioned under
    them) and no line of values stands over the names (a sign-off's first block); the date over the caption is then
    the page's. 1: a line close under has only one cell under a name, or none lined up with one (names centred
    over their columns), the names hold a digit ("2026 Dues"), values stand over the names as well as under, or a
    line of values (no sentence) stands further under (a padded table's row): a grid's row as well as not, the date
    over is checked; so too with no line under on its page or a sentence under (a table broken across pages, a note
    in place of rows). 0: none such (a row of captions under).
    """
    line = doc.lines[index]
    column = re.compile(rf"(?i)^[\s|]*(?:{ocr_tolerant(COLUMNS)})\s*:?\s*$")
    texts = [doc.slice(*cell) for cell in line.cell_spans()]
    if sum(bool(column.match(text)) for text in texts) < 2:
        return 0
    if index + 1 >= len(doc.lines) or doc.lines[index + 1].page != line.page:
        return 1  # a grid's header with its rows on the next page: the date over it may be the page's
    following = doc.lines[index + 1]
    row, under = box_of(doc, line.start, line.end), box_of(doc, following.start, following.end)
    if row is None or under is None or _captions_follow(doc, Found(following.start, following.end, "", 1.0)):
        return 0
    if any(is_prose(doc.slice(*cell)) for cell in following.cell_spans()):
        return 1  # a grid's header over a note ("No members are listed"): the date over it may be the page's
    if under[1] - row[3] > CAPTION_REACH * (row[3] - row[1]):
        return 1  # a row of values further off: a padded table's row as well as a footer
    names = [box for cell in line.cell_spans() if (box := box_of(doc, *cell)) is not None]
    lined = 0
    for cell in following.cell_spans():
        box = box_of(doc, *cell)
        lined += box is not None and sum(overlap(box, name) > 0.2 for name in names) == 1
    digits = any(ch.isdigit() for text in texts for ch in text)
    sure = lined >= 2 and not digits and not _lines_over_captions(doc, index)
    return 2 if sure else 1


def _lines_over_captions(doc: DocText, index: int) -> bool:
    """Whether the line over a caption row holds values over two or more of its captions, each over one.

    A sign-off's lines stand so; a page's heading with its print date at the right does not (the heading spans
    several names).
    """
    if index < 1 or doc.lines[index - 1].page != doc.lines[index].page:
        return False
    names = [box for cell in doc.lines[index].cell_spans() if (box := box_of(doc, *cell)) is not None]
    over = 0
    for cell in doc.lines[index - 1].cell_spans():
        box = box_of(doc, *cell)
        if box is not None and not is_prose(doc.slice(*cell)):
            over += sum(overlap(box, name) > 0.2 for name in names) == 1
    return over >= 2


def _alone_on_line(doc: DocText, value: Found) -> bool:
    """Whether a value is the only cell of its line (no heading beside it, as a print date has)."""
    line = doc.line_at(value.start)
    return line is not None and len(line.cell_spans()) == 1


def _captions_follow(doc: DocText, value: Found) -> bool:
    """Whether the line after a value's line is a row of captions under it: a sign-off's second block.

    A sign-off's second block of lines has its own captions close under it, each under one of its lines, most of
    them caption words ("Signature", "Title", "Date issued"); a grid's next row holds values (a member's name, a
    category) and a footer stands well off. Two or more short cells of words, no digit, no sentence, within
    `CAPTION_REACH` line heights, lined up under two or more of the value row's cells.
    """
    line = doc.line_at(value.start)
    if line is None or (index := doc.lines.index(line)) + 1 >= len(doc.lines):
        return False
    following = doc.lines[index + 1]
    cells = following.cell_spans()
    texts = [doc.slice(*cell) for cell in cells]
    if (following.page != line.page or len(texts) < 2 or any(ch.isdigit() for text in texts for ch in text)
            or any(is_prose(text) for text in texts)):
        return False
    column = re.compile(rf"(?i)^[\s|]*(?:{ocr_tolerant(COLUMNS)})\s*:?\s*$")
    if 2 * sum(bool(CAPTION.match(text) or column.match(text)) for text in texts) <= len(texts):
        return False
    row, under = box_of(doc, line.start, line.end), box_of(doc, following.start, following.end)
    if row is None or under is None or under[1] - row[3] > CAPTION_REACH * (row[3] - row[1]):
        return False
    values = [box for cell in line.cell_spans() if (box := box_of(doc, *cell)) is not None]
    lined = 0
    for cell in cells:
        box = box_of(doc, *cell)
        lined += box is not None and sum(overlap(box, over) > 0.2 for over in values) == 1
    return lined >= 2


def _label_over(doc: DocText, index: int, value: Found) -> bool:
    """Whether a label stands close over a value on line `index`: a list of labels over their values, the value its.

    A label is a short cell of words with no digit (no value, no sentence) right over the value.
    """
    if index < 1 or doc.lines[index - 1].page != doc.lines[index].page:
        return False
    box = box_of(doc, value.start, value.end)
    for cell in doc.lines[index - 1].cell_spans():
        above, text = box_of(doc, *cell), doc.slice(*cell)
        if (box is not None and above is not None and overlap(box, above) > 0.2
                and box[1] - above[3] <= 1.5 * (box[3] - box[1])
                and not any(ch.isdigit() for ch in text) and not is_prose(text)):
            return True
    return False


def _term_end_after(doc: DocText, evidence: list[Evidence]) -> Evidence | None:
    """The end of a range right after a term label printed bare or over it ("Term 07/01/2026 - 06/30/2027").

    The label starts its line, or names the membership: "Grace period", "Renewal period", "Fiscal year" are
    other terms.
    """
    dates = {ev.start: ev for ev in evidence if ev.label == "DATE"}
    label = rf"(?<![^\n])[ \t]*(?:{ocr_tolerant(TERM_LABEL)})|\b(?:{ocr_tolerant(MEMBERSHIP_TERM)})"
    for match in re.finditer(rf"(?i)(?:{label})\b[\s:]*", doc.text):
        first = dates.get(match.end())
        if first is not None and is_range(first):
            return first
        to = RANGE_TO.match(doc.text, first.end) if first is not None else None
        if to is not None and (last := dates.get(to.end())) is not None:
            return last
    return None


def _renewal_due(doc: DocText, evidence: list[Evidence]) -> tuple[ParsedDate | None, Found | None]:
    """The date the next renewal is due, labelled or in a sentence, read for the expiry at RENEWAL_DUE_SCORE."""
    labelled = field_value(doc, RENEWAL_DUE, "membership.renewal_due.v1")
    if labelled is not None:
        dated, found = first_date(doc, labelled, evidence, EXPIRY_YEARS_AHEAD)
        if dated is not None and found is not None:
            score = min(found.score, RENEWAL_DUE_SCORE)
            return dated, Found(found.start, found.end, "membership.renewal_due.v1", score)
    return date_after(doc, RENEWAL_DUE, evidence, "membership.renewal_due_phrase.v1", RENEWAL_DUE_SCORE,
                      EXPIRY_YEARS_AHEAD)
