"""Code of ethics agreements: who signed, when, and whether the signature line is filled.

A form has a signature line (`Signature: /s/ Name`, blank or `____` when unsigned), a printed name and
a date signed; an e-signed agreement says "Electronically signed by <name> on <date>".
"""

from __future__ import annotations

import re

from extractors.ethics_chain import holds_figure, worded_row_under
from extractors.ethics_dates import date_doubt, dated_label
from extractors.fields import Extraction, Found, build_item
from extractors.form_layout import LABELLED_LINE, RULE_LINE, box_of, is_prose, ocr_tolerant, overlap
from extractors.forms import (
    CAPTION,
    DATE_VALUE,
    ORGANISATION,
    PERSON_NAME,
    FieldHit,
    captions_over_values,
    field,
    field_date,
    field_value,
    first_date,
    one_line,
)
from extractors.layout import DocText
from extractors.nlp import Evidence
from pipeline.models import Item

SIGNER = (r"(?:applicant|candidate|member|endorsee|signer|signatory|professional|practitioner|provider|licensee"
          r"|registrant|participant|clinician|employee|staff\s+member)")
"""Whom an agreement has sign it, by the names forms give that person."""
SIGNATURE_LABEL = (rf"(?:{SIGNER}(?:'s)?\s+|your\s+)?(?:typed\s+|electronic\s+|digital\s+|e-?)?signature"
                   rf"(?:\s+of\s+(?:the\s+)?{SIGNER}|\s*\(\s*(?:the\s+)?{SIGNER}\s*\))?|signed(?:\s+by)?"
                   r"|sign\s+(?:here|below)")
"""The signature line, whoever the form calls the signer and however the signature is made ("Signed: ____")."""
SIGNERS_LABEL = (rf"(?:{SIGNER}(?:'s)?\s+|your\s+)(?:typed\s+|electronic\s+|digital\s+|e-?)?signature"
                 rf"|(?:typed\s+|electronic\s+|digital\s+|e-?)?signature\s+of\s+(?:the\s+)?{SIGNER}"
                 rf"|(?:typed\s+|electronic\s+|digital\s+|e-?)?signature\s*\(\s*(?:the\s+)?{SIGNER}\s*\)")
"""A signature line the form gives the signer by name ("Applicant signature", "Signature (member)"): it is the
signer's wherever it stands; a bare "Signed:" elsewhere may be an officer's adopting the code."""
SIGNATURE_CAPTION = re.compile(
    r"(?i)^[\s|]*(?P<who>(?:[a-z][\w'’.-]*\s+){0,3}?)(?:(?:typed|electronic|digital|e-?)\s*)?signature"
    r"(?:\s+of\s+(?P<of>[a-z][\w'’ .-]{0,30}?)|\s*\(\s*(?P<paren>[^)]{1,30}?)\s*\))?\s*(?::.*)?$")
"""A signature line's caption, whoever it names ("Signature", "Witness signature", "Signature of the member",
"Signature (staff)"), alone in its cell or before a colon and the line's value."""
COUNTED_CAPTION = re.compile(
    r"(?i)^[\s|]*(?P<who>(?:[a-z][\w'’.-]*\s+){0,3}?)(?:(?:typed|electronic|digital|e-?)\s*)?"
    rf"(?:{ocr_tolerant('signature')}(?:\s+of\s+(?P<of>[a-z][\w'’ .-]{{0,30}}?)|\s*\(\s*(?P<paren>[^)]{{1,30}}?)\s*\))?"
    rf"|{ocr_tolerant('signed')}(?:\s+by)?|{ocr_tolerant('sign')}\s+(?:here|below))\s*(?::.*)?$")
