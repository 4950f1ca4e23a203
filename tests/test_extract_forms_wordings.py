"""Form kinds (reference, ethics, exam): the wordings and layouts other institutions use for the same fields.

Written from how such paper is commonly worded, not from any one fixture: other names for each field, a
question wrapped in a left column with its answer beside it, a ruled box whose small caption stands over a
larger value. Each row also guards the distractors (a date generated, mailed or received; a rater's job title).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from extractors import ethics, exam, reference
from extractors.layout import DocText, build_text
from extractors.nlp import find_patterns
from pipeline.models import Page, Word
from tests.test_extract_forms import CHAR_WIDTH, doc_of, lines, value_of


def sized_doc(*rows: tuple[float, float, list[tuple[float, str]]], source: str = "text_layer",
              ink: Callable[[str, float], tuple[float, float]] | None = None) -> DocText:
    """A page from rows of (top, font size, [(x0, cell text)]): captions small, values large. A text layer's boxes
    span the type size; `ink(word, size)` gives a scan's box instead (its offset under the cap line, its height)."""
    words = []
    for top, size, cells in rows:
        width = CHAR_WIDTH * size / 10
        for x0, text in cells:
            x = x0
            for token in text.split():
                offset, height = ink(token, size) if ink else (0.0, size)
                words.append(Word(text=token, bbox=(x, top + offset, x + width * len(token), top + offset + height),
                                  confidence=1.0 if source == "text_layer" else 0.95, source=source))
                x += width * (len(token) + 1)
    return build_text("doc", [Page(number=1, width=612, height=792, source=source, words=words)])


# --- references ----------------------------------------------------------------------------------------------

def survey_rows(*pairs: tuple[str | list[str], str]) -> DocText:
    """A survey export: each question wrapped in a left column, its answer beside the question's first line."""
    rows: list[tuple[float, list[tuple[float, str]]]] = []
    top = 100.0
    for question, answer in pairs:
        parts = [question] if isinstance(question, str) else question
        rows.append((top, [(60.0, parts[0]), (300.0, answer)]))
        rows += [(top + 13 * i, [(60.0, part)]) for i, part in enumerate(parts[1:], start=1)]
        top += 13 * len(parts) + 8
    return doc_of(*rows)


@pytest.mark.parametrize(("doc", "expected"), [
    # a question in a left column wrapped over two or three lines, the answer right of its first line
    (survey_rows(("1. Your full name", "Ana Bell"),
                 (["2. In what capacity do you know", "the applicant?"], "I am the applicant's program supervisor"),
                 (["3. Do you hold an infant mental", "health endorsement yourself? If", "so, which?"],
                  "Yes - Level III, Infant Mental Health Specialist"),
                 (["4. Date you completed this", "reference"], "May 20, 2026")),
     {"rater": "Ana Bell", "relationship": "program_supervisor", "rater_level": "III", "date": "2026-05-20"}),
    (survey_rows((["Name of person providing this", "reference"], "Ana Bell"),
                 (["How are you acquainted with the", "candidate?"], "Colleague"),
                 (["Are you endorsed yourself? If yes,", "please state the level"], "No"),
                 ("Date of this response", "2026-05-20")),
     {"rater": "Ana Bell", "relationship": "colleague", "rater_level": None, "date": "2026-05-20"}),
    (survey_rows(("Respondent", "Ana Bell"), ("Relationship to the applicant", "Supervisee"),
                 (["Do you hold an IMH endorsement", "yourself? Which one?"], "Infant Family Specialist"),
                 ("Date of this response", "2026-05-20")),
     {"rater": "Ana Bell", "relationship": "supervisee", "rater_level": "II", "date": "2026-05-20"}),
    # other names for the four fields, one `Label: value` a line
    (lines("Respondent: Ana Bell", "Relationship to this candidate: Supervisee",
           "Endorsement held by rater: Level II", "Response date: 05/20/2026"),
     {"rater": "Ana Bell", "relationship": "supervisee", "rater_level": "II", "date": "2026-05-20"}),
    (lines("Name of person giving the reference: Ana Bell", "Describe your relationship with the applicant: Chair",
           "Your own endorsement: None", "Date of recommendation: 2026-05-20"),
     {"rater": "Ana Bell", "relationship": "department_chair", "rater_level": None, "date": "2026-05-20"}),
    (lines("Reference provider: Ana Bell", "Position relative to the applicant: Colleague",
           "Endorsement held: Level IV", "Completion date: 05/20/2026"),
     {"rater": "Ana Bell", "relationship": "colleague", "rater_level": "IV", "date": "2026-05-20"}),
    (lines("Referee's full name: Ana Bell", "Your role with respect to the candidate: RS/C provider",
           "Rater's endorsement: Infant Family Specialist (Level II)", "Date of evaluation: 05/20/2026"),
     {"rater": "Ana Bell", "relationship": "rsc_provider", "rater_level": "II", "date": "2026-05-20"}),
    (lines("Prepared by: Ana Bell", "Nature of your working relationship with the applicant: Colleague",
           "Date you submitted this form: 05/20/2026"),
     {"rater": "Ana Bell", "relationship": "colleague", "rater_level": None, "date": "2026-05-20"}),
    # a question with its answer on the line under it, no numbering
    (lines("Rater: Ana Bell", "How long and in what capacity have you known the applicant?",
           "Six years, as her reflective supervisor", "Do you hold an endorsement yourself? If so, which?",
           "Level III", "Date: 05/20/2026"),
     {"rater": "Ana Bell", "relationship": "rsc_provider", "rater_level": "III", "date": "2026-05-20"}),
])
def test_reference_other_wordings(doc: DocText, expected: dict[str, Any]) -> None:
    assert value_of(reference.extract, doc) == expected


