"""The held-out v5 drawings (fixtures/layouts_heldout5.py) print every expected value legibly, on the pages they say.

Documents come from the project's own builders: the held-out split's documents in the held-out layout, and a
sweep over each kind's held-out date and hours spellings and every worded value (relationship, endorsement level,
signed or not, passed or not, current or former job, certified or advising copy).
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
from fixtures.corpus import HELD_OUT_DATE_STYLES, LOG_HOURS, TRAINING_HOURS
from fixtures.documents import ENDORSEMENTS, RELATIONSHIPS, Builder
from fixtures.layouts import HELD_OUT, drawing
from fixtures.layouts_heldout5 import HELD_OUT_5, LEVEL_ANSWERS, LOG_ROWS, RELATIONSHIP_ANSWERS


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
    """Documents in the held-out layout across its spellings and worded values (another seed than the corpus)."""
    b = Builder("heldout5-sweep", bulk=True)
    docs: list[Document] = []
    paths = vocab.DEGREE_PATHS
    for i, style in enumerate(HELD_OUT_DATE_STYLES["transcript"] * 3):
        degrees, year = [], 2001 + i
        for abbreviation, field, years in paths[i % len(paths)]:
            conferred = dt.date(year + years, 5 if i % 2 else 12, 10 + i)
            degrees.append(b.degree(abbreviation, field, year, conferred, courses_per_term=1 + i % 3))
            year = conferred.year + 1
        docs.append(b.transcript(f"h9{i:02d}", b.people.name(), degrees, official=i % 3 != 0, style=style,
                                 layout=HELD_OUT))
    for i, hours in enumerate(TRAINING_HOURS[HELD_OUT] * 2):
        style = HELD_OUT_DATE_STYLES["training_certificate"][i % 3]
        docs.append(b.training(f"h9{i:02d}", 1, b.people.name(), layout=HELD_OUT, hours_style=hours,
                               year=2021 + i % 5, date_style=style, ranged=i % 4 == 1))
    for i, hours in enumerate(LOG_HOURS[HELD_OUT] * 2):
        style = HELD_OUT_DATE_STYLES["supervision_log"][i % 3]
        docs.append(b.supervision_log(f"h9{i:02d}", b.people.name(), b.people.name(), dt.date(2023, 1 + i, 9),
                                      10 + 7 * i, layout=HELD_OUT, hours_style=hours, date_style=style,
                                      total_off=0.5 * (i % 2), min_total=0.0))
    levels = list(ENDORSEMENTS)
    for i, relationship in enumerate(RELATIONSHIPS):
        style = HELD_OUT_DATE_STYLES["reference_rating"][i % 3]
        docs.append(b.reference(f"h9{i:02d}", 1, b.people.name(), relationship, levels[i % len(levels)],
                                dt.date(2026, 1 + i, 3 + i), layout=HELD_OUT, date_style=style))
    for i, style in enumerate(HELD_OUT_DATE_STYLES["ethics_agreement"] * 2):
        docs.append(b.ethics(f"h9{i:02d}", b.people.name(), dt.date(2026, 2 + i, 11), style, layout=HELD_OUT,
                             signed=i % 2 == 0))
    for i, style in enumerate(HELD_OUT_DATE_STYLES["exam_result"] * 2):
        docs.append(b.exam(f"h9{i:02d}", b.people.name(), dt.date(2025, 3 + i, 12 + i), i % 2 == 1, style,
                           layout=HELD_OUT))
    for i, style in enumerate(HELD_OUT_DATE_STYLES["membership"] * 2):
        docs.append(b.membership(f"h9{i:02d}", b.people.name(), vocab.IMH_ASSOCIATIONS[i % 3],
                                 [dt.date(2026, 12, 31), dt.date(2027, 6, 30)][i % 2], layout=HELD_OUT,
                                 date_style=style))
    for i, style in enumerate(HELD_OUT_DATE_STYLES["employment_verification"] * 2):
        role, duties = vocab.ROLES_AND_DUTIES[i % len(vocab.ROLES_AND_DUTIES)]
        end = None if i % 2 else dt.date(2019 + i % 3, 11, 4 + i)
        docs.append(b.employment(f"h9{i:02d}", 1, b.people.name(), vocab.MORE_EMPLOYERS[i % 5], role,
                                 dt.date(2012 + i, 2 + i, 14), end, duties, dt.date(2026, 8, 1 + i),
                                 layout=HELD_OUT, date_style=style))
    return docs


def _documents() -> list[Document]:
    held = [doc for candidate in corpus.bulk(7, "held_out") for doc in candidate.documents if doc.layout == HELD_OUT]
    return held + _sweep()


@cache
def _drawn(folder: str) -> list[Drawn]:
    out = []
    for k, doc in enumerate(_documents()):
        path = Path(folder) / f"{k:03d}-{doc.stem}.pdf"
        pages = drawing(doc.kind, HELD_OUT)(doc, path)
        with pdfplumber.open(path) as pdf:
            out.append(Drawn(doc, pages, [page.extract_text() or "" for page in pdf.pages]))
    return out


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> list[Drawn]:
    return _drawn(str(tmp_path_factory.mktemp("heldout5")))


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
            awards = [line for line in drawn.text.splitlines() if line.startswith("awarded ")]
            assert any(_shown(_dates(v["conferred"]), line) for line in awards), stem
        case "training":
            assert v["title"] in flat and v["provider"] in flat, stem
            assert _shown(_dates(v["date"]), _line_with(drawn, "Date(s) of attendance")), stem
            assert _shown(_hours(v["hours"]), _line_with(drawn, "CE credit verified")), stem
        case "supervision_session":
            pass  # rows are checked line by line in their own test
        case "supervision_total":
            assert _shown(_hours(v["stated_total"]), _line_with(drawn, "Sum of contact time")), stem
        case "reference":
            assert v["rater"] in flat and _shown(_dates(v["date"]), _line_with(drawn, "Date you completed")), stem
            assert RELATIONSHIP_ANSWERS[v["relationship"]] in flat, stem
            assert LEVEL_ANSWERS[v["rater_level"]] in flat, stem
        case "signature":
            assert _shown(_dates(v["date"]), flat), stem
            assert flat.count(v["signer"]) == (2 if v["signed"] else 1), stem
        case "exam":
            assert _shown(_dates(v["date"]), _line_with(drawn, "Examined on")), stem
            outcome = "SUCCESSFUL - passed" if v["passed"] else "UNSUCCESSFUL - not passed"
            assert _line_with(drawn, "Outcome") == f"Outcome {outcome}", stem
        case "membership":
            assert v["organization"] in flat, stem
            assert _shown(_dates(v["valid_through"]), _line_with(drawn, "Dues paid through")), stem
        case "employment":
            _check_employment(flat, v, stem)
        case other:
            raise AssertionError(f"no check for {other}")


def _check_employment(flat: str, v: dict[str, Any], stem: str) -> None:
    """Employer, role and duties in the letter; the start in the sentence that names the role; the end or 'still'."""
    for key in ("employer", "role", "duties"):
        assert v[key] in flat, (stem, key)
    began = {f"began work with {v['employer']} on {s} in the role of {v['role']}." for s in _dates(v["start"])}
    assert _shown(began, flat), stem
    if v["end"]:
        assert _shown({f"last day in that role was {s}." for s in _dates(v["end"])}, flat), stem
    else:
        assert "is still on our staff in that role." in flat, stem


def test_every_kind_is_drawn_from_the_corpus_and_the_sweep(drawn: list[Drawn]) -> None:
    assert {d.doc.kind for d in drawn} == set(HELD_OUT_5)
    assert {d.doc.kind for d in drawn if d.doc.split == "held_out"} == set(HELD_OUT_5)


def test_held_out_draws_the_v5_drawings() -> None:
    assert all(drawing(kind, HELD_OUT) is draw for kind, draw in HELD_OUT_5.items())


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
        elif d.doc.kind != "transcript":
            assert d.pages == 1, d.doc.stem
    assert any(d.pages > 1 for d in drawn if d.doc.kind == "transcript")
    assert any(d.pages > 1 for d in drawn if d.doc.kind == "supervision_log")


def test_later_pages_repeat_the_heading(drawn: list[Drawn]) -> None:
    for d in drawn:
        if d.doc.kind == "transcript":
            student = d.doc.content.student  # type: ignore[union-attr]
            assert all(student in page.splitlines()[0] for page in d.page_texts), d.doc.stem
        if d.doc.kind == "supervision_log":
            assert all("Consultation Contact Log" in page for page in d.page_texts), d.doc.stem


def test_log_rows_read_across_one_line(drawn: list[Drawn]) -> None:
    """Each contact is one text line: its number, date, type (one-to-one or group), length and consultant."""
    for d in drawn:
        if d.doc.kind != "supervision_log":
            continue
        lines = [line for line in d.text.splitlines() if re.match(r"\d+ ", line)]
        sessions = [item["value"] for item in d.doc.items if item["type"] == "supervision_session"]
        assert len(lines) == len(sessions), d.doc.stem
        for n, (line, session) in enumerate(zip(lines, sessions, strict=True), start=1):
            kind = "Small group" if session["format"] == "group" else "One-to-one"
            match = re.match(rf"{n} (.+?) {kind} (.+?) {re.escape(session['supervisor'])} ", line)
            assert match, (d.doc.stem, line)
            assert match.group(1) in _dates(session["date"]), (d.doc.stem, line)
            assert match.group(2) in _hours(session["hours"]) | {f"{session['hours']:.1f} hrs"}, (d.doc.stem, line)


def test_worded_values_cover_every_case(drawn: list[Drawn]) -> None:
    references = [d.doc.items[0]["value"] for d in drawn if d.doc.kind == "reference_rating"]
    assert {v["relationship"] for v in references} == set(RELATIONSHIPS)
    assert {v["rater_level"] for v in references} == set(ENDORSEMENTS)
    for kind, key, values in [("ethics_agreement", "signed", {True, False}), ("exam_result", "passed", {True, False})]:
        assert {d.doc.items[0]["value"][key] for d in drawn if d.doc.kind == kind} == values, kind
    assert {d.doc.items[0]["value"]["end"] is None for d in drawn if d.doc.kind == "employment_verification"} == {
        True, False}


def test_advising_copies_say_so_and_certified_ones_do_not(drawn: list[Drawn]) -> None:
    transcripts = [d for d in drawn if d.doc.kind == "transcript"]
    assert {d.doc.official for d in transcripts} == {True, False}
    for d in transcripts:
        assert ("UNCERTIFIED ADVISING COPY" in d.text) is (not d.doc.official), d.doc.stem
        assert ("CERTIFIED ELECTRONIC RECORD" in d.text) is d.doc.official, d.doc.stem
