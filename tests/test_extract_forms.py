"""Form kinds (reference, ethics, exam, membership, employment): every tune layout, and the wordings as plain text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extractors import employment, ethics, exam, membership, reference
from extractors.document import extract_document
from extractors.layout import DocText, build_text
from extractors.nlp import find_patterns
from pipeline.models import Page, Word

CHAR_WIDTH = 6.0


def page_of(rows: list[tuple[float, list[tuple[float, str]]]]) -> Page:
    """A text-layer page from rows of (top, [(x0, cell text)]); a cell's words are set at CHAR_WIDTH a character."""
    words = []
    for top, cells in rows:
        for x0, text in cells:
            x = x0
            for token in text.split():
                words.append(Word(text=token, bbox=(x, top, x + CHAR_WIDTH * len(token), top + 10),
                                  confidence=1.0, source="text_layer"))
                x += CHAR_WIDTH * (len(token) + 1)
    return Page(number=1, width=612, height=792, source="text_layer", words=words)


def doc_of(*rows: tuple[float, list[tuple[float, str]]]) -> DocText:
    return build_text("doc", [page_of(list(rows))])


def lines(*texts: str) -> DocText:
    """Plain lines at the left margin, one under the other."""
    return doc_of(*[(100.0 + 14 * i, [(72.0, text)]) for i, text in enumerate(texts)])


def value_of(extract: Any, doc: DocText) -> dict[str, Any]:
    extraction = extract(doc, find_patterns(doc.text))
    assert len(extraction.items) == 1
    return extraction.items[0].value  # type: ignore[no-any-return]


# --- every tune layout, from the generated corpus -------------------------------------------------------------

TUNE_DOCUMENTS = [
    "c001-reference-1", "t002-reference-1", "t003-reference-1", "t006-reference-1",   # classic, grid, letters
    "c001-ethics", "t004-ethics", "t002-ethics", "t005-ethics", "t003-ethics",  # classic, unsigned, clauses, esign
    "c002-exam", "t002-exam", "t003-exam",                                              # classic, letter, score report
    "c001-membership", "t002-membership", "t005-membership", "t003-membership",         # classic, cards, renewal
    "c001-employment-2", "t002-employment-1", "t005-employment-1", "t003-employment-1", "t006-employment-1",
    # holdout-v3: tick-box questionnaire, captions over values (unsigned), portal exam history, letter with a block
    "t023-reference-1", "t025-ethics", "t024-ethics", "t023-exam", "t023-employment-1", "t026-employment-1",
]


@pytest.mark.parametrize("stem", TUNE_DOCUMENTS)
def test_tune_layouts_read_every_value_unflagged(golden: Path, stem: str) -> None:
    expected = json.loads((golden / f"{stem}.expected.json").read_text())
    result = extract_document(golden / f"{stem}.pdf")
    assert [(i.type, i.value) for i in result.items] == [(i["type"], i["value"]) for i in expected["items"]]
    assert not any(i.needs_review for i in result.items)
    assert all(p.bbox for i in result.items for p in i.provenance)


