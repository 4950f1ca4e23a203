"""Training evidence: title, clock hours (after conversion), completion date, provider and relevance.

Three shapes are read: a certificate with labelled lines (or a title under "has completed"/"for attending"),
a provider's letter whose sentence names the title in quotes, and a continuing-education record whose
table gives one training a row (`training_table.py`). Every value comes from a span of its own.
The labels and `field_value` are in `training_labels.py`, the provider in `training_provider.py`, the shared
date and hours parsers in `training_values.py`, a CE record's rows in `training_record.py`, and a sidebar's
values stacked under their captions in `training_sidebar.py`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from statistics import median

from extractors.fields import (
    LOW_OCR_CONFIDENCE,
    REVIEW_THRESHOLD,
    Extraction,
    Found,
    build_item,
    by_strength,
    missing,
    same_day,
    slug,
)
from extractors.hours import ParsedHours, parse_hours
from extractors.layout import DocText, Line, Placed, union
from extractors.nlp import Evidence
from extractors.training_labels import (
    ANY_LABEL,
    DATE_LABEL,
    DATE_TIERS,
    END_DATE,
    GENERIC_DATE_LABEL,
    HOURS_LABEL,
    TITLE_LABEL,
    TYPE_STEP,
    field_value,
    named_value,
)
from extractors.training_other_dates import labels_another_kind, other_days, yearless_other_day
from extractors.training_provider import ORGANISATION_WORDS, certificate_issuer, read_provider, sponsor
from extractors.training_record import check_total, row_reading
from extractors.training_sidebar import COLUMN_LOOKAHEAD, DATE_LEAD, across, stacked_value
from extractors.training_table import cell_box, read_table
from extractors.training_values import (
    RANGE_JOIN,
    Reading,
    clean,
    clock_duration,
    completion_date,
    hours_with_unit,
    rejoined,
    spans_in,
)

EVENT_WORDS = (r"webinar|course|workshop|training|program(?:me)?|session|module|seminar|conference|class|series|"
               r"e-?learning|institute|symposium|lecture")
TITLE_AFTER = re.compile(
    r"^\s*(?:has\s+)?(?:successfully\s+|satisfactorily\s+)?(?:completed|attended|participated\s+in|finished|"
    r"(?:for|upon|in\s+recognition\s+of)\s+(?:(?:successfully|satisfactorily)\s+)?(?:attending|completing|finishing|"
    r"(?:the\s+)?(?:successful\s+)?completion\s+of|participating\s+in|participation\s+in|attendance\s+at))"
    r"(?:\s+and\s+(?:successfully\s+)?(?:completed|attended|finished))?"
    rf"(?:\s+(?:the|an?|this)(?:\s+[\w-]+){{0,3}}?\s+(?:{EVENT_WORDS})(?:\s+(?:(?:listed|named|shown|described)\s+)?below)?)?"
    r"\s*:?\s*$", re.I)
"""The line above a certificate's title: "has completed", "has successfully completed the on-demand webinar",
"attended and completed the approved training below"."""
QUOTED_OPENING = (
    r"\b(?:attended|completed|participated\s+in|completion\s+of|attendance\s+at|participation\s+in|"
    r"(?:en)?titled|called)\s+"
    r"(?:(?:the|an?)\s+(?:[\w-]+\s+){0,3}?(?:training|course|workshop|webinar|session|seminar|conference|program)"
    r"\s+(?:(?:en)?titled\s+)?)?[\"\u201c\u201d]\s*"
    r"(?P<title>[^\"\u201c\u201d]{3,200}?)[\s,.]*")
QUOTED_TITLE = re.compile(QUOTED_OPENING + r"[\"\u201c\u201d]", re.I)
SINGLE_CLOSED_TITLE = re.compile(QUOTED_OPENING + r"[\u2018\u2019'](?=[,.]?\s)", re.I)
"""A title opened by a double quote mark that no double mark closes, but a single one: a scan's ' for "."""
TERM_OF_YEAR = re.compile(r"\b(?:spring|summer|fall|autumn|winter)(?:\s+(?:term|semester|quarter|session))?,?\s+"
                          r"(?:19|20)\d{2}\b", re.I)
"""A term said with its year ("Spring 2024", "Fall semester 2023"): a date a title seldom holds."""
SINGLE_CLOSE_SCORE = 0.75
"""A title a single quote mark closes may end at an apostrophe inside it ("Parents' ..."): a person checks it."""
SENTENCE_END = re.compile(r"\.(?=\s+[A-Z]|\s*$)")
WHEN_LINE = re.compile(r"(?i)^\s*(?:(?:held|presented|conducted|completed|given|offered|delivered)\s+)?on\s+|"
                       r"^\s*(?:held|presented|conducted)\s+(?=\S*\d|[A-Z][a-z]+\.?\s+\d)")
"""The start of a line under a title saying when: "on June 5, 2024", "held on ...", "presented May 1-2, 2023"."""
NOT_HOURS_LINE = re.compile(r"=|^\s*total\b", re.I)
RELEVANT = re.compile(
    r"\b(?:infan(?:t|cy)|toddler|bab(?:y|ies)|newborn|attachment|parent|caregiv|relationship|relational|reflective|"
    r"social[- ]emotional|early\s+childhood|young\s+child|perinatal|prenatal|postpartum|child-parent|dyadic|"
    r"mental\s+health|home\s+visit|famil(?:y|ies)|birth\s+to\s+(?:three|five|3|5)|early\s+intervention|circle\s+of\s+security)",
    re.I)


