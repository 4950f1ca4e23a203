"""Reference forms of the holdout-v10 structures, in wordings of our own.

A form may let the rater say in a line of their own what they are to the applicant ("I am the applicant's mentee")
over the line stating their own endorsement ("Endorsement I hold: ..."), with no full stop between: the line above
still names the relationship. A date field may stand in the same cell as the section heading before it ("Part 1 -
for the referee Date signed: 3 May 2026"): a date label naming which date is the form's.
"""

from __future__ import annotations

import pytest

from extractors import reference
from tests.test_extract_forms import doc_of
from tests.test_extract_forms_mend11k import _item


def _form(relation_line: str, heading: str) -> object:
    return doc_of(
        (60, [(70, "Reference for Endorsement")]),
        (80, [(70, "Applicant name: Tova Brennick")]),
        (100, [(70, heading)]),
        (120, [(70, "I write as Ilse Marwood and have known the candidate for 4 years")]),
        (134, [(70, relation_line)]),
        (148, [(70, "Endorsement I hold, if any: Infant Family Specialist, Level II")]),
        (200, [(70, "Ilse Marwood")]),
        (214, [(70, "Signature of referee")]))


@pytest.mark.parametrize(("line", "code"), [
    ("I am the applicant's colleague", "colleague"),
    ("I am the candidate's student", "student"),
    ("I was the applicant's supervisee", "supervisee"),
])
def test_a_relationship_line_over_the_raters_endorsement_is_read(line: str, code: str) -> None:
    doc = _form(line, "Part 1 - for the referee | Date signed: 3 May 2026")
    item = _item(reference.extract, doc)  # type: ignore[arg-type]
    assert item.value["relationship"] == code


@pytest.mark.parametrize(("heading", "date"), [
    ("Part 1 - for the referee Date signed: 3 May 2026", "2026-05-03"),
    ("Section 2 to be filled in by the rater Date completed: 05/09/2026", "2026-05-09"),
])
def test_a_date_label_after_a_heading_in_its_cell_is_read(heading: str, date: str) -> None:
    item = _item(reference.extract, _form("I am the applicant's colleague", heading))  # type: ignore[arg-type]
    assert item.value["date"] == date


def test_a_bare_date_after_words_is_not_the_forms() -> None:  # guard (passes before too)
    doc = _form("I am the applicant's colleague", "Part 1 - for the referee Date: 3 May 2026")
    item = _item(reference.extract, doc)  # type: ignore[arg-type]
    assert item.value["date"] != "2026-05-03" or item.needs_review
