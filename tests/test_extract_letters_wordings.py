"""Memberships and employment verifications in the wordings and layouts other institutions print them in.

Written from how such paper is commonly worded (cards, directory pages, renewal notices, HR letters and forms),
each wording in three layouts where it is a label: `Label: value`, label and value without a colon, label over value.
"""

from __future__ import annotations

import pytest

from extractors import employment, membership
from extractors.layout import DocText
from extractors.nlp import find_patterns
from pipeline.models import Item
from tests.test_extract_forms import doc_of, lines, value_of

ORGANISATION = "Ohio Association for Infant Mental Health"


def laid_out(label: str, value: str, layout: str) -> tuple[str, ...]:
    """A label and its value as one of three common layouts."""
    if layout == "colon":
        return (f"{label}: {value}",)
    if layout == "no colon":
        return (f"{label} {value}",)
    return label, value


def membership_item(*texts: str) -> Item:
    doc: DocText = lines(*texts)
    extraction = membership.extract(doc, find_patterns(doc.text))
    assert len(extraction.items) == 1
    return extraction.items[0]


LAYOUTS = ["colon", "no colon", "over"]


# --- membership: the expiry ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("label", [
    "Membership term ends", "Membership year ends", "Coverage ends", "Term ends", "Ends", "End of membership",
    "End of term", "Membership end", "Membership end date", "Membership through", "Standing through", "Lapses",
    "Lapse date", "Member through", "Expiry", "Expiry date", "Exp", "Expiration", "Membership expiration",
])
def test_membership_expiry_labels(label: str, layout: str) -> None:
    item = membership_item(ORGANISATION, *laid_out("Member since", "01/02/2019", layout),
                           *laid_out(label, "06/30/2027", layout))
    assert item.value["valid_through"] == "2027-06-30" and item.confidence >= 0.9


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("label", ["Renewal date", "Renewal", "Renews on", "Membership renewal"])
def test_membership_renewal_date_is_read_for_the_expiry_and_checked(label: str, layout: str) -> None:
    """A bare renewal date may be the day it was renewed as well as the day it falls due: a person checks it."""
    item = membership_item(ORGANISATION, *laid_out(label, "06/30/2027", layout))
    assert item.value["valid_through"] == "2027-06-30" and item.needs_review


@pytest.mark.parametrize("distractors", [
    ("Member since 01/02/2019", "Last payment received 09/26/2025", "Printed 01/05/2026"),
    ("Joined: 01/02/2019", "Date issued: 07/01/2026", "Date of birth: 03/04/1980"),
    ("Renewed on: 07/01/2026", "Generated 07/02/2026"),
    ("Date renewed", "07/01/2026", "Exported", "07/02/2026"),
])
def test_membership_distractor_dates_are_never_the_expiry(distractors: tuple[str, ...]) -> None:
    item = membership_item(ORGANISATION, *distractors)
    assert item.value["valid_through"] is None and "membership.expiry_missing" in item.reasons


@pytest.mark.parametrize("sentence", [
    "Your membership will lapse on June 30, 2027 unless renewed.",
    "Your new expiration date is June 30, 2027.",
    "Your membership's expiry date will be June 30, 2027.",
])
def test_membership_expiry_in_a_sentence(sentence: str) -> None:
    item = membership_item(ORGANISATION, sentence)
    assert item.value["valid_through"] == "2027-06-30" and item.confidence >= 0.9


def test_membership_renew_before_is_read_and_checked() -> None:
    item = membership_item(ORGANISATION, "Please renew before June 30, 2027 to keep your benefits.")
    assert item.value["valid_through"] == "2027-06-30" and item.needs_review


@pytest.mark.parametrize("term", [
    ("Membership period July 1, 2026 - June 30, 2027",),
    ("Membership Period", "07/01/2026 - 06/30/2027"),
    ("Term 07/01/2026 to 06/30/2027",),
    ("Dates of membership", "07/01/2026 through 06/30/2027"),
    ("Coverage period: 07/01/2026 - 06/30/2027",),
])
def test_membership_term_as_a_range_without_a_colon(term: tuple[str, ...]) -> None:
    item = membership_item(ORGANISATION, *term)
    assert item.value["valid_through"] == "2027-06-30" and item.confidence >= 0.9


def member_grid(*rows: tuple[str, ...]) -> DocText:
    """A member list: a header row of column names over rows of values, the columns 150 points apart."""
    return doc_of(*[(100.0 + 16 * i, [(72.0 + 150 * j, cell) for j, cell in enumerate(row)])
                    for i, row in enumerate(rows)])


