"""The v3 tune layouts (fixtures/layouts_v3.py): every expected value printed, page counts, rows legible as rows."""

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
from fixtures.layouts import LAYOUTS, V3_LAYOUTS, render
from fixtures.layouts_v3 import V3

D = dt.date
CASES = [(kind, name) for kind, names in V3_LAYOUTS.items() for name in names]
UNIT = {"clock": "clock hours", "contact": "contact hours", "ceu": "ceu", "min": "minutes", "minutes": "minutes",
        "hrs": "hours", "colon": "h:mm", "hm": "minutes"}
"""The unit word a v3 certificate must print beside an hours number drawn in each hours style."""


def _documents(kind: str, layout: str) -> list[tuple[Document, str, str]]:
    """Documents the project's builder makes for `layout`, each of its date and hours spellings at least once,
    each with the (hours style or '', date style) it was given."""
    b = Builder(f"v3-test:{layout}", bulk=True)
    styles, rng, docs = DATE_STYLES[kind][layout], b.rng, []
    hours_of = {"training_certificate": TRAINING_HOURS, "supervision_log": LOG_HOURS}.get(kind, {})
    hours_styles = hours_of.get(layout, [""])
    for n in range(max(4, len(styles), len(hours_styles))):
        name, cid = b.people.name(), f"t9{n:02d}"
        style, hours = styles[n % len(styles)], hours_styles[n % len(hours_styles)]
        match kind:
            case "transcript":
                path = vocab.DEGREE_PATHS[n % len(vocab.DEGREE_PATHS)]
                year, degrees = 2004 + n, []
                for abbreviation, field, years in path:
                    conferred = vocab.day_in(rng, year + years, 5, 2, 20)
                    degrees.append(b.degree(abbreviation, field, year, conferred, courses_per_term=2))
                    year = conferred.year
                docs.append((b.transcript(cid, name, degrees, official=n % 2 == 0, style=style, layout=layout),
                             "", style))
            case "training_certificate":
                docs.append((b.training(cid, 1, name, layout=layout, hours_style=hours, year=2021 + n,
                                        date_style=style, ranged=n % 2 == 1), hours, style))
            case "supervision_log":
                docs.append((b.supervision_log(cid, name, b.people.name(), D(2023 + n % 3, 1 + n, 4), 10 + 8 * (n % 3),
                                               layout=layout, hours_style=hours, date_style=style,
                                               total_off=0.5 * (n % 2), min_total=0.0), hours, style))
            case "reference_rating":
                relationship = list(RELATIONSHIPS)[n % len(RELATIONSHIPS)]
                docs.append((b.reference(cid, 1, name, relationship, ["IV", "III", "II", None][n % 4],
                                         D(2026, 1 + n, 9), layout=layout, date_style=style), "", style))
            case "ethics_agreement":
                docs.append((b.ethics(cid, name, D(2026, 2 + n, 13), style, layout=layout, signed=n % 2 == 0),
                             "", style))
            case "exam_result":
                docs.append((b.exam(cid, name, D(2025, 3 + n, 17), n % 2 == 0, style, layout=layout), "", style))
            case "membership":
                valid = [D(2026, 12, 31), D(2027, 6, 30), D(2026, 9, 30)][n % 3]
                docs.append((b.membership(cid, name, vocab.IMH_ASSOCIATIONS[n % 3], valid, layout=layout,
                                          date_style=style), "", style))
            case "employment_verification":
                role, duties = vocab.ROLES_AND_DUTIES[n % len(vocab.ROLES_AND_DUTIES)]
                end = None if n % 2 == 0 else D(2019, 8, 23)
                docs.append((b.employment(cid, 1, name, vocab.MORE_EMPLOYERS[n % 5], role, D(2014, 3 + n, 2), end,
                                          duties, D(2026, 5, 11), layout=layout, date_style=style), "", style))
    return docs


def _pages(pdf: Path) -> tuple[int, str, list[str]]:
    """Page count, the whole text with whitespace collapsed, and every text line."""
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            for char in page.chars:  # nothing drawn off the page
                assert 0 <= char["x0"] <= char["x1"] <= page.width and 0 <= char["top"] <= char["bottom"] <= page.height
        texts = [page.extract_text() or "" for page in doc.pages]
        return len(doc.pages), " ".join(" ".join(text.split()) for text in texts), [
            " ".join(line.split()) for text in texts for line in text.splitlines()]


