"""Transcripts: each degree (abbreviation, name, field, institution, conferral date); is the copy official.

A degree is read from one of three contexts, the most structured first: a labelled block
(`Degree Awarded:` / `DEGREE:` with `Major:` and `Date Conferred:`), a table whose header names a degree
column and a date column, or a sentence of a letter ("The degree of ... was conferred on ...").
Each degree's date comes from its own context only, so birth, printed and term dates are never taken.

This module is the kind's entry point: it runs the readers in order and builds the items (institution,
officialness). The readers live beside it: `transcript_degrees` (labelled blocks, tables), `transcript_mentions`
(sentences, registrars' lists), over `transcript_labels` (label vocabularies) and `transcript_values` (ranges).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from extractors.fields import LOW_OCR_CONFIDENCE, Extraction, Found, build_item, date_in, missing, slug
from extractors.forms import ocr_tolerant
from extractors.layout import DocText, Placed, union
from extractors.nlp import Evidence
from extractors.transcript_degrees import labelled_degrees, table_degrees
from extractors.transcript_labels import (
    ends_with_conferral_label,
    is_conferral_label,
    is_degree_label,
    is_field_label,
    label_segments,
)
from extractors.transcript_mentions import degree_mentions, listed_degrees, sentence_degrees
from extractors.transcript_shapes import field_doubts, same_degree_once, without_rule_marks
from extractors.transcript_values import DegreeRead, line_index
from extractors.vocab import degrees
from pipeline.models import Item

__all__ = ["DegreeRead", "ends_with_conferral_label", "extract", "is_conferral_label", "is_degree_label",
           "is_field_label", "officialness"]

UNOFFICIAL = re.compile(r"\bunofficial\b|\b(?:student|advising|personal|informational)\s+copy\b|"
                        r"\bnot\s+(?:an?\s+)?official\b|\bissued\s+to\s+(?:the\s+)?student\b|"
                        r"\bcopy\s+for\s+(?:the\s+)?student\b|\bfor\s+advising\s+(?:purposes\s+)?only\b|"
                        r"\bnot\s+for\s+(?:official|external)\s+use\b", re.I)
OFFICIAL = re.compile(r"\bofficial\b|\b(?:bears|bearing|under)\s+the\s+(?:\w+\s+)?seal\b", re.I)
INSTITUTION = re.compile(r"\b(university|college|institute|school|academy|seminary|conservatory|polytechnic)\b",
                         re.I)
INSTITUTION_LABEL = re.compile(r"(?:(?:awarding|granting|degree[\s-]granting)\s+)?(?:institution|school|college|"
                               r"university)(?:\s+name)?|name\s+of\s+(?:the\s+)?(?:institution|school)", re.I)
RECORD_NAME = (r"(?:(?:un)?official\s+)?(?:academic\s+)?(?:transcripts?(?:\s+of\s+records)?|"
               r"records?(?:\s+of\s+achievement|\s+office)?|diploma\s+supplement|statement\s+of\s+results|"
               r"grade\s+report)")
RECORD_TITLE = re.compile(rf"^\s*{RECORD_NAME}\s*(?:of|from|[-\u2013:|])\s*|\s*[-\u2013:|]?\s*{RECORD_NAME}\b.*$", re.I)
"""A heading's document title around the institution ("Ridgeline University Official Transcript",
"Diploma Supplement - Ridgeline University", "... Academic Records Office", "... Grade Report")."""
COVER_PAGE = re.compile(r"\bcover\s+(?:page|sheet)\b|\bnot\s+part\s+of\s+the\s+(?:official\s+)?transcript\b", re.I)
OFFICE_SUFFIX = re.compile(r"\s*(?:[,;\-\u2013]\s*|(?=(?:the\s+)?office\s+of\b|registrar'?s?\s+office\b|"
                           r"(?:registrar|transcripts)\W*$))"
                           r"(?:(?:the\s+)?office\s+of\s+(?:the\s+)?(?:university\s+)?registrar|"
                           r"registrar'?s?\s+office|(?:university\s+)?registrar|transcripts)\b.*$", re.I)
"""The registrar's office after the name: after a comma or dash, or right after it when it says "Office of ..."."""
GENERIC_WORDS = frozenset({"the", "university", "college", "institute", "school", "academy", "seminary",
                           "conservatory", "polytechnic", "state", "community", "graduate", "junior", "technical",
                           "national", "public", "private", "of", "for", "at", "in", "and", "&"})