"""A signature line's caption as the line reader takes one (`SIGNATURE_LABEL`): a word split by a scan ("Signa
ture"), "Signed", "Signed by", "Sign here", whoever it names, alone in its cell or before a colon and a value."""
NO_SIGNATURE = re.compile(r"(?i)^\s*(?:no|not\b.*|none|pending|unsigned\b.*|yes|n/?a|to\s+follow)\s*[.!]?\s*$")
"""A word on the signature line saying there is no signature (or only that there is one): no name, and a person
checks the line."""
SIGNED_NAME = re.compile(r"^\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}\s*$")
"""A signature typed as a name: capitalised words or initials ("J. Roe"), nothing after them."""
OFFICE_TITLE = re.compile(r"(?i)\b(?:president|vice|director|chair\w*|secretary|treasurer|officer|board|dean"
                          r"|registrar|manager|executive|ceo|coordinator)\b")
"""An office after a name on the line ("Dana Whitfield, Board President"): an officer's signature, maybe not the
signer's."""
PRINTED = r"(?:print(?:ed)?|typed?)(?:\s*(?:or|/|and)\s*(?:print(?:ed)?|typed?))?"
"""How a form asks for the name in print: "print", "printed", "typed or printed", "print/type"."""
NAME_LABEL = (rf"{PRINTED}\s+name(?:\s+here)?|name\s+(?:in\s+print|printed|in\s+(?:block\s+)?(?:capitals|letters))"
              rf"|(?:{SIGNER}(?:'s)?\s+)?name\s*\((?:please\s+)?(?:{PRINTED}|block\s+(?:capitals|letters))\)"
              rf"|name\s+of\s+(?:the\s+)?{SIGNER}(?:\s*\((?:please\s+)?print(?:ed)?\))?"
              rf"|(?:(?:full|typed|legal|{SIGNER}(?:'s)?)\s+)?name")
"""The signer's name in print, however the form asks for it."""
DATE_LABEL = (r"date(?:\s+signed)?|signature\s+date|signed\s+on|date\s+of\s+(?:signature|signing|agreement"
              r"|acknowledge?ment|acceptance|attestation)"
              r"|signing\s+date|today'?s\s+date|dated"
              r"|date\s+(?:acknowledged|accepted|agreed|attested|affirmed|confirmed|submitted)")
"""A date signed, or the date the signer acknowledged / accepted / agreed, as the form words it."""
E_SIGNED_BY = (r"(?i)\b(?:(?:electronically|digitally)\s+signed|signed\s+(?:electronically|digitally)|e-?signed)"
               r"\s+by\s*:?\s+(?P<name>[A-Z][^\n]*?)")
E_SIGNED = [re.compile(E_SIGNED_BY + before_date) for before_date in (
    r"\s+at\s+\d{1,2}:\d{2}\s*(?:[AP]\.?M\.?\s+)?(?:[A-Z]{2,4}\s+)?on\s+", r"\s+on\s+", r",\s*")]
"""An e-signature statement, the date after the name: "by X at 10:14 AM on <date>", "by X on <date>", "by X, <date>"."""
NAME_WORD = r"[A-Z](?:[^\W_]|[.'’-])+"
STATEMENT_NAME = re.compile(rf"(?<!\S)[I|l!1],[\s_]+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})[\s_]*,\s+"
                            r"(?=(?:the\s+undersigned\b|[a-z]))")
"""The signer named in apposition to the agreement's own "I": "I, <name>, acknowledge ...", "I, <name>, have read
...", "I, <name>, the undersigned, ..."; whatever the verb, the name between "I," and the comma is who speaks (a
scan may read the "I" as "|", "l", "!" or "1"). A name written on the statement's blank stands apart from the
comma that ends the blank ("I, ___Ann Lee___, have read")."""
STATEMENT_NAME_SCORE = 0.9
AGREEING = re.compile(r"(?i)\b(?:agree|acknowledge|affirm|attest|certify|swear|accept|understand|declare|pledge|commit"
                      r"|promise|undertake|uphold|abide|adhere|comply|(?:have\s+)?(?:received\s+and\s+)?read)")
"""What the signer of an agreement says of it: agrees, acknowledges, has read, pledges, commits."""
WITNESSING = re.compile(r"(?i)\b(?:witness\w*|notary|notari[sz]ed|in\s+my\s+presence|(?:appeared|sworn)\s+before\s+me"
                        r"|my\s+supervisee|the\s+(?:signer|signatory|person\s+named)|(?:his|her|their)\s+signature"
                        r"|signed\s+(?:this|the)\s+\w+\s+in)")
