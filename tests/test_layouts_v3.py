"""The v3 tune layouts (fixtures/layouts_v3.py): every expected value printed, page counts, rows legible as rows;
the machinery shared with the v4 layouts is in tests/layout_checks.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from layout_checks import LayoutSet, check_degree, check_every_value_printed, check_header_repeated, check_registered

from fixtures import vocab
from fixtures.content import Document
from fixtures.layouts import LAYOUTS, V3_LAYOUTS
from fixtures.layouts_v3 import V3

D = dt.date
UNIT = {"clock": "clock hours", "contact": "contact hours", "ceu": "ceu", "min": "minutes", "minutes": "minutes",
        "hrs": "hours", "colon": "h:mm", "hm": "minutes"}
"""The unit word a v3 certificate must print beside an hours number drawn in each hours style."""


def _check_item(doc: Document, item: dict, styles: tuple[str, str], text: str, lines: list[str]) -> None:
    hours_style, date_style = styles
    value, shown = item["value"], doc.content
    match item["type"]:
        case "degree":
            check_degree(doc, value, text, (value["name"], value["abbreviation"]))
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


SET = LayoutSet("v3", V3_LAYOUTS, V3, _check_item)


@pytest.mark.parametrize(("kind", "layout"), SET.cases, ids=[name for _, name in SET.cases])
def test_every_expected_value_is_printed(kind: str, layout: str, tmp_path: Path) -> None:
    check_every_value_printed(SET, kind, layout, tmp_path)


@pytest.mark.parametrize("layout", ["v3-spreadsheet", "v3-monthly", "v3-registrar"])
def test_multi_page_documents_repeat_their_header(layout: str, tmp_path: Path) -> None:
    check_header_repeated(SET, layout, tmp_path)


def test_v3_layouts_are_registered_and_each_is_in_the_tune_corpus_twice() -> None:
    """Every layout of every kind (not only v3's) is counted twice in the tune split."""
    check_registered(SET, LAYOUTS)
