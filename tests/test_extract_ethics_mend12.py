"""Ethics agreements (session 12): signature captions that name the signer as "you", a signature line whose
caption leaves the signer open beside another signer's, and small captions set over larger values."""

from __future__ import annotations

import pytest

from extractors import ethics
from extractors.nlp import find_patterns
from pipeline.models import Item
from tests.test_extract_forms import doc_of


def _item(doc: object) -> Item:
    extraction = ethics.extract(doc, find_patterns(doc.text))  # type: ignore[attr-defined]
    assert len(extraction.items) == 1
    return extraction.items[0]


def _flagged(item: Item) -> bool:
    return item.needs_review and item.confidence <= 0.7


def _two_sides(office: str, member: str) -> object:
    """A pledge with an office column on the left and the member's column on the right; the member signed."""
    return doc_of(
        (70, [(72, "With my signature I promise to keep to the Code of Ethics in all of my practice.")]),
        (108, [(72, "FOR THE ASSOCIATION"), (330, "SIGNER")]),
        (144, [(334, "Mara Quist")]),
        (164, [(72, office), (330, member)]),
        (190, [(76, "Olek Varga"), (334, "Mara Quist")]), (208, [(72, "Printed name"), (330, "Printed name")]),
        (234, [(76, "2025-11-20"), (334, "2025-11-24")]), (252, [(72, "Date"), (330, "Date")]))


# --- r12g finding 1: "Your signature" is a signer's caption that names no signer word ----------------------------

def test_a_lone_your_signature_caption_is_read() -> None:
    doc = doc_of((70, [(72, "I have read the Code of Ethics and I will follow it.")]),
                 (140, [(76, "Mara Quist"), (330, "2025-11-24")]), (158, [(72, "Your signature"), (330, "Date")]))
    item = _item(doc)  # used to raise on looking for a signer word in the caption
    assert (item.value["signer"], item.value["signed"]) == ("Mara Quist", True)
    assert item.value["date"] == "2025-11-24" or _flagged(item)


@pytest.mark.parametrize(("office", "member"), [
    ("Your signature", "Signer's signature"),
    ("Practitioner signature", "Your signature"),
])
def test_your_signature_beside_another_signers_caption_is_flagged(office: str, member: str) -> None:
    item = _item(_two_sides(office, member))
    assert "signature.signer_ambiguous" in item.reasons and _flagged(item)


# --- r12g finding 2: a second signature line that may be the signer's, its caption naming no one -----------------

@pytest.mark.parametrize(("office", "member"), [
    ("Registrant signature", "Signature"),
    ("Signature of the clinician", "Signature"),
    ("Signature", "Signature"),
    ("Participant's signature", "Participant signature"),
    ("Signature (employee)", "Signature:"),
])
def test_two_lines_that_may_be_the_signers_are_flagged(office: str, member: str) -> None:
    item = _item(_two_sides(office, member))
    assert "signature.signer_ambiguous" in item.reasons and _flagged(item)


def test_a_witness_line_beside_the_signers_leaves_the_signer_sure() -> None:
    """Guard: a caption naming someone else ("Witness signature") is not a second line of the signer's."""
    doc = doc_of(
        (70, [(72, "With my signature I promise to keep to the Code of Ethics in all of my practice.")]),
        (144, [(76, "Mara Quist"), (334, "Olek Varga")]),
        (164, [(72, "Signature"), (330, "Witness signature")]),
        (190, [(76, "Mara Quist")]), (208, [(72, "Printed name")]),
        (234, [(76, "2025-11-24")]), (252, [(72, "Date")]))
    item = _item(doc)
    assert item.value == {"signer": "Mara Quist", "date": "2025-11-24", "signed": True}
    assert "signature.signer_ambiguous" not in item.reasons
