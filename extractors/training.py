"""Training evidence: title, clock hours (after conversion), completion date, provider and relevance.

Three shapes are read: a certificate with labelled lines (or a title under "has completed"/"for attending"),
a provider's letter whose sentence names the title in quotes, and a continuing-education record whose
table gives one training a row (`training_table.py`). Every value comes from a span of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from extractors.dates import ParsedDate, parse_date
from extractors.fields import Extraction, Found, build_item, missing, slug
from extractors.forms import continue_cell, one_line
from extractors.hours import ParsedHours, parse_hours
from extractors.layout import DocText, Placed
from extractors.nlp import Evidence, find_patterns
from extractors.training_table import EVENT, Table, TableRow, caption_row, read_table, value_under

TITLE_WORD = r"tit?le"
"""'Title', or the 'tile' OCR reads when it loses the second t of a small-type label."""
TITLE_LABEL = (rf"(?:{TITLE_WORD}|name|topic)\s+of\s+(?:the\s+)?{EVENT}|{EVENT}(?:\s+(?:{TITLE_WORD}|name|topic))?|"
               rf"{TITLE_WORD}|topic")
"""A title's label, longest wording first so that a label without a colon is never cut short ("Title | of ...")."""
PROVIDER_LABEL = (r"name\s+of\s+(?:the\s+)?(?:provider|sponsor|sponsoring\s+organi[sz]ation)|"
                  r"(?:sponsoring|provider|training|hosting|host)\s+organi[sz]ation|"
                  rf"(?:(?:{EVENT}|approved|accredited|ce|continuing\s+education)\s+)?(?:provider|sponsor)(?:\s+name)?|"
                  r"(?:presented|sponsored|offered|hosted|provided|delivered|conducted|organi[sz]ed)\s+by")
"""A provider's label: "Provider", "Training Sponsor", "Sponsoring organization", "Presented by" ..."""
DATE_LABEL = (rf"date(?:s|\(s\))?\s+(?:completed|attended|earned|held)|(?:course\s+)?completion(?:\s+date)?|"
              r"completed(?:\s+on)?|attended\s+on|held\s+on|"
              rf"date(?:s|\(s\))?\s+of\s+(?:the\s+)?(?:{EVENT}|completion|attendance|participation)|"
              rf"{EVENT}\s+dates?")
"""A completion date's label: "Date completed", "Completed on", "Date(s) of activity", "Workshop dates" ...
Never a date the certificate was printed, issued or expires on."""
GENERIC_DATE_LABEL = r"date(?:s|\(s\))?"
TYPE_STEP = 0.75
"""Points of type size between a label and its value that tell them apart (a 9-point label, a 10-point value)."""
TYPE_APART_SCORE = 0.93
UNDER_CAPTION_SCORE = 0.93
"""A value read under its caption: the columns must line up, so it is a shade less sure than `Label: value`."""
HOURS_LABEL = (rf"(?:duration|length|time\s+(?:attended|spent|completed)|{EVENT}\s+(?:length|duration)|"
               rf"length\s+of\s+(?:the\s+)?{EVENT}|number\s+of\s+(?:(?:clock|contact|ce|credit)\s+)?hours|"
               r"(?:(?:total|approved|accredited)\s+)?(?:(?:clock|contact|credit|training|ce|instructional)\s+)?hours"
               r"(?:\s+(?:awarded|earned|completed|attended|of\s+(?:credit|instruction|training)))?"
               r"|hrs|ceus?(?:\s+(?:awarded|earned))?|continuing\s+education\s+(?:units?|credits?|hours)(?:\s+awarded)?|"
               r"(?:ce\s+)?credits?(?:\s+(?:awarded|earned|hours))?)(?:\s*\([^)]{1,16}\))?")
