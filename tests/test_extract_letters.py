"""Exam results, memberships and employment verifications: wordings and layouts beyond the tune documents' own."""

from __future__ import annotations

from typing import Any, Literal

import pytest

from extractors import employment, exam, membership
from extractors.form_letters import date_after
from extractors.layout import DocText, build_text
from extractors.nlp import find_patterns
from pipeline.models import Page, Word
from tests.test_extract_forms import doc_of, lines, value_of


def scanned_lines(*texts: str, source: Literal["ocr", "text_layer"] = "ocr") -> DocText:
    """Lines one under the other as words with boxes, read by OCR (confidence 0.95) unless said otherwise."""
    words = []
    for row, text in enumerate(texts):
        x = 72.0
        for token in text.split():
            words.append(Word(text=token, bbox=(x, 100 + 14 * row, x + 6 * len(token), 110 + 14 * row),
                              confidence=0.95, source=source))
            x += 6 * (len(token) + 1)
    return build_text("doc", [Page(number=1, width=612, height=792, source=source, words=words)])


def grid(*rows: tuple[str, ...]) -> DocText:
    """A two- or more-column grid: one row of cells a line, the columns 180 points apart."""
    return doc_of(*[(100.0 + 16 * i, [(72.0 + 180 * j, cell) for j, cell in enumerate(row)])
                    for i, row in enumerate(rows)])


# --- values under their column names -------------------------------------------------------------------------

@pytest.mark.parametrize(("doc", "expected"), [
    # names over values, two pairs a row; a yes under "Still employed" means the period runs to the present
    (grid(("Employment Verification Report",), ("Employee", "Employer"), ("Bo Lee", "Riverbend Family Services"),
          ("Job Title", "Hire Date"), ("Program Manager", "November 8, 2010"),
          ("Still employed", "Employer address"), ("Yes", "12 Elm Street, Northfield"),
          ("Job Description",), ("supervising a team of home visitors",)),
     {"employer": "Riverbend Family Services", "role": "Program Manager", "start": "2010-11-08", "end": None,
      "duties": "supervising a team of home visitors"}),
    (grid(("Employee Name", "Employer Name"), ("Bo Lee", "Harbor Point Center"),
          ("Position", "Date of Hire"), ("Reflective Supervisor", "2017-09-22"),
          ("Separation Date", "Department"), ("2022-03-25", "Infant Services"),
          ("Job Description",), ("leading reflective practice groups",)),
     {"employer": "Harbor Point Center", "role": "Reflective Supervisor", "start": "2017-09-22", "end": "2022-03-25",
      "duties": "leading reflective practice groups"}),
    # one header row over one row of values
    (grid(("Employer", "Job title", "Start date", "End date"),
          ("Eastmoor Health", "Therapist", "03/03/2015", "Current"), ("Duties: home visiting",)),
     {"employer": "Eastmoor Health", "role": "Therapist", "start": "2015-03-03", "end": None,
      "duties": "home visiting"}),
])
def test_employment_grids(doc: DocText, expected: dict[str, Any]) -> None:
    assert value_of(employment.extract, doc) == expected


def test_employment_still_employed_no_without_an_end_is_flagged() -> None:
    doc = grid(("Employee", "Employer"), ("Bo Lee", "Riverbend Family Services"), ("Job Title", "Hire Date"),
               ("Program Manager", "November 8, 2010"), ("Still employed", "Employer address"),
               ("No", "12 Elm Street"), ("Job Description",), ("home visiting",))
    item = employment.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["end"] is None and "employment.end_unreadable" in item.reasons


@pytest.mark.parametrize(("doc", "expected"), [
    # a results table under a printed timestamp; the appointment is the sitting
    (grid(("03/21/2025, 9:18 AM", "Candidate Portal"), ("Testing window", "February 10-22, 2025"),
          ("Exam", "Appointment Date", "Status", "Score"),
          ("IMH Exam (Level IV)", "02/15/2025", "Not passed", "62 / 70")),
     {"passed": False, "date": "2025-02-15"}),
    (grid(("Examination", "Session Date", "Result"), ("Level III written", "Oct 16, 2026", "Passed")),
     {"passed": True, "date": "2026-10-16"}),
    (grid(("Test", "Date Administered", "Pass/Fail", "Scaled score"), ("Level IV", "2025-01-15", "Pass", "76")),
     {"passed": True, "date": "2025-01-15"}),
    # a portal's exam history: the attempt's state before its verdict, the date under "Taken on"
    (grid(("Examination", "Taken on", "Status"), ("Level IV written", "15-JAN-2025", "Completed - Passed")),
     {"passed": True, "date": "2025-01-15"}),
    (grid(("Exam", "Sat on", "Status", "Score"), ("Level III", "March 4, 2025", "Scored: Not passed", "58 / 70")),
     {"passed": False, "date": "2025-03-04"}),
    # a scan read the ruling between two columns as a bar and joined their cells
    (doc_of((100, [(72, "Examination"), (160, "Taken on"), (250, "Status")]),
            (114, [(72, "Level IV"), (160, "2025-01-15 | Passed")])),
     {"passed": True, "date": "2025-01-15"}),
    # a decision notice: captions over values, two a row, with the candidate's number and the seating offered
    (grid(("Candidate", "Candidate No."), ("Bo Lee", "X-1234"), ("Date Examination Taken", "Decision"),
          ("Oct 2, 2025", "Standard not met"), ("Score / Required", "Seating offered"),
          ("61 / 70", "Sept 29-Oct 10, 2025")),
     {"passed": False, "date": "2025-10-02"}),
])
def test_exam_results_tables(doc: DocText, expected: dict[str, Any]) -> None:
    assert value_of(exam.extract, doc) == expected


