"""A table's rules that a scan reads as marks ('|', '[', '_') at a field's ends are not part of the field."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.test_extract_transcript import HEAD, extract, lines

Rows = list[list[tuple[float, str]]]


def _labelled(field: str) -> Rows:
    return HEAD + lines("Degree: Master of Arts", f"Major: {field}", "Conferred: 05/07/2012")


def _table(field: str) -> Rows:
    return HEAD + [[(50.0, "Degree"), (200.0, "Major"), (380.0, "Date Conferred")],
                   [(50.0, "Master of Arts"), (200.0, field), (380.0, "05/07/2012")]]


@pytest.mark.parametrize(("written", "field"), [
    ("| Infant Studies", "Infant Studies"),              # a rule before the value, a space between
    ("Infant Studies |", "Infant Studies"),              # a rule after it
    ("[ Child Development _", "Child Development"),
    ("| | Family Studies", "Family Studies"),            # two rules
    ("Infant Studies", "Infant Studies"),                # guard: a clean value as before
])
@pytest.mark.parametrize("page", [_labelled, _table])
@pytest.mark.parametrize("source", ["text_layer", "ocr"])
def test_rule_marks_at_a_field_s_ends_are_dropped(written: str, field: str, page: Callable[[str], Rows],
                                                  source: str) -> None:
    [item] = extract(page(written), source=source).items
    assert item.value["field"] == field
    assert field in [p.text for p in item.provenance]  # the box a reviewer is shown holds no mark either