def extract(doc: DocText, evidence: list[Evidence]) -> Extraction:
    """One training item per certificate or letter, one per row of a CE record; gaps are flagged, never dropped."""
    table = read_table(doc)
    result = Extraction()
    if table is not None and table.rows:
        issuer = None if "provider" in table.header else (sponsor(doc) or certificate_issuer(doc))
        readings = [row_reading(doc, table, row, issuer) for row in table.rows]
        check_total(table, readings)
    else:
        readings = [_certificate_reading(doc, evidence)]
        if len(_record_rows(doc, evidence)) >= 2:
            readings[0].reasons.append("training.record_unread")
            result.flags.append(missing(doc.document, "training.record_unread",
                                        "This reads like a record of several trainings, but its table could not be "
                                        "read: each row needs a person."))
    for reading in readings:
        _finish(doc, reading, result)
    return result


# --- a certificate or a letter ------------------------------------------------------------------------------


FIGURE_AFTER_DATE = re.compile(r"^[\s|¦]*\d{1,3}(?:[.,]\d{1,2})?(?!\S*[/-]\d)")
"""What follows the date in a CE record's row: the row's hours ("6/21/24 6.0"), a rule mark at most before it."""


def _record_rows(doc: DocText, evidence: list[Evidence]) -> list[int]:
    """Lines shaped like a CE record's rows: words with no label colon, a date, then a figure (the row's hours).

    When the record's header is misread (a scan's "Clock ce" for "Clock hours"), its table is not found and the
    page is read as one certificate, whose hours may then be the record's total: two such lines or more say the
    page lists several trainings, which a person must read row by row.
    """
    dates = [ev for ev in evidence if ev.label == "DATE"]
    rows = []
    for index, line in enumerate(doc.lines):
        inside = [ev for ev in dates if line.start <= ev.start and ev.end <= line.end]
        if not inside:
            continue
        before = doc.slice(line.start, inside[0].start)
        if len(before.split()) >= 3 and ":" not in before and FIGURE_AFTER_DATE.match(doc.slice(inside[-1].end,
                                                                                                line.end)):
            rows.append(index)
    return rows


def _certificate_reading(doc: DocText, evidence: list[Evidence]) -> Reading:
    """The one training a certificate or a letter states."""
    reading = Reading()
    sentence = _quoted_statement(doc)
    title = (named_value(doc, TITLE_LABEL, "training.title.v1", continued=True, colonless=False)
             or (sentence[0] if sentence else None) or _title_after(doc)
             or named_value(doc, TITLE_LABEL, "training.title.v1", continued=True))
    if title is not None:
        title = _unquoted(doc.slice(title.start, title.end), title)
        reading.title = clean(_without_specks(doc, title))
        if title.score < REVIEW_THRESHOLD:
            reading.reasons.append("training.title_unsure")  # where the title wraps or ends is in doubt
        if spans_in(doc, title.start, title.end, "DATE") or TERM_OF_YEAR.search(reading.title):
            reading.reasons.append("training.title_dated")  # a date's line may have been taken for the title
        reading.sources.append(title)
    tail = (sentence[0].end, sentence[1]) if sentence else None
    read_provider(doc, reading, tail)
    _read_date(doc, reading, tail, title)
    _read_hours(doc, reading, tail, evidence)
    return reading


DOUBLE_QUOTES = "\"\u201c\u201d\u00ab\u00bb\u201e"
"""Double quote marks a title may be printed in: straight, curly, low-high, guillemets."""
SINGLE_PAIR = "\u2018\u2019"
"""Curly single marks; a straight ' is an apostrophe as often as a quote, so it never encloses a title."""
UNSURE_TITLE = 0.7
"""A title with an odd number of double quote marks: an end of it may be on a line not taken."""
APOSTROPHE = re.compile(r"(?<=[^\W\d_])[\u2019'](?=[^\W\d_])|(?<=s)[\u2019'](?=\s)")
"""An apostrophe inside a title ("Children\u2019s", "Parents\u2019 Voices"): the closing mark's character, no mark."""
INCH_MARK = re.compile(r"\d\"")
"""A straight double mark right after a figure: an inch mark ("a 12\" doll"), no quote cut where the title wraps."""


STRAY_AFTER_CLOSE = re.compile(rf"(?<=[{DOUBLE_QUOTES}])[\u2018\u2019'`]+$")
"""A single mark right after a title's closing double mark ("\u201cGrief and Loss\u201d\u2019"): a scan's speck."""
SPECK_STOP = re.compile(r"(?<=[^\W\d_]{3})\.(?=\s+[a-z])")
"""A full stop between a word and a lower-case one inside a title ("Grief. and Loss"): no sentence ends there."""


