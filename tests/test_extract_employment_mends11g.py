"""Employment letters whose structure leaves a reading in doubt (review R11g, session 11).

A duties sentence may say what became of the duties, not what they are; a full stop may close an abbreviation; a
wrapped line may open an unpunctuated note; an end value may give the day notice was given; an employer may be
named with a second body; a last day may be of a programme; a closing may end a cover note above the form; a
labelled period may join its dates in several ways. Each is read right, or flagged.
"""

from __future__ import annotations

import pytest

from extractors import employment
from extractors.layout import build_text
from extractors.nlp import find_patterns
from pipeline.models import Item
from tests.test_extract_employment_block import block_letter
from tests.test_extract_forms import page_of

TOP = "Northgate Infant and Family Services"
STARTED = f"Priya Shah was employed by {TOP} as a Family Advocate from March 1, 2014 to June 30, 2021."
Rows = list[tuple[float, list[tuple[float, str]]]]


def letter(*sentences: str) -> Rows:
    """A letter: letterhead, address, date, salutation, one line per sentence, the closing and the signer."""
    rows: Rows = [(60, [(72.0, TOP)]), (74, [(72.0, "41 Mill Lane, Eastbury")]), (100, [(72.0, "May 4, 2026")]),
                  (124, [(72.0, "To Whom It May Concern:")])]
    rows += [(144.0 + 14 * i, [(72.0, text)]) for i, text in enumerate(sentences)]
    y = 144.0 + 14 * len(sentences) + 34
    return [*rows, (y, [(72.0, "Sincerely,")]), (y + 14, [(72.0, "Maria Jones")])]


def only_item(rows: Rows) -> Item:
    doc = build_text("doc", [page_of(rows)])
    found = employment.extract(doc, find_patterns(doc.text)).items
    assert len(found) == 1, found
    return found[0]


def checked(item: Item, *reasons: str) -> bool:
    return item.needs_review and item.confidence <= 0.7 and any(reason in item.reasons for reason in reasons)


@pytest.mark.parametrize("said", [
    "Her responsibilities in the post were broadened in 2020 to cover intake assessments.",
    "The duties of the position are outlined in the attached job description.",
    "The duties of her post were later divided among the remaining staff.",
])
def test_a_duties_sentence_saying_what_became_of_them_is_doubted(said: str) -> None:
    """All rows fail before: the words after "were/are" were read as the duties at 0.95."""
    item = only_item(letter(STARTED, said))
    assert checked(item, "employment.duties_unclear", "employment.duties_missing")


def test_a_sentence_naming_the_duties_goes_before_one_saying_what_became_of_them() -> None:
    """Fails before: the first sentence ("were widened in 2018") was read as the duties, unflagged."""
    item = only_item(letter(STARTED, "Her responsibilities in the role were widened in 2018.",
                            "Her duties included intake visits for new parents."))
    assert item.value["duties"] == "intake visits for new parents" and not item.needs_review


def test_duties_that_are_stated_after_were_stay_sure() -> None:
    """Guard row (passes before and after)."""
    item = only_item(letter(STARTED, "Her duties were home visits and parent-infant groups."))
    assert item.value["duties"] == "home visits and parent-infant groups" and not item.needs_review


@pytest.mark.parametrize("lines", [
    ("Her duties included running infant groups alongside Assoc. Prof. Dana Wu at the clinic.",),
    ("Her duties included home visits for families referred by Lansing Univ. Medical Center.",),
    ("Her duties included screening infants at Northfield Corp. Childcare Centre each week.",),
    ("Her duties included group sessions of approx 2 hrs.", "each and home visits to new parents."),
])
def test_a_stop_that_may_close_an_abbreviation_doubts_the_duties(lines: tuple[str, ...]) -> None:
    """All rows fail before: the duties were cut at the abbreviation's stop at 0.95, unflagged."""
    item = only_item(letter(STARTED, *lines))
    assert checked(item, "employment.duties_unclear")


@pytest.mark.parametrize("lines", [
    ("Her duties included visits to families in Flint, Mich. She also led parent groups.",),
    ("Her duties included home visits to new parents.", "Please contact me with any questions."),
])
def test_a_stop_before_a_new_sentence_ends_the_duties(lines: tuple[str, ...]) -> None:
    """Guard rows (pass before and after)."""
    item = only_item(letter(STARTED, *lines))
    assert not item.needs_review


