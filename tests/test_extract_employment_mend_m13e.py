"""Review r13e mends on employment letters: role shape, whose word, a later end, the letterhead with "The"."""

from __future__ import annotations

import pytest

from tests.test_extract_employment_mends11 import items_of, only_item
from tests.test_extract_employment_mends12 import TOP, checked, letter

TASKS = "Her duties included leading play groups for toddlers and their carers."
BEGAN = f"Amara Osei began work with {TOP} on March 9, 2016 as a Play Therapist."
LEFT = "She left her position as Play Therapist on August 14, 2021."
RUNNING = f"Her employment with {TOP} began on April 4, 2017 and continues to the present."


@pytest.mark.parametrize("role", [
    "casual employee", "board member", "unpaid volunteer", "seasonal worker", "employee", "contractor",
    "mentioned before", "her director",
])
def test_a_lower_case_role_of_no_job_title_shape_is_doubted(role: str) -> None:
    """All rows but 'mentioned before' (a guard) fail before: a lower-case phrase ending like an agent noun was a
    sure role at 0.95."""
    rows = letter(f"Amara Osei was employed by {TOP} as a {role} from March 9, 2016 to August 14, 2021.", TASKS)
    assert checked(only_item(rows), "employment.role_unclear")


@pytest.mark.parametrize("role", ["family support worker", "parent educator", "home visitor"])
def test_a_lower_case_job_title_stays_sure(role: str) -> None:
    """Guards (pass before and after): a lower-case title ending on a job title's head is read surely."""
    item = only_item(letter(f"Amara Osei was employed by {TOP} as a {role} from March 9, 2016 to August 14, 2021.",
                            TASKS))
    assert item.value["role"] == role and not item.needs_review


@pytest.mark.parametrize("title", ["a seasonal helper", "team member", "Pending Review", "Former Play Therapist",
                                   "Applicant"])
def test_a_title_sentence_of_no_job_title_shape_is_doubted(title: str) -> None:
    """All rows but 'Pending Review' (a guard) fail before: a last word ending like an agent noun made the title
    sure."""
    assert checked(only_item(letter(RUNNING, f"Her current title is {title}.", TASKS)), "employment.role_unclear")


@pytest.mark.parametrize("lead", [
    "We cannot confirm that Amara Osei was",
    "Amara Osei has told us she was",
    "I gather from her that she was",
])
def test_a_period_sentence_giving_no_confirmation_is_doubted(lead: str) -> None:
    """All rows fail before: only the letterhead's sentence was checked for a refusal or someone else's word."""
    rows = letter(f"{lead} employed by {TOP} as a Play Therapist from March 9, 2016 to August 14, 2021.", TASKS)
    assert checked(only_item(rows), "employment.employer_unconfirmed")


def test_the_writers_own_confirmation_stays_sure() -> None:
    """Guard (passes before and after): the writer confirming, then the person and her verb, is sure."""
    rows = letter(f"We are glad to confirm that she was employed by {TOP} as a Play Therapist from March 9, 2016 to "
                  "August 14, 2021.", TASKS)
    assert not only_item(rows).needs_review


@pytest.mark.parametrize("later", [
    (TASKS, "Since then she has coordinated our parenting courses."),
    ("These days Amara runs our outreach service.",),
    ("From September 2021 Ms Osei has managed our drop-in clinic.",),
    ("Her duties included play groups up until she moved to our intake desk.",),
])
def test_a_post_left_with_the_person_staying_on_later_doubts_the_end(later: tuple[str, ...]) -> None:
    """All rows but the last (a guard) fail before: only the sentence right after the post left was looked at, and
    a name after an adverb passed."""
    assert checked(only_item(letter(BEGAN, LEFT, *later)), "employment.end_unclear")


def test_a_post_left_with_nothing_after_stays_sure() -> None:
    """Guard (passes before and after): a post left, then only its duties, ends the employment surely."""
    item = only_item(letter(BEGAN, LEFT, TASKS))
    assert item.value["end"] == "2021-08-14" and not item.needs_review


def test_a_postscript_giving_a_last_day_doubts_a_running_job() -> None:
    """Fails before: the closing cut the letter, so a last day in a postscript left the job sure and running."""
    rows = letter(RUNNING, "Her current title is Play Therapist.", TASKS,
                  closing=("Kind regards,", "Ola Brandt", "PS: her final day here was 30 June 2026."))
    assert checked(only_item(rows), "employment.end_unclear", "employment.role_unclear")


def test_a_reply_quoting_the_request_under_its_signature_stays_sure() -> None:
    """Guard (passes before and after): the quoted request under an e-mail's signature is no part of the letter."""
    rows = letter(RUNNING, "Her current title is Play Therapist.", TASKS,
                  closing=("Thank you,", "Ola Brandt", "From: Amara Osei", "Sent: 3/2/26 9:10 AM",
                           "Could you send me my dates of employment?"))
    assert not only_item(rows).needs_review


@pytest.mark.parametrize("employer", [f"The {TOP}", f"the {TOP}"])
def test_the_letterheads_name_after_the_stays_sure(employer: str) -> None:
    """All rows fail before: the letterhead's name with a word before it was taken for a second body."""
    rows = letter(f"Amara Osei was employed by {employer} as a Play Therapist from March 9, 2016 to August 14, 2021.",
                  TASKS)
    assert all(not item.needs_review for item in items_of(rows))