def _unquoted(text: str, title: Found) -> Found:
    """The title inside the quote marks a certificate prints it in ("\u201cCircle of Security\u201d").

    A pair of marks around the whole value, with none of its kind inside but an apostrophe, is dropped ('Beyond
    "Good Enough" Parenting' keeps its own); a scan's stray single mark after the closing double one goes with it.
    A double mark left unpaired says the title was cut where it wraps (a person checks it), unless it is an inch mark.
    """
    lead = len(text) - len(text.lstrip(" ,;:"))
    body = text.strip(" ,;:")
    if body[:1] in DOUBLE_QUOTES and (stray := STRAY_AFTER_CLOSE.search(body)) is not None:
        body = body[:stray.start()]
    inner = APOSTROPHE.sub("", body[1:-1])
    for marks in (DOUBLE_QUOTES, SINGLE_PAIR):
        if len(body) > 2 and body[0] in marks and body[-1] in marks and not any(mark in inner for mark in marks):
            return replace(title, start=title.start + lead + 1, end=title.start + lead + len(body) - 1)
    if sum(body.count(mark) for mark in DOUBLE_QUOTES) % 2 and not INCH_MARK.search(body):
        return replace(title, score=min(title.score, UNSURE_TITLE))
    return title


def _without_specks(doc: DocText, title: Found) -> str:
    """A title's text without the full stops a scan made of specks after words it read unsurely ("Grief. and").

    Only a stop on an OCR word read below the low-confidence mark goes: that word flags the item all the same.
    """
    text = doc.slice(title.start, title.end)
    specks = {stop.start() for stop in SPECK_STOP.finditer(text)
              if any(p.word.source == "ocr" and p.word.confidence < LOW_OCR_CONFIDENCE
                     for p in doc.words_in(title.start + stop.start(), title.start + stop.end()))}
    return "".join(char for index, char in enumerate(text) if index not in specks)


def _quoted_statement(doc: DocText) -> tuple[Found, int] | None:
    """A sentence naming the training in quotes ("attended "<title>", offered by ..."): its title and its end."""
    text = doc.text.replace("\n", " ")
    match, score = QUOTED_TITLE.search(text), 0.93
    if match is None:
        match, score = SINGLE_CLOSED_TITLE.search(text), SINGLE_CLOSE_SCORE
    if match is None:
        return None
    end = SENTENCE_END.search(text, match.end())
    title = Found(match.start("title"), match.end("title"), "training.title_quoted.v1", score)
    return title, end.end() if end else len(text)


def _title_after(doc: DocText) -> Found | None:
    """The line under "has completed" / "for attending", with a next line of the same size when the title wraps.

    The completion words may stand in a column of their own beside a sidebar of particulars ("CREDIT HOURS" left of
    "for successfully completing the course"): the title is then the next line's words in their column. A line
    under them that starts with a date says they were a date's caption ("COMPLETED" over "4/4/23"), no title's lead.
    """
    for index, line in enumerate(doc.lines[:-1]):
        cells = line.cell_spans()
        whole = bool(TITLE_AFTER.match(doc.slice(line.start, line.end)))
        spans = [(line.start, line.end)] if whole else \
            [cell for cell in cells if len(cells) > 1 and TITLE_AFTER.match(doc.slice(*cell))]
        for span in spans:
            box = union(p.word.bbox for p in doc.words_in(*span))
            under = _column_under(doc, index, box, whole=whole)
            if not under or _dated_column(doc, under[0], box):
                continue
            cut = whole and (column := _in_column(doc, under[0], box)) != under[0]
            if cut:
                under = [column, *under[1:]]  # a sidebar's caption: the body's words beside are none of its title
            end, score = _title_end(doc, under[0], under[1] if len(under) > 1 else None)
            if end > under[0].end and re.search(r"\w", doc.slice(under[0].end, under[1].start)):
                end, score = under[0].end, min(score, UNSURE_TITLE)  # the wrap's line holds other words before it
            if cut:
                score = min(score, UNSURE_TITLE)  # the cells left out may be the title's own second part
            return Found(under[0].start, end, "training.title_after_completed.v1", score)
    return None


WORD = re.compile(r"[^\W\d_]{3,}")
"""A word of three letters or more: a title's first line in a column holds one, a scan's specks none."""


def _column_under(doc: DocText, index: int, box: tuple[float, float, float, float], *, whole: bool) -> list[Line]:
    """The next two lines under a line's words that stand in their column (their cells overlap it across).

    Under a whole line, the first is the very next line whenever it stands under the words at all, whole as printed;
    under one cell of a row, only the next lines' cells in that cell's column count, and the first of them must hold
    a word (three letters or more).
    """
    page = doc.lines[index].page
    found: list[Line] = []
    for line in doc.lines[index + 1:index + 1 + COLUMN_LOOKAHEAD]:
        if line.page != page or len(found) == 2:
            break
        cells = [cell for cell in line.cell_spans() if across(cell_box(doc, cell), box)]
        if not cells:
            if found:
                break
            continue
        if whole and not found:
            found.append(line)
            continue
        words = tuple(p for p in line.words if cells[0][0] <= p.start and p.end <= cells[-1][1])
        if not found and not any(WORD.search(p.word.text) for p in words):
            continue  # a scan's specks from the sidebar's edge, no title's first line
        found.append(Line(line.page, cells[0][0], cells[-1][1], words, tuple(cells)))
    return found


def _in_column(doc: DocText, line: Line, box: tuple[float, float, float, float]) -> Line:
    """A line's cells that stand under a caption's words, as a line of their own; the line itself when all do."""
    cells = [cell for cell in line.cell_spans() if across(cell_box(doc, cell), box)]
    if not cells or len(cells) == len(line.cell_spans()):
        return line
    words = tuple(p for p in line.words if cells[0][0] <= p.start and p.end <= cells[-1][1])
    return Line(line.page, cells[0][0], cells[-1][1], words, tuple(cells))


