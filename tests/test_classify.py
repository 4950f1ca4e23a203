"""Document kinds: every rule in kinds.yaml has rows here, and the wordings no issuer's title names still classify."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from extractors.classify import classify, close_call, scores
from extractors.document import extract_document
from extractors.layout import build_text
from extractors.pagetext import read_pages
from extractors.vocab import kind_rules
from pipeline.models import DocumentKind
from tests.test_extract_forms import lines

ROWS = [
    # (first lines of a page, the kind)
    (["Northfield State University Transcript of Academic Record", "Degrees Earned",
      "Master of Education in Early Childhood Education", "Conferred 12/22/10"], DocumentKind.TRANSCRIPT),
    (["Office of the Registrar", "Semester credits 3.0 GPA 3.8"], DocumentKind.TRANSCRIPT),
    (["Diploma Supplement", "Qualification awarded Master of Arts", "Main field of study History",
      "Date of award 06/30/2015"], DocumentKind.TRANSCRIPT),
    (["Record of Achievement", "Awarding institution: Alder University", "Date of graduation: 2019",
      "Module Credits Result"], DocumentKind.TRANSCRIPT),
    (["Statement of Results", "Student identification number 1234567", "Qualification awarded Bachelor of Science",
      "Period Unit Credit Result"], DocumentKind.TRANSCRIPT),
    (["Course Completion Record", "Learner Jane Roe", "Sponsor Alder Institute", "Credit earned 1.2 CEU"],
     DocumentKind.TRAINING_CERTIFICATE),
    (["Certificate of Attendance", "attended the workshop", "6.0 clock hours"], DocumentKind.TRAINING_CERTIFICATE),
    (["Consultation Session Record", "No. Session date Start End Minutes Type Consultant",
      "1 January 13, 2024 8:30 AM 10:00 AM 90 Individual Nadia Brackwell"], DocumentKind.SUPERVISION_LOG),
    (["Reflective Supervision/Consultation Log", "Supervisee: Jane Roe", "Total hours: 50"],
     DocumentKind.SUPERVISION_LOG),
    (["Reference Questionnaire", "How do you know the applicant? (check one)", "X Colleague"],
     DocumentKind.REFERENCE_RATING),
    (["Endorsement Agreement and Code of Ethics", "I agree to uphold the Code of Ethics", "Signature of applicant"],
     DocumentKind.ETHICS_AGREEMENT),
    (["Examination Status Notice", "Date taken: 2025-07-15", "Status: Passed"], DocumentKind.EXAM_RESULT),
    (["Score Report", "Test date 4/25/26", "Passing score 70"], DocumentKind.EXAM_RESULT),
    (["Lakeshore Association for Infant Mental Health", "Membership Verification",
      "Member Member ID Status Term", "Jane Roe M-44631 Active 01/01/2026 - 12/31/2026"], DocumentKind.MEMBERSHIP),
    (["Alder Clinic", "MEMORANDUM", "RE: Employment of Jane Roe", "in the position of Therapist",
      "Primary duties: home visiting"], DocumentKind.EMPLOYMENT_VERIFICATION),
]


@pytest.mark.parametrize(("texts", "kind"), ROWS, ids=[f"{kind.value}-{i}" for i, (_, kind) in enumerate(ROWS)])
def test_kind_from_its_vocabulary(texts: list[str], kind: DocumentKind) -> None:
    assert classify(lines(*texts))[0] is kind


def test_every_kind_in_the_rules_has_a_row() -> None:
    assert {rule.kind for rule in kind_rules().kinds} == {kind.value for _, kind in ROWS}


def test_text_of_no_kind_is_unknown() -> None:
    assert classify(lines("Grocery list", "apples, bread, milk"))[0] is DocumentKind.UNKNOWN


def test_word_stems_match_longer_words_but_not_inside_words() -> None:
    assert scores(lines("examination"))["exam_result"] > scores(lines("reexamine"))["exam_result"]


def test_a_title_counts_more_than_the_same_words_further_down() -> None:
    titled = lines("Examination Results", "a", "b", "c")
    buried = lines("a", "b", "c", "Examination Results")
    assert scores(titled)["exam_result"] > scores(buried)["exam_result"]


def test_a_close_call_names_the_runner_up() -> None:
    both = lines("Reference Questionnaire", "Supervision log")
    ranked = sorted(scores(both), key=lambda kind: -scores(both)[kind])
    assert close_call(both) == ranked[1]
    assert close_call(lines("Examination Status Notice", "Date taken: 2025-07-15", "Status: Passed")) is None


def test_a_close_call_flags_the_document(tmp_path: Path) -> None:
    pdf = tmp_path / "both.pdf"
    sheet = canvas.Canvas(str(pdf))
    for number, text in enumerate(["Reference Questionnaire", "Supervision log", "Date: 05/05/2025"]):
        sheet.drawString(72, 720 - 16 * number, text)
    sheet.save()
    result = extract_document(pdf)
    assert close_call(build_text("x", read_pages(pdf))) is not None
    assert "document.kind_uncertain" in [flag.code for flag in result.flags]