@pytest.mark.parametrize(("rows", "expected"), [
    ((("Member", "Organization", "Expires"), ("Bo Lee", "Erie Society", "06/30/2027")),
     {"organization": "Erie Society", "valid_through": "2027-06-30"}),
    ((("Member", "Association", "Member since", "Paid through"),
      ("Bo Lee", "Erie Society", "01/02/2019", "06/30/2027")),
     {"organization": "Erie Society", "valid_through": "2027-06-30"}),
    ((("Erie Society",), ("Name", "Member since", "Last payment", "Membership ends"),
      ("Bo Lee", "01/02/2019", "06/01/2026", "06/30/2027")),
     {"organization": "Erie Society", "valid_through": "2027-06-30"}),
])
def test_membership_header_row_over_values(rows: tuple[tuple[str, ...], ...], expected: dict[str, str]) -> None:
    doc = member_grid(*rows)
    assert value_of(membership.extract, doc) == expected


# --- membership: the organisation ---------------------------------------------------------------------------------

@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("label", [
    "Organization", "Organisation", "Association", "Association name", "Name of association", "Name of organization",
    "Society", "Chapter", "Affiliate", "Affiliation", "Member of", "Membership in", "Membership with",
    "Member organization", "Membership organization", "Professional body", "Professional association", "Issuer",
    "Issued by", "Issuing body", "Sponsoring organization",
])
def test_membership_organisation_labels(label: str, layout: str) -> None:
    item = membership_item("MEMBERSHIP CARD", "Name: Bo Lee", *laid_out(label, ORGANISATION, layout),
                           "Valid through: 12/31/2026")
    assert item.value["organization"] == ORGANISATION


@pytest.mark.parametrize("name", ["Society for Early Childhood Mental Health",
                                  "Association Of Infant Mental Health Professionals"])
def test_membership_heading_starting_with_a_label_word_is_the_whole_name(name: str) -> None:
    """A name that starts with "Society" or "Association" is not that label and a value after it."""
    assert membership_item(name, "Valid through: 12/31/2026").value["organization"] == name


def test_membership_member_in_good_standing_of_names_the_organisation() -> None:
    item = membership_item("To whom it may concern:",
                           f"Bo Lee is a member in good standing of the {ORGANISATION}.",
                           "Her membership expires on June 30, 2027.")
    assert item.value["organization"] == ORGANISATION


@pytest.mark.parametrize("margin", ["members.association.example/directory   page 1", "www.infant-association.org",
                                    "members .association. example /directory",  # a scan spaces its dots apart
                                    "https://association.example/members?q=lee"])
def test_membership_directory_page_names_its_organisation_under_its_address(margin: str) -> None:
    """A directory page printed from a browser: its address in the margin, the association's name under it."""
    item = membership_item(margin, ORGANISATION, "Member Directory", "Dues paid through 06/30/2027",
                           "Member since 01/27/2018")
    assert item.value == {"organization": ORGANISATION, "valid_through": "2027-06-30"} and not item.needs_review


# --- employment: a form's labels ----------------------------------------------------------------------------------

FORM = {"Employer": "Riverbend Family Services", "Position": "Home Visitor", "Start date": "03/03/2015",
        "End date": "06/30/2019", "Duties": "home visiting with infants and their parents"}
READ = {"employer": "Riverbend Family Services", "role": "Home Visitor", "start": "2015-03-03", "end": "2019-06-30",
        "duties": "home visiting with infants and their parents"}


def employment_item(*texts: str) -> Item:
    doc: DocText = lines(*texts)
    extraction = employment.extract(doc, find_patterns(doc.text))
    assert len(extraction.items) == 1
    return extraction.items[0]


def form_with(field: str, label: str, layout: str) -> tuple[str, ...]:
    """The verification form with one field's label replaced, every field in the same layout."""
    return tuple(text for name, value in FORM.items() for text in laid_out(label if name == field else name, value,
                                                                          layout))


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("field", "label"), [
    ("Employer", "Employer"), ("Employer", "Employer name"), ("Employer", "Company name"), ("Employer", "Agency name"),
    ("Employer", "Organization name"), ("Employer", "Business name"), ("Employer", "Facility"),
    ("Employer", "Place of employment"), ("Employer", "Workplace"), ("Employer", "Employer of record"),
    ("Position", "Position"), ("Position", "Job title"), ("Position", "Current position"),
    ("Position", "Last position held"), ("Position", "Most recent position"), ("Position", "Current title"),
    ("Position", "Job role"), ("Position", "Position/Title"), ("Position", "Title/Position"),
    ("Start date", "Date of hire"), ("Start date", "Date employment began"), ("Start date", "Employment began"),
    ("Start date", "Start of employment"), ("Start date", "Began"), ("Start date", "Started"),
    ("Start date", "Service start date"), ("Start date", "Employed from"),
    ("End date", "Termination date"), ("End date", "Date employment ended"), ("End date", "Employment ended"),
    ("End date", "End of employment"), ("End date", "Ended"), ("End date", "Final day of employment"),
    ("End date", "Last day worked"),
])
def test_employment_form_labels(field: str, label: str, layout: str) -> None:
    item = employment_item(*form_with(field, label, layout))
    assert item.value == READ and not item.needs_review