def _dated_column(doc: DocText, line: Line, box: tuple[float, float, float, float]) -> bool:
    """A line under completion words that holds a date in their column: the words were the date's caption.

    The line starts with its date, a weekday or "on" before it at most ("Friday, June 14, 2024", "Fri 6/14/24"):
    a title with a date after its words ("Reflective Practice Institute, March 2025") is a title, doubted for its
    date (training.title_dated). The body's words beside a sidebar's caption are no part of its column.
    """
    column = _in_column(doc, line, box)
    spans = spans_in(doc, column.start, column.end, "DATE")
    return bool(spans) and bool(DATE_LEAD.fullmatch(doc.slice(column.start, spans[0].start)))


def _title_end(doc: DocText, first: Line, following: Line | None) -> tuple[int, float]:
    """Where a title under the completion line ends (its first line's end, or its next line's), and its score.

    A line quoted whole is the title whole, or only its lead ("“Baby Talk”" over "Strategies for ..."). The line
    under it goes on with it only when it closes a quote in its type ("... Debate for Home Visitors”": the marks
    above were nested); on a scan, whose words' sizes are loose, a person checks even that join. Any other line in
    its type may be its wrap or a provider, a place, a trainer or the hours set in that type ("Lakeside Early
    Childhood Council", "with Dr. ..."): the quote ends the title, and a person checks it, as one does a quoted
    line in other type under it (a second part's name, or the title's end). Under a title with no
    quote marks (or whose marks a scan lost) such a line ends the title the same way (`_own_line`).
    """
    score = _wrap_score(doc, first, following) if following is not None else None
    if following is None or score is None:
        return first.end, UNSURE_TITLE if following is not None and _closed_quote(doc, first) \
            and _quote_marks(doc, following) else 0.93
    if not _closed_quote(doc, first):
        return (first.end, UNSURE_TITLE) if _own_line(doc, first, following) else (following.end, score)
    if _closes_quote(doc, following):
        scanned = any(p.word.source == "ocr" for p in (*first.words, *following.words))
        return following.end, min(score, UNSURE_TITLE) if scanned else score
    return first.end, UNSURE_TITLE


def _quote_marks(doc: DocText, line: Line) -> int:
    """How many double quote marks a line holds over its whole width; an inch mark (a figure and a mark) is none."""
    text = INCH_MARK.sub("", doc.slice(line.start, line.end))
    return sum(text.count(mark) for mark in DOUBLE_QUOTES)


def _closes_quote(doc: DocText, line: Line) -> bool:
    """A line that closes a quote opened above it: an odd count of double marks over the whole line.

    A line quoted whole ("“Night Waking”") or ending on a quoted name ("Part of the series “First
    Steps”") has its own pair, and closes nothing.
    """
    return _quote_marks(doc, line) % 2 == 1


TITLE_GOES_ON = re.compile(r"(?:\b(?:and|or|of|for|in|on|to|with|the|an?|from|into|through|about|across|at|by|"
                           r"between|during|within|amid|among|toward|versus|vs\.?)|[:&,/\u2013\u2014-])\s*$", re.I)
"""The end of a title's first line that its next line must finish: a joining word or a mark ("Supporting Families
in", "Attachment and Trauma:")."""
PLACE_LINE = re.compile(r"^\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3},\s*(?:[A-Z]{2}\b|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
                        r"(?:\s+\d{5}(?:-\d{4})?)?\s*$")
"""A place on a line of its own: "Portland, Oregon", "St. Paul, MN", "Eau Claire, Wisconsin 54701"."""
HOURS_LINE = re.compile(r"\b(?:hours?|hrs?|ceus?|credits?|minutes|units?)\b", re.I)
"""A line stating an amount of credit ("Two Contact Hours", "1.5 CEUs"): a certificate's hours set large."""
PERSON_LINE = re.compile(r"^\s*(?:with|by|featuring)\s+(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.?\s", re.I)
"""A line naming the trainer: "with Dr. ...", "featuring Prof. ..."."""


def _own_line(doc: DocText, first: Line, following: Line) -> bool:
    """A line in a title's type that may be no part of it: a provider, a place, a trainer or the hours set large.

    Unless the title's first line ends on a word or a mark its next line must finish ("... Families in"), such
    a line ("Lakeside Early Childhood Council", "Portland, Oregon", "Two Contact Hours") is as likely the
    certificate's next particular as the title's wrap: the title ends on its first line, and a person checks it.
    """
    if TITLE_GOES_ON.search(doc.slice(first.start, first.end)):
        return False
    text = doc.slice(following.start, following.end)
    return bool(ORGANISATION_WORDS.search(text) or PLACE_LINE.match(text) or HOURS_LINE.search(text)
                or PERSON_LINE.match(text))


def _closed_quote(doc: DocText, line: Line) -> bool:
    """A line that is a quoted title whole: opened and closed by double marks, an even count of them."""
    text = doc.slice(line.start, line.end).strip(" ,;:.")
    text = STRAY_AFTER_CLOSE.sub("", text)
    return (len(text) > 2 and text[0] in DOUBLE_QUOTES and text[-1] in DOUBLE_QUOTES
            and sum(text.count(mark) for mark in DOUBLE_QUOTES) % 2 == 0)