"""Someone else's statement about the signing: a witness, a notary, a supervisor who went over the code."""
OTHER_FIELD = re.compile(r"^\s*[A-Za-z][\w' ()/-]{0,40}:")
"""A cell that is a field of its own ("Dated: July 2, 2026"): a label's next cell, never the label's value."""
FORM_HEADING = re.compile(r"(?i)\b(?:\w+['’]s|statement|agreement|declaration|acknowledge?ment|attestation|signature"
                          r"|section|part|code|ethics|conduct|standards?|pledge|oath)\b")
"""Words of a form's own heading ("Applicant's Statement", "Member Pledge"): a line above the signature label that
holds one is the form's text, never a signature."""
SIGNED_ABOVE_SCORE = 0.9
ABOVE_RULE = "signature.above_line.v1"
"""A signature read from the line above its label: where it stands, not a colon, says whose line it is."""
CERTIFICATE_DATE_LABEL = r"signed(?:\s+on)?|date\s+signed|completed(?:\s+on)?"
NOT_A_NAME_START = re.compile(r"^[^A-Za-z/(\n]+(?=[A-Za-z])")
"""What may stand before a printed name on a scan's line, and is none of it: specks, a rule's end, stray marks."""
CLOSE_UNDER = 2.5
"""How far under a caption row its values may stand, in lines of the larger type."""
SMALLER_TYPE = 0.8
"""A line set in type at most this share of the values' height is set smaller: captions, not values."""
WRITTEN_NAME = r"(?-i:(?:/s/\s*)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s*$"
"""A signature written on the label's own line with no colon ("Signature  Ana Lee" over a rule): a name of two to
four capitalised words and nothing after it."""
SIGNATURE_MARK = re.compile(r"^\s*/s/\s*")
SIGNATURE_WORDS = 6
"""A signature is a name; more words than this on the line is text, and the line's state needs a person."""


def extract(doc: DocText, evidence: list[Evidence]) -> Extraction:
    """One signature item: an electronic signature statement if there is one, else the signature form."""
    signed_electronically = _electronic(doc, evidence)
    if signed_electronically is not None:
        return Extraction(items=[signed_electronically])
    return Extraction(items=[_form(doc, evidence)])


def _electronic(doc: DocText, evidence: list[Evidence]) -> Item | None:
    """"Electronically signed by <name> on <date>", checked against a signature certificate's Signer/Signed rows."""
    matches = [m for pattern in E_SIGNED if (m := pattern.search(doc.text))]
    if not matches:
        return None
    match = next((m for m in matches if any(e.label == "DATE" and e.start == m.end() for e in evidence)), matches[0])
    ev = next((e for e in evidence if e.label == "DATE" and e.start == match.end()), None)
    name, agree = _better_agreeing(doc, Found(match.start("name"), match.end("name"), "signature.electronic.v1", 0.96),
                                   field_value(doc, r"signer(?:\s+name)?", "signature.certificate_signer.v1"))
    sources = [name]
    reasons: list[str] = [] if agree else ["signature.name_mismatch"]
    date = None
    if ev is None:
        reasons.append("signature.date_missing")
    else:
        dated, source = first_date(doc, Found(ev.start, ev.end, "signature.electronic.v1", 0.96), evidence)
        date = dated.iso() if dated else None
        certified = first_date(doc, field_value(doc, CERTIFICATE_DATE_LABEL, "signature.certificate_date.v1"), evidence)
        if source is not None and certified[0] is not None and certified[1] is not None:
            if certified[0] != dated:
                reasons.append("signature.date_mismatch")
            elif doc.confidence(certified[1].start, certified[1].end) > doc.confidence(source.start, source.end):
                source = certified[1]
        sources.append(source or name)
    signer = one_line(doc.slice(sources[0].start, sources[0].end))
    value = {"signer": signer, "date": date, "signed": True}
    return build_item(doc, "signature", "signature", value, sources, reasons)