@pytest.mark.parametrize(("doc", "expected"), [
    (lines("Rater: Ana Bell", "Relationship: Colleague", "Endorsement: None", "Date received 06/01/2026",
           "Date signed 05/20/2026"),
     {"rater": "Ana Bell", "relationship": "colleague", "rater_level": None, "date": "2026-05-20"}),
    # a header row of labels over a row of values
    (doc_of((100, [(60, "Evaluator"), (200, "Relationship to applicant"), (400, "Date completed")]),
            (114, [(60, "Ana Bell"), (200, "Colleague"), (400, "05/20/2026")]),
            (140, [(60, "Endorsement held: None")])),
     {"rater": "Ana Bell", "relationship": "colleague", "rater_level": None, "date": "2026-05-20"}),
])
def test_reference_values_without_a_colon(doc: DocText, expected: dict[str, Any]) -> None:
    assert value_of(reference.extract, doc) == expected


def test_a_wrapped_answer_beside_a_wrapped_question_is_left_for_a_person() -> None:
    """The answer wraps beside the question's second line: which words answer is not clear, so nothing is read."""
    doc = doc_of((100, [(60, "1. Your full name"), (300, "Ana Bell")]),
                 (121, [(60, "2. In what capacity do you know"), (300, "I am the applicant's program supervisor")]),
                 (134, [(60, "the applicant?"), (300, "and her reflective consultant")]),
                 (155, [(60, "Date: 05/20/2026")]))
    item = reference.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["relationship"] is None and "reference.relationship_unclear" in item.reasons


@pytest.mark.parametrize("distractor", [
    "Position: Clinical Director",  # the rater's own job title, not how the rater knows the applicant
    "Title/Position: Program Manager",
])
def test_a_raters_job_title_is_not_the_relationship(distractor: str) -> None:
    doc = lines("Rater: Ana Bell", distractor, "Endorsement: None", "Date: 05/20/2026")
    item = reference.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["relationship"] is None and "reference.relationship_unclear" in item.reasons


def test_another_yes_no_question_is_not_the_raters_endorsement() -> None:
    doc = lines("Rater: Ana Bell", "Relationship: Colleague", "Do you have any concerns about the applicant?", "No",
                "Date: 05/20/2026")
    item = reference.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["rater_level"] is None and "reference.level_unreadable" in item.reasons


@pytest.mark.parametrize("stamp", ["Exported", "Date received", "Printed"])
def test_an_export_or_receipt_date_is_not_the_rating_date(stamp: str) -> None:
    doc = lines(f"{stamp}: 06/01/2026", "Respondent: Ana Bell", "Relationship to the applicant: Colleague",
                "Endorsement held: None")
    item = reference.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["date"] is None and "reference.date_missing" in item.reasons