FACTS = [("Employee", "Priya Shah"), ("Job title", "Family Advocate"), ("Start date", "03/01/2014"),
         ("End date", "06/30/2021"), ("Duties", "home visits to parents of newborns")]


@pytest.mark.parametrize("note", ["Eligible for rehire", "Left to care for family", "Rehire eligible Yes"])
def test_a_wrapped_line_opening_a_note_of_its_own_doubts_the_duties(note: str) -> None:
    """All rows fail before: the note was joined to the duties at 0.92, unflagged."""
    item = only_item(block_letter(TOP, f"Priya Shah was employed by {TOP} as follows:", FACTS, (note,)))
    assert checked(item, "employment.duties_unclear")


def test_a_wrapped_name_after_a_word_left_open_stays_sure() -> None:
    """Guard row (passes before and after)."""
    facts = [*FACTS[:-1], ("Duties", "home visits to families referred by")]
    item = only_item(block_letter(TOP, f"Priya Shah was employed by {TOP} as follows:", facts,
                                  ("Kent County Health Department",)))
    assert item.value["duties"].endswith("referred by Kent County Health Department") and not item.needs_review


@pytest.mark.parametrize("end", ["Notice served 06/01/2021", "Resignation tendered 06/01/2021"])
def test_an_end_value_giving_the_day_of_notice_is_doubted(end: str) -> None:
    """Both rows fail before: the notice's day was read as the last day at 0.92, unflagged."""
    facts = [(label, end if label == "End date" else value) for label, value in FACTS]
    item = only_item(block_letter(TOP, f"Priya Shah was employed by {TOP} as follows:", facts))
    assert checked(item, "employment.end_unclear")


@pytest.mark.parametrize("link", ["under a contract with Marlow Public Schools",
                                  "in association with the Marlow Health Alliance",
                                  "on behalf of Marlow County Council"])
def test_an_employer_named_with_a_second_body_is_doubted(link: str) -> None:
    """All rows fail before: the employer with its tail was read at 0.95, unflagged."""
    item = only_item(letter(f"Priya Shah was employed by {TOP} {link} as a Family Advocate from March 1, 2014 to "
                            "June 30, 2021.", "Her duties included home visits."))
    assert checked(item, "employment.employer_unclear")


START = f"Priya Shah began work with {TOP} on March 1, 2014 as a Family Advocate."


def test_the_end_of_her_employment_with_a_programme_is_doubted() -> None:
    """Fails before: the programme's end was read as her last day at 0.95, unflagged."""
    item = only_item(letter(START, "Her employment with the Eastside parenting project ended on June 30, 2019.",
                            "Her duties included home visits."))
    assert checked(item, "employment.end_unclear")


@pytest.mark.parametrize("where", ["us", TOP])
def test_the_end_of_her_employment_with_the_employer_stays_sure(where: str) -> None:
    """Guard rows (pass before and after)."""
    item = only_item(letter(START, f"Her employment with {where} ended on June 30, 2019.",
                            "Her duties included home visits."))
    assert item.value["end"] == "2019-06-30" and not item.needs_review


def test_a_cover_notes_closing_above_the_form_keeps_the_forms_facts() -> None:
    """Fails before: the closing above the form dropped every labelled value (no item)."""
    rows: Rows = [(60, [(72.0, TOP)]), (74, [(72.0, "41 Mill Lane, Eastbury")]), (100, [(72.0, "May 4, 2026")]),
                  (124, [(72.0, "The form you sent is filled in below.")]), (140, [(72.0, "Best regards,")]),
                  (154, [(72.0, "Maria Jones")]), (190, [(72.0, "VERIFICATION OF EMPLOYMENT")])]
    y = 214.0
    for label, value in [("Employer", TOP), *FACTS]:
        rows.append((y, [(72.0, label), (190.0, value)]))
        y += 16
    item = only_item(rows)
    assert (item.value["role"], item.value["start"], item.value["end"]) == ("Family Advocate", "2014-03-01",
                                                                            "2021-06-30")