# --- references ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("doc", "expected"), [
    (lines("Rater: Ana Bell", "Relationship to applicant: RS/C provider",
           "Rater endorsement: Infant Family Specialist (Level II)", "Date: 07/26/2026"),
     {"rater": "Ana Bell", "relationship": "rsc_provider", "rater_level": "II", "date": "2026-07-26"}),
    (doc_of((60, [(72, "Reference Rating"), (440, "RECEIVED")]), (76, [(448, "2/26/26")]),
            (120, [(77, "Name of reference"), (228, "Ulric Jessamond")]),
            (134, [(77, "Relationship"), (228, "Reflective Supervisor/Consultant (RS/C)")]),
            (148, [(77, "Endorsement held"), (228, "Not endorsed")]),
            (162, [(77, "Date signed"), (228, "2/10/26")])),
     {"rater": "Ulric Jessamond", "relationship": "rsc_provider", "rater_level": None, "date": "2026-02-10"}),
    (doc_of((60, [(72, "Dorian Ellery"), (440, "Received")]), (76, [(430, "Jul 21, 2026")]),
            (104, [(72, "Jul 14, 2026")]), (128, [(72, "Dear Endorsement Committee,")]),
            (142, [(72, "I have known Ines for 7 years, as her program")]), (156, [(72, "supervisor.")]),
            (170, [(72, "I hold Endorsement as an Infant Mental Health Mentor (Level IV).")]),
            (184, [(72, "Sincerely,")]), (198, [(72, "Dorian Ellery")])),
     {"rater": "Dorian Ellery", "relationship": "program_supervisor", "rater_level": "IV", "date": "2026-07-14"}),
    (lines("March 2, 2026", "Dear Committee,", "I have worked with Sam for years, as a colleague.",
           "I do not hold Infant Mental Health Endorsement myself.", "Kind regards,", "Lee Park"),
     {"rater": "Lee Park", "relationship": "colleague", "rater_level": None, "date": "2026-03-02"}),
    (lines("May 4, 2026", "Dear Committee,", "I have known Kai for 3 years, as my supervisee.",
           "[hold Endorsement as an Infant Family Specialist (Level II).", "Sincerely,", "Mo Reyes"),
     {"rater": "Mo Reyes", "relationship": "supervisee", "rater_level": "II", "date": "2026-05-04"}),  # OCR: "I h"
    (doc_of((100, [(72, "Reference name:"), (300, "Ana Bell")]),
            (114, [(72, "Your relationship to the applicant:"), (300, "Department chair")]),
            (128, [(72, "Your current endorsement:"), (300, "Infant Mental Health Mentor (Level IV)")]),
            (142, [(72, "Date completed:"), (300, "Aug 23, 2026")]),
            (170, [(80, "FOR OFFICE USE")]), (184, [(80, "Date received: Sep 15, 2026")])),
     {"rater": "Ana Bell", "relationship": "department_chair", "rater_level": "IV", "date": "2026-08-23"}),
    (lines("Evaluator name: Ana Bell", "Connection to the candidate: Colleague", "Endorsement status: None",
           "Date submitted: 3/2/2026"),
     {"rater": "Ana Bell", "relationship": "colleague", "rater_level": None, "date": "2026-03-02"}),
    # a portal's questionnaire: numbered questions, each answer on the line under it
    (lines("Applicant: Bo Lee Response ID: 076275", "1. Your full name", "Quilla Lowenthal",
           "2. How do you know the applicant?", "I am the chair of the applicant's department.",
           "3. How many years have you known the applicant?", "2",
           "4. Do you hold Infant Mental Health Endorsement? If so, at which level?",
           "Yes - Level III, Infant Mental Health Specialist", "Typed name: Quilla Lowenthal",
           "Date completed: Aug 16, 2026"),
     {"rater": "Quilla Lowenthal", "relationship": "department_chair", "rater_level": "III", "date": "2026-08-16"}),
    (lines("Q1) Your name", "Amara Pembrake", "Q2) How do you know the applicant?", "I was the applicant's student.",
           "Q3) Do you currently hold an endorsement?", "No", "Date submitted: 2026-05-27"),
     {"rater": "Amara Pembrake", "relationship": "student", "rater_level": None, "date": "2026-05-27"}),
    (lines("May 4, 2026", "Dear Committee,", "I have been Kai's reflective supervisor since 2019.",
           "I do not hold Endorsement.", "Respectfully,", "Mo Reyes"),
     {"rater": "Mo Reyes", "relationship": "rsc_provider", "rater_level": None, "date": "2026-05-04"}),
    (lines("Relationship: Colleague", "Endorsement: Level IV", "Signature: /s/ Ana Bell, LCSW", "Date: 05/20/2026"),
     {"rater": "Ana Bell", "relationship": "colleague", "rater_level": "IV", "date": "2026-05-20"}),
    (lines("Rater: Ana Bell", "Relationship: Colleague", "Endorsement level: III", "Date: 05/20/2026"),
     {"rater": "Ana Bell", "relationship": "colleague", "rater_level": "III", "date": "2026-05-20"}),
    (lines("Rater name:", "Ana Bell", "Relationship to applicant:", "Colleague", "Endorsement held:", "Level III",
           "Date:", "05/20/2026"),
     {"rater": "Ana Bell", "relationship": "colleague", "rater_level": "III", "date": "2026-05-20"}),  # values under
    # other names for the same four fields
    (lines("Recommender's name: Ana Bell", "Nature of relationship: Colleague",
           "Level of endorsement held: Infant Family Specialist (Level II)", "Today's date: 05/20/2026"),
     {"rater": "Ana Bell", "relationship": "colleague", "rater_level": "II", "date": "2026-05-20"}),
    (lines("Name of the evaluator: Ana Bell", "Capacity: Program supervisor", "IMH-E® level: Level 3",
           "Date of completion: 2026-05-20"),
     {"rater": "Ana Bell", "relationship": "program_supervisor", "rater_level": "III", "date": "2026-05-20"}),
    (lines("Submitted by: Ana Bell", "In what capacity have you known the applicant?", "As a colleague on her team",
           "Endorsement category: None", "Date of submission: May 20, 2026"),
     {"rater": "Ana Bell", "relationship": "colleague", "rater_level": None, "date": "2026-05-20"}),
    # notes of a telephone reference: each value under its label, the rater spoken of as "the reference"
    (lines("Referee contacted", "Ana Bell", "Date: 05/20/2026",
           "The referee is the applicant's program supervisor and has known her for 5 years.",
           "The referee holds Endorsement at Level IV."),
     {"rater": "Ana Bell", "relationship": "program_supervisor", "rater_level": "IV", "date": "2026-05-20"}),
    (lines("Reference interviewed: Ana Bell", "Date: 05/20/2026",
           "The reference worked beside the applicant as a peer (neither supervised the other) for 3 years.",
           "The reference does not hold an Endorsement."),
     {"rater": "Ana Bell", "relationship": "colleague", "rater_level": None, "date": "2026-05-20"}),
    (lines("Referee: Ana Bell", "Date: 05/20/2026",
           "The referee was trained by the applicant (the referee was the applicant's intern) in 2019.",
           "The referee holds Endorsement as an Infant Family Specialist."),
     {"rater": "Ana Bell", "relationship": "student", "rater_level": "II", "date": "2026-05-20"}),
])
def test_reference_wordings(doc: DocText, expected: dict[str, Any]) -> None:
    assert value_of(reference.extract, doc) == expected