# --- ethics --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("doc", "expected"), [
    (lines("Signature of licensee: /s/ Rae Moss", "Name printed: Rae Moss", "Date of acknowledgment: 06/05/2026"),
     {"signer": "Rae Moss", "date": "2026-06-05", "signed": True}),
    (lines("Practitioner signature: ________", "Print name here: Rae Moss", "Date of acceptance: 06/05/2026"),
     {"signer": "Rae Moss", "date": "2026-06-05", "signed": False}),
    (lines("Signature of signatory: /s/ Rae Moss", "Name in block letters: Rae Moss",
           "Date of attestation: June 5, 2026"),
     {"signer": "Rae Moss", "date": "2026-06-05", "signed": True}),
    (lines("Sign here: /s/ Rae Moss", "Name in print: Rae Moss", "Date: 06/05/2026"),
     {"signer": "Rae Moss", "date": "2026-06-05", "signed": True}),
    (lines("Registrant's signature: /s/ Rae Moss", "Name (block capitals): Rae Moss", "Signing date: 06/05/2026"),
     {"signer": "Rae Moss", "date": "2026-06-05", "signed": True}),
    (lines("Signature: /s/ Rae Moss", "Printed name: Rae Moss", "Date of birth 01/02/1980", "Date signed June 5, 2026"),
     {"signer": "Rae Moss", "date": "2026-06-05", "signed": True}),  # a date with no colon, never the birth date
    # a ruled signature row: small captions at the top of each box, the values set larger well under them
    (sized_doc((80, 10, [(72, "I will follow the Code of Ethics in all of my work with infants and families.")]),
               (120, 7, [(76, "Applicant's signature"), (276, "Name in print"), (456, "Date signed")]),
               (146, 10.5, [(82, "Rae Moss"), (280, "Rae Moss"), (460, "Jun 5, 2026")]),
               (190, 8, [(72, "Pledge form mailed to the applicant May 26, 2026.")])),
     {"signer": "Rae Moss", "date": "2026-06-05", "signed": True}),
    (sized_doc((80, 10, [(72, "I will follow the Code of Ethics in all of my work with infants and families.")]),
               (120, 7, [(76, "Applicant's signature"), (276, "Name in print"), (456, "Date signed")]),
               (146, 10.5, [(280, "Rae Moss"), (460, "Jun 5, 2026")]),
               (190, 8, [(72, "Pledge form mailed to the applicant May 26, 2026.")])),
     {"signer": "Rae Moss", "date": "2026-06-05", "signed": False}),
])
def test_signature_other_wordings(doc: DocText, expected: dict[str, Any]) -> None:
    assert value_of(ethics.extract, doc) == expected


# --- exams ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("doc", "expected"), [
    (lines("Slip generated July 20, 2026", "Examined on: June 25, 2026", "Outcome: Unsuccessful"),
     {"passed": False, "date": "2026-06-25"}),
    (doc_of((100, [(72, "Report issued"), (228, "07/20/2026")]), (114, [(72, "Examined on"), (228, "06/25/2026")]),
            (128, [(72, "Outcome"), (228, "SUCCESSFUL - passed")])), {"passed": True, "date": "2026-06-25"}),
    (doc_of((100, [(72, "Date of assessment"), (228, "06/25/2026")]), (114, [(72, "Pass/Fail status"), (228, "Pass")])),
     {"passed": True, "date": "2026-06-25"}),
    (lines("Test administered on: 3/2/2026", "Your result: Not passed"), {"passed": False, "date": "2026-03-02"}),
    (lines("Date you sat the exam: 3/2/2026", "Determination: Pass"), {"passed": True, "date": "2026-03-02"}),
    (lines("Exam day: 3/2/2026", "Result of examination: Fail"), {"passed": False, "date": "2026-03-02"}),
    (lines("Date examined: 3/2/2026", "Result: Meets standard"), {"passed": True, "date": "2026-03-02"}),
    (lines("Assessment date: 3/2/2026", "Result: Does not meet standard"), {"passed": False, "date": "2026-03-02"}),
    (lines("Written on: 3/2/2026", "Outcome: Not yet competent"), {"passed": False, "date": "2026-03-02"}),
    (doc_of((100, [(72, "Assessment date"), (228, "Result")]), (114, [(72, "3/2/2026"), (228, "Competent")])),
     {"passed": True, "date": "2026-03-02"}),
])
def test_exam_other_wordings(doc: DocText, expected: dict[str, Any]) -> None:
    assert value_of(exam.extract, doc) == expected