"""An hours label, with the unit it may add in brackets: "Duration (h:mm)", "Session length", "CE credits",
"Continuing Education Units (CEUs)"."""
ANY_LABEL = re.compile(
    rf"^\s*(?:{TITLE_LABEL}|{PROVIDER_LABEL}|{DATE_LABEL}|{GENERIC_DATE_LABEL}|{HOURS_LABEL}|name|learner|participant)"
    r"\s*:?\s*$", re.I)
LABEL_UNITS = ((re.compile(r"ceu|continuing\s+education", re.I), "ceu"), (re.compile(r"minute", re.I), "minutes"),
               (re.compile(r"hour|hrs", re.I), "hours"))
EVENT_WORDS = (r"webinar|course|workshop|training|program(?:me)?|session|module|seminar|conference|class|series|"
               r"e-?learning|institute|symposium|lecture")
TITLE_AFTER = re.compile(
    r"^\s*(?:has\s+)?(?:successfully\s+|satisfactorily\s+)?(?:completed|attended|participated\s+in|finished|"
    r"(?:for|upon|in\s+recognition\s+of)\s+(?:(?:successfully|satisfactorily)\s+)?(?:attending|completing|finishing|"
    r"(?:the\s+)?(?:successful\s+)?completion\s+of|participating\s+in|participation\s+in|attendance\s+at))"
    rf"(?:\s+(?:the|an?|this)(?:\s+[\w-]+){{0,3}}?\s+(?:{EVENT_WORDS}))?\s*:?\s*$", re.I)
"""The line above a certificate's title: "has completed", "has successfully completed the on-demand webinar"."""
QUOTED_TITLE = re.compile(
    r"\b(?:attended|completed|participated\s+in|completion\s+of|attendance\s+at|participation\s+in|"
    r"(?:en)?titled|called)\s+"
    r"(?:(?:the|an?)\s+(?:[\w-]+\s+){0,3}?(?:training|course|workshop|webinar|session|seminar|conference|program)"
    r"\s+(?:(?:en)?titled\s+)?)?[\"\u201c\u201d]\s*"
    r"(?P<title>[^\"\u201c\u201d]{3,200}?)[\s,.]*[\"\u201c\u201d]", re.I)
SENTENCE_END = re.compile(r"\.(?=\s+[A-Z]|\s*$)")
PROVIDER_IN_SENTENCE = re.compile(
    r"\b(?:offered|presented|sponsored|provided|hosted|delivered|conducted|organi[sz]ed)\s+by\s+"
    r"(?P<provider>[^,;]+?)(?=\s+(?:on|from|between|during)\s|[,;]|\.(?:\s|$)|$)", re.I)
ISSUER_TITLE = re.compile(r"^\s*(?:(?:certificate|statement|record|verification|letter)\s+of\b|"
                          r"(?:[\w-]+\s+){0,3}certificate\s*$)", re.I)
"""A certificate's heading: "Certificate of Completion", "Verification of Training", "CE Certificate"."""
ORGANISATION_WORDS = re.compile(
    r"\b(?:institute|center|centre|association|alliance|collaborative|university|college|academy|network|society|"
    r"council|foundation|agency|services|partnership|consortium|clinic|hospital|school|coalition)\b", re.I)
SPONSOR_SENTENCE = re.compile(
    r"(?m)(?:^|(?<=[.!?] ))(?P<provider>[A-Z][\w&'.,\- ]{3,90}?)\s*(?:\([^)\n]{0,40}\)\s*)?"
    r"(?:is\s+(?:an?\s+)?(?:approved|accredited)\b|maintains\s+responsibility\b|is\s+responsible\s+for\b)")
"""A CE statement's sponsor sentence: "<Org> is approved to offer continuing education", "<Org> (Sponsor No. 1)
maintains responsibility for this program"."""
HOURS_QUALIFIER = re.compile(
    r"(?i)(?<=\d)\s+(?:ce|credit|continuing\s+education|instructional|approved|professional\s+development)"
    r"(?:\s+(?:contact|clock))?\s+(?=(?:hours?|hrs?)\b)")
