"""Score reports whose verdict stands off its column's name, and certificates with the expiry over its caption."""

from __future__ import annotations

from typing import Any

import pytest

from extractors import exam, membership
from extractors.layout import DocText
from extractors.nlp import find_patterns
from tests.test_extract_forms import doc_of, value_of


def report(verdict: str | None, scores: tuple[str, str], *, date_caption: str = "TEST DATE",
           place_caption: str = "TESTING CENTER", result_caption: str = "Outcome",
           verdict_x: float = 120.0, more_scores: tuple[str, str] | None = None) -> DocText:
    """A score report: small captions over the candidate's facts, then a header row over the verdict and scores.

    The verdict is set right of its column's name (centred in a wide column), the scores under theirs.
    """
    rows: list[tuple[float, list[tuple[float, str]]]] = [
        (60, [(72, "Examination Score Report"), (400, "Printed 04/02/2025")]),
        (90, [(72, date_caption), (330, place_caption)]),
        (102, [(72, "March 3, 2025"), (330, "Remote proctoring")]),
        (140, [(72, result_caption), (250, "Total score"), (370, "Passing score")]),
    ]
    row: list[tuple[float, str]] = [(250, scores[0]), (370, scores[1])]
    if verdict is not None:
        row.insert(0, (verdict_x, verdict))
    rows.append((158, row))
    if more_scores is not None:
        rows.append((172, [(250, more_scores[0]), (370, more_scores[1])]))
    rows.append((210, [(72, "Scores range from 100 to 500. Candidates may retake the examination after 90 days.")]))
    return doc_of(*rows)


@pytest.mark.parametrize(("doc", "expected"), [
    # the verdict centred in its column, off the name over it; the sitting's date in a caption grid
    (report("FAILED", ("280", "300")), {"passed": False, "date": "2025-03-03"}),
    (report("PASSED", ("410", "300"), date_caption="DATE OF EXAM", place_caption="TEST LOCATION",
            result_caption="Status"), {"passed": True, "date": "2025-03-03"}),
    (report("Pass", ("77", "70"), date_caption="EXAM DATE", place_caption="TEST SITE", result_caption="Result",
            verdict_x=150.0), {"passed": True, "date": "2025-03-03"}),
    # no verdict printed: the total score against the passing score in the row under their names
    (report(None, ("412", "300")), {"passed": True, "date": "2025-03-03"}),
    (report(None, ("251", "300"), place_caption="TEST CENTRE"), {"passed": False, "date": "2025-03-03"}),
])
def test_exam_verdict_off_its_column_name(doc: DocText, expected: dict[str, Any]) -> None:
    assert value_of(exam.extract, doc) == expected


def test_exam_scores_against_the_stated_verdict_are_flagged() -> None:
    item = exam.extract(doc := report("PASSED", ("280", "300")), find_patterns(doc.text)).items[0]
    assert item.value["passed"] is True and "exam.result_conflict" in item.reasons


@pytest.mark.parametrize("doc", [
    # guard (passes before and after): a score table of two rows (parts, attempts) decides nothing
    report(None, ("412", "300"), more_scores=("250", "300")),
    # guard: a word standing under the next column's name is not the verdict's
    doc_of((140, [(72, "Result"), (250, "Total score"), (370, "Passing score")]),
           (158, [(250, "Passed 412")])),
])
def test_exam_no_verdict_from_another_column_or_row(doc: DocText) -> None:
    item = exam.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["passed"] is None and "exam.result_unclear" in item.reasons


def certificate(over: dict[str, str], *, under: dict[str, str] | None = None) -> DocText:
    """A certificate's sign-off: lines captioned underneath, two blocks side by side, small print under them.

    `over` maps each caption to what is written over it; `under` what stands close under a caption (a second
    stacked block).
    """
    spots = (100.0, 420.0)
    rows: list[tuple[float, list[tuple[float, str]]]] = [
        (80, [(200, "Iowa Society for Infant Mental Health")]),
        (120, [(230, "hereby recognizes Sam Ortiz as a member")]),
        (300, [(x, value) for x, value in zip(spots, over.values(), strict=False)]),
        (314, [(x, caption) for x, caption in zip(spots, over, strict=False)]),
    ]
    if under:
        rows.append((328, [(x, value) for x, value in zip(spots, under.values(), strict=False)]))
    rows.append((380, [(200, "Joined 2018-02-11   Printed 2026-07-01")]))
    return doc_of(*rows)


@pytest.mark.parametrize(("doc", "expected"), [
    # the expiry written over its caption, the signer's block beside it
    (certificate({"Executive Director": "Alex Moreno", "Membership Expires": "June 30, 2027"}), "2027-06-30"),
    (certificate({"Chapter Chair": "Alex Moreno", "Valid Through": "12/31/2026"}), "2026-12-31"),
    # an issue date over its own caption beside it is never the expiry
    (certificate({"Date Issued": "01/15/2026", "Expiration Date": "01/14/2027"}), "2027-01-14"),
    (certificate({"Expiry Date": "31 March 2027", "Date Issued": "01/04/2026"}), "2027-03-31"),
])
def test_membership_expiry_over_its_caption(doc: DocText, expected: str) -> None:
    assert value_of(membership.extract, doc)["valid_through"] == expected


def test_membership_expiry_with_dates_over_and_under_its_caption_is_checked() -> None:
    doc = certificate({"Secretary": "Alex Moreno", "Membership Expires": "June 30, 2027"},
                      under={"Secretary": "Kim Lau", "Membership Expires": "June 30, 2026"})
    item = membership.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["valid_through"] in ("2026-06-30", "2027-06-30")
    assert item.needs_review and item.confidence <= 0.75


@pytest.mark.parametrize(("written", "expected"), [("Dee 31, 2027", "2027-12-31"), ("0ct. 1, 2026", "2026-10-01")])
def test_membership_expiry_over_its_caption_read_through_a_slipped_month_is_checked(written: str,
                                                                                      expected: str) -> None:
    """OCR read the month's letters wrong ("Dee" for "Dec"): the date is read, and a person confirms it."""
    doc = certificate({"Executive Director": "Alex Moreno", "Membership Expires": written})
    item = membership.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["valid_through"] == expected
    assert item.needs_review and item.confidence < 0.8


@pytest.mark.parametrize("doc", [
    # guard (passes before and after): dates over other captions (member since, issued) are no expiry
    certificate({"Member Since": "May 2, 2019", "Date Issued": "01/15/2026"}),
    # a caption over a date that stands under another caption is not this caption's
    doc_of((80, [(200, "Iowa Society for Infant Mental Health")]),
           (300, [(100, "June 30, 2027")]), (314, [(100, "Date Issued"), (420, "Membership Expires")])),
])
def test_membership_no_expiry_from_other_captions(doc: DocText) -> None:
    item = membership.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["valid_through"] is None and "membership.expiry_missing" in item.reasons