@pytest.mark.parametrize(("text", "code"), [
    ("Program Supervisor", "program_supervisor"),
    ("Reflective Supervisor/Consultant (RS/C)", "rsc_provider"),
    ("reflective supervision/consultation (RS/C) provider", "rsc_provider"),
    ("Supervisee", "supervisee"),
    ("Department chair", "department_chair"),
    ("Student", "student"),
    ("[X] Colleague", "colleague"),
    ("Program supervisor  RS/C provider  Colleague", None),  # a list with nothing ticked is not an answer
    ("[ ] Program supervisor [X] RS/C provider [ ] Colleague", "rsc_provider"),
    ("[ ] Program supervisor", None),
    ("Head of the department", "department_chair"),
    ("her direct report", "supervisee"),
    ("Intern", "student"),
    ("Teammate", "colleague"),
    ("Internship supervisor", "program_supervisor"),  # "intern" only as a word
])
def test_relationship_codes(text: str, code: str | None) -> None:
    assert reference.relationship_code(text) == code


def test_reference_tick_boxes_in_cells() -> None:
    doc = doc_of((100, [(72, "Relationship:"), (200, "[ ] Program supervisor"), (360, "[X] Colleague")]),
                 (114, [(72, "Endorsement:"), (200, "[ ] Level III"), (360, "[X] Level IV")]))
    value = value_of(reference.extract, doc)
    assert (value["relationship"], value["rater_level"]) == ("colleague", "IV")


QUESTIONNAIRE = ["Reference name: Vesna Moss", "How do you know the applicant? (check one)", "Program supervisor",
                 "{colleague}Colleague", "{chair}Department chair", "Your own endorsement (check one)",
                 "{mentor}Infant Mental Health Mentor (Level IV)", "Infant Family Specialist (Level II)", "{none}None",
                 "Please rate each area from 1 (emerging) to 5 (exemplary).", "Date: 17 March 2026"]


@pytest.mark.parametrize(("ticks", "relationship", "level", "reasons"), [
    ({"colleague": "X ", "none": "X "}, "colleague", None, []),
    ({"chair": "X ", "mentor": "X "}, "department_chair", "IV", []),
    ({"chair": "[x] ", "mentor": "✓ "}, "department_chair", "IV", []),
    ({"mentor": "X "}, None, "IV", ["reference.relationship_unclear"]),  # nothing ticked
    ({"colleague": "X ", "chair": "X ", "none": "X "}, None, None, ["reference.relationship_unclear"]),  # two
    ({"colleague": "X "}, "colleague", None, ["reference.level_unreadable"]),
])
def test_reference_tick_lists_under_a_question(ticks: dict[str, str], relationship: str | None, level: str | None,
                                               reasons: list[str]) -> None:
    texts = [t.format_map({k: ticks.get(k, "") for k in ("colleague", "chair", "mentor", "none")})
             for t in QUESTIONNAIRE]
    doc = lines(*texts)
    item = reference.extract(doc, find_patterns(doc.text)).items[0]
    assert (item.value["relationship"], item.value["rater_level"], item.value["date"]) == (
        relationship, level, "2026-03-17")
    assert item.reasons == reasons and item.needs_review is bool(reasons)


GRID = [(100, [(72, "1. How do you know the applicant? (tick one)")]),
        (114, [(76, "[ ] Program supervisor"), (240, "[ ] RS/C provider"), (400, "[ ] Supervisee")]),
        (128, [(76, "[ ] Colleague"), (240, "{student}"), (400, "{chair}")]),
        (142, [(72, "2. Which endorsement do you hold? (tick one)")]),
        (156, [(76, "[ ] Infant Mental Health Mentor (Level IV)"), (360, "{specialist}")]),
        (170, [(76, "{associate}"), (360, "[ ] None")]),
        (190, [(72, "Direct Service Skills"), (360, "1 2 (3) 4 5")])]


@pytest.mark.parametrize(("fill", "relationship", "level"), [
    ({"student": "[X] Student", "chair": "[ ] Department chair",
      "specialist": "[X] Infant Family Specialist (Level II)", "associate": "[ ] Infant Family Associate (Level I)"},
     "student", "II"),
    ({"student": "[ ] Student", "chair": "☒ Department chair",
      "specialist": "[ ] Infant Family Specialist (Level II)", "associate": "[x] Infant Family Associate (Level I)"},
     "department_chair", None),
])
def test_reference_tick_boxes_in_a_grid_under_numbered_questions(fill: dict[str, str], relationship: str,
                                                                 level: str | None) -> None:
    """Several options a line, each behind its box, under a numbered question with its instruction."""
    rows = [(top, [(x, text.format_map(fill)) for x, text in cells]) for top, cells in GRID]
    value = value_of(reference.extract, doc_of(*rows, (220, [(72, "Vesna Moss"), (300, "May 20, 2026")]),
                                               (234, [(72, "Name of person completing this form"), (300, "Date")])))
    assert value == {"rater": "Vesna Moss", "relationship": relationship, "rater_level": level, "date": "2026-05-20"}


