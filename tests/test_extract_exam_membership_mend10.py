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


# Session 10, second round (R10h on 715e9d5): roomy tables, stacked grids, two-block member sign-offs.

def roomy_table(header: list[str], *rows: list[str], pitch: float = 28.0) -> DocText:
    """A score report set with room: the names row and each row of scores `pitch` points apart, 10 point type."""
    xs = (80.0, 230.0, 360.0)
    lines: list[tuple[float, list[tuple[float, str]]]] = [
        (64, [(80, "Score Summary")]),
        (92, [(80, "Date of examination: March 11, 2025")]),
        (140, list(zip(xs, header, strict=False))),
    ]
    lines += [(140 + pitch * (i + 1), list(zip(xs, row, strict=False))) for i, row in enumerate(rows)]
    return doc_of(*lines)


@pytest.mark.parametrize("doc", [
    # the rows stand as far apart as the names row over the first: each domain's points are a row, none decides
    roomy_table(["Content area", "Score", "Passing score"], ["Relationships", "402", "380"],
                ["Reflection", "355", "380"]),
    roomy_table(["Sitting", "Scaled score", "Passing score"], ["First", "339", "350"], ["Second", "371", "350"]),
    roomy_table(["Part", "Score", "Cut score"], ["Relationships", "402", "380"], ["Reflection", "355", "380"],
                ["Assessment", "390", "380"], pitch=32.0),
])
def test_exam_roomy_rows_of_scores_decide_nothing(doc: DocText) -> None:
    item = exam_item(doc)
    assert item.value["passed"] is None and "exam.result_unclear" in item.reasons


def stacked_grids(*, names_over: bool, results_at: float = 150.0) -> DocText:
    """An applicant grid stacked over a results grid whose names row is padded (its row of values set well under)."""
    lines: list[tuple[float, list[tuple[float, str]]]] = [(56, [(80, "Candidate Record")])]
    if names_over:
        lines.append((100, [(80, "Applicant"), (250, "Approval date"), (410, "Room")]))
    lines += [(114, [(80, "Sam Reyes"), (250, "02/03/2025"), (410, "7")]),
              (128, [(80, "Test"), (250, "Exam date"), (410, "Result")]),
              (results_at, [(80, "Level II"), (250, "04/22/2025"), (410, "Passed")])]
    return doc_of(*lines)


@pytest.mark.parametrize("results_at", [146.0, 150.0])
def test_exam_values_under_their_own_names_are_no_sign_off_lines(results_at: float) -> None:
    """The applicant's values have their names row over them: the results names head the results row."""
    item = exam_item(stacked_grids(names_over=True, results_at=results_at))
    assert item.value == {"passed": True, "date": "2025-04-22"}


def test_exam_date_over_a_caption_with_a_date_under_it_too_is_checked() -> None:
    """No names over the first row: it may be lines captioned underneath or a grid read wrongly; a person looks."""
    item = exam_item(stacked_grids(names_over=False))
    assert item.needs_review and "exam.date_stacked" in item.reasons and item.confidence <= 0.7


def member_sign_off(second: list[tuple[float, str]], second_captions: list[tuple[float, str]]) -> DocText:
    """A membership certificate signed off in two blocks of lines, each captioned underneath, the second close under."""
    return doc_of(
        (64, [(160, "Membership Certificate")]),
        (104, [(72, "Sam Reyes is a member in good standing of the Prairie Association for Infant Mental Health.")]),
        (300, [(90, "06/15/2023"), (240, "Professional"), (410, "06/30/2026")]),
        (320, [(90, "Member since"), (240, "Level"), (410, "Membership Expires")]),
        (334, second),
        (348, second_captions),
    )


def test_membership_expiry_over_its_caption_with_a_second_block_under() -> None:
    """The second block's name stands under the expiry caption: it has its own captions, so the date over is read."""
    doc = member_sign_off([(90, "04/01/2025"), (240, "Board Chair"), (410, "Lee Ortiz")],
                          [(90, "Date of issue"), (240, "Title"), (410, "Signature")])
    item = membership.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["valid_through"] == "2026-06-30"


def test_membership_two_block_sign_off_with_a_date_under_the_expiry_caption_is_checked() -> None:
    """A date over the expiry caption and another under it (the second block's): either may be it, a person looks."""
    doc = member_sign_off([(90, "Lee Ortiz"), (240, "Board Chair"), (410, "04/01/2025")],
                          [(90, "Signature"), (240, "Title"), (410, "Date of issue")])
    item = membership.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["valid_through"] == "2026-06-30" or (item.needs_review and item.confidence <= 0.7)
