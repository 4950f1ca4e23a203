"""What every set of held-out drawings is tested for (tests/test_layouts_heldout3.py, tests/test_layouts_heldout4.py,
tests/test_layouts_heldout5.py): the split's documents in the layout and a sweep over its spellings and worded
values, drawn and read back with pdfplumber; every kind drawn, the pages written are the pages in the file, log
rows one to a text line, every worded value and both kinds of transcript copy drawn. What each set prints, in its
own words, is checked by the set's own file."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber

from fixtures import corpus, vocab
from fixtures.content import Document
from fixtures.corpus import LOG_HOURS, TRAINING_HOURS
from fixtures.documents import ENDORSEMENTS, RELATIONSHIPS, Builder
from fixtures.layouts import drawing

Styles = Mapping[str, list[str]]
"""The date spellings the layout is drawn with, by kind."""
Part = Callable[[Builder, str, Styles], list[Document]]
"""One kind's documents in a sweep: (builder, layout, date spellings by kind)."""


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


def transcripts(b: Builder, layout: str, styles: Styles) -> list[Document]:
    """Official and unofficial records of every degree path, each date spelling three times."""
    docs: list[Document] = []
    paths = vocab.DEGREE_PATHS
    for i, style in enumerate(styles["transcript"] * 3):
        degrees, year = [], 2001 + i
        for abbreviation, field, years in paths[i % len(paths)]:
            conferred = dt.date(year + years, 5 if i % 2 else 12, 10 + i)
            degrees.append(b.degree(abbreviation, field, year, conferred, courses_per_term=1 + i % 3))
            year = conferred.year + 1
        docs.append(b.transcript(f"h9{i:02d}", b.people.name(), degrees, official=i % 3 != 0, style=style,
                                 layout=layout))
    return docs


def trainings(b: Builder, layout: str, styles: Styles) -> list[Document]:
    """Certificates in each of the layout's hours spellings twice, single days and ranges."""
    spellings = styles["training_certificate"]
    return [b.training(f"h9{i:02d}", 1, b.people.name(), layout=layout, hours_style=hours, year=2021 + i % 5,
                       date_style=spellings[i % len(spellings)], ranged=i % 4 == 1)
            for i, hours in enumerate(TRAINING_HOURS[layout] * 2)]


def logs(b: Builder, layout: str, styles: Styles) -> list[Document]:
    """Logs in each of the layout's hours spellings twice, growing longer, totals right and off by half an hour."""
    spellings = styles["supervision_log"]
    return [b.supervision_log(f"h9{i:02d}", b.people.name(), b.people.name(), dt.date(2023, 1 + i, 9), 10 + 7 * i,
                              layout=layout, hours_style=hours, date_style=spellings[i % len(spellings)],
                              total_off=0.5 * (i % 2), min_total=0.0)
            for i, hours in enumerate(LOG_HOURS[layout] * 2)]


def references(b: Builder, layout: str, styles: Styles) -> list[Document]:
    """A reference in every relationship, the rater's levels in turn."""
    spellings, levels = styles["reference_rating"], list(ENDORSEMENTS)
    return [b.reference(f"h9{i:02d}", 1, b.people.name(), relationship, levels[i % len(levels)],
                        dt.date(2026, 1 + i, 3 + i), layout=layout, date_style=spellings[i % len(spellings)])
            for i, relationship in enumerate(RELATIONSHIPS)]


def agreement(b: Builder, layout: str, i: int, style: str) -> Document:
    """The i-th ethics agreement of a sweep: signed, then unsigned, in turn."""
    return b.ethics(f"h9{i:02d}", b.people.name(), dt.date(2026, 2 + i, 11), style, layout=layout, signed=i % 2 == 0)


def ethics(b: Builder, layout: str, styles: Styles) -> list[Document]:
    """Agreements signed and unsigned, each date spelling twice."""
    return [agreement(b, layout, i, style) for i, style in enumerate(styles["ethics_agreement"] * 2)]


def exam(b: Builder, layout: str, i: int, style: str) -> Document:
    """The i-th exam result of a sweep: failed, then passed, in turn."""
    return b.exam(f"h9{i:02d}", b.people.name(), dt.date(2025, 3 + i, 12 + i), i % 2 == 1, style, layout=layout)


def exams(b: Builder, layout: str, styles: Styles) -> list[Document]:
    """Results passed and failed, each date spelling twice."""
    return [exam(b, layout, i, style) for i, style in enumerate(styles["exam_result"] * 2)]


def memberships(b: Builder, layout: str, styles: Styles) -> list[Document]:
    """Memberships of the associations in turn, each date spelling twice."""
    return [b.membership(f"h9{i:02d}", b.people.name(), vocab.IMH_ASSOCIATIONS[i % 3],
                         [dt.date(2026, 12, 31), dt.date(2027, 6, 30)][i % 2], layout=layout, date_style=style)
            for i, style in enumerate(styles["membership"] * 2)]


def employments(b: Builder, layout: str, styles: Styles) -> list[Document]:
    """Current and former jobs, each date spelling twice."""
    docs = []
    for i, style in enumerate(styles["employment_verification"] * 2):
        role, duties = vocab.ROLES_AND_DUTIES[i % len(vocab.ROLES_AND_DUTIES)]
        end = None if i % 2 else dt.date(2019 + i % 3, 11, 4 + i)
        docs.append(b.employment(f"h9{i:02d}", 1, b.people.name(), vocab.MORE_EMPLOYERS[i % 5], role,
                                 dt.date(2012 + i, 2 + i, 14), end, duties, dt.date(2026, 8, 1 + i),
                                 layout=layout, date_style=style))
    return docs


