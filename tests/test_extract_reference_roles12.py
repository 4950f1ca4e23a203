"""The rater's role and name in shapes a sure value has (review r12l findings 3 and 4).

A sentence stating the rater's role is sure when it names one role: a past role with the present one beside it
("Back then I was her trainee; today we are peers") is for a person to read (reference.relationship_ambiguous). A
rater's name made only of a name field's own words or the stand-in surname, whatever order, title choices or
credential go with it, is the form's sample (reference.rater_placeholder).
"""

from __future__ import annotations

import pytest

from extractors import reference
from tests.test_extract_forms import doc_of
from tests.test_extract_forms_mend11k import _item
from tests.test_extract_forms_wordings import survey_rows


def _form(relation_line: str) -> object:
    return doc_of(
        (60, [(70, "Endorsement Reference Form")]),
        (80, [(70, "Candidate: Mirela Oakhurst")]),
        (100, [(70, "Part C - for the referee Date signed: 03/03/2026")]),
        (120, [(70, "My name is Dov Penhallow and I have known the candidate for 6 years")]),
        (134, [(70, relation_line)]),
        (148, [(70, "Endorsement I hold, if any: Infant Mental Health Mentor, Level IV")]),
        (260, [(70, "Dov Penhallow")]),
        (274, [(70, "Referee signature")]))


@pytest.mark.parametrize("line", [
    "Back in 2019 I was her trainee; today we are peers",
    "I was the candidate's manager (2012-2016), these days her co-worker",
    "I was her consultee until last year, now her program director",
])
def test_a_past_role_beside_the_present_one_is_doubted(line: str) -> None:
    item = _item(reference.extract, _form(line))  # type: ignore[arg-type]
    assert item.needs_review and item.confidence <= 0.7
    assert "reference.relationship_ambiguous" in item.reasons


@pytest.mark.parametrize(("line", "code"), [  # guards: one role, or another only denied (pass before too)
    ("I was her manager for six years", "program_supervisor"),
    ("I am the candidate's peer (not in a supervisory role)", "colleague"),
])
def test_one_role_in_the_sentence_stays_sure(line: str, code: str) -> None:
    item = _item(reference.extract, _form(line))  # type: ignore[arg-type]
    assert item.value["relationship"] == code and not item.needs_review


@pytest.mark.parametrize("name", [
    "Doe, John", "John Doe, LCSW", "First Last, MSW", "Dr./Mr. First Last", "First MI Last", "Title Firstname Lastname",
])
def test_a_sample_name_in_another_order_or_with_a_credential_is_flagged(name: str) -> None:
    doc = survey_rows(("Name of referee", name), ("Relationship", "Colleague"), ("Endorsement held", "Level II"),
                      ("Date", "03/03/2026"))
    item = _item(reference.extract, doc)
    assert "reference.rater_placeholder" in item.reasons and item.confidence <= 0.7


@pytest.mark.parametrize("name", ["Dov Penhallow, LMFT", "Penhallow, Dov", "Mr. Dov Lastowka"])  # guards
def test_a_real_name_with_a_credential_or_surname_first_is_no_sample(name: str) -> None:
    doc = survey_rows(("Name of referee", name), ("Relationship", "Colleague"), ("Endorsement held", "Level II"),
                      ("Date", "03/03/2026"))
    item = _item(reference.extract, doc)
    assert "reference.rater_placeholder" not in item.reasons
