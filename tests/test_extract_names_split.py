"""A proper name on a scan with a word OCR split in two ("Birch Va Lley") is checked by a person."""

from __future__ import annotations

import pytest

from extractors import membership
from extractors.fields import Found
from extractors.form_letters import misread_name
from extractors.nlp import find_patterns
from tests.test_extract_letters import scanned_lines


@pytest.mark.parametrize(("name", "source", "odd"), [
    ("Birch Va Lley Family Services", "ocr", True),         # a word split into a capitalised pair and its rest
    ("Northfield Ho Me Visiting Program", "ocr", True),
    ("Birch Va Lley Family Services", "text_layer", False),  # a text layer's name is taken as printed
    ("Birch Valley Family Services", "ocr", False),          # guards: whole words
    ("St Anne Family Center", "ocr", False),                 # a short word a name has
    ("UC Birchfield Infant Center", "ocr", False),           # an abbreviation in capitals
    ("La Crosse Family Services", "ocr", False),
    ("Center Of Family Services", "ocr", False),             # a connector set in title case
])
def test_a_split_word_makes_a_scanned_name_misread(name: str, source: str, odd: bool) -> None:
    doc = scanned_lines(name, source=source)  # type: ignore[arg-type]
    assert misread_name(doc, Found(0, len(name), "test.v1", 0.9)) is odd


def test_a_membership_name_with_a_split_word_is_flagged() -> None:
    doc = scanned_lines("Welcome to the Birch Va Lley Association for Infant Mental Health!",
                        "Valid through 12/31/2026.")
    item = membership.extract(doc, find_patterns(doc.text)).items[0]
    assert item.needs_review and item.confidence <= 0.7