@pytest.mark.parametrize(("sentence", "passed"), [
    ("The Board finds that the candidate has NOT MET the passing standard.", False),
    ("We regret that you have not met the passing standard.", False),
])
def test_exam_verdict_on_the_passing_standard(sentence: str, passed: bool) -> None:
    assert value_of(exam.extract, lines(sentence, "Date of examination: 2025-04-09"))["passed"] is passed


@pytest.mark.parametrize(("texts", "expected"), [
    (("Sitting date: 4/9/2025", "Result: Achieved"), {"passed": True, "date": "2025-04-09"}),
    (("Date of appointment: April 9, 2025", "Outcome: Not achieved"), {"passed": False, "date": "2025-04-09"}),
    (("Administration date: 2025-04-09", "Status: Below passing standard"), {"passed": False, "date": "2025-04-09"}),
    (("Date administered: 2025-04-09", "Pass/Fail: Not successful"), {"passed": False, "date": "2025-04-09"}),
    (("Attempt date: 2025-04-09", "Result: Above passing standard"), {"passed": True, "date": "2025-04-09"}),
    (("Administered on: 2025-04-09", "Status: Results released - Fail"), {"passed": False, "date": "2025-04-09"}),
    (("Taken on: April 9, 2025", "Status: Complete / Pass"), {"passed": True, "date": "2025-04-09"}),
    # a decision naming the standard first; the date the examination was taken
    (("Date examination taken: 2025-04-09", "Decision: Standard not met"), {"passed": False, "date": "2025-04-09"}),
    (("Date of exam sat: April 9, 2025", "Decision: Passing standard met"), {"passed": True, "date": "2025-04-09"}),
    (("Date test administered: 4/9/2025", "Outcome: Requirements not met"), {"passed": False, "date": "2025-04-09"}),
])
def test_exam_label_synonyms(texts: tuple[str, ...], expected: dict[str, Any]) -> None:
    assert value_of(exam.extract, lines(*texts)) == expected


# --- membership: expiry and organisation synonyms ------------------------------------------------------------

@pytest.mark.parametrize(("texts", "expected"), [
    (("Texas Institute for Infant Mental Health", "Member through: 12/31/2026"), "2026-12-31"),
    (("Ohio Association for Infant Mental Health", "Dues paid to: June 30, 2027"), "2027-06-30"),
    (("Ohio Association for Infant Mental Health", "Member since: 2019-04-02",
      "Membership expiration date: 2026-12-31"), "2026-12-31"),
    (("Ohio Association for Infant Mental Health", "Membership ends: 09/30/2026"), "2026-09-30"),
    (("Ohio Association for Infant Mental Health", "Membership year: 01/01/2026 - 12/31/2026"), "2026-12-31"),
    (("Ohio Association for Infant Mental Health", "Valid: Jan 1, 2026 to Dec 31, 2026"), "2026-12-31"),
    (("Ohio Association for Infant Mental Health", "Joined March 3, 2019.",
      "Your membership is valid from January 1, 2026 to December 31, 2026."), "2026-12-31"),
    (("Ohio Association for Infant Mental Health", "Your membership will expire on 6/30/2027."), "2027-06-30"),
    (("Ohio Association for Infant Mental Health", "Your membership was renewed through August 31, 2026."),
     "2026-08-31"),
])
def test_membership_expiry_synonyms(texts: tuple[str, ...], expected: str) -> None:
    value = value_of(membership.extract, lines(*texts))
    assert value["valid_through"] == expected and value["organization"].endswith("Infant Mental Health")