def _better_agreeing(doc: DocText, first: Found, second: Found | None) -> tuple[Found, bool]:
    """Of two readings of a name, the better-read when they agree; the first, and False, when they do not."""
    if second is None:
        return first, True
    if _name_key(doc.slice(first.start, first.end)) != _name_key(doc.slice(second.start, second.end)):
        return first, False
    return max((first, second), key=lambda f: doc.confidence(f.start, f.end)), True


def _form(doc: DocText, evidence: list[Evidence]) -> Item:
    """The signature form, its captions read over or under their values as the whole block shows."""
    reading = _caption_reading(doc)
    above = reading.startswith("over")
    line, set_aside = _signature_line(doc, _signers_line(doc, above)
                                      or field(doc, SIGNATURE_LABEL, "signature.line.v2", captions_above=above,
                                                bare=WRITTEN_NAME))
    printed = _person(doc, field_value(doc, NAME_LABEL, "signature.printed_name.v2", captions_above=above))
    if line is not None and line.value is not None and printed is not None and _same(line.value, printed):
        line, set_aside = FieldHit(line.label, None), True  # the name above the line is the printed name's value
    stated = None if printed else _statement_name(doc)
    date_hit = field(doc, DATE_LABEL, "signature.date.v2", captions_above=above, bare=DATE_VALUE)
    dated, date_found = field_date(doc, date_hit.value if date_hit else None, evidence)
    reasons = _signers_doubt(doc) + _reading_doubt(reading) + _date_block_doubt(doc, line, date_hit)
    signed: bool | None = None
    mark = ""
    if line is None:
        reasons.append("signature.unconfirmed")
    elif line.value is None:
        signed = False
        if set_aside:  # a name written over the line read as another field's value: a person checks the line
            reasons.append("signature.unconfirmed")
    else:
        mark = SIGNATURE_MARK.sub("", one_line(doc.slice(line.value.start, line.value.end)))
        signed = None if NO_SIGNATURE.match(mark) else (
            bool(re.search(r"[A-Za-z]{2}", mark)) and len(mark.split()) <= SIGNATURE_WORDS
            and not CAPTION.match(mark)  # a caption read as the line's value ("Name in print") is no signature
            and not re.fullmatch(rf"(?i){SIGNER}", mark.strip())  # nor is the signer's role ("Participant")
            and not _dated(line.value, evidence))  # nor is a date written on it ("Signature: June 5, 2026")
        if not signed:
            reasons.append("signature.unconfirmed")
    if stated is not None and signed and _name_key(mark) != _name_key(doc.slice(stated.start, stated.end)):
        reasons.append("signature.name_mismatch")  # the name typed on the line stands; the sentence's is a doubt
    elif stated is not None:
        printed = stated
    signer = one_line(doc.slice(printed.start, printed.end)) if printed else (mark if signed else None)
    if signed and printed and _name_key(mark) != _name_key(signer or ""):
        reasons.append("signature.name_mismatch")
    if signer is None:
        reasons.append("signature.signer_missing")
    elif signed and printed is None and (not SIGNED_NAME.match(mark) or OFFICE_TITLE.search(mark)
                                         or (line is not None and line.value is not None
                                             and line.value.rule == ABOVE_RULE)):
        reasons.append("signature.signer_unconfirmed")  # only a name where the signer signs says it is theirs
    if dated is None:
        reasons.append("signature.date_missing")
    value = {"signer": signer, "date": dated.iso() if dated else None, "signed": signed}
    sources = [s for s in (line.value or line.label if line else None, printed, date_found) if s is not None]
    return build_item(doc, "signature", "signature", value, sources, reasons)


def _captions_over(doc: DocText) -> bool:
    """Whether the form's caption rows sit over their values (see `_caption_reading`)."""
    return _caption_reading(doc).startswith("over")


