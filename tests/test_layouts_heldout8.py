"""The former held-out v8 drawings (fixtures/layouts_heldout8.py, tune layouts 'holdout-v8' since session 10) print
every expected value legibly, on the pages they say.

Documents come from the project's own builders: the tune split's documents in 'holdout-v8' (t043-t046), and a
sweep over the layout's date and hours spellings and every worded value (relationship, endorsement level,
signed or not, passed or not, current or former job, official or unofficial copy, individual or group session).
The sweep, the drawing and the checks every held-out set shares are in tests/heldout_checks.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pdfplumber
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

from fixtures.corpus import V8_HELD_DATE_STYLES
from fixtures.layouts import HOLDOUT_V8, LAYOUTS, MARGIN
from fixtures.layouts_heldout8 import HELD_OUT_8, LEVEL_WORDS, LOG_ROWS, LOG_WIDTHS, RELATIONSHIP_WORDS

LOG_ROW = r"(.+?) X (\d+(?:\.\d|:\d\d)) (\d+(?:\.\d|:\d\d)) (.+)"
"""A log's session line as the text layer reads it: date, the tick, hours, running total, provider."""


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> list[Drawn]:
    """The tune split's 'holdout-v8' documents and a sweep across its spellings and worded values, drawn."""
    swept = sweep("heldout8-sweep", HOLDOUT_V8, V8_HELD_DATE_STYLES)
    return draw("tune", HOLDOUT_V8, swept, tmp_path_factory.mktemp("heldout8"))


def _after(drawn: Drawn, needle: str, count: int = 1) -> list[str]:
    """The `count` text lines after the first line holding `needle`."""
    lines = drawn.text.splitlines()
    at = next(k for k, line in enumerate(lines) if needle in line)
    return lines[at + 1:at + 1 + count]


def _check(drawn: Drawn, item: dict[str, Any]) -> None:
    v, flat, stem = item["value"], drawn.flat, drawn.doc.stem
    match item["type"]:
        case "degree":
            assert v["institution"] in flat, stem
            degree = line_with(drawn, f"Degree: {v['name']}")
            conferred, plan = _after(drawn, degree, 2)
            lines = drawn.text.splitlines()
            career = "Undergraduate" if v["abbreviation"].startswith("B") else "Graduate"
            assert f"Beginning of {career} Record" in lines[lines.index(degree) - 1], stem
            assert shown({f"Confer Date: {s}" for s in dates(v["conferred"])}, conferred), (stem, conferred)
            assert plan == f"Plan: {v['field']} Major", (stem, plan)
        case "training":
            assert f"\u201c{v['title']}\u201d" in flat and v["provider"] in flat, stem
            held = re.search(r" held (.+?), for which the participant earned (.+?) of continuing education credit\.",
                             flat)
            assert held and shown(dates(v["date"]), held.group(1)), stem
            assert shown(hours(v["hours"]), held.group(2)), stem
        case "supervision_session":
            pass  # rows are checked line by line in their own test
        case "supervision_total":
            total = line_with(drawn, "Total RS/C hours on this log:").rpartition(": ")[2]
            assert total in hours(v["stated_total"]), (stem, total)
        case "reference":
            assert _after(drawn, "Reference's full name")[0] == f"{v['rater']} (555) 017-3308", stem
            assert _after(drawn, "In what capacity")[0] == RELATIONSHIP_WORDS[v["relationship"]], stem
            level = _after(drawn, "Endorsement you hold")[0]
            assert level.rpartition(" ")[0] == LEVEL_WORDS[v["rater_level"]], (stem, level)
            signed = _after(drawn, "Signature of reference")[0]
            assert shown({f"{v['rater']} {s}" for s in dates(v["date"])}, signed), (stem, signed)
        case "signature":
            assert f"I, {v['signer']} , have read the Code of Ethics" in flat, stem
            following = _after(drawn, "Signature of applicant", 2)
            assert any(line in dates(v["date"]) for line in following), (stem, following)
            assert (v["signer"] in following) is v["signed"], stem
            assert flat.count(v["signer"]) == (2 if v["signed"] else 1), stem
        case "exam":
            tested = _after(drawn, "DATE TESTED")[0]
            assert shown(dates(v["date"]), tested.removesuffix(" Online proctored")), (stem, tested)
            lines = drawn.text.splitlines()
            assert ("PASS" in lines, "FAIL" in lines) == (v["passed"], not v["passed"]), stem
        case "membership":
            assert v["organization"] in flat, stem
            above = line_with(drawn, " SEAL ")
            assert shown(dates(v["valid_through"]), above.partition(" SEAL ")[2]), (stem, above)
            assert line_with(drawn, "Membership Expires").endswith("Membership Expires"), stem
        case "employment":
            _check_employment(drawn, v)
        case other:
            raise AssertionError(f"no check for {other}")


