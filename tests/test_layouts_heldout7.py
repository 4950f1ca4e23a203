"""The former held-out v7 drawings (fixtures/layouts_heldout7.py, tune layouts 'holdout-v7' since session 9) print
every expected value legibly, on the pages they say.

Documents come from the project's own builders: the tune split's documents in 'holdout-v7' (t039-t042), and a
sweep over the layout's date and hours spellings and every worded value (relationship, endorsement level,
signed or not, passed or not, current or former job, official or unofficial copy).
The sweep, the drawing and the checks every held-out set shares are in tests/heldout_checks.py.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from heldout_checks import (
    Drawn,
    check_every_kind_drawn,
    check_every_value_printed,
    check_pages,
    check_worded_values_cover_every_case,
    dates,
    draw,
    hours,
    line_with,
    log_rows,
    shown,
    sweep,
    transcripts_drawn,
)

from fixtures.corpus import V7_HELD_DATE_STYLES
from fixtures.layouts import HOLDOUT_V7, LAYOUTS
from fixtures.layouts_heldout7 import HELD_OUT_7, LEVEL_ANSWERS, LOG_ROWS, RELATIONSHIP_ANSWERS


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> list[Drawn]:
    """The tune split's 'holdout-v7' documents and a sweep across its spellings and worded values, drawn."""
    swept = sweep("heldout7-sweep", HOLDOUT_V7, V7_HELD_DATE_STYLES)
    return draw("tune", HOLDOUT_V7, swept, tmp_path_factory.mktemp("heldout7"))


def _next_lines(drawn: Drawn, needle: str, count: int) -> list[str]:
    """The first text line holding `needle` and the `count` lines after it."""
    lines = drawn.text.splitlines()
    at = next(k for k, line in enumerate(lines) if needle in line)
    return lines[at:at + count + 1]


def _hours_minutes(value: float) -> str:
    minutes = round(value * 60)
    return f"{minutes // 60} {minutes % 60:02d}"


def _check(drawn: Drawn, item: dict[str, Any]) -> None:
    v, flat, stem = item["value"], drawn.flat, drawn.doc.stem
    match item["type"]:
        case "degree":
            assert v["institution"] in flat, stem
            degree, conferred, major = _next_lines(drawn, v["name"], 2)
            assert shown({f"Conferred {s}" for s in dates(v["conferred"])}, conferred), (stem, conferred)
            assert f"Major: {v['field']}" in major, (stem, major)
        case "training":
            assert v["title"] in flat and v["provider"] in flat, stem
            earned = re.search(r"who complete this program earn (.+?)\.( |$)", flat)
            assert earned and shown(hours(v["hours"]), earned.group(1)), stem
            signer = drawn.doc.content.signer  # type: ignore[union-attr]
            above, _ = _next_lines(drawn, signer, 1)
            assert shown(dates(v["date"]), above), (stem, above)
            assert line_with(drawn, "Education Director").endswith("Program date"), stem
        case "supervision_session":
            pass  # rows are checked line by line in their own test
        case "supervision_total":
            assert f"TOTAL {_hours_minutes(v['stated_total'])}" in drawn.text.splitlines(), stem
        case "reference":
            assert _next_lines(drawn, "1. Your name", 1)[1] == v["rater"], stem
            assert _next_lines(drawn, "How do you know", 1)[1] == RELATIONSHIP_ANSWERS[v["relationship"]], stem
            assert _next_lines(drawn, "Endorsement? If so", 1)[1] == LEVEL_ANSWERS[v["rater_level"]], stem
            signed = line_with(drawn, "Signature of reference:")
            assert shown({f"Date: {s}" for s in dates(v["date"])}, signed), (stem, signed)
        case "signature":
            assert shown({f"Dated: {s}" for s in dates(v["date"])}, line_with(drawn, "Dated:")), stem
            assert f"Name (typed or printed): {v['signer']}" in flat, stem
            assert flat.count(v["signer"]) == (2 if v["signed"] else 1), stem
        case "exam":
            assert shown(dates(v["date"]), line_with(drawn, "Administration date:")), stem
            outcome = "X PASS FAIL" if v["passed"] else "PASS X FAIL"
            assert line_with(drawn, "Your result:") == f"Your result: {outcome}", stem
        case "membership":
            assert v["organization"] in flat, stem
            active = [line for line in drawn.text.splitlines() if line.endswith(" Active")]
            assert len(active) == 1 and shown(dates(v["valid_through"]), active[0]), stem
        case "employment":
            _check_employment(drawn, v)
        case other:
            raise AssertionError(f"no check for {other}")


