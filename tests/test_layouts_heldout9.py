"""The former held-out v9 drawings (fixtures/layouts_heldout9.py, tune layouts 'holdout-v9' since session 11) print
every expected value legibly, on the pages they say.

Documents come from the project's own builders: the tune split's documents in 'holdout-v9' (t047-t050), and a
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
    shown,
    sweep,
    transcripts_drawn,
)

from fixtures.corpus import LOG_HOURS, TRAINING_HOURS, V9_HELD_DATE_STYLES
from fixtures.layouts import HOLDOUT_V9, LAYOUTS
from fixtures.layouts_heldout9 import (
    BAND,
    COUNTERSIGNER,
    HELD_OUT_9,
    LEVEL_WORDS,
    LOG_ROWS,
    RELATIONSHIP_WORDS,
    credit_label,
)

LOG_ROW = r"(\d+) (.+?) (\d+(?:\.\d)?(?: hrs)?) (In person|Video)"
"""A log's session line as the text layer reads it: its number, date, length and setting."""
SECTION = r"(Individual RS/C with|Group RS/C led by) (.+?)( \(continued\))?"
"""A log section's heading: the kind of RS/C and the provider."""


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> list[Drawn]:
    """The tune split's 'holdout-v9' documents and a sweep across its spellings and worded values, drawn."""
    swept = sweep("heldout9-sweep", HOLDOUT_V9, V9_HELD_DATE_STYLES)
    return draw("tune", HOLDOUT_V9, swept, tmp_path_factory.mktemp("heldout9"))


def _after(drawn: Drawn, needle: str, count: int = 1) -> list[str]:
    """The `count` text lines after the first line holding `needle`."""
    lines = drawn.text.splitlines()
    at = next(k for k, line in enumerate(lines) if needle in line)
    return lines[at + 1:at + 1 + count]


def _before(drawn: Drawn, needle: str) -> str:
    """The text line just before the first line holding `needle`."""
    lines = drawn.text.splitlines()
    return lines[next(k for k, line in enumerate(lines) if needle in line) - 1]


def _check(drawn: Drawn, item: dict[str, Any]) -> None:
    v, flat, stem = item["value"], drawn.flat, drawn.doc.stem
    match item["type"]:
        case "degree":
            assert v["institution"] in flat, stem
            first = drawn.page_texts[0].splitlines()
            block = first[first.index("DEGREES AWARDED") + 1:first.index("COURSE WORK")]
            line = next(line for line in block if f" {v['name']}" in line)
            assert line.endswith(f"Major: {v['field']}"), (stem, line)
            assert shown({f"{s} {v['name']}" for s in dates(v["conferred"])}, line), (stem, line)
            assert line.split(" Major: ")[0].count("(") <= 1, (stem, line)
        case "training":
            assert v["provider"] in flat, stem  # the band and the body are read apart in their own test
        case "supervision_session":
            pass  # rows are checked line by line in their own test
        case "supervision_total":
            total = line_with(drawn, "Total of all sessions, all providers:").rpartition(": ")[2]
            assert total.removesuffix(" minutes") in hours(v["stated_total"]), (stem, total)
        case "reference":
            assert _after(drawn, "Your name")[0] == v["rater"], stem
            assert _after(drawn, "How do you know the applicant?")[0] == RELATIONSHIP_WORDS[v["relationship"]], stem
            assert _after(drawn, "Which Endorsement do you hold?")[0] == LEVEL_WORDS[v["rater_level"]], stem
            lines = drawn.text.splitlines()
            at = lines.index(next(line for line in lines if line.startswith("Signature of reference")))
            signature, dated = sorted(lines[at - 2:at], key=lambda line: line != v["rater"])
            assert signature == v["rater"] and dated in dates(v["date"]), (stem, lines[at - 2:at])
        case "signature":
            _check_signature(drawn, v)
        case "exam":
            tested = re.search(r"Date tested \.+ (\S+)", drawn.text)
            assert tested and tested.group(1) in dates(v["date"]), stem
            status = re.search(r"Exam status \.+ (.+)", drawn.text)
            assert status and status.group(1) == ("Successful" if v["passed"] else "Not successful"), stem
        case "membership":
            assert v["organization"] in flat, stem
            valid = re.search(r"membership is valid through (.+?)\. ", flat)
            assert valid and valid.group(1) in dates(v["valid_through"]), stem
            assert shown({f"Please renew by {s}" for s in dates(v["valid_through"])}, flat), stem
        case "employment":
            _check_employment(drawn, v)
        case other:
            raise AssertionError(f"no check for {other}")