@pytest.mark.parametrize(("texts", "expected"), [
    (("MEMBERSHIP CARD", "Member of: Texas Federation for Infant Mental Health", "Valid through: 12/31/2026"),
     "Texas Federation for Infant Mental Health"),
    (("Rocky Mountain Infant Mental Health Collaborative", "Valid through: 12/31/2026"),
     "Rocky Mountain Infant Mental Health Collaborative"),
    (("Issued by: Georgia Institute of Infant Mental Health", "Valid through: 12/31/2026"),
     "Georgia Institute of Infant Mental Health"),
])
def test_membership_organisation_synonyms(texts: tuple[str, ...], expected: str) -> None:
    assert value_of(membership.extract, lines(*texts))["organization"] == expected


# --- employment duties under their heading -------------------------------------------------------------------

def test_employment_duties_stop_before_a_footer_set_close_under_them() -> None:
    doc = lines("Employer: Riverbend Family Services", "Job title: Therapist", "Start date: 2011-08-03",
                "End date: Current", "Job Description", "home visiting with infants and their parents",
                "Provided by Riverbend Family Services at the employee's request. Contact: Ann Lee.")
    assert value_of(employment.extract, doc)["duties"] == "home visiting with infants and their parents"


@pytest.mark.parametrize(("duties", "unclear"), [
    ("consultation to communi ty partners", True),
    ("consultation to community partners as needed", False),
])
def test_employment_ocr_duties_with_a_split_word_are_flagged(duties: str, unclear: bool) -> None:
    doc = scanned_lines("Employer: Riverbend Family Services", "Job title: Therapist", "Start date: 2011-08-03",
                        "End date: Current", f"Duties: {duties}")
    item = employment.extract(doc, find_patterns(doc.text)).items[0]
    assert ("employment.duties_unclear" in item.reasons) is unclear


# --- employment: periods in sentences and labelled as a whole ------------------------------------------------

@pytest.mark.parametrize(("texts", "expected"), [
    (("Bo Lee was employed by Riverbend Family Services from March 3, 2015 to June 30, 2019 as a Home Visitor.",
      "Duties included home visiting."),
     {"employer": "Riverbend Family Services", "role": "Home Visitor", "start": "2015-03-03", "end": "2019-06-30",
      "duties": "home visiting"}),
    (("Bo Lee has worked at Riverbend Family Services since 03/03/2015 as Program Manager, where she leads a team.",
      "Responsibilities include supervision."),
     {"employer": "Riverbend Family Services", "role": "Program Manager", "start": "2015-03-03", "end": None,
      "duties": "supervision"}),
    (("Bo Lee worked for Riverbend Family Services as a Therapist between August 3, 2011 and January 31, 2019.",
      "Duties included home visiting."),
     {"employer": "Riverbend Family Services", "role": "Therapist", "start": "2011-08-03", "end": "2019-01-31",
      "duties": "home visiting"}),
    (("Bo Lee is currently employed as Clinical Director at Harbor Point Center since 2017-09-22.",
      "Duties include directing clinical services."),
     {"employer": "Harbor Point Center", "role": "Clinical Director", "start": "2017-09-22", "end": None,
      "duties": "directing clinical services"}),
    (("Employee: Bo Lee", "Employer: Riverbend Family Services", "Position: Therapist",
      "Dates of employment: 08/03/2011 - Present", "Duties: home visiting"),
     {"employer": "Riverbend Family Services", "role": "Therapist", "start": "2011-08-03", "end": None,
      "duties": "home visiting"}),
    (("Employer: Riverbend Family Services", "Position: Therapist", "Employment dates: 08/03/2011 to 01/31/2019",
      "Duties: home visiting"),
     {"employer": "Riverbend Family Services", "role": "Therapist", "start": "2011-08-03", "end": "2019-01-31",
      "duties": "home visiting"}),
    (("Employer: Riverbend Family Services", "Position: Therapist",
      "Period of employment: August 3, 2011 - January 31, 2019", "Duties: home visiting"),
     {"employer": "Riverbend Family Services", "role": "Therapist", "start": "2011-08-03", "end": "2019-01-31",
      "duties": "home visiting"}),
    (("Bo Lee has been a Reflective Supervisor with Harbor Point Center since March 3, 2017.",
      "Duties include supervision."),
     {"employer": "Harbor Point Center", "role": "Reflective Supervisor", "start": "2017-03-03", "end": None,
      "duties": "supervision"}),
    # label synonyms
    (("Name of employer: Riverbend Family Services", "Position held: Therapist", "Date started: 2011-08-03",
      "Date left: 2019-01-31", "Duties: home visiting"),
     {"employer": "Riverbend Family Services", "role": "Therapist", "start": "2011-08-03", "end": "2019-01-31",
      "duties": "home visiting"}),
    (("Employing agency: Riverbend Family Services", "Occupation: Therapist", "Employed since: 2011-08-03",
      "Employment status: Active", "Duties: home visiting"),
     {"employer": "Riverbend Family Services", "role": "Therapist", "start": "2011-08-03", "end": None,
      "duties": "home visiting"}),
    (("Organization: Riverbend Family Services", "Job Title/Position: Therapist", "Commencement date: 2011-08-03",
      "Resignation date: 2019-01-31", "Duties: home visiting"),
     {"employer": "Riverbend Family Services", "role": "Therapist", "start": "2011-08-03", "end": "2019-01-31",
      "duties": "home visiting"}),
    # a request form: labels with an apostrophe, "Employed from / until", the duties asked for, a ticked status
    (("Applicant's name: Bo Lee", "Employer's name: Riverbend Family Services", "Position held: Therapist",
      "Employed from: 2011-08-03", "Employed until: 2019-01-31", "[ ] Still employed here",
      "[x] No longer employed here", "Describe the applicant's main duties:", "home visiting"),
     {"employer": "Riverbend Family Services", "role": "Therapist", "start": "2011-08-03", "end": "2019-01-31",
      "duties": "home visiting"}),
    (("Employer's name: Riverbend Family Services", "Position held: Therapist", "Employed from: 2011-08-03",
      "Employed until:", "X Still employed here", "No longer employed here", "Describe the employee's duties:",
      "home visiting"),
     {"employer": "Riverbend Family Services", "role": "Therapist", "start": "2011-08-03", "end": None,
      "duties": "home visiting"}),
])
def test_employment_period_wordings(texts: tuple[str, ...], expected: dict[str, Any]) -> None:
    assert value_of(employment.extract, lines(*texts)) == expected


