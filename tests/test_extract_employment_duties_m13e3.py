"""Employment letters that point to their duties, and letters confirming a job set out in a block beside the text.

"The tasks of the post are set out below" names no duties: they are the paragraph under the duties heading, read
as the clause after "<the person> was responsible for" when it says so (a pronoun, or a name the letter gives
elsewhere); a pointer with nothing under it is flagged. A letter confirming "the employment summarised in the
panel" in the first person has its letterhead as the employer, read even when the panel's cells share the text's
lines.
"""

from __future__ import annotations

import pytest

from extractors import employment
from extractors.layout import build_text
from extractors.nlp import find_patterns
from pipeline.models import Item
from tests.test_extract_forms import page_of

Rows = list[tuple[float, list[tuple[float, str]]]]
HEAD = "Brookmere Parent and Infant Centre"
LEFT, RIGHT = 72.0, 380.0


def letter(body: list[str], heading: str | None = None, paragraph: tuple[str, ...] = ()) -> Rows:
    """Letterhead, date, salutation, body lines, an optional heading with its paragraph, the closing."""
    rows: Rows = [(60, [(LEFT, HEAD)]), (74, [(LEFT, "14 Mill Lane, Ashby")]), (100, [(LEFT, "June 3, 2026")]),
                  (124, [(LEFT, "Dear Review Panel,")])]
    y = 144.0
    for text in body:
        rows.append((y, [(LEFT, text)]))
        y += 14
    if heading is not None:
        y += 12
        rows.append((y, [(LEFT, heading)]))
        for text in paragraph:
            y += 14
            rows.append((y, [(LEFT, text)]))
    rows += [(y + 40, [(LEFT, "Yours faithfully,")]), (y + 54, [(LEFT, "Petra Osei")])]
    return rows


def items(rows: Rows) -> list[Item]:
    doc = build_text("doc", [page_of(rows)])
    return employment.extract(doc, find_patterns(doc.text)).items


BODY = [f"Tova Harlin was employed by {HEAD} as a Family Therapist from 03/01/2016 to 08/31/2022.",
        "The tasks of the post she held are set out below."]


@pytest.mark.parametrize(("heading", "paragraph", "duties"), [
    ("Key Responsibilities", ("In that post Tova was responsible for leading infant massage groups.",),
     "leading infant massage groups"),
    ("Responsibilities of the role", ("She was responsible for running a caseload of home visits.",),
     "running a caseload of home visits"),
    ("Duties of the post", ("Ms Harlin was chiefly responsible for assessing",
                            "referrals from midwives."), "assessing referrals from midwives"),
    ("Main duties", ("Weekly dyadic sessions with parents and babies.",),
     "Weekly dyadic sessions with parents and babies"),
])
def test_duties_a_sentence_points_to_are_read_under_their_heading(heading: str, paragraph: tuple[str, ...],
                                                                   duties: str) -> None:
    found = items(letter(BODY, heading, paragraph))
    assert len(found) == 1, found
    assert found[0].value["duties"] == duties


def test_a_paragraph_saying_what_another_was_responsible_for_is_doubted() -> None:
    found = items(letter(BODY, "Duties of the position", ("The Clinical Lead was responsible for her supervision.",)))
    assert len(found) == 1, found
    assert found[0].needs_review and found[0].confidence <= 0.7
    assert found[0].value["duties"] != "her supervision"


@pytest.mark.parametrize("pointer", [
    "Her duties are set out in the attached description.",  # guard: doubted before too
    "Duties: as listed overleaf",
])
def test_a_pointer_with_nothing_under_it_is_flagged(pointer: str) -> None:
    found = items(letter([BODY[0], pointer]))
    assert len(found) == 1, found
    assert found[0].needs_review and found[0].confidence <= 0.7


def panel_letter(head: str, opening: list[str]) -> Rows:
    """A letter whose facts stand in a panel at right, its cells on the same lines as the text's first lines."""
    panel = ["STAFF MEMBER", "Tova Harlin", "JOB TITLE", "Family Therapist", "DATE OF HIRE", "2016-03-01",
             "SEPARATION DATE", "2022-08-31"]
    rows: Rows = [(60, [(LEFT, head)]), (74, [(RIGHT, "14 Mill Lane, Ashby")]), (100, [(LEFT, "2026-06-03")]),
                  (124, [(LEFT, "Dear Review Panel,")])]
    y = 144.0
    for index in range(max(len(opening), len(panel))):
        cells = ([(LEFT, opening[index])] if index < len(opening) else []) + (
            [(RIGHT, panel[index])] if index < len(panel) else [])
        rows.append((y, cells))
        y += 14
    rows += [(y + 30, [(LEFT, "Kind regards,")]), (y + 44, [(LEFT, "Petra Osei")])]
    return rows


@pytest.mark.parametrize("opening", [
    ["As Tova Harlin asked, we hereby verify the", "employment set out in the panel beside this text."],
    ["We confirm the employment summarised", "below.", "Please call with any questions."],
])
def test_a_first_person_confirmation_of_a_panel_names_the_letterhead(opening: list[str]) -> None:
    found = items(panel_letter("Harrowgate Community Health Authority", opening))
    assert len(found) == 1, found
    assert found[0].value["employer"] == "Harrowgate Community Health Authority"
    assert found[0].value["start"] == "2016-03-01"
    assert found[0].needs_review and found[0].confidence <= 0.7


def test_a_refused_confirmation_of_a_panel_names_no_employer() -> None:
    """Guard: "we cannot confirm the employment set out below" confirms nothing."""
    found = items(panel_letter("Harrowgate Community Health Authority",
                               ["We cannot confirm the employment set", "out below."]))
    assert not found or found[0].needs_review
