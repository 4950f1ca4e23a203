"""A block letter's opening sentence giving the person's own word, not the writer's (review r13e finding 9).

`extractors/employment_word.persons_own_word` is called from the employment reader's check of whose word a
sentence gives: a person and a verb of saying before the facts leaves the employer unconfirmed.
"""

from __future__ import annotations

import pytest

from tests.test_extract_employment_block import block_letter
from tests.test_extract_employment_mends12 import TOP, items_of

FACTS = [("Name", "Mira Okonkwo"), ("Position", "Home Visitor"), ("Start date", "02/01/2017"),
         ("End date", "06/30/2022"), ("Duties", "visiting families at home")]


def _employment(opening: str):  # noqa: ANN202 - an Item
    (item,) = items_of(block_letter(TOP, f"{opening} {TOP} as listed here:", FACTS))
    return item


@pytest.mark.parametrize("opening", [
    "Mira Okonkwo writes that she was employed by",
    "Mira Okonkwo has indicated that she worked for",
    "Ms. Okonkwo notes she was employed by",
])
def test_the_persons_saying_verb_leaves_the_employer_unconfirmed(opening: str) -> None:
    item = _employment(opening)
    assert item.needs_review and "employment.employer_unconfirmed" in item.reasons


@pytest.mark.parametrize("opening", [
    "We confirm that Mira Okonkwo was employed by",
    "At her request, we confirm that she was employed by",
])
def test_the_writers_own_confirmation_stays_sure(opening: str) -> None:
    item = _employment(opening)
    assert "employment.employer_unconfirmed" not in item.reasons and item.value["employer"] == TOP
