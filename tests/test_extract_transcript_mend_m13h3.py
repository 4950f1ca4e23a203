"""Mend m13h3 (session 13): a sentence's degree whose field goes on in brackets, or after a dash or a comma.

"The Master of Arts in Human Development (Deferred) was granted on ..." read the field's capitalised words only and left
the part after them unseen. That part is now judged as a field's further part: a status, or words naming no place
or institution, put the degree in doubt (degree.status_unclear); a place gives degree.field_unclear. Each row is a
page in this file's own wording. Rows marked "guard" pass before the mend as well.
"""

from __future__ import annotations

import pytest
from test_extract_transcript import HEAD, extract, lines


def _item(*text: str) -> tuple[dict[str, object], float, bool, list[str]]:
    """The one degree read from the lines given: its value, confidence, review mark and reasons."""
    [item] = extract(HEAD + lines(*text)).items
    return item.value, item.confidence, item.needs_review, list(item.reasons)


@pytest.mark.parametrize("sentence", [
    "This certifies that the Master of Arts in Human Development (Deferred) was granted on March 3, 2014.",
    "Records show the Master of Arts in Human Development [not yet posted] was granted on March 3, 2014.",
    "The Master of Arts in Human Development - Under Appeal was granted on March 3, 2014.",
    "The Master of Arts in Human Development, Provisional Standing, was granted on March 3, 2014.",
    "He received the Master of Arts in Human Development (On Hold), awarded 03/03/2014.",
    "Master of Arts in Human Development [conditional], conferred 03/03/2014",
])
def test_a_status_after_a_sentence_field_puts_the_degree_in_doubt(sentence: str) -> None:
    value, confidence, review, reasons = _item(sentence)
    assert value["field"] == "Human Development" and review and confidence <= 0.7
    assert {"degree.field_unclear", "degree.status_unclear"} <= set(reasons), reasons


@pytest.mark.parametrize("sentence", [
    "The Master of Arts in Human Development (Riverside Campus) was granted on March 3, 2014.",
    "The Master of Arts in Human Development, Eastgate Community College, was granted on March 3, 2014.",
])
def test_a_place_after_a_sentence_field_makes_the_field_unclear(sentence: str) -> None:
    value, confidence, review, reasons = _item(sentence)
    assert review and confidence <= 0.7 and "degree.field_unclear" in reasons, reasons
    assert "degree.status_unclear" not in reasons


@pytest.mark.parametrize("sentence", [
    "The Master of Arts in Human Development was granted on March 3, 2014.",
    "She earned the Master of Arts in Human Development, conferred 03/03/2014.",
    "The Master of Arts in Human Development, which was awarded on March 3, 2014, is on file.",
    "The Master of Arts in Human Development was granted on March 3, 2014, with distinction.",
])
def test_a_sentence_field_with_its_conferral_clause_stays_sure(sentence: str) -> None:
    """Guard: the field alone, or a comma opening the conferral clause; passes before and after."""
    value, _confidence, review, reasons = _item(sentence)
    assert value["field"] == "Human Development" and value["conferred"] == "2014-03-03" and not review, reasons