def _check_employment(drawn: Drawn, v: dict[str, Any]) -> None:
    """Employer, role and duties printed; the dates of employment on one bullet, then the status in words."""
    flat, stem = drawn.flat, drawn.doc.stem
    assert v["employer"] in flat and f"Main responsibilities: {v['duties']}" in flat, stem
    assert f"Position: {v['role']}" in flat, stem
    ends = dates(v["end"]) if v["end"] else {"present"}
    spans = {f"Dates of employment: {s} to {e}" for s in dates(v["start"]) for e in ends}
    assert shown(spans, line_with(drawn, "Dates of employment:")), stem
    status = "Status: Currently employed, full time" if v["end"] is None else "Status: Former employee"
    assert status in flat, stem


def test_every_kind_is_drawn_from_the_corpus_and_the_sweep(drawn: list[Drawn]) -> None:
    check_every_kind_drawn(drawn, HELD_OUT_7, "tune")


def test_holdout_v7_is_a_tune_layout_of_every_kind() -> None:
    assert all(HOLDOUT_V7 in LAYOUTS[kind] for kind in HELD_OUT_7)


def test_every_expected_value_is_printed(drawn: list[Drawn]) -> None:
    check_every_value_printed(drawn, _check)


def test_pages_written_are_the_pages_in_the_file(drawn: list[Drawn]) -> None:
    check_pages(drawn, LOG_ROWS)
    for d in drawn:
        if d.doc.kind not in ("supervision_log", "transcript"):
            assert d.pages == 1, d.doc.stem


def test_later_pages_repeat_the_heading(drawn: list[Drawn]) -> None:
    for d in drawn:
        if d.doc.kind == "transcript":
            student = d.doc.content.student  # type: ignore[union-attr]
            assert all(student in page.splitlines()[0] for page in d.page_texts[1:]), d.doc.stem
        if d.doc.kind == "supervision_log":
            supervisee = d.doc.content.supervisee  # type: ignore[union-attr]
            assert all(page.startswith("Documentation of Reflective Supervision/Consultation") and supervisee in page
                       for page in d.page_texts), d.doc.stem


def test_log_rows_read_across_one_line(drawn: list[Drawn]) -> None:
    """Each session is one text line: its date, its length in hours and minutes, its type and its provider."""
    for d, _, line, session in log_rows(drawn, r".* \d+ \d\d (Individual|Group) "):
        match = re.fullmatch(rf"(.+?) (\d+ \d\d) (Individual|Group) {re.escape(session['supervisor'])}", line)
        assert match, (d.doc.stem, line)
        assert match.group(1) in dates(session["date"]), (d.doc.stem, line)
        assert match.group(2) == _hours_minutes(session["hours"]), (d.doc.stem, line)
        assert match.group(3).lower() == session["format"], (d.doc.stem, line)


def test_log_lengths_are_the_builders_hours() -> None:
    """The hour and minute columns spell every length a log can have."""
    assert [_hours_minutes(h) for h in (1.0, 1.5, 2.0, 52.5)] == ["1 00", "1 30", "2 00", "52 30"]
    assert all(_hours_minutes(h).replace(" ", ":") in hours(h) for h in (1.0, 1.5, 2.0))


def test_worded_values_cover_every_case(drawn: list[Drawn]) -> None:
    check_worded_values_cover_every_case(drawn)


def test_unofficial_copies_say_so_and_official_ones_do_not(drawn: list[Drawn]) -> None:
    for d in transcripts_drawn(drawn):
        first = d.page_texts[0]
        assert ("UNOFFICIAL TRANSCRIPT" in first) is (not d.doc.official), d.doc.stem
        assert ("OFFICIAL TRANSCRIPT" in first.replace("UNOFFICIAL TRANSCRIPT", "")) is d.doc.official, d.doc.stem
        assert ("not valid without the Registrar's seal" in first) is (not d.doc.official), d.doc.stem
        assert all(("UNOFFICIAL" in page.splitlines()[0]) is (not d.doc.official) for page in d.page_texts[1:])
