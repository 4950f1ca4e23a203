"""Letters and values stated in words: dates after a phrase, a letter's own date and signer, sentences, names, levels.

Letters carry no labelled fields: their date stands alone above the salutation (a "Received" stamp's date is
the office's), the signer's name follows the closing, and the rest is read from sentences. The date, name and
level readers here also serve the values of labelled fields.
"""

from __future__ import annotations

import re

from extractors.dates import ParsedDate, parse_date
from extractors.fields import Found
from extractors.form_layout import box_of, ocr_tolerant, overlap
from extractors.layout import DocText
from extractors.nlp import Evidence
from extractors.pagetext import english_words

LEVEL = re.compile(r"\blevel\s+(IV|III|II|I|4|3|2|1)\b", re.I)
LEVEL_BY_TITLE = [  # the Endorsement titles; a plain "Specialist" is II or III, so it is not enough alone
    (re.compile(r"mental\s+health\s+mentor|\bmentor\b", re.I), "IV"),
    (re.compile(r"infant\s+mental\s+health\s+specialist", re.I), "III"),
    (re.compile(r"infant\s+family\s+specialist", re.I), "II"),
    (re.compile(r"infant\s+family\s+associate", re.I), "I"),
]
ARABIC = {"1": "I", "2": "II", "3": "III", "4": "IV"}
COUNTED_LEVELS = {"II", "III", "IV"}
"""DESIGN.md's `rater_level` vocabulary; a Level I rater is read (not a flag) but has no counted level."""
NO_ENDORSEMENT = re.compile(r"^\s*(none|n/?a|not\s+applicable|not\s+(?:currently\s+|yet\s+)?endorsed|no)\b", re.I)
STRAY_MARK = r"(?<=\s)[^\s\d]"
STRAY_MARK_SCORE = 0.85
"""One character standing alone between a phrase and its date on a scan: a speck or an edge, not a word."""
DIGIT_SHAPED = frozenset("lIOo|")
DIGIT_SHAPED_MARK_SCORE = 0.75
"""A lone mark shaped like a 1 or a 0 may be the date's own first digit OCR split off ("l 1/15/2026" for
11/15/2026): the date is read, under the review threshold."""
STAMP_WORDS = re.compile(r"^(received|stamped|filed|logged|recd\.?|rec'd)$", re.I)
CLOSINGS = re.compile(r"^\s*(?:yours\s+)?(?:sincerely|truly|respectfully|faithfully)|^\s*(?:kind|warm|best)\s+regards"
                      r"|^\s*regards|^\s*with\s+(?:thanks|appreciation)", re.I)
PERSON_NAME = re.compile(r"^\s*(?:(?:Dr|Mr|Ms|Mrs)\.?\s+)?[A-Z][a-zA-Z'\-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-zA-Z'\-]+){1,3}"
                         r"(?:,\s*[A-Z][A-Za-z.\-]+)*\s*$")
SALUTATION = re.compile(r"^\s*(?:dear|to\s+whom|to\s+the|re\s*:)", re.I)


def dates_in(found: Found, evidence: list[Evidence]) -> list[Evidence]:
    """The DATE spans inside a found range."""
    return [ev for ev in evidence if ev.label == "DATE" and ev.start >= found.start and ev.end <= found.end]


def parsed(ev: Evidence | None, score: float = 1.0, years_ahead: int = 0) -> tuple[ParsedDate | None, Found | None]:
    """A date span's date, and the span as a source scored by its pattern times the rule's own score."""
    if ev is None:
        return None, None
    return parse_date(ev.text, years_ahead=years_ahead), Found(ev.start, ev.end, ev.rule, round(ev.score * score, 3))


def first_date(doc: DocText, found: Found | None, evidence: list[Evidence], years_ahead: int = 0,
               ) -> tuple[ParsedDate | None, Found | None]:
    """The first date in a field's value (the value itself as the source when none is there).

    A scanned value that opens with a lone mark shaped like a 1 or a 0 before its date ("Expires: l 1/15/2026")
    may have lost the date's first digit to it: the date is read at DIGIT_SHAPED_MARK_SCORE, for a person to check.
    """
    if found is None:
        return None, None
    spans = dates_in(found, evidence)
    if not spans:
        return None, found
    lead = doc.slice(found.start, spans[0].start)
    split_digit = lead.strip() in DIGIT_SHAPED and any(p.word.source == "ocr"
                                                       for p in doc.words_in(found.start, spans[0].start))
    return parsed(spans[0], DIGIT_SHAPED_MARK_SCORE if split_digit else 1.0, years_ahead=years_ahead)


