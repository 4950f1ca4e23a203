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


@pytest.mark.parametrize("texts", [
    ("Your membership is active through June 30, 2027.", "Grace period 07/01/2027 - 07/31/2027"),
    ("Fiscal year 07/01/2025 - 06/30/2026", "Membership valid through June 30, 2027."),
    ("Billing period 01/01/2027 - 01/31/2027", "Your membership expires June 30, 2027."),
])
def test_membership_other_terms_never_outrank_the_expiry(texts: tuple[str, ...]) -> None:
    """A grace period, a fiscal year or a billing period is not the membership's term."""
    item = membership_item(ORGANISATION, *texts)
    assert item.value["valid_through"] == "2027-06-30"


@pytest.mark.parametrize("texts", [
    ("Renewal period 05/01/2027 - 07/31/2027", "Member since 01/02/2019"),
    ("Open enrollment period 11/01/2026 - 11/30/2026",),
    ("Early registration ends May 1, 2027.", "Member since 01/02/2019"),
    ("The conference discount ends on March 15, 2027.",),
    ("Early-bird pricing ending April 1, 2027.",),
])
def test_membership_other_periods_and_ends_are_no_expiry(texts: tuple[str, ...]) -> None:
    """A period or an "ends" that names no membership gives no expiry: it is flagged missing."""
    item = membership_item(ORGANISATION, *texts)
    assert item.value["valid_through"] is None and "membership.expiry_missing" in item.reasons


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
    "Society", "Chapter", "Affiliate", "Member of", "Membership in", "Membership with",
    "Member organization", "Membership organization", "Professional body", "Professional association", "Issuer",
    "Issued by", "Issuing body", "Sponsoring organization",
])
def test_membership_organisation_labels(label: str, layout: str) -> None:
    item = membership_item("MEMBERSHIP CARD", "Name: Bo Lee", *laid_out(label, ORGANISATION, layout),
                           "Valid through: 12/31/2026")
    assert item.value["organization"] == ORGANISATION


@pytest.mark.parametrize("texts", [
    ("Member Directory", "Name: Bo Lee", "Affiliation: Michigan Alliance for Families", f"Member of: {ORGANISATION}",
     "Expires: 06/30/2027"),
    (ORGANISATION, "Name: Bo Lee", "Affiliation: Detroit Institute for Children", "Membership expires 06/30/2027"),
    ("Member Directory", "Name: Bo Lee", "Organization: Detroit Institute for Children",
     f"Association: {ORGANISATION}", "Expires: 06/30/2027"),
    (ORGANISATION, "Member: Bo Lee", "Employer: Riverbend Family Institute", "Expires 06/30/2027"),
])
def test_membership_member_affiliation_is_not_the_organisation(texts: tuple[str, ...]) -> None:
    """A directory entry's "Affiliation" (or a plain "Organization" beside a more specific label) is where the
    member works, not whose membership it is."""
    assert membership_item(*texts).value["organization"] == ORGANISATION


@pytest.mark.parametrize("column", ["Organization", "Organisation"])
def test_membership_member_list_organisation_column_is_the_members(column: str) -> None:
    """A member list's organisation column beside the member's name: the heading names the association, and
    without one the column is read for a person to check."""
    rows = (("Name", column, "Status", "Expires"), ("Bo Lee", "Detroit Institute for Children", "Active", "06/30/2027"))
    with_heading = membership.extract(doc := member_grid((ORGANISATION,), ("Member Directory",), *rows),
                                      find_patterns(doc.text)).items[0]
    without = membership.extract(doc := member_grid(*rows), find_patterns(doc.text)).items[0]
    assert with_heading.value["organization"] == ORGANISATION and without.needs_review


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


@pytest.mark.parametrize("then", [
    "Her predecessor left the agency on June 30, 2015.",
    "Her supervisor left the agency on June 30, 2019.",
    "The previous director's last day was June 30, 2015.",
    "She replaced Ann Roe, whose employment ended on June 30, 2015.",
    "Our former director resigned effective January 1, 2016.",
    "His manager resigned effective March 1, 2020.",
    "She left on maternity leave in May 2017 and returned in January 2018.",
    "He left for parental leave on May 1, 2017.",
    "Her work on the Healthy Start grant ended in June 2018.",
    "Her husband is employed at the county.",
    "She is not currently employed with us.",
    "Her mentor left the agency on June 30, 2016.",
    "Her client family left the program on June 30, 2016.",
    "Her first supervisee left the agency in June 2016.",
    "His student intern resigned effective May 1, 2016.",
    "Their last day was June 30, 2016.",
    "They left the building on June 30, 2016.",
    "Her home visiting program's last day was June 30, 2018; she remains employed with us.",
])
def test_employment_next_sentence_about_someone_else_ends_nothing(then: str) -> None:
    """Another person's departure, a leave, or the end of a grant is not the end of the person's employment."""
    item = employment_item(f"Bo Lee joined {EMPLOYER} on March 3, 2015 as a Home Visitor.", then,
                           "Her duties included home visiting.")
    assert item.value["end"] is None and "employment.end_unreadable" in item.reasons