"""Words that name a kind of institution, never which one: a name made only of them ("State University", "The
Graduate School") names none."""
SUBJECT_WORDS = frozenset({"technology", "science", "sciences", "arts", "art", "engineering", "medicine", "law",
                           "nursing", "education", "business", "management", "social", "work", "health", "music",
                           "design", "pharmacy", "dentistry", "theology", "divinity", "agriculture", "humanities",
                           "liberal", "applied", "fine", "professional", "studies", "continuing", "mines", "policy",
                           "psychology", "welfare", "family", "human", "development", "behavioral", "medical"})
"""Words that name a field of study: "School of Social Work", "Institute of Technology" name a part of some
institution or a kind of it, not which one (its proper name may stand on another line of a stacked letterhead)."""
CUT_NAME = re.compile(r"\b(?:of|for|at|in|and|&)(?:\s+the)?\s*[,.\-\u2013]?\s*$|&\s*$", re.I)
"""A name cut at its connective ("University of", "College of the", "School of Arts and"): its rest is elsewhere (a
split OCR line, a wrap) or was not read."""
ROW_GAP = 1.5
"""How far apart, in the words' height, two words of one printed line may stand: a word space, not a column."""
WORD_SPACE = {"text": 0.9, "ocr": 1.0}
"""A word space surely, in the words' box height (a text layer's boxes are the type's size, OCR's hug the letters),
even in a letterhead's spaced type: words further apart on the row may be the name's or another cell's ("Main
Campus", "Est. 1961", "Student ID"). Words of one run set well over their own spacing (`SPACING_STEP`) part too."""
SPACING_STEP = {"text": 1.3, "ocr": 1.8}
SPACING_DOUBT = {"text": 1.3, "ocr": 1.5}
"""A gap this much over a line's narrowest may be a cell's edge or OCR's uneven boxes of one name: the cell is kept
whole, and a person checks it."""
SEPARATOR = re.compile(r"^[^\w\s&+]+$|^_+$")
"""A mark set between a heading's parts ("... | ...", "... \u00b7 ...", "... \u25c6 ...", "... ~ ..."): a word of marks
only, never "&" or "+" (a name's own "and": "College of Art + Design"). The name ends at it."""
OCR_SEPARATOR = frozenset({"I", "l", "1", "e", "o", "+"})
"""A separating mark as OCR may read it: a bar as "I", "l" or "1", a bullet or a ring as "e" or "o", a star as "+"
(on a scan a name's own "+" is cut there too, and flagged)."""
DASH = re.compile(r"^[\u2013\u2014-]+$")
"""A dash between two runs: a division ("... - Office of ...") or a campus written on ("... - Twin Cities")."""
ADDRESS_AFTER = re.compile(r"\s*,\s*(?:\d|(?:p\.?\s*o\.?\s*)?box\b).*$", re.I)
"""A street address written on after the name and a comma ("..., 1200 Lake Road, Harlow"; "..., P.O. Box 40")."""
PLACE_AFTER = re.compile(r"\s*,\s*(?:(?![A-Z]{2}\b)[A-Z][\w.'\-]*\s+){1,3}(?:[A-Z]{2}|\d{5}(?:-\d{4})?)"
                         r"(?:\s+\d{5}(?:-\d{4})?)?\s*$")
"""A town with its state code or ZIP written on after the name and one comma ("..., Harlow OH 44101"): a place, not
the name's own words (a campus alone after the comma, "University of Wisconsin, Madison", stays on the name). A
town's word is never a two-capital code: "..., Easton, PA 18042" is no town after one comma (the state code is not
its town), so the whole is kept and checked (`_placed_on`)."""
NAME_WORD = re.compile(r"\(?[^\W\d_]+(?:['\u2019.\-&][^\W\d_]*)*\)?[.,;:]?|&|\+|[\-\u2013]", re.I)
"""A word a name is written in: letters, perhaps joined by an apostrophe, a dot or a hyphen. A scan's word holding
other marks or digits ("ime}", "Un1versity") is a misreading."""
HONOURS = re.compile(r"\s*(?:(?:summa|magna)\s+)?cum\s+laude|(?:with\s+)?(?:high(?:est)?\s+)?(?:honou?rs|distinction|"
                     r"merit)|first[\s-]class(?:\s+honou?rs)?\s*", re.I)