PARTS: tuple[Part, ...] = (transcripts, trainings, logs, references, ethics, exams, memberships, employments)
"""A sweep's kinds, in the order their documents are built (the builder's draws follow that order)."""


def sweep(seed: str, layout: str, styles: Styles, parts: Sequence[Part] = PARTS) -> list[Document]:
    """Documents in `layout` across its spellings and worded values, from a builder seeded with `seed` (another
    seed than the corpus)."""
    b = Builder(seed, bulk=True)
    return [doc for part in parts for doc in part(b, layout, styles)]


def draw(split: str, layout: str, swept: list[Document], folder: Path) -> list[Drawn]:
    """The `split` documents in `layout`, then `swept`, each drawn into `folder` and read back page by page."""
    held = [doc for candidate in corpus.bulk(7, split) for doc in candidate.documents if doc.layout == layout]
    out = []
    for k, doc in enumerate(held + swept):
        path = folder / f"{k:03d}-{doc.stem}.pdf"
        pages = drawing(doc.kind, layout)(doc, path)
        with pdfplumber.open(path) as pdf:
            out.append(Drawn(doc, pages, [page.extract_text() or "" for page in pdf.pages]))
    return out


def dates(iso: str) -> set[str]:
    """Every spelling the corpus uses for a date, and the ranges that end on it."""
    day = dt.date.fromisoformat(iso)
    spelled = {fmt(day) for fmt in vocab.DATE_STYLES.values()}
    return spelled | {vocab.span_text(day - dt.timedelta(days=k), day) for k in (1, 2, 3)}


def hours(value: float) -> set[str]:
    """The hours in every certificate and log spelling."""
    phrases = {vocab.hours_phrase(style, value) for style in vocab.HOURS_STYLES}
    return phrases | {f"{value:.1f}", f"{round(value * 60)}", f"{int(value)}:{round(value % 1 * 60):02d}"}


def shown(options: set[str], text: str) -> bool:
    return any(option in text for option in options)


def line_with(drawn: Drawn, needle: str) -> str:
    lines = [line for line in drawn.text.splitlines() if needle in line]
    assert lines, (drawn.doc.stem, needle)
    return lines[0]


def check_every_kind_drawn(drawn: list[Drawn], kinds: Iterable[str], split: str) -> None:
    """Every kind of the set is drawn, and drawn from the corpus's `split` too."""
    assert {d.doc.kind for d in drawn} == set(kinds)
    assert {d.doc.kind for d in drawn if d.doc.split == split} == set(kinds)


def check_every_value_printed(drawn: list[Drawn], check: Callable[[Drawn, dict[str, Any]], None]) -> None:
    """`check` (the set's own, in its own words) passes on every item of every drawing."""
    for d in drawn:
        for item in d.doc.items:
            check(d, item)


def check_pages(drawn: list[Drawn], log_rows: int) -> None:
    """Each drawing wrote the pages its file has, a log one page per `log_rows` sessions, and some transcripts and
    logs run over a page."""
    for d in drawn:
        assert d.pages == len(d.page_texts), d.doc.stem
        if d.doc.kind == "supervision_log":
            sessions = sum(item["type"] == "supervision_session" for item in d.doc.items)
            assert d.pages == math.ceil(sessions / log_rows), d.doc.stem
    assert any(d.pages > 1 for d in drawn if d.doc.kind == "transcript")
    assert any(d.pages > 1 for d in drawn if d.doc.kind == "supervision_log")


def log_rows(drawn: list[Drawn], row: str) -> Iterator[tuple[Drawn, int, str, dict[str, Any]]]:
    """Each log's text lines that match `row`, one to a session: (drawing, row number from 1, line, session)."""
    for d in drawn:
        if d.doc.kind != "supervision_log":
            continue
        lines = [line for line in d.text.splitlines() if re.match(row, line)]
        sessions = [item["value"] for item in d.doc.items if item["type"] == "supervision_session"]
        assert len(lines) == len(sessions), d.doc.stem
        for n, (line, session) in enumerate(zip(lines, sessions, strict=True), start=1):
            yield d, n, line, session


def check_references_cover_every_case(drawn: list[Drawn]) -> None:
    """The references name every relationship and every rater level."""
    values = [d.doc.items[0]["value"] for d in drawn if d.doc.kind == "reference_rating"]
    assert {v["relationship"] for v in values} == set(RELATIONSHIPS)
    assert {v["rater_level"] for v in values} == set(ENDORSEMENTS)


def check_worded_values_cover_every_case(drawn: list[Drawn]) -> None:
    """Every relationship and rater level, agreements signed and not, exams passed and not, jobs current and not."""
    check_references_cover_every_case(drawn)
    for kind, key, values in [("ethics_agreement", "signed", {True, False}), ("exam_result", "passed", {True, False})]:
        assert {d.doc.items[0]["value"][key] for d in drawn if d.doc.kind == kind} == values, kind
    assert {d.doc.items[0]["value"]["end"] is None for d in drawn if d.doc.kind == "employment_verification"} == {
        True, False}


def transcripts_drawn(drawn: list[Drawn]) -> list[Drawn]:
    """The transcripts drawn, official records and unofficial copies both among them."""
    out = [d for d in drawn if d.doc.kind == "transcript"]
    assert {d.doc.official for d in out} == {True, False}
    return out