TRAINING_DAYS = re.compile(rf"\b(?:{EVENT_WORDS}|event|activity)\b", re.I)
OTHER_PERIOD = re.compile(r"\b(?:approv|registr|certific|licen|accredit|member|valid|enrol)", re.I)
"""A period a certificate states that is no training's days: an approval, a registration, the certificate's own."""
UNSURE_END_SCORE = 0.75


def _read_date(doc: DocText, reading: Reading, tail: tuple[int, int] | None, title: Found | None) -> None:
    """The completion date: a labelled one, else one said in the sentence, under the title or over its caption.

    A completion label whose value is no date ("Pending", "In progress", "6/2024") is the answer: no date, and the
    page's other dates are not taken for it (a date read elsewhere beside it is checked by a person).
    """
    found = by_strength(doc, DATE_TIERS, lambda label: _labelled_date(doc, label), same_day)
    if found is not None and found.rule == RUN_IN_RULE and _run_in_unsure(doc, found):
        found = replace(found, score=min(found.score, RUN_IN_UNSURE_SCORE))  # flagged date_unsure below
    not_a_date = found if found is not None and not spans_in(doc, found.start, found.end, "DATE") else None
    if not_a_date is not None:
        found = None
    if found is not None and found.score < REVIEW_THRESHOLD:
        reading.reasons.append("training.date_unsure")  # two labels disagree, or an end date of no named training
    if found is None and tail is None:
        found = _unlabelled_date(doc, reading, title)
        if found is not None and not_a_date is not None and not _caption_neighbour(doc, not_a_date, found):
            reading.reasons.append("training.date_unsure")
    if found is None and tail is None and not_a_date is None:
        found = field_value(doc, GENERIC_DATE_LABEL, "training.date_generic.v1")[0]
        if found is not None:
            reading.reasons.append("training.date_generic")
    start, end = (found.start, found.end) if found else tail if tail else (0, 0)
    date, source, reasons = completion_date(doc, start, end)
    reading.date = date
    reading.reasons.extend(reasons)
    if source is not None and found is not None and found.rule == UNDER_TITLE_RULE:
        source = replace(source, rule=found.rule, score=found.score)
    if source is not None:
        reading.sources.append(source)


def _unlabelled_date(doc: DocText, reading: Reading, title: Found | None) -> Found | None:
    """A date said under the title, else one over its caption; both there and disagreeing, a person checks it.

    The line under the title says when the training was held; a date over a caption may be a signature's day.
    """
    under = _date_under_title(doc, title) if title is not None else None
    above, reason = _date_above_caption(doc) or (None, None)
    if under is not None and above is not None:
        days = [completion_date(doc, f.start, f.end)[0] for f in (under, above)]
        if days[0] != days[1]:
            reading.reasons.append("training.date_unsure")
        return under
    if above is not None and reason is not None:
        reading.reasons.append(reason)
    return under or above


def _caption_neighbour(doc: DocText, value: Found, date: Found) -> bool:
    """A label's "value" that is the next caption of the caption row the date stands over, not the label's answer.

    Only a date read over its caption vouches so, and only when the "value" is a cell of that caption's own line
    with words written over it (another signature's caption, "Instructor"); a line under a date said elsewhere
    ("Date completed: In progress" under "on June 5, 2024"), or a cell with nothing over it ("Pending"), answers.
    """
    date_line, line = doc.line_at(date.start), doc.line_at(value.start)
    if date.rule != ABOVE_CAPTION_RULE or date_line is None or line is None \
            or doc.lines.index(line) != doc.lines.index(date_line) + 1:
        return False
    cell = next((c for c in line.cell_spans() if c[0] <= value.start and value.end <= c[1]), None)
    return cell is not None and bool(_column_words(doc, line, cell, date_line))


def _labelled_date(doc: DocText, label: str) -> Found | None:
    """A completion date's labelled value; a bare "End date" only when its line or the one above names the training.

    An "End date" under "Approval period" or "Registration" ends some other period and is none; one under neither
    (the period named further up) is doubtful, and a person checks it.
    """
    found, written = field_value(doc, label, "training.date.v1")
    if found is None:
        found, written = stacked_value(doc, label, "training.date_stacked.v1", dated=True)
        if found is not None and not spans_in(doc, found.start, found.end, "DATE"):
            found = None
    if found is None:
        found, written = _run_in_date(doc, label)
    if found is None or not END_DATE.fullmatch(written.strip()):
        return found
    line = doc.line_at(found.start)
    index = doc.lines.index(line) if line is not None else 0
    context = " ".join(doc.slice(near.start, near.end) for near in doc.lines[max(index - 1, 0):index + 1])
    if OTHER_PERIOD.search(context):
        return None
    if TRAINING_DAYS.search(context):
        return found
    return Found(found.start, found.end, found.rule, min(found.score, UNSURE_END_SCORE))


RUN_IN_SCORE = 0.88
"""A date right after its label with no colon, in a run of particulars: known by its label and where it ends."""
PARTICULAR_START = r"(?:^|(?<=[\u00b7\u2022\u2219|;]))\s*"
"""Where a particular starts in a line of them: the line's start, or after a middle dot, bullet, bar or semicolon."""
PARTICULAR_END = re.compile(r"\s*(?:$|[\u00b7\u2022\u2219|;]|\s[-\u2013\u2014]\s)")
"""Where a particular ends: the cell's end, a separator, or a dash between spaces (a scan's reading of a dot)."""