"""What kind of hours a value says they are ("3 CE hours", "3.5 credit hours"): hours all the same."""
SPELLED_OUT = re.compile(r"(?i)\b(?:[a-z]+[\s-]+){0,3}[a-z]+\s*\((?P<number>\d{1,3}(?:\.\d{1,2})?)\)(?=\s*[a-z])")
"""A number written out and then in figures, as legal-minded providers do: "Six and one-half (6.5) hours"."""
WHEN_LINE = re.compile(r"(?i)^\s*(?:(?:held|presented|conducted|completed|given|offered|delivered)\s+)?on\s+|"
                       r"^\s*(?:held|presented|conducted)\s+(?=\S*\d|[A-Z][a-z]+\.?\s+\d)")
"""The start of a line under a title saying when: "on June 5, 2024", "held on ...", "presented May 1-2, 2023"."""
RANGE_JOIN = re.compile(r"^\s*(?:[-\u2013\u2014]|to|through|until|thru)\s*$", re.I)
NOT_HOURS_LINE = re.compile(r"=|^\s*total\b", re.I)
RELEVANT = re.compile(
    r"\b(?:infan(?:t|cy)|toddler|bab(?:y|ies)|newborn|attachment|parent|caregiv|relationship|relational|reflective|"
    r"social[- ]emotional|early\s+childhood|young\s+child|perinatal|prenatal|postpartum|child-parent|dyadic|"
    r"mental\s+health|home\s+visit|famil(?:y|ies)|birth\s+to\s+(?:three|five|3|5)|early\s+intervention|circle\s+of\s+security)",
    re.I)


@dataclass
class Reading:
    """One training's values as read, with the ranges they came from and the reasons a person must look."""

    title: str | None = None
    provider: str | None = None
    date: ParsedDate | None = None
    hours: ParsedHours | None = None
    sources: list[Found] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


def extract(doc: DocText, evidence: list[Evidence]) -> Extraction:
    """One training item per certificate or letter, one per row of a CE record; gaps are flagged, never dropped."""
    table = read_table(doc)
    if table is not None and table.rows:
        issuer = None if "provider" in table.header else (sponsor(doc) or _issuer(doc))
        readings = [_row_reading(doc, table, row, issuer) for row in table.rows]
        _check_total(table, readings)
    else:
        readings = [_certificate_reading(doc, evidence)]
    result = Extraction()
    for reading in readings:
        _finish(doc, reading, result)
    return result


# --- a certificate or a letter ------------------------------------------------------------------------------


def _certificate_reading(doc: DocText, evidence: list[Evidence]) -> Reading:
    """The one training a certificate or a letter states."""
    reading = Reading()
    sentence = _quoted_statement(doc)
    title = (field_value(doc, TITLE_LABEL, "training.title.v1", continued=True, colonless=False)[0]
             or (sentence[0] if sentence else None) or _title_after(doc)
             or field_value(doc, TITLE_LABEL, "training.title.v1", continued=True)[0])
    if title is not None:
        reading.title = _clean(doc.slice(title.start, title.end))
        reading.sources.append(title)
    tail = (sentence[0].end, sentence[1]) if sentence else None
    _read_provider(doc, reading, tail)
    _read_date(doc, reading, tail)
    if reading.date is None and tail is None and title is not None:
        _date_under_title(doc, reading, title)
    _read_hours(doc, reading, tail, evidence)
    return reading


