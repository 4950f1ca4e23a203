"""The held-out v12 drawings (fixtures/layouts_heldout12.py) print every expected value legibly, on the pages they
say.

Documents come from the project's own builders: the held-out split's documents in the held-out layout, and a
sweep over each kind's held-out date and hours spellings and every worded value (relationship, endorsement level,
signed or not, passed or not, current or former job, official or unofficial copy, individual or group session).
The sweep, the drawing and the checks every held-out set shares are in tests/heldout_checks.py. The certificate's
seal, the score report's left column and the employment form's boxes sit beside other text, so they are read again
from their own part of the page.
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
    sweep,
    transcripts_drawn,
)

from fixtures.corpus import HELD_OUT_DATE_STYLES, LOG_HOURS, TRAINING_HOURS
from fixtures.layouts import HELD_OUT, drawing
from fixtures.layouts_heldout12 import (
    HELD_OUT_12,
    LOG_ROWS,
    NONE_RECORDED,
    NOT_ENDORSED,
    OUTCOMES,
    PART_TITLES,
    RELATIONSHIP_SENTENCES,
    SEAL_RADIUS,
    SEAL_Y,
    SECTIONS,
    SIDEBAR_RIGHT,
    employment_boxes,
    from_line,
    initials,
    log_order,
    signed_at,
)

LOG_ROW = re.compile(r"(\d{4}-\d\d-\d\d|\d\d/\d\d/\d{4}|[A-Z][a-z]{2} \d{1,2}, \d{4}) (.+) "
                     r"(\d+(?:[.:]\d+)?(?: hrs)?) ((?:[A-Z]\.)+)")
"""A session's line: date (iso, us, abbr), provider, length, the provider's initials."""
TOTAL = re.compile(r"Total RS/C, individual and group: (.+)")


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> list[Drawn]:
    """The held-out split's documents in the held-out layout and a sweep across its spellings, drawn."""
    swept = sweep("heldout12-sweep", HELD_OUT, HELD_OUT_DATE_STYLES)
    return draw("held_out", HELD_OUT, swept, tmp_path_factory.mktemp("heldout12"))


@pytest.fixture(scope="module")
def parts(drawn: list[Drawn], tmp_path_factory: pytest.TempPathFactory) -> dict[int, list[str]]:
    """Certificates, score reports and employment forms drawn again, by their place in `drawn`: the text of the
    seal; of the score report's left column; of each of the form's boxes, in the order `employment_boxes` gives."""
    folder, out = tmp_path_factory.mktemp("heldout12-parts"), {}
    for k, d in enumerate(drawn):
        if d.doc.kind not in ("training_certificate", "exam_result", "employment_verification"):
            continue
        path = folder / f"{k:03d}.pdf"
        drawing(d.doc.kind, HELD_OUT)(d.doc, path)
        with pdfplumber.open(path) as pdf:
            page = pdf.pages[0]
            h = page.height
            if d.doc.kind == "training_certificate":
                boxes = [(page.width / 2 - SEAL_RADIUS, h - SEAL_Y - SEAL_RADIUS, page.width / 2 + SEAL_RADIUS,
                          h - SEAL_Y + SEAL_RADIUS)]
            elif d.doc.kind == "exam_result":
                boxes = [(0, 0, SIDEBAR_RIGHT, h)]
            else:
                boxes = [(b.x, h - b.top, b.x + b.width, h - b.top + b.height)
                         for _, row in employment_boxes(d.doc) for b in row]
            out[k] = [page.crop(box).extract_text() or "" for box in boxes]
    return out


def _check(drawn: Drawn, item: dict[str, Any]) -> None:
    v, stem, lines = item["value"], drawn.doc.stem, drawn.text.splitlines()
    match item["type"]:
        case "degree":
            _check_degree(drawn, v)
        case "training":
            _check_training(drawn, v)
        case "supervision_session":
            pass  # rows are checked line by line in their own test
        case "supervision_total":
            totals = [m.group(1) for line in lines if (m := TOTAL.fullmatch(line))]
            assert len(totals) == 1 and totals[0] in hours(v["stated_total"]), (stem, totals)
        case "reference":
            _check_reference(drawn, v)
        case "signature":
            t = drawn.doc.content
            executed = line_with(drawn, "Executed on ").removeprefix("Executed on ")
            dated, _, town = executed.partition(", at ")
            assert dated in dates(v["date"]) and town == f"{signed_at(t.signer)}.", (stem, executed)  # type: ignore[union-attr]
            assert drawn.flat.count(v["signer"]) == (2 if v["signed"] else 1), stem
            signature = lines[lines.index("Signature of applicant") - 1]
            assert (signature == v["signer"]) is v["signed"], (stem, signature)
        case "exam":
            assert OUTCOMES[v["passed"]] in lines, stem
            assert OUTCOMES[not v["passed"]] not in lines, stem
        case "membership":
            assert v["organization"] in " ".join(lines[:2]), stem
            active = re.search(r"Your membership is active through (.+?)\.", drawn.flat)
            assert active and active.group(1) in dates(v["valid_through"]), stem
            coverage = re.search(r"Coverage: (.+) to (.+)", line_with(drawn, "Coverage: "))
            assert coverage and coverage.group(2) == active.group(1), stem
        case "employment":
            pass  # checked box by box
        case other:
            raise AssertionError(f"no check for {other}")