@pytest.mark.parametrize(("doc", "expected"), [
    # a date after its label with no colon, the report's own date beside it
    (lines("Report date 07/20/2026", "Exam date 06/25/2026", "Result: Pass"), {"passed": True, "date": "2026-06-25"}),
    (lines("Printed Jul 20, 2026", "Test taken on Jun 25, 2026", "Outcome: Fail"),
     {"passed": False, "date": "2026-06-25"}),
    # the date in a sentence
    (lines("July 20, 2026", "You were examined on March 2, 2026.", "We are pleased to tell you that you passed."),
     {"passed": True, "date": "2026-03-02"}),
    (lines("July 20, 2026", "Our records show you took the written test on 3/2/2026.", "You did not pass."),
     {"passed": False, "date": "2026-03-02"}),
])
def test_exam_date_without_a_colon_or_in_a_sentence(doc: DocText, expected: dict[str, Any]) -> None:
    assert value_of(exam.extract, doc) == expected


@pytest.mark.parametrize("distractor", [
    "Slip generated: 07/20/2026", "Report date: 07/20/2026", "Date issued: 07/20/2026", "Mailed on: 07/20/2026",
    "Date of birth: 07/20/1980", "Results released: 07/20/2026",
])
def test_a_report_or_birth_date_is_not_the_exam_date(distractor: str) -> None:
    doc = lines(distractor, "Result: Pass")
    item = exam.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["date"] is None and "exam.date_missing" in item.reasons


@pytest.mark.parametrize(("ticks", "expected"), [
    ({"Colleague"}, "colleague"),
    ({"Student", "Colleague"}, None),  # two ticked, one far down the list: no answer
])
def test_options_under_an_unnumbered_question_are_all_read(ticks: set[str], expected: str | None) -> None:
    """A question ending in "?" reads the text under it; a list of tick boxes there is read option by option."""
    options = ["Program supervisor", "Department chair", "Supervisee", "Student", "Colleague"]
    doc = lines("Completed by: Ana Bell", "What is the nature of your relationship with the applicant?",
                *[f"[{'X' if option in ticks else ' '}] {option}" for option in options], "Date: 05/20/2026")
    assert value_of(reference.extract, doc)["relationship"] == expected


@pytest.mark.parametrize("line", ["Signature: June 5, 2026", "Applicant signature: 5 June 2026"])
def test_a_date_on_the_signature_line_is_no_signature(line: str) -> None:
    """A date written where the signature goes is not a name: the line's state and the signer are for a person."""
    doc = lines(line, "Date: 06/05/2026")
    item = ethics.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["signer"] is None and "signature.unconfirmed" in item.reasons


@pytest.mark.parametrize("pronoun", ["|", "l", "1"])
def test_the_signer_named_in_a_scanned_statement(pronoun: str) -> None:
    """A scan reads the statement's "I" as a bar, an l or a 1: the name after it is still the signer."""
    statement = f"{pronoun}, Rae Moss, acknowledge that | have read the Code of Ethics and will follow it."
    doc = doc_of((86, [(72, statement)]),
                 (100, [(72, "Typed signature"), (330, "Date acknowledged")]), (114, [(336, "June 5, 2026")]))
    assert value_of(ethics.extract, doc) == {"signer": "Rae Moss", "date": "2026-06-05", "signed": False}


@pytest.mark.parametrize(("extract", "doc", "key", "expected"), [
    (exam.extract, lines("Report date", "07/20/2026", "Exam date", "06/25/2026", "Result: Pass"), "date", "2026-06-25"),
    (exam.extract, lines("Date of birth", "01/02/1980", "Result: Pass"), "date", None),
    (ethics.extract, lines("Signature: /s/ Rae Moss", "Printed name: Rae Moss", "Date signed", "June 5, 2026"),
     "date", "2026-06-05"),
    (reference.extract, lines("Rater: Ana Bell", "Relationship: Colleague", "Endorsement: None", "Date received",
                              "06/01/2026", "Date completed", "05/20/2026"), "date", "2026-05-20"),
    (reference.extract, lines("Rater: Ana Bell", "Relationship: Colleague", "Endorsement: None", "Date completed",
                              "See attached"), "date", None),  # under the label, but no date
])
def test_a_date_printed_under_its_label(extract: Any, doc: DocText, key: str, expected: str | None) -> None:
    """A date's label standing alone, no colon, the date on the line under it; a distractor's label is never read."""
    assert value_of(extract, doc)[key] == expected