def _check_signature(drawn: Drawn, v: dict[str, Any]) -> None:
    """The applicant's block on the left of each line, the office's on the right only once the applicant signed."""
    stem, signer = drawn.doc.stem, v["signer"]
    signature = _before(drawn, "Signature (applicant)")
    assert signature == (f"{signer} {COUNTERSIGNER}" if v["signed"] else "APPLICANT ACCEPTED FOR THE ENDORSEMENT "
                         "OFFICE"), (stem, signature)
    assert _before(drawn, "Printed name") == (f"{signer} {COUNTERSIGNER}" if v["signed"] else signer), stem
    dated = _before(drawn, "Date Date")
    if v["signed"]:
        assert any(dated.startswith(f"{s} ") and dated != f"{s} " for s in dates(v["date"])), (stem, dated)
    else:
        assert dated in dates(v["date"]), (stem, dated)
    assert drawn.flat.count(signer) == (2 if v["signed"] else 1), stem


def _check_employment(drawn: Drawn, v: dict[str, Any]) -> None:
    """Employer, title and duties in sentences, the period in the first sentence, current or not in words."""
    flat, stem = drawn.flat, drawn.doc.stem
    assert v["employer"] in flat and f"in the position of {v['role']}" in flat, stem
    tense = "are" if v["end"] is None else "were"
    assert f"The main responsibilities of the position {tense} {v['duties']}." in flat, stem
    if v["end"] is None:
        spans = {f"since {s}, and is employed with us today" for s in dates(v["start"])}
    else:
        spans = {f"from {s} until {e}, in the position of" for s in dates(v["start"]) for e in dates(v["end"])}
        assert "no longer works for" in flat, stem
    assert shown(spans, flat), stem


def test_every_kind_is_drawn_from_the_corpus_and_the_sweep(drawn: list[Drawn]) -> None:
    check_every_kind_drawn(drawn, HELD_OUT_9, "tune")


def test_holdout_v9_is_a_tune_layout_of_every_kind() -> None:
    assert all(HOLDOUT_V9 in LAYOUTS[kind] for kind in HELD_OUT_9)


def test_v9_keeps_its_own_spellings() -> None:
    assert TRAINING_HOURS[HOLDOUT_V9] == ["clock", "hrs", "colon", "ceu", "min"]
    assert LOG_HOURS[HOLDOUT_V9] == ["hrs", "minutes"]
    assert V9_HELD_DATE_STYLES["exam_result"] == ["banner", "short", "iso"]


def test_every_expected_value_is_printed(drawn: list[Drawn]) -> None:
    check_every_value_printed(drawn, _check)


def test_pages_written_are_the_pages_in_the_file(drawn: list[Drawn]) -> None:
    check_pages(drawn, LOG_ROWS)
    two = ("reference_rating", "employment_verification")
    for d in drawn:
        if d.doc.kind in two:
            assert d.pages == 2, d.doc.stem
        elif d.doc.kind not in ("supervision_log", "transcript"):
            assert d.pages == 1, d.doc.stem