@pytest.mark.parametrize("ongoing", ["Ongoing", "Active", "Not applicable", "To date"])
def test_employment_end_field_saying_still_there(ongoing: str) -> None:
    doc = lines("Employer: Riverbend Family Services", "Position: Therapist", "Start date: 2011-08-03",
                f"End date: {ongoing}", "Duties: home visiting")
    item = employment.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["end"] is None and not item.needs_review


def test_employment_no_longer_employed_ticked_without_an_end_is_flagged() -> None:
    doc = lines("Employer's name: Riverbend Family Services", "Position held: Therapist", "Employed from: 2011-08-03",
                "Employed until:", "[ ] Still employed here", "[x] No longer employed here")
    item = employment.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["end"] is None and "employment.end_unreadable" in item.reasons


def test_employment_duties_stop_at_the_verifier_sign_off() -> None:
    doc = lines("Employer: Riverbend Family Services", "Position: Therapist", "Start date: 2011-08-03",
                "End date: Ongoing", "Job Description", "home visiting with families and their infants",
                "Completed by Ana Bell, Human Resources", "Date completed 2026-05-20")
    assert value_of(employment.extract, doc)["duties"] == "home visiting with families and their infants"


def test_employment_praise_is_not_a_role() -> None:
    doc = lines("Bo Lee has been a valued member of the staff at Riverbend since March 3, 2015.")
    assert [f.code for f in employment.extract(doc, find_patterns(doc.text)).flags] == ["employment.no_period"]


def test_employment_labelled_period_without_an_end_is_flagged() -> None:
    doc = lines("Employer: Riverbend Family Services", "Position: Therapist", "Dates of employment: 08/03/2011 -",
                "Duties: home visiting")
    item = employment.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["start"] == "2011-08-03" and "employment.end_unreadable" in item.reasons


# --- exam: a results letter's other wordings -----------------------------------------------------------------

@pytest.mark.parametrize(("texts", "expected"), [
    (("May 2, 2025", "Dear Bo Lee,", "Congratulations on passing the Level IV examination, held on April 9, 2025."),
     {"passed": True, "date": "2025-04-09"}),
    (("May 2, 2025", "The candidate did not achieve a passing score.", "The examination was administered on 4/9/2025."),
     {"passed": False, "date": "2025-04-09"}),
    (("May 2, 2025", "You passed the Level III written examination on April 9, 2025."),
     {"passed": True, "date": "2025-04-09"}),
    (("May 2, 2025", "Your score of 62 is below the passing standard of 70.",
      "You attempted the examination on 2025-04-09."), {"passed": False, "date": "2025-04-09"}),
    (("May 2, 2025", "Your scaled score of 76 meets the passing standard.", "Exam held on: 04/09/2025"),
     {"passed": True, "date": "2025-04-09"}),
    (("May 2, 2025", "We are pleased to tell you that you have successfully passed the examination you sat on",
      "April 9, 2025."), {"passed": True, "date": "2025-04-09"}),
])
def test_exam_letter_wordings(texts: tuple[str, ...], expected: dict[str, Any]) -> None:
    assert value_of(exam.extract, lines(*texts)) == expected