@pytest.mark.parametrize(("question", "answer", "key", "expected"), [
    ("In what capacity have you known the applicant? (select one)", "X Colleague", "relationship", "colleague"),
    ("What is the nature of your relationship with the candidate?", "[x] Supervisee", "relationship", "supervisee"),
    ("How are you connected to the applicant? (check one)", "✓ Program supervisor", "relationship",
     "program_supervisor"),
    ("What level of endorsement do you hold? (circle one)", "X Infant Mental Health Mentor", "rater_level", "IV"),
    ("Q2) Do you currently hold Infant Mental Health Endorsement®?", "[X] Level III", "rater_level", "III"),
    # the rater's own endorsement named with what it is for; a ticked option as long as a sentence fragment
    ("2. Your own Infant Mental Health Endorsement:", "X Endorsed at Level III (Infant Mental Health Specialist)",
     "rater_level", "III"),
    ("Your current IMH Endorsement (tick one)", "X Endorsed at Level IV (Infant Mental Health Mentor)",
     "rater_level", "IV"),
])
def test_reference_questions_by_other_wordings(question: str, answer: str, key: str, expected: str) -> None:
    doc = lines("Completed by: Ana Bell", question, "[ ] Department chair", answer, "Date: 05/20/2026")
    value = value_of(reference.extract, doc)
    assert (value["rater"], value[key], value["date"]) == ("Ana Bell", expected, "2026-05-20")


@pytest.mark.parametrize("question", ["Your recommendation for endorsement level (check one)",
                                      "Your recommended endorsement level (tick one):"])
def test_reference_question_about_the_applicant_gives_no_rater_level(question: str) -> None:
    """Only "your own" / "your current" endorsement is the rater's; the level recommended is the applicant's."""
    doc = lines("Completed by: Ana Bell", "Relationship: Colleague", question, "[ ] Level II", "[X] Level III",
                "Date: 05/20/2026")
    assert value_of(reference.extract, doc).get("rater_level") is None


@pytest.mark.parametrize("misread_box", ["[|", "(J", "@", "O"])
def test_reference_options_behind_boxes_a_scan_misread(misread_box: str) -> None:
    """An empty box OCR read as a stray mark is not a word: the eight-word option is still one of the list."""
    doc = lines("Completed by: Ana Bell", "Relationship: Colleague", "Your own Infant Mental Health Endorsement:",
                f"{misread_box} Endorsed at Level IV (Infant Mental Health Mentor)",
                "[x] Endorsed at Level III (Infant Mental Health Specialist)", "Date: 05/20/2026")
    assert value_of(reference.extract, doc)["rater_level"] == "III"


@pytest.mark.parametrize("caption", ["Date of this reference", "Date of the rating", "Date"])
def test_reference_date_captioned_under_its_signature_line(caption: str) -> None:
    doc = doc_of((100, [(72, "Completed by: Ana Bell")]), (114, [(72, "Relationship: Colleague")]),
                 (128, [(72, "Endorsement held: Level III")]),
                 (160, [(72, "/s/ Ana Bell"), (300, "May 20, 2026")]),
                 (174, [(72, "Signature of reference"), (300, caption)]))
    assert value_of(reference.extract, doc)["date"] == "2026-05-20"


def test_reference_narrative_with_tick_boxes() -> None:
    """Boxes on the question's own line, and in a sentence of the letter ("I hold ... [X] Level III")."""
    doc = lines("Reference for Bo Lee, written by Ana Bell", "How do you know the applicant? [ ] Program supervisor",
                "[X] Colleague [ ] Student", "I have known Bo for six years.",
                "I currently hold: [ ] Level II [X] Level III [ ] Level IV Endorsement.", "Date: 05/20/2026",
                "Sincerely,", "Ana Bell")
    assert value_of(reference.extract, doc) == {"rater": "Ana Bell", "relationship": "colleague",
                                                "rater_level": "III", "date": "2026-05-20"}
    doc = lines("How do you know the applicant? [ ] Program supervisor [X] Supervisee [ ] Student",
                "I hold Infant Mental Health Endorsement: [ ] Level II [ ] Level III [ ] Level IV",
                "Date: 05/20/2026", "Sincerely,", "Ana Bell")
    item = reference.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["relationship"] == "supervisee" and "reference.level_unreadable" in item.reasons


@pytest.mark.parametrize("held", ["Not applicable", "Not currently endorsed", "Not yet endorsed", "N/A"])
def test_reference_rater_not_endorsed_is_read_not_flagged(held: str) -> None:
    doc = lines("Rater: Ana Bell", "Relationship: Colleague", f"Endorsement held: {held}", "Date: 05/20/2026")
    item = reference.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["rater_level"] is None and not item.needs_review


def test_reference_stamp_date_is_never_the_rating_date() -> None:
    doc = doc_of((60, [(72, "Pat Quill"), (440, "Received")]), (76, [(430, "Jul 21, 2026")]),
                 (104, [(72, "Dear Committee,")]), (118, [(72, "Sincerely,")]), (132, [(72, "Pat Quill")]))
    item = reference.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["date"] is None and "reference.date_missing" in item.reasons