def _caption_reading(doc: DocText) -> str:
    """How the form's caption rows pair with their values: "over", "under", "unclear" or "over, unclear".

    "unclear" is read under and flagged; "over, unclear" read over and flagged (a caption row with nothing under it
    ends the chain from the heading row, see `_blank_head`).

    A form may set its captions in small type ("SIGNATURE OF APPLICANT" in 6.5 points) over values in 10: the gap to
    the values then reads as wide only against the captions' own height. Measured against the larger type, a caption
    row heading its block (nothing above it can be its value) with a value line close under it, each value in a
    caption's column, has its values under it. That reading is sure only when nothing else on the page can pair with
    those values: a row of small captions of its own close under them (a reviewer's or witness's row) may be theirs,
    captions under their values with the row above left blank; then no reading is sure. A downward reading whose
    first caption row has a value line over it (judged cell by cell: a long name is no paragraph) is not sure either.
    """
    rows = [i for i, line in enumerate(doc.lines) if len(line.cell_spans()) > 1
            and all(CAPTION.match(doc.slice(*cell)) for cell in line.cell_spans())]
    if captions_over_values(doc):
        if rows and not _heads_block(doc, _first_caption_row(doc, rows[0])):
            return "under"
        return "over, unclear" if rows and _blank_head(doc, rows[0]) else "over"
    if rows and _heads_block(doc, rows[0]) and all(_values_under(doc, i) for i in rows):
        return "unclear" if any(_caption_row_under(doc, i + 1) for i in rows) else "over"
    heading = (i for i, line in enumerate(doc.lines) if _small_row_heading(doc, i))
    return "unclear" if any(_paired_downwards(doc, i) for i in heading) else "under"


def _first_caption_row(doc: DocText, first_row: int) -> int:
    """The block's first caption row: `first_row` (two or more captions) or a caption alone heading it.

    A caption alone over its value line right before the row, and so on up, belongs to the same block ("PRINTED NAME"
    over "Ana Lee", then "SIGNATURE | DATE" over their values).
    """
    head = first_row
    while head >= 2 and _caption_alone_over_value(doc, head - 2) and doc.lines[head - 2].page == doc.lines[head].page:
        head -= 2
    return head


def _caption_alone_over_value(doc: DocText, index: int) -> bool:
    """A line of one caption cell with its value line close under it ("PRINTED NAME" over "Ana Lee")."""
    line = doc.lines[index]
    return len(line.cell_spans()) == 1 and bool(CAPTION.match(doc.slice(line.start, line.end))) and _values_under(
        doc, index)


def _blank_head(doc: DocText, index: int) -> bool:
    """Whether a chain of caption rows and value lines from a heading row ends in a caption row with nothing under it.

    Read downwards the last row is left blank; read upwards the heading row is (a member's blank block over a
    witness's or a notary's): no reading is sure.
    """
    chained = False
    while _lower_caption_row(doc, index + 1):
        index, chained = index + 2, True
    return chained and not _values_under(doc, index)


def _lower_caption_row(doc: DocText, index: int) -> bool:
    """A caption row close under the value line at `index`.

    Smaller type or caption words, or a caption's shape in the same type (see `ethics_chain`); a row holding a figure
    is a footer, never a caption row.
    """
    return ((_caption_row_under(doc, index) or worded_row_under(doc, index, CLOSE_UNDER))
            and not holds_figure(doc, index + 1))


def _paired_downwards(doc: DocText, index: int) -> bool:
    """Whether a chain of caption rows and value lines from a row heading its block pairs every row downwards.

    Read upwards, the heading row is left blank and the last row takes the values over it; read downwards, every
    row takes the line under it. When the last row has a value line under it too, the downward reading leaves
    nothing blank and the upward one may give another row's values as the signer's: no reading is sure. When the
    last row has nothing under it, the upward reading is the form's usual one (a blank signature heading it).
    """
    chained = False
    while _caption_row_under(doc, index + 1):
        index, chained = index + 2, True
    return chained and _values_under(doc, index)


