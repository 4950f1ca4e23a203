"""Form kinds read by structure: a verdict worked out from a score report's numbers, a plain "Name" whose section
says it is the rater's, an option followed by its gloss, the signer named in apposition to "I"."""

from __future__ import annotations

from typing import Any

import pytest

from extractors import ethics, exam, reference
from extractors.layout import DocText
from extractors.nlp import find_patterns
from pipeline.models import Item
from tests.test_extract_forms import doc_of, lines, value_of


def item_of(extract: Any, doc: DocText) -> Item:
    extraction = extract(doc, find_patterns(doc.text))
    assert len(extraction.items) == 1
    return extraction.items[0]  # type: ignore[no-any-return]


# --- exams: the verdict from the candidate's score and the passing score --------------------------------------

@pytest.mark.parametrize(("doc", "expected"), [
    (lines("Test date: 4/18/2026", "Total score: 512    Passing score: 500"), {"passed": True, "date": "2026-04-18"}),
    (lines("Test date: 4/18/2026", "Cut score: 65", "Candidate score: 61"), {"passed": False, "date": "2026-04-18"}),
    (doc_of((100, [(72, "Date of examination"), (260, "18 April 2026")]),
            (114, [(72, "Raw score"), (260, "140")]), (128, [(72, "Score required to pass"), (260, "140")])),
     {"passed": True, "date": "2026-04-18"}),
    (lines("Exam date: 2026-04-18", "Minimum score needed to pass = 70. Your final score = 69.5."),
     {"passed": False, "date": "2026-04-18"}),
    # the passing score after its number
    (lines("Exam date: 2026-04-18", "Score 82 of 100; 70 required to pass"), {"passed": True, "date": "2026-04-18"}),
    (doc_of((100, [(72, "Test date"), (200, "Score")]), (114, [(72, "04/18/2026"), (200, "61 / 65 to pass")])),
     {"passed": False, "date": "2026-04-18"}),
])
def test_a_verdict_from_the_score_and_the_passing_score(doc: DocText, expected: dict[str, Any]) -> None:
    item = item_of(exam.extract, doc)
    assert item.value == expected and not item.needs_review


@pytest.mark.parametrize("lines_", [
    ("Passing score: 70", "Maximum score: 100", "You answered 61 items correctly."),   # the top of the scale
    ("Passing score: 70", "National average score: 74"),                              # other people's scores
    ("Passing score: 70", "A score of 70 or higher is required.", "You answered 55 items correctly."),
    ("Cut score: 500", "Score: 800 maximum possible"),
    ("Your score: 62", "You must retake Part 2 to pass the examination."),            # a part, not a score
    ("Your score: 75", "You have until June 30, 2027 to pass the remaining section."),  # a year
    ("Your score: 142 points", "Passing score: 70%"),                                # points against a percentage
    ("Scaled score: 64%", "Pass mark: 450"),
])
def test_numbers_that_are_not_the_score_and_the_pass_mark_decide_nothing(lines_: tuple[str, ...]) -> None:
    item = item_of(exam.extract, lines("Exam date: 4/18/2026", *lines_))
    assert item.value["passed"] is None and "exam.result_unclear" in item.reasons


def test_a_computed_verdict_is_under_the_confidence_of_a_stated_one() -> None:
    item = item_of(exam.extract, lines("Exam date: 4/18/2026", "Your score: 82", "Passing score: 70"))
    assert item.value["passed"] is True and 0.8 <= item.confidence < 0.9


def test_a_stated_verdict_and_a_deadline_to_pass_are_no_conflict() -> None:
    item = item_of(exam.extract, lines("Exam date: 4/18/2026", "Result: Pass", "Your score: 75",
                                       "You have until June 30, 2027 to pass the remaining section."))
    assert item.value["passed"] is True and not item.needs_review


@pytest.mark.parametrize("lines_", [
    ("Score range: 200-800", "Passing score: 500"),                        # a range is no score
    ("Section A score: 61", "Section B score: 80", "Passing score: 70"),   # several scores: which one decides?
    ("Your score: 75",),                                                    # no passing score to compare with
    ("Your score: 75/100", "Pass mark: 70/100"),                            # fractions are left to the words
    ("You need 70 points to pass.", "Retake within 30 days to pass the cycle."),  # a passing score alone
])
def test_no_verdict_without_one_score_and_one_passing_score(lines_: tuple[str, ...]) -> None:
    item = item_of(exam.extract, lines("Exam date: 4/18/2026", *lines_))
    assert item.value["passed"] is None and "exam.result_unclear" in item.reasons