@pytest.mark.parametrize(("result", "passed"), [
    ("Result: [X] Pass   [ ] Fail", True),
    ("Result: [ ] Pass   [X] Fail", False),
    ("Result: ☐ Pass ☒ Fail", False),
    ("Result: [X] Pass   [X] Fail", None),  # both ticked: unclear, flagged
    ("Result: [ ] Pass   [ ] Fail", None),  # none ticked
])
def test_exam_result_by_tick_box(result: str, passed: bool | None) -> None:
    doc = lines("Exam date: 04/09/2025", result)
    item = exam.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["passed"] is passed and ("exam.result_unclear" in item.reasons) is (passed is None)


@pytest.mark.parametrize(("texts", "expected", "score"), [
    (("Welcome to the Michigan Association for Infant Mental Health!", "Valid through 12/31/2026."),
     "Michigan Association for Infant Mental Health", 0.85),
    (("Welcome, Bo Lee! Your Ohio Association for Infant Mental Health card is below.", "Expires 6/30/27"),
     "Ohio Association for Infant Mental Health", 0.85),
    (("Michigan Association for Infant Mental Health", "Valid through 12/31/2026."),
     "Michigan Association for Infant Mental Health", 0.9),
])
def test_membership_organisation_inside_a_sentence(texts: tuple[str, ...], expected: str, score: float) -> None:
    doc = lines(*texts)
    item = membership.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["organization"] == expected and item.confidence >= score and not item.needs_review


@pytest.mark.parametrize(("doc", "expected", "checked"), [
    # an e-mail's sender, without its address, when a membership sentence names the same organisation
    (doc_of((100.0, [(72.0, "From:"), (132.0, "Ohio Association for Infant Mental Health <info@ohio-aimh.org>")]),
            (114.0, [(72.0, "Your payment was received and your membership in the Ohio Association")]),
            (128.0, [(72.0, "for Infant Mental Health is renewed until 6/30/2027.")])),
     "Ohio Association for Infant Mental Health", False),
    (lines("From: Texas Federation for Infant Mental Health <members@txfed.example>", "Hello Bo,",
           "Your membership with the Texas Federation for Infant Mental Health is active until 3/31/2027."),
     "Texas Federation for Infant Mental Health", False),
    # a word of the sentence's name split by OCR: the sender's name, which the sentence goes on to spell
    (lines("From: Ohio Association for Infant Mental Health <info@ohio-aimh.example>",
           "Your membership in the Ohio Association for Infant Men tal Health is renewed until 6/30/2027."),
     "Ohio Association for Infant Mental Health", False),
    (lines("From: Ohio Association for Infant Mental Health <info@ohio-aimh.example>",
           "Your membership in the Ohio Association for Infant Mental Health Professionals runs until 6/30/2027."),
     "Ohio Association for Infant Mental Health Professionals", True),
    # a sender no membership sentence names: who sent it is not always whose membership it is
    (lines("From: Georgia Institute of Infant Mental Health <noreply@giimh.example>", "Hello Bo,",
           "Your membership now runs until 1/31/2027."),
     "Georgia Institute of Infant Mental Health", True),
    (lines("From: Dues Processing Network <billing@payments.example>",
           "Your membership in the Ohio Association for Infant Mental Health is renewed until 6/30/2027."),
     "Ohio Association for Infant Mental Health", True),
    # no heading: the name after "membership in the", wrapped over two lines
    (lines("Dear Bo Lee,", "Thank you for renewing your membership in the Georgia",
           "Institute of Infant Mental Health. Your membership now runs", "until May 31, 2027."),
     "Georgia Institute of Infant Mental Health", False),
])
def test_membership_organisation_of_an_email_or_a_membership_sentence(doc: DocText, expected: str,
                                                                      checked: bool) -> None:
    item = membership.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["organization"] == expected and item.needs_review is checked
    assert checked or item.confidence >= 0.85


@pytest.mark.parametrize(("texts", "expected"), [
    (("Ohio Association for Infant Mental Health", "Your next renewal is due on June 30, 2027."), "2027-06-30"),
    (("Ohio Association for Infant Mental Health", "Member since: 2019-04-02", "Next renewal: 12/31/2026"),
     "2026-12-31"),
    (("Ohio Association for Infant Mental Health", "Please renew by March 31, 2027 to keep your listing."),
     "2027-03-31"),
])
def test_membership_renewal_due_is_read_for_the_expiry_and_checked(texts: tuple[str, ...], expected: str) -> None:
    """A renewal may be asked for weeks before the membership ends: the date is read, and a person checks it."""
    doc = lines(*texts)
    item = membership.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["valid_through"] == expected and item.needs_review


