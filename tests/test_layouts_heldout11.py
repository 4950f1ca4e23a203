"""The former held-out v11 drawings (fixtures/layouts_heldout11.py, tune layouts 'holdout-v11' since session 13)
print every expected value legibly, on the pages they say.

Documents come from the project's own builders: the tune split's documents in 'holdout-v11' (t055-t058), and a
sweep over the layout's date and hours spellings and every worded value (relationship, endorsement level,
signed or not, passed or not, current or former job, official or unofficial copy, individual or group session).
The sweep, the drawing and the checks every held-out set shares are in tests/heldout_checks.py. The agreement's
panel and the employer's summary box sit beside other text, so they are read again from their own part of the page.
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
    sweep,
    transcripts_drawn,
)

from fixtures.corpus import LOG_HOURS, TRAINING_HOURS, V11_HELD_DATE_STYLES
from fixtures.layouts import HOLDOUT_V11, LAYOUTS, drawing
from fixtures.layouts_heldout11 import (
    BOX_LEFT,
    CREDENTIALS,
    HELD_OUT_11,
    LOG_ROWS,
    NOT_ENDORSED,
    OUTCOMES,
    PANEL_LEFT,
    PROFESSIONS,
    RELATIONSHIP_ROLES,
    TYPES,
)

LOG_DATE = r"\d{1,2}/\d{1,2}/\d{2}|[A-Z][a-z]+ \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4}"
"""A session date in the v11 log's spellings (long, short, dmy)."""
LOG_ROW = rf"({LOG_DATE}) (.+?) (One-on-one|Group) (\d+(?:\.\d+)?(?: hrs)?) (.+)"
"""A session's first text line: date, provider, type, length, the start of the session's focus."""
TOTAL = re.compile(r"Total (?:minutes of RS/C|hours of RS/C|RS/C): (.+)")


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> list[Drawn]:
    """The tune split's 'holdout-v11' documents and a sweep across its spellings and worded values, drawn."""
    swept = sweep("heldout11-sweep", HOLDOUT_V11, V11_HELD_DATE_STYLES)
    return draw("tune", HOLDOUT_V11, swept, tmp_path_factory.mktemp("heldout11"))


@pytest.fixture(scope="module")
def parts(drawn: list[Drawn], tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[str, str]]:
    """Agreements and employment letters drawn again, by their place in `drawn`: (the text left of the panel or
    box, the text from the panel's or box's left edge to the page's)."""
    folder, out = tmp_path_factory.mktemp("heldout11-parts"), {}
    for k, d in enumerate(drawn):
        split = {"ethics_agreement": PANEL_LEFT, "employment_verification": BOX_LEFT - 4}.get(d.doc.kind)
        if split is None:
            continue
        path = folder / f"{k:03d}.pdf"
        drawing(d.doc.kind, HOLDOUT_V11)(d.doc, path)
        with pdfplumber.open(path) as pdf:
            page = pdf.pages[0]
            out[k] = (page.crop((0, 0, split, page.height)).extract_text() or "",
                      page.crop((split, 0, page.width, page.height)).extract_text(y_tolerance=5) or "")
    return out


def _check(drawn: Drawn, item: dict[str, Any]) -> None:
    v, stem = item["value"], drawn.doc.stem
    match item["type"]:
        case "degree":
            _check_degree(drawn, v)
        case "training":
            _check_training(drawn, v)
        case "supervision_session":
            pass  # rows are checked line by line in their own test
        case "supervision_total":
            totals = [m.group(1) for line in drawn.text.splitlines() if (m := TOTAL.fullmatch(line))]
            assert len(totals) == 1 and totals[0] in hours(v["stated_total"]), (stem, totals)
        case "reference":
            _check_reference(drawn, v)
        case "signature":
            pass  # checked on the panel's own text
        case "exam":
            dated = line_with(drawn, "Date of examination ").removeprefix("Date of examination ")
            assert dated in dates(v["date"]), (stem, dated)
            assert f"Result {OUTCOMES[v['passed']]}" in drawn.text.splitlines(), stem
        case "membership":
            assert f"Association: {v['organization']}" in drawn.text.splitlines(), stem
            paid = line_with(drawn, "Paid through: ").rpartition("Paid through: ")[2]
            assert paid in dates(v["valid_through"]), (stem, paid)
        case "employment":
            assert drawn.text.splitlines()[0] == v["employer"], stem
        case other:
            raise AssertionError(f"no check for {other}")