# --- review findings (issue 3): a label, heading, organisation or footer is never the value --------------------

@pytest.mark.parametrize("signer", ["Applicant", "Member", "Participant"])
def test_a_blank_signature_line_under_a_name_row_is_unsigned(signer: str) -> None:
    """"Signature" alone under "Applicant | Ana Bell" is a field of its own, not the question "Applicant Signature"."""
    doc = doc_of((100, [(72, signer), (250, "Ana Bell")]), (113, [(72, "Signature")]),
                 (140, [(72, "Date"), (250, "06/05/2026")]))
    item = ethics.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["signed"] is not True and "signature.unconfirmed" in item.reasons


def _reference_form(title: str, under_left: str) -> DocText:
    paragraph = "Please complete this form about the applicant named below and return it to our office."
    return doc_of((60, [(72, title)]), (80, [(72, paragraph)]),
                  (100, [(72, "Rater name: Ana Bell")]), (114, [(72, "Relationship to applicant: Supervisor")]),
                  (128, [(72, "Endorsement level: Level III")]),
                  (230, [(72, "/s/ Ana Bell"), (330, "05/20/2026")]), (244, [(72, "Signature"), (330, "Date")]),
                  (262, [(72, under_left), (330, "06/15/2026")]))


@pytest.mark.parametrize(("title", "under_left"), [
    ("Reference Form", "Office use only"), ("REFERENCE RATING FORM", "/s/ Jane Doe"),
    ("Reference Form", "Applicant: Jane Doe"),
])
def test_a_title_of_caption_words_does_not_turn_the_signature_block(title: str, under_left: str) -> None:
    """A title alone is no caption row: the signature block's date is the one over its caption, not the row under."""
    assert value_of(reference.extract, _reference_form(title, under_left))["date"] == "2026-05-20"


@pytest.mark.parametrize("question", [
    "Do you have concerns about the applicant's endorsement?", "Do you have any questions regarding endorsement?",
    "Do you have any reservations about the candidate's endorsement?",
])
def test_a_question_about_the_applicants_endorsement_is_not_the_raters(question: str) -> None:
    doc = lines("Reference name: Ana Bell", "Relationship to applicant: Supervisor", f"{question}: No",
                "Your endorsement level: Level III", "Date: 05/20/2026")
    assert value_of(reference.extract, doc)["rater_level"] == "III"


@pytest.mark.parametrize(("question", "under"), [
    ("Are you endorsed yourself?", "Applicant's readiness for Level III endorsement"),
    ("Do you hold an endorsement yourself?", "Jane has worked toward Level III"),
    ("Are you endorsed?", "The candidate's progress toward Level II"),
])
def test_a_blank_level_question_does_not_take_the_next_line(question: str, under: str) -> None:
    """The line under a blank question names the applicant or is no answer: never the rater's level unflagged."""
    doc = lines("Reference name: Ana Bell", "Relationship to applicant: Supervisor", question, under,
                "Date: 05/20/2026")
    item = reference.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["rater_level"] is None or item.reasons


@pytest.mark.parametrize("organisation", ["Michigan Association for Infant Mental Health",
                                          "Ridgeline Early Head Start", "Department of Human Services",
                                          "Harborview Early Learning Collaborative", "Lakeshore Parenting Consortium",
                                          "Northside Home Visiting Team"])
def test_an_organisation_under_prepared_by_is_not_the_rater(organisation: str) -> None:
    doc = lines("Reference Rating Form", f"Prepared by: {organisation}", "Applicant: Jane Doe",
                "Relationship to applicant: Supervisor", "Endorsement level: Level III", "Date: 05/20/2026", "",
                "Sincerely,", "Ana Bell")
    assert value_of(reference.extract, doc)["rater"] == "Ana Bell"