def _run_in_date(doc: DocText, label: str) -> tuple[Found | None, str]:
    """A completion date in a run of particulars: its label, a space, the date (or range) and the particular's end.

    A line may set the particulars side by side, parted by dots ("Completed Aug 5, 2023 · 7.5 contact hours ·
    Online"): a particular that is a date label and a date alone is that date; words after the date in the same
    particular ("Completed June 5, 2024 at the clinic ...") make it a sentence, none, as does a label in lower case
    (a sentence's words going on: "presented March 30 - April 2, 2021").
    """
    lead = re.compile(rf"{PARTICULAR_START}(?P<label>{label})\s+", re.I)
    for line in doc.lines:
        for start, end in line.cell_spans():
            for match in lead.finditer(doc.slice(start, end)):
                if not match["label"][0].isupper():
                    continue  # "presented March 30 ..." goes on a sentence; a particular starts as a heading does
                after = start + match.end()
                spans = spans_in(doc, after, end, "DATE")
                if not spans or spans[0].start != after:
                    continue
                last = spans[1] if len(spans) > 1 and RANGE_JOIN.match(doc.text[spans[0].end:spans[1].start]) \
                    else spans[0]
                if PARTICULAR_END.match(doc.text, last.end, end) or last.end == end:
                    return Found(after, last.end, RUN_IN_RULE, RUN_IN_SCORE), match["label"]
    return None, ""


RUN_IN_RULE = "training.date_run_in.v1"
RUN_IN_UNSURE_SCORE = 0.7
SEPARATOR = re.compile(r"[\u00b7\u2022\u2219;]|\s\|\s|\s[-\u2013\u2014]\s")
"""A mark parting particulars inside one cell: a middle dot, bullet, semicolon, a spaced bar or dash."""
DATE_FIGURE = re.compile(r"\s*(?:\d{1,4}[/-]\d{1,2}\b|\d{1,2}\.\d{1,2}\.\d|\d{1,2}(?:st|nd|rd|th)?\s*(?:,|$)|"
                         r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)", re.I)
"""What a date or a range's second half opens with: figures parted by a slash, dash or two dots, a day alone, or
a month's name ("9/12/24", "9/9", "2024-09-12", "October 2"); never an amount ("7.5 contact hours", "90 min")."""


def _run_in_unsure(doc: DocText, found: Found) -> bool:
    """Whether a run-in date is not surely the completion date; it is sure only as the page's one date of its kind.

    A sure run-in date heads its cell ("Completed Aug 5, 2024 · 4 hours · Online"; nothing before its label, as
    "Module 1 · Completed ..." has), no date or range runs on after it ("9/5/24; 9/12/24", "9/5/2024 - 9/9"), no
    other cell of the page is another run of particulars ("Part 2 · In progress"), and every other date on the page
    is the same day or one labelled right before it as another kind of date ("Issued ...", "Expires ..."); a
    date without a year counts by its month and day.
    """
    line = doc.line_at(found.start)
    cells = [cell for near in doc.lines for cell in near.cell_spans()]
    own = next((c for c in cells if c[0] <= found.start and found.end <= c[1]), None)
    if line is None or own is None:
        return True
    before = doc.text[own[0]:found.start]
    after = SEPARATOR.match(doc.text, found.end, own[1])
    if SEPARATOR.search(before) or (after is not None and DATE_FIGURE.match(doc.text, after.end(), own[1])):
        return True
    if any(SEPARATOR.search(doc.text, *cell) for cell in cells if cell != own):
        return True
    day = completion_date(doc, found.start, found.end)[0]
    for span in other_days(spans_in(doc, 0, len(doc.text), "DATE"), spans_in(doc, 0, len(doc.text), "MONTH_DAY"),
                           doc.text):
        if span.end > found.start and span.start < found.end:
            continue
        other = completion_date(doc, span.start, span.end)[0]
        if day is None or (other.date == day.date if other is not None else not yearless_other_day(span.text, day)):
            continue
        cell = next((c for c in cells if c[0] <= span.start < c[1]), (span.start, span.start))
        if not labels_another_kind(re.split(SEPARATOR, doc.text[cell[0]:span.start])[-1]):
            return True
    return False


DATE_CAPTION = re.compile(rf"\s*(?:(?P<named>{DATE_LABEL})|{GENERIC_DATE_LABEL})\s*:?\s*", re.I)
RANGE_WORDS = re.compile(r"\b(?:to|through|thru|until)\b", re.I)
ABOVE_CAPTION_RULE = "training.date_above_caption.v1"
ABOVE_CAPTION_SCORE = 0.88
"""A date over its caption is known by where it stands alone: a shade less sure than `Label: value`."""
UNDATED_CAPTION_SCORE = 0.75
DATED = re.compile(r"\bdate", re.I)
DATE_NAME = re.compile(r"\b(?:dated?|issued?|birth|born|dob|expir\w*|valid|effective|renew\w*)\b", re.I)
"""Words naming a date in a label over it: "Date of birth", "Issued", "Expires"."""
CAPTION_LEADING = 2.5
"""How far above its caption a value may stand, in caption heights: the signature line's own gap."""