@pytest.mark.parametrize("heading", ["Employer Information", "Company details", "EMPLOYER VERIFICATION"])
def test_employment_section_heading_is_no_bare_label(heading: str) -> None:
    """A heading made of a label word and a section word is not the label with its value."""
    item = employment_item(heading, *laid_out("Employer", "Riverbend Family Services", "no colon"),
                           *form_with("Employer", "Agency", "no colon")[2:])
    assert item.value["employer"] == "Riverbend Family Services"


def test_employment_bare_end_label_over_a_tick_box_is_no_end() -> None:
    """'Employed until' left blank over the options: the option line is no end date."""
    item = employment_item("Employer: Riverbend Family Services", "Position: Home Visitor", "Employed from 03/03/2015",
                           "Employed until", "[ ] Still employed here", "[ ] No longer employed here",
                           "Duties: home visiting")
    assert item.value["end"] is None and "employment.end_unreadable" in item.reasons


# --- employment: a letter's sentences -----------------------------------------------------------------------------

EMPLOYER = "Riverbend Family Services"


@pytest.mark.parametrize("started", [
    f"Bo Lee began work with {EMPLOYER} on March 3, 2015 in the role of Home Visitor.",
    f"Bo Lee started working at {EMPLOYER} on March 3, 2015 as a Home Visitor.",
    f"Bo Lee was hired by {EMPLOYER} on March 3, 2015 as a Home Visitor.",
    f"Bo Lee commenced employment with {EMPLOYER} on March 3, 2015 in the position of Home Visitor.",
    f"Bo Lee came to work for {EMPLOYER} on March 3, 2015 as a Home Visitor.",
    f"Bo Lee began her employment with {EMPLOYER} on March 3, 2015 in the capacity of Home Visitor.",
    f"Bo Lee was hired by {EMPLOYER} as a Home Visitor on March 3, 2015.",
    f"Bo Lee joined {EMPLOYER} on March 3, 2015 as a Home Visitor.",
    f"Bo Lee started with {EMPLOYER} on March 3, 2015 as a Home Visitor.",
    f"Bo Lee was hired on March 3, 2015 by {EMPLOYER} as a Home Visitor.",
])
@pytest.mark.parametrize(("then", "end"), [
    ("She is still on our staff in that role.", None),
    ("She remains employed with us.", None),
    ("She continues to serve in this role.", None),
    ("She is currently employed with us.", None),
    ("Her last day in that role was June 30, 2019.", "2019-06-30"),
    ("Her last day of employment was June 30, 2019.", "2019-06-30"),
    ("She left the agency on June 30, 2019.", "2019-06-30"),
    ("She resigned effective June 30, 2019.", "2019-06-30"),
    ("Her employment with us ended on June 30, 2019.", "2019-06-30"),
    ("She separated from the agency on June 30, 2019.", "2019-06-30"),
])
def test_employment_letter_start_then_end_sentences(started: str, then: str, end: str | None) -> None:
    item = employment_item(started, then, "Her duties included home visiting.")
    assert item.value == {"employer": EMPLOYER, "role": "Home Visitor", "start": "2015-03-03", "end": end,
                          "duties": "home visiting"} and not item.needs_review


def test_employment_letter_start_without_an_end_is_flagged() -> None:
    """Neither "still there" nor a last day: the period's end is not known, a person checks it."""
    item = employment_item(f"Bo Lee began work with {EMPLOYER} on March 3, 2015 in the role of Home Visitor.",
                           "Her duties included home visiting.")
    assert item.value["end"] is None and "employment.end_unreadable" in item.reasons


def test_employment_letter_since_first() -> None:
    item = employment_item(f"Since March 3, 2015, Bo Lee has been employed by {EMPLOYER} as a Home Visitor.",
                           "Her duties included home visiting.")
    assert item.value["start"] == "2015-03-03" and item.value["end"] is None and not item.needs_review


def test_employment_letter_held_the_position() -> None:
    item = employment_item(f"Bo Lee held the position of Home Visitor at {EMPLOYER} from March 3, 2015 to "
                           "June 30, 2019.", "Her duties included home visiting.")
    assert item.value["end"] == "2019-06-30" and item.value["role"] == "Home Visitor"


@pytest.mark.parametrize("duties", [
    "In this role her work has included home visiting.",
    "Her work involved home visiting.",
    "Her responsibilities consisted of home visiting.",
    "She was responsible for home visiting.",
    "Her duties were home visiting.",
])
def test_employment_letter_duties_wordings(duties: str) -> None:
    item = employment_item(f"Bo Lee worked for {EMPLOYER} as a Home Visitor from March 3, 2015 until June 30, 2019.",
                           duties)
    assert item.value["duties"] == "home visiting"


def test_employment_form_bare_duties_label() -> None:
    item = employment_item(*form_with("Duties", "Job duties", "no colon"))
    assert item.value["duties"] == "home visiting with infants and their parents"