@pytest.mark.parametrize("then", [
    "She left on maternity leave in May 2017 and returned in January 2018; she remains employed with us.",
    "Her work on the Healthy Start grant ended in June 2018, and she is still on our staff.",
])
def test_employment_still_there_after_an_ending_that_is_not_hers(then: str) -> None:
    item = employment_item(f"Bo Lee joined {EMPLOYER} on March 3, 2015 as a Home Visitor.", then,
                           "Her duties included home visiting.")
    assert item.value["end"] is None and not item.needs_review


@pytest.mark.parametrize("texts", [
    ("Bo Lee joined {employer} on March 3, 2015 as a Home Visitor.",
     "She left the agency in June 2017 to finish her degree and rejoined us in January 2019."),
    ("Bo Lee joined {employer} on March 3, 2015 as a Home Visitor.",
     "She resigned effective June 30, 2017 and was rehired the next spring."),
    ("Bo Lee joined {employer} on March 3, 2015 as a Home Visitor.",
     "Her last day in that role was June 30, 2017; she remains employed with us as a Family Advocate."),
    ("Bo Lee and Ann Roe began work with {employer} on March 3, 2015 as Home Visitors.",
     "Ann Roe left the agency on June 30, 2016."),
    ("Bo Lee & Ann Roe joined {employer} on March 3, 2015 as Home Visitors.",
     "She left the agency on June 30, 2016."),
])
def test_employment_last_day_that_may_not_end_the_persons_employment_is_flagged(texts: tuple[str, ...]) -> None:
    """A last day followed by coming back or staying on, or after a sentence naming two people: a person checks it."""
    doc: DocText = lines(*(text.format(employer=EMPLOYER) for text in texts), "Her duties included home visiting.")
    first = employment.extract(doc, find_patterns(doc.text)).items[0]
    assert first.value["start"] == "2015-03-03" and first.needs_review


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


@pytest.mark.parametrize("texts", [
    ("Ann Roe, our program director, was responsible for hiring Bo Lee.", *form_with("Duties", "Duties", "colon")[:4],
     "Her duties included home visiting."),
    ("Our office was responsible for checking her references.", *form_with("Duties", "Duties", "colon")[:4],
     "His responsibilities included home visiting."),
])
def test_employment_duties_stated_outrank_someone_elses_responsibility(texts: tuple[str, ...]) -> None:
    assert employment_item(*texts).value["duties"] == "home visiting"


@pytest.mark.parametrize("footer", [
    "The employee is responsible for returning this form to the registry.",
    "The applicant is responsible for sending this form to the board.",
    "Hours of work were flexible.",
    "Hours of work are 8:30 to 5.",
])
def test_employment_form_footer_is_no_duties(footer: str) -> None:
    item = employment_item(*form_with("Duties", "Duties", "colon")[:4], footer)
    assert item.value["duties"] is None and "employment.duties_missing" in item.reasons


def test_employment_responsible_for_is_read_below_the_trusted_band() -> None:
    item = employment_item(f"Bo Lee worked for {EMPLOYER} as a Home Visitor from March 3, 2015 until June 30, 2019.",
                           "She was responsible for home visiting.")
    assert item.value["duties"] == "home visiting" and item.confidence <= 0.8


@pytest.mark.parametrize("under", ["Date of this letter 07/01/2026", "Current address 12 Main Street",
                                   "Today's date 07/01/2026"])
def test_employment_blank_bare_end_date_over_another_field_is_no_end(under: str) -> None:
    item = employment_item(f"Employer {EMPLOYER}", "Job title Home Visitor", "Start date", "03/03/2015", "End date",
                           under, "Duties home visiting")
    assert item.value["end"] is None and "employment.end_unreadable" in item.reasons


@pytest.mark.parametrize("under", ["Probation 06/03/2015", "Date of review 06/03/2016"])
def test_employment_blank_bare_ended_over_an_unrelated_date_is_no_end(under: str) -> None:
    item = employment_item(f"Employer {EMPLOYER}", "Job title Home Visitor", "Hire date 03/03/2015", "Ended", under,
                           "Duties home visiting")
    assert item.value["end"] is None and "employment.end_unreadable" in item.reasons


@pytest.mark.parametrize("other", ["Facility Address 12 Main Street, Columbus OH", "Agency Phone 614-555-0100",
                                   "Company Email hr@riverbend.example", "Agency Fax 614-555-0101",
                                   "Position Type Full-time", "Position Status Permanent"])
def test_employment_bare_label_word_of_another_field_is_not_its_value(other: str) -> None:
    """"Facility Address", "Position Type": the label word names another field; the employer and role are read
    under their own labels."""
    item = employment_item("Employment Verification", other, f"Agency Name {EMPLOYER}", "Job title Home Visitor",
                           "Hire date 03/03/2015", "End date 06/30/2019", "Duties home visiting")
    assert item.value["employer"] == EMPLOYER and item.value["role"] == "Home Visitor"


def test_employment_form_bare_duties_label() -> None:
    item = employment_item(*form_with("Duties", "Job duties", "no colon"))
    assert item.value["duties"] == "home visiting with infants and their parents"
