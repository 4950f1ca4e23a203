"""Review mend r13j (session 13): a field beyond one subject phrase, one degree read twice with fields that differ a
little, a "Degree Date" column and a figures line of an unfinished degree are checked by a person.

Each row is a page in this file's own wording; the value must come out right, or flagged (a reason, confidence
<= 0.7). Rows marked "guard" pass before the mend as well.
"""

from __future__ import annotations

import pytest
from test_extract_transcript import HEAD, extract, lines, page_of

from extractors import transcript
from extractors.layout import build_text
from extractors.nlp import find_patterns
from extractors.transcript import Extraction
from pipeline.models import Page

HEADING = [(60.0, "ACADEMIC DEGREES")]
ROW = [(60.0, "Master of Social Work"), (230.0, "Family Practice"), (400.0, "08/20/2015")]


def _flagged(rows: list[list[tuple[float, str]]], *codes: str) -> None:
    """Every degree read is flagged with the codes named (at most 0.7); or none is read and the document is flagged."""
    result = extract(rows)
    if not result.items:
        assert result.flags
    for item in result.items:
        assert item.needs_review and item.confidence <= 0.7, (item.value, item.reasons)
        assert set(codes) <= set(item.reasons), (item.value, item.reasons)


@pytest.mark.parametrize("field", ["Family Practice (Deferred)", "Family Practice - Under Review", "Nursing, Revoked",
                                   "Family Practice [Provisional]", "Nursing, North Campus", "Nursing - Evening Site",
                                   "Nursing, Brookfield Tech"])
def test_a_field_beyond_one_subject_phrase_is_checked(field: str) -> None:
    _flagged(HEAD + lines("Degree: Master of Science", "Program: " + field, "Date Conferred: 08/20/2015"),
             "degree.field_unclear")
    _flagged(HEAD + [[(60.0, "Degree"), (220.0, "Concentration"), (420.0, "Awarded")],
                     [(60.0, "Master of Science"), (220.0, field), (420.0, "08/20/2015")]], "degree.field_unclear")


@pytest.mark.parametrize("field", ["Nursing (Awaiting Conferral)", "Nursing - Degree Pending", "Nursing, Withdrew",
                                   "Nursing (Not Yet Awarded)"])
def test_a_status_in_the_field_puts_the_degree_in_doubt(field: str) -> None:
    _flagged(HEAD + lines("Degree: Master of Science", "Program: " + field, "Date Conferred: 08/20/2015"),
             "degree.status_unclear")


@pytest.mark.parametrize("field", ["Human Development and Family Studies", "Infant-Parent Mental Health",
                                   "Child/Family Studies"])
def test_a_field_of_one_subject_phrase_stays_sure(field: str) -> None:
    """Guard: one subject phrase, hyphenated or slashed words too; passes before and after."""
    [item] = extract(HEAD + lines("Degree: Master of Science", "Program: " + field,
                                  "Date Conferred: 08/20/2015")).items
    assert item.value["field"] == field and not item.needs_review, item.reasons


@pytest.mark.parametrize("detail_field", ["Family Practice Nursing", "", "Nursing Family Practice"])
def test_one_degree_read_twice_on_two_days_is_checked(detail_field: str) -> None:
    summary = [(60.0, "Master of Science in Family Practice"), (400.0, "Awarded 08/20/2015")]
    detail = [[(60.0, "Degree: Master of Science")], *([[(60.0, "Field: " + detail_field)]] if detail_field else []),
              [(60.0, "Date Awarded: 08/22/2015")]]
    result = extract(HEAD + [HEADING, summary, [], [(60.0, "DEGREE RECORD")], *detail])
    assert result.items
    for item in result.items:
        assert item.needs_review and item.confidence <= 0.7, (item.value, item.reasons)


def test_two_different_degrees_on_two_days_stay_sure() -> None:
    """Guard: two degrees of other abbreviations are no disagreement; passes before and after."""
    result = extract(HEAD + [HEADING, [(60.0, "Bachelor of Science"), (230.0, "Nursing"), (400.0, "05/10/2011")],
                             [(60.0, "Master of Science"), (230.0, "Nursing"), (400.0, "08/20/2015")]])
    assert [(i.value["conferred"], i.needs_review) for i in result.items] == [("2011-05-10", False),
                                                                             ("2015-08-20", False)]


@pytest.mark.parametrize("header", [("Awarded", "Degree Date"), ("Date Conferred", "Degree Date"),
                                    ("Completion Date", "Degree Date")])
def test_a_degree_date_column_on_another_day_is_a_rival(header: tuple[str, str]) -> None:
    _flagged(HEAD + [[(60.0, "Degree"), (200.0, "Major"), (330.0, header[0]), (450.0, header[1])],
                     [(60.0, "Master of Science"), (200.0, "Nursing"), (330.0, "05/30/2014"), (450.0, "08/20/2015")]],
             "degree.dates_disagree")


@pytest.mark.parametrize("figures", ["Program Hours: 48 Hours Earned: 36", "Earned Credits 30 Degree Credits 45",
                                     "Total Credits Earned: 0"])
def test_figures_of_an_unfinished_degree_are_checked(figures: str) -> None:
    _flagged(HEAD + [HEADING, ROW, [(60.0, figures)]], "degree.status_unclear")


def test_figures_over_two_lines_of_an_unfinished_degree_are_checked() -> None:
    _flagged(HEAD + [HEADING, ROW, [(60.0, "Degree Credits: 45")], [(60.0, "Credits Earned: 39")]],
             "degree.status_unclear")


@pytest.mark.parametrize("figures", ["Degree Credits 45 Credits Earned 45", "Cumulative GPA 3.70 Total Credits 45"])
def test_figures_of_a_finished_degree_stay_sure(figures: str) -> None:
    """Guard: each count once, or the same twice; passes before and after."""
    [item] = extract(HEAD + [HEADING, ROW, [(60.0, figures)]]).items
    assert item.value["conferred"] == "2015-08-20" and not item.needs_review, item.reasons


def _two_pages(first: list[list[tuple[float, str]]], second: list[list[tuple[float, str]]]) -> Extraction:
    """A transcript of two pages, each a page of rows as `page_of` lays them out."""
    made = [page_of(rows) for rows in (first, second)]
    pages = [Page(number=n, width=p.width, height=p.height, words=p.words, source="text_layer")
             for n, p in enumerate(made, start=1)]
    doc = build_text("doc", pages)
    return transcript.extract(doc, find_patterns(doc.text))


@pytest.mark.parametrize("footer", [[[(60.0, "Page 1 of 2")]], []])
def test_a_status_atop_the_next_page_is_the_last_row_s(footer: list[list[tuple[float, str]]]) -> None:
    result = _two_pages(HEAD + [HEADING, ROW, *footer], [[(60.0, "Program Status: Deferred")]])
    if not result.items:
        assert result.flags
    for item in result.items:
        assert item.needs_review and item.confidence <= 0.7, (item.value, item.reasons)
