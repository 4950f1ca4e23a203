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
      "To whom it may concern:", "This letter confirms the following about the employment of Ann Lee with Riverbend",
      "Family Clinic:", "Job title: Family Advocate", "Employment dates: 03/01/2015 - present",
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
                       "We confirm the employment of Ann Lee with Riverbend Family Clinic:",
                       f"{bullet} Job title: Family Advocate", f"{bullet} Start date: 03/01/2015",
                       f"{bullet} End date: Current", f"{bullet} Duties: home visits with infants")
    assert item.value == {"employer": "Riverbend Family Clinic", "role": "Family Advocate", "start": "2015-03-01",
                          "end": None, "duties": "home visits with infants"}


def test_letterhead_named_in_a_scan_with_a_split_word() -> None:
    """OCR splits a word of the name in the letter's text ("C ommunity"): still the letterhead's name."""
    item = letter_item("Lakeview Community Health Authority", "March 3, 2026", "Dear Board:",
                       "We confirm the employment of Ann Lee with Lakeview C ommunity Health Authority:",
                       "Position: Nurse", "Start date: 03/01/2015", "End date: present",
                       "Duties: home visits")
    assert item.value["employer"] == "Lakeview Community Health Authority" and not item.needs_review


def test_bulleted_duties_wrap_under_the_label_not_the_bullet() -> None:
    """A bulleted field's duties wrap to where its label starts, right of the bullet: the wrapped line is theirs."""
    doc = doc_of((60, [(72, "Riverbend Family Clinic")]), (90, [(72, "Dear Board:")]),
                 (104, [(72, "We confirm the employment of Ann Lee with Riverbend Family Clinic:")]),
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