def _date_block_doubt(doc: DocText, line: FieldHit | None, date: FieldHit | None) -> list[str]:
    """The doubt on a date whose caption is not the one of the signature line's own block.

    Another signer's row or column holds it (a witness's date, the office's), or it stands outside the signature's
    own block (see `ethics_dates`).
    """
    if line is None or date is None or date.value is None:
        return []
    return date_doubt(doc, line.label.start, date.label.start, (SIGNATURE_LABEL, NAME_LABEL, DATE_LABEL))


def _reading_doubt(reading: str) -> list[str]:
    """The doubt on a form whose caption rows may pair with the values over or under them: a person reads them."""
    return ["signature.block_unclear"] if reading.endswith("unclear") else []


def _small_row_heading(doc: DocText, index: int) -> bool:
    """A row of short cells in small type heading its block, a value line in larger type close under it.

    Whatever its words, such a row may caption the values under it ("OBSERVER SIGNATURE | OBSERVER NAME | DATE").
    """
    if index + 1 >= len(doc.lines) or not _heads_block(doc, index) or not _values_under(doc, index):
        return False
    line, below = doc.lines[index], doc.lines[index + 1]
    row, under = box_of(doc, line.start, line.end), box_of(doc, below.start, below.end)
    return (row is not None and under is not None and not _holds_prose(doc, index)
            and row[3] - row[1] <= SMALLER_TYPE * (under[3] - under[1]))


def _heads_block(doc: DocText, index: int) -> bool:
    """A caption row with no value line above it: the first line of its page, or under a paragraph.

    The line above is a paragraph only when a cell of it is running text (a sentence with a name written on its
    blank is split in cells, one of them the sentence), or it is a paragraph's short last line ending in a full stop:
    a value line of long names ("Maria de los Angeles Ruiz | Maria de los Angeles Ruiz") has many words, but none of
    its cells is a sentence.
    """
    above = index - 1
    while above >= 0 and not re.search(r"\w\w", doc.slice(doc.lines[above].start, doc.lines[above].end)):
        above -= 1
    if above < 0 or doc.lines[above].page != doc.lines[index].page:
        return True
    if _holds_prose(doc, above):
        return True
    cells = doc.lines[above].cell_spans()
    return (len(cells) == 1 and doc.slice(*cells[0]).rstrip().endswith(".") and above > 0
            and doc.lines[above - 1].page == doc.lines[index].page and _holds_prose(doc, above - 1))


def _holds_prose(doc: DocText, index: int) -> bool:
    """Whether a cell of a line is running text."""
    return any(is_prose(doc.slice(*cell)) for cell in doc.lines[index].cell_spans())


def _caption_row_under(doc: DocText, index: int) -> bool:
    """Whether a value line has a caption row of its own close under it: short cells in smaller type, or captions.

    Such a row ("REVIEWER | DATE LOGGED" in 6.5 points under values in 10) may caption the values over it.
    """
    if index + 1 >= len(doc.lines) or doc.lines[index + 1].page != doc.lines[index].page:
        return False
    line, below = doc.lines[index], doc.lines[index + 1]
    values, under = box_of(doc, line.start, line.end), box_of(doc, below.start, below.end)
    text = doc.slice(below.start, below.end)
    if values is None or under is None or RULE_LINE.match(text) or not re.search(r"[A-Za-z]{2}", text):
        return False
    cells = [doc.slice(*cell) for cell in below.cell_spans()]
    height = values[3] - values[1]
    if under[1] - values[3] > CLOSE_UNDER * height or any(is_prose(cell) for cell in cells):
        return False
    return all(CAPTION.match(cell) for cell in cells) or under[3] - under[1] <= SMALLER_TYPE * height