def _date_above_caption(doc: DocText) -> tuple[Found, str | None] | None:
    """A date written over its caption, as on a signature line: "June 8-11, 2022" above "Program date".

    The caption is a cell that is only a date label; the value is the words of the line right above that stand in
    the caption's column (half way to its neighbours' captions), and must be a date alone. A signature line's
    date stands alone in its column: with anything under the caption ("Pending", another date) the caption is a
    label over its value, and with anything right over the date ("Date of birth", "Date issued") the date is that
    label's value. A caption naming no date ("Course completion") may head a status, so a person checks the date
    (`training.date_unsure`), as one does a bare "Date", which may be the day a certificate was signed
    (`training.date_generic`): the second value is that reason.
    """
    for number, line in enumerate(doc.lines[1:], start=1):
        above = doc.lines[number - 1]
        for cell in line.cell_spans():
            match = DATE_CAPTION.fullmatch(doc.slice(*cell))
            if match is None or not _close_above(above, line):
                continue
            below = doc.lines[number + 1] if number + 1 < len(doc.lines) else None
            higher = doc.lines[number - 2] if number >= 2 else None
            if (below is not None and _close_above(line, below) and _column_cells(doc, line, cell, below)) \
                    or (higher is not None and _close_above(higher, above)
                        and _labels(doc, _column_cells(doc, line, cell, higher), above)):
                continue
            words = _column_words(doc, line, cell, above)
            if not words:
                continue
            start, end = words[0].start, words[-1].end
            spans = spans_in(doc, start, end, "DATE")
            rest = doc.slice(start, end)
            for span in spans:
                rest = rest.replace(span.text, " ")
            if not spans or re.search(r"\w", RANGE_WORDS.sub(" ", rest)):
                continue
            if not match.group("named"):
                return Found(start, end, ABOVE_CAPTION_RULE, ABOVE_CAPTION_SCORE), "training.date_generic"
            if not DATED.search(match.group("named")):
                return Found(start, end, ABOVE_CAPTION_RULE, UNDATED_CAPTION_SCORE), "training.date_unsure"
            return Found(start, end, ABOVE_CAPTION_RULE, ABOVE_CAPTION_SCORE), None
    return None


def _close_above(above: Line, line: Line) -> bool:
    """The line right above another on its page, within a few of the lower line's heights of it."""
    top = min(p.word.bbox[1] for p in line.words)
    height = max(p.word.bbox[3] - p.word.bbox[1] for p in line.words)
    return above.page == line.page and 0 <= top - max(p.word.bbox[3] for p in above.words) <= CAPTION_LEADING * height


def _labels(doc: DocText, words: list[Placed], line: Line) -> bool:
    """Words over a line that are a label of its values: a date's name with no figure, or smaller type on a page."""
    if not words:
        return False
    text = doc.slice(words[0].start, words[-1].end)
    if re.search(r"\d", text):
        return False
    if DATE_NAME.search(text) or ANY_LABEL.fullmatch(text):
        return True
    heights = [max(p.word.bbox[3] - p.word.bbox[1] for p in group) for group in (words, line.words)]
    return words[0].word.source != "ocr" and heights[0] + TYPE_STEP <= heights[1]


def _column(doc: DocText, line: Line, cell: tuple[int, int]) -> tuple[float, float]:
    """A caption's column: from half way to the caption on its left to half way to the one on its right."""
    boxes = [union(p.word.bbox for p in doc.words_in(*c)) for c in line.cell_spans()]
    mine = line.cell_spans().index(cell)
    left = (boxes[mine - 1][2] + boxes[mine][0]) / 2 if mine > 0 else float("-inf")
    right = (boxes[mine][2] + boxes[mine + 1][0]) / 2 if mine + 1 < len(boxes) else float("inf")
    return left, right


def _column_words(doc: DocText, line: Line, cell: tuple[int, int], other: Line) -> list[Placed]:
    """The words of another line whose centres stand in a caption's column."""
    left, right = _column(doc, line, cell)
    return [p for p in other.words if left <= (p.word.bbox[0] + p.word.bbox[2]) / 2 < right]


def _column_cells(doc: DocText, line: Line, cell: tuple[int, int], other: Line) -> list[Placed]:
    """The words of another line's cells that stand in a caption's column alone: a value or a label of that column.

    A cell centred in the column counts unless it runs over another caption of the row: a sentence across the
    columns (a footer under the signatures, a sponsor's line over them) belongs to none of them.
    """
    left, right = _column(doc, line, cell)
    others = [union(p.word.bbox for p in doc.words_in(*c)) for c in line.cell_spans() if c != cell]
    picked = []
    for words in (doc.words_in(*c) for c in other.cell_spans()):
        box = union(p.word.bbox for p in words) if words else None
        if box is not None and left <= (box[0] + box[2]) / 2 < right \
                and not any(across(box, caption) for caption in others):
            picked.extend(words)
    return picked


UNDER_TITLE_RULE = "training.date_under_title.v1"


