"""Ethics agreements, review round r12h: which way small caption rows pair with their values, whose block a
signature line's date comes from, and how many lines may be the signer's."""

from __future__ import annotations

import pytest

from extractors import ethics
from extractors.layout import DocText
from extractors.nlp import find_patterns
from pipeline.models import Item
from tests.test_extract_ethics_mend12 import _typeset


def _item(doc: DocText) -> Item:
    extraction = ethics.extract(doc, find_patterns(doc.text))
    assert len(extraction.items) == 1
    return extraction.items[0]


def _flagged(item: Item) -> bool:
    return item.needs_review and item.confidence <= 0.7


_page = _typeset  # a text-layer page from rows of (top, type size, cells), as the mend12 rows build theirs


PLEDGE = (280.0, 10.0, [(72.0, "By signing below I promise to practise within the Code and report any breach.")])


def _right_or_flagged(item: Item, expected: dict[str, object]) -> bool:
    return item.value == expected or _flagged(item)


# --- finding 1: a blank block's small captions, another person's values and captions under them ----------------

@pytest.mark.parametrize("under_captions", [
    [(70, "REGISTRAR"), (320, "LOGGED ON")],
    [(70, "COUNTERSIGNED (OFFICE)"), (320, "ENTERED")],
])
def test_a_blank_block_over_an_office_line_reads_no_signer_from_it(under_captions: list[tuple[float, str]]) -> None:
    doc = _page(PLEDGE, (320, 6.5, [(70, "SIGNATURE OF APPLICANT"), (320, "DATE")]),
                (346, 10, [(72, "Henrietta Bloom"), (322, "2026-03-09")]),
                (362, 6.5, under_captions))
    item = _item(doc)
    assert item.value["signer"] != "Henrietta Bloom" or _flagged(item)
    assert _flagged(item)


# --- finding 2 and 3: a value line of long names is no paragraph heading the caption row under it ----------------

LONG_CAPS = (336, 6.5, [(70, "SIGNATURE"), (250, "PRINTED NAME"), (440, "DATE")])


def test_long_names_over_their_captions_are_the_signers_and_the_reviewer_under_is_not() -> None:
    doc = _page(PLEDGE, (320, 10, [(72, "Ana Lucia de la Fuente"), (252, "Ana Lucia de la Fuente")]), LONG_CAPS,
                (362, 10, [(72, "Piet Honig"), (252, "Piet Honig"), (442, "March 3, 2026")]),
                (378, 6.5, [(70, "AUDITED BY"), (250, "AUDITOR"), (440, "AUDIT DATE")]))
    item = _item(doc)
    assert item.value["signer"] == "Ana Lucia de la Fuente"
    assert item.value["date"] is None and _flagged(item)


def test_long_names_with_their_own_date_are_read_right() -> None:
    doc = _page(PLEDGE, (320, 10, [(72, "Ana Lucia de la Fuente"), (252, "Ana Lucia de la Fuente"),
                                   (442, "2/27/26")]), LONG_CAPS,
                (362, 10, [(72, "Piet Honig"), (252, "Piet Honig")]),
                (378, 6.5, [(70, "AUDITED BY"), (250, "AUDITOR")]))
    assert _item(doc).value == {"signer": "Ana Lucia de la Fuente", "date": "2026-02-27", "signed": True}


def test_a_single_small_caption_block_over_its_values_stays_sure() -> None:
    """Guard: captions over values, a closing sentence under them, is read downwards and not flagged."""
    doc = _page(PLEDGE, (320, 6.5, [(70, "SIGNATURE OF APPLICANT"), (250, "NAME (PRINT)"), (440, "DATE")]),
                (344, 10.5, [(72, "Ines Marlow"), (252, "Ines Marlow"), (442, "04/11/2026")]),
                (384, 8.5, [(72, "Send the signed page back with the rest of your application form.")]))
    item = _item(doc)
    assert item.value == {"signer": "Ines Marlow", "date": "2026-04-11", "signed": True}
    assert not item.needs_review