@pytest.mark.parametrize(("grade", "expected"), [
    ("Overall grade: PASS", True), ("Final grade: Fail", False), ("Examination grade: Passed", True),
])
def test_a_grade_label_states_the_verdict(grade: str, expected: bool) -> None:
    item = item_of(exam.extract, lines("Exam date: 4/18/2026", grade))
    assert item.value["passed"] is expected and not item.needs_review


@pytest.mark.parametrize("grade", ["Grade: B+", "Grade: Pass/Fail", "Test grade: Pass / Fail basis"])
def test_a_grade_that_is_no_verdict_is_none(grade: str) -> None:
    item = item_of(exam.extract, lines("Exam date: 4/18/2026", grade))
    assert item.value["passed"] is None and item.needs_review


def test_a_stated_verdict_the_scores_contradict_goes_to_a_person() -> None:
    item = item_of(exam.extract, lines("Exam date: 4/18/2026", "Result: Pass", "Your score: 61  Passing score: 70"))
    assert item.value["passed"] is True and "exam.result_conflict" in item.reasons


@pytest.mark.parametrize(("sentence", "expected"), [
    ("This certifies that Jane Q. Doe has successfully passed the written examination taken on May 5, 2026.", True),
    ("This is to certify that Jane Doe passed the competency examination held on 5/5/2026.", True),
    ("Marcus Lee did not pass the examination administered on 2026-05-05.", False),
])
def test_a_certificate_states_the_verdict_of_a_named_person(sentence: str, expected: bool) -> None:
    assert value_of(exam.extract, lines("Certificate", sentence)) == {"passed": expected, "date": "2026-05-05"}


@pytest.mark.parametrize(("ticks", "expected"), [
    ("Result (check one): Pass [X]   Fail [ ]", True), ("Outcome (mark one): Pass ☒  Fail ☐", True),
    ("Verdict (tick one): Pass [ ]  Fail [X]", False), ("Outcome (choose one): Fail [ ]  Pass [X]", True),
])
def test_a_labels_aside_in_brackets_is_no_box(ticks: str, expected: bool) -> None:
    item = item_of(exam.extract, lines("Exam date: 5/5/2026", ticks))
    assert item.value["passed"] is expected and not item.needs_review


@pytest.mark.parametrize("rows", [
    ("First attempt: [X] Fail  [ ] Pass", "Second attempt: [X] Pass  [ ] Fail"),
    ("Part 1: Pass [X]  Fail [ ]", "Part 2: Pass [ ]  Fail [X]"),
])
def test_several_lines_of_verdict_boxes_go_to_a_person(rows: tuple[str, ...]) -> None:
    item = item_of(exam.extract, lines("Exam date: 5/5/2026", *rows))
    assert item.value["passed"] is None and "exam.result_unclear" in item.reasons


@pytest.mark.parametrize("rows", [
    ("Candidate: Maria Lopez", "Passing point: 70", "You answered 58 items correctly."),
    ("Licensing Examination Score Report", "Passing Scaled Score: 75", "Scaled score achieved: 71"),
    ("Exam Result", "Passing score: 70", "You scored 65."),
    ("Your performance was not sufficient to earn a passing score.",
     "The State Counselor Examination passing score is 70."),
    ("Candidate: Maria Lopez", "Failed attempts: 1 (2025)", "Congratulations on your result."),
    ("Score Report for Daniel Kim", "Passing Standard: 70"),
])
def test_a_title_cased_line_before_passing_or_failed_names_no_one(rows: tuple[str, ...]) -> None:
    item = item_of(exam.extract, lines("Exam date: 4/18/2026", *rows))
    assert item.value["passed"] is None and "exam.result_unclear" in item.reasons


@pytest.mark.parametrize(("rows", "expected"), [
    (("We regret to inform you that you did not pass the examination.", "Score Report", "Passing score: 70"), False),
    (("We regret that you were not successful on this attempt.",
      "The Certified Health Educator passing standard is published online."), False),
])
def test_a_letters_verdict_stands_beside_a_title_cased_passing_line(rows: tuple[str, ...], expected: bool) -> None:
    item = item_of(exam.extract, lines("Exam date: 4/18/2026", *rows))
    assert item.value["passed"] is expected and not item.needs_review


