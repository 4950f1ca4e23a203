"""Memberships in the wordings and layouts other institutions print them in.

Written from how such paper is commonly worded (cards, member lists, directory pages, renewal notices),
each wording in three layouts where it is a label: `Label: value`, label and value without a colon, label over value.
"""

from __future__ import annotations

import pytest

from extractors import membership
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