# --- finding 4: another person's block over the signer's, each a row of small captions over its values ----------

@pytest.mark.parametrize("gap", [14.0, 18.0])
def test_an_observers_block_over_the_signers_is_not_read_as_sure(gap: float) -> None:
    doc = _page(PLEDGE, (320, 6.5, [(70, "OBSERVER SIGNATURE"), (250, "OBSERVER NAME"), (440, "DATE")]),
                (320 + gap, 10, [(72, "Piet Honig"), (252, "Piet Honig"), (442, "9 March 2026")]),
                (346 + gap, 6.5, [(70, "SIGNATURE OF APPLICANT"), (250, "NAME (PRINT)"), (440, "DATE")]),
                (346 + 2 * gap, 10, [(72, "Ines Marlow"), (252, "Ines Marlow"), (442, "2 March 2026")]))
    item = _item(doc)
    assert _right_or_flagged(item, {"signer": "Ines Marlow", "date": "2026-03-02", "signed": True})
    assert item.value["date"] != "2026-03-09" or _flagged(item)


# --- finding 6: the date of the signature's own column, not the office's beside it -------------------------------

def test_the_office_columns_date_is_not_the_members() -> None:
    from tests.test_extract_forms import doc_of
    doc = doc_of(
        (70, [(72, "With my signature I promise to keep to the Code of Ethics in all of my practice.")]),
        (144, [(76, "Pia Lorne"), (334, "Jonah Mirren")]),
        (164, [(72, "Registrar signature"), (330, "Signature")]),
        (190, [(76, "Pia Lorne"), (334, "Jonah Mirren")]), (208, [(72, "Printed name"), (330, "Printed name")]),
        (234, [(76, "2025-10-02"), (334, "2025-10-09")]), (252, [(72, "Date"), (330, "Date")]))
    item = _item(doc)
    assert item.value["signer"] == "Jonah Mirren" or _flagged(item)
    assert item.value["date"] == "2025-10-09" or ("signature.date_other_block" in item.reasons and _flagged(item))


def test_a_date_in_the_signers_own_row_is_not_doubted() -> None:
    """Guard: one block, its date caption in the signature's row."""
    from tests.test_extract_forms import doc_of
    doc = doc_of((70, [(72, "With my signature I promise to keep to the Code of Ethics in all of my practice.")]),
                 (140, [(76, "Jonah Mirren"), (330, "2025-10-09")]), (158, [(72, "Signature"), (330, "Date")]),
                 (190, [(76, "Jonah Mirren")]), (208, [(72, "Printed name")]))
    item = _item(doc)
    assert item.value == {"signer": "Jonah Mirren", "date": "2025-10-09", "signed": True} and not item.needs_review


# --- finding 5: a second signature line counted however it is worded or split --------------------------------------

def _office_and_member(office: str, member: str) -> DocText:
    """An office's signed line on the left, the member's on the right, each dated under its own line."""
    from tests.test_extract_forms import doc_of
    return doc_of(
        (70, [(72, "I give my word that I will keep to this Code of Ethics while I hold Endorsement.")]),
        (140, [(76, "Lars Aubel"), (334, "Nadia Ferro")]),
        (160, [(72, office), (330, member)]),
        (226, [(76, "2025-09-01"), (334, "2025-09-05")]), (244, [(72, "Date"), (330, "Date")]))


@pytest.mark.parametrize(("office", "member"), [
    ("Sig nature", "Signature"),
    ("Signature", "Signed"),
    ("Signature", "Signed by"),
])
def test_a_second_line_worded_or_split_otherwise_still_counts(office: str, member: str) -> None:
    item = _item(_office_and_member(office, member))
    assert _right_or_flagged(item, {"signer": "Nadia Ferro", "date": "2025-09-05", "signed": True})
