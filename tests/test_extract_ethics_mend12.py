"""Ethics agreements (session 12): signature captions that name the signer as "you", a signature line whose
caption leaves the signer open beside another signer's, and small captions set over larger values."""

from __future__ import annotations

import pytest

from extractors import ethics
from extractors.layout import DocText, build_text
from extractors.nlp import find_patterns
from pipeline.models import Item, Page, Word
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


# --- holdout-v10 structure: a row of small captions heading the block, the values under them in larger type ------

def _typeset(*rows: tuple[float, float, list[tuple[float, str]]]) -> DocText:
    """A text-layer page from rows of (top, type size, [(x0, cell text)]), a character half its type size wide."""
    words = []
    for top, size, cells in rows:
        for x0, text in cells:
            x = x0
            for token in text.split():
                words.append(Word(text=token, bbox=(x, top, x + size * 0.5 * len(token), top + size),
                                  confidence=1.0, source="text_layer"))
                x += size * 0.5 * (len(token) + 1)
    return build_text("doc", [Page(number=1, width=612, height=792, source="text_layer", words=words)])


CLOSING = (300.0, 10.0, [(72.0, "I have read this Code and I accept that my Endorsement depends on keeping it.")])


@pytest.mark.parametrize(("doc", "expected"), [
    (_typeset(CLOSING, (340, 6.5, [(76, "SIGNATURE OF PARTICIPANT"), (300, "PRINTED NAME"), (450, "DATE")]),
              (364, 10, [(78, "Tove Marr"), (302, "Tove Marr"), (452, "14 July 2026")])),
     {"signer": "Tove Marr", "date": "2026-07-14", "signed": True}),
    (_typeset(CLOSING, (340, 6, [(76, "MEMBER SIGNATURE"), (260, "NAME (PRINT)"), (420, "DATE SIGNED")]),
              (363, 11, [(78, "Quill Harrow"), (262, "Quill Harrow"), (422, "07/02/2026")])),
     {"signer": "Quill Harrow", "date": "2026-07-02", "signed": True}),
    # the signature's column left empty: unsigned, the printed name is the signer's
    (_typeset(CLOSING, (340, 6.5, [(76, "SIGNATURE OF PARTICIPANT"), (300, "PRINTED NAME"), (450, "DATE")]),
              (364, 10, [(302, "Tove Marr"), (452, "14 July 2026")])),
     {"signer": "Tove Marr", "date": "2026-07-14", "signed": False}),
    (_typeset(CLOSING, (340, 6, [(76, "MEMBER SIGNATURE"), (260, "NAME (PRINT)"), (420, "DATE SIGNED")]),
              (363, 11, [(262, "Quill Harrow"), (422, "07/02/2026")])),
     {"signer": "Quill Harrow", "date": "2026-07-02", "signed": False}),
])
def test_small_captions_over_larger_values_are_read_downwards(doc: DocText, expected: dict[str, object]) -> None:
    assert _item(doc).value == expected


def test_small_captions_under_their_values_still_read_upwards() -> None:
    """Guard: the values above the caption row are its own; the line under it is no value."""
    doc = _typeset(CLOSING, (330, 10, [(78, "Tove Marr"), (452, "14 July 2026")]),
                   (346, 6.5, [(76, "SIGNATURE"), (450, "DATE")]),
                   (362, 10, [(78, "Tove Marr")]), (378, 6.5, [(76, "PRINTED NAME")]))
    assert _item(doc).value == {"signer": "Tove Marr", "date": "2026-07-14", "signed": True}


def test_the_next_caption_read_as_the_printed_name_is_no_signer() -> None:
    """A date's caption beside the name's ("Signed on") taken as the name's value: no signer, flagged."""
    doc = _typeset(CLOSING, (340, 6.5, [(76, "SIGNATURE OF PARTICIPANT"), (300, "PRINTED NAME"), (450, "SIGNED ON")]),
                   (364, 10, [(302, "Tove Marr"), (452, "14 July 2026")]))
    item = _item(doc)
    assert item.value["signer"] in (None, "Tove Marr")
    assert item.value["signer"] == "Tove Marr" or _flagged(item)