# --- ethics --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("doc", "expected"), [
    (lines("Signature: /s/ Bennett Castellane", "Printed name: Bennett Castellane", "Date: 09/19/2026"),
     {"signer": "Bennett Castellane", "date": "2026-09-19", "signed": True}),
    (lines("Signature: ____________________", "Printed name: Soren Dunmore", "Date: 06/05/2026"),
     {"signer": "Soren Dunmore", "date": "2026-06-05", "signed": False}),
    (lines("Form issued: 4/22/26", "Applicant signature:", "Name (printed): Quilla Underhay", "Date signed: 4/25/26"),
     {"signer": "Quilla Underhay", "date": "2026-04-25", "signed": False}),
    (lines("Electronically signed by Ines Ashbury on 04-MAY-2026 at 10:14 AM", "Sent 02-MAY-2026"),
     {"signer": "Ines Ashbury", "date": "2026-05-04", "signed": True}),
    (doc_of((100, [(72, "/s/ Rae Moss"), (260, "Rae Moss"), (420, "06/05/2026")]),
            (114, [(72, "Signature"), (260, "Printed name"), (420, "Date")])),
     {"signer": "Rae Moss", "date": "2026-06-05", "signed": True}),
    (doc_of((86, [(72, "this agreement may lead to suspension of my endorsement.")]),
            (100, [(72, "/s/ Rae Moss")]), (114, [(72, "Signature of applicant"), (330, "For office use")]),
            (128, [(72, "Rae Moss")]), (142, [(72, "Printed name"), (330, "For office use")]),
            (156, [(72, "Jun 27, 2026"), (330, "Jun 23, 2026")]), (170, [(72, "Date"), (330, "Date form issued")])),
     {"signer": "Rae Moss", "date": "2026-06-27", "signed": True}),
    (doc_of((100, [(72, "this agreement may lead to suspension of my endorsement.")]),
            (114, [(72, "Signature of applicant"), (330, "For office use")]),
            (128, [(72, "Rae Moss")]), (142, [(72, "Printed name"), (330, "For office use")]),
            (156, [(72, "7/5/26"), (330, "6/26/26")]), (170, [(72, "Date"), (330, "Date form issued")])),
     {"signer": "Rae Moss", "date": "2026-07-05", "signed": False}),  # the prose above is not a signature
    # captions over their values (the block starts under the prose and ends with a value)
    (doc_of((100, [(72, "this agreement may lead to suspension of my endorsement.")]),
            (114, [(72, "Signature of applicant"), (330, "Date")]), (128, [(72, "Rae Moss"), (336, "Jun 27, 2026")]),
            (142, [(72, "Name of applicant (please print)")]), (156, [(72, "Rae Moss")])),
     {"signer": "Rae Moss", "date": "2026-06-27", "signed": True}),
    (doc_of((100, [(72, "this agreement may lead to suspension of my endorsement.")]),
            (114, [(72, "Signature of applicant"), (330, "Date")]), (128, [(336, "09/09/2026")]),
            (142, [(72, "Name of applicant (please print)")]), (156, [(72, "Talia Moss")])),
     {"signer": "Talia Moss", "date": "2026-09-09", "signed": False}),
    (doc_of((100, [(72, "this agreement may lead to suspension of my endorsement.")]), (107, [(90, "g"), (300, "y")]),
            (114, [(72, "Signature of applicant"), (330, "Date")]), (128, [(72, "Rae Moss"), (336, "01/01/2026")]),
            (142, [(72, "Name of applicant (please print)")]), (156, [(72, "Rae Moss")])),
     {"signer": "Rae Moss", "date": "2026-01-01", "signed": True}),  # a scan's specks are not a value line
    # a blank signature line: the printed name under its caption, beside an application number's caption
    (doc_of((100, [(72, "this agreement may lead to suspension of my endorsement.")]),
            (114, [(72, "Signature of applicant"), (330, "Date")]), (128, [(336, "09/09/2026")]),
            (142, [(72, "Applicant name (print)"), (330, "Application no.")]),
            (156, [(76, "Talia Moss"), (336, "A-20931")])),
     {"signer": "Talia Moss", "date": "2026-09-09", "signed": False}),
    (doc_of((100, [(72, "this agreement may lead to suspension of my endorsement.")]),
            (114, [(72, "Member name (please print)"), (330, "Application number")]),
            (128, [(76, "Rae Moss"), (336, "20931")]), (142, [(72, "Signature of member"), (330, "Date")]),
            (156, [(76, "/s/ Rae Moss"), (336, "06/05/2026")])),
     {"signer": "Rae Moss", "date": "2026-06-05", "signed": True}),
    # other names for the signer, the signature and the date
    (lines("Member signature: /s/ Rae Moss", "Full name: Rae Moss", "Date of signing: 06/05/2026"),
     {"signer": "Rae Moss", "date": "2026-06-05", "signed": True}),
    (lines("Typed signature: Rae Moss", "Dated: 06/05/2026"),
     {"signer": "Rae Moss", "date": "2026-06-05", "signed": True}),
    (lines("Endorsee's signature: ________", "Applicant name: Rae Moss", "Today's date: 06/05/2026"),
     {"signer": "Rae Moss", "date": "2026-06-05", "signed": False}),
    (lines("Signed electronically by Rae Moss on 04-MAY-2026"),
     {"signer": "Rae Moss", "date": "2026-05-04", "signed": True}),
    (lines("E-signed by: Rae Moss on May 4, 2026"), {"signer": "Rae Moss", "date": "2026-05-04", "signed": True}),
    (lines("Digitally signed by Rae Moss at 10:14 AM EST on 05/04/2026"),
     {"signer": "Rae Moss", "date": "2026-05-04", "signed": True}),
    (lines("Electronically signed by Rae Moss, May 4, 2026 10:14"),
     {"signer": "Rae Moss", "date": "2026-05-04", "signed": True}),
    # the signer named in the agreement's sentence; the caption row under a paragraph's short last line
    (doc_of((86, [(72, "I, Rae Moss, acknowledge that I have read the Code of Ethics and will follow it in my")]),
            (100, [(72, "practice. Typing your name below has the effect of a handwritten")]),
            (114, [(72, "signature.")]), (128, [(72, "Typed signature"), (330, "Date acknowledged")]),
            (142, [(72, "Rae Moss"), (336, "5 June 2026")])),
     {"signer": "Rae Moss", "date": "2026-06-05", "signed": True}),
    (doc_of((86, [(72, "I, Rae Moss, hereby agree to abide by the Code of Ethics of the association in my work.")]),
            (100, [(72, "Typed signature"), (330, "Date accepted")]), (114, [(336, "June 5, 2026")])),
     {"signer": "Rae Moss", "date": "2026-06-05", "signed": False}),
    (lines("I, Rae Moss, affirm that I will follow the Code of Ethics.", "Signature: ______", "Date agreed: 6/5/2026"),
     {"signer": "Rae Moss", "date": "2026-06-05", "signed": False}),
])
def test_signature_wordings(doc: DocText, expected: dict[str, Any]) -> None:
    assert value_of(ethics.extract, doc) == expected