def _values_under(doc: DocText, index: int) -> bool:
    """A caption row with a value line close under it (by the larger type of the two), each value under a caption."""
    if index + 1 >= len(doc.lines) or doc.lines[index + 1].page != doc.lines[index].page:
        return False
    line, below = doc.lines[index], doc.lines[index + 1]
    row, under = box_of(doc, line.start, line.end), box_of(doc, below.start, below.end)
    text = doc.slice(below.start, below.end)
    if (row is None or under is None or CAPTION.match(text) or is_prose(text) or LABELLED_LINE.match(text)
            or RULE_LINE.match(text)):
        return False
    height = max(row[3] - row[1], under[3] - under[1])
    captions = [box_of(doc, *cell) for cell in line.cell_spans()]
    values = [box_of(doc, *cell) for cell in below.cell_spans()]
    return under[1] - row[3] <= CLOSE_UNDER * height and all(
        value is not None and any(caption is not None and overlap(value, caption) > 0.2 for caption in captions)
        for value in values)


def _signers_line(doc: DocText, above: bool) -> FieldHit | None:
    """The signature line the form gives the signer by name, the whole label in its own cell.

    A caption row's "Applicant | Ana Bell" over a "Signature" field of its own is not that label.
    """
    hit = field(doc, SIGNERS_LABEL, "signature.line.v2", captions_above=above)
    if hit is None or not re.search(r"(?i)signature\b", doc.slice(hit.label.start, hit.label.end)):
        return None
    return hit


def _signers_doubt(doc: DocText) -> list[str]:
    """The doubt on a form with more than one signature line that may be the signer's (see `_signers_lines`)."""
    return ["signature.signer_ambiguous"] if _signers_lines(doc) > 1 else []


def _signers_lines(doc: DocText) -> int:
    """How many of the form's signature captions may be the signer's line.

    A caption that names no one ("Signature") or names the signer ("Member signature", "Your signature", "Signature
    of applicant") may be the signer's; one naming another person ("Witness signature") is not. Only a form with one
    such line says by its shape whose line it is: with two ("Staff member signature | Signature", "Applicant's
    signature | Applicant signature") the first found may be the office's, and a person checks.
    """
    count = 0
    for line in doc.lines:
        for cell in line.cell_spans():
            caption = COUNTED_CAPTION.match(doc.slice(*cell))
            if caption is None or dated_label(doc.slice(*cell)):
                continue  # "Signed: 05/03/2024" is a date's label, no signature line
            who = " ".join(caption.group(part) or "" for part in ("who", "of", "paren"))
            if not re.search(r"\w", who) or re.search(rf"(?i)\b(?:{SIGNER}|your)\b", who):
                count += 1
    return count


def _signature_line(doc: DocText, hit: FieldHit | None) -> tuple[FieldHit | None, bool]:
    """The signature line's value (or the signature written over it), and whether a name above was set aside.

    A form may print "Signed: ______   Dated: ______" with the signature in script above the rule: the label's
    own cell is empty, the next cell is another field ("Dated: July 2, 2026"), never the signature. A name
    written above the line under a "Printed name" caption is that caption's value: set aside, a person checks.
    """
    if hit is None:
        return None, False
    value = hit.value
    if value is not None and value.start >= hit.label.end and OTHER_FIELD.match(doc.slice(value.start, value.end)):
        value = None  # the cell after an empty "Signed:" is the next field, not the signature
    if value is not None:
        return FieldHit(hit.label, value), False
    above = _signed_above(doc, hit.label)
    if above is not None and _under_name_caption(doc, above):
        return FieldHit(hit.label, None), True  # the name under a "Printed name" caption is that caption's value
    return FieldHit(hit.label, above), False