def extract(doc: DocText, evidence: list[Evidence]) -> Extraction:
    """Every degree on the transcript, from labelled blocks, a degree table or letter sentences."""
    result = Extraction(official=officialness(doc.text))
    institution = _institution(doc)
    evidence = sorted(evidence + _loose_degrees(doc, evidence), key=lambda e: e.start)
    degree_ev = [e for e in evidence if e.label == "DEGREE"]
    reads, used = labelled_degrees(doc, degree_ev, evidence)
    table_reads, table_used = table_degrees(doc, degree_ev, evidence)
    reads += table_reads
    used |= table_used
    reads += sentence_degrees(doc, [e for e in degree_ev if line_index(doc, e.start) not in used], evidence)
    taken = [(read.head.start, read.head.end) for read in reads]
    reads += listed_degrees(doc, [e for e in degree_ev if not any(s <= e.start < e_ for s, e_ in taken)], evidence)
    result.items = same_degree_once([_degree_item(doc, evidence, read, institution, result.official, number)
                                     for number, read in enumerate(reads, start=1)])
    unread = [doc.slice(start, end) for start, end, short in degree_mentions(doc, degree_ev) if not short
              and not any(read.head.start <= start < read.head.end for read in reads)]
    if reads and unread:
        result.flags.append(missing(doc.document, "transcript.degree_unread",
                                    f"{len(unread)} more degree name(s) appear on the transcript but were not read "
                                    "as awarded degrees; a person should check whether one was conferred."))
    if not reads:
        result.flags.append(missing(doc.document, "transcript.no_degree",
                                    "No awarded degree could be read on this transcript."))
    if result.official is None:
        result.flags.append(missing(doc.document, "transcript.officialness_unknown",
                                    "The transcript does not say whether it is official."))
    return result


def officialness(text: str) -> bool | None:
    """False for unofficial or student copies, True when the copy says official (or sealed), None when silent."""
    if UNOFFICIAL.search(text):
        return False
    return True if OFFICIAL.search(text) else None


LOOSE_LEVEL = {"Master": r"Master(?:'?s)?", "Bachelor": r"Bachelor(?:'?s)?", "Doctor": r"Doctor(?:ate)?"}
"""How writers bend a degree's level word: "Masters of", "Master's of", "Doctorate of"."""


@lru_cache(maxsize=1)
def _loose_names() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each vocabulary name spelled loosely: the level word bent, "in" for its "of", a word split by a stray space."""
    loose = []
    for degree in degrees().degrees:
        for name in degree.names:
            level, *rest = name.split()
            if level not in LOOSE_LEVEL or not rest or rest[0] != "of":
                continue
            words = r"[^\S\n]+".join(ocr_tolerant(re.escape(word)) for word in rest[1:])
            loose.append((degree.abbreviation,
                          re.compile(rf"(?i)\b{LOOSE_LEVEL[level]}[^\S\n]+(?:of|in)[^\S\n]+{words}\b")))
    return tuple(loose)


def _loose_degrees(doc: DocText, evidence: list[Evidence]) -> list[Evidence]:
    """Degree names the vocabulary's exact spelling missed, at a lower score (the reading is less certain)."""
    taken = [(e.start, e.end) for e in evidence if e.label == "DEGREE"]
    found: list[Evidence] = []
    for abbreviation, pattern in _loose_names():
        for match in pattern.finditer(doc.text):
            if not any(s < match.end() and match.start() < e for s, e in taken):
                found.append(Evidence("DEGREE", f"degree.name.{abbreviation}.loose.v1", 0.88, match.start(),
                                      match.end(), match.group()))
                taken.append((match.start(), match.end()))
    return found