def test_signature_block_captions_in_tight_ocr_boxes() -> None:
    """OCR boxes hug the glyphs: a caption "Date" (no descender) is short, and its value line still pairs with it."""
    def ocr(text: str, box: tuple[float, float, float, float]) -> Word:
        return Word(text=text, bbox=box, confidence=0.95, source="ocr")

    words = [ocr("this", (72, 80, 90, 89)), ocr("agreement", (94, 80, 150, 89)), ocr("binds", (154, 80, 180, 89)),
             ocr("me", (184, 80, 196, 89)), ocr("for", (200, 80, 214, 89)), ocr("as", (218, 80, 228, 89)),
             ocr("long", (232, 80, 254, 89)), ocr("as", (258, 80, 268, 89)), ocr("I", (272, 80, 276, 89)),
             ocr("hold", (280, 80, 302, 89)), ocr("it.", (306, 80, 320, 89)),
             ocr("Rae", (72, 111, 96, 120)), ocr("Moss", (100, 111, 130, 120)), ocr("05/21/2026", (372, 111, 436, 120)),
             ocr("Signature", (72, 133, 114, 138)), ocr("of", (118, 133, 126, 138)),
             ocr("applicant", (130, 133, 172, 140)), ocr("Date", (372, 133, 391, 138)),
             ocr("Rae", (72, 171, 96, 180)), ocr("Moss", (100, 171, 130, 180)),
             ocr("Printed", (72, 192, 106, 199)), ocr("name", (110, 192, 134, 198))]
    doc = build_text("doc", [Page(number=1, width=612, height=792, source="ocr", words=words)])
    assert value_of(ethics.extract, doc) == {"signer": "Rae Moss", "date": "2026-05-21", "signed": True}


def test_signature_block_caption_with_a_short_ocr_box_over_its_value() -> None:
    """OCR's box for "Date" hugs its glyphs (4 points high): the row's height measures the gap to the value."""
    rows = [(100, 10, [(72, "this agreement may lead to suspension of my endorsement.")]),
            (114, 10, [(72, "Signature of applicant")]), (116, 4, [(330, "Date")]),
            (133, 10, [(72, "Rae Moss"), (336, "06/27/2026")]),
            (146, 10, [(72, "Applicant name (print)")]), (162, 10, [(72, "Rae Moss")])]
    words = [Word(text=token, bbox=(x0 + CHAR_WIDTH * sum(len(t) + 1 for t in text.split()[:i]), top,
                                    x0 + CHAR_WIDTH * (sum(len(t) + 1 for t in text.split()[:i]) + len(token)),
                                    top + height), confidence=0.95, source="ocr")
             for top, height, cells in rows for x0, text in cells for i, token in enumerate(text.split())]
    doc = build_text("doc", [Page(number=1, width=612, height=792, source="ocr", words=words)])
    assert value_of(ethics.extract, doc) == {"signer": "Rae Moss", "date": "2026-06-27", "signed": True}


def test_blank_labelled_signature_takes_no_line_under_it() -> None:
    """A `Label:` with nothing after it takes the line under it only when that line is a value, never a field."""
    doc = lines("Signature:", "Printed name: Rae Moss", "Date signed:", "06/05/2026")
    assert value_of(ethics.extract, doc) == {"signer": "Rae Moss", "date": "2026-06-05", "signed": False}


def test_signature_without_a_signature_line_is_flagged() -> None:
    doc = lines("Printed name: Rae Moss", "Date: 06/05/2026")
    item = ethics.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["signed"] is None and "signature.unconfirmed" in item.reasons


# --- exams ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("doc", "expected"), [
    (lines("Exam date: 05/17/2026", "Result: Did not pass"), {"passed": False, "date": "2026-05-17"}),
    (lines("Apr 22, 2025", "Dear Quilla Underhay,", "The examination window was April 8-20, 2025; you sat the",
           "examination on Apr 9, 2025.", "We are pleased to tell you that you passed."),
     {"passed": True, "date": "2025-04-09"}),
    (lines("Feb 9, 2026", "The examination window was January 20 - February 1, 2026; you sat the examination on",
           "Jan 23, 2026.", "We regret that you did not pass."), {"passed": False, "date": "2026-01-23"}),
    (lines("You took the written examination on 3/2/2026.", "We regret that you were unsuccessful."),
     {"passed": False, "date": "2026-03-02"}),
    (doc_of((100, [(72, "Test date"), (228, "10/21/2026")]), (114, [(72, "Report date"), (228, "11/22/2026")]),
            (128, [(72, "Outcome"), (228, "Fail")])), {"passed": False, "date": "2026-10-21"}),
    (lines("Your Level IV written examination for Infant Mental Health Endorsement,",
           "taken on July 15, 2025 during the July 9-22, 2025 testing window, has now been scored.",
           "EXAMINATION STATUS: PASSED"), {"passed": True, "date": "2025-07-15"}),
])
def test_exam_wordings(doc: DocText, expected: dict[str, Any]) -> None:
    assert value_of(exam.extract, doc) == expected


