"""Labels and the lines they pair with, as session 11's review found them misread: a wrapped question whose first
line is a label on its own, a hint under a label, a numbered section's heading under a blank row of labels, and
value lines standing between two rows of labels, nearer one than the other.

A line under a label that starts in lower case carries the question on unless it is shaped as a hint ("please
print", "(as on your licence)", "mm-dd-yyyy"); the lines joined must then be the label, or the label is another
question. A signed line between two caption rows is the nearer row's; when the form's way of pairing says the other,
a person checks.
"""

from __future__ import annotations

import pytest

from extractors import ethics, reference
from extractors.layout import DocText
from extractors.nlp import find_patterns
from pipeline.models import Item
from tests.test_extract_forms import doc_of
from tests.test_extract_forms_wordings import survey_rows

OPENING = "Kindly answer each item on this sheet and mail it to the endorsement office within two weeks."
PLEDGE = "By signing below I accept the Code of Ethics and will follow it in my practice with young children."
HELD = "Endorsement held: Infant Mental Health Specialist (Level III)"


def _item(extract: object, doc: DocText) -> Item:
    extraction = extract(doc, find_patterns(doc.text))  # type: ignore[operator]
    assert len(extraction.items) == 1
    return extraction.items[0]


def _right_or_flagged(item: Item, key: str, truth: object) -> bool:
    """Whether the item's `key` is the truth, or the item is flagged at a confidence a person checks."""
    return item.value[key] == truth or (item.needs_review and item.confidence <= 0.7)


# --- finding 1: a wrapped question whose first line is a label on its own ---------------------------------------

@pytest.mark.parametrize(("doc", "key", "expected"), [
    # "Endorsement level" alone is the rater's level; the line under makes it the candidate's
    (survey_rows(("Reference giver", "Omar Vell"), ("Relationship", "Colleague"),
                 (["Endorsement level", "proposed for the candidate"], "Infant Family Specialist (Level II)"),
                 (["Do you hold an endorsement", "yourself?"], "Yes, Level III"), ("Date", "10/07/2025")),
     "rater_level", "III"),
    (survey_rows(("Reference giver", "Omar Vell"), ("Relationship", "Colleague"),
                 (["Endorsement level", "proposed for the candidate"], "Infant Family Specialist (Level II)"),
                 ("Date", "10/07/2025")),
     "rater_level", None),
    # "Date" alone is the form's date; the line under makes it when supervision started
    (survey_rows(("Reference giver", "Omar Vell"), ("Relationship", "Colleague"), ("Endorsement held", "Level III"),
                 (["Date", "supervision began"], "02/03/2020"),
                 ("Date completed", "10/07/2025")),
     "date", "2025-10-07"),
    # "Relationship" alone is the relationship; the line under makes it how long
    (survey_rows(("Reference giver", "Omar Vell"), ("Endorsement held", "Level III"),
                 (["Relationship", "duration in years"], "6"), (["How do you know", "the candidate?"], "Colleague"),
                 ("Date", "10/07/2025")),
     "relationship", "colleague"),
])
def test_a_label_on_its_own_carried_on_by_the_line_under_is_another_question(doc: DocText, key: str,
                                                                            expected: str | None) -> None:
    assert _item(reference.extract, doc).value[key] == expected


# --- finding 3: a hint under a label of the form's own words -----------------------------------------------------

@pytest.mark.parametrize(("label", "hint", "key", "truth"), [
    ("Recommender's name", "(print clearly)", "rater", "Omar Vell"),  # guard (passes before too)
    ("Your full name", "please use block letters", "rater", "Omar Vell"),
    ("Today's date", "mm-dd-yyyy", "date", "2025-10-07"),
    ("How did you know the candidate", "e.g. colleague, trainee", "relationship", "colleague"),
])
def test_a_hint_under_a_label_of_any_words_leaves_the_label_its_value(label: str, hint: str, key: str,
                                                                      truth: str) -> None:
    values = {"rater": "Omar Vell", "relationship": "Colleague", "date": "10/07/2025"}
    labels = {"rater": "Referee name", "relationship": "Relationship", "date": "Date"}
    labels[key] = label
    rows, top = [], 80.0
    for field in ("rater", "relationship", "date"):
        rows.append((top, [(72, labels[field]), (300, values[field])]))
        top += 14
        if field == key:
            rows.append((top, [(72, hint)]))
            top += 14
    rows += [(top + 14, [(72, HELD)]), (top + 50, [(72, "Office use")]), (top + 64, [(72, "Date: 01/15/2026")]),
             (top + 78, [(72, "Referee name: Lena Ortiz")]), (top + 92, [(72, "Relationship: Student")])]
    item = _item(reference.extract, doc_of(*rows))
    assert item.value[key] == truth


