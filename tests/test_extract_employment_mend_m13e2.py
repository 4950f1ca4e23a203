"""Review r13e findings 6, 7 and 10 on employment letters (second mend): the sure shape of duties after a bare
"were/are", an employer joined by "and"/"for" that is not the letterhead's name, and the same person in a period
sentence and its title sentence.
"""

from __future__ import annotations

import pytest

from extractors.employment_content import duties_content_shaped
from extractors.employment_word import persons_own_word
from tests.test_extract_employment_mends11 import only_item
from tests.test_extract_employment_mends12 import TOP, checked, letter

PERIOD = f"Kofi Mensah was employed by {TOP} as a Parent Educator from June 6, 2014 to October 30, 2020."
TASKS = "Her duties included leading play groups for toddlers and their carers."
RUNNING = f"Lena Varga's employment with {TOP} began on May 5, 2018 and continues to the present."


@pytest.mark.parametrize("duties", [
    "rising every season", "shrinking gradually", "increasing each quarter", "rewarding tasks", "his teammates",
    "loads", "bits and pieces", "jobs as directed", "chores like photocopying", "attending trainings only",
])
def test_duties_beyond_the_sure_shape_are_doubted(duties: str) -> None:
    """All rows fail before: a gerund before an adverb or 'each'/'every', or any word in -s, was read at 0.95."""
    item = only_item(letter(PERIOD, f"His duties were {duties}."))
    assert item.value["duties"] == duties and checked(item, "employment.duties_unclear")


@pytest.mark.parametrize("duties", [
    "supervising a team of family advocates", "weekly parent groups and home visits", "intake interviews",
    "running infant massage classes for new parents",
])
def test_duties_of_the_sure_shape_stay_sure(duties: str) -> None:
    """A duty gerund with its object, or a phrase headed by a work noun, is sure. Guards (pass before and after)
    but 'weekly parent groups and home visits', which fails before (two words before the plural were doubted)."""
    item = only_item(letter(PERIOD, f"His duties were {duties}."))
    assert item.value["duties"] == duties and not item.needs_review


@pytest.mark.parametrize(("duties", "sure"), [
    ("providing reflective supervision", True), ("family visiting in the home", True), ("12 parent groups", True),
    ("demanding and varied", False), ("tasks as assigned", False), ("meetings mostly", False),
])
def test_the_duties_shape_itself(duties: str, sure: bool) -> None:
    """Guards of the shape function (new module, no 'before'): what is sure and what is not."""
    assert duties_content_shaped(duties) is sure


@pytest.mark.parametrize("employer", ["Baker and Cole Counselling Group", "Partners for Portwick Children",
                                      "Quay & Harbour Family Trust"])
def test_an_employer_joining_two_bodies_not_the_letterhead_is_doubted(employer: str) -> None:
    """All rows fail before: a name joined by and/for/& under another letterhead was read at 0.95."""
    item = only_item(letter(f"Kofi Mensah was employed by {employer} as a Parent Educator from June 6, 2014 to "
                            "October 30, 2020.", TASKS))
    assert item.value["employer"] == employer and checked(item, "employment.employer_unclear")


def test_the_letterhead_own_joined_name_stays_sure() -> None:
    """Guard (passes before and after): the letterhead's own name, 'and' in it, is the employer surely."""
    item = only_item(letter(PERIOD, TASKS))
    assert item.value["employer"] == TOP and not item.needs_review


@pytest.mark.parametrize(("period", "title", "after"), [
    (RUNNING, "His current title is Family Therapist.", "Her duties included leading play groups for toddlers."),
    (f"Ms Varga's employment with {TOP} began on May 5, 2018 and continues to the present.",
     "His current title is Family Therapist.", "The post involves leading play groups for toddlers."),
    (f"Clinical Supervisor's employment with {TOP} began on May 5, 2018 and continues to the present.",
     "Her current title is Family Therapist.", TASKS),
])
def test_a_title_sentence_maybe_about_another_person_is_doubted(period: str, title: str, after: str) -> None:
    """All rows fail before: a name and either pronoun, or a bare post before 's, made one person."""
    assert checked(only_item(letter(period, title, after)), "employment.role_unclear")


def test_a_name_and_its_own_pronoun_stay_sure() -> None:
    """Guard (passes before and after): a name, 'her' in the title sentence and 'her' after it."""
    item = only_item(letter(RUNNING, "Her current title is Family Therapist.", TASKS))
    assert item.value["role"] == "Family Therapist" and not item.needs_review


@pytest.mark.parametrize(("lead", "theirs"), [
    ("Lena Varga writes that she", True), ("Lena Varga has indicated she", True),
    ("She mentioned to us that she", True), ("Mr Mensah recalls he", True),
    ("We confirm that Lena Varga notes that she", True), ("We confirm that Lena Varga", False),
    ("At his request, I certify that he", False), ("This confirms that she", False),
])
def test_whose_word_a_confirming_sentence_gives(lead: str, theirs: bool) -> None:
    """Rows of the new shape function (finding 9; not yet called by employment.py, whose owner must add the call):
    a person and any saying verb give her word, the writer's confirming verb his own."""
    assert persons_own_word(lead) is theirs