def test_membership_name_with_a_misread_word_is_not_cut_short() -> None:
    """A lower-case word before the association word may be the name's own (OCR's 'state'): the whole line, flagged."""
    doc = scanned_lines("Welcome to the Lakeshore state Association for Infant Mental Health!",
                        "Valid through 12/31/2026.")
    item = membership.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["organization"] != "Association for Infant Mental Health" and item.needs_review


def test_exam_results_table_with_several_attempts_is_flagged() -> None:
    doc = grid(("Exam", "Appointment Date", "Status"), ("Level IV", "02/15/2025", "Not passed"),
               ("Level IV", "06/10/2025", "Passed"))
    item = exam.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value == {"passed": False, "date": "2025-02-15"} and "exam.several_attempts" in item.reasons


# --- employment: a letter's period sentence without the role, the role in a labelled block -------------------

@pytest.mark.parametrize(("texts", "expected"), [
    (("I confirm that Bo Lee worked for Riverbend Family Services from March 3, 2015 until June 30, 2019.",
      "Position held: Home Visitor", "Her duties have included home visiting."),
     {"employer": "Riverbend Family Services", "role": "Home Visitor", "start": "2015-03-03", "end": "2019-06-30",
      "duties": "home visiting"}),
    (("Bo Lee has been employed by Eastmoor Health since 2 May 2018 and remains with us.", "Job title: Therapist",
      "Start date: 2 May 2018", "End date: Current", "Responsibilities have included dyadic therapy."),
     {"employer": "Eastmoor Health", "role": "Therapist", "start": "2018-05-02", "end": None,
      "duties": "dyadic therapy"}),
    (("Bo Lee served with Harbor Point Center between 08/03/2011 and 01/31/2019.", "Title: Clinical Director",
      "Duties include directing clinical services."),
     {"employer": "Harbor Point Center", "role": "Clinical Director", "start": "2011-08-03", "end": "2019-01-31",
      "duties": "directing clinical services"}),
    # a word of the sentence split by a stray space (a scan's OCR, a text layer's kerning)
    (("Bo Lee wor ked for Harbor Point Center from 08/03/2011 unt il 01/31/2019.", "Position: Clinical Director",
      "Duties include directing clinical services."),
     {"employer": "Harbor Point Center", "role": "Clinical Director", "start": "2011-08-03", "end": "2019-01-31",
      "duties": "directing clinical services"}),
])
def test_employment_period_sentence_with_a_labelled_role(texts: tuple[str, ...], expected: dict[str, Any]) -> None:
    """The letterhead names the sentence's employer too, so the reading is trusted."""
    doc = lines(expected["employer"], *texts)
    item = employment.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value == expected and not item.needs_review


@pytest.mark.parametrize("sentence", [
    "Bo Lee worked for Riverbend Family Services from March 3, 2015 until June 30, 2019.",
    # whom the person worked with comes before where
    "Bo Lee worked with infants and families at Riverbend Family Services from March 3, 2015 until June 30, 2019.",
    "Bo Lee has worked with Jane Roe at Riverbend Family Services from March 3, 2015 until June 30, 2019.",
])
def test_employment_period_sentence_employer_is_the_place(sentence: str) -> None:
    """Without a letterhead or employer field naming it too, the sentence's employer is read but checked."""
    doc = lines(sentence, "Position held: Home Visitor", "Duties include home visiting.")
    item = employment.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["employer"] == "Riverbend Family Services" and item.confidence < 0.8 and item.needs_review


@pytest.mark.parametrize("employer", ["us", "our agency", "them"])
def test_employment_period_sentence_pronoun_is_no_employer(employer: str) -> None:
    sentence = f"Bo Lee has worked for {employer} from March 3, 2015 until June 30, 2019."
    doc = lines("Riverbend Family Services", sentence, "Position held: Home Visitor", "Duties include home visiting.")
    items = employment.extract(doc, find_patterns(doc.text)).items
    assert all(item.value["employer"] != employer for item in items)


@pytest.mark.parametrize(("texts", "reason"), [
    # the block's last day is not the sentence's: a person looks
    (("Bo Lee worked for Riverbend Family Services from March 3, 2015 until June 30, 2019.",
      "Position held: Home Visitor", "Last day of employment: June 30, 2018", "Duties include home visiting."),
     "employment.dates_disagree"),
    (("Bo Lee worked for Riverbend Family Services from March 3, 2015 until June 30, 2019.",
      "Duties include home visiting."), "employment.role_missing"),
])
def test_employment_period_sentence_doubts(texts: tuple[str, ...], reason: str) -> None:
    doc = lines(*texts)
    item = employment.extract(doc, find_patterns(doc.text)).items[0]
    assert reason in item.reasons and item.confidence < 0.8