@pytest.mark.parametrize(("ticks", "expected"), [
    ("[X] Pass   [ ] Fail", True), ("Pass [ ]   Fail [X]", False), ("Outcome ☐ Pass ☒ Fail", False),
])
def test_unlabelled_verdict_boxes_are_read_by_the_ticked_one(ticks: str, expected: bool) -> None:
    assert value_of(exam.extract, lines("Exam date: 5/5/2026", ticks))["passed"] is expected


@pytest.mark.parametrize("ticks", ["[ ] Pass   [ ] Fail", "Pass [X]   Fail [X]"])
def test_verdict_boxes_none_or_both_ticked_are_unclear(ticks: str) -> None:
    item = item_of(exam.extract, lines("Exam date: 5/5/2026", ticks))
    assert item.value["passed"] is None and "exam.result_unclear" in item.reasons


@pytest.mark.parametrize(("label", "verdict", "expected"), [
    ("Result", "PASS", True), ("Exam outcome", "Not passed", False),
])
def test_a_verdict_printed_under_its_label(label: str, verdict: str, expected: bool) -> None:
    assert value_of(exam.extract, lines("Exam date: 5/5/2026", label, verdict))["passed"] is expected


# --- references: the rater's section, an option and its gloss ---------------------------------------------------

def _form(*rows: tuple[str, str] | str) -> DocText:
    """A form's rows: a heading standing alone, or a label cell and its value cell."""
    built: list[tuple[float, list[tuple[float, str]]]] = []
    for i, row in enumerate(rows):
        cells = [(72.0, row)] if isinstance(row, str) else [(72.0, row[0]), (300.0, row[1])]
        built.append((100.0 + 14 * i, cells))
    return doc_of(*built)


@pytest.mark.parametrize("doc", [
    _form("Section B - Referee details", ("Name", "Ana Bell"), ("Organisation", "Harbor Family Services"),
          ("Date", "May 20, 2026")),
    _form("Applicant: Joe Roe", "YOUR INFORMATION", ("Full name:", "Ana Bell"), ("Date signed:", "5/20/2026")),
    lines("Step 2: Information about you", "Name: Ana Bell", "Date completed: 2026-05-20"),
])
def test_a_plain_name_in_the_raters_section_is_the_rater(doc: DocText) -> None:
    assert value_of(reference.extract, doc)["rater"] == "Ana Bell"


@pytest.mark.parametrize("doc", [
    _form("Part 1. Applicant information", ("Name", "Joe Roe"), "Part 2. About you", ("Telephone", "555-0100")),
    _form("About you", ("Telephone", "555-0100"), "Part 2. About the applicant", ("Name", "Joe Roe")),
    _form("Referee details", ("Name", "Harbor Family Services Inc.")),
    # a "your information" heading in the part the applicant fills in is the applicant's
    _form("Part A - To be completed by the applicant", "Your information", ("Name:", "Joe Roe"), ("Phone:", "555-0100"),
          "Part B - To be completed by the reference", ("Relationship to applicant:", "Clinical supervisor")),
    _form("Section to be filled out by the candidate", "Your details", ("Full name", "Joe Roe")),
    # the section ends at any heading standing alone
    _form("Referee details", ("Phone", "555-0100"), ("Email", "ana@example.org"), "Person being recommended",
          ("Name", "Joe Roe")),
    _form("Your details", ("Telephone", "555-0100"), "Applicant", ("Name", "Joe Roe")),
    _form("Your contact details", ("Telephone", "555-0100"), "Supervisee", ("Full name:", "Joe Roe")),
    # the applicant's name as the form prints it is never the rater's
    _form("Applicant: Joe Roe", "Your information", ("Name:", "Joe Roe")),
])
def test_a_name_outside_the_raters_section_is_not_the_rater(doc: DocText) -> None:
    item = item_of(reference.extract, doc)
    assert item.value["rater"] is None and "reference.rater_missing" in item.reasons