def _degree_item(doc: DocText, evidence: list[Evidence], read: DegreeRead, institution: Institution | None,
                 official: bool | None, number: int) -> Item:
    """One degree item with its provenance and the reasons a person should look at it."""
    reasons = list(read.reasons)
    found = [e for e in evidence if e.label == "DEGREE" and read.head.start <= e.start < read.head.end]
    abbreviation, name, rule, score, agree = _identify(doc.slice(read.head.start, read.head.end), found)
    reasons += [] if agree else ["degree.name_abbreviation_disagree"]
    if rule == "degree.unrecognised.v1":
        reasons.append("degree.unrecognised")
    conferred, conferred_found = date_in(doc, read.conferral, evidence)
    if conferred_found is not None and read.conferral is not None:  # the date's span, scored by the rule that chose it
        conferred_found = replace(conferred_found, score=min(conferred_found.score, read.conferral.score))
    if read.field is not None and HONOURS.fullmatch(doc.slice(read.field.start, read.field.end)):
        read = replace(read, field=None)  # "Bachelor of Arts, cum laude": a distinction, not the field
    if read.field is not None:
        read = replace(read, field=without_rule_marks(doc, read.field))
    if read.field is not None:
        reasons += field_doubts(doc.slice(read.field.start, read.field.end))
    checks = {"degree.conferral_date_missing": conferred is None,
              "degree.conferral_date_imprecise": conferred is not None and conferred.precision != "day",
              "degree.field_missing": read.field is None,
              "degree.institution_missing": institution is None,
              "degree.institution_incomplete": institution is not None and (_bare(institution.name)
                                                                         or institution.unsure),
              "transcript.unofficial": official is False}
    reasons += [code for code, failed in checks.items() if failed]
    value = {
        "abbreviation": abbreviation,
        "name": name,
        "field": doc.slice(read.field.start, read.field.end) if read.field else None,
        "institution": institution.name if institution else None,
        "conferred": conferred.iso() if conferred else None,
        "official": official,
    }
    sources = [Found(read.head.start, read.head.end, rule, min(score, read.head.score))]
    sources += [s for s in (conferred_found, read.field) if s is not None]
    sources += list(institution.spans[1:]) if institution else []  # words a split row lent the name
    key = f"degree:{slug(abbreviation)}:{value['conferred'] or f'undated-{number}'}"
    return build_item(doc, "degree", key, value, sources, reasons)


def _bare(name: str) -> bool:
    """An institution's name that is only its kind, or cut at its connective: no name a person can check."""
    words = re.findall(r"[^\W_]+|&", name.lower())
    return (not words or all(word in GENERIC_WORDS | SUBJECT_WORDS for word in words)
            or CUT_NAME.search(name) is not None)


def _identify(text: str, found: list[Evidence]) -> tuple[str, str, str, float, bool]:
    """Abbreviation, name, rule and score of a span's degree (the span itself if unknown); do its spellings agree."""
    vocabulary = {d.abbreviation: d for d in degrees().degrees}
    known = [e for e in sorted(found, key=lambda e: -e.score) if e.rule.split(".")[2] in vocabulary]
    if not known:
        return text.strip(), text.strip(), "degree.unrecognised.v1", 0.5, True
    abbreviation = known[0].rule.split(".")[2]
    agree = all(e.rule.split(".")[2] == abbreviation for e in known)
    return abbreviation, vocabulary[abbreviation].names[0], known[0].rule, known[0].score, agree


@dataclass(frozen=True)
class Institution:
    """The awarding institution's name, and the spans it was read from (two when OCR split its printed line)."""

    name: str
    spans: tuple[Found, ...]
    unsure: bool = False
    """Words stood beyond a word space from the name on its row, or a field's cell ran into the next field's."""