def test_exam_window_alone_is_not_the_exam_date() -> None:
    doc = lines("Feb 9, 2026", "The examination window was April 8-20, 2025.", "You passed.")
    item = exam.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["date"] is None and "exam.date_missing" in item.reasons


# --- membership ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("doc", "expected"), [
    (lines("Michigan Association for Infant Mental Health", "Membership valid through: December 31, 2026"),
     "2026-12-31"),
    (lines("Ohio Association for Infant Mental Health", "Member since 04/12/2024", "Expires 6/30/27"), "2027-06-30"),
    (lines("Lakeshore State Association for Infant Mental Health", "November 22, 2024",
           "Thank you for renewing. Your membership is active through", "December 31, 2025.",
           "Payment received: November 22, 2024", "Membership year begins: January 1, 2025"), "2025-12-31"),
    (doc_of((100, [(72, "Ohio Association for Infant Mental Health")]),
            (114, [(72, "Member since"), (228, "1/4/2019")]),
            (128, [(72, "Membership term"), (228, "1/1/2026 - 12/31/2026")])), "2026-12-31"),
    (doc_of((100, [(72, "Lakeshore State Association for Infant Mental Health")]),
            (114, [(72, "Member"), (200, "Member ID"), (300, "Status"), (380, "Term")]),
            (128, [(72, "Rae Moss"), (200, "M-44631"), (300, "Active"), (380, "01/01/2026 - 12/31/2026")]),
            (142, [(72, "Joined: 05/02/2019")])), "2026-12-31"),  # a header row over its values
    (lines("Georgia Alliance for Infant Mental Health", "Your membershi p is active throu gh June 30, 2027."),
     "2027-06-30"),  # words OCR split with a stray space
    (lines("Ohio Association for Infant Mental Health", "Member ship valid through: 12/31/2026"), "2026-12-31"),
])
def test_membership_wordings(doc: DocText, expected: str) -> None:
    value = value_of(membership.extract, doc)
    assert value["valid_through"] == expected and value["organization"].endswith("Infant Mental Health")


# --- employment ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("doc", "expected"), [
    (lines("Date: August 27, 2026", "This letter verifies that Bo Lee has been employed by",
           "Riverbend Family Services as Infant Mental Health Therapist from", "August 3, 2011 to present.",
           "Duties include home visiting with infants and", "their parents."),
     {"employer": "Riverbend Family Services", "role": "Infant Mental Health Therapist", "start": "2011-08-03",
      "end": None, "duties": "home visiting with infants and their parents"}),
    (lines("Apr 22, 2026", "Ines Ashbury joined Southbay Services on Aug 7, 2015 as Reflective",
           "Supervisor and held that position until Sep 9, 2018.", "Responsibilities include group supervision."),
     {"employer": "Southbay Services", "role": "Reflective Supervisor", "start": "2015-08-07", "end": "2018-09-09",
      "duties": "group supervision"}),
    (lines("Ulric Moss joined Maple Hollow Early Head Start on Jun 22, 2014 as Clinical Director and",
           "continues in that position today.", "Responsibilities include directing clinical services."),
     {"employer": "Maple Hollow Early Head Start", "role": "Clinical Director", "start": "2014-06-22", "end": None,
      "duties": "directing clinical services"}),
    (doc_of((100, [(77, "Employee name"), (228, "Quilla Underhay")]),
            (114, [(77, "Employer"), (228, "Eastmoor County Health Department")]),
            (128, [(77, "Position title"), (228, "Program Manager")]),
            (142, [(77, "Start date"), (228, "2015-03-03")]), (156, [(77, "End date"), (228, "Current")]),
            (170, [(77, "Duties"), (228, "supervising a team of home visitors and")]),
            (184, [(228, "overseeing program quality")]), (198, [(72, "Date completed: 2026-03-14")])),
     {"employer": "Eastmoor County Health Department", "role": "Program Manager", "start": "2015-03-03",
      "end": None, "duties": "supervising a team of home visitors and overseeing program quality"}),
    (lines("MEMORANDUM", "DATE: 12-AUG-2026", "RE: Employment of Bo Lee",
           "Our records show that Bo Lee has worked at State Office of", "Early Childhood Policy in the position of "
           "Program Manager since", "04-JAN-2012.",
           "Primary duties: supervising a team of home visitors and overseeing", "program quality.",
           "This memo is provided at the employee's request."),
     {"employer": "State Office of Early Childhood Policy", "role": "Program Manager", "start": "2012-01-04",
      "end": None, "duties": "supervising a team of home visitors and overseeing program quality"}),
    # a verification report: dotted leaders, fields grouped under section headings, the duties under their heading
    (lines("EMPLOYMENT VERIFICATION REPORT", "REPORT DATE: 2026-09-20", "EMPLOYER",
           "NAME ............... Riverbend Family Services", "ADDRESS ............ 12 Elm Street", "EMPLOYEE",
           "NAME ............... Bo Lee", "POSITION", "JOB TITLE .......... Program Manager",
           "HIRE DATE .......... 03/03/2015", "LAST DAY WORKED .... N/A - CURRENTLY EMPLOYED", "JOB DESCRIPTION",
           "supervising a team of home visitors and overseeing", "program quality", "=" * 30,
           "VERIFIED BY: Ann Lee, Director of Human Resources"),
     {"employer": "Riverbend Family Services", "role": "Program Manager", "start": "2015-03-03", "end": None,
      "duties": "supervising a team of home visitors and overseeing program quality"}),
    (lines("EMPLOYER", "LEGAL NAME ......... Riverbend Family Services", "POSITION",
           "TITLE .............. Therapist", "DATE OF HIRE ....... 2011-08-03",
           "LAST DATE OF EMPLOYMENT ... 2019-01-31",
           "POSITION DESCRIPTION", "home visiting with infants and their parents"),
     {"employer": "Riverbend Family Services", "role": "Therapist", "start": "2011-08-03", "end": "2019-01-31",
      "duties": "home visiting with infants and their parents"}),
])
def test_employment_wordings(doc: DocText, expected: dict[str, Any]) -> None:
    assert value_of(employment.extract, doc) == expected


