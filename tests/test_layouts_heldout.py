"""The second held-out layouts, tune layouts `holdout-v2` now: every expected value printed readably, the right
pages, clean pages.

Documents come from the corpus's own builders: the `holdout-v2` tune documents `corpus.bulk` makes today
(t015-t018, with the spellings they had as the held-out set), and more built the way it builds them, in every
date spelling and every hours spelling.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pytest

from fixtures import corpus, vocab
from fixtures.content import Document
from fixtures.corpus import HELD_OUT_SEED_OFFSET, LOG_HOURS, TRAINING_HOURS
from fixtures.documents import RELATIONSHIPS, Builder, _hours_line, _log_hours
from fixtures.layouts import HOLDOUT_V2, LAYOUTS
from fixtures.layouts_heldout import DESCRIPTIONS, HELD_OUT_2, _credit, shifted, spelled

SEED = 7 + HELD_OUT_SEED_OFFSET
STYLES = list(vocab.DATE_STYLES)
RELATIONSHIP_WORDS = {"program_supervisor": "program supervisor", "rsc_provider": "reflective supervision",
                      "supervisee": "supervisee", "colleague": "colleague", "student": "student",
                      "department_chair": "chair"}
UNOFFICIAL = re.compile(r"unofficial|issued to student|student copy|not (valid as )?an? official", re.I)


@dataclass
class Drawn:
    """A document drawn with its second held-out layout, and what pdfplumber reads back."""

    doc: Document
    style: str | None
    """The date spelling the builder was given (None: whatever the corpus chose)."""
    returned: int
    pages: list[str]
    words: list[list[dict[str, Any]]]

    @property
    def text(self) -> str:
        return " ".join(" ".join(page.split()) for page in self.pages)


def _draw(doc: Document, folder: Path, style: str | None = None) -> Drawn:
    path = folder / f"{doc.stem}-{style or 'corpus'}.pdf"
    returned = HELD_OUT_2[doc.kind](doc, path)
    with pdfplumber.open(path) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
        words = [page.extract_words() for page in pdf.pages]
        _check_page_geometry(pdf, words, doc.stem)
    _check_renders(path)
    return Drawn(doc, style, returned, pages, words)


def _check_page_geometry(pdf: pdfplumber.PDF, page_words: list[list[dict[str, Any]]], stem: str) -> None:
    """Every character at least 18 pt inside the page; no two words overlap."""
    for number, (page, found) in enumerate(zip(pdf.pages, page_words, strict=True), start=1):
        for ch in page.chars:
            assert 18 <= ch["x0"] and ch["x1"] <= page.width - 18, (stem, number, ch["text"])
            assert 18 <= ch["top"] and ch["bottom"] <= page.height - 18, (stem, number, ch["text"])
        words = sorted(found, key=lambda w: w["top"])
        for i, a in enumerate(words):
            for b in words[i + 1:]:
                if b["top"] >= a["bottom"] - 1:
                    break
                across = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
                down = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
                assert across <= 1 or down <= 1, (stem, number, a["text"], b["text"])


def _check_renders(path: Path) -> None:
    pdf = pdfium.PdfDocument(str(path))
    try:
        image = pdf[0].render(scale=1).to_pil().convert("L")
        assert sum(value < 160 for value in image.getdata()) > 2000  # text was drawn, not a blank page
    finally:
        pdf.close()


# --- documents, built as corpus.bulk builds them --------------------------------------------------


def _builder(tag: str) -> Builder:
    b = Builder(f"{SEED}:held_out:{tag}", bulk=True)
    b.split = "held_out"
    return b


def _transcripts(i: int, style: str) -> list[Document]:
    b, docs = _builder(f"transcript:{style}"), []
    for n, path in enumerate((vocab.DEGREE_PATHS[i % 9], vocab.DEGREE_PATHS[(i + 4) % 9])):
        year, degrees = 2000 + i, []
        for abbreviation, field, years in path:
            december = n == 1
            conferred = vocab.day_in(b.rng, year + years - december, 12 if december else 5, 2, 20)
            degrees.append(b.degree(abbreviation, field, year, conferred, courses_per_term=1 + n))
            year = conferred.year + december
        docs.append(b.transcript(f"h9{i}{n}", b.people.name(), degrees, official=n == 0, style=style,
                                 layout=HOLDOUT_V2))
    return docs


def _trainings(i: int, style: str) -> list[Document]:
    b = _builder(f"training:{style}")
    return [b.training(f"h9{i}{n}", n, b.people.name(), layout=HOLDOUT_V2, hours_style=hours, year=2021 + i % 5,
                       date_style=style, ranged=n == 1)
            for n, hours in enumerate(vocab.HOURS_STYLES) if n % len(STYLES) == i or n == i % 2]


def _log(i: int, style: str) -> list[Document]:
    b = _builder(f"log:{style}")
    hours = ["minutes", "colon", "decimal", "hrs"][i % 4]
    return [b.supervision_log(f"h9{i}{n}", b.people.name(), b.people.name(), dt.date(2024, 1 + i, 10), rows,
                              layout=HOLDOUT_V2, hours_style=hours, date_style=style, total_off=1.5 * n,
                              min_total=0.0) for n, rows in enumerate((10, 16 + 2 * i))]


def _forms(i: int, style: str) -> list[Document]:
    b, name, day = _builder(f"forms:{style}"), f"{vocab.FIRST_NAMES[i]} {vocab.LAST_NAMES[i]}", dt.date(2026, 3, 9)
    relationship, level = list(RELATIONSHIPS)[i % 6], ["IV", "III", "II", None][i % 4]
    role, duties = vocab.ROLES_AND_DUTIES[i % 6]
    return [
        b.reference("h900", 1, name, relationship, level, day + dt.timedelta(days=40 * i), layout=HOLDOUT_V2,
                    date_style=style),
        b.ethics("h900", name, day, style, layout=HOLDOUT_V2, signed=i % 2 == 0),
        b.exam("h900", name, day - dt.timedelta(days=30 * i), i % 3 != 1, style, layout=HOLDOUT_V2),
        b.membership("h900", name, vocab.IMH_ASSOCIATIONS[i % 3], dt.date(2026 + i % 2, 6 * (1 + i % 2), 30),
                     layout=HOLDOUT_V2, date_style=style),
        b.employment("h900", 1, name, vocab.MORE_EMPLOYERS[i % 5], role, dt.date(2012 + i, 1 + i, 3 + i),
                     None if i % 2 else dt.date(2018 + i, 12 - i, 20), duties, day, layout=HOLDOUT_V2,
                     date_style=style),
    ]


@cache
def _corpus_v2() -> list[Document]:
    return [doc for candidate in corpus.bulk(7, "tune") for doc in candidate.documents if doc.layout == HOLDOUT_V2]


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> list[Drawn]:
    folder = tmp_path_factory.mktemp("held-out-2")
    result = [_draw(doc, folder) for doc in _corpus_v2()]
    for i, style in enumerate(STYLES):
        for make in (_transcripts, _trainings, _log, _forms):
            result += [_draw(doc, folder, style) for doc in make(i, style)]
    return result


# --- the checker: each expected value somewhere on the pages, in some spelling --------------------


def _date_printed(text: str, iso: str, style: str | None) -> bool:
    """The date in the spelling the builder was given, or (a range, or the corpus's choice) any spelling."""
    day = dt.date.fromisoformat(iso)
    if style is not None and vocab.DATE_STYLES[style](day) in text:
        return True
    span = rf"{day:%B} \d{{1,2}}\s*-\s*{day.day}, {day.year}|- {day:%B} {day.day}, {day.year}"
    return (style is None and any(fmt(day) in text for fmt in vocab.DATE_STYLES.values())) or bool(
        re.search(span, text))


NAMED = ("institution", "title", "provider", "rater", "signer", "organization", "employer", "role", "duties", "field",
         "supervisor")
DATED = ("conferred", "date", "valid_through", "start")


def _problems(d: Drawn) -> list[str]:
    """The expected values (as 'type.key') that the pages do not show."""
    text, missing = d.text, []
    for item in d.doc.items:
        v, kind = item["value"], item["type"]
        missing += [f"{kind}.{key}" for key in NAMED if key in v and v[key] not in text]
        missing += [f"{kind}.{key}" for key in DATED if key in v
                    and not _date_printed(text, v[key], None if kind == "training" else d.style)]
        missing += [f"{kind}.{key}" for key, ok in _readings(d, kind, v).items() if not ok]
    if d.doc.kind == "transcript" and bool(UNOFFICIAL.search(text)) is d.doc.official:
        missing.append("official")
    return missing


def _readings(d: Drawn, kind: str, v: dict[str, Any]) -> dict[str, bool]:
    """Whether the values a layout words its own way read as the item says."""
    text, low = d.text, d.text.lower()
    match kind:
        case "degree":
            dotted = vocab.DEGREE_NAMES[v["abbreviation"]][1]
            return {"name": v["name"] in text or re.search(rf"\b{re.escape(dotted)}", text) is not None}
        case "training":
            return {"hours": any(vocab.hours_phrase(s, v["hours"]) in text for s in vocab.HOURS_STYLES)}
        case "reference":
            words = RELATIONSHIP_WORDS[v["relationship"]]
            others = [w for k, w in RELATIONSHIP_WORDS.items() if k != v["relationship"] and w not in words]
            levels = set(re.findall(r"Level (I+V?)\b", text))
            return {"relationship": words in low and not any(w in low for w in others),
                    "rater_level": levels == ({v["rater_level"]} if v["rater_level"] else set())}
        case "exam":
            return {"passed": bool(re.search(r"not pass", text, re.I)) is not v["passed"]}
        case "employment":
            return {"end": _date_printed(text, v["end"], d.style) if v["end"] else "currently employed" in low}
    return {}


def test_every_expected_value_is_printed(drawn: list[Drawn]) -> None:
    assert {d.doc.kind for d in drawn} == set(LAYOUTS)
    for d in drawn:
        assert _problems(d) == [], (d.doc.stem, d.style)


def test_pages_written_are_the_pages_in_the_file(drawn: list[Drawn]) -> None:
    for d in drawn:
        assert d.returned == len(d.pages), d.doc.stem
        if d.doc.kind not in ("transcript", "supervision_log"):
            assert d.returned == 1, d.doc.stem
    long_transcripts = [d for d in drawn if d.doc.kind == "transcript" and d.returned > 1]
    assert long_transcripts
    for d in long_transcripts:  # each continuation page names the student again
        assert all(d.doc.content.student in page for page in d.pages), d.doc.stem  # type: ignore[union-attr]


def _lines(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Words grouped into text lines by their top edge."""
    lines: dict[int, list[dict[str, Any]]] = {}
    for word in words:
        lines.setdefault(round(word["top"]), []).append(word)
    return [sorted(line, key=lambda w: w["x0"]) for _, line in sorted(lines.items())]


def _session_line(d: Drawn, spelled_date: str) -> tuple[int, list[dict[str, Any]]]:
    found = [(number, line) for number, page in enumerate(d.words) for line in _lines(page)
             if re.search(rf"(?<![\w/-]){re.escape(spelled_date)}(?![\w/-])", " ".join(w["text"] for w in line))]
    assert len(found) == 1, (d.doc.stem, spelled_date)
    return found[0]


def test_log_rows_read_across_one_line_with_the_type_under_its_column(drawn: list[Drawn]) -> None:
    logs = [d for d in drawn if d.doc.kind == "supervision_log"]
    assert any(d.returned >= 2 for d in logs) and any(d.returned == 1 for d in logs)
    for d in logs:
        rows = d.doc.content.rows  # type: ignore[union-attr]
        sessions = [item["value"] for item in d.doc.items if item["type"] == "supervision_session"]
        for (shown, _, hours, who), session in zip(rows, sessions, strict=True):
            number, line = _session_line(d, shown)
            columns = {w["text"]: w["x0"] for w in d.words[number] if w["text"] in ("Individual", "Group")}
            text = " ".join(w["text"] for w in line)
            assert who in text and (f"{hours} min" if hours.isdigit() else hours) in text, (d.doc.stem, text)
            tick = [w["x0"] for w in line if w["text"] == "X"]
            nearest = min(columns, key=lambda name: abs(columns[name] - tick[0]))
            assert len(tick) == 1 and nearest == session["format"].capitalize(), (d.doc.stem, text)


def test_log_header_on_every_page_and_the_total_on_the_last(drawn: list[Drawn]) -> None:
    for d in (d for d in drawn if d.doc.kind == "supervision_log"):
        log = d.doc.content
        stated = [item["value"]["stated_total"] for item in d.doc.items if item["type"] == "supervision_total"][0]
        assert all(log.supervisee in page and "Session date" in page for page in d.pages)  # type: ignore[union-attr]
        with_total = [n for n, page in enumerate(d.pages) if re.search(r"\btotal\b", page, re.I)]
        assert with_total == [len(d.pages) - 1], d.doc.stem
        total_line = next(line for line in d.pages[-1].splitlines() if re.search(r"\bTOTAL\b", line))
        spellings = {f"{round(stated * 60)} min", *(_log_hours(s, stated) for s in ("colon", "decimal", "hrs"))}
        assert any(spelling in total_line for spelling in spellings), (d.doc.stem, total_line)


def test_a_signed_agreement_shows_a_signature_the_unsigned_twin_lacks(tmp_path: Path) -> None:
    counts = []
    for signed in (True, False):
        doc = _builder("signature").ethics("h900", "Wren Ellery", dt.date(2026, 4, 2), "us", layout=HOLDOUT_V2,
                                           signed=signed)
        counts.append(_draw(doc, tmp_path, f"signed-{signed}").text.count("Wren Ellery"))
    assert counts[0] == counts[1] + 1


def test_every_layout_has_distractor_dates(drawn: list[Drawn]) -> None:
    """Each page set spells at least one date that is not an expected item's date."""
    for d in drawn:
        expected = {v[key] for item in d.doc.items for key in ("date", "conferred", "valid_through", "start", "end")
                    if isinstance(v := item["value"], dict) and v.get(key)}
        days = {found[0].isoformat() for token in _date_tokens(d.text) if (found := spelled(token))}
        assert days - expected, d.doc.stem


def _date_tokens(text: str) -> list[str]:
    pattern = (r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{2}-[A-Z]{3}-\d{4}|\d{1,2} [A-Z][a-z]+ \d{4}"
               r"|[A-Z][a-z]+ \d{1,2}, \d{4}")
    return re.findall(pattern, text)


@pytest.mark.parametrize("style", STYLES)
def test_spelled_reads_back_each_builder_spelling(style: str) -> None:
    for day in (dt.date(2012, 5, 5), dt.date(2026, 12, 31), dt.date(2009, 9, 1)):
        text = vocab.DATE_STYLES[style](day)
        found = spelled(text)
        assert found is not None and found[0] == day and found[1](day) == text
        assert spelled(shifted(text, 10)) is not None and shifted(text, 10) == vocab.DATE_STYLES[style](
            day + dt.timedelta(days=10))
    assert spelled("June 6-7, 2026") is None and shifted("June 6-7, 2026", 3) == ""


@pytest.mark.parametrize("layout", sorted(set(TRAINING_HOURS) | {"ce-record"}))
@pytest.mark.parametrize("hours_style", vocab.HOURS_STYLES)
def test_the_hours_phrase_survives_every_layouts_hours_line(layout: str, hours_style: str) -> None:
    phrase = vocab.hours_phrase(hours_style, 2.5 if hours_style != "ceu" else 6.0)
    _, shown = _credit(_hours_line(layout, hours_style, phrase))
    assert shown == phrase or (shown.split()[0] == phrase.split()[0] and "contact" in shown)


def test_the_v2_spellings_are_all_covered() -> None:
    assert set(TRAINING_HOURS[HOLDOUT_V2]) <= set(vocab.HOURS_STYLES)
    assert set(LOG_HOURS[HOLDOUT_V2]) <= {"minutes", "colon", "decimal", "hrs"}


def test_every_kind_has_a_layout_and_a_general_description() -> None:
    assert set(HELD_OUT_2) == set(DESCRIPTIONS) == set(LAYOUTS)
    for text in DESCRIPTIONS.values():
        assert 40 < len(text) < 240 and "\n" not in text
