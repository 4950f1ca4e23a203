"""The former held-out v10 drawings (fixtures/layouts_heldout10.py, tune layouts 'holdout-v10' since session 12)
print every expected value legibly, on the pages they say.

Documents come from the project's own builders: the tune split's documents in 'holdout-v10' (t051-t054), and a
sweep over the layout's date and hours spellings and every worded value (relationship, endorsement level,
signed or not, passed or not, current or former job, official or unofficial copy, individual or group session).
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

from fixtures import vocab
from fixtures.corpus import LOG_HOURS, TRAINING_HOURS, V10_HELD_DATE_STYLES
from fixtures.layouts import HOLDOUT_V10, LAYOUTS
from fixtures.layouts_heldout10 import HELD_OUT_10, LEVEL_WORDS, LOG_ROWS, RELATIONSHIP_WORDS, SERVICES

LOG_ROW = (r"(.+?) (Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{1,2}:\d\d [AP]M - \d{1,2}:\d\d [AP]M) "
           r"(Individual consultation|Group consultation) (.+) (\d+(?:[.:]\d+)?(?: hrs)?)")
"""An appointment line as the text layer reads it: date, weekday, times, service, consultant, duration."""


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> list[Drawn]:
    """The tune split's 'holdout-v10' documents and a sweep across its spellings and worded values, drawn."""
    swept = sweep("heldout10-sweep", HOLDOUT_V10, V10_HELD_DATE_STYLES)
    return draw("tune", HOLDOUT_V10, swept, tmp_path_factory.mktemp("heldout10"))


def _after(drawn: Drawn, needle: str) -> str:
    """The text line after the first line that starts with `needle`."""
    lines = drawn.text.splitlines()
    return lines[next(k for k, line in enumerate(lines) if line.startswith(needle)) + 1]


def _check(drawn: Drawn, item: dict[str, Any]) -> None:
    v, flat, stem = item["value"], drawn.flat, drawn.doc.stem
    match item["type"]:
        case "degree":
            _check_degree(drawn, v)
        case "training":
            _check_training(drawn, v)
        case "supervision_session":
            pass  # rows are checked line by line in their own test
        case "supervision_total":
            total = line_with(drawn, "Total duration: ").rpartition("Total duration: ")[2]
            assert total in hours(v["stated_total"]), (stem, total)
        case "reference":
            assert f"My name is {v['rater']} and I have known the applicant for " in flat, stem
            assert line_with(drawn, "I am the applicant's") == (
                f"I am the applicant's {RELATIONSHIP_WORDS[v['relationship']]}"), stem
            assert line_with(drawn, "Endorsement I hold") == (
                f"Endorsement I hold, if any: {LEVEL_WORDS[v['rater_level']]}"), stem
            dated = line_with(drawn, "Date completed: ").rpartition("Date completed: ")[2]
            assert dated in dates(v["date"]), (stem, dated)
            assert flat.count(v["rater"]) == 2, stem  # the statement and the signature
        case "signature":
            _check_signature(drawn, v)
        case "exam":
            administered = _after(drawn, "Examination Administered Test site")
            assert shown({f" {s} Remote" for s in dates(v["date"])}, administered), (stem, administered)
            assert line_with(drawn, "Decision: ") == f"Decision: {'PASS' if v['passed'] else 'DID NOT PASS'}", stem
        case "membership":
            assert v["organization"] in flat, stem
            valid = _after(drawn, "VALID FROM VALID THRU")
            assert shown({f" {s}" for s in dates(v["valid_through"])}, valid), (stem, valid)
            assert valid.endswith(drawn.doc.content.valid_through), stem  # type: ignore[union-attr]
        case "employment":
            _check_employment(drawn, v)
        case other:
            raise AssertionError(f"no check for {other}")


def _check_degree(drawn: Drawn, v: dict[str, Any]) -> None:
    """Each degree is a row of boxes under the captions Degree, Major, Conferred, on the first page."""
    stem, first = drawn.doc.stem, drawn.page_texts[0].splitlines()
    assert v["institution"] in first[0], stem
    dotted = vocab.DEGREE_NAMES[v["abbreviation"]][1]
    rows = {first[k + 1] for k, line in enumerate(first) if line == "Degree Major Conferred"}
    spelled = {f"{name} {v['field']} {s}" for name in (v["name"], f"{v['name']} ({dotted})")
               for s in dates(v["conferred"])}
    assert rows & spelled, (stem, rows)


def _check_training(drawn: Drawn, v: dict[str, Any]) -> None:
    """The learner, the course and the sponsor, then one line: when, the credit, the delivery."""
    stem, t = drawn.doc.stem, drawn.doc.content
    assert v["provider"] in drawn.flat and v["title"] in drawn.flat and t.name in drawn.flat, stem  # type: ignore[union-attr]
    facts = line_with(drawn, " \u00b7 ").split(" \u00b7 ")
    assert len(facts) == 3, (stem, facts)
    lead, _, when = facts[0].partition(" ")
    assert lead in ("Completed", "Attended") and when in dates(v["date"]), (stem, facts)
    assert facts[1].removesuffix(" (hours:minutes)") in hours(v["hours"]), (stem, facts)


