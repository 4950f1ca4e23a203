"""HR letters giving the job's facts as a labelled block: the employer is the organisation their letterhead names."""

from __future__ import annotations

import pytest

from extractors import employment
from extractors.nlp import find_patterns
from pipeline.models import Item
from tests.test_extract_forms import doc_of, lines


def letter_item(*texts: str) -> Item:
    doc = lines(*texts)
    extraction = employment.extract(doc, find_patterns(doc.text))
    assert len(extraction.items) == 1
    return extraction.items[0]


@pytest.mark.parametrize(("texts", "expected"), [
    # the letterhead named again in the letter's opening, the name wrapped over two lines
    (("Riverbend Family Clinic", "Office of Human Resources, 12 Mill Road, Dayton", "March 3, 2026",
      "To whom it may concern:", "At her request, we confirm that Ann Lee has worked for Riverbend",
      "Family Clinic as set out below.", "Job title: Family Advocate", "Employment dates: 03/01/2015 - present",
      "Duties: home visits with infants and their parents"),
     {"employer": "Riverbend Family Clinic", "role": "Family Advocate", "start": "2015-03-01", "end": None,
      "duties": "home visits with infants and their parents"}),
    (("The Northgate Early Learning Center", "400 Harbor Avenue - Suite 2 - Salem", "Dear Licensing Board:",
      "We verify that Ann Lee has been employed by The Northgate Early Learning Center. Details follow.",
      "Title: Infant Specialist", "Start date: 5/2/2019", "End date: 8/31/2024",
      "Responsibilities: coaching caregivers of infants"),
     {"employer": "The Northgate Early Learning Center", "role": "Infant Specialist", "start": "2019-05-02",
      "end": "2024-08-31", "duties": "coaching caregivers of infants"}),
    (("Harbor Point Pediatrics", "Payroll and Benefits", "June 9, 2026", "Re: Ann Lee",
      "Ann Lee is a valued member of our team at Harbor Point Pediatrics in Portland.", "Position: Care Coordinator",
      "Dates of employment: Jan 4, 2021 to present", "Duties: coordinating care for families"),
     {"employer": "Harbor Point Pediatrics", "role": "Care Coordinator", "start": "2021-01-04", "end": None,
      "duties": "coordinating care for families"}),
])
def test_letterhead_named_in_the_letter_is_the_employer(texts: tuple[str, ...], expected: dict[str, object]) -> None:
    item = letter_item(*texts)
    assert item.value == expected and not item.needs_review


def test_letterhead_named_nowhere_else_is_read_for_a_person_to_check() -> None:
    item = letter_item("Bayview Family Services", "March 3, 2026", "To whom it may concern:",
                       "Please find the details you asked for below.", "Position: Home Visitor",
                       "Start date: 03/01/2015", "End date: present", "Duties: home visits")
    assert item.value["employer"] == "Bayview Family Services" and item.needs_review


@pytest.mark.parametrize("top", [
    ("Ann Lee", "12 Mill Road, Dayton"),              # the employee's own address block, no organisation
    ("Human Resources - 12 Mill Road",),              # an address line
])
def test_no_organisation_on_top_reads_no_employer(top: tuple[str, ...]) -> None:
    """Nothing on top names an organisation the letter names too: the period is not read, and the document says so."""
    doc = lines(*top, "March 3, 2026", "Dear Board:", "This confirms the work of Ann Lee with us.",
                "Position: Home Visitor", "Start date: 03/01/2015", "Duties: home visits")
    extraction = employment.extract(doc, find_patterns(doc.text))
    assert extraction.items == [] and [f.code for f in extraction.flags] == ["employment.no_period"]


@pytest.mark.parametrize("bullet", ["•", "-", "*", "▪", "e", "¢", "©"])  # the last three: a scan's reading of "•"
def test_facts_as_a_bulleted_list(bullet: str) -> None:
    item = letter_item("Riverbend Family Clinic", "March 3, 2026", "Dear Board:",
                       "Ann Lee is employed by Riverbend Family Clinic. Her details:",
                       f"{bullet} Job title: Family Advocate", f"{bullet} Start date: 03/01/2015",
                       f"{bullet} End date: Current", f"{bullet} Duties: home visits with infants")
    assert item.value == {"employer": "Riverbend Family Clinic", "role": "Family Advocate", "start": "2015-03-01",
                          "end": None, "duties": "home visits with infants"}


