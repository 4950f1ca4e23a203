"""Ethics agreements, review round r13g follow-up: a blank member block over another person's line and that
person's caption row in the same type is no sure reading; a caption alone over its value heads a block of captions
over values; a footer holding figures under the values captions nothing."""

from __future__ import annotations

import pytest

from tests.test_extract_ethics_mend_r12h import _flagged, _item, _page

PLEDGE = (280.0, 10.0, [(72.0, "By signing I promise to keep to the Code of Ethics and to report any breach of it.")])


# --- finding 1: same-size captions over a line with another caption row of the same size under it -------------------

@pytest.mark.parametrize(("size", "lower"), [
    (10, ["ATTESTED BY", "DATE ATTESTED"]),
    (9, ["COMMISSIONER OF OATHS", "AFFIRMED ON"]),
    (10, ["Countersigned", "Date countersigned"]),
    (9.5, ["Supervisor", "Reviewed"]),
])
def test_a_blank_block_over_a_line_and_a_same_size_caption_row_is_flagged(size: float, lower: list[str]) -> None:
    item = _item(_page(PLEDGE, (320, size, [(72, "SIGNATURE"), (330, "DATE")]),
                       (340, 10, [(72, "Ed Vance"), (330, "4 March 2025")]),
                       (354, size, [(72, lower[0]), (330, lower[1])])))
    assert _flagged(item)
    assert "signature.block_unclear" in item.reasons


# --- guards: a chain that pairs every caption row downwards, and a footer with figures under the values -------------

def test_a_block_whose_last_caption_row_has_its_value_stays_sure() -> None:
    """Guard (passes before and after): every caption row has its line under it."""
    item = _item(_page(PLEDGE, (320, 8, [(72, "SIGNATURE"), (330, "DATE")]),
                       (334, 10, [(72, "Mira Holt"), (330, "4 March 2025")]),
                       (352, 8, [(72, "PRINTED NAME")]),
                       (366, 10, [(72, "Mira Holt")])))
    assert item.value == {"signer": "Mira Holt", "date": "2025-03-04", "signed": True}
    assert not item.needs_review


def test_a_footer_with_figures_under_the_values_captions_nothing() -> None:
    item = _item(_page(PLEDGE, (320, 7, [(72, "Typed signature"), (330, "Date signed")]),
                       (334, 13, [(72, "Mira Holt"), (330, "4 March 2025")]),
                       (362, 8, [(72, "Form sent out 28 February 2025"), (330, "Ref 7731-QX")])))
    assert item.value == {"signer": "Mira Holt", "date": "2025-03-04", "signed": True}
    assert not item.needs_review


# --- finding 6: a caption alone over its value, then a row of captions over theirs ----------------------------------

@pytest.mark.parametrize("head", ["FULL NAME", "MEMBER NAME", "PRINTED NAME"])
def test_a_caption_alone_over_its_value_heads_the_block(head: str) -> None:
    item = _item(_page(PLEDGE, (320, 7, [(72, head)]),
                       (332, 10, [(72, "Mira Holt")]),
                       (358, 7, [(72, "SIGNATURE"), (330, "DATE")]),
                       (370, 10, [(72, "Mira Holt"), (330, "4 March 2025")])))
    assert item.value == {"signer": "Mira Holt", "date": "2025-03-04", "signed": True}
    assert not item.needs_review
