"""The former held-out v3 drawings (fixtures/layouts_heldout3.py, tune layouts 'holdout-v3' since session 6) print
every expected value legibly, on the pages they say.

Documents come from the project's own builders: the tune split's documents in 'holdout-v3', and a
sweep over the layout's date and hours spellings and every worded value (relationship, endorsement level,
signed or not, passed or not, current or former job, official or student copy).
The sweep, the drawing and the checks every held-out set shares are in tests/heldout_checks.py.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from heldout_checks import (
    Drawn,
    Styles,
    agreement,
    check_every_kind_drawn,
    check_every_value_printed,
    check_pages,
    check_references_cover_every_case,
    dates,
    draw,
    employments,
    exam,
    hours,
    line_with,
    log_rows,
    logs,
    memberships,
    references,
    shown,
    sweep,
    trainings,
    transcripts,
    transcripts_drawn,
)

from fixtures.content import Document
from fixtures.corpus import V3_HELD_DATE_STYLES
from fixtures.documents import Builder
from fixtures.layouts import HOLDOUT_V3
from fixtures.layouts_heldout3 import HELD_OUT_3, LEVEL_BOXES, LOG_ROWS, RELATIONSHIP_BOXES


def _ethics_and_exams(b: Builder, layout: str, styles: Styles) -> list[Document]:
    """An agreement and an exam result for each of the agreements' date spellings, twice, in turn."""
    return [doc for i, style in enumerate(styles["ethics_agreement"] * 2)
            for doc in (agreement(b, layout, i, style), exam(b, layout, i, style))]


_PARTS = (transcripts, trainings, logs, references, _ethics_and_exams, memberships, employments)
"""The sweep's kinds in the order they are built, agreements and exam results side by side."""


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> list[Drawn]:
    """The tune split's 'holdout-v3' documents and a sweep across its spellings and worded values, drawn."""
    swept = sweep("heldout3-sweep", HOLDOUT_V3, V3_HELD_DATE_STYLES, _PARTS)
    return draw("tune", HOLDOUT_V3, swept, tmp_path_factory.mktemp("heldout3"))


def _check(drawn: Drawn, item: dict[str, Any]) -> None:
    v, flat, stem = item["value"], drawn.flat, drawn.doc.stem
    match item["type"]:
        case "degree":
            for key in ("name", "field", "institution"):
                assert v[key] in flat, (stem, key)
            assert shown(dates(v["conferred"]), flat), stem
        case "training":
            assert v["title"] in flat and v["provider"] in flat, stem
            assert shown(dates(v["date"]), flat) and shown(hours(v["hours"]), flat), stem
        case "supervision_session":
            pass  # rows are checked line by line in their own test
        case "supervision_total":
            total = line_with(drawn, "Total")
            assert shown(hours(v["stated_total"]), total), stem
        case "reference":
            assert v["rater"] in flat and shown(dates(v["date"]), flat), stem
        case "signature":
            assert shown(dates(v["date"]), flat), stem
            assert flat.count(v["signer"]) == (2 if v["signed"] else 1), stem
        case "exam":
            assert shown(dates(v["date"]), flat), stem
            assert ("Completed - Passed" in flat) is v["passed"], stem
        case "membership":
            assert v["organization"] in flat and shown(dates(v["valid_through"]), flat), stem
        case "employment":
            for key in ("employer", "role", "duties"):
                assert v[key] in flat, (stem, key)
            assert shown(dates(v["start"]), flat), stem
            assert shown(dates(v["end"]), flat) if v["end"] else "Still employed" in flat, stem
        case other:
            raise AssertionError(f"no check for {other}")


def test_every_kind_is_drawn_from_the_corpus_and_the_sweep(drawn: list[Drawn]) -> None:
    check_every_kind_drawn(drawn, HELD_OUT_3, "tune")


def test_every_expected_value_is_printed(drawn: list[Drawn]) -> None:
    check_every_value_printed(drawn, _check)


def test_pages_written_are_the_pages_in_the_file(drawn: list[Drawn]) -> None:
    check_pages(drawn, LOG_ROWS)


def test_later_pages_repeat_the_heading(drawn: list[Drawn]) -> None:
    for d in drawn:
        if d.doc.kind == "transcript":
            assert all(d.doc.content.student in page for page in d.page_texts), d.doc.stem  # type: ignore[union-attr]
        if d.doc.kind == "supervision_log":
            assert all("Documentation Form" in page for page in d.page_texts), d.doc.stem


def test_log_rows_read_across_one_line(drawn: list[Drawn]) -> None:
    """Each session is one text line: its date, hours, individual or group, and supervisor."""
    for d, _, line, session in log_rows(drawn, r"\d"):
        assert shown(dates(session["date"]), line.split()[0]), (d.doc.stem, line)
        assert session["supervisor"] in line, (d.doc.stem, line)
        assert ("Grp" if session["format"] == "group" else "Indiv") in line, (d.doc.stem, line)
        cell = re.match(r"\S+\s+(?:\S+ [AP]M-\S+ [AP]M\s+)?(.+?)\s+(?:Indiv|Grp)\b", line)
        assert cell and cell.group(1) in hours(session["hours"]), (d.doc.stem, line)


def test_reference_ticks_the_relationship_and_the_level_it_was_built_with(drawn: list[Drawn]) -> None:
    relationships, levels = dict(RELATIONSHIP_BOXES), dict(LEVEL_BOXES)
    for d in drawn:
        if d.doc.kind != "reference_rating":
            continue
        value = d.doc.items[0]["value"]
        ticked = [line for line in d.text.splitlines() if line.startswith("X ")]
        assert ticked[:2] == [f"X {relationships[value['relationship']]}", f"X {levels[value['rater_level']]}"]
    check_references_cover_every_case(drawn)


def test_student_copies_say_so_and_official_records_do_not(drawn: list[Drawn]) -> None:
    for d in transcripts_drawn(drawn):
        assert ("STUDENT COPY" in d.text) is (not d.doc.official), d.doc.stem