def _check_item(doc: Document, item: dict, hours_style: str, date_style: str, text: str, lines: list[str]) -> None:
    value, shown = item["value"], doc.content
    match item["type"]:
        case "degree":
            printed = next(d for d in shown.shown if d.field == value["field"])  # type: ignore[union-attr]
            assert value["institution"] in text and value["field"] in text and printed.conferred in text
            assert value["name"] in text or value["abbreviation"] in text
        case "training":
            _check_training(doc, value, hours_style, text)
        case "supervision_session":
            row = shown.rows[int(item["index"])]  # type: ignore[union-attr]
            short = {"Individual": "Indiv.", "Group": "Grp"}[row[1]]
            assert any(row[0] in line and row[2] in line and row[3] in line and (row[1] in line or short in line)
                       for line in lines), row
        case "supervision_total":
            assert any("TOTAL" in line.upper() and shown.total in line for line in lines)  # type: ignore[union-attr]
        case "reference":
            for part in (value["rater"], shown.relationship, shown.endorsement, shown.date_text):  # type: ignore[union-attr]
                assert part in text, part
        case "signature":
            assert value["signer"] in text and shown.date_text in text  # type: ignore[union-attr]
            assert (f"/s/ {value['signer']}" in text) is value["signed"]
        case "exam":
            assert shown.date_text in text  # type: ignore[union-attr]
            assert ("PASS" in text) is value["passed"] and ("Did not pass" in text) is not value["passed"]
        case "membership":
            assert value["organization"] in text and shown.valid_through in text  # type: ignore[union-attr]
        case "employment":
            _check_employment(value, date_style, text)
        case other:
            raise AssertionError(other)


def _check_training(doc: Document, value: dict, hours_style: str, text: str) -> None:
    for part in (value["title"], value["provider"], doc.content.date_text, doc.content.name):  # type: ignore[union-attr]
        assert part in text, part
    phrase = vocab.hours_phrase(hours_style, value["hours"])
    assert phrase in text or (phrase.split()[0] in text and UNIT[hours_style] in text.lower()), phrase


def _check_employment(value: dict, date_style: str, text: str) -> None:
    for part in (value["employer"], value["role"], value["duties"]):
        assert part in text, part
    spell = vocab.DATE_STYLES[date_style]
    start = spell(D.fromisoformat(value["start"]))
    end = "Currently employed" if value["end"] is None else spell(D.fromisoformat(value["end"]))
    assert start in text and end in text, (start, end)


@pytest.mark.parametrize(("kind", "layout"), CASES, ids=[name for _, name in CASES])
def test_every_expected_value_is_printed(kind: str, layout: str, tmp_path: Path) -> None:
    documents = _documents(kind, layout)
    assert len(documents) >= 4
    for number, (doc, hours_style, date_style) in enumerate(documents):
        pdf = tmp_path / f"{number}.pdf"
        pages, text, lines = render(doc, pdf), *_pages(pdf)[1:]
        assert pages == _pages(pdf)[0] >= 1
        if kind == "transcript":
            assert ("UNOFFICIAL" in text.upper()) is (doc.official is False)
        sessions = 0
        for item in doc.items:
            if item["type"] == "supervision_session":
                item = {**item, "index": sessions}
                sessions += 1
            _check_item(doc, item, hours_style, date_style, text, lines)


@pytest.mark.parametrize("layout", ["v3-spreadsheet", "v3-monthly", "v3-registrar"])
def test_multi_page_documents_repeat_their_header(layout: str, tmp_path: Path) -> None:
    kind = next(kind for kind, names in V3_LAYOUTS.items() if layout in names)
    long = [doc for doc, _, _ in _documents(kind, layout) if render(doc, tmp_path / f"{doc.stem}.pdf") > 1]
    assert long, layout
    for doc in long:
        with pdfplumber.open(tmp_path / f"{doc.stem}.pdf") as pdf:
            firsts = {" ".join((page.extract_text() or "").split()[:3]) for page in pdf.pages}
        assert len(firsts) == 1, firsts


def test_v3_layouts_are_registered_and_each_is_in_the_tune_corpus_twice() -> None:
    assert {kind: list(drawings) for kind, drawings in V3.items()} == V3_LAYOUTS
    for kind, names in V3_LAYOUTS.items():
        assert set(names) <= set(LAYOUTS[kind]), kind
    tune = Counter((doc.kind, doc.layout) for candidate in bulk(7, "tune") for doc in candidate.documents)
    held_out = {doc.layout for candidate in bulk(7, "held_out") for doc in candidate.documents}
    for kind, drawings in LAYOUTS.items():
        for name in drawings:
            assert tune[(kind, name)] >= 2, (kind, name)
    assert not held_out & {name for names in V3_LAYOUTS.values() for name in names}
