"""Score reports and sign-offs whose rows could pair two ways: captions under their lines, several score columns,
rows that wrap, a scale's two ends; and a member grid with a print date over a column name."""

from __future__ import annotations

import pytest

from extractors import exam, membership
from extractors.fields import Item
from extractors.layout import DocText
from extractors.nlp import find_patterns
from tests.test_extract_forms import doc_of


def exam_item(doc: DocText) -> Item:
    return exam.extract(doc, find_patterns(doc.text)).items[0]


def sign_off(place: str, under: list[tuple[float, str]], *, gap_under: float = 24.0) -> DocText:
    """An exam certificate signed off with lines captioned underneath; `under` stands `gap_under` below the captions."""
    return doc_of(
        (70, [(160, "Certificate of Completion")]),
        (110, [(72, "Jordan Pike has passed the Infant and Early Childhood Mental Health exam.")]),
        (400, [(90, "June 9, 2024"), (340, "Online, proctored")]),
        (414, [(90, "Examination date"), (340, place)]),
        (414 + gap_under, under),
    )


@pytest.mark.parametrize("doc", [
    # the captions sit close under their lines; a second block of lines under them is not their value
    sign_off("Testing centre", [(90, "July 1, 2024"), (340, "Pat Quinn")]),
    sign_off("Test site", [(90, "July 1, 2024"), (340, "Pat Quinn")]),
    sign_off("Location", [(90, "07/01/2024"), (340, "Registrar")]),
    # one caption row, small print close under it
    sign_off("Testing center", [(90, "Certified 07/01/2024   No. Q-5520")], gap_under=18.0),
])
def test_exam_date_over_its_caption_not_under(doc: DocText) -> None:
    assert exam_item(doc).value["date"] == "2024-06-09"


@pytest.mark.parametrize(("doc", "expected"), [
    # guard (passes before and after): a grid spaced evenly is names over values, whatever stands over the names
    (doc_of((100, [(72, "Candidate"), (250, "Seat")]), (114, [(72, "Jordan Pike"), (250, "14B")]),
            (128, [(72, "Exam"), (250, "Date Tested"), (400, "Outcome")]),
            (142, [(72, "Level III"), (250, "05/06/2025"), (400, "Pass")])),
     {"passed": True, "date": "2025-05-06"}),
])
def test_exam_evenly_spaced_rows_are_a_grid(doc: DocText, expected: dict[str, object]) -> None:
    assert exam_item(doc).value == expected


def score_table(header: list[str], *rows: list[str], verdict_line: str | None = None) -> DocText:
    """A score report: the date in a sentence, then a table of names over rows of values, 14 points apart."""
    xs = (72.0, 210.0, 340.0, 450.0)
    lines: list[tuple[float, list[tuple[float, str]]]] = [
        (60, [(72, "Candidate Score Report")]),
        (88, [(72, "Examination date: October 2, 2024")]),
        (130, list(zip(xs, header, strict=False))),
    ]
    lines += [(144 + 14 * i, list(zip(xs, row, strict=False))) for i, row in enumerate(rows)]
    if verdict_line is not None:
        lines.append((230, [(72, verdict_line)]))
    return doc_of(*lines)


@pytest.mark.parametrize("doc", [
    # a raw and a scaled score beside the passing score: which one the cut is on, the table does not say
    score_table(["Raw score", "Scaled score", "Passing score"], ["48", "372", "350"]),
    score_table(["Total score", "Scaled score", "Cut score"], ["131", "289", "300"]),
    # a part's name wraps onto a second line; the next part's scores follow
    score_table(["Section", "Score", "Passing score"], ["Section A: Infant", "318", "300"], ["development"],
                ["Section B: Supervision", "261", "300"]),
    # the scale's two ends as columns: its "Minimum score" is the bottom of the scale, not the pass mark
    score_table(["Score", "Minimum score", "Maximum score"], ["290", "200", "800"]),
])
def test_exam_scores_decide_nothing_when_the_table_is_ambiguous(doc: DocText) -> None:
    item = exam_item(doc)
    assert item.value["passed"] is None and "exam.result_unclear" in item.reasons


def test_exam_stated_verdict_beside_raw_and_scaled_scores_is_no_conflict() -> None:
    doc = score_table(["Result", "Raw score", "Scaled score", "Passing score"], ["Passed", "48", "372", "350"])
    item = exam_item(doc)
    assert item.value == {"passed": True, "date": "2024-10-02"}
    assert "exam.result_conflict" not in item.reasons


@pytest.mark.parametrize(("doc", "passed"), [
    # guard (passes before and after): one row of scores with a note under the table decides
    (score_table(["Exam", "Scaled score", "Passing score"], ["IMH Part 1", "318", "300"],
                 verdict_line="Scaled scores run from 100 to 500."), True),
    # guard: a minimum score needed to pass, with no maximum beside it, is the cut
    (score_table(["Score", "Minimum score"], ["261", "300"]), False),
])
def test_exam_scores_decide_in_a_plain_table(doc: DocText, passed: bool) -> None:
    item = exam_item(doc)
    assert item.value["passed"] is passed and not item.needs_review


def test_exam_figures_over_their_captions_are_not_read_from_the_row_under() -> None:
    """A score card: figures over their captions, a second block under; no figure is under its caption."""
    doc = doc_of((60, [(72, "IMH Examination Score Card")]),
                 (96, [(72, "Date of examination: October 2, 2024")]),
                 (300, [(90, "372"), (340, "350")]),
                 (314, [(90, "Scaled score"), (340, "Passing score")]),
                 (338, [(90, "3"), (340, "41")]),
                 (352, [(90, "Attempt"), (340, "Percentile")]))
    item = exam_item(doc)
    assert item.value["passed"] is None and "exam.result_unclear" in item.reasons


def member_grid(expiry: str) -> DocText:
    """A member look-up print-out: the print date at the top right, over the grid's last column name."""
    return doc_of((58, [(72, "Great Lakes Infant Mental Health Association"), (440, "11/04/2025")]),
                  (78, [(72, "Member"), (260, "Category"), (440, "Expires")]),
                  (92, [(72, "Jordan Pike"), (260, "Associate"), (440, expiry)]))


def test_membership_print_date_over_a_column_name_is_no_expiry() -> None:
    item = membership.extract(doc := member_grid("No expiration"), find_patterns(doc.text)).items[0]
    assert item.value["valid_through"] is None and "membership.expiry_missing" in item.reasons


def test_membership_grid_expiry_under_its_column_name_despite_a_print_date_over_it() -> None:
    item = membership.extract(doc := member_grid("03/31/2027"), find_patterns(doc.text)).items[0]
    assert item.value["valid_through"] == "2027-03-31" and not item.needs_review
