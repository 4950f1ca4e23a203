"""What every set of tune layouts is tested for (tests/test_layouts_v3.py, tests/test_layouts_v4.py): the builder's
documents for a layout with each of its spellings, every expected item printed (checked by the set's own item
check, since each set prints in its own words), headers repeated on every page, and the set registered and drawn
twice in the tune split, never in the held-out one."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

from fixtures import vocab
from fixtures.content import Document
from fixtures.corpus import DATE_STYLES, LOG_HOURS, TRAINING_HOURS, bulk
from fixtures.documents import RELATIONSHIPS, Builder
from fixtures.layouts import LAYOUTS, render

D = dt.date
ItemCheck = Callable[[Document, dict, tuple[str, str], str, list[str]], None]
"""Asserts one expected item is printed: (document, item, (hours style, date style), whole text, text lines)."""


@dataclass(frozen=True)
class LayoutSet:
    """One set of tune layouts: its name ('v3'), its layout names by kind, its drawings by kind and the check
    of one item in the set's own spellings."""

    name: str
    layouts: Mapping[str, list[str]]
    drawings: Mapping[str, Mapping[str, object]]
    check_item: ItemCheck

    @property
    def cases(self) -> list[tuple[str, str]]:
        """(kind, layout) of every layout in the set."""
        return [(kind, name) for kind, names in self.layouts.items() for name in names]

    def kind_of(self, layout: str) -> str:
        return next(kind for kind, names in self.layouts.items() if layout in names)


def documents(layouts: LayoutSet, kind: str, layout: str) -> list[tuple[Document, str, str]]:
    """Documents the project's builder makes for `layout`, each of its date and hours spellings at least once,
    each with the (hours style or '', date style) it was given."""
    b = Builder(f"{layouts.name}-test:{layout}", bulk=True)
    styles, rng, docs = DATE_STYLES[kind][layout], b.rng, []
    hours_of = {"training_certificate": TRAINING_HOURS, "supervision_log": LOG_HOURS}.get(kind, {})
    hours_styles = hours_of.get(layout, [""])
    for n in range(max(4, len(styles), len(hours_styles))):
        name, cid = b.people.name(), f"t9{n:02d}"
        style, hours = styles[n % len(styles)], hours_styles[n % len(hours_styles)]
        match kind:
            case "transcript":
                year, degrees = 2004 + n, []
                for abbreviation, field, years in vocab.DEGREE_PATHS[n % len(vocab.DEGREE_PATHS)]:
                    conferred = vocab.day_in(rng, year + years, 5, 2, 20)
                    degrees.append(b.degree(abbreviation, field, year, conferred, courses_per_term=2))
                    year = conferred.year
                doc = b.transcript(cid, name, degrees, official=n % 2 == 0, style=style, layout=layout)
            case "training_certificate":
                doc = b.training(cid, 1, name, layout=layout, hours_style=hours, year=2021 + n, date_style=style,
                                 ranged=n % 2 == 1)
            case "supervision_log":
                doc = b.supervision_log(cid, name, b.people.name(), D(2023 + n % 3, 1 + n, 4), 10 + 8 * (n % 3),
                                        layout=layout, hours_style=hours, date_style=style, total_off=0.5 * (n % 2),
                                        min_total=0.0)
            case "reference_rating":
                doc = b.reference(cid, 1, name, list(RELATIONSHIPS)[n % len(RELATIONSHIPS)],
                                  ["IV", "III", "II", None][n % 4], D(2026, 1 + n, 9), layout=layout, date_style=style)
            case "ethics_agreement":
                doc = b.ethics(cid, name, D(2026, 2 + n, 13), style, layout=layout, signed=n % 2 == 0)
            case "exam_result":
                doc = b.exam(cid, name, D(2025, 3 + n, 17), n % 2 == 0, style, layout=layout)
            case "membership":
                doc = b.membership(cid, name, vocab.IMH_ASSOCIATIONS[n % 3],
                                   [D(2026, 12, 31), D(2027, 6, 30), D(2026, 9, 30)][n % 3], layout=layout,
                                   date_style=style)
            case "employment_verification":
                role, duties = vocab.ROLES_AND_DUTIES[n % len(vocab.ROLES_AND_DUTIES)]
                doc = b.employment(cid, 1, name, vocab.MORE_EMPLOYERS[n % 5], role, D(2014, 3 + n, 2),
                                   None if n % 2 == 0 else D(2019, 8, 23), duties, D(2026, 5, 11), layout=layout,
                                   date_style=style)
            case other:
                raise AssertionError(other)
        docs.append((doc, hours, style))
    return docs