@pytest.mark.parametrize("completed_by", ["Lakeshore Early Learning Hub", "Ann Roe"])
def test_a_rater_field_naming_someone_other_than_the_signer_is_flagged(completed_by: str) -> None:
    """"Completed by" may name a body no word list knows, or someone who filled it in for the signer: a person looks."""
    doc = lines("Reference Form", f"Completed by: {completed_by}", "Applicant: Jane Doe",
                "Relationship to applicant: Supervisor", "Your endorsement level: Level III", "Date: 05/20/2026", "",
                "Sincerely,", "Ana Bell")
    item = reference.extract(doc, find_patterns(doc.text)).items[0]
    assert "reference.rater_unclear" in item.reasons and item.needs_review


def test_a_rater_field_naming_the_signer_is_not_flagged() -> None:
    doc = lines("Reference Form", "Completed by: Dr. Ana Bell", "Applicant: Jane Doe",
                "Relationship to applicant: Supervisor", "Your endorsement level: Level III", "Date: 05/20/2026", "",
                "Sincerely,", "Ana Bell, LCSW")
    item = reference.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["rater"] == "Dr. Ana Bell" and not item.reasons


def test_an_agency_under_provider_name_is_not_the_signer() -> None:
    doc = lines("Code of Ethics Agreement", "Provider name: Ridgeline Early Head Start",
                "I agree to abide by the Code of Ethics.", "Signature: /s/ Ana Bell", "Date: 06/05/2026")
    item = ethics.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["signer"] == "Ana Bell" and not item.reasons


@pytest.mark.parametrize("sentence", [
    "You were assessed on April 2, 2026 as eligible to sit the examination.",
    "She was assessed on April 2, 2026 for eligibility.",
    "You were tested on April 2, 2026 for eligibility (background check).",
    "The candidate was examined on April 2, 2026 to determine eligibility for the exam.",
    "You were tested on April 2, 2026 as part of the background check.",
])
def test_an_eligibility_assessment_is_not_the_exam_date(sentence: str) -> None:
    doc = lines("Dear Jane Doe,", sentence, "You passed the examination, which you took on May 1, 2026.")
    assert value_of(exam.extract, doc)["date"] != "2026-04-02"


def test_being_eligible_after_the_exam_keeps_its_date() -> None:
    """A guard on the eligibility rule: being eligible for what follows the exam is not an eligibility check."""
    doc = lines("Dear Jane Doe,", "You passed the examination, which you sat on May 1, 2026, and are now eligible "
                "for endorsement.")
    assert value_of(exam.extract, doc) == {"passed": True, "date": "2026-05-01"}


@pytest.mark.parametrize("assessment", ["Assessment date 04/02/2026", "Assessment date: 04/02/2026",
                                        "Date of assessment: 04/02/2026"])
def test_the_test_date_comes_before_an_assessment_date(assessment: str) -> None:
    doc = lines("Score report", assessment, "Test date 05/01/2026", "Result: Pass")
    assert value_of(exam.extract, doc) == {"passed": True, "date": "2026-05-01"}


def test_a_candidate_status_is_not_the_result() -> None:
    doc = lines("Examination Score Report", "Candidate: Jane Doe", "Candidate status: Eligible to test",
                "Result: Pass", "Exam date: 05/01/2026")
    assert value_of(exam.extract, doc) == {"passed": True, "date": "2026-05-01"}


@pytest.mark.parametrize("footer", ["2024 Code of Ethics, revised 03/01/2024", "03/01/2024 edition of the Code"])
def test_a_footer_under_a_blank_date_is_not_the_date_signed(footer: str) -> None:
    doc = lines("I, Ana Bell, agree to follow the Code of Ethics.", "Signature: /s/ Ana Bell", "Date", footer)
    item = ethics.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["date"] is None and "signature.date_missing" in item.reasons


@pytest.mark.parametrize("under_left", ["Applicant: Jane Doe", "/s/ Jane Doe", "Office use only"])
def test_a_date_caption_with_a_date_over_and_under_it_is_for_a_person(under_left: str) -> None:
    """Stacked signature blocks: which of the two dates the caption "Date" names, the layout alone does not say."""
    doc = doc_of((100, [(72, "Rater name: Ana Bell")]), (114, [(72, "Relationship to applicant: Supervisor")]),
                 (128, [(72, "Endorsement level: Level III")]),
                 (230, [(72, "/s/ Ana Bell"), (330, "05/20/2026")]), (244, [(72, "Signature"), (330, "Date")]),
                 (262, [(72, under_left), (330, "06/15/2026")]))
    item = reference.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["date"] == "2026-05-20" and item.confidence < 0.8 and item.reasons
