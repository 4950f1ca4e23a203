"""The v4 tune layouts (fixtures/layouts_v4.py): every expected value printed in the layout's own words, page
counts, log rows legible as rows, headers repeated, and each layout twice in the tune split."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest

from fixtures import vocab
from fixtures.content import Document
from fixtures.corpus import DATE_STYLES, LOG_HOURS, TRAINING_HOURS, bulk
from fixtures.documents import RELATIONSHIPS, Builder
from fixtures.layouts import LAYOUTS, V4_LAYOUTS, render
from fixtures.layouts_v4 import V4

D = dt.date
CASES = [(kind, name) for kind, names in V4_LAYOUTS.items() for name in names]
CREDITS = {
    "v4-panel": {"clock": "{h:g} CE hours", "ceu": "{ceu:.1f} CEUs", "hm": "{whole}h {minutes:02d}m",
                 "minutes": "{total} minutes"},
    "v4-registry": {"hrs": "Credit {h:g} credit hours", "clock": "Hours Earned {h:.2f}", "min": "{total} min",
                    "contact": "Hours Earned {h:g} contact hours"},
}
"""What a v4 certificate must print for its hours in each hours style it is given (h: the truth's hours)."""


def _documents(kind: str, layout: str) -> list[tuple[Document, str, str]]:
    """Documents the builder makes for `layout`, each of its date and hours spellings at least once, with the
    (hours style or '', date style) each was given."""
    b = Builder(f"v4-test:{layout}", bulk=True)
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
            case _:
                role, duties = vocab.ROLES_AND_DUTIES[n % len(vocab.ROLES_AND_DUTIES)]
                doc = b.employment(cid, 1, name, vocab.MORE_EMPLOYERS[n % 5], role, D(2014, 3 + n, 2),
                                   None if n % 2 == 0 else D(2019, 8, 23), duties, D(2026, 5, 11), layout=layout,
                                   date_style=style)
        docs.append((doc, hours, style))
    return docs


def _pages(pdf: Path) -> tuple[int, str, list[str]]:
    """Page count, the whole text with whitespace collapsed, and every text line (nothing drawn off the page)."""
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            for char in page.chars:
                assert 0 <= char["x0"] <= char["x1"] <= page.width and 0 <= char["top"] <= char["bottom"] <= page.height
        texts = [page.extract_text() or "" for page in doc.pages]
        return len(doc.pages), " ".join(" ".join(text.split()) for text in texts), [
            " ".join(line.split()) for text in texts for line in text.splitlines()]


def _spelled(iso: str, style: str) -> str:
    return vocab.DATE_STYLES[style](D.fromisoformat(iso))


def _ordinal(iso: str) -> str:
    day = D.fromisoformat(iso)
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(day.day, "th")
    return f"{day:%B} {day.day}{suffix}, {day.year}"


def _length(hours: float) -> str:
    return f"{int(hours)}h {round(hours % 1 * 60):02d}m"


def _check_training(doc: Document, value: dict, hours_style: str, text: str) -> None:
    shown = doc.content
    for part in (value["title"], value["provider"], shown.name):  # type: ignore[union-attr]
        assert part in text, part
    day = D.fromisoformat(value["date"])
    single = any(fmt(day) == shown.date_text for fmt in vocab.DATE_STYLES.values())  # type: ignore[union-attr]
    assert (_ordinal(value["date"]) if single and doc.layout == "v4-registry" else shown.date_text) in text  # type: ignore[union-attr]
    h = value["hours"]
    amount = CREDITS[doc.layout][hours_style].format(h=h, ceu=h / 10, whole=int(h), minutes=round(h % 1 * 60),
                                                     total=round(h * 60))
    assert amount in text, amount
    assert value["converted"] is (hours_style in ("ceu", "min", "minutes", "hm", "colon"))


def _check_session(doc: Document, value: dict, index: int, lines: list[str]) -> None:
    day, kind, cell, who = doc.content.rows[index]  # type: ignore[union-attr]
    if doc.layout == "v4-clock":
        start, end = doc.content.times[index]  # type: ignore[union-attr]
        row = f"{index + 1} {day} {start} {end} {cell} {kind[0]} {who}"
    else:
        row = f"{day} {'Grp' if value['format'] == 'group' else 'Ind'} {_length(value['hours'])} {who}"
    assert any(row in line for line in lines), row


def _check_item(doc: Document, item: dict, styles: tuple[str, str], text: str, lines: list[str]) -> None:
    """`styles`: the (hours style, date style) the builder was given."""
    hours_style, date_style = styles
    value, shown = item["value"], doc.content
    match item["type"]:
        case "degree":
            printed = next(d for d in shown.shown if d.field == value["field"])  # type: ignore[union-attr]
            assert value["institution"] in text and value["field"] in text and printed.conferred in text
            assert value["name"] in text
        case "training":
            _check_training(doc, value, hours_style, text)
        case "supervision_session":
            _check_session(doc, value, item["index"], lines)
        case "supervision_total":
            total = (f"Total: {_length(value['stated_total'])}" if doc.layout == "v4-twin-column"
                     else f"claimed: {shown.total}")  # type: ignore[union-attr]
            assert any(total in line for line in lines), total
        case "reference":
            assert value["rater"] in text and shown.date_text in text  # type: ignore[union-attr]
            assert f"[X] {RELATIONSHIPS[value['relationship']]}" in text and text.count("[X]") == 2
            assert f"[X] {shown.endorsement}" in text  # type: ignore[union-attr]
        case "signature":
            assert shown.date_text in text and text.count(value["signer"]) == (2 if value["signed"] else 1)
        case "exam":
            assert shown.date_text in text  # type: ignore[union-attr]
            assert ("Passed" in text) is value["passed"] and ("Not passed" in text) is not value["passed"]
        case "membership":
            assert value["organization"] in text
            assert f"good standing through {shown.valid_through}" in text  # type: ignore[union-attr]
        case "employment":
            for part in (value["employer"], value["role"], value["duties"]):
                assert part in text, part
            assert _spelled(value["start"], date_style) in text
            assert ("Still employed" in text and "Yes" in text.split()) is (value["end"] is None)
            assert value["end"] is None or _spelled(value["end"], date_style) in text
        case other:
            raise AssertionError(other)


@pytest.mark.parametrize(("kind", "layout"), CASES, ids=[name for _, name in CASES])
def test_every_expected_value_is_printed(kind: str, layout: str, tmp_path: Path) -> None:
    documents = _documents(kind, layout)
    assert len(documents) >= 4
    for number, (doc, hours_style, date_style) in enumerate(documents):
        pdf = tmp_path / f"{number}.pdf"
        pages = render(doc, pdf)
        count, text, lines = _pages(pdf)
        assert pages == count >= 1
        if kind == "transcript":
            assert ("UNOFFICIAL" in text.upper()) is (doc.official is False)
        sessions = 0
        for item in doc.items:
            if item["type"] == "supervision_session":
                item = {**item, "index": sessions}
                sessions += 1
            _check_item(doc, item, (hours_style, date_style), text, lines)


@pytest.mark.parametrize("layout", ["v4-clock", "v4-twin-column", "v4-two-column", "v4-wet-ink"])
def test_multi_page_documents_repeat_their_header(layout: str, tmp_path: Path) -> None:
    kind = next(kind for kind, names in V4_LAYOUTS.items() if layout in names)
    long = [doc for doc, _, _ in _documents(kind, layout) if render(doc, tmp_path / f"{doc.stem}.pdf") > 1]
    assert long, layout
    for doc in long:
        with pdfplumber.open(tmp_path / f"{doc.stem}.pdf") as pdf:
            firsts = {" ".join((page.extract_text() or "").split()[:3]) for page in pdf.pages}
        assert len(firsts) == 1, firsts


def test_v4_layouts_are_registered_and_each_is_in_the_tune_corpus_twice() -> None:
    assert {kind: list(drawings) for kind, drawings in V4.items()} == V4_LAYOUTS
    for kind, names in V4_LAYOUTS.items():
        assert set(names) <= set(LAYOUTS[kind]), kind
    tune = Counter((doc.kind, doc.layout) for candidate in bulk(7, "tune") for doc in candidate.documents)
    held_out = {doc.layout for candidate in bulk(7, "held_out") for doc in candidate.documents}
    for kind, names in V4_LAYOUTS.items():
        for name in names:
            assert tune[(kind, name)] >= 2, (kind, name)
    assert not held_out & {name for names in V4_LAYOUTS.values() for name in names}