def test_letterhead_named_in_a_scan_with_a_split_word() -> None:
    """OCR splits a word of the name in the letter's text ("C ommunity"): still the letterhead's name."""
    item = letter_item("Lakeview Community Health Authority", "March 3, 2026", "Dear Board:",
                       "Ann Lee has been on staff with Lakeview C ommunity Health Authority since 2015:",
                       "Position: Nurse", "Start date: 03/01/2015", "End date: present",
                       "Duties: home visits")
    assert item.value["employer"] == "Lakeview Community Health Authority" and not item.needs_review


def test_bulleted_duties_wrap_under_the_label_not_the_bullet() -> None:
    """A bulleted field's duties wrap to where its label starts, right of the bullet: the wrapped line is theirs."""
    doc = doc_of((60, [(72, "Riverbend Family Clinic")]), (90, [(72, "Dear Board:")]),
                 (104, [(72, "Ann Lee works at Riverbend Family Clinic, as follows:")]),
                 (124, [(82, "• Position: Family Advocate")]), (138, [(82, "• Start date: 03/01/2015")]),
                 (152, [(82, "• End date: Current")]),
                 (166, [(82, "• Duties: home visits with infants, toddlers and")]), (180, [(94, "their parents")]),
                 (204, [(72, "Sincerely,")]))
    item = employment.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["duties"] == "home visits with infants, toddlers and their parents"


@pytest.mark.parametrize("cut", ["home visits with infants and", "coaching caregivers of", "leading groups for the"])
def test_duties_ending_on_a_word_that_cannot_end_them_are_flagged(cut: str) -> None:
    item = letter_item("Employer: Riverbend Family Clinic", "Position: Family Advocate", "Start date: 03/01/2015",
                       "End date: Current", f"Duties: {cut}")
    assert "employment.duties_unclear" in item.reasons


FACTS = ("• Position: Family Advocate", "• Start date: 03/01/2015", "• End date: 08/31/2024",
         "• Duties: home visits with infants")


@pytest.mark.parametrize("texts", [
    # the letter's title, the department writing it, the recipient under the date: never the employer
    ("Riverbend Family Clinic", "Employment Verification", "March 3, 2026", "To whom it may concern:",
     "In response to your request for employment verification, the details are:"),
    ("Riverbend Family Clinic", "Office of Human Resources", "March 3, 2026", "Dear Board:",
     "The details below are as kept by the Office of Human Resources:"),
    ("Riverbend Family Clinic", "March 3, 2026", "Alliance for Infant Mental Health", "Dear Endorsement Committee:",
     "Ann Lee has applied for endorsement with the Alliance for Infant Mental Health and asked us to confirm:"),
    ("Riverbend Family Clinic", "March 3, 2026", "State Licensing Board", "Dear Board:",
     "We send the following for the State Licensing Board as Ann Lee asked:"),
    # named in the letter, but not as where the person works
    ("Lakeside University School of Social Work", "March 3, 2026", "Dear Committee:",
     "I taught Ann Lee at Lakeside University School of Social Work; her employer asked me to pass these on:"),
    ("Brightpath Staffing Group", "March 3, 2026", "Dear Board:",
     "Ann Lee was placed by Brightpath Staffing Group at Riverbend Clinic as follows:"),
    # said to work there, but placed somewhere else too
    ("Mercy Health System", "March 3, 2026", "Dear Board:",
     "Ann Lee works for Mercy Health System in its Riverbend Pediatric Clinic:"),
    ("Keystone Payroll Partners", "March 3, 2026", "To whom it may concern:",
     "This report is sent on behalf of the employer of Ann Lee, who is employed by Keystone Payroll Partners:"),
    ("Riverbend Family Clinic", "March 3, 2026", "Dear Board:",
     "Before joining us Ann Lee worked at Northgate Early Learning Center. Her position with Riverbend Family Clinic:"),
    # "worked with" says whom the person works alongside, not where
    ("Northside Family Coalition", "March 3, 2026", "To whom it may concern:",
     "Ann Lee, a family advocate at a member agency, has worked with Northside Family Coalition on our project."),
    ("Riverbend Family Clinic", "March 3, 2026", "Dear Board:",
     "Ann Lee, a therapist in private practice, works with Riverbend Family Clinic on referrals:"),
    # a negation before the phrase: the letter may say the person does not work there
    ("Riverbend Family Clinic", "March 3, 2026", "To whom it may concern:",
     "Ann Lee is not employed by Riverbend Family Clinic; she is placed with us by Lakeshore Staffing."),
    ("Riverbend Family Clinic", "March 3, 2026", "Dear Board:",
     "Ann Lee has never worked for Riverbend Family Clinic; we supervise her practicum:"),
    ("Riverbend Family Clinic", "March 3, 2026", "Dear Board:",
     "Ann Lee isn't employed by Riverbend Family Clinic but by its contractor:"),
    ("Riverbend Family Clinic", "March 3, 2026", "Dear Board:",
     "Ann Lee is no longer employed by Riverbend Family Clinic. Her record shows:"),
])
def test_letterhead_not_said_to_employ_the_person_is_no_sure_employer(texts: tuple[str, ...]) -> None:
    """Only a letterhead the letter says the person works at is read as sure; any other is a person's to check."""
    doc = lines(*texts, *FACTS)
    extraction = employment.extract(doc, find_patterns(doc.text))
    if extraction.items:
        item, = extraction.items
        assert item.needs_review and "employment.employer_unconfirmed" in item.reasons
    else:
        assert [f.code for f in extraction.flags] == ["employment.no_period"]


