"""Record assembly: items from several documents merged once, with what a reviewer must know."""

from __future__ import annotations

from pipeline.models import DocumentKind, DocumentResult, Item, Provenance
from pipeline.record import CONFLICT, DUPLICATE, duplicate_flags, merge_items


def certificate(document: str, hours: float, confidence: float = 0.95, pending: bool = False) -> DocumentResult:
    item = Item(type="training", key="training:2021-03-03:attachment", confidence=confidence, needs_review=pending,
                reasons=["ocr.low_confidence"] if pending else [],
                value={"title": "Attachment", "hours": hours, "date": "2021-03-03"},
                provenance=[Provenance(document=document, page=1, bbox=(1, 2, 3, 4), text="x", source="ocr",
                                       rule="r.v1")])
    return DocumentResult(document=document, filename=f"{document}.pdf", kind=DocumentKind.TRAINING_CERTIFICATE,
                          pages=1, extractor_version="t", items=[item])


def test_the_same_certificate_twice_counts_once_and_says_so() -> None:
    items = merge_items([certificate("a" * 64, 6.0), certificate("b" * 64, 6.0)])
    assert len(items) == 1
    assert {p.document for p in items[0].provenance} == {"a" * 64, "b" * 64}
    assert items[0].reasons == [DUPLICATE] and not items[0].needs_review
    assert [f.code for f in duplicate_flags(items)] == [DUPLICATE]


def test_two_readings_that_disagree_need_a_person() -> None:
    items = merge_items([certificate("a" * 64, 6.0), certificate("b" * 64, 60.0)])
    assert items[0].needs_review and CONFLICT in items[0].reasons
    assert [f.code for f in duplicate_flags(items)] == [CONFLICT]


def test_the_accepted_reading_is_kept_over_a_flagged_one() -> None:
    items = merge_items([certificate("a" * 64, 6.0, confidence=0.99, pending=True), certificate("b" * 64, 6.0, 0.9)])
    assert items[0].confidence == 0.9 and "ocr.low_confidence" not in items[0].reasons
