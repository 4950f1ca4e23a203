"""Reference letters as session 13's second review (r13i findings 1-8) found them read.

A signature block's level is the signer's only in the signer's own block (the name again or a job title above it);
two names signed side by side leave the rater to a person; a role sentence is judged up to the closing, with a role
"as" the rater's own, a hyphened role another, and a denial only right before the role.
"""

from __future__ import annotations

import pytest

from extractors import reference
from extractors.layout import DocText
from tests.test_extract_forms import doc_of
from tests.test_extract_forms_mend11k import _flagged, _item


def _letter(block: tuple[str, ...] = ("IMH-E® Infant Mental Health Specialist (Level III)",),
            role: str = "I have worked beside her for four years as her peer.",
            right: tuple[str, ...] = (), closing: str = "Warm regards,") -> DocText:
    """A letter about Annika Marchetti signed by Hanne Sorensby, the lines under her name given, maybe a second
    column of lines starting on her name's line."""
    rows: list[tuple[float, list[tuple[float, str]]]] = [
        (60, [(72, "3 March 2026")]), (90, [(72, "Dear Review Panel,")]),
        (110, [(72, "It is a pleasure to support Annika Marchetti for endorsement.")]),
        (126, [(72, role)]), (160, [(72, closing)])]
    for index in range(max(len(block), len(right)) + 1):
        cells = [(72.0, "Hanne Sorensby")] if index == 0 else []
        if 0 < index <= len(block) and block[index - 1]:
            cells.append((72.0, block[index - 1]))
        if index < len(right):
            cells.append((340.0, right[index]))
        if cells:
            rows.append((180 + 16 * index, cells))
    return doc_of(*rows)


# --- findings 1, 2: a level line under another person's name, a cc line or the applicant's name is not the rater's --

@pytest.mark.parametrize("block", [
    ("Practice Lead", "Yusuf Abernathy, LMFT", "IMH-E® Infant Mental Health Mentor - Clinical"),
    ("Yusuf Abernathy", "Endorsed Infant Mental Health Mentor - Policy"),
    ("c.c.", "Yusuf Abernathy", "IMH-E® Level IV"),
    ("Annika Marchetti", "Endorsed Infant Family Specialist"),
])
def test_a_level_line_in_someone_elses_block_gives_no_rater_level(block: tuple[str, ...]) -> None:
    item = _item(reference.extract, _letter(block))
    assert item.value["rater_level"] is None and _flagged(item)


@pytest.mark.parametrize("block", [
    ("Hanne Sorensby", "Endorsed Infant Mental Health Specialist - Level III"),
    ("Early Intervention Coordinator", "IMH-E® Infant Mental Health Specialist (Level III)"),
])
def test_the_signers_own_block_gives_the_level(block: tuple[str, ...]) -> None:  # guards: pass before too
    item = _item(reference.extract, _letter(block))
    assert item.value["rater_level"] == "III" and not item.needs_review


# --- finding 3: two names signed side by side ---------------------------------------------------------------------

@pytest.mark.parametrize("right", [
    ("Yusuf Abernathy", "IMH-E® Level IV"),
    ("Yusuf Abernathy", "Clinical Director", "Endorsed Infant Mental Health Mentor"),
])
def test_two_signers_side_by_side_leave_the_rater_to_a_person(right: tuple[str, ...]) -> None:
    item = _item(reference.extract, _letter(("",), right=right))
    assert _flagged(item) and "reference.rater_unclear" in item.reasons
    assert item.value["rater_level"] is None and item.value["rater"] != "Hanne Sorensby Yusuf Abernathy"


# --- findings 4, 5, 6: a role "as", a hyphened role, a "not" away from the role ------------------------------------

@pytest.mark.parametrize("role", [
    "I have worked beside her for four years as her peer, and partnered with her as director in 2021.",
    "I write as her peer; in 2017 I reported to her as supervisee.",
    "I write as her peer; I was her supervisor-designate during 2018.",
    "I write as her peer; she knew me as her manager-mentor before that.",
    "I write as her peer. Not so long ago I also took on being her manager.",
    "I write as her peer, and I could not have hoped for a better supervisor.",
])
def test_another_role_near_the_raters_is_flagged(role: str) -> None:
    item = _item(reference.extract, _letter(role=role))
    assert _flagged(item) and "reference.relationship_ambiguous" in item.reasons


@pytest.mark.parametrize("role", [
    "I write as her peer; I was never her supervisor.",
    "I write as her peer; I have not been her clinical supervisor.",
])
def test_a_role_denied_right_before_it_is_no_second_role(role: str) -> None:  # guards: pass before too
    item = _item(reference.extract, _letter(role=role))
    assert item.value["relationship"] == "colleague" and not item.needs_review


# --- finding 8: the signer's job title under the closing is no sentence of the letter ------------------------------

@pytest.mark.parametrize("title", ["Director of Clinical Services", "Infant Program Manager", "Lead Supervisor"])
def test_a_job_title_under_the_closing_is_no_second_role(title: str) -> None:
    item = _item(reference.extract, _letter((title, "IMH-E® Infant Mental Health Specialist (Level III)"),
                                            role="For four years I have known her as her peer."))
    assert item.value["relationship"] == "colleague" and not item.needs_review


# --- finding 7: a level with no IMH mark and no Endorsement title ---------------------------------------------------

@pytest.mark.parametrize("line", ["Endorsed at Level 3", "Endorsed - Level II"])
def test_a_level_of_no_known_scheme_is_flagged(line: str) -> None:
    item = _item(reference.extract, _letter((line,)))
    assert _flagged(item)
