"""The v4 tune layouts (fixtures/layouts_v4.py): every expected value printed in the layout's own words, page
counts, log rows legible as rows, headers repeated, and each layout twice in the tune split; the machinery shared
with the v3 layouts is in tests/layout_checks.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from layout_checks import LayoutSet, check_degree, check_every_value_printed, check_header_repeated, check_registered

from fixtures import vocab
from fixtures.content import Document
from fixtures.documents import RELATIONSHIPS
from fixtures.layouts import V4_LAYOUTS
from fixtures.layouts_v4 import V4

D = dt.date
CREDITS = {
    "v4-panel": {"clock": "{h:g} CE hours", "ceu": "{ceu:.1f} CEUs", "hm": "{whole}h {minutes:02d}m",
                 "minutes": "{total} minutes"},
    "v4-registry": {"hrs": "Credit {h:g} credit hours", "clock": "Hours Earned {h:.2f}", "min": "{total} min",
                    "contact": "Hours Earned {h:g} contact hours"},
}
"""What a v4 certificate must print for its hours in each hours style it is given (h: the truth's hours)."""


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
    hours_style, date_style = styles
    value, shown = item["value"], doc.content
    match item["type"]:
        case "degree":
            check_degree(doc, value, text, (value["name"],))
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


SET = LayoutSet("v4", V4_LAYOUTS, V4, _check_item)


@pytest.mark.parametrize(("kind", "layout"), SET.cases, ids=[name for _, name in SET.cases])
def test_every_expected_value_is_printed(kind: str, layout: str, tmp_path: Path) -> None:
    check_every_value_printed(SET, kind, layout, tmp_path)


@pytest.mark.parametrize("layout", ["v4-clock", "v4-twin-column", "v4-two-column", "v4-wet-ink"])
def test_multi_page_documents_repeat_their_header(layout: str, tmp_path: Path) -> None:
    check_header_repeated(SET, layout, tmp_path)


def test_v4_layouts_are_registered_and_each_is_in_the_tune_corpus_twice() -> None:
    check_registered(SET, V4_LAYOUTS)
