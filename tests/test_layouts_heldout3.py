"""The former held-out v3 drawings (fixtures/layouts_heldout3.py, tune layouts 'holdout-v3' since session 6) print
every expected value legibly, on the pages they say.

Documents come from the project's own builders: the tune split's documents in 'holdout-v3', and a
sweep over the layout's date and hours spellings and every worded value (relationship, endorsement level,
signed or not, passed or not, current or former job, official or student copy).
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
from fixtures.corpus import LOG_HOURS, TRAINING_HOURS, V3_HELD_DATE_STYLES
from fixtures.documents import ENDORSEMENTS, RELATIONSHIPS, Builder
from fixtures.layouts import HOLDOUT_V3, drawing
from fixtures.layouts_heldout3 import HELD_OUT_3, LEVEL_BOXES, LOG_ROWS, RELATIONSHIP_BOXES


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
    """Documents in 'holdout-v3' across its spellings and worded values (another seed than the corpus)."""
    b = Builder("heldout3-sweep", bulk=True)
    docs: list[Document] = []
    paths = vocab.DEGREE_PATHS
    for i, style in enumerate(V3_HELD_DATE_STYLES["transcript"] * 3):
        degrees, year = [], 2001 + i
        for abbreviation, field, years in paths[i % len(paths)]:
            conferred = dt.date(year + years, 5 if i % 2 else 12, 10 + i)
            degrees.append(b.degree(abbreviation, field, year, conferred, courses_per_term=1 + i % 3))
            year = conferred.year + 1
        docs.append(b.transcript(f"h9{i:02d}", b.people.name(), degrees, official=i % 3 != 0, style=style,
                                 layout=HOLDOUT_V3))
    for i, hours in enumerate(TRAINING_HOURS[HOLDOUT_V3] * 2):
        style = V3_HELD_DATE_STYLES["training_certificate"][i % 3]
        docs.append(b.training(f"h9{i:02d}", 1, b.people.name(), layout=HOLDOUT_V3, hours_style=hours,
                               year=2021 + i % 5, date_style=style, ranged=i % 4 == 1))
    for i, hours in enumerate(LOG_HOURS[HOLDOUT_V3] * 2):
        style = V3_HELD_DATE_STYLES["supervision_log"][i % 2]
        docs.append(b.supervision_log(f"h9{i:02d}", b.people.name(), b.people.name(), dt.date(2023, 1 + i, 9),
                                      10 + 7 * i, layout=HOLDOUT_V3, hours_style=hours, date_style=style,
                                      total_off=0.5 * (i % 2), min_total=0.0))
    levels = list(ENDORSEMENTS)
    for i, relationship in enumerate(RELATIONSHIPS):
        style = V3_HELD_DATE_STYLES["reference_rating"][i % 3]
        docs.append(b.reference(f"h9{i:02d}", 1, b.people.name(), relationship, levels[i % len(levels)],
                                dt.date(2026, 1 + i, 3 + i), layout=HOLDOUT_V3, date_style=style))
    for i, style in enumerate(V3_HELD_DATE_STYLES["ethics_agreement"] * 2):
        docs.append(b.ethics(f"h9{i:02d}", b.people.name(), dt.date(2026, 2 + i, 11), style, layout=HOLDOUT_V3,
                             signed=i % 2 == 0))
        docs.append(b.exam(f"h9{i:02d}", b.people.name(), dt.date(2025, 3 + i, 12 + i), i % 2 == 1, style,
                           layout=HOLDOUT_V3))
    for i, style in enumerate(V3_HELD_DATE_STYLES["membership"] * 2):
        docs.append(b.membership(f"h9{i:02d}", b.people.name(), vocab.IMH_ASSOCIATIONS[i % 3],
                                 [dt.date(2026, 12, 31), dt.date(2027, 6, 30)][i % 2], layout=HOLDOUT_V3,
                                 date_style=style))
    for i, style in enumerate(V3_HELD_DATE_STYLES["employment_verification"] * 2):
        role, duties = vocab.ROLES_AND_DUTIES[i % len(vocab.ROLES_AND_DUTIES)]
        end = None if i % 2 else dt.date(2019 + i % 3, 11, 4 + i)
        docs.append(b.employment(f"h9{i:02d}", 1, b.people.name(), vocab.MORE_EMPLOYERS[i % 5], role,
                                 dt.date(2012 + i, 2 + i, 14), end, duties, dt.date(2026, 8, 1 + i),
                                 layout=HOLDOUT_V3, date_style=style))
    return docs


def _documents() -> list[Document]:
    held = [doc for candidate in corpus.bulk(7, "tune") for doc in candidate.documents if doc.layout == HOLDOUT_V3]
    return held + _sweep()


@cache
def _drawn(folder: str) -> list[Drawn]:
    out = []
    for k, doc in enumerate(_documents()):
        path = Path(folder) / f"{k:03d}-{doc.stem}.pdf"
        pages = drawing(doc.kind, HOLDOUT_V3)(doc, path)
        with pdfplumber.open(path) as pdf:
            out.append(Drawn(doc, pages, [page.extract_text() or "" for page in pdf.pages]))
    return out


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> list[Drawn]:
    return _drawn(str(tmp_path_factory.mktemp("heldout3")))


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
            assert _shown(_dates(v["conferred"]), flat), stem
        case "training":
            assert v["title"] in flat and v["provider"] in flat, stem
            assert _shown(_dates(v["date"]), flat) and _shown(_hours(v["hours"]), flat), stem
        case "supervision_session":
            pass  # rows are checked line by line in their own test
        case "supervision_total":
            total = _line_with(drawn, "Total")
            assert _shown(_hours(v["stated_total"]), total), stem
        case "reference":
            assert v["rater"] in flat and _shown(_dates(v["date"]), flat), stem
        case "signature":
            assert _shown(_dates(v["date"]), flat), stem
            assert flat.count(v["signer"]) == (2 if v["signed"] else 1), stem
        case "exam":
            assert _shown(_dates(v["date"]), flat), stem
            assert ("Completed - Passed" in flat) is v["passed"], stem
        case "membership":
            assert v["organization"] in flat and _shown(_dates(v["valid_through"]), flat), stem
        case "employment":
            for key in ("employer", "role", "duties"):
                assert v[key] in flat, (stem, key)
            assert _shown(_dates(v["start"]), flat), stem
            assert _shown(_dates(v["end"]), flat) if v["end"] else "Still employed" in flat, stem
        case other:
            raise AssertionError(f"no check for {other}")


def test_every_kind_is_drawn_from_the_corpus_and_the_sweep(drawn: list[Drawn]) -> None:
    assert {d.doc.kind for d in drawn} == set(HELD_OUT_3)
    assert {d.doc.kind for d in drawn if d.doc.split == "tune"} == set(HELD_OUT_3)


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
            assert all(d.doc.content.student in page for page in d.page_texts), d.doc.stem  # type: ignore[union-attr]
        if d.doc.kind == "supervision_log":
            assert all("Documentation Form" in page for page in d.page_texts), d.doc.stem


def test_log_rows_read_across_one_line(drawn: list[Drawn]) -> None:
    """Each session is one text line: its date, hours, individual or group, and supervisor."""
    for d in drawn:
        if d.doc.kind != "supervision_log":
            continue
        lines = [line for line in d.text.splitlines() if re.match(r"\d", line)]
        sessions = [item["value"] for item in d.doc.items if item["type"] == "supervision_session"]
        assert len(lines) == len(sessions), d.doc.stem
        for line, session in zip(lines, sessions, strict=True):
            assert _shown(_dates(session["date"]), line.split()[0]), (d.doc.stem, line)
            assert session["supervisor"] in line, (d.doc.stem, line)
            assert ("Grp" if session["format"] == "group" else "Indiv") in line, (d.doc.stem, line)
            cell = re.match(r"\S+\s+(?:\S+ [AP]M-\S+ [AP]M\s+)?(.+?)\s+(?:Indiv|Grp)\b", line)
            assert cell and cell.group(1) in _hours(session["hours"]), (d.doc.stem, line)


def test_reference_ticks_the_relationship_and_the_level_it_was_built_with(drawn: list[Drawn]) -> None:
    relationships, levels = dict(RELATIONSHIP_BOXES), dict(LEVEL_BOXES)
    for d in drawn:
        if d.doc.kind != "reference_rating":
            continue
        value = d.doc.items[0]["value"]
        ticked = [line for line in d.text.splitlines() if line.startswith("X ")]
        assert ticked[:2] == [f"X {relationships[value['relationship']]}", f"X {levels[value['rater_level']]}"]
    seen = {(d.doc.items[0]["value"]["relationship"], d.doc.items[0]["value"]["rater_level"])
            for d in drawn if d.doc.kind == "reference_rating"}
    assert {r for r, _ in seen} == set(RELATIONSHIPS) and {lv for _, lv in seen} == set(ENDORSEMENTS)


def test_student_copies_say_so_and_official_records_do_not(drawn: list[Drawn]) -> None:
    transcripts = [d for d in drawn if d.doc.kind == "transcript"]
    assert {d.doc.official for d in transcripts} == {True, False}
    for d in transcripts:
        assert ("STUDENT COPY" in d.text) is (not d.doc.official), d.doc.stem
