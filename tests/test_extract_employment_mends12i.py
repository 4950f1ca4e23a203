"""Employment letters of review r12i: a period sentence and a title sentence read only in their sure shape, a post
left while the person stays on, whose word a sentence gives, a numbered form under a cover note, a role in lower case.
"""

from __future__ import annotations

import pytest

from tests.test_extract_employment_block import block_letter
from tests.test_extract_employment_mends12 import TOP, Rows, checked, items_of, letter, only_item

WORK = "Her duties include leading weekly play sessions."
FACTS = [("Name", "Ana Ruiz"), ("Position", "Family Advocate"), ("Start date", "03/04/2016"),
         ("End date", "08/31/2023"), ("Duties", "visiting families at home")]


@pytest.mark.parametrize("sentences", [
    # 'continues' with more than "to the present"
    (f"Her employment with {TOP} began on April 4, 2016 and continues until March 31, 2027 under a fixed term.",
     "Her title is Family Advocate.", WORK),
    (f"Her employment with {TOP} began on April 4, 2016 and continues, though she is on sabbatical this year.",
     "Her title is Family Advocate.", WORK),
    (f"Her employment with {TOP} began on April 4, 2016 and continues at our sister site in Lowmoor.",
     "Her title is Family Advocate.", WORK),
])
def test_a_running_period_saying_more_than_until_now_doubts_the_end(sentences: tuple[str, ...]) -> None:
    """All fail before: the end was read as still running at 0.95."""
    assert checked(only_item(letter(*sentences)), "employment.end_unclear")


@pytest.mark.parametrize("sentences", [
    # a past title for a running job: maybe an earlier post
    (f"Her employment with {TOP} began on April 4, 2016 and continues to the present.",
     "Her title was Family Advocate.", "These days she runs our intake desk."),
    # the title of another person
    (f"Your employment with {TOP} began on April 4, 2016 and continues to the present.",
     "Her title is Clinical Lead.", WORK),
    (f"Our Supervisor's employment with {TOP} began on April 4, 2016 and continues to the present.",
     "His title is Clinical Supervisor.", "Ana Ruiz reports to him as a Family Advocate."),
    # the post's terms, no title
    (f"Your employment with {TOP} began on April 4, 2016 and continues to the present.", "Your role is Seasonal.",
     WORK),
    (f"Your employment with {TOP} began on April 4, 2016 and continues to the present.",
     "Your position is Half Time.", WORK),
    # a sentence after the title naming a later post
    (f"Her employment with {TOP} began on April 4, 2016 and continues to the present.",
     "Her title is Family Advocate.", "Since 2024 she has also led the Home Visiting Team."),
])
def test_a_title_not_surely_the_persons_present_one_is_doubted(sentences: tuple[str, ...]) -> None:
    """All fail before: the title was read at 0.95."""
    assert checked(only_item(letter(*sentences)), "employment.role_unclear")


def test_an_ended_period_and_a_return_after_the_title_doubts_the_end() -> None:
    """Fails before: the end 2018-12-31 was read at 0.95 though she came back."""
    item = only_item(letter(f"Her employment with {TOP} began on April 4, 2016 and ended on December 31, 2018.",
                            "Her title was Family Advocate.", "She came back to us in March 2020 as Intake Lead."))
    assert checked(item, "employment.end_unclear")


@pytest.mark.parametrize("sentences", [
    (f"Ms Ruiz's employment with {TOP} began on April 4, 2016 and continues to the present.",
     "Her current title is Family Advocate.", WORK),
    (f"Your employment with {TOP} began on April 4, 2016 and ended on August 31, 2023.",
     "Your title was Family Advocate.", WORK),
])
def test_the_sure_period_and_title_shape_stays_sure(sentences: tuple[str, ...]) -> None:
    """Guard rows (pass before and after)."""
    item = only_item(letter(*sentences))
    assert item.value["role"] == "Family Advocate" and not item.needs_review


@pytest.mark.parametrize("after", [
    "Later that summer she took over our parent groups.",
    "The Intake Lead post has been his since.",
    "Right now he coordinates our volunteers.",
])
def test_a_post_left_then_a_sentence_about_the_person_doubts_the_end(after: str) -> None:
    """The first two fail before: the day the post was left was read as the end at 0.95; the third is a guard row."""
    item = only_item(letter(f"Tom Reyes began work with {TOP} on April 4, 2016 as a Family Advocate.",
                            "He left his position as Family Advocate on August 31, 2023.", after))
    assert checked(item, "employment.end_unclear")


