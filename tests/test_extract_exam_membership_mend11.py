"""Session 11 mends (R11b on b9b52d3): rows set well above a block of values are not its names; a date anywhere in
the cell under a caption makes the date over it doubtful; a roomy table's rows under a tight names band; a member
grid's print date when a footer, a further member or a one-line sign-off follows."""

from __future__ import annotations

import pytest

from extractors import exam, membership
from extractors.fields import Item
from extractors.layout import DocText
from extractors.nlp import find_patterns
from tests.test_extract_forms import doc_of

Row = tuple[float, list[tuple[float, str]]]


def exam_item(doc: DocText) -> Item:
    return exam.extract(doc, find_patterns(doc.text)).items[0]


def member_item(doc: DocText) -> Item:
    return membership.extract(doc, find_patterns(doc.text)).items[0]


def figure_card(upper: list[tuple[float, str]] | None) -> DocText:
    """A results card: two figures over their captions, a second pair of figures under, maybe a row well above."""
    rows: list[Row] = [(58, [(80, "Endorsement Exam Results")]), (90, [(80, "Test date: 11/18/2024")])]
    if upper is not None:
        rows.append((250, upper))
    rows += [(290, [(96, "412"), (330, "380")]), (304, [(96, "Scaled score"), (330, "Cut score")]),
             (330, [(96, "2"), (330, "67")]), (344, [(96, "Attempt"), (330, "Percentile")])]
    return doc_of(*rows)


@pytest.mark.parametrize("upper", [
    # finding 1: a row of words standing far over the figures heads nothing; the second pair is no column value
    [(96, "Applicant"), (330, "Proctor")],
    [(96, "Summary"), (330, "Details")],
])
def test_exam_figures_with_a_row_well_above_are_not_read_from_the_pair_under(
        upper: list[tuple[float, str]]) -> None:
    item = exam_item(figure_card(upper))
    assert item.value["passed"] is not False
    assert item.value["passed"] is True or (item.needs_review and "exam.result_unclear" in item.reasons)


def signed_certificate(upper: list[tuple[float, str]] | None, under: list[tuple[float, str]] | None,
                       upper_at: float = 330.0) -> DocText:
    """An exam certificate: captions of hand-signed lines (no text over them), then a typed block captioned under."""
    rows: list[Row] = [(66, [(170, "Certificate of Achievement")]),
                       (104, [(72, "Riley Moss has passed the Infant Mental Health Specialist examination.")])]
    if upper is not None:
        rows.append((upper_at, upper))
    rows += [(392, [(96, "March 14, 2025"), (330, "Remote, live proctor")]),
             (406, [(96, "Date of examination"), (330, "Test site")])]
    if under is not None:
        rows.append((432, under))
    return doc_of(*rows)


SIGNERS = [(96, "Board Chair"), (330, "Exam Coordinator")]


@pytest.mark.parametrize(("upper", "under", "upper_at"), [
    # finding 2: signature captions far over the typed block, a second block's date under the exam-date caption
    (SIGNERS, [(96, "April 2, 2025"), (330, "Dana Wu")], 330.0),
    # ... or the awarding body's name set in two columns over it
    ([(96, "Regional IMH"), (330, "Credentialing Board")], [(96, "April 2, 2025"), (330, "Dana Wu")], 372.0),
])
def test_exam_date_over_caption_with_signer_captions_far_above_is_not_the_second_blocks(
        upper: list[tuple[float, str]], under: list[tuple[float, str]], upper_at: float) -> None:
    item = exam_item(signed_certificate(upper, under, upper_at))
    assert item.value["date"] == "2025-03-14" or (item.needs_review and item.confidence <= 0.7)
    assert item.value["date"] != "2025-04-02" or item.needs_review


def test_exam_date_over_caption_with_signer_captions_far_above_and_nothing_under() -> None:
    """Finding 2 (loss): nothing under the captions; the date over the exam-date caption is the exam's."""
    item = exam_item(signed_certificate(SIGNERS, None))
    assert item.value["date"] == "2025-03-14" and "exam.date_missing" not in item.reasons


def two_grids(first_names: list[tuple[float, str]] | None, results_date: str) -> DocText:
    """A registration grid stacked on a results grid, the first grid's names row missing or not read as names."""
    rows: list[Row] = [(56, [(80, "Candidate Summary")])]
    if first_names is not None:
        rows.append((98, first_names))
    rows += [(112, [(80, "Riley Moss"), (260, "02/10/2025"), (420, "Room 4")]),
             (126, [(80, "Exam"), (260, "Test date"), (420, "Result")]),
             (148, [(80, "Specialist"), (260, results_date), (420, "Passed")])]
    return doc_of(*rows)