def field_value(doc: DocText, label: str, rule: str, *, continued: bool = False,
                colonless: bool = True) -> tuple[Found | None, str]:
    """The value a label gives, and the label as written: `Label: value` in a line or cell, or a grid's next cell.

    With `continued`, a grid cell wrapped onto the next lines at its left edge is read whole. A row of captions
    reads each value from the row under it (`caption_row`). A label set in
    smaller (or larger) type than its value needs no colon, when no label of the document has one (`_colonless`);
    without `colonless`, only a colon or a grid says where a value starts. A cell that is a label as a whole
    ("Session length") is never split into a label and a value.
    """
    inline = re.compile(rf"^\s*(?P<label>{label})\s*:\s*(?P<value>\S.*?)\s*$", re.I)
    alone = re.compile(rf"^\s*(?P<label>{label})\s*:?\s*$", re.I)
    typed = re.compile(rf"^\s*(?P<label>{label})\s+(?P<value>\S.*?)\s*$", re.I)
    fallback: tuple[Found, str] | None = None
    for number, line in enumerate(doc.lines):
        cells = line.cell_spans()
        for index, (start, end) in enumerate(cells):
            text = doc.slice(start, end)
            match = inline.match(text)
            if match:
                return Found(start + match.start("value"), start + match.end("value"), rule, 0.97), match["label"]
            match = alone.match(text)
            if match and caption_row(doc, number, _is_label):
                if (under := value_under(doc, number, (start, end))) is not None:
                    return Found(*under, rule, UNDER_CAPTION_SCORE), match["label"]
            elif match and index + 1 < len(cells) and not ANY_LABEL.match(doc.slice(*cells[index + 1])):
                value = Found(*cells[index + 1], rule, 0.95)
                return (continue_cell(doc, number, value) if continued else value), match["label"]
            match = typed.match(text)
            if match and colonless and fallback is None and not ANY_LABEL.match(text):
                fallback = _colonless(doc, start, match, rule)
    return fallback if fallback is not None else (None, "")


def _is_label(text: str) -> bool:
    return bool(ANY_LABEL.match(text))


def _colonless(doc: DocText, start: int, match: re.Match[str], rule: str) -> tuple[Found, str] | None:
    """A label and its value with no colon between them, read only where the form shows that is its way.

    On a text layer, a label in other type than its value is sure. On a scan, where OCR boxes cannot tell type
    sizes, a value that starts like a value (a capital or a digit) on a form whose lines start with several
    different labels is read, but at a score a person checks: a misread label ("Activity tile") could have split
    the wrong way.
    """
    label_end, end = start + match.end("label"), start + match.end()
    value = Found(start + match.start("value"), start + match.end("value"), rule, TYPE_APART_SCORE)
    if _set_apart(doc, start + match.start("label"), label_end, end):
        return value, match["label"]
    if (re.match(r"[A-Z0-9]", match["value"]) and all(p.word.source == "ocr" for p in doc.words_in(start, end))
            and _label_column(doc)):
        return replace(value, score=COLONLESS_SCAN_SCORE), match["label"]
    return None


LEADING_LABEL = re.compile(rf"^\s*(?:{TITLE_LABEL}|{PROVIDER_LABEL}|{DATE_LABEL}|{HOURS_LABEL})\s+[A-Z0-9(]", re.I)
LABEL_COLUMN_LINES = 3
COLONLESS_SCAN_SCORE = 0.8


def _label_column(doc: DocText) -> bool:
    """A form whose lines start with its labels and no colon: at least three lines led by different known labels.

    The label and its value share the line's first cell; a row of captions ("DATE(S) OF ACTIVITY  SESSION LENGTH")
    is a cell a label.
    """
    labels = set()
    for line in doc.lines:
        text = doc.slice(line.start, line.end)
        first = doc.slice(*line.cell_spans()[0])
        if ":" not in text and (match := LEADING_LABEL.match(first)):
            labels.add(" ".join(match.group().lower().split()[:-1]))
    return len(labels) >= LABEL_COLUMN_LINES


def _set_apart(doc: DocText, start: int, label_end: int, end: int) -> bool:
    """A label printed in other type than the value right after it, with no colon ("Activity title  Infant ...").

    Only a text layer's type sizes are exact; OCR boxes follow the letters' shapes, so a scan never reads this way.
    """
    label = doc.words_in(start, label_end)
    value = [p for p in doc.words_in(label_end, end) if p.start >= label_end]
    if not label or not value or any(p.word.source != "text_layer" for p in [*label, *value]):
        return False
    sizes = [{round(p.word.bbox[3] - p.word.bbox[1], 1) for p in words} for words in (label, value)]
    return len(sizes[0]) == 1 and len(sizes[1]) == 1 and abs(sizes[0].pop() - sizes[1].pop()) >= TYPE_STEP