def _check_signature(drawn: Drawn, v: dict[str, Any]) -> None:
    """The row of boxes: the signature (empty when not signed), the printed name and the date under captions."""
    stem, signer = drawn.doc.stem, v["signer"]
    row = _after(drawn, "SIGNATURE OF APPLICANT NAME (PLEASE PRINT) DATE SIGNED")
    name = f"{signer} {signer} " if v["signed"] else f"{signer} "
    assert row.startswith(name) and row.removeprefix(name) in dates(v["date"]), (stem, row)
    assert drawn.flat.count(signer) == (2 if v["signed"] else 1), stem


def _check_employment(drawn: Drawn, v: dict[str, Any]) -> None:
    """The employer, the period and whether it goes on, the title and the duties, each in its own sentence."""
    flat, stem, employer = drawn.flat, drawn.doc.stem, v["employer"]
    if v["end"] is None:
        spans = {f"Your employment with {employer} began on {s} and continues to the present."
                 for s in dates(v["start"])}
        assert f"Your current title is {v['role']}." in flat, stem
        assert f"Your duties in this role include {v['duties']}." in flat, stem
    else:
        spans = {f"Your employment with {employer} began on {s} and ended on {e}." for s in dates(v["start"])
                 for e in dates(v["end"])}
        assert f"Your title was {v['role']}." in flat, stem
        assert f"Your duties in this role included {v['duties']}." in flat, stem
    assert shown(spans, flat), stem


def test_every_kind_is_drawn_from_the_corpus_and_the_sweep(drawn: list[Drawn]) -> None:
    check_every_kind_drawn(drawn, HELD_OUT_10, "tune")


def test_holdout_v10_is_a_tune_layout_of_every_kind() -> None:
    assert all(HOLDOUT_V10 in LAYOUTS[kind] for kind in HELD_OUT_10)


def test_v10_keeps_its_own_spellings() -> None:
    assert TRAINING_HOURS[HOLDOUT_V10] == ["contact", "minutes", "hm", "ceu", "clock"]
    assert LOG_HOURS[HOLDOUT_V10] == ["colon", "hrs", "decimal"]
    assert V10_HELD_DATE_STYLES["supervision_log"] == ["short", "iso", "abbr"]


def test_every_expected_value_is_printed(drawn: list[Drawn]) -> None:
    check_every_value_printed(drawn, _check)


def test_pages_written_are_the_pages_in_the_file(drawn: list[Drawn]) -> None:
    check_pages(drawn, LOG_ROWS)
    for d in drawn:
        if d.doc.kind not in ("supervision_log", "transcript"):
            assert d.pages == 1, d.doc.stem


def test_later_pages_repeat_the_head(drawn: list[Drawn]) -> None:
    for d in drawn:
        if d.doc.kind == "transcript":
            t = d.doc.content
            assert all(page.startswith(t.institution) for page in d.page_texts), d.doc.stem  # type: ignore[union-attr]
            assert all(f"{t.student} ID {t.student_id}" in page  # type: ignore[union-attr]
                       for page in d.page_texts[1:]), d.doc.stem
            assert all("CONTINUED ON NEXT PAGE" in page for page in d.page_texts[:-1]), d.doc.stem
            assert "END OF TRANSCRIPT" in d.page_texts[-1], d.doc.stem
        if d.doc.kind == "supervision_log":
            supervisee = d.doc.content.supervisee  # type: ignore[union-attr]
            assert all(f"Participant: {supervisee}" in page and f"Page {n} of {d.pages}" in page
                       for n, page in enumerate(d.page_texts, start=1)), d.doc.stem


def test_log_rows_are_one_appointment_a_line(drawn: list[Drawn]) -> None:
    """Each session is one text line, in date order: date, weekday, times, the service worded individual or group,
    the consultant, the duration."""
    for d, n, line, session in log_rows(drawn, LOG_ROW):
        row = re.fullmatch(LOG_ROW, line)
        assert row, (d.doc.stem, n, line)
        assert row.group(1) in dates(session["date"]), (d.doc.stem, line)
        assert row.group(4) == SERVICES[session["format"]] and row.group(5) == session["supervisor"], (d.doc.stem,
                                                                                                        line)
        assert row.group(6) in hours(session["hours"]), (d.doc.stem, line)


def test_worded_values_cover_every_case(drawn: list[Drawn]) -> None:
    check_worded_values_cover_every_case(drawn)
    formats = {item["value"]["format"] for d in drawn for item in d.doc.items if item["type"] == "supervision_session"}
    assert formats == {"individual", "group"}
    leads = {line_with(d, " \u00b7 ").split()[0] for d in drawn if d.doc.kind == "training_certificate"}
    assert leads == {"Completed", "Attended"}


def test_unofficial_copies_say_so_on_every_page(drawn: list[Drawn]) -> None:
    for d in transcripts_drawn(drawn):
        assert all(("STUDENT COPY - NOT OFFICIAL" in page) is (not d.doc.official) for page in d.page_texts), (
            d.doc.stem)
        assert all(("OFFICIAL TRANSCRIPT" in page.splitlines()[2]) is d.doc.official for page in d.page_texts), (
            d.doc.stem)
        assert ("not an official transcript" in d.page_texts[-1]) is (not d.doc.official), d.doc.stem