def is_range(ev: Evidence) -> bool:
    """A span such as "April 8-20, 2025": a period, never one day's date."""
    return bool(re.search(r"\d\s*[-–]\s*(?:[A-Za-z]+\.?\s+)?\d", ev.text)) and not re.fullmatch(
        r"\d{4}\s?-[\d\s]{2,3}-[\d\s]{2,3}|\d{1,2}-[A-Za-z]{3,9}-\d{4}|[A-Za-z]+\.?\s+\d{1,2}\s*-\s*\d{4}",
        ev.text.strip())


def date_after(doc: DocText, phrase: str, evidence: list[Evidence], rule: str, score: float = 0.95,
               years_ahead: int = 0) -> tuple[ParsedDate | None, Found | None]:
    """The date that directly follows a phrase (across a line break): "active through <date>", "Expires <date>".

    A lone mark a scan read between them (a card's edge as "L") is passed over at STRAY_MARK_SCORE, one shaped like
    a digit at DIGIT_SHAPED_MARK_SCORE.
    """
    for match in re.finditer(rf"(?i)\b(?:{ocr_tolerant(phrase)})(?P<gap>[\s:,]*(?:on\s+|of\s+)?)"
                             rf"(?P<stray>{STRAY_MARK}\s+)?", doc.text):
        ev = next((e for e in evidence if e.label == "DATE" and e.start == match.end()), None)
        stray = match.group("stray") is not None
        digit_shaped = stray and match.group("stray").strip() in DIGIT_SHAPED
        mark_score = DIGIT_SHAPED_MARK_SCORE if digit_shaped else STRAY_MARK_SCORE
        if stray and not any(p.word.source == "ocr" for p in doc.words_in(match.start("stray"), match.end("stray"))):
            continue
        if ev is not None and not is_range(ev):
            date, source = parsed(ev, min(score, mark_score) if stray else score, years_ahead)
            if source is not None:
                source = Found(source.start, source.end, rule, source.score)
            return date, source
    return None, None


def is_stamped(doc: DocText, ev: Evidence) -> bool:
    """A date under (or after) a "Received" / "Filed" stamp word: the office's date, never the document's."""
    box = box_of(doc, ev.start, ev.end)
    line = doc.line_at(ev.start)
    if box is None or line is None:
        return False
    if re.search(r"(?i)\b(received|stamped|filed|logged)\b", doc.slice(line.start, ev.start)):
        return True
    height = box[3] - box[1]
    for placed in doc.words:
        word_box = placed.word.bbox
        if (placed.page == line.page and STAMP_WORDS.match(placed.word.text.strip(":"))
                and 0 <= box[1] - word_box[3] <= 3 * height and overlap(word_box, box) > 0.3):
            return True
    return False


def letter_date(doc: DocText, evidence: list[Evidence], rule: str) -> tuple[ParsedDate | None, Found | None]:
    """A letter's own date: a date alone on its line (or after `Date:`) before the salutation, not a stamp."""
    for line in doc.lines:
        text = doc.slice(line.start, line.end)
        if SALUTATION.match(text):
            break
        for ev in dates_in(Found(line.start, line.end, rule, 1.0), evidence):
            rest = (doc.slice(line.start, ev.start) + doc.slice(ev.end, line.end)).strip()
            if re.fullmatch(r"(?i)(date\s*:)?", rest) and not is_stamped(doc, ev) and not is_range(ev):
                date, source = parsed(ev, 0.97)
                return date, Found(source.start, source.end, rule, source.score) if source else None
    return None, None


def closing_name(doc: DocText, rule: str) -> Found | None:
    """The signer of a letter: the name line after "Sincerely," and the like."""
    for index, line in enumerate(doc.lines[:-1]):
        if CLOSINGS.match(doc.slice(line.start, line.end)):
            following = doc.lines[index + 1]
            text = doc.slice(following.start, following.end)
            if PERSON_NAME.match(text):
                name_end = following.start + len(text.split(",")[0].rstrip())
                return Found(following.start, name_end, rule, 0.93)
            return None
    return None


def sentences(doc: DocText) -> list[tuple[int, int]]:
    """Character ranges of the prose's sentences (a full stop, question or exclamation mark ends one)."""
    ranges = []
    start = 0
    for match in re.finditer(r"[.!?](?=\s|$)|\n\n", doc.text):
        if doc.text[start:match.start()].strip():
            lead = len(doc.text[start:match.end()]) - len(doc.text[start:match.end()].lstrip())
            ranges.append((start + lead, match.end()))
        start = match.end()
    return ranges


NAME_CONNECTORS = frozenset({"of", "for", "and", "the", "in", "at", "on", "to", "de", "la", "du", "von", "&"})


SHORT_NAME_WORDS = frozenset({"st", "mt", "ft", "dr", "co", "de", "du", "la", "le", "el", "da", "di", "of", "in",
                              "at", "on", "to", "by", "as", "an", "or", "y"})
