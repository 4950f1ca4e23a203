"""Which date is the reference's when a date label stands after other words (review r12l findings 1 and 2).

A date label after words in its cell is the form's own date, sure, only in one shape: a capitalised label naming the
act right after a heading that ends on the rater ("... for the referee Date signed:"), its value a date alone. Any
other words before it may make it the applicant's, the office's or a course's date: it is kept for a person to check
(reference.date_unclear), and a letter's own date on top wins over it.
"""

from __future__ import annotations

import pytest

from extractors import reference
from tests.test_extract_forms import doc_of, lines
from tests.test_extract_forms_mend11k import _item


def _form(heading: str, *more: str) -> object:
    rows = [(60, [(70, "Endorsement Reference Form")]),
            (80, [(70, "Candidate: Mirela Oakhurst")]),
            (100, [(70, heading)]),
            (120, [(70, "My name is Dov Penhallow and I have known the candidate for 6 years")]),
            (134, [(70, "I am the candidate's colleague")]),
            (148, [(70, "Endorsement I hold, if any: Infant Mental Health Mentor, Level IV")])]
    rows += [(162 + 14 * n, [(70, text)]) for n, text in enumerate(more)]
    rows += [(260, [(70, "Dov Penhallow")]), (274, [(70, "Referee signature")])]
    return doc_of(*rows)


@pytest.mark.parametrize(("heading", "more"), [
    ("Part B - for the reference", ("Field placement hours completed on: 08/15/2020",)),
    ("Thesis completed on: 04/30/2017", ()),
    ("Part C - for the referee", ("Candidate signature date: 03/03/2026",)),
    ("Page 1 - to be filled in by the candidate Date signed: 03/03/2026", ()),
    ("Candidate's part Date submitted: 02/20/2026", ()),
    ("Part C - for the referee", ("Residency date of completion: 05/31/2016",)),
    ("Part C - for the referee", ("Degree completion date: 05/31/2016",)),
    ("Office only Date completed: 07/01/2026", ()),
    ("Part C - for the referee Date signed: 03/03/2026 (per candidate)", ()),
    ("Part C - for the referee (print clearly) Date signed: 03/03/2026", ()),
])
def test_a_date_label_after_words_not_addressing_the_rater_is_doubted(heading: str, more: tuple[str, ...]) -> None:
    item = _item(reference.extract, _form(heading, *more))  # type: ignore[arg-type]
    assert item.value["date"] is None or "reference.date_unclear" in item.reasons
    assert item.needs_review and item.confidence <= 0.7


@pytest.mark.parametrize(("heading", "date"), [  # guards: the sure shape stays sure (pass before too)
    ("Part C - for the referee Date signed: 03/03/2026", "2026-03-03"),
    ("Section 1 - completed by the evaluator: Date completed: 9 March 2026", "2026-03-09"),
])
def test_a_date_label_right_after_a_heading_for_the_rater_stays_sure(heading: str, date: str) -> None:
    item = _item(reference.extract, _form(heading))  # type: ignore[arg-type]
    assert item.value["date"] == date and not item.needs_review


@pytest.mark.parametrize("body", [
    "Her residency (contact hours completed on: 05/31/2019) showed real care.",
    "Residency hours completed on: 05/31/2019",
])
def test_a_letters_own_date_wins_over_a_date_label_in_its_body(body: str) -> None:
    doc = lines("March 9, 2026", "To the Endorsement Committee", "Re: Mirela Oakhurst",
                "I have known Mirela for 6 years as her program supervisor.", body,
                "I recommend her warmly.", "Sincerely,", "Dov Penhallow")
    item = _item(reference.extract, doc)
    assert item.value["date"] == "2026-03-09"