def _institution(doc: DocText) -> Institution | None:
    """The first cell near the top of the record's first page naming a university, college, institute or school.

    A delivery service's cover page ("This cover page is not part of the transcript") is skipped, and an office
    after the name ("..., Office of the Registrar") or the record's title ("... Official Transcript") is not part
    of it; a street address ("12 University Ave") is not a name. Without such a heading, an `Institution:` field.
    A name that is only the kind ("University") takes the words printed beside it on its row (`_whole_row`).
    """
    covers = {line.page for line in doc.lines if COVER_PAGE.search(doc.slice(line.start, line.end))}
    record = [line for line in doc.lines if line.page not in covers]
    for line in record[:6]:
        for start, end in line.cell_spans():
            text = doc.slice(start, end)
            if (INSTITUTION.search(text) and ":" not in text and not re.match(r"\s*(?:office\b|\d)", text, re.I)):
                part, spaced = _spaced_part(doc, _name_only(doc, start, end, "transcript.institution.v1", 0.9))
                whole = _whole_row(doc, _name_only(doc, part.start, part.end, part.rule, part.score))
                return replace(whole, unsure=whole.unsure or spaced or _placed_on(whole.name) or _misread(doc, whole))
    for line in record:
        for label, value in label_segments(doc, line):
            if INSTITUTION_LABEL.fullmatch(label) and INSTITUTION.search(doc.slice(value.start, value.end)):
                value, cut = _before_next_field(doc, value)
                named = _name_only(doc, value.start, value.end, "transcript.institution_field.v1", 0.93)
                named, spaced = _spaced_part(doc, named)
                cut = cut or spaced
                whole = _whole_row(doc, named)
                return replace(whole, unsure=whole.unsure or cut or _placed_on(whole.name) or _misread(doc, whole))
    return None


def _misread(doc: DocText, institution: Institution) -> bool:
    """Whether a scan's word of the name is not shaped as a name's word, or was read unsurely.

    A name is written in words of letters (`NAME_WORD`); OCR's reading of a speck or of a word run into another
    ("ime} University") holds other marks, or comes with a low word confidence: a person checks the name.
    """
    words = [p for span in institution.spans for p in doc.words_in(span.start, span.end)]
    return any(p.word.source == "ocr" and (not NAME_WORD.fullmatch(p.word.text)
                                           or p.word.confidence < LOW_OCR_CONFIDENCE) for p in words)


def _placed_on(name: str) -> bool:
    """A name with a place written on after two commas ("Westbrook University, Harlow, OH").

    A campus or an address a person tells apart from the name ("University of Wisconsin, Madison" has one comma and
    is a name).
    """
    return name.count(",") >= 2


def _spaced_part(doc: DocText, found: Found) -> tuple[Found, bool]:
    """The run of a cell's words naming the institution, when the cell holds runs apart.

    Runs are words set further apart than a word space or parted by a mark ("State University    Main Campus",
    "The Graduate School | Westbrook University"). Which run is the name, and whether the others are its words, is
    not told by the page: the first run naming a kind of institution is kept, and a person checks it (True). A run
    after a dash that names no kind of institution may be the name's own campus ("University of Minnesota - Twin
    Cities"): it stays on the name, checked all the same.
    """
    words = doc.words_in(found.start, found.end)
    if len(words) < 2:
        return found, False
    space = _word_space(words)
    runs: list[list[Placed]] = [[]]
    marks: list[Placed] = []
    for previous, placed in zip([None, *words], words, strict=False):
        if _separator(placed):
            runs.append([])
            marks.append(placed)
            continue
        if previous is not None and runs[-1] and (placed.page != previous.page
                                                  or placed.word.bbox[0] - previous.word.bbox[2] > space):
            runs.append([])
            marks.append(placed)
        runs[-1].append(placed)
    if len(runs) < 2:
        return found, _widest_gap(words) > _word_space(words, SPACING_DOUBT)
    runs = _campus_joined(runs, marks)
    runs = [run for run in runs if run]
    if len(runs) < 2:
        return Found(max(found.start, runs[0][0].start), min(found.end, runs[0][-1].end), found.rule,
                     found.score) if runs else found, True
    named = next((run for run in runs if INSTITUTION.search(" ".join(p.word.text for p in run))), runs[0])
    return Found(max(found.start, named[0].start), min(found.end, named[-1].end), found.rule, found.score), True