@pytest.mark.parametrize(("first_names", "results_date"), [
    # finding 5: the results date carries a time or a note, so it is no bare date, yet it is a date under the caption
    (None, "03/20/2025 1:30 PM"),
    (None, "03/20/2025 (resit)"),
    ([(80, "Applicant"), (260, "Step 3 cleared"), (420, "Room")], "03/20/2025 8:00 AM"),
])
def test_exam_date_over_a_caption_with_a_dated_cell_under_it_is_checked(
        first_names: list[tuple[float, str]] | None, results_date: str) -> None:
    item = exam_item(two_grids(first_names, results_date))
    assert item.value["date"] == "2025-03-20" or (item.needs_review and "exam.date_stacked" in item.reasons)


def test_exam_grid_with_its_names_row_over_reads_the_results_date() -> None:
    """Guard (passes before and after): names tight over the first grid; the results row's date with a time."""
    item = exam_item(two_grids([(80, "Applicant"), (260, "Approved on"), (420, "Room")], "03/20/2025 1:30 PM"))
    assert item.value == {"passed": True, "date": "2025-03-20"} and not item.needs_review


def banded_table(*rows: Row) -> DocText:
    """A score table whose names band sits tight over its first row, the rows themselves set 30 points apart."""
    return doc_of((60, [(72, "Score Report")]), (86, [(72, "Date of examination: 09/09/2024")]),
                  (126, [(72, "Domain"), (220, "Score"), (350, "Passing score")]), *rows)


@pytest.mark.parametrize("rows", [
    # finding 6: the first domain's name wraps, the next domain stands a roomy row below
    [(140, [(72, "Domain 1: Early"), (220, "344"), (350, "320")]), (152, [(72, "relationships")]),
     (182, [(72, "Domain 2: Reflective practice"), (220, "301"), (350, "320")])],
    # ... or a sub-heading stands between the rows
    [(140, [(72, "Domain 1"), (220, "344"), (350, "320")]), (170, [(72, "Applied domains")]),
     (200, [(72, "Domain 2"), (220, "301"), (350, "320")])],
])
def test_exam_roomy_rows_under_a_tight_names_band_decide_nothing(rows: list[Row]) -> None:
    item = exam_item(banded_table(*rows))
    assert item.value["passed"] is None and "exam.result_unclear" in item.reasons


@pytest.mark.parametrize("far", [
    # finding 8: one row of scores; a line far below with a lone figure under the score column is no table row
    (250, [(72, "Sittings so far:"), (220, "1")]),
    (420, [(220, "3")]),
])
def test_exam_one_row_of_scores_decides_despite_a_far_figure(far: Row) -> None:
    item = exam_item(banded_table((140, [(72, "Specialist exam"), (220, "344"), (350, "320")]), far))
    assert item.value["passed"] is True and not item.needs_review


def print_out(expiry: str, after: Row | None) -> DocText:
    """A member look-up print-out: the print date at the top right over the grid's expiry column name."""
    rows: list[Row] = [(56, [(72, "Prairie Alliance for Infant Mental Health"), (450, "02/17/2026")]),
                       (76, [(72, "Name"), (270, "Type"), (450, "Expires")]),
                       (90, [(72, "Riley Moss"), (270, "Honorary"), (450, expiry)])]
    if after is not None:
        rows.append(after)
    return doc_of(*rows)


@pytest.mark.parametrize(("expiry", "after"), [
    # finding 3: a footer or another member's row after the grid; the print date is still no expiry
    ("Does not expire", (128, [(72, "Membership Office"), (450, "Internal use")])),
    ("Lifetime", (104, [(72, "Sam Reyes"), (270, "Retired"), (450, "Lifetime")])),
    # finding 4: an expiry written as a month and year, with the footer
    ("Jan 2028", (128, [(72, "Membership Office"), (450, "Internal use")])),
])
def test_membership_print_date_over_expiry_column_is_no_expiry_with_rows_after(expiry: str, after: Row) -> None:
    item = member_item(print_out(expiry, after))
    assert item.value["valid_through"] != "2026-02-17"
    assert item.value["valid_through"] is not None or "membership.expiry_missing" in item.reasons


def test_membership_grid_expiry_with_a_footer_is_read_confidently() -> None:
    """Finding 4: the column's own date, a footer well under the grid: read as it is, not doubted."""
    item = member_item(print_out("08/31/2027", (128, [(72, "Membership Office"), (450, "Internal use")])))
    assert item.value["valid_through"] == "2027-08-31" and not item.needs_review


def test_membership_sign_off_with_only_the_expiry_typed_is_checked_against_a_date_under() -> None:
    """Finding 7: one date typed over the expiry caption, a second block close under with a date under it."""
    doc = doc_of((62, [(150, "Membership Certificate")]),
                 (100, [(72, "Riley Moss is a member in good standing of the Prairie Alliance.")]),
                 (296, [(410, "09/30/2027")]),
                 (314, [(80, "Joined"), (240, "Level"), (410, "Membership Expires")]),
                 (328, [(80, "Dana Wu"), (240, "Board Secretary"), (410, "10/01/2025")]))
    item = member_item(doc)
    assert item.value["valid_through"] == "2027-09-30" or (item.needs_review and item.confidence <= 0.7)
