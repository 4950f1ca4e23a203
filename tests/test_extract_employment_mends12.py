"""Employment letters of session 12: the period and the title in two sentences of a reply, and the review R12d
findings (a post left while the person stays on, two closings, a person's own statement, a role going on, an
employer naming a second body, an end value that is no last day, a duties sentence that points elsewhere).
"""

from __future__ import annotations

import pytest

from pipeline.models import Item
from tests.test_extract_employment_block import block_letter
from tests.test_extract_employment_mends11 import items_of, only_item

TOP = "Harbourside Parent and Baby Centre"
Rows = list[tuple[float, list[tuple[float, str]]]]


def letter(*sentences: str, closing: tuple[str, ...] = ("Best wishes,", "Ola Brandt")) -> Rows:
    """A letter: letterhead, date, salutation, one line per sentence, then the closing lines."""
    rows: Rows = [(60, [(72.0, TOP)]), (74, [(72.0, "9 Quay Road, Portwick")]), (100, [(72.0, "April 2, 2026")]),
                  (124, [(72.0, "Dear Ms Okafor,")])]
    rows += [(144.0 + 14 * i, [(72.0, text)]) for i, text in enumerate(sentences)]
    y = 144.0 + 14 * len(sentences) + 34
    return [*rows, *((y + 14 * i, [(72.0, text)]) for i, text in enumerate(closing))]




def checked(item: Item, *reasons: str) -> bool:
    return item.needs_review and item.confidence <= 0.7 and any(reason in item.reasons for reason in reasons)


DUTIES = "Your duties in this post include running groups for new parents."


@pytest.mark.parametrize(("period", "title", "start", "end"), [
    (f"Your employment with {TOP} began on 9/14/15 and continues to this day.",
     "Your present job title is Parent Educator.", "2015-09-14", None),
    (f"Your employment with {TOP} started on 2016-02-03 and ended on 2019-11-29.",
     "Your title was Perinatal Outreach Worker.", "2016-02-03", "2019-11-29"),
    (f"Her employment at {TOP} commenced on Oct 5, 2012 and is ongoing.",
     "Her current position is Lead Parent Educator.", "2012-10-05", None),
])
def test_a_period_sentence_followed_by_a_title_sentence_is_read(period: str, title: str, start: str,
                                                                 end: str | None) -> None:
    """All rows fail before: no sentence named employer, period and role together, so no item was read."""
    item = only_item(letter(period, title, DUTIES))
    assert item.value["employer"] == TOP and item.value["start"] == start and item.value["end"] == end
    assert item.value["role"] == title.rsplit(" is ", 1)[-1].rsplit(" was ", 1)[-1].rstrip(".")
    assert not item.needs_review and item.value["duties"] == "running groups for new parents"


def test_a_title_sentence_about_someone_else_gives_no_role() -> None:
    """Guard (passes before and after): the title of the person's manager is not the person's role."""
    found = items_of(letter(f"Your employment with {TOP} began on 9/14/15 and continues to this day.",
                            "Our director's title is Head of Services.", DUTIES))
    assert all(item.value.get("role") != "Head of Services" or item.needs_review for item in found)


START = f"Noor Haddad joined {TOP} on February 2, 2015 as a Parent Educator."
PERIOD = f"Noor Haddad was employed by {TOP} as a Parent Educator from February 2, 2015 to May 31, 2022."
SHE_DID = "She ran weekly groups for first-time parents."
WORK = "Her duties included running weekly groups for first-time parents."


@pytest.mark.parametrize("left", [
    "She left her post as Parent Educator on May 31, 2020 and was appointed our Outreach Lead.",
    "She left her role as Parent Educator on May 31, 2020, taking charge of our outreach team.",
    "Her last day in her job as Parent Educator was May 31, 2020, when she took over Outreach.",
    "She resigned her position as Parent Educator on May 31, 2020. She has led our outreach team since.",
])
def test_leaving_the_post_while_staying_on_doubts_the_end(left: str) -> None:
    """All rows fail before: the day the post was left was read as the end of employment at 0.95."""
    rows = letter(f"Noor Haddad began work with {TOP} on February 2, 2015 as a Parent Educator.", left, WORK)
    assert checked(only_item(rows), "employment.end_unclear", "employment.end_unreadable")


def test_the_role_under_a_second_signature_is_not_the_persons() -> None:
    """Fails before: the closing read was the last one, so the first signer's 'Job title:' gave the role."""
    rows = letter(f"Noor Haddad worked for {TOP} from 02/02/2015 to 05/31/2022.", WORK,
                  closing=("Yours truly,", "Ola Brandt", "Job title: Head of People", "", "Yours truly,", "Ravi Sen",
                           "Job title: Service Manager"))
    item = only_item(rows)
    assert item.value["role"] not in {"Head of People", "Service Manager"} or item.needs_review


@pytest.mark.parametrize("said", [
    f"I, Noor Haddad, do hereby state that I worked for {TOP}.",
    f"Ms Haddad hereby said that she was employed by {TOP}.",
    f"Ms Haddad needs us to state that she worked for {TOP}.",
])
def test_the_persons_own_statement_confirms_no_employer(said: str) -> None:
    """All rows fail before: the person's (or a requested) statement was read as the employer's, unflagged."""
    rows = letter(said, "Dates: 02/02/2015 to 05/31/2022.")
    rows = [*rows[:-2], (300, [(72.0, "Position: Parent Educator")]), (314, [(72.0, "Start date: 02/02/2015")]),
            (328, [(72.0, "End date: 05/31/2022")]), (342, [(72.0, "Duties: running groups for parents")]),
            *rows[-2:]]
    for item in items_of(rows):
        assert checked(item, "employment.employer_unconfirmed")