def _check_degree(drawn: Drawn, v: dict[str, Any]) -> None:
    """The institution on top of the first page; in the last page's degrees table a row 'degree major date'."""
    stem, t = drawn.doc.stem, drawn.doc.content
    assert drawn.page_texts[0].splitlines()[0] == v["institution"], stem
    shown = next(s for s in t.shown if s.name == v["name"] and s.field == v["field"])  # type: ignore[union-attr]
    assert shown.conferred in dates(v["conferred"]), stem
    degree = f"{shown.name} ({shown.abbreviation})" if shown.abbreviation else shown.name
    last = drawn.page_texts[-1].splitlines()
    assert f"{degree} {v['field']} {shown.conferred}" in last[last.index("Degree Major Date Conferred"):], stem


def _check_training(drawn: Drawn, v: dict[str, Any]) -> None:
    """The sponsor on top, the learner and the program under their small lines, 'Program held' and the date."""
    stem, lines, t = drawn.doc.stem, drawn.text.splitlines(), drawn.doc.content
    assert lines[0] == v["provider"], stem
    assert lines[lines.index("awarded to") + 1] == t.name, stem  # type: ignore[union-attr]
    assert v["title"] in drawn.flat, stem
    dated = line_with(drawn, "Program held ").removeprefix("Program held ")
    assert dated in dates(v["date"]), (stem, dated)


def _check_reference(drawn: Drawn, v: dict[str, Any]) -> None:
    """DATE and FROM in the memo's head (the writer's Endorsement after the name), the relationship sentence."""
    stem, flat, lines, t = drawn.doc.stem, drawn.flat, drawn.text.splitlines(), drawn.doc.content
    dated = line_with(drawn, "DATE: ").removeprefix("DATE: ")
    assert dated in dates(v["date"]), (stem, dated)
    assert f"FROM: {from_line(v['rater'], v['rater_level'])}" in lines, stem
    sentence = RELATIONSHIP_SENTENCES[v["relationship"]].format(a=t.applicant, p=t.pronoun)  # type: ignore[union-attr]
    assert sentence in flat, stem
    assert (NOT_ENDORSED in flat) is (v["rater_level"] is None), stem
    assert ("IMH-E" in flat) is (v["rater_level"] is not None), stem
    assert flat.count(v["rater"]) == 3, stem


def test_every_kind_is_drawn_from_the_corpus_and_the_sweep(drawn: list[Drawn]) -> None:
    check_every_kind_drawn(drawn, HELD_OUT_12, "held_out")


def test_held_out_draws_the_v12_drawings() -> None:
    assert all(drawing(kind, HELD_OUT) is draw for kind, draw in HELD_OUT_12.items())


def test_v12_has_its_own_spellings() -> None:
    assert TRAINING_HOURS[HELD_OUT] == ["clock", "ceu", "minutes", "contact", "hm"]
    assert LOG_HOURS[HELD_OUT] == ["colon", "decimal", "minutes"]
    assert HELD_OUT_DATE_STYLES["supervision_log"] == ["iso", "us", "abbr"]


def test_every_expected_value_is_printed(drawn: list[Drawn]) -> None:
    check_every_value_printed(drawn, _check)


def test_the_seal_holds_the_credit(drawn: list[Drawn], parts: dict[int, list[str]]) -> None:
    for k, d in enumerate(drawn):
        if d.doc.kind == "training_certificate":
            seal = parts[k][0].splitlines()
            assert seal[0] == "CREDIT AWARDED" and seal[-1] == "approved sponsor", (d.doc.stem, seal)
            assert seal[1] in hours(d.doc.items[0]["value"]["hours"]), (d.doc.stem, seal)


def test_the_score_report_column_holds_the_candidate_and_the_date(drawn: list[Drawn], parts: dict[int, list[str]]
                                                                  ) -> None:
    """In the left column each caption has its value on the next line; the scores are in the main column."""
    for k, d in enumerate(drawn):
        if d.doc.kind != "exam_result":
            continue
        column, t, v = parts[k][0].splitlines(), d.doc.content, d.doc.items[0]["value"]
        assert column[column.index("CANDIDATE") + 1] == t.candidate, d.doc.stem  # type: ignore[union-attr]
        assert column[column.index("ADMINISTERED") + 1] in dates(v["date"]), (d.doc.stem, column)
        assert f"Your scaled score {t.score}" in d.text, d.doc.stem  # type: ignore[union-attr]