@pytest.mark.parametrize(("label", "answer", "expected"), [
    ("Context in which you have known the applicant:", "Supervisee – she is my clinical supervisor", "supervisee"),
    ("Role in which you have worked with the candidate:", "Student – the candidate was my supervisor", "student"),
])
def test_an_option_and_its_gloss_is_read_by_the_option(label: str, answer: str, expected: str) -> None:
    assert value_of(reference.extract, lines(f"{label} {answer}"))["relationship"] == expected


@pytest.mark.parametrize("answer", [
    "Colleague and supervisor", "Supervisor, then colleague", "Former supervisor - currently a colleague",
    "Colleague - formerly her supervisor", "Colleague — we shared a caseload under one supervisor",
])
def test_an_answer_naming_two_relationships_is_unclear(answer: str) -> None:
    item = item_of(reference.extract, lines(f"Relationship to applicant: {answer}"))
    assert item.value["relationship"] is None and "reference.relationship_unclear" in item.reasons


def _signature_block(caption: str) -> DocText:
    """A reference form with no name field: a name over a signature caption, the date over its own."""
    return doc_of((100, [(72, "Relationship to applicant: Colleague")]),
                  (140, [(72, "Ana Bell"), (320, "May 20, 2026")]), (154, [(72, caption), (320, "Date")]))


@pytest.mark.parametrize("caption", ["Referee signature", "Signature of the evaluator", "Signature of reference"])
def test_a_name_over_the_raters_signature_caption_is_the_rater(caption: str) -> None:
    assert value_of(reference.extract, _signature_block(caption))["rater"] == "Ana Bell"


@pytest.mark.parametrize("caption", ["Signature", "Applicant signature"])
def test_a_name_over_a_signature_caption_of_no_one_in_particular_is_not_the_rater(caption: str) -> None:
    item = item_of(reference.extract, _signature_block(caption))
    assert item.value["rater"] is None and "reference.rater_missing" in item.reasons


def test_a_rater_section_and_a_signature_naming_two_people_go_to_a_person() -> None:
    doc = doc_of((100, [(72, "About you")]), (114, [(72, "Name:"), (240, "Ana Bell")]),
                 (140, [(72, "Joe Roe"), (320, "May 20, 2026")]), (154, [(72, "Signature of referee"), (320, "Date")]))
    item = item_of(reference.extract, doc)
    assert item.value["rater"] == "Ana Bell" and "reference.rater_unclear" in item.reasons


# --- ethics: the signer in apposition to "I" -----------------------------------------------------------------

@pytest.mark.parametrize("statement", [
    "I, Ana Bell, have read the standards of conduct above and accept them.",
    "I, Ana Bell, the undersigned, commit to the principles above.",
    "I, Ana Bell, pledge to uphold these standards in my practice.",
])
def test_the_signer_named_in_apposition_to_i(statement: str) -> None:
    assert value_of(ethics.extract, lines(statement, "Signature:", "Date: 5/20/2026"))["signer"] == "Ana Bell"


@pytest.mark.parametrize("statement", [
    "I, Ana Bell, witnessed the signing of this agreement.",
    "I, Ana Bell, as clinical supervisor, have discussed this code with the signer above.",
    "I, Ana Bell, notary public, state that the person named above appeared before me.",
    "I, Ana Bell, have reviewed these standards with my supervisee.",
])
def test_a_witness_or_supervisor_in_apposition_to_i_is_not_the_signer(statement: str) -> None:
    doc = lines("I have read and agree to abide by the Code of Ethics.", "Signature:", "Date: 5/20/2026", "Witness",
                statement)
    item = item_of(ethics.extract, doc)
    assert item.value["signer"] is None and "signature.signer_missing" in item.reasons


def test_a_name_typed_on_the_signature_line_is_not_overridden_by_a_witness() -> None:
    doc = lines("I have read and agree to abide by the Code of Ethics.", "Signature: /s/ J. Roe", "Date: 5/20/2026",
                "I, Ana Bell, witnessed the signing of this agreement.")
    item = item_of(ethics.extract, doc)
    assert item.value["signer"] == "J. Roe" and not item.needs_review


def test_a_witness_attesting_about_the_applicant_is_not_the_signer() -> None:
    doc = lines("I, Ana Bell, have supervised the applicant and vouch for her.", "Signature:", "Date: 5/20/2026")
    assert value_of(ethics.extract, doc)["signer"] is None