def _quoted_statement(doc: DocText) -> tuple[Found, int] | None:
    """A sentence naming the training in quotes ("attended "<title>", offered by ..."): its title and its end."""
    text = doc.text.replace("\n", " ")
    match = QUOTED_TITLE.search(text)
    if match is None:
        return None
    end = SENTENCE_END.search(text, match.end())
    title = Found(match.start("title"), match.end("title"), "training.title_quoted.v1", 0.93)
    return title, end.end() if end else len(text)


def _title_after(doc: DocText) -> Found | None:
    """The line under "has completed" / "for attending", with a next line of the same size when the title wraps."""
    for index, line in enumerate(doc.lines[:-1]):
        if not TITLE_AFTER.match(doc.slice(line.start, line.end)):
            continue
        first = doc.lines[index + 1]
        end = first.end
        following = doc.lines[index + 2] if index + 2 < len(doc.lines) else None
        if following is not None and _same_size_under(first.words, following.words) \
                and ":" not in doc.slice(following.start, following.end):
            end = following.end
        return Found(first.start, end, "training.title_after_completed.v1", 0.93)
    return None


def _read_provider(doc: DocText, reading: Reading, tail: tuple[int, int] | None) -> None:
    found = field_value(doc, PROVIDER_LABEL, "training.provider.v1")[0]
    if found is None and tail is not None:
        match = PROVIDER_IN_SENTENCE.search(doc.text.replace("\n", " "), *tail)
        if match:
            found = Found(match.start("provider"), match.end("provider"), "training.provider_in_sentence.v1", 0.92)
    if found is None and (found := _named_by(doc)) is not None:
        issuer = _issuer(doc)
        if issuer is not None and one_line(doc.slice(issuer.start, issuer.end)) == one_line(doc.slice(found.start,
                                                                                                     found.end)):
            found = replace(found, vouched=True)  # the letterhead names it too
    if found is None:
        found = _printed_twice(doc, _issuer(doc), sponsor(doc))
    if found is not None:
        reading.provider = _clean(doc.slice(found.start, found.end))
        reading.sources.append(found)


def _named_by(doc: DocText) -> Found | None:
    """An organisation a line says the training was given by ("Presented by the Center for ...", "offered by ...").

    Only an organisation's name counts: "Presented by Dr. Ana Lopez" names the presenter, not the provider.
    """
    for line in doc.lines:
        match = PROVIDER_IN_SENTENCE.search(doc.slice(line.start, line.end))
        if match is None or not ORGANISATION_WORDS.search(match["provider"]):
            continue
        article = len(match["provider"]) - len(re.sub(r"(?i)^the\s+", "", match["provider"]))
        start = line.start + match.start("provider") + article
        return Found(start, line.start + match.end("provider"), "training.provider_named_by.v1", 0.9)
    return None


def _issuer(doc: DocText) -> Found | None:
    """The organisation named alone above a "Certificate of ..." heading: the certificate's issuer.

    The first cell above the heading that names an organisation (an institute, a center, an association ...),
    beside a letterhead's telephone number too; without one, a heading's only line above it. A logo's letters or
    a department line are not the issuer.
    """
    for index, line in enumerate(doc.lines[:6]):
        if not ISSUER_TITLE.match(doc.slice(line.start, line.end)):
            continue
        above = [cell for top in doc.lines[:index] for cell in top.cell_spans() if _name_line(doc.slice(*cell))]
        named = [cell for cell in above if ORGANISATION_WORDS.search(doc.slice(*cell))]
        if named:
            return Found(*named[0], "training.provider_issuer.v2", 0.9)
        if index == 1 and len(above) == 1:
            return Found(*above[0], "training.provider_issuer.v1", 0.85)
        return None
    return None