def _separator(placed: Placed) -> bool:
    """A word that is a mark set between a heading's parts, not a word of a name (`SEPARATOR`, `OCR_SEPARATOR`)."""
    text = placed.word.text
    return bool(SEPARATOR.match(text)) or placed.word.source == "ocr" and text in OCR_SEPARATOR


def _campus_joined(runs: list[list[Placed]], marks: list[Placed]) -> list[list[Placed]]:
    """The runs, a run after a dash joined back to the one before it when it names no kind of institution.

    `marks[i]` is the word that began `runs[i + 1]` (the dash itself, or the run's first word after a gap).
    """
    joined = [runs[0]]
    for mark, run in zip(marks, runs[1:], strict=True):
        text = " ".join(p.word.text for p in run)
        if DASH.match(mark.word.text) and joined[-1] and run and not INSTITUTION.search(text):
            joined[-1] = [*joined[-1], mark, *run]
        else:
            joined.append(run)
    return joined


def _before_next_field(doc: DocText, value: Found) -> tuple[Found, bool]:
    """A field's value up to the next field's label its cell ran into ("University of   Student ID: 40421187").

    The value ends at the widest gap before the word ending in ':'; unless that gap is wider than a word space
    (a cell's edge), where the label begins is a guess, and the name is checked by a person (True).
    """
    words = doc.words_in(value.start, value.end)
    colon = next((i for i, p in enumerate(words) if i > 0 and p.word.text.endswith(":")), None)
    if colon is None:
        return value, False
    gaps = [(words[i + 1].word.bbox[0] - words[i].word.bbox[2], i) for i in range(colon)
            if words[i + 1].page == words[i].page]
    if not gaps:
        return Found(value.start, words[colon].start, value.rule, value.score), True
    widest, at = max(gaps)
    cut = Found(value.start, words[at].end, value.rule, value.score)
    return cut, widest <= _word_space(words[:colon + 1])


def _widest_gap(words: list[Placed]) -> float:
    """The widest gap between these words of one line (0 when there is none)."""
    return max([b.word.bbox[0] - a.word.bbox[2] for a, b in zip(words, words[1:], strict=False) if a.page == b.page],
               default=0.0)


def _word_space(words: list[Placed], step: dict[str, float] = SPACING_STEP) -> float:
    """The widest gap that is still a word space between these words of one line.

    That is `WORD_SPACE` of their height, or less when their own narrowest gap shows a tighter type (`SPACING_STEP`
    of it: a text layer sets a line's word spaces alike, so a third wider already parts two runs; OCR's boxes hug
    the letters, so its gaps vary more).
    """
    source = "ocr" if any(p.word.source == "ocr" for p in words) else "text"
    space = WORD_SPACE[source] * max(p.word.bbox[3] - p.word.bbox[1] for p in words)
    gaps = [b.word.bbox[0] - a.word.bbox[2] for a, b in zip(words, words[1:], strict=False) if a.page == b.page]
    if len(gaps) >= 2:
        space = min(space, max(step[source] * max(min(gaps), 0.0), 0.3 * space))
    return space