def test_certificates_state_the_facts_in_the_band(drawn: list[Drawn], tmp_path: Path) -> None:
    """The band down the left reads caption, value, caption, value; the body holds the learner and the course."""
    for k, d in enumerate(x for x in drawn if x.doc.kind == "training_certificate"):
        v, t = d.doc.items[0]["value"], d.doc.content
        path = tmp_path / f"{k}.pdf"
        HELD_OUT_9["training_certificate"](d.doc, path)
        with pdfplumber.open(path) as pdf:
            page = pdf.pages[0]
            band = (page.crop((0, 0, BAND, page.height)).extract_text() or "").splitlines()
            body = " ".join((page.crop((BAND, 0, page.width, page.height)).extract_text() or "").split())
        at = band.index("COMPLETED")
        assert band[at + 1] in dates(v["date"]), (d.doc.stem, band)
        caption, phrase = band[at + 2:at + 4]
        assert caption == credit_label(phrase) and phrase in hours(v["hours"]), (d.doc.stem, band)
        assert band[band.index("ISSUED") + 1] == t.issued, d.doc.stem  # type: ignore[union-attr]
        assert v["title"] in body and t.name in body, d.doc.stem  # type: ignore[union-attr]


def test_later_pages_repeat_the_heading(drawn: list[Drawn]) -> None:
    for d in drawn:
        if d.doc.kind == "transcript":
            student = d.doc.content.student  # type: ignore[union-attr]
            assert all(student in page.splitlines()[0] and "continued" in page.splitlines()[0]
                       for page in d.page_texts[1:-1]), d.doc.stem
            assert d.page_texts[-1].startswith("TRANSCRIPT KEY"), d.doc.stem
        if d.doc.kind == "supervision_log":
            supervisee = d.doc.content.supervisee  # type: ignore[union-attr]
            assert all(page.startswith("Record of Reflective Supervision/Consultation (RS/C)")
                       and f"Applicant: {supervisee}" in page for page in d.page_texts), d.doc.stem


def test_log_rows_sit_in_their_provider_s_section(drawn: list[Drawn]) -> None:
    """Each session is one numbered text line (date, length, setting) under the heading of its provider's section,
    which says whether the RS/C was individual or in a group; sections follow the order providers first appear."""
    logs = [d for d in drawn if d.doc.kind == "supervision_log"]
    assert logs
    for d in logs:
        sessions = [item["value"] for item in d.doc.items if item["type"] == "supervision_session"]
        providers = list(dict.fromkeys(s["supervisor"] for s in sessions))
        expected = [s for who in providers for s in sessions if s["supervisor"] == who]
        rows, section = [], None
        for line in d.text.splitlines():
            if heading := re.fullmatch(SECTION, line):
                section = heading
            elif row := re.fullmatch(LOG_ROW, line):
                rows.append((row, section))
        assert len(rows) == len(expected), d.doc.stem
        for n, ((row, heading), session) in enumerate(zip(rows, expected, strict=True), start=1):
            assert heading and heading.group(2) == session["supervisor"], (d.doc.stem, n)
            assert heading.group(1).startswith("Group") is (session["format"] == "group"), (d.doc.stem, n)
            assert row.group(1) == str(n) and row.group(2) in dates(session["date"]), (d.doc.stem, row.group(0))
            assert row.group(3) in hours(session["hours"]), (d.doc.stem, row.group(0))


def test_worded_values_cover_every_case(drawn: list[Drawn]) -> None:
    check_worded_values_cover_every_case(drawn)
    formats = {item["value"]["format"] for d in drawn for item in d.doc.items if item["type"] == "supervision_session"}
    assert formats == {"individual", "group"}


def test_unofficial_copies_say_so_on_every_page(drawn: list[Drawn]) -> None:
    for d in transcripts_drawn(drawn):
        assert ("UNOFFICIAL STUDENT COPY" in d.page_texts[0]) is (not d.doc.official), d.doc.stem
        assert all(("UNOFFICIAL COPY ISSUED TO THE STUDENT" in page) is (not d.doc.official)
                   for page in d.page_texts), d.doc.stem
        assert all(("Official only when it bears" in page) is d.doc.official for page in d.page_texts), d.doc.stem