def _name_line(text: str) -> bool:
    return not any(ch.isdigit() for ch in text) and len(text.split()) >= 2


def _printed_twice(doc: DocText, heading: Found | None, sentence: Found | None) -> Found | None:
    """The provider from the heading or the sponsor sentence: the better-read of the two, vouched when they agree."""
    if heading is None or sentence is None:
        return heading or sentence
    if one_line(doc.slice(heading.start, heading.end)) == one_line(doc.slice(sentence.start, sentence.end)):
        return replace(heading, vouched=True)
    return max((heading, sentence), key=lambda f: doc.confidence(f.start, f.end))


def sponsor(doc: DocText) -> Found | None:
    """The organisation a CE statement's sponsor sentence names (approved to offer, responsible for the program)."""
    match = SPONSOR_SENTENCE.search(doc.text)
    if match is None:
        return None
    return Found(match.start("provider"), match.end("provider"), "training.provider_sponsor.v1", 0.9)


def _read_date(doc: DocText, reading: Reading, tail: tuple[int, int] | None) -> None:
    found = field_value(doc, DATE_LABEL, "training.date.v1")[0]
    if found is None and tail is None:
        found = field_value(doc, GENERIC_DATE_LABEL, "training.date_generic.v1")[0]
        if found is not None:
            reading.reasons.append("training.date_generic")
    start, end = (found.start, found.end) if found else tail if tail else (0, 0)
    date, source, reasons = completion_date(doc, start, end)
    reading.date = date
    reading.reasons.extend(reasons)
    if source is not None:
        reading.sources.append(source)


def _date_under_title(doc: DocText, reading: Reading, title: Found) -> None:
    """A certificate with no date label that says when under the title: "on June 5, 2024", "held May 1-2, 2023".

    Only the two lines right under the title count, and only after "on" or "held"; a reading a shade less sure
    than a labelled one.
    """
    line = doc.line_at(title.end)
    if line is None:
        return
    index = doc.lines.index(line)
    for under in doc.lines[index + 1:index + 3]:
        match = WHEN_LINE.match(doc.slice(under.start, under.end))
        if under.page != line.page or match is None:
            continue
        date, source, reasons = completion_date(doc, under.start + match.end(), under.end)
        if source is not None:
            reading.date = date
            reading.reasons.extend(reasons)
            reading.sources.append(Found(source.start, source.end, "training.date_under_title.v1", 0.85))
            return


def completion_date(doc: DocText, start: int, end: int) -> tuple[ParsedDate | None, Found | None, list[str]]:
    """The date a range states; for a range of two dates joined by "-" or "to", the last day."""
    spans = spans_in(doc, start, end, "DATE")
    if not spans:
        return None, None, []
    chosen, reasons = spans[0], []
    if len(spans) >= 2 and RANGE_JOIN.match(doc.text[spans[0].end:spans[1].start]):
        chosen = spans[1]
        if len(spans) > 2:
            reasons.append("training.date_ambiguous")
    elif len(spans) >= 2:
        reasons.append("training.date_ambiguous")
    return parse_date(chosen.text), Found(chosen.start, chosen.end, chosen.rule, chosen.score), reasons


def _read_hours(doc: DocText, reading: Reading, tail: tuple[int, int] | None, evidence: list[Evidence]) -> None:
    value, label = field_value(doc, HOURS_LABEL, "training.hours_labelled.v1")
    if value is not None:
        _take_hours(reading, hours_with_unit(doc.slice(value.start, value.end), label), value)
        return
    spans = spans_in(doc, *tail, "HOURS") if tail else []
    if not spans:
        spans = [e for e in evidence if e.label == "HOURS" and not _on_excluded_line(doc, e)]
    if not spans:
        return
    parsed = [parse_hours(e.text) for e in spans]
    if len({p.hours for p in parsed if p is not None}) > 1:
        reading.reasons.append("training.hours_ambiguous")
    first = spans[0]
    _take_hours(reading, (parsed[0], []), Found(first.start, first.end, first.rule, first.score))