@pytest.mark.parametrize(("status", "unclear"), [
    ("Status: Active", True),  # a bare status may be a licence's or "Full-time": not "still employed" on its own
    ("Status: Current", True),
    ("Employment status: Active", False),
    ("Currently employed: Yes", False),
])
def test_employment_bare_status_is_confirmed_by_a_person(status: str, unclear: bool) -> None:
    doc = lines("Employer: Riverbend Family Services", "Position: Therapist", "Start date: 2011-08-03", status,
                "Duties: home visiting")
    item = employment.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["end"] is None and ("employment.status_unclear" in item.reasons) is unclear
    assert (item.confidence < 0.8) is unclear


@pytest.mark.parametrize(("stray", "highest"), [("L", 0.85), ("l", 0.79), ("I", 0.79), ("O", 0.79), ("|", 0.79)])
def test_date_after_a_digit_shaped_mark_is_reviewed(stray: str, highest: float) -> None:
    """A lone "l" or "O" before a date may be its first digit split off ("l 1/15/2026" for 11/15/2026)."""
    tokens = f"Your membership is active through {stray} 1/15/2026.".split()
    words = [Word(text=token, bbox=(72.0 + 40 * i, 100, 100.0 + 40 * i, 110), confidence=0.95, source="ocr")
             for i, token in enumerate(tokens)]
    doc = build_text("doc", [Page(number=1, width=612, height=792, source="ocr", words=words)])
    date, found = date_after(doc, r"active\s+through", find_patterns(doc.text), "test.v1")
    assert date is not None and found is not None and found.score <= highest


@pytest.mark.parametrize(("stray", "expected"), [("L", "2026-12-31"), ("|", "2026-12-31"), ("", "2026-12-31")])
def test_membership_date_after_a_stray_mark_on_a_scan(stray: str, expected: str) -> None:
    """A card's edge OCR read as a lone character between "Good through" and the date: passed over, at 0.85 at most."""
    doc = scanned_lines("Michigan Association for Infant Mental Health", "Good through", f"{stray} 12/31/2026")
    item = membership.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["valid_through"] == expected and (item.confidence <= 0.85 or not stray)


@pytest.mark.parametrize(("lead", "source", "reviewed"), [("l ", "ocr", True), ("O ", "ocr", True), ("| ", "ocr", True),
                                                          ("", "ocr", False), ("l ", "text_layer", False)])
def test_a_labelled_date_after_a_digit_shaped_mark_is_reviewed(lead: str, source: str, reviewed: bool) -> None:
    """'Expires: l 1/15/2026' on a scan may be 11/15/2026 with its first digit split off: a person checks it."""
    doc = scanned_lines("Michigan Association for Infant Mental Health", f"Expires: {lead}1/15/2026", source=source)
    item = membership.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["valid_through"] == "2026-01-15"
    assert item.needs_review is reviewed


@pytest.mark.parametrize("address", ["members.association.example/directory", "www.infant-association.org",
                                     "https://association.example/members/directory"])
def test_a_web_address_is_never_the_membership_organisation(address: str) -> None:
    """A directory page prints its own address in the margin: it names a web page, not an association."""
    doc = lines(address, "Member directory", "Dues paid through 12/31/2026")
    item = membership.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["organization"] is None and "membership.organisation_missing" in item.reasons


def test_a_still_employed_option_answered_no_is_not_a_tick() -> None:
    """'■ Still employed: No' answers the question; the bullet before it is no tick for 'still employed'."""
    doc = lines("Employer: Riverbend Family Services", "Job title: Therapist", "Start date: 2011-08-03", "End date:",
                "■ Still employed: No", "Duties: home visiting with infants and their parents")
    item = employment.extract(doc, find_patterns(doc.text)).items[0]
    assert "employment.end_unreadable" in item.reasons and item.needs_review


def test_a_bare_association_in_a_membership_sentence_leaves_the_heading_its_name() -> None:
    doc = lines("Welcome to the Ohio Association for Infant Mental Health!",
                "As a member of the Association you will receive our newsletter.", "Valid through 12/31/2026")
    assert value_of(membership.extract, doc)["organization"] == "Ohio Association for Infant Mental Health"


# --- membership: a history of terms, one line each ------------------------------------------------------------