def _check_employment(drawn: Drawn, v: dict[str, Any]) -> None:
    """Employer, title and duties printed; the period on one line, then the status in words."""
    flat, stem = drawn.flat, drawn.doc.stem
    assert v["employer"] in flat and f"Duties {v['duties']}" in flat, stem
    assert f"Job title {v['role']}" in flat, stem
    ends = dates(v["end"]) if v["end"] else {"present"}
    spans = {f"Employed {s} - {e}" for s in dates(v["start"]) for e in ends}
    assert shown(spans, line_with(drawn, "Employed ")), stem
    status = "Status Active - full-time employee" if v["end"] is None else "Status Separated"
    assert status in flat, stem


def test_every_kind_is_drawn_from_the_corpus_and_the_sweep(drawn: list[Drawn]) -> None:
    check_every_kind_drawn(drawn, HELD_OUT_8, "tune")


def test_holdout_v8_is_a_tune_layout_of_every_kind() -> None:
    assert all(HOLDOUT_V8 in LAYOUTS[kind] for kind in HELD_OUT_8)


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
            assert all(f"Name: {student}" in page.splitlines()[0] for page in d.page_texts[1:]), d.doc.stem
        if d.doc.kind == "supervision_log":
            supervisee = d.doc.content.supervisee  # type: ignore[union-attr]
            assert all(page.startswith("Reflective Supervision/Consultation Hours Log") and supervisee in page
                       for page in d.page_texts), d.doc.stem


def test_log_rows_read_across_one_line(drawn: list[Drawn]) -> None:
    """Each session is one text line: its date, a tick, its hours, the running total and its provider."""
    for d, n, line, session in log_rows(drawn, LOG_ROW):
        match = re.fullmatch(LOG_ROW, line)
        assert match and match.group(4) == session["supervisor"], (d.doc.stem, line)
        assert match.group(1) in dates(session["date"]), (d.doc.stem, line)
        assert match.group(2) in hours(session["hours"]), (d.doc.stem, line)
        sessions = [item["value"]["hours"] for item in d.doc.items if item["type"] == "supervision_session"]
        assert match.group(3) in hours(sum(sessions[:n])), (d.doc.stem, line)


def test_log_ticks_stand_under_their_session_type(drawn: list[Drawn], tmp_path: Path) -> None:
    """The session type is only the column its X stands in: 'Indiv.' for an individual session, 'Group' for a
    group one."""
    indiv = MARGIN + LOG_WIDTHS[0]
    group = indiv + LOG_WIDTHS[1]
    for k, d in enumerate(x for x in drawn if x.doc.kind == "supervision_log"):
        path = tmp_path / f"{k}.pdf"
        HELD_OUT_8["supervision_log"](d.doc, path)
        with pdfplumber.open(path) as pdf:
            ticks = [word["x0"] for page in pdf.pages for word in page.extract_words() if word["text"] == "X"]
        formats = [item["value"]["format"] for item in d.doc.items if item["type"] == "supervision_session"]
        assert len(ticks) == len(formats), d.doc.stem
        for x, fmt in zip(ticks, formats, strict=True):
            assert (group <= x < group + LOG_WIDTHS[2]) if fmt == "group" else (indiv <= x < group), d.doc.stem


def test_worded_values_cover_every_case(drawn: list[Drawn]) -> None:
    check_worded_values_cover_every_case(drawn)
    formats = {item["value"]["format"] for d in drawn for item in d.doc.items if item["type"] == "supervision_session"}
    assert formats == {"individual", "group"}


def test_unofficial_copies_say_so_and_official_ones_do_not(drawn: list[Drawn]) -> None:
    for d in transcripts_drawn(drawn):
        first = d.page_texts[0]
        assert ("Unofficial Transcript" in first) is (not d.doc.official), d.doc.stem
        assert ("Official Transcript" in first) is d.doc.official, d.doc.stem
        assert ("Issued to student - not an official record" in first) is (not d.doc.official), d.doc.stem
        assert all(("Unofficial" in page.splitlines()[0]) is (not d.doc.official) for page in d.page_texts[1:])