"""Words of a name of two letters or fewer written with a capital ("St", "Mt", "De", a connector set in title case):
any other such word in mixed case ("Fa" of "Cedar Fa Ils") is a word OCR split in two."""


def misread_name(doc: DocText, found: Found) -> bool:
    """An OCR'd proper name that reads oddly: a lower-case word among capitalised ones, or a split word.

    "Lakeshore state Association", "Association f or Infant", "Cedar Fa Ils Family Center" (a word split into a
    capitalised piece of two letters and its rest): on a text layer a name is taken as printed. A word in capitals
    ("UC", "NY") is an abbreviation, and a letter with its stop ("J.") an initial: neither is odd.
    """
    if not any(p.word.source == "ocr" for p in doc.words_in(found.start, found.end)):
        return False
    words = doc.slice(found.start, found.end).split()
    capitalised = sum(w[:1].isupper() for w in words)
    odd = [w for w in words if w[:1].islower() and w.lower() not in NAME_CONNECTORS]
    split = [w for w in words if re.fullmatch(r"[A-Z][a-z]", w) and w.lower() not in SHORT_NAME_WORDS]
    return capitalised >= 2 and bool(odd or split or any(map(_split_pair, words, words[1:])))


TITLED_SMALL_WORDS = frozenset({"in", "to", "an", "on", "at", "by", "as", "or", "co"})
"""Small words a name sets in lower case ("Center for Families in Need"): one with a capital right before another
capitalised word ("In Fant", "To Ledo", "Co Lumbia") is more likely a piece of a word a scan split."""
WORD_ONSET = re.compile(r"(?i)[aeiouy]|[b-df-hj-np-tv-z](?:[aeiouyhlrw]|$)|s[ckmnpqtw]|[gk]n|ps|mc|tw|dw")
"""How a word may begin: a vowel, a consonant before a vowel, h, l, r or w, or one of a few other pairs (sc, st, kn,
ps, Mc): "Nver" of "De Nver" begins as no word does."""


def _split_pair(first: str, second: str) -> bool:
    """Two capitalised pieces of a scanned name that read as one word split in two.

    A short piece (three letters or fewer) before a capitalised one: a small word set in title case ("In Fant"), a
    piece after it beginning as no word does ("De Nver"), or a second short piece ("Val Ley", "Cen Ter"). "La
    Salle", "De Soto", "St Louis" keep their shape and are not doubted.
    """
    if _joins_to_word(first, second):
        return True
    if not (re.fullmatch(r"[A-Z][a-z]{0,2}", first) and re.fullmatch(r"[A-Z][a-z]+", second)):
        return False
    if second.lower() in NAME_CONNECTORS:
        return False
    return (first.lower() in TITLED_SMALL_WORDS or not WORD_ONSET.match(second)
            or (len(second) <= 3 and first.lower() not in SHORT_NAME_WORDS - TITLED_SMALL_WORDS))


NAME_PREFIXES = SHORT_NAME_WORDS | {"mc", "mac", "van", "von", "san", "los", "las", "del", "des"}
"""Pieces that begin a real name set apart from its rest ("De Soto", "Mc Allen", "Van Wert"): never doubted as half
a split word."""


def _joins_to_word(first: str, second: str) -> bool:
    """Two capitalised pieces spelling one English word together and not both words apart: a word split by a scan.

    "Chi Cago", "Okla Homa", "Wiscon Sin": pieces of any length.

    Two real words ("Sun City", "Red Oak", "Fair View") and names whose pieces are not one word together ("Del Rio")
    keep their shape; a name's own prefix ("De Soto") is not doubted. Without the English model nothing is doubted.
    """
    second = second.rstrip(".,;:!")
    if not (re.fullmatch(r"[A-Z][a-z]+", first) and re.fullmatch(r"[A-Z][a-z]+", second)):
        return False
    low_first, low_second, english = first.lower(), second.lower(), english_words()
    if low_first in NAME_PREFIXES or low_second in NAME_CONNECTORS:
        return False
    return low_first + low_second in english and not (low_first in english and low_second in english)


def one_line(text: str) -> str:
    """Whitespace (line breaks of a wrapped value) collapsed to single spaces."""
    return " ".join(text.split())


def level_of(text: str) -> tuple[str | None, bool]:
    """The rater's endorsement level (II, III, IV or None) and whether the field could be read.

    An explicit "Level N" wins over a title; None with True means read and not endorsed at II-IV.
    """
    if NO_ENDORSEMENT.match(text):
        return None, True
    match = LEVEL.search(text)
    level = ARABIC.get(match.group(1), match.group(1).upper()) if match else None
    if level is None:
        level = next((lvl for pattern, lvl in LEVEL_BY_TITLE if pattern.search(text)), None)
    if level is None:
        return None, False
    return (level if level in COUNTED_LEVELS else None), True