@pytest.mark.parametrize("top", [
    ("Alliance for Infant Mental Health", "Employment Verification Form"),  # the endorsing body's own form
    ("Harbor Verification Services", "PO Box 500, Austin"),               # a verification service
])
def test_a_letterhead_that_names_the_letter_or_the_requester_reads_no_employer(top: tuple[str, ...]) -> None:
    doc = lines(*top, "March 3, 2026", "To whom it may concern:",
                "This report is provided by Harbor Verification Services for endorsement by the Alliance for Infant"
                " Mental Health.", "Employer: ______", *FACTS)
    extraction = employment.extract(doc, find_patterns(doc.text))
    assert extraction.items == [] and [f.code for f in extraction.flags] == ["employment.no_period"]


@pytest.mark.parametrize("x", [72, 82, 94, 120])
def test_bulleted_duties_wrap_wherever_the_next_line_starts(x: float) -> None:
    """A line opening in lower case or with a conjunction carries on the duties, at the bullet, margin or further."""
    doc = doc_of((60, [(72, "Riverbend Family Clinic")]), (90, [(72, "Dear Board:")]),
                 (104, [(72, "Ann Lee has been employed at Riverbend Family Clinic since 2015:")]),
                 (124, [(82, "• Position: Family Advocate")]), (138, [(82, "• Start date: 03/01/2015")]),
                 (152, [(82, "• End date: Current")]),
                 (166, [(82, "• Main responsibilities: home visits with infants, toddlers")]),
                 (180, [(x, "and their parents in rural counties")]), (204, [(72, "Sincerely,")]))
    item = employment.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["duties"] == "home visits with infants, toddlers and their parents in rural counties"


def test_duties_wrapping_beside_another_cell_are_doubted() -> None:
    doc = doc_of((60, [(72, "Riverbend Family Clinic")]), (90, [(72, "Dear Board:")]),
                 (104, [(72, "Ann Lee has been employed at Riverbend Family Clinic since 2015:")]),
                 (124, [(82, "• Position: Family Advocate")]), (138, [(82, "• Start date: 03/01/2015")]),
                 (152, [(82, "• End date: Current")]),
                 (166, [(82, "• Duties: home visits with infants, toddlers")]),
                 (180, [(82, "and their parents"), (400, "Phone 555-0100")]), (204, [(72, "Sincerely,")]))
    item = employment.extract(doc, find_patterns(doc.text)).items[0]
    assert "employment.duties_unclear" in item.reasons


@pytest.mark.parametrize(("y", "x", "text"), [
    # a new sentence after a blank line, or opening in capitals, is no wrapped duty
    (200, 72, "But for a leave of absence in 2020, her service has been continuous."),
    (200, 72, "And we would gladly employ her again."),
    (200, 72, "Or contact me at 555-0100 with any questions."),
    (180, 72, "But for a leave of absence in 2020, her service has been continuous."),
    (180, 72, "Nor has she any disciplinary record."),
    (208, 72, "including two years as a team lead."),
    # a lower-case line right under that is only an address, or starts right of the value's column
    (180, 300, "www.riverbendclinic.org"),
    (180, 72, "hr@riverbendclinic.org"),
    (180, 300, "and their parents"),
])
def test_a_line_that_does_not_wrap_the_duties_is_not_joined(y: float, x: float, text: str) -> None:
    """Only a line right under the duties, at or left of their column, opening in lower case carries them on."""
    doc = doc_of((60, [(72, "Riverbend Family Clinic")]), (90, [(72, "Dear Board:")]),
                 (104, [(72, "Ann Lee has been employed at Riverbend Family Clinic since 2015:")]),
                 (124, [(82, "• Position: Family Advocate")]), (138, [(82, "• Start date: 03/01/2015")]),
                 (152, [(82, "• End date: Current")]),
                 (166, [(82, "• Duties: home visits with infants and toddlers")]),
                 (y, [(x, text)]), (y + 40, [(72, "Sincerely,")]))
    item = employment.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["duties"] == "home visits with infants and toddlers"