@pytest.mark.parametrize(("texts", "expected", "flagged"), [
    # the line marked as running now gives the expiry, whatever its place among the others
    (("Ohio Association for Infant Mental Health", "Membership history", "Term start  Term end  Status",
      "07/01/2024  06/30/2025  Active", "07/01/2023  06/30/2024  Expired", "07/01/2022  06/30/2023  Expired"),
     "2025-06-30", False),
    (("Texas Institute for Infant Mental Health", "Period  Standing", "Jan 1, 2024 - Dec 31, 2024  Lapsed",
      "Jan 1, 2026 - Dec 31, 2026  In good standing", "Jan 1, 2025 to Dec 31, 2025  Not current"),
     "2026-12-31", False),
    # an expiry stated on its own line that no listed term outlasts: the list is the past
    (("Ohio Association for Infant Mental Health", "Valid through: 12/31/2026", "Previous terms",
      "01/01/2024 to 12/31/2024", "01/01/2025 to 12/31/2025"), "2026-12-31", False),
    # terms with nothing to say which one runs now: a person's call
    (("Ohio Association for Infant Mental Health", "Valid through: 12/31/2024", "Terms",
      "01/01/2024 to 12/31/2024", "01/01/2025 to 12/31/2025"), "2024-12-31", True),
    (("Ohio Association for Infant Mental Health", "Dues history", "2024-07-01 - 2025-06-30 Active",
      "2025-07-01 - 2026-06-30 Active"), None, True),
    # a payment date beside the term, a member-since and renewal pair, are not a term's end
    (("Ohio Association for Infant Mental Health", "Term start  Term end  Paid on  Status",
      "07/01/2025  06/30/2026  06/15/2025  Active", "07/01/2024  06/30/2025  06/20/2024  Expired"),
     "2026-06-30", False),
    (("Ohio Association for Infant Mental Health", "Membership valid through: 06/30/2026",
      "Member since  Last renewed  Status", "01/15/2018  07/01/2025  Active", "Previous term: 07/01/2024 - 06/30/2025"),
     "2026-06-30", False),
    # three dates a row: the header's date columns say which are the term's start and end
    (("Ohio Association for Infant Mental Health", "Date paid  Term start  Term end  Status",
      "05/20/2024  07/01/2024  06/30/2025  Expired", "05/20/2025  07/01/2025  06/30/2026  Active"),
     "2026-06-30", False),
    (("Ohio Association for Infant Mental Health", "Invoice date  Coverage from  Coverage to  Status",
      "05/20/2024  07/01/2024  06/30/2025  Expired", "05/20/2025  07/01/2025  06/30/2026  Current"),
     "2026-06-30", False),
    (("Ohio Association for Infant Mental Health", "Member since  Term start  Term end  Status",
      "01/15/2023  07/01/2024  06/30/2025  Expired", "01/15/2023  07/01/2025  06/30/2026  Active"),
     "2026-06-30", False),
    # ... and when it names more or fewer date columns than a row holds dates, which is which is a person's call
    (("Ohio Association for Infant Mental Health", "Payment received  Term start  Term end  Status",
      "05/20/2024  07/01/2024  06/30/2025  Expired", "05/20/2025  07/01/2025  06/30/2026  Active"), None, True),
    # the active line and an expiry stated apart disagree
    (("Ohio Association for Infant Mental Health", "Membership valid through: 12/31/2026", "Dues history",
      "01/01/2024 - 12/31/2024  Expired", "07/01/2025 - 06/30/2026  Current"), None, True),
    # a status that only starts like "active", or says it is not
    *[(("Ohio Association for Infant Mental Health", f"07/01/2025 - 06/30/2026  {status}",
        "07/01/2024 - 06/30/2025  Renewal pending"), None, True)
      for status in ("Active: No", "Non-active", "Non-current", "Was active", "Active until renewal")],
])
def test_membership_history_takes_the_active_term_or_is_flagged(texts: tuple[str, ...], expected: str | None,
                                                                 flagged: bool) -> None:
    doc = lines(*texts)
    item = membership.extract(doc, find_patterns(doc.text)).items[0]
    if expected is not None:
        assert item.value["valid_through"] == expected
    assert ("membership.several_terms" in item.reasons) is flagged


@pytest.mark.parametrize("header", ["Name  Member since  Valid through  Status", "Name  Term start  Term end  Status"])
def test_membership_member_list_lines_are_no_history_of_one_membership(header: str) -> None:
    doc = lines("Ohio Association for Infant Mental Health", header, "Bo Lee  01/15/2024  01/14/2025  Lapsed",
                "Ann Kim  03/01/2026  02/28/2027  Active")
    item = membership.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["valid_through"] is None or item.needs_review