def _date_under_title(doc: DocText, title: Found) -> Found | None:
    """A certificate with no date label that says when under the title: "on June 5, 2024", "held May 1-2, 2023".

    Only the two lines right under the title count, and only after "on" or "held"; a reading a shade less sure
    than a labelled one.
    """
    line = doc.line_at(title.end)
    if line is None:
        return None
    index = doc.lines.index(line)
    for under in doc.lines[index + 1:index + 3]:
        match = WHEN_LINE.match(doc.slice(under.start, under.end))
        if under.page == line.page and match is not None \
                and spans_in(doc, under.start + match.end(), under.end, "DATE"):
            return Found(under.start + match.end(), under.end, UNDER_TITLE_RULE, 0.85)
    return None


def _read_hours(doc: DocText, reading: Reading, tail: tuple[int, int] | None, evidence: list[Evidence]) -> None:
    """The clock hours: a labelled value (beside its label, or under it in a sidebar), else a stated amount."""
    value, label = field_value(doc, HOURS_LABEL, "training.hours_labelled.v1")
    if value is None or hours_with_unit(doc.slice(value.start, value.end), label)[0] is None:
        stacked, caption = stacked_value(doc, HOURS_LABEL, "training.hours_stacked.v1")
        if stacked is not None and hours_with_unit(doc.slice(stacked.start, stacked.end), caption)[0] is not None:
            value, label = stacked, caption  # the grid's next cell was another column's words
    if value is not None:
        _take_hours(reading, hours_with_unit(doc.slice(value.start, value.end), label), value)
        return
    spans = spans_in(doc, *tail, "HOURS") if tail else []
    if not spans:
        spans = [rejoined(doc, e) for e in evidence if e.label == "HOURS" and not _on_excluded_line(doc, e)]
    if not spans:
        duration = clock_duration(doc, *(tail or (0, len(doc.text))))
        if duration is not None:
            _take_hours(reading, (duration[0], []), duration[1])
        return
    parsed = [parse_hours(e.text) for e in spans]
    if len({p.hours for p in parsed if p is not None}) > 1:
        reading.reasons.append("training.hours_ambiguous")
    first = spans[0]
    _take_hours(reading, (parsed[0], []), Found(first.start, first.end, first.rule, first.score))


def _take_hours(reading: Reading, parsed: tuple[ParsedHours | None, list[str]], source: Found) -> None:
    reading.hours = parsed[0]
    reading.reasons.extend(parsed[1])
    reading.sources.append(source)


def _on_excluded_line(doc: DocText, ev: Evidence) -> bool:
    line = doc.line_at(ev.start)
    return line is not None and bool(NOT_HOURS_LINE.search(doc.slice(line.start, line.end)))


NOT_TITLE_WRAP = re.compile(
    r"^\s*(?:presented|offered|sponsored|hosted|provided|delivered|conducted|taught|led|facilitated|given|held|"
    r"organi[sz]ed)\s+(?:by|at|on|in|through|via)\b|:", re.I)
"""A line under a title that says who gave it or where ("Presented by ...", "Held at ..."), or is a label's line: no
part of the title, whatever its type. A bare "in", "on" may well start a title's second line ("in Child Welfare")."""
LOOSE_WRAP_SCORE = 0.75
"""A scan's title line joined to the next by OCR's looser limits only: the next line may be a provider's or a place's
set in the title's type, so a person checks it."""


def _wrap_score(doc: DocText, first: Line, following: Line) -> float | None:
    """The title's score when the line under its first line is its second line, None when it is not.

    A line that is only a date, or says who gave the training, where or when, is never a title's wrap; nor is one
    that starts by saying when, the date right after "held" or "on" ("held May 3, 2024, for which ...").
    """
    text = doc.slice(following.start, following.end)
    when = WHEN_LINE.match(text)
    dates = spans_in(doc, following.start + (when.end() if when else 0), following.end, "DATE")
    if NOT_TITLE_WRAP.search(text) or (dates and not re.search(r"[^\W\d]", text[when.end() if when else 0:]
                                                                .replace(dates[0].text, ""))):
        return None
    if when is not None and dates and not doc.slice(following.start + when.end(), min(d.start for d in dates)).strip():
        return None
    if _same_size_under(first.words, following.words, loose=False):
        return 0.93
    if _same_size_under(first.words, following.words, loose=True):
        return LOOSE_WRAP_SCORE
    return None


def _same_size_under(upper: tuple[Placed, ...], lower: tuple[Placed, ...], loose: bool) -> bool:
    """Two lines set in the same type, the second right under the first (a title wrapped over two lines).

    A text layer's boxes are the type's size; OCR boxes hug the letters (about 0.7 of it, more with a descender),
    so on a scan the same leading leaves a wider gap between boxes, and their heights vary more: `loose` limits
    let the lines' tallest words or their median words agree (a descender makes one line's tallest word taller).
    """
    if not upper or not lower or upper[0].page != lower[0].page:
        return False
    heights = [[p.word.bbox[3] - p.word.bbox[1] for p in line] for line in (upper, lower)]
    up = max(heights[0])
    gap = min(p.word.bbox[1] for p in lower) - max(p.word.bbox[3] for p in upper)
    ocr = any(p.word.source == "ocr" for p in (*upper, *lower))
    size_step, leading = (0.15, 1.2) if ocr and loose else (0.08, 0.6)
    picks = (max, median) if ocr and loose else (max,)
    same_size = any(abs(pick(heights[0]) - pick(heights[1])) <= size_step * up for pick in picks)
    return same_size and gap <= leading * up


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