def test_a_body_line_opening_on_a_closing_word_is_no_closing() -> None:
    """Fails before: the line was taken for the closing and the facts under it dropped (no item)."""
    rows = block_letter(TOP, f"Priya Shah was employed by {TOP}, and we set", FACTS)
    rows.insert(5, (156, [(72.0, "With thanks for your patience we give")]))
    item = only_item(rows)
    assert (item.value["role"], item.value["end"]) == ("Family Advocate", "2021-06-30")


@pytest.mark.parametrize("period", ["03/01/2014 -- 06/30/2021", "03/01/2014 / 06/30/2021",
                                    "03/01/2014 (start) to 06/30/2021 (end)", "Began 03/01/2014, Ended 06/30/2021",
                                    "03/01/2014 - 06/30/2021 (confirmed 05/04/2026)"])
def test_a_labelled_period_joined_in_other_ways_keeps_its_end(period: str) -> None:
    """All rows fail before: the end was unread (end_unreadable) or doubted for the remark's date (end_unclear)."""
    facts = [("Employee", "Priya Shah"), ("Job title", "Family Advocate"), ("Employed", period),
             ("Duties", "home visits to parents of newborns")]
    item = only_item(block_letter(TOP, f"Priya Shah was employed by {TOP}. Her record:", facts))
    assert (item.value["start"], item.value["end"]) == ("2014-03-01", "2021-06-30") and not item.needs_review


@pytest.mark.parametrize("opening", [
    f"We are glad to state that Priya Shah was employed by {TOP}. Her record:",
    f"I can state that Priya Shah was employed by {TOP}. Her record:",
])
def test_the_writer_stating_the_employment_confirms_it(opening: str) -> None:
    """Both rows fail before: the writer's "state" was taken for the person's claim (employer_unconfirmed)."""
    facts = [("Employee", "Priya Shah"), ("Job title", "Family Advocate"), ("Employed", "03/01/2014 - 06/30/2021"),
             ("Duties", "home visits to parents of newborns")]
    item = only_item(block_letter(TOP, opening, facts))
    assert item.value["employer"] == TOP and not item.needs_review


@pytest.mark.parametrize("role", ["Family Advocate 3", "Infant Mental Health Specialist II (LCSW)"])
def test_a_grade_or_a_credential_closing_the_role_is_the_roles(role: str) -> None:
    """Both rows fail before: any digit or bracket in the role flagged it (role_unclear)."""
    item = only_item(letter(f"Priya Shah was employed by {TOP} as an {role} from March 1, 2014 to June 30, 2021.",
                            "Her duties included home visits."))
    assert item.value["role"] == role and not item.needs_review


def test_a_year_in_the_role_still_doubts_it() -> None:
    """Guard row (passes before and after)."""
    item = only_item(letter(f"Priya Shah was employed by {TOP} as a Family Advocate 2019 Cohort from March 1, 2014 to "
                            "June 30, 2021.", "Her duties included home visits."))
    assert checked(item, "employment.role_unclear")


def test_resigning_her_position_in_her_role_ends_the_employment() -> None:
    """Fails before: resigning "her position as <the role>" was read as leaving something else (end_unclear)."""
    item = only_item(letter(START, "She resigned from her position as Family Advocate on June 30, 2019.",
                            "Her duties included home visits."))
    assert item.value["end"] == "2019-06-30" and not item.needs_review


def test_resigning_a_position_in_another_role_stays_doubted() -> None:
    """Guard row (passes before and after)."""
    item = only_item(letter(START, "She resigned from her position as Team Lead on June 30, 2019.",
                            "Her duties included home visits."))
    assert checked(item, "employment.end_unclear")


@pytest.mark.parametrize("tail", ["and later as Program Manager", "and then Program Manager"])
def test_a_role_she_went_on_to_doubts_the_role(tail: str) -> None:
    """Both rows fail before: the first role was read at 0.95, unflagged."""
    item = only_item(letter(f"Priya Shah worked at {TOP} from 03/01/2014 to 06/30/2021 as a Family Advocate {tail}.",
                            "Her duties included home visits."))
    assert checked(item, "employment.role_unclear")


def test_an_end_whose_day_a_scan_read_as_a_bar_is_doubted() -> None:
    """Fails before: only item.low_confidence was given, no reason on the end."""
    item = only_item(letter(f"Priya Shah was employed by {TOP} as a Family Advocate from March 1, 2014 to | June 2021.",
                            "Her duties included home visits."))
    assert checked(item, "employment.end_unclear")
