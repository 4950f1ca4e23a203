"""The former held-out v4 drawings (fixtures/layouts_heldout4.py, tune layouts 'holdout-v4' since session 6) print
every expected value legibly, on the pages they say.

Documents come from the project's own builders: the tune split's documents in 'holdout-v4' (t027-t030), and a
sweep over the layout's date and hours spellings and every worded value (relationship, endorsement level,
signed or not, passed or not, current or former job, official or holder's copy).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from fixtures import corpus, vocab
from fixtures.content import Document
from fixtures.corpus import LOG_HOURS, TRAINING_HOURS, V4_HELD_DATE_STYLES
from fixtures.documents import ENDORSEMENTS, RELATIONSHIPS, Builder
from fixtures.layouts import HOLDOUT_V4, drawing
from fixtures.layouts_heldout4 import HELD_OUT_4, LEVEL_WORDS, LOG_ROWS, RELATIONSHIP_WORDS


@dataclass
class Drawn:
    doc: Document
    pages: int
    """What the drawing returned."""
    page_texts: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.page_texts)

    @property
    def flat(self) -> str:
        return re.sub(r"\s+", " ", self.text)


def _sweep() -> list[Document]:
    """Documents in 'holdout-v4' across its spellings and worded values (another seed than the corpus)."""
    b = Builder("heldout4-sweep", bulk=True)
    docs: list[Document] = []
    paths = vocab.DEGREE_PATHS
    for i, style in enumerate(V4_HELD_DATE_STYLES["transcript"] * 3):
        degrees, year = [], 2001 + i
        for abbreviation, field, years in paths[i % len(paths)]:
            conferred = dt.date(year + years, 5 if i % 2 else 12, 10 + i)
            degrees.append(b.degree(abbreviation, field, year, conferred, courses_per_term=1 + i % 3))
            year = conferred.year + 1
        docs.append(b.transcript(f"h9{i:02d}", b.people.name(), degrees, official=i % 3 != 0, style=style,
                                 layout=HOLDOUT_V4))
    for i, hours in enumerate(TRAINING_HOURS[HOLDOUT_V4] * 2):
        style = V4_HELD_DATE_STYLES["training_certificate"][i % 3]
        docs.append(b.training(f"h9{i:02d}", 1, b.people.name(), layout=HOLDOUT_V4, hours_style=hours,
                               year=2021 + i % 5, date_style=style, ranged=i % 4 == 1))
    for i, hours in enumerate(LOG_HOURS[HOLDOUT_V4] * 2):
        style = V4_HELD_DATE_STYLES["supervision_log"][i % 2]
        docs.append(b.supervision_log(f"h9{i:02d}", b.people.name(), b.people.name(), dt.date(2023, 1 + i, 9),
                                      10 + 7 * i, layout=HOLDOUT_V4, hours_style=hours, date_style=style,
                                      total_off=0.5 * (i % 2), min_total=0.0))
    levels = list(ENDORSEMENTS)
    for i, relationship in enumerate(RELATIONSHIPS):
        style = V4_HELD_DATE_STYLES["reference_rating"][i % 3]
        docs.append(b.reference(f"h9{i:02d}", 1, b.people.name(), relationship, levels[i % len(levels)],
                                dt.date(2026, 1 + i, 3 + i), layout=HOLDOUT_V4, date_style=style))
    for i, style in enumerate(V4_HELD_DATE_STYLES["ethics_agreement"] * 2):
        docs.append(b.ethics(f"h9{i:02d}", b.people.name(), dt.date(2026, 2 + i, 11), style, layout=HOLDOUT_V4,
                             signed=i % 2 == 0))
    for i, style in enumerate(V4_HELD_DATE_STYLES["exam_result"] * 2):
        docs.append(b.exam(f"h9{i:02d}", b.people.name(), dt.date(2025, 3 + i, 12 + i), i % 2 == 1, style,
                           layout=HOLDOUT_V4))
    for i, style in enumerate(V4_HELD_DATE_STYLES["membership"] * 2):
        docs.append(b.membership(f"h9{i:02d}", b.people.name(), vocab.IMH_ASSOCIATIONS[i % 3],
                                 [dt.date(2026, 12, 31), dt.date(2027, 6, 30)][i % 2], layout=HOLDOUT_V4,
                                 date_style=style))
    for i, style in enumerate(V4_HELD_DATE_STYLES["employment_verification"] * 2):
        role, duties = vocab.ROLES_AND_DUTIES[i % len(vocab.ROLES_AND_DUTIES)]
        end = None if i % 2 else dt.date(2019 + i % 3, 11, 4 + i)
        docs.append(b.employment(f"h9{i:02d}", 1, b.people.name(), vocab.MORE_EMPLOYERS[i % 5], role,
                                 dt.date(2012 + i, 2 + i, 14), end, duties, dt.date(2026, 8, 1 + i),
                                 layout=HOLDOUT_V4, date_style=style))
    return docs


def _documents() -> list[Document]:
    held = [doc for candidate in corpus.bulk(7, "tune") for doc in candidate.documents if doc.layout == HOLDOUT_V4]
    return held + _sweep()


@cache
def _drawn(folder: str) -> list[Drawn]:
    out = []
    for k, doc in enumerate(_documents()):
        path = Path(folder) / f"{k:03d}-{doc.stem}.pdf"
        pages = drawing(doc.kind, HOLDOUT_V4)(doc, path)
        with pdfplumber.open(path) as pdf:
            out.append(Drawn(doc, pages, [page.extract_text() or "" for page in pdf.pages]))
    return out


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> list[Drawn]:
    return _drawn(str(tmp_path_factory.mktemp("heldout4")))


def _dates(iso: str) -> set[str]:
    """Every spelling the corpus uses for a date, and the ranges that end on it."""
    day = dt.date.fromisoformat(iso)
    spelled = {fmt(day) for fmt in vocab.DATE_STYLES.values()}
    return spelled | {vocab.span_text(day - dt.timedelta(days=k), day) for k in (1, 2, 3)}


def _hours(hours: float) -> set[str]:
    """The hours in every certificate and log spelling."""
    phrases = {vocab.hours_phrase(style, hours) for style in vocab.HOURS_STYLES}
    return phrases | {f"{hours:.1f}", f"{round(hours * 60)}", f"{int(hours)}:{round(hours % 1 * 60):02d}"}


def _shown(options: set[str], text: str) -> bool:
    return any(option in text for option in options)


def _line_with(drawn: Drawn, needle: str) -> str:
    lines = [line for line in drawn.text.splitlines() if needle in line]
    assert lines, (drawn.doc.stem, needle)
    return lines[0]


def _check(drawn: Drawn, item: dict[str, Any]) -> None:
    v, flat, stem = item["value"], drawn.flat, drawn.doc.stem
    match item["type"]:
        case "degree":
            for key in ("name", "field", "institution"):
                assert v[key] in flat, (stem, key)
            awards = [line for line in drawn.text.splitlines() if "Date of award" in line]
            assert any(_shown(_dates(v["conferred"]), line) for line in awards), stem
        case "training":
            assert v["title"] in flat and v["provider"] in flat, stem
            assert _shown(_dates(v["date"]), _line_with(drawn, "Attended")), stem
            assert _shown(_hours(v["hours"]), _line_with(drawn, "Credit")), stem
        case "supervision_session":
            pass  # rows are checked line by line in their own test
        case "supervision_total":
            total = _line_with(drawn, "Total")
            assert _shown(_hours(v["stated_total"]), total), stem
        case "reference":
            assert v["rater"] in flat and _shown(_dates(v["date"]), flat), stem
            assert f"The reference {RELATIONSHIP_WORDS[v['relationship']]}" in flat, stem
            assert f"The reference {LEVEL_WORDS[v['rater_level']]}" in flat, stem
        case "signature":
            assert _shown(_dates(v["date"]), flat), stem
            assert flat.count(v["signer"]) == (2 if v["signed"] else 1), stem
        case "exam":
            assert _shown(_dates(v["date"]), flat), stem
            assert ("has MET the passing standard" in flat) is v["passed"], stem
            assert ("has NOT MET the passing standard" in flat) is not v["passed"], stem
        case "membership":
            assert v["organization"] in flat, stem
            assert _shown({f"runs until {spelled}." for spelled in _dates(v["valid_through"])}, flat), stem
        case "employment":
            for key in ("employer", "role", "duties"):
                assert v[key] in flat, (stem, key)
            assert _shown(_dates(v["start"]), _line_with(drawn, "Employed from")), stem
            until = _line_with(drawn, "Employed until")
            assert _shown(_dates(v["end"]), until) if v["end"] else until.strip() == "Employed until", stem
            assert ("X Still employed here" in drawn.text) is (v["end"] is None), stem
        case other:
            raise AssertionError(f"no check for {other}")


def test_every_kind_is_drawn_from_the_corpus_and_the_sweep(drawn: list[Drawn]) -> None:
    assert {d.doc.kind for d in drawn} == set(HELD_OUT_4)
    assert {d.doc.kind for d in drawn if d.doc.split == "tune"} == set(HELD_OUT_4)


def test_every_expected_value_is_printed(drawn: list[Drawn]) -> None:
    for d in drawn:
        for item in d.doc.items:
            _check(d, item)


def test_pages_written_are_the_pages_in_the_file(drawn: list[Drawn]) -> None:
    for d in drawn:
        assert d.pages == len(d.page_texts), d.doc.stem
        if d.doc.kind == "supervision_log":
            sessions = sum(item["type"] == "supervision_session" for item in d.doc.items)
            assert d.pages == math.ceil(sessions / LOG_ROWS), d.doc.stem
    assert any(d.pages > 1 for d in drawn if d.doc.kind == "transcript")
    assert any(d.pages > 1 for d in drawn if d.doc.kind == "supervision_log")


def test_later_pages_repeat_the_heading(drawn: list[Drawn]) -> None:
    for d in drawn:
        if d.doc.kind == "transcript":
            assert all(f"Holder: {d.doc.content.student}" in page for page in d.page_texts), d.doc.stem  # type: ignore[union-attr]
        if d.doc.kind == "supervision_log":
            assert all("STATEMENT OF SERVICES" in page for page in d.page_texts), d.doc.stem


def test_log_rows_read_across_one_line(drawn: list[Drawn]) -> None:
    """Each session is one text line: its date, the service (individual or group) and who gave it, its time."""
    for d in drawn:
        if d.doc.kind != "supervision_log":
            continue
        lines = [line for line in d.text.splitlines() if re.match(r"\d", line)]
        sessions = [item["value"] for item in d.doc.items if item["type"] == "supervision_session"]
        assert len(lines) == len(sessions), d.doc.stem
        for line, session in zip(lines, sessions, strict=True):
            group = session["format"] == "group"
            assert _shown(_dates(session["date"]), line.split()[0]), (d.doc.stem, line)
            assert (f"led by {session['supervisor']}" if group else f"with {session['supervisor']}") in line
            assert ("Group" if group else "Individual") in line, (d.doc.stem, line)
            cell = re.search(rf"{re.escape(session['supervisor'])} (.+?) \$", line)
            assert cell and cell.group(1) in _hours(session["hours"]), (d.doc.stem, line)


def test_worded_values_cover_every_case(drawn: list[Drawn]) -> None:
    references = [d.doc.items[0]["value"] for d in drawn if d.doc.kind == "reference_rating"]
    assert {v["relationship"] for v in references} == set(RELATIONSHIPS)
    assert {v["rater_level"] for v in references} == set(ENDORSEMENTS)
    for kind, key, values in [("ethics_agreement", "signed", {True, False}), ("exam_result", "passed", {True, False})]:
        assert {d.doc.items[0]["value"][key] for d in drawn if d.doc.kind == kind} == values, kind
    assert {d.doc.items[0]["value"]["end"] is None for d in drawn if d.doc.kind == "employment_verification"} == {
        True, False}


def test_holders_copies_say_so_and_certified_ones_do_not(drawn: list[Drawn]) -> None:
    transcripts = [d for d in drawn if d.doc.kind == "transcript"]
    assert {d.doc.official for d in transcripts} == {True, False}
    for d in transcripts:
        assert ("HOLDER'S COPY - NOT AN OFFICIAL RECORD" in d.text) is (not d.doc.official), d.doc.stem