def pages(pdf: Path) -> tuple[int, str, list[str]]:
    """Page count, the whole text with whitespace collapsed, and every text line (nothing drawn off the page)."""
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            for char in page.chars:
                assert 0 <= char["x0"] <= char["x1"] <= page.width and 0 <= char["top"] <= char["bottom"] <= page.height
        texts = [page.extract_text() or "" for page in doc.pages]
        return len(doc.pages), " ".join(" ".join(text.split()) for text in texts), [
            " ".join(line.split()) for text in texts for line in text.splitlines()]


def check_degree(doc: Document, value: dict, text: str, names: tuple[str, ...]) -> None:
    """The degree's institution, field and printed conferral date are in the text, and one of `names` (the
    spellings of the degree's name the set may print)."""
    printed = next(d for d in doc.content.shown if d.field == value["field"])  # type: ignore[union-attr]
    assert value["institution"] in text and value["field"] in text and printed.conferred in text
    assert any(name in text for name in names), names


def check_every_value_printed(layouts: LayoutSet, kind: str, layout: str, tmp_path: Path) -> None:
    """Each document renders to as many pages as its PDF has, and every item of its truth is printed; a log's
    sessions are checked by their index among the document's sessions."""
    docs = documents(layouts, kind, layout)
    assert len(docs) >= 4
    for number, (doc, hours_style, date_style) in enumerate(docs):
        pdf = tmp_path / f"{number}.pdf"
        rendered = render(doc, pdf)
        count, text, lines = pages(pdf)
        assert rendered == count >= 1
        if kind == "transcript":
            assert ("UNOFFICIAL" in text.upper()) is (doc.official is False)
        sessions = 0
        for item in doc.items:
            if item["type"] == "supervision_session":
                item = {**item, "index": sessions}
                sessions += 1
            layouts.check_item(doc, item, (hours_style, date_style), text, lines)


def check_header_repeated(layouts: LayoutSet, layout: str, tmp_path: Path) -> None:
    """At least one of the layout's documents runs over a page, and every page of each such document starts
    with the same three words."""
    long = [doc for doc, _, _ in documents(layouts, layouts.kind_of(layout), layout)
            if render(doc, tmp_path / f"{doc.stem}.pdf") > 1]
    assert long, layout
    for doc in long:
        with pdfplumber.open(tmp_path / f"{doc.stem}.pdf") as pdf:
            firsts = {" ".join((page.extract_text() or "").split()[:3]) for page in pdf.pages}
        assert len(firsts) == 1, firsts


def check_registered(layouts: LayoutSet, twice_in_tune: Mapping[str, Iterable[str]]) -> None:
    """The set's drawings are its registered layouts, every layout of `twice_in_tune` is drawn at least twice in
    the tune split, and none of the set's layouts is in the held-out split."""
    assert {kind: list(drawings) for kind, drawings in layouts.drawings.items()} == layouts.layouts
    for kind, names in layouts.layouts.items():
        assert set(names) <= set(LAYOUTS[kind]), kind
    tune = Counter((doc.kind, doc.layout) for candidate in bulk(7, "tune") for doc in candidate.documents)
    held_out = {doc.layout for candidate in bulk(7, "held_out") for doc in candidate.documents}
    for kind, names in twice_in_tune.items():
        for name in names:
            assert tune[(kind, name)] >= 2, (kind, name)
    assert not held_out & {name for names in layouts.layouts.values() for name in names}