def _check_degree(drawn: Drawn, v: dict[str, Any]) -> None:
    """On the first page: 'Awarded: <degree> Degree Date: <date>', and 'Major: <field>' on the next line."""
    stem, first = drawn.doc.stem, drawn.page_texts[0].splitlines()
    assert v["institution"] in first[:2], stem
    shown = next(s for s in drawn.doc.content.shown  # type: ignore[union-attr]
                 if s.name == v["name"] and s.field == v["field"])
    assert shown.conferred in dates(v["conferred"]), stem
    degree = f"{shown.name} ({shown.abbreviation})" if shown.abbreviation else shown.name
    awarded = f"Awarded: {degree} Degree Date: {shown.conferred}"
    assert awarded in first and first[first.index(awarded) + 1] == f"Major: {v['field']}", (stem, awarded)


def _check_training(drawn: Drawn, v: dict[str, Any]) -> None:
    """The sponsor on top, the participant, activity and date(s) beside their labels, the credit on each
    profession's row."""
    stem, lines, t = drawn.doc.stem, drawn.text.splitlines(), drawn.doc.content
    assert v["provider"] in " ".join(lines[:2]), stem
    assert f"Participant {t.name}" in lines and f"Activity {v['title']}" in drawn.flat, stem  # type: ignore[union-attr]
    dated = line_with(drawn, "Date(s) of activity ").removeprefix("Date(s) of activity ")
    assert dated in dates(v["date"]), (stem, dated)
    for profession in PROFESSIONS:
        credit = line_with(drawn, f"{profession} ").removeprefix(f"{profession} ")
        assert credit in hours(v["hours"]), (stem, credit)


def _check_reference(drawn: Drawn, v: dict[str, Any]) -> None:
    """The date under the letterhead, the relationship in the first paragraph, the writer's Endorsement under the
    typed name (or the sentence saying there is none), the name in script and typed."""
    stem, flat, lines, t = drawn.doc.stem, drawn.flat, drawn.text.splitlines(), drawn.doc.content
    assert lines[2] in dates(v["date"]), (stem, lines[2])
    assert f"in my role as {t.pronoun} {RELATIONSHIP_ROLES[v['relationship']]}." in flat, stem  # type: ignore[union-attr]
    assert flat.count(v["rater"]) == 2, stem
    typed = len(lines) - 1 - lines[::-1].index(v["rater"])
    if v["rater_level"] is None:
        assert NOT_ENDORSED in flat and not any(line.startswith("Endorsed ") for line in lines), stem
    else:
        assert lines[typed + 1] == CREDENTIALS[v["rater_level"]] and NOT_ENDORSED not in flat, stem


def test_every_kind_is_drawn_from_the_corpus_and_the_sweep(drawn: list[Drawn]) -> None:
    check_every_kind_drawn(drawn, HELD_OUT_11, "tune")


def test_holdout_v11_is_a_tune_layout_of_every_kind() -> None:
    assert all(HOLDOUT_V11 in LAYOUTS[kind] for kind in HELD_OUT_11)


def test_v11_has_its_own_spellings() -> None:
    assert TRAINING_HOURS[HOLDOUT_V11] == ["hrs", "min", "hm", "contact", "ceu"]
    assert LOG_HOURS[HOLDOUT_V11] == ["minutes", "hrs", "decimal"]
    assert V11_HELD_DATE_STYLES["supervision_log"] == ["long", "short", "dmy"]


def test_every_expected_value_is_printed(drawn: list[Drawn]) -> None:
    check_every_value_printed(drawn, _check)


def test_the_agreement_panel_holds_signature_name_and_date(drawn: list[Drawn], parts: dict[int, tuple[str, str]]
                                                           ) -> None:
    """In the panel: 'Signature' with the name in script (or nothing), 'Name' with the name, 'Date' with the date;
    the sending date is the panel's only other date."""
    agreements = [(k, d) for k, d in enumerate(drawn) if d.doc.kind == "ethics_agreement"]
    assert agreements
    for k, d in agreements:
        v, panel = d.doc.items[0]["value"], parts[k][1].splitlines()
        assert ("Signature " + v["signer"] if v["signed"] else "Signature") in panel, (d.doc.stem, panel)
        assert f"Name {v['signer']}" in panel, d.doc.stem
        dated = next(line for line in panel if line.startswith("Date ")).removeprefix("Date ")
        assert dated in dates(v["date"]), (d.doc.stem, dated)
        assert d.flat.count(v["signer"]) == (2 if v["signed"] else 1), d.doc.stem


