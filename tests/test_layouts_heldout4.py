"""The former held-out v4 drawings (fixtures/layouts_heldout4.py, tune layouts 'holdout-v4' since session 6) print
every expected value legibly, on the pages they say.

Documents come from the project's own builders: the tune split's documents in 'holdout-v4' (t027-t030), and a
sweep over the layout's date and hours spellings and every worded value (relationship, endorsement level,
signed or not, passed or not, current or former job, official or holder's copy).
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

from fixtures.corpus import V4_HELD_DATE_STYLES
from fixtures.layouts import HOLDOUT_V4
from fixtures.layouts_heldout4 import HELD_OUT_4, LEVEL_WORDS, LOG_ROWS, RELATIONSHIP_WORDS


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> list[Drawn]:
    """The tune split's 'holdout-v4' documents and a sweep across its spellings and worded values, drawn."""
    swept = sweep("heldout4-sweep", HOLDOUT_V4, V4_HELD_DATE_STYLES)
    return draw("tune", HOLDOUT_V4, swept, tmp_path_factory.mktemp("heldout4"))


def _check(drawn: Drawn, item: dict[str, Any]) -> None:
    v, flat, stem = item["value"], drawn.flat, drawn.doc.stem
    match item["type"]:
        case "degree":
            for key in ("name", "field", "institution"):
                assert v[key] in flat, (stem, key)
            awards = [line for line in drawn.text.splitlines() if "Date of award" in line]
            assert any(shown(dates(v["conferred"]), line) for line in awards), stem
        case "training":
            assert v["title"] in flat and v["provider"] in flat, stem
            assert shown(dates(v["date"]), line_with(drawn, "Attended")), stem
            assert shown(hours(v["hours"]), line_with(drawn, "Credit")), stem
        case "supervision_session":
            pass  # rows are checked line by line in their own test
        case "supervision_total":
            total = line_with(drawn, "Total")
            assert shown(hours(v["stated_total"]), total), stem
        case "reference":
            assert v["rater"] in flat and shown(dates(v["date"]), flat), stem
            assert f"The reference {RELATIONSHIP_WORDS[v['relationship']]}" in flat, stem
            assert f"The reference {LEVEL_WORDS[v['rater_level']]}" in flat, stem
        case "signature":
            assert shown(dates(v["date"]), flat), stem
            assert flat.count(v["signer"]) == (2 if v["signed"] else 1), stem
        case "exam":
            assert shown(dates(v["date"]), flat), stem
            assert ("has MET the passing standard" in flat) is v["passed"], stem
            assert ("has NOT MET the passing standard" in flat) is not v["passed"], stem
        case "membership":
            assert v["organization"] in flat, stem
            assert shown({f"runs until {spelled}." for spelled in dates(v["valid_through"])}, flat), stem
        case "employment":
            for key in ("employer", "role", "duties"):
                assert v[key] in flat, (stem, key)
            assert shown(dates(v["start"]), line_with(drawn, "Employed from")), stem
            until = line_with(drawn, "Employed until")
            assert shown(dates(v["end"]), until) if v["end"] else until.strip() == "Employed until", stem
            assert ("X Still employed here" in drawn.text) is (v["end"] is None), stem
        case other:
            raise AssertionError(f"no check for {other}")


def test_every_kind_is_drawn_from_the_corpus_and_the_sweep(drawn: list[Drawn]) -> None:
    check_every_kind_drawn(drawn, HELD_OUT_4, "tune")


def test_every_expected_value_is_printed(drawn: list[Drawn]) -> None:
    check_every_value_printed(drawn, _check)


def test_pages_written_are_the_pages_in_the_file(drawn: list[Drawn]) -> None:
    check_pages(drawn, LOG_ROWS)


def test_later_pages_repeat_the_heading(drawn: list[Drawn]) -> None:
    for d in drawn:
        if d.doc.kind == "transcript":
            assert all(f"Holder: {d.doc.content.student}" in page for page in d.page_texts), d.doc.stem  # type: ignore[union-attr]
        if d.doc.kind == "supervision_log":
            assert all("STATEMENT OF SERVICES" in page for page in d.page_texts), d.doc.stem


def test_log_rows_read_across_one_line(drawn: list[Drawn]) -> None:
    """Each session is one text line: its date, the service (individual or group) and who gave it, its time."""
    for d, _, line, session in log_rows(drawn, r"\d"):
        group = session["format"] == "group"
        assert shown(dates(session["date"]), line.split()[0]), (d.doc.stem, line)
        assert (f"led by {session['supervisor']}" if group else f"with {session['supervisor']}") in line
        assert ("Group" if group else "Individual") in line, (d.doc.stem, line)
        cell = re.search(rf"{re.escape(session['supervisor'])} (.+?) \$", line)
        assert cell and cell.group(1) in hours(session["hours"]), (d.doc.stem, line)


def test_worded_values_cover_every_case(drawn: list[Drawn]) -> None:
    check_worded_values_cover_every_case(drawn)


def test_holders_copies_say_so_and_certified_ones_do_not(drawn: list[Drawn]) -> None:
    for d in transcripts_drawn(drawn):
        assert ("HOLDER'S COPY - NOT AN OFFICIAL RECORD" in d.text) is (not d.doc.official), d.doc.stem