# --- finding 2: a numbered section's heading under a blank row of labels -----------------------------------------

@pytest.mark.parametrize("heading", [
    "Part 3: Comments on the candidate",
    "Section B: Ratings",  # guard (passes before too): no digit before the colon
    "Step 2: Sign and return",
])
def test_a_numbered_heading_under_a_blank_row_of_labels_is_no_value(heading: str) -> None:
    doc = doc_of((50, [(72, OPENING)]),
                 (80, [(72, "Candidate name"), (360, "Date")]), (94, [(72, "Lena Ortiz"), (360, "01/15/2026")]),
                 (120, [(72, "Referee name"), (360, "Phone")]),
                 (140, [(72, heading)]),
                 (160, [(72, "Relationship: Colleague")]), (174, [(72, HELD)]))
    item = _item(reference.extract, doc)
    assert item.value["rater"] != heading and _right_or_flagged(item, "rater", None)


# --- finding 7: a level with a colon after its numeral, over its caption ------------------------------------------

def test_a_level_with_a_colon_over_its_caption_is_read() -> None:
    doc = doc_of((50, [(72, OPENING)]),
                 (80, [(72, "Omar Vell"), (360, "10/07/2025")]), (94, [(72, "Referee name"), (360, "Date")]),
                 (124, [(72, "Colleague"), (360, "Level III: Infant Mental Health Specialist")]),
                 (138, [(72, "Relationship"), (360, "Endorsement held")]))
    assert _item(reference.extract, doc).value["rater_level"] == "III"


# --- findings 5, 6: a blank row heading its block; a first row over its values ------------------------------------

@pytest.mark.parametrize("caption", ["Candidate's name", "Person you recommend", "Trainee"])
def test_a_blank_row_heading_its_block_takes_no_farther_line_unflagged(caption: str) -> None:
    doc = doc_of((50, [(72, OPENING)]),
                 (80, [(72, "Referee name"), (360, "Phone")]),
                 (110, [(72, "Lena Ortiz")]), (124, [(72, caption)]),
                 (154, [(72, "Infant Mental Health Specialist (Level III)"), (360, "10/07/2025")]),
                 (168, [(72, "Endorsement held"), (360, "Date")]),
                 (198, [(72, "Colleague")]), (212, [(72, "Relationship to candidate")]))
    assert _right_or_flagged(_item(reference.extract, doc), "rater", None)


def test_a_first_row_over_its_values_keeps_its_value_on_a_form_read_captions_under() -> None:
    doc = doc_of((50, [(72, OPENING)]),
                 (80, [(72, "Referee name"), (360, "Phone")]), (94, [(72, "Omar Vell"), (360, "555-720-1934")]),
                 (120, [(72, "Candidate name"), (360, "Agency")]), (134, [(72, "Lena Ortiz"), (360, "Bright Start")]),
                 (160, [(72, HELD)]),
                 (186, [(72, "Signature"), (360, "Date")]), (200, [(72, "Omar Vell"), (360, "10/07/2025")]))
    assert _item(reference.extract, doc).value["rater"] == "Omar Vell"


# --- findings 4, 8: a signed line between two caption rows ---------------------------------------------------------

@pytest.mark.parametrize("caption", ["Clinical supervisor's signature", "Signature of program manager",
                                     "Director signature"])
def test_a_line_signed_nearer_the_caption_row_under_it_is_no_sure_signature_of_the_row_over_it(caption: str) -> None:
    doc = doc_of((50, [(72, "Code of Ethics")]), (80, [(72, PLEDGE)]),
                 (110, [(72, "Signature"), (360, "Date")]),
                 (140, [(72, "Marta Quill"), (360, "04/22/2026")]), (154, [(72, caption), (360, "Date")]))
    item = _item(ethics.extract, doc)
    assert item.needs_review and item.confidence <= 0.7


@pytest.mark.parametrize(("caption", "date"), [
    ("Name in print", "Date filed"),  # guard (passes before too)
    ("Your name, in capitals", "Date received"),
    ("Type your name here", "Date received"),
])
def test_a_line_between_a_signature_row_and_a_name_row_is_left_to_a_person(caption: str, date: str) -> None:
    doc = doc_of((50, [(72, "Code of Ethics")]), (80, [(72, PLEDGE)]),
                 (110, [(72, "Signature"), (360, "Date")]),
                 (140, [(72, "Marta Quill"), (360, "04/22/2026")]), (154, [(72, caption), (360, date)]))
    item = _item(ethics.extract, doc)
    assert item.needs_review and item.confidence <= 0.7