@pytest.mark.parametrize(("result", "expected"), [
    ("Result: Fail (passing score 70)", False),
    ("Result: Failed - a passing score is required to apply", False),
    ("Result: Did not pass (Part 1 passed; Part 2 failed)", False),
    ("Exam status: Failed (passing standard not met)", False),
    ("Result: Passed (Pass/Fail grading)", True),
    ("Status: Passed - 2nd attempt (1st attempt failed)", True),
])
def test_a_stated_verdict_stands_whatever_verdict_words_follow_it(result: str, expected: bool) -> None:
    """The verdict read is the stated one; the words after it in its cell leave it to a person (exam.result_unclear,
    session 13's sure shape of a verdict cell), and a rule of the programme in a condition ("Once you have passed
    ...") states no other verdict."""
    item = item_of(exam.extract, lines("Exam Score Report", "Candidate: Jane Doe", "Exam date: 05/12/2026", result,
                                       "Once you have passed both parts you may apply for endorsement."))
    assert item.value["passed"] is expected
    assert "exam.result_conflict" not in item.reasons and set(item.reasons) <= {"exam.result_unclear"}


@pytest.mark.parametrize("rule", [
    "Once you have passed both parts you may apply for endorsement.",
    "If you passed, your certificate will follow by mail.",
    "Unless you failed a part, no further step is needed.",
])
def test_a_rule_in_a_condition_states_no_other_verdict(rule: str) -> None:
    item = item_of(exam.extract, lines("Exam Score Report", "Candidate: Jane Doe", "Exam date: 05/12/2026",
                                       "Result: Fail", rule))
    assert item.value["passed"] is False and not item.needs_review


@pytest.mark.parametrize("statement", [
    "Jane Doe retook the exam on 06/20/2026 and passed.",
    "She sat the exam again once her appeal was upheld and passed it.",
    "The certificate was held back until she passed the second sitting.",
])
def test_a_verdict_stated_in_a_sentence_still_conflicts(statement: str) -> None:
    """A condition word in another clause, or a past 'until she passed', states a verdict: no rule of the
    programme (review r13n finding 1)."""
    item = item_of(exam.extract, lines("Exam Score Report", "Candidate: Jane Doe", "Exam date: 05/12/2026",
                                       "Result: Fail", statement))
    assert item.needs_review and "exam.result_conflict" in item.reasons


def test_a_letters_sentence_under_a_result_label_it_cannot_read_goes_to_a_person() -> None:
    item = item_of(exam.extract, lines("Exam date: 05/12/2026", "Result: Pass or fail",
                                       "If you passed, your certificate will be mailed within 30 days."))
    assert item.needs_review


@pytest.mark.parametrize("sentence", ["This certifies that Jane Doe passed.", "We confirm that Jane Doe passed"])
def test_a_named_person_who_passed_at_the_end_of_the_sentence(sentence: str) -> None:
    assert value_of(exam.extract, lines("Exam date: 4/18/2026", sentence))["passed"] is True


def test_an_agreement_the_signer_certifies_names_the_signer() -> None:
    doc = lines("I, Jane Doe, certify that I will follow the Code of Ethics.", "Signature:", "Date: 5/20/2026")
    assert value_of(ethics.extract, doc)["signer"] == "Jane Doe"


@pytest.mark.parametrize("sub_heading", ["Contact details", "Your credentials", "Current position"])
def test_a_sub_heading_of_the_raters_own_details_does_not_end_the_section(sub_heading: str) -> None:
    doc = _form("Section 2: About you", sub_heading, ("Name:", "Ana Bell"), ("Date:", "5/20/2026"))
    assert value_of(reference.extract, doc)["rater"] == "Ana Bell"


@pytest.mark.parametrize("organisation", [
    "Rocky Mountain Infant Mental Health Collaborative", "Great Lakes Early Childhood Consortium",
    "Northern Plains Infant Mental Health Coalition", "Statewide Early Childhood Initiative",
])
def test_a_body_of_people_in_the_name_field_is_no_signer(organisation: str) -> None:
    item = item_of(ethics.extract, lines("I agree to abide by the Code of Ethics.", f"Name: {organisation}",
                                         "Signature: ____", "Date: 5/20/2026"))
    assert item.value["signer"] is None and item.needs_review