def test_the_employment_summary_box_and_the_duties(drawn: list[Drawn], parts: dict[int, tuple[str, str]]) -> None:
    """The box: employee, position, date of hire, status current or former and a former job's separation date,
    each under its caption; the duties in one sentence under their heading below the box."""
    letters = [(k, d) for k, d in enumerate(drawn) if d.doc.kind == "employment_verification"]
    assert letters
    for k, d in letters:
        v, stem = d.doc.items[0]["value"], d.doc.stem
        box = " ".join(parts[k][1].split())
        box = box[box.index("Employment Summary"):]  # the letterhead's address reaches over the box's edge
        name = box.split(" EMPLOYEE ")[1].split(" POSITION ")[0]
        tense = "is" if v["end"] is None else "was"
        assert f"Duties of the position In this position {name.split()[0]} {tense} responsible for {v['duties']}." in (
            d.flat), stem
        expected = {f"Employment Summary EMPLOYEE {name} POSITION {v['role']} DATE OF HIRE {s} STATUS "
                    + ("Current employee" if v["end"] is None else f"Former employee SEPARATION DATE {e}")
                    for s in dates(v["start"]) for e in (dates(v["end"]) if v["end"] else {""})}
        assert any(box.startswith(f"{e} ") or box == e for e in expected), (stem, box)  # the duties' line ends follow
        assert ("SEPARATION DATE" in box) is (v["end"] is not None), stem


def test_pages_written_are_the_pages_in_the_file(drawn: list[Drawn]) -> None:
    check_pages(drawn, LOG_ROWS)
    for d in drawn:
        if d.doc.kind not in ("supervision_log", "transcript"):
            assert d.pages == 1, d.doc.stem


def test_every_page_carries_the_head(drawn: list[Drawn]) -> None:
    for d in drawn:
        if d.doc.kind == "transcript":
            t = d.doc.content
            for n, page in enumerate(d.page_texts, start=1):
                assert t.institution in page.splitlines()[:2], d.doc.stem  # type: ignore[union-attr]
                assert f"{t.student} {t.student_id}" in page, d.doc.stem  # type: ignore[union-attr]
                marker = f"Page {n} of {d.pages}" if t.official else f"{n}/{d.pages}"  # type: ignore[union-attr]
                assert marker in page, d.doc.stem
        if d.doc.kind == "supervision_log":
            supervisee = d.doc.content.supervisee  # type: ignore[union-attr]
            assert all(f"Applicant: {supervisee}" in page and f"Page {n} of {d.pages}" in page
                       for n, page in enumerate(d.page_texts, start=1)), d.doc.stem


def test_log_rows_are_one_session_a_row(drawn: list[Drawn]) -> None:
    """Each session's first line, in date order: date, provider, one-on-one or group, length, the focus."""
    for d, n, line, session in log_rows(drawn, LOG_ROW):
        row = re.fullmatch(LOG_ROW, line)
        assert row, (d.doc.stem, n, line)
        assert row.group(1) in dates(session["date"]) and row.group(2) == session["supervisor"], (d.doc.stem, line)
        assert row.group(3) == TYPES[session["format"]], (d.doc.stem, line)
        assert row.group(4) in hours(session["hours"]), (d.doc.stem, line)


def test_worded_values_cover_every_case(drawn: list[Drawn]) -> None:
    check_worded_values_cover_every_case(drawn)
    formats = {item["value"]["format"] for d in drawn for item in d.doc.items if item["type"] == "supervision_session"}
    assert formats == {"individual", "group"}
    delivery = {line_with(d, "Format ") for d in drawn if d.doc.kind == "training_certificate"}
    assert delivery == {"Format Live webinar", "Format Live, in person"}


def test_unofficial_copies_say_so_on_every_page(drawn: list[Drawn]) -> None:
    for d in transcripts_drawn(drawn):
        assert all(("Unofficial Academic Transcript" in page) is (not d.doc.official) for page in d.page_texts), (
            d.doc.stem)
        assert all(("Academic Transcript - Issued Copy" in page) is d.doc.official for page in d.page_texts), (
            d.doc.stem)
        assert ("This is not an official transcript" in d.page_texts[-1]) is (not d.doc.official), d.doc.stem


def test_no_text_leaves_the_page(drawn: list[Drawn], tmp_path: Path) -> None:
    """Every character of a drawing of each kind lies on its page."""
    for k, d in enumerate({d.doc.kind: d for d in drawn}.values()):
        path = tmp_path / f"{k}.pdf"
        drawing(d.doc.kind, HOLDOUT_V11)(d.doc, path)
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                assert all(0 <= ch["x0"] <= ch["x1"] <= page.width and 0 <= ch["top"] <= ch["bottom"] <= page.height
                           for ch in page.chars), d.doc.stem