def _whole_row(doc: DocText, found: Found) -> Institution:
    """The name, and when it is only the kind ("University"), the words printed right beside it on the same row.

    A scan's tilt or a speck can split one printed line in two, so the words after the kind ("of Harlow") are
    read as a line of their own: they are the name's words if their middles lie within the kind's height, on its
    page, each within a word space of the last (to the right, or to the left: "Harlow University"), and set in the
    kind's type (`_same_type`). A word inside the kind's own box is a misreading of it, not a word beside it; a
    label ("Institution:"; a person checks a name that ran into one) or a separating mark ("|", "\u00b7") ends the
    row's name, and the office or the record's title joined on is trimmed off as from a heading's cell. A word
    further than a word space away may be another cell's ("Main Campus", "Est. 1961"): the name ends before it, and
    a person checks it. Still bare, the name is flagged by the item.
    """
    text = doc.slice(found.start, found.end)
    own = doc.words_in(found.start, found.end)
    if not _bare(text) or not own:
        return Institution(text, (found,))
    left, top, right, bottom = union([p.word.bbox for p in own])
    gap = ROW_GAP * (bottom - top)
    row = sorted((p for p in doc.words if p.page == own[0].page and p not in own
                  and top <= (p.word.bbox[1] + p.word.bbox[3]) / 2 <= bottom and _same_type(p, own)
                  and (p.word.bbox[2] <= left or p.word.bbox[0] >= right)), key=lambda p: p.word.bbox[0])
    space = _word_space(own) if len(own) > 2 else WORD_SPACE["ocr" if any(p.word.source == "ocr" for p in own)
                                                              else "text"] * (bottom - top)
    after: list[Placed] = []
    before: list[Placed] = []
    unsure = False
    for placed in row:
        if right <= placed.word.bbox[0] <= right + gap:
            if placed.word.text.endswith(":") or _separator(placed):
                unsure = unsure or bool(after) and placed.word.text.endswith(":")  # where the label begins is a guess
                break
            if placed.word.bbox[0] - right > space:
                unsure = True
                break
            after.append(placed)
            right = placed.word.bbox[2]
    for placed in reversed(row):
        if left - gap <= placed.word.bbox[2] <= left:
            if placed.word.text.endswith(":") or _separator(placed):
                break
            if left - placed.word.bbox[2] > space:
                unsure = True
                break
            before.insert(0, placed)
            left = placed.word.bbox[0]
    if not before and not after:
        return Institution(text, (found,), unsure)
    return replace(_joined(found, before, text, after), unsure=unsure)


def _same_type(placed: Placed, own: list[Placed]) -> bool:
    """A word set in the kind's own type: a caption in smaller type beside a letterhead is no part of its name.

    A text layer's boxes are the type's size, so they agree within a fifth; OCR boxes hug the letters (a word
    without capitals or descenders is shorter), so on a scan only a word under half the kind's height is set apart.
    """
    height = max(p.word.bbox[3] - p.word.bbox[1] for p in own)
    size = placed.word.bbox[3] - placed.word.bbox[1]
    if placed.word.source == "ocr" or any(p.word.source == "ocr" for p in own):
        return size >= 0.5 * height
    return abs(size - height) <= 0.2 * height


def _joined(found: Found, before: list[Placed], text: str, after: list[Placed]) -> Institution:
    """The kind with the row's words around it, without the office or the record's title they carried along."""
    parts = [(p.word.text, p) for p in before] + [(text, None)] + [(p.word.text, p) for p in after]
    name = " ".join(part for part, _p in parts)
    lead, end = _trim(name)
    spans: list[Found] = []
    offset = 0
    for part, placed in parts:
        if placed is not None and offset < end and offset + len(part) > lead:
            spans.append(Found(placed.start, placed.end, found.rule, found.score))
        offset += len(part) + 1
    return Institution(name[lead:end], (found, *spans))


def _name_only(doc: DocText, start: int, end: int, rule: str, score: float) -> Found:
    """An institution's cell without the office or the record title written beside the name."""
    lead, stop = _trim(doc.slice(start, end))
    return Found(start + lead, start + stop, rule, score)


def _trim(text: str) -> tuple[int, int]:
    """Where the name lies in a heading's text (its start and end offsets), the rest being no part of it.

    A street address after a comma ("..., 1200 Lake Road, Harlow"), the office written after the name ("..., Office
    of the Registrar") and the record's title before or after it ("Official Transcript - ...", "... Official
    Transcript") are trimmed off.
    """
    start = 0
    address = ADDRESS_AFTER.search(text)
    text = text[:address.start()] if address and INSTITUTION.search(text[:address.start()]) else text
    place = PLACE_AFTER.search(text)
    text = text[:place.start()] if place and INSTITUTION.search(text[:place.start()]) else text
    office = OFFICE_SUFFIX.search(text)
    text = text[:office.start()] if office and office.start() > 0 else text
    for title in RECORD_TITLE.finditer(text):
        if title.end() < len(text) and title.start() == 0 and INSTITUTION.search(text[title.end():]):
            start, text = start + title.end(), text[title.end():]
        elif title.start() > 0 and INSTITUTION.search(text[:title.start()]):
            text = text[:title.start()]
    return start, start + len(text.rstrip(" ;,+"))