def test_the_employment_form_boxes(drawn: list[Drawn], parts: dict[int, list[str]]) -> None:
    """Every box reads as its caption over its value; a present job fills Part II and leaves Part III empty, a
    former job the other way round; the duties in Part IV, the employer in box 1 and the signer in Part V."""
    forms = [(k, d) for k, d in enumerate(drawn) if d.doc.kind == "employment_verification"]
    assert forms
    for k, d in forms:
        v, stem = d.doc.items[0]["value"], d.doc.stem
        read = {}
        for box, text in zip((b for _, row in employment_boxes(d.doc) for b in row), parts[k], strict=True):
            caption, _, value = text.partition("\n")
            assert caption == box.caption, (stem, caption)
            read[caption.partition(". ")[2]] = " ".join(value.split())
        assert read["To (employer)"] == v["employer"] and read["Duties of the position"] == v["duties"], stem
        present = v["end"] is None
        assert (read["Present position"] == v["role"]) is present, stem
        assert (read["Position held"] == v["role"]) is not present, stem
        assert read["Position held" if present else "Present position"] == "", stem
        if present:
            assert read["Date of employment"] in dates(v["start"]), stem
            assert read["Date hired"] == read["Date terminated"] == "", stem
        else:
            assert read["Date hired"] in dates(v["start"]) and read["Date terminated"] in dates(v["end"]), stem
            assert read["Date of employment"] == "", stem
        assert all(title in d.text for title in PART_TITLES), stem


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
                assert page.splitlines()[0] == t.institution, d.doc.stem  # type: ignore[union-attr]
                assert f"Record of {t.student}, Student No. {t.student_id} Page {n} of {d.pages}" in page, (  # type: ignore[union-attr]
                    d.doc.stem)
        if d.doc.kind == "supervision_log":
            supervisee = d.doc.content.supervisee  # type: ignore[union-attr]
            assert all(f"Supervisee: {supervisee}" in page and f"Page {n} of {d.pages}" in page
                       for n, page in enumerate(d.page_texts, start=1)), d.doc.stem


def test_log_rows_are_one_session_a_row_in_their_section(drawn: list[Drawn]) -> None:
    """Each session's line, individual sessions first and group sessions after, each in date order: date, provider,
    length, initials; the section heading above names the type."""
    logs = [d for d in drawn if d.doc.kind == "supervision_log"]
    assert logs
    for d in logs:
        sessions = [item["value"] for item in d.doc.items if item["type"] == "supervision_session"]
        read, section = [], ""
        for line in d.text.splitlines():
            kind = next((k for k, heading in SECTIONS.items() if line.startswith(heading)), None)
            section = kind or section
            if m := LOG_ROW.fullmatch(line):
                read.append((section, m))
        order = log_order(d.doc)
        assert len(read) == len(order) == len(sessions), d.doc.stem
        for (section, row), k in zip(read, order, strict=True):
            s = sessions[k]
            assert section == s["format"], (d.doc.stem, row.group(0))
            assert row.group(1) in dates(s["date"]) and row.group(2) == s["supervisor"], (d.doc.stem, row.group(0))
            assert row.group(3) in hours(s["hours"]) and row.group(4) == initials(s["supervisor"]), row.group(0)
        for kind in SECTIONS:
            assert (NONE_RECORDED[kind] in d.text) is (not any(s["format"] == kind for s in sessions)), d.doc.stem


def test_worded_values_cover_every_case(drawn: list[Drawn]) -> None:
    check_worded_values_cover_every_case(drawn)
    formats = {item["value"]["format"] for d in drawn for item in d.doc.items if item["type"] == "supervision_session"}
    assert formats == {"individual", "group"}
    delivery = {line_with(d, "Delivered ") for d in drawn if d.doc.kind == "training_certificate"}
    assert delivery == {"Delivered live online", "Delivered in person"}
    captions = {line for d in drawn if d.doc.kind == "supervision_log" for line in d.text.splitlines()
                if line.startswith("Date of session RS/C provider ")}
    assert captions == {f"Date of session RS/C provider {c} Initials" for c in ("Time (h:mm)", "Hours", "Minutes")}


def test_unofficial_copies_say_so_on_every_page(drawn: list[Drawn]) -> None:
    for d in transcripts_drawn(drawn):
        assert all(("UNOFFICIAL COPY - ISSUED TO STUDENT" in page) is (not d.doc.official) for page in d.page_texts), (
            d.doc.stem)
        assert all(("PERMANENT ACADEMIC RECORD" in page) is d.doc.official for page in d.page_texts), d.doc.stem
        assert ("is not an official transcript" in d.page_texts[-1]) is (not d.doc.official), d.doc.stem


def test_no_text_leaves_the_page(drawn: list[Drawn], tmp_path: Path) -> None:
    """Every character of a drawing of each kind lies on its page."""
    for k, d in enumerate({d.doc.kind: d for d in drawn}.values()):
        path = tmp_path / f"{k}.pdf"
        drawing(d.doc.kind, HELD_OUT)(d.doc, path)
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                assert all(0 <= ch["x0"] <= ch["x1"] <= page.width and 0 <= ch["top"] <= ch["bottom"] <= page.height
                           for ch in page.chars), d.doc.stem