def test_employment_without_a_period_flags_the_document() -> None:
    doc = lines("Date: August 27, 2026", "To whom it may concern:", "We are glad to help.")
    extraction = employment.extract(doc, find_patterns(doc.text))
    assert not extraction.items and [f.code for f in extraction.flags] == ["employment.no_period"]


@pytest.mark.parametrize(("texts", "reason"), [
    (("Bo Lee has been employed by Riverbend as Therapist from August 3, 2011 to August L3; 20165",),
     "employment.end_unreadable"),
    (("Bo Lee has been employed by Riverbend as Therapist from August 3, 2011 to 2019.",), "employment.end_unreadable"),
    (("Bo Lee has been employed by Riverbend as Therapist since May 2, 2012.",
      "Duties include support to infant and Staff. family"), "employment.duties_unclear"),
])
def test_employment_doubtful_values_are_flagged(texts: tuple[str, ...], reason: str) -> None:
    doc = lines(*texts)
    item = employment.extract(doc, find_patterns(doc.text)).items[0]
    assert item.needs_review and reason in item.reasons


@pytest.mark.parametrize(("name", "source", "misread"), [
    ("Lakeshore state Association for Infant Mental Health", "ocr", True),
    ("Lakeshore State Association f or Infant Mental Health", "ocr", True),
    ("Lakeshore State Association for Infant Mental Health", "ocr", False),
    ("Lakeshore state Association for Infant Mental Health", "text_layer", False),  # printed so
])
def test_an_oddly_cased_ocr_name_is_flagged(name: str, source: str, misread: bool) -> None:
    words = []
    x = 72.0
    for token in name.split():
        words.append(Word(text=token, bbox=(x, 100, x + 6 * len(token), 110), confidence=0.95,
                          source=source))  # type: ignore[arg-type]
        x += 6 * (len(token) + 1)
    doc = build_text("doc", [Page(number=1, width=612, height=792, source=source,  # type: ignore[arg-type]
                                  words=[*words, Word(text="Expires", bbox=(72, 130, 114, 140), confidence=0.95,
                                                      source=source),  # type: ignore[arg-type]
                                         Word(text="6/30/27", bbox=(120, 130, 162, 140), confidence=0.95,
                                              source=source)])])  # type: ignore[arg-type]
    item = membership.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["organization"] == name
    assert ("membership.organisation_misread" in item.reasons) is misread


@pytest.mark.parametrize("caption", ["Name in print", "Printed name", "Date signed"])
def test_a_caption_read_as_the_signature_lines_value_is_no_signature(caption: str) -> None:
    """A blank signature line whose next caption lands beside it: the form is not known to be signed."""
    doc = lines("I agree to abide by the Code of Ethics.", f"Signature: {caption}", "Date: 05/21/2026")
    item = ethics.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["signed"] is not True and item.value["signer"] != caption and item.needs_review


@pytest.mark.parametrize("answer", ["Yes", "03/02/2024, 2:15 PM", "by telephone"])
def test_a_reference_calls_record_answer_is_not_its_rater(answer: str) -> None:
    """'Reference contacted: Yes' records the call; only a name there is the rater."""
    doc = lines(f"Reference contacted: {answer}", "Relationship to applicant: colleague", "Date: 03/02/2024")
    item = reference.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["rater"] != answer


def test_someone_elses_attestation_does_not_name_the_signer() -> None:
    """'I, Ann Lee, certify that the applicant ...' is a witness's sentence, not the signer's own."""
    doc = lines("I, Ann Lee, certify that the applicant has read the Code of Ethics.", "Signature: ________",
                "Date signed: 03/04/2024")
    item = ethics.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["signer"] != "Ann Lee"


@pytest.mark.parametrize("result", ["Standard met: No", "Standard met - No", "Standard achieved in 2 of 3 sections"])
def test_a_standard_met_with_more_said_after_it_is_no_clear_pass(result: str) -> None:
    doc = lines("Examination results", f"Result: {result}", "Exam date: 05/14/2025")
    item = exam.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["passed"] is not True