def hours_with_unit(value: str, label: str) -> tuple[ParsedHours | None, list[str]]:
    """Hours from a labelled value; a bare number takes its unit from the label ("CEUs: 0.6"), or is flagged."""
    value = SPELLED_OUT.sub(r"\g<number>", HOURS_QUALIFIER.sub(" ", value))
    parsed = parse_hours(value)
    if parsed is None:
        return _stated_twice(value)
    if parsed.form != "bare":
        return parsed, []
    unit = next((name for pattern, name in LABEL_UNITS if pattern.search(label)), None)
    if unit is None:
        return parsed, ["hours.unit_unclear"]
    return parse_hours(f"{value} {unit}"), []


def _stated_twice(value: str) -> tuple[ParsedHours | None, list[str]]:
    """A value giving the time in two units ("3.0 contact hours (0.3 CEUs)"): the clock hours when both agree."""
    amounts = [parsed for e in find_patterns(value) if e.label == "HOURS" and (parsed := parse_hours(e.text))]
    if len(amounts) < 2:
        return None, []
    if max(a.hours for a in amounts) - min(a.hours for a in amounts) > 0.05:
        return amounts[0], ["training.hours_ambiguous"]
    return min(amounts, key=lambda a: a.converted), []


def _take_hours(reading: Reading, parsed: tuple[ParsedHours | None, list[str]], source: Found) -> None:
    reading.hours = parsed[0]
    reading.reasons.extend(parsed[1])
    reading.sources.append(source)


def spans_in(doc: DocText, start: int, end: int, label: str) -> list[Evidence]:
    """Pattern spans of one label inside a range, found across its line breaks, with document offsets."""
    found = find_patterns(doc.text[start:end].replace("\n", " "))
    return [Evidence(e.label, e.rule, e.score, e.start + start, e.end + start, e.text) for e in found
            if e.label == label]


def _on_excluded_line(doc: DocText, ev: Evidence) -> bool:
    line = doc.line_at(ev.start)
    return line is not None and bool(NOT_HOURS_LINE.search(doc.slice(line.start, line.end)))


def _same_size_under(upper: tuple[Placed, ...], lower: tuple[Placed, ...]) -> bool:
    """Two lines set in the same type, the second right under the first (a title wrapped over two lines)."""
    if not upper or not lower or upper[0].page != lower[0].page:
        return False
    up = max(p.word.bbox[3] - p.word.bbox[1] for p in upper)
    low = max(p.word.bbox[3] - p.word.bbox[1] for p in lower)
    gap = min(p.word.bbox[1] for p in lower) - max(p.word.bbox[3] for p in upper)
    return abs(up - low) <= 0.08 * up and gap <= 0.6 * up


# --- a continuing-education record --------------------------------------------------------------------------


def _row_reading(doc: DocText, table: Table, row: TableRow, issuer: Found | None = None) -> Reading:
    """One table row: each column's words, the hours unit taken from the hours column's header.

    A table without a provider column (a provider's own statement of credit) takes the statement's issuer.
    """
    reading = Reading()
    if row.cells.get("title"):
        reading.title = row.text("title")
        reading.sources.extend(_runs(row.cells["title"], "training.table.title.v1", 0.95))
    if row.cells.get("provider"):
        reading.provider = row.text("provider")
        reading.sources.extend(_runs(row.cells["provider"], "training.table.provider.v1", 0.95))
    elif issuer is not None:
        reading.provider = _clean(doc.slice(issuer.start, issuer.end))
        reading.sources.append(issuer)
    if row.cells.get("date"):
        words = row.cells["date"]
        spans = [e for e in find_patterns(row.text("date")) if e.label == "DATE"]
        if len(spans) == 1:
            reading.date = parse_date(spans[0].text)
            reading.sources.extend(_runs(words, spans[0].rule, spans[0].score))
        elif spans:
            reading.reasons.append("training.date_ambiguous")
    if row.cells.get("hours"):
        unit_header = " ".join(p.word.text for p in table.header["hours"])
        parsed, reasons = hours_with_unit(row.text("hours"), unit_header)
        reading.hours, reading.reasons = parsed, reading.reasons + reasons
        reading.sources.extend(_runs(row.cells["hours"], "training.table.hours.v1", 0.95))
        reading.sources.extend(_runs(table.header["hours"], "training.table.hours_unit.v1", 0.95))
    return reading