@pytest.mark.parametrize("opening", [
    f"I gather she mentioned that she was employed by {TOP} as shown here:",
    f"We hear she said she worked for {TOP} as shown here:",
    f"Ana Ruiz informed our office that she was employed by {TOP} as shown here:",
])
def test_someone_elses_word_leaves_the_employer_unconfirmed(opening: str) -> None:
    """The first two fail before: the letterhead was taken as confirmed (0.92); the third is a guard row."""
    (item,) = items_of(block_letter(TOP, opening, FACTS))
    assert checked(item, "employment.employer_unconfirmed")


@pytest.mark.parametrize("opening", [
    f"We are happy to inform you that Ana Ruiz was employed by {TOP} as shown here:",
    f"I am writing to state that Ana Ruiz was employed by {TOP} as shown here:",
    f"We are glad to advise you that Ana Ruiz was employed by {TOP} as shown here:",
    f"I am writing to confirm that Ana Ruiz was employed by {TOP} as shown here:",
])
def test_the_writers_own_statement_confirms_the_employer(opening: str) -> None:
    """The first two fail before: the writer's own statement was taken as someone else's word (0.70); the last two
    are guard rows (pass before and after)."""
    (item,) = items_of(block_letter(TOP, opening, FACTS))
    assert item.value["employer"] == TOP and not item.needs_review


def numbered_form_under_a_cover_note(marks: tuple[str, ...]) -> Rows:
    """A cover note with its own sign-off, then the numbered verification form and the form's sign-off."""
    rows: Rows = [(60, [(72.0, TOP)]), (100, [(72.0, "May 5, 2026")]), (124, [(72.0, "Dear Mr Lowe,")]),
                  (144, [(72.0, "The form you sent is completed below.")]), (170, [(72.0, "Warm regards,")]),
                  (184, [(72.0, "Pia Stone")]), (230, [(72.0, "VERIFICATION OF EMPLOYMENT")]),
                  (250, [(72.0, f"Ana Ruiz was employed by {TOP} as shown here:")])]
    for i, (label, value) in enumerate(FACTS[1:]):
        rows.append((276.0 + 16 * i, [(72.0, f"{marks[i]}{label}:"), (210.0, value)]))
    return [*rows, (370, [(72.0, "Yours truly,")]), (384, [(72.0, "Ravi Dunn")])]


def test_a_numbered_form_under_a_cover_note_is_read() -> None:
    """Fails before: the cover note's closing was taken as the letter's end, no item."""
    (item,) = items_of(numbered_form_under_a_cover_note(("1. ", "2. ", "3. ", "4. ")))
    assert item.value["start"] == "2016-03-04" and item.value["end"] == "2023-08-31"


def test_a_role_in_lower_case_is_read_surely() -> None:
    """Fails before: 'family advocate' was doubted (role_unclear)."""
    item = only_item(letter(f"Ana Ruiz was employed by {TOP} as a family advocate from April 4, 2016 to "
                            "August 31, 2023.", WORK))
    assert item.value["role"] == "family advocate" and not item.needs_review


def test_a_lower_case_phrase_with_a_joining_word_stays_doubted() -> None:
    """Guard row (passes before and after)."""
    item = only_item(letter(f"Ana Ruiz was employed by {TOP} as a member of the outreach crew from April 4, 2016 to "
                            "August 31, 2023.", WORK))
    assert checked(item, "employment.role_unclear")


@pytest.mark.parametrize("employer", [f"Lowmoor Borough Council and {TOP}", f"The Lowmoor Care Trust for {TOP}"])
def test_a_second_body_named_before_the_letterhead_doubts_the_employer(employer: str) -> None:
    """Both fail before: the joined names were read as the employer at 0.95."""
    item = only_item(letter(f"Ana Ruiz was employed by {employer} as a Family Advocate from April 4, 2016 to "
                            "August 31, 2023.", WORK))
    assert checked(item, "employment.employer_unclear")
