"""The former held-out v6 drawings (fixtures/layouts_heldout6.py, tune layouts 'holdout-v6' since session 8) print
every expected value legibly, on the pages they say.

Documents come from the project's own builders: the tune split's documents in 'holdout-v6' (t035-t038), and a
sweep over the layout's date and hours spellings and every worded value (relationship, endorsement level,
signed or not, passed or not, current or former job, official or unofficial copy).
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

from fixtures.corpus import V6_HELD_DATE_STYLES
from fixtures.layouts import HOLDOUT_V6, LAYOUTS
from fixtures.layouts_heldout6 import HELD_OUT_6, LEVEL_WORDS, LOG_ROWS, RELATIONSHIP_WORDS


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("heldout6")


@pytest.fixture(scope="module")
def drawn(folder: Path) -> list[Drawn]:
    """The tune split's 'holdout-v6' documents and a sweep across its spellings and worded values, drawn."""
    swept = sweep("heldout6-sweep", HOLDOUT_V6, V6_HELD_DATE_STYLES)
    return draw("tune", HOLDOUT_V6, swept, folder)


def _line_before(drawn: Drawn, caption: str) -> str:
    """The text line just above a caption printed under its line (a signature row)."""
    lines = drawn.text.splitlines()
    at = next(k for k, line in enumerate(lines) if line.startswith(caption))
    return lines[at - 1]


def _check(drawn: Drawn, item: dict[str, Any]) -> None:
    v, flat, stem = item["value"], drawn.flat, drawn.doc.stem
    match item["type"]:
        case "degree":
            for key in ("name", "field", "institution"):
                assert v[key] in flat, (stem, key)
            granted = [line for line in drawn.text.splitlines() if " Granted " in line]
            assert any(v["name"] in line and shown(dates(v["conferred"]), line) for line in granted), stem
            assert f"Major: {v['field']}" in flat, stem
        case "training":
            assert f'"{v["title"]}"' in flat and f"sponsored by {v['provider']}," in flat, stem
            assert shown({f"held {s}, and is awarded" for s in dates(v["date"])}, flat), stem
            credit = re.search(r"is awarded (.+?) (of continuing education credit|\(instructional time\))\.", flat)
            assert credit and shown(hours(v["hours"]), credit.group(1)), stem
        case "supervision_session":
            pass  # rows are checked line by line in their own tests
        case "supervision_total":
            assert shown(hours(v["stated_total"]), line_with(drawn, "Total RS/C hours")), stem
        case "reference":
            assert f"Name: {v['rater']}" in flat, stem
            assert shown(dates(v["date"]), _line_before(drawn, "Signature of reference")), stem
            assert f"know the applicant: {RELATIONSHIP_WORDS[v['relationship']]}" in flat, stem
            assert f"endorsement status: {LEVEL_WORDS[v['rater_level']]}" in flat, stem
        case "signature":
            assert shown(dates(v["date"]), _line_before(drawn, "Signature Date")), stem
            assert f"I, {v['signer']}, have received" in flat, stem
            assert flat.count(v["signer"]) == (2 if v["signed"] else 1), stem
        case "exam":
            assert shown(dates(v["date"]), line_with(drawn, "Date of examination:")), stem
            assert line_with(drawn, "Grade:") == f"Grade: {'PASS' if v['passed'] else 'FAIL'}", stem
        case "membership":
            assert f"Association: {v['organization']}" in flat, stem
            assert shown(dates(v["valid_through"]), line_with(drawn, "Membership expires on:")), stem
            assert "X Current" in flat, stem
        case "employment":
            _check_employment(drawn, v)
        case other:
            raise AssertionError(f"no check for {other}")


def _check_employment(drawn: Drawn, v: dict[str, Any]) -> None:
    """Employer and duties printed; role, start and end (or 'Present') on the one row of the position table."""
    stem = drawn.doc.stem
    for key in ("employer", "duties"):
        assert v[key] in drawn.flat, (stem, key)
    ends = dates(v["end"]) if v["end"] else {"Present"}
    row = line_with(drawn, v["role"])
    assert shown({f"{v['role']} {s} {e} 40" for s in dates(v["start"]) for e in ends}, row), (stem, row)


def test_every_kind_is_drawn_from_the_corpus_and_the_sweep(drawn: list[Drawn]) -> None:
    check_every_kind_drawn(drawn, HELD_OUT_6, "tune")


def test_every_kind_has_the_holdout_v6_layout() -> None:
    assert all(HOLDOUT_V6 in LAYOUTS[kind] for kind in HELD_OUT_6)


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
            assert all("Record of Reflective Supervision/Consultation Hours" in page for page in d.page_texts)


def test_log_rows_read_across_one_line(drawn: list[Drawn]) -> None:
    """Each session is one text line: its date, its length, the facilitator and the applicant's initials."""
    for d, _, line, session in log_rows(drawn, r".* [A-Z]{2}$"):
        match = re.fullmatch(rf"(.+?) (\S+) {re.escape(session['supervisor'])} [A-Z]{{2}}", line)
        assert match, (d.doc.stem, line)
        assert match.group(1) in dates(session["date"]), (d.doc.stem, line)
        assert match.group(2) in hours(session["hours"]), (d.doc.stem, line)


def test_log_hours_stand_in_their_format_column(drawn: list[Drawn], folder: Path) -> None:
    """A session's length sits under 'Individual' or under 'Group': the only place its format is shown."""
    for k, d in enumerate(drawn):
        if d.doc.kind != "supervision_log":
            continue
        formats = [item["value"]["format"] for item in d.doc.items if item["type"] == "supervision_session"]
        cells = [row[2] for row in d.doc.content.rows]  # type: ignore[union-attr]
        path = folder / f"{k:03d}-{d.doc.stem}.pdf"
        seen: list[tuple[str, str]] = []
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                seen += _column_cells(page.extract_words())
        assert seen == list(zip(formats, cells, strict=True)), d.doc.stem


def _column_cells(words: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """('individual' or 'group', cell text) of each table row on a page, top to bottom."""
    def x0(text: str) -> float:
        return float(next(word["x0"] for word in words if word["text"] == text))

    top = next(word["bottom"] for word in words if word["text"] == "Individual")
    bottom = min(word["top"] for word in words if word["text"] in ("Total", "Sheet"))
    individual, group, facilitator = x0("Individual") - 4, x0("Group") - 4, x0("Facilitator") - 4
    out = []
    for word in sorted(words, key=lambda word: (round(word["top"]), word["x0"])):
        if top < word["top"] < bottom and individual <= word["x0"] < facilitator:
            out.append(("individual" if word["x0"] < group else "group", word["text"]))
    return out


def test_worded_values_cover_every_case(drawn: list[Drawn]) -> None:
    check_worded_values_cover_every_case(drawn)


def test_unofficial_copies_say_so_and_official_ones_do_not(drawn: list[Drawn]) -> None:
    for d in transcripts_drawn(drawn):
        assert all(("UNOFFICIAL" in page.splitlines()[0]) is (not d.doc.official) for page in d.page_texts)
        assert ("not an official transcript" in d.text) is (not d.doc.official), d.doc.stem
        assert ("Official when signed by the University Registrar" in d.text) is d.doc.official, d.doc.stem