def _check_total(table: Table, readings: list[Reading]) -> None:
    """A record's stated total must equal the sum of its rows (same unit); otherwise every row needs a look."""
    if table.total_line is None:
        return
    text = table.total_line.text()
    number = re.search(r"(\d+(?:\.\d+)?)\s*$", text)
    label = text[:number.start()] if number else ""
    stated = hours_with_unit(number.group(1), label)[0] if number else None
    rows = [r.hours.hours for r in readings if r.hours is not None]
    if stated is not None and len(rows) == len(readings) - 1 and len(readings) > 1:
        _hours_from_total(readings, round(stated.hours - sum(rows), 2), stated.converted)
        return
    if stated is None or len(rows) != len(readings) or abs(sum(rows) - stated.hours) > 0.05:
        for reading in readings:
            reading.reasons.append("training.total_mismatch")
        return
    for reading in readings:  # a misread figure would not add up to the total: the total vouches for each
        reading.sources = [replace(s, vouched=True) if s.rule == "training.table.hours.v1" else s
                           for s in reading.sources]


def _hours_from_total(readings: list[Reading], remainder: float, converted: bool) -> None:
    """The one row whose hours could not be read takes what the stated total leaves, flagged as worked out."""
    unread = next(r for r in readings if r.hours is None)
    if remainder <= 0:
        for reading in readings:
            reading.reasons.append("training.total_mismatch")
        return
    unread.hours = ParsedHours(hours=remainder, converted=converted, form="from_total")
    unread.reasons.append("training.hours_from_total")


def _runs(words: list[Placed], rule: str, score: float) -> list[Found]:
    """Character ranges of the runs of consecutive words (a wrapped cell gives one range a line)."""
    ordered = sorted(words, key=lambda p: p.start)
    runs: list[Found] = []
    for p in ordered:
        if runs and p.start == runs[-1].end + 1:
            runs[-1] = Found(runs[-1].start, p.end, rule, score)
        else:
            runs.append(Found(p.start, p.end, rule, score))
    return runs


# --- the item -----------------------------------------------------------------------------------------------


def _finish(doc: DocText, reading: Reading, result: Extraction) -> None:
    """The item for one reading, with its reasons, and a document flag for each value that could not be read."""
    reasons = list(reading.reasons)
    relevant = True if reading.title and RELEVANT.search(reading.title) else None
    if relevant is None:
        reasons.append("training.relevance_unclear")
    for read, code, sentence in (
        (reading.title, "training.title_missing", "No training title could be read."),
        (reading.hours, "training.hours_missing", "No clock hours, contact hours, CEUs or minutes could be read."),
        (reading.date, "training.date_missing", "No completion date could be read."),
    ):
        if read is None:
            reasons.append(code)
            result.flags.append(missing(doc.document, code, sentence))
    if reading.provider is None:
        reasons.append("training.provider_missing")
    if reading.hours is not None and reading.hours.converted:
        reasons.append("hours.converted")
    value = {
        "title": reading.title,
        "hours": reading.hours.hours if reading.hours else None,
        "date": reading.date.iso() if reading.date else None,
        "provider": reading.provider,
        "relevant": relevant,
        "converted": reading.hours.converted if reading.hours else False,
    }
    key = f"training:{value['date'] or 'undated'}:{slug(reading.title or 'untitled')}"
    result.items.append(build_item(doc, "training", key, value, reading.sources, reasons))


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:")
