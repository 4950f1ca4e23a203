"""Ethics agreements, review round r13g: a sure date signed stands in the signature's own block; a blank member's
small captions over another person's line and captions; a "Signed:" holding a date is no second signer line."""

from __future__ import annotations

import pytest

from tests.test_extract_ethics_mend_r12h import _flagged, _item, _page

Row = tuple[float, float, list[tuple[float, str]]]

PROMISE = (280.0, 10.0, [(72.0, "In signing I undertake to keep the Code in my practice and to report any breach.")])


# --- findings 2, 4, 5: a date past another person's caption (under, beside, above) ---------------------------------

@pytest.mark.parametrize("rows", [
    [(320, 10, [(72, "Signature: /s/ Mira Holt")]),
     (350, 10, [(72, "Countersigned by mentor: /s/ Ed Vance"), (340, "Date: 4 March 2025")])],
    [(320, 10, [(72, "Signature: /s/ Mira Holt"), (340, "Attesting officer: /s/ Ed Vance")]),
     (340, 10, [(340, "Date: 4 March 2025")])],
    [(310, 10, [(72, "Observer: /s/ Ed Vance"), (340, "Date: 4 March 2025")]),
     (340, 10, [(72, "Signature: /s/ Mira Holt")]),
     (360, 10, [(72, "Printed name: Mira Holt")])],
])
def test_a_date_past_another_persons_caption_is_doubted(rows: list[Row]) -> None:
    item = _item(_page(PROMISE, *rows))
    assert _flagged(item)
    assert "signature.date_other_block" in item.reasons


# --- finding 3: a date caption shared past a second signature caption --------------------------------------------

def test_a_date_caption_past_a_second_signature_caption_is_doubted() -> None:
    item = _item(_page(PROMISE, (320, 10, [(72, "Mira Holt"), (250, "Ed Vance"), (430, "4 March 2025")]),
                       (334, 8, [(72, "Signature of Member"), (250, "Signature of Mentor"), (430, "Date")])))
    assert _flagged(item)


# --- guard: the member's own date beside the signature stays sure --------------------------------------------------

def test_the_date_beside_the_signature_is_sure() -> None:
    item = _item(_page(PROMISE, (320, 10, [(72, "Signature: /s/ Mira Holt"), (340, "Date: 4 March 2025")]),
                       (340, 10, [(72, "Printed name: Mira Holt")])))
    assert item.value == {"signer": "Mira Holt", "date": "2025-03-04", "signed": True}
    assert not item.needs_review


# --- finding 1: a blank member block's small captions over a line and its own small captions ------------------------

def test_small_captions_under_a_line_under_a_blank_block_are_flagged() -> None:
    item = _item(_page(PROMISE, (320, 6.5, [(70, "SIGNATURE"), (320, "DATE")]),
                       (340, 10, [(72, "Ed Vance"), (322, "4 March 2025")]),
                       (356, 6.5, [(70, "ATTESTED BY"), (320, "ATTESTED ON")])))
    assert _flagged(item)


# --- finding 8: "Signed:" with a date is the date's label -----------------------------------------------------------

def test_a_signed_label_holding_a_date_is_no_second_signer_line() -> None:
    item = _item(_page(PROMISE, (320, 10, [(72, "Signature: /s/ Mira Holt"), (340, "Signed: 03/04/2025")]),
                       (340, 10, [(72, "Printed name: Mira Holt")])))
    assert "signature.signer_ambiguous" not in item.reasons


# --- tune: a name written on the signature label's own line, no colon -----------------------------------------------

@pytest.mark.parametrize(("line", "signed"), [
    ("Signature Mira Holt", True),
    ("Member signature /s/ Mira Holt", True),
    ("Signature", False),  # guard: a blank line stays unsigned
])
def test_a_name_after_the_signature_label_without_a_colon_is_the_signature(line: str, signed: bool) -> None:
    item = _item(_page(PROMISE, (320, 10, [(72, line)]), (345, 10, [(72, "Name"), (160, "Mira Holt")]),
                       (370, 10, [(72, "Date"), (160, "4 March 2025")])))
    assert item.value == {"signer": "Mira Holt", "date": "2025-03-04", "signed": signed}