@pytest.mark.parametrize("role", ["Parent Educator at Unit 3", "Parent Educator (SEASONAL)", "Parent Educator (Bank)",
                                  "Parent Educator with Team 7"])
def test_a_role_with_a_place_or_a_remark_is_doubted(role: str) -> None:
    """All rows fail before but "(Bank)" (a guard): a number or a capitals bracket after the role read as its grade."""
    rows = letter(f"Noor Haddad was employed by {TOP} as a {role} from February 2, 2015 to May 31, 2022.", WORK)
    assert checked(only_item(rows), "employment.role_unclear")


@pytest.mark.parametrize("role", ["Parent Educator 2", "Parent Educator III (LMSW)"])
def test_a_grade_or_a_licence_after_the_role_stays_sure(role: str) -> None:
    """Guard rows (pass before and after)."""
    rows = letter(f"Noor Haddad was employed by {TOP} as a {role} from February 2, 2015 to May 31, 2022.", WORK)
    assert only_item(rows).value["role"] == role and not only_item(rows).needs_review


@pytest.mark.parametrize("sentence", [
    f"Noor Haddad worked at {TOP} from 02/02/2015 to 05/31/2022 as a Parent Educator, going on to Outreach Lead.",
    f"Noor Haddad worked at {TOP} from 02/02/2015 to 05/31/2022 as a Parent Educator and by 2020 Outreach Lead.",
    f"Noor Haddad began work with {TOP} on February 2, 2015 as a Parent Educator and in time Outreach Lead.",
    f"Noor Haddad was employed by {TOP} as a Parent Educator from February 2, 2015 to May 31, 2020 and as Outreach "
    "Lead after that.",
])
def test_a_second_role_in_the_sentence_doubts_the_role(sentence: str) -> None:
    """All rows fail before: the first role (or the first role's span) was read at 0.95."""
    rows = letter(sentence, "She left us on May 31, 2022." if "began" in sentence else "", WORK)
    assert checked(only_item(rows), "employment.role_unclear")


@pytest.mark.parametrize("tail", ["in cooperation with Portwick City Council", "under licence from Bright Beginnings",
                                  "and Portwick Health Partners", "(part of Portwick Health Partners)"])
def test_an_employer_with_more_than_a_name_is_doubted(tail: str) -> None:
    """All rows fail before: the employer with the second body was read at 0.95."""
    rows = letter(f"Noor Haddad was employed by {TOP} {tail} as a Parent Educator from February 2, 2015 to "
                  "May 31, 2022.", WORK)
    assert checked(only_item(rows), "employment.employer_unclear")


@pytest.mark.parametrize("said", [
    "Her duties were much the same as other educators'.",
    "Her duties were set by the service plan each year.",
    "Her duties were those listed in her contract.",
    "Her duties are per the attached description.",
])
def test_a_duties_sentence_that_describes_no_duty_is_doubted(said: str) -> None:
    """All rows fail before but the second (a guard: "set" was already doubted): read as duties at 0.95."""
    item = only_item(letter(PERIOD, said))
    assert checked(item, "employment.duties_unclear", "employment.duties_missing")


def test_a_duties_sentence_naming_an_activity_stays_sure() -> None:
    """Guard row (passes before and after)."""
    item = only_item(letter(PERIOD, "Her duties were running weekly groups for first-time parents."))
    assert item.value["duties"] == "running weekly groups for first-time parents" and not item.needs_review


@pytest.mark.parametrize("end", ["Maternity leave 04/01/2022", "Fixed term to 12/31/2026", "Due to finish 12/31/2026",
                                 "Moved to Outreach 04/01/2022", "05/31/2022 (returning 09/01/2022)"])
def test_an_end_value_with_words_beyond_a_date_is_doubted(end: str) -> None:
    """All rows fail before but the last (a guard: its second date was doubted already): read as the last day."""
    facts = [("Name", "Noor Haddad"), ("Position", "Parent Educator"), ("Start date", "02/02/2015"),
             ("End date", end), ("Duties", "running groups for new parents")]
    item = only_item(block_letter(TOP, f"Noor Haddad was employed by {TOP} as set out below:", facts))
    assert checked(item, "employment.end_unclear")


@pytest.mark.parametrize("end", ["05/31/2022", "Last day worked: 05/31/2022", "05/31/2022 (confirmed 06/02/2022)"])
def test_an_end_value_of_a_date_a_label_and_a_remark_stays_sure(end: str) -> None:
    """Guard rows (pass before and after)."""
    facts = [("Name", "Noor Haddad"), ("Position", "Parent Educator"), ("Start date", "02/02/2015"),
             ("End date", end), ("Duties", "running groups for new parents")]
    item = only_item(block_letter(TOP, f"Noor Haddad was employed by {TOP} as set out below:", facts))
    assert item.value["end"] == "2022-05-31" and not item.needs_review