def _signed_above(doc: DocText, label: Found) -> Found | None:
    """A name written on its own line just above a blank signature label, over the label's rule.

    Only a person's name (or "/s/ name") that starts at or right of the label and ends before the line's next
    cell, close above it; a paragraph's last line, a heading or another field above the label is no signature.
    """
    line = doc.line_at(label.start)
    index = doc.lines.index(line) if line is not None else 0
    label_box = box_of(doc, label.start, label.end)
    if line is None or index == 0 or label_box is None:
        return None
    above = doc.lines[index - 1]
    cells = line.cell_spans()
    right = next((box[0] for cell in cells if (box := box_of(doc, *cell)) and box[0] > label_box[2]), None)
    height = label_box[3] - label_box[1]
    if above.page != line.page:
        return None
    cells = above.cell_spans()
    for start, end in cells:
        box, text = box_of(doc, start, end), doc.slice(start, end)
        if any(CAPTION.match(doc.slice(*cell)) or OTHER_FIELD.match(doc.slice(*cell)) for cell in cells):
            break  # a name beside a label is that label's value
        if (above.page != line.page or box is None or label_box[1] - box[3] > 2.0 * height
                or box[0] < label_box[0] - height or (right is not None and box[2] > right)):
            continue
        name = SIGNATURE_MARK.sub("", text)
        if (PERSON_NAME.match(name) and not ORGANISATION.search(name) and not CAPTION.match(name)
                and not FORM_HEADING.search(name)):
            return Found(start, end, ABOVE_RULE, SIGNED_ABOVE_SCORE)
    return None


def _under_name_caption(doc: DocText, name: Found) -> bool:
    """Whether a caption asking for a name ("Printed name", "Member name") stands right over the name above a line.

    The name is then that caption's value. Only a caption that asks for a name counts, over the name's own cell:
    "Title:", "Member No." or a dashed rule above a signature says nothing about the name under it.
    """
    line = doc.line_at(name.start)
    index = doc.lines.index(line) if line is not None else 0
    name_box = box_of(doc, name.start, name.end)
    if line is None or index == 0 or name_box is None or doc.lines[index - 1].page != line.page:
        return False
    for cell in doc.lines[index - 1].cell_spans():
        text, box = doc.slice(*cell), box_of(doc, *cell)
        if CAPTION.match(text) and re.search(r"(?i)\bname\b", text) and box is not None and overlap(box, name_box):
            return True
    return False


def _same(a: Found, b: Found) -> bool:
    return a.start < b.end and b.start < a.end


def _person(doc: DocText, found: Found | None) -> Found | None:
    """A name field's value when it names a person: not an agency's name, nor another label of the row.

    A provider's or employer's name is the agency's, not the signer; "Signed on" read as the name is no name.

    A name starts at its first letter: a scan's specks or the end of a rule read before it ("=. Ann Lee", "_ Ann
    Lee") are not part of it.
    """
    if found is None or ORGANISATION.search(doc.slice(found.start, found.end)):
        return None
    if _a_label(doc.slice(found.start, found.end)):
        return None  # the next caption of the row ("Signed on") read as the name's value: no name at all
    lead = NOT_A_NAME_START.match(doc.slice(found.start, found.end))
    return Found(found.start + lead.end(), found.end, found.rule, found.score) if lead else found


def _a_label(text: str) -> bool:
    """Whether a cell is one of the form's labels (a caption, a date's or a signature's label), never a name."""
    return bool(CAPTION.match(text) or re.fullmatch(rf"(?i)\s*(?:{DATE_LABEL}|{SIGNATURE_LABEL}|{NAME_LABEL})\s*:?\s*",
                                                    text))


def _dated(value: Found, evidence: list[Evidence]) -> bool:
    """Whether a date stands in a signature line's value: a date is no signature, and the line needs a person."""
    return any(e.label == "DATE" and value.start <= e.start < value.end for e in evidence)


def _statement_name(doc: DocText) -> Found | None:
    """The name in "I, <name>, acknowledge ...": the signer when the form prints no name of its own."""
    for match in STATEMENT_NAME.finditer(doc.text):
        sentence = doc.text[match.end():].split(".", 1)[0]
        if re.search(r"(?i)\bthe\s+(?:applicant|candidate|endorsee)\b", sentence):
            continue  # someone else attests about the applicant ("I, Ann Lee, certify that the applicant ...")
        if WITNESSING.search(sentence) or not AGREEING.search(sentence):
            continue  # a witness's or a supervisor's own line ("I, Ann Lee, witnessed the signing ...")
        return Found(match.start("name"), match.end("name"), "signature.statement_name.v1", STATEMENT_NAME_SCORE)
    return None


def _name_key(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())
