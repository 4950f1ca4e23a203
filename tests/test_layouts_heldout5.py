"""The former held-out v5 drawings (fixtures/layouts_heldout5.py, tune layouts 'holdout-v5' since session 7) print
every expected value legibly, on the pages they say.

Documents come from the project's own builders: the tune split's documents in 'holdout-v5' (t031-t034), and a
sweep over the layout's date and hours spellings and every worded value (relationship, endorsement level,
signed or not, passed or not, current or former job, certified or advising copy).
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

from fixtures.corpus import V5_HELD_DATE_STYLES
from fixtures.layouts import HOLDOUT_V5
from fixtures.layouts_heldout5 import HELD_OUT_5, LEVEL_ANSWERS, LOG_ROWS, RELATIONSHIP_ANSWERS


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> list[Drawn]:
    """The tune split's 'holdout-v5' documents and a sweep across its spellings and worded values, drawn."""
    swept = sweep("heldout5-sweep", HOLDOUT_V5, V5_HELD_DATE_STYLES)
    return draw("tune", HOLDOUT_V5, swept, tmp_path_factory.mktemp("heldout5"))


def _check(drawn: Drawn, item: dict[str, Any]) -> None:
    v, flat, stem = item["value"], drawn.flat, drawn.doc.stem
    match item["type"]:
        case "degree":
            for key in ("name", "field", "institution"):
                assert v[key] in flat, (stem, key)
            awards = [line for line in drawn.text.splitlines() if line.startswith("awarded ")]
            assert any(shown(dates(v["conferred"]), line) for line in awards), stem
        case "training":
            assert v["title"] in flat and v["provider"] in flat, stem
            assert shown(dates(v["date"]), line_with(drawn, "Date(s) of attendance")), stem
            assert shown(hours(v["hours"]), line_with(drawn, "CE credit verified")), stem
        case "supervision_session":
            pass  # rows are checked line by line in their own test
        case "supervision_total":
            assert shown(hours(v["stated_total"]), line_with(drawn, "Sum of contact time")), stem
        case "reference":
            assert v["rater"] in flat and shown(dates(v["date"]), line_with(drawn, "Date you completed")), stem
            assert RELATIONSHIP_ANSWERS[v["relationship"]] in flat, stem
            assert LEVEL_ANSWERS[v["rater_level"]] in flat, stem
        case "signature":
            assert shown(dates(v["date"]), flat), stem
            assert flat.count(v["signer"]) == (2 if v["signed"] else 1), stem
        case "exam":
            assert shown(dates(v["date"]), line_with(drawn, "Examined on")), stem
            outcome = "SUCCESSFUL - passed" if v["passed"] else "UNSUCCESSFUL - not passed"
            assert line_with(drawn, "Outcome") == f"Outcome {outcome}", stem
        case "membership":
            assert v["organization"] in flat, stem
            assert shown(dates(v["valid_through"]), line_with(drawn, "Dues paid through")), stem
        case "employment":
            _check_employment(flat, v, stem)
        case other:
            raise AssertionError(f"no check for {other}")


def _check_employment(flat: str, v: dict[str, Any], stem: str) -> None:
    """Employer, role and duties in the letter; the start in the sentence that names the role; the end or 'still'."""
    for key in ("employer", "role", "duties"):
        assert v[key] in flat, (stem, key)
    began = {f"began work with {v['employer']} on {s} in the role of {v['role']}." for s in dates(v["start"])}
    assert shown(began, flat), stem
    if v["end"]:
        assert shown({f"last day in that role was {s}." for s in dates(v["end"])}, flat), stem
    else:
        assert "is still on our staff in that role." in flat, stem


def test_every_kind_is_drawn_from_the_corpus_and_the_sweep(drawn: list[Drawn]) -> None:
    check_every_kind_drawn(drawn, HELD_OUT_5, "tune")


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
            assert all(student in page.splitlines()[0] for page in d.page_texts), d.doc.stem
        if d.doc.kind == "supervision_log":
            assert all("Consultation Contact Log" in page for page in d.page_texts), d.doc.stem


def test_log_rows_read_across_one_line(drawn: list[Drawn]) -> None:
    """Each contact is one text line: its number, date, type (one-to-one or group), length and consultant."""
    for d, n, line, session in log_rows(drawn, r"\d+ "):
        kind = "Small group" if session["format"] == "group" else "One-to-one"
        match = re.match(rf"{n} (.+?) {kind} (.+?) {re.escape(session['supervisor'])} ", line)
        assert match, (d.doc.stem, line)
        assert match.group(1) in dates(session["date"]), (d.doc.stem, line)
        assert match.group(2) in hours(session["hours"]) | {f"{session['hours']:.1f} hrs"}, (d.doc.stem, line)


def test_worded_values_cover_every_case(drawn: list[Drawn]) -> None:
    check_worded_values_cover_every_case(drawn)


def test_advising_copies_say_so_and_certified_ones_do_not(drawn: list[Drawn]) -> None:
    for d in transcripts_drawn(drawn):
        assert ("UNCERTIFIED ADVISING COPY" in d.text) is (not d.doc.official), d.doc.stem
        assert ("CERTIFIED ELECTRONIC RECORD" in d.text) is d.doc.official, d.doc.stem
