"""Form kinds (reference, ethics, exam): the wordings and layouts other institutions use for the same fields.

Written from how such paper is commonly worded, not from any one fixture: other names for each field, a
question wrapped in a left column with its answer beside it, a ruled box whose small caption stands over a
larger value. Each row also guards the distractors (a date generated, mailed or received; a rater's job title).
"""

from __future__ import annotations

from typing import Any

import pytest

from extractors import ethics, exam, reference
from extractors.layout import DocText, build_text
from extractors.nlp import find_patterns
from pipeline.models import Page, Word
from tests.test_extract_forms import CHAR_WIDTH, doc_of, lines, value_of


def sized_doc(*rows: tuple[float, float, list[tuple[float, str]]]) -> DocText:
    """A text-layer page from rows of (top, font size, [(x0, cell text)]): captions small, values large."""
    words = []
    for top, size, cells in rows:
        width = CHAR_WIDTH * size / 10
        for x0, text in cells:
            x = x0
            for token in text.split():
                words.append(Word(text=token, bbox=(x, top, x + width * len(token), top + size), confidence=1.0,
                                  source="text_layer"))
                x += width * (len(token) + 1)
    return build_text("doc", [Page(number=1, width=612, height=792, source="text_layer", words=words)])


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
