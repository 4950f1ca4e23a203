"""Transcript extraction: every tune layout from its generated PDF, and each wording as plain words on a page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors import transcript
from extractors.document import extract_document
from extractors.layout import DocText, build_text, relevel
from extractors.nlp import find_patterns
from fixtures.compare import compare
from pipeline.models import Page, Word

CHAR = 5.0
"""Width of one character of a test word, in points; cells start at the x they are given."""


def page_of(rows: list[list[tuple[float, str]]], *, source: str = "text_layer", slope: float = 0.0) -> Page:
    """A page whose rows hold cells (x, text); each word gets a box, rows 20 points apart, tilted by `slope`."""
    words = []
    for number, row in enumerate(rows):
        top = 60 + 20 * number
        for x, text in row:
            for token in text.split():
                width = CHAR * len(token)
                dy = slope * x
                words.append(Word(text=token, bbox=(x, top + dy, x + width, top + 10 + dy), confidence=0.96,
                                  source=source))  # type: ignore[arg-type]
                x += width + 4
    return Page(number=1, width=612, height=792, words=words, source=source)  # type: ignore[arg-type]


def lines(*texts: str) -> list[list[tuple[float, str]]]:
    """Rows of one cell each (running text), every cell at the left margin."""
    return [[(50.0, text)] for text in texts]


def extract(rows: list[list[tuple[float, str]]], **page: object) -> transcript.Extraction:
    doc: DocText = build_text("doc", [page_of(rows, **page)])  # type: ignore[arg-type]
    return transcript.extract(doc, find_patterns(doc.text))


def degree_values(result: transcript.Extraction) -> list[dict[str, object]]:
    keys = ("abbreviation", "name", "field", "institution", "conferred")
    return [{k: item.value[k] for k in keys} for item in result.items]


# --- generated tune PDFs, one or more per layout -----------------------------------------------------------

TUNE_STEMS = [
    ("c001-transcript", "classic"), ("t005-transcript", "classic"), ("t002-transcript", "degree-table"),
    ("t006-transcript", "degree-table"), ("t003-transcript", "banner"), ("t007-transcript", "banner"),
    ("t004-transcript", "letter"), ("t008-transcript", "letter"),
]


@pytest.mark.parametrize(("stem", "layout"), TUNE_STEMS)
def test_tune_layout_reads_every_degree(golden: Path, stem: str, layout: str) -> None:
    expected = json.loads((golden / f"{stem}.expected.json").read_text())
    result = extract_document(golden / f"{stem}.pdf")
    outcome = compare(result, expected)
    assert (outcome.wrong, outcome.missed, outcome.extra) == (0, 0, 0), (layout, outcome.problems)
    assert result.official in (expected["official"], None)
    if expected["official"] is False:
        assert result.official is False
        assert all("transcript.unofficial" in item.reasons for item in result.items)


# --- each wording as plain words -------------------------------------------------------------------------

HEAD = lines("Ridgeline University", "OFFICIAL ACADEMIC TRANSCRIPT")
MSW_2012 = {"abbreviation": "MSW", "name": "Master of Social Work", "field": "Social Work",
            "institution": "Ridgeline University", "conferred": "2012-05-07"}

WORDINGS = [
    pytest.param(HEAD + lines("Date of Birth: 03/03/1987", "Date Issued: 02/05/2026",
                              "Degree Awarded: Master of Social Work (MSW)", "Major: Social Work",
                              "Date Conferred: May 7, 2012"),
                 [MSW_2012], id="classic-labels"),
    pytest.param(HEAD + [[(50, "DOB: 08-NOV-1983")], [(50, "PRINTED: 08-APR-2026")],
                         [(50, "DEGREE:"), (120, "MSW"), (180, "Master of Social Work")],
                         [(50, "MAJOR:"), (120, "Social Work")], [(50, "CONFERRED: 07-MAY-2012")],
                         [(50, "TERM: FALL 2010"), (200, "30-AUG-2010 - 17-DEC-2010")]],
                 [MSW_2012], id="banner-export"),
    pytest.param(HEAD + [[(50, "Birth date: 2/15/83"), (300, "Date printed: 3/17/26")],
                         [(50, "Degree"), (250, "Program"), (420, "Conferred")],
                         [(50, "Bachelor of Arts (BA)"), (250, "Psychology"), (420, "5/2/05")],
                         [(50, "M.S.W."), (250, "Social Work"), (420, "5/7/12")],
                         [(50, "COURSE HISTORY")], [(50, "Fall 2010 (8/30/10 - 12/9/10)")]],
                 [{"abbreviation": "BA", "name": "Bachelor of Arts", "field": "Psychology",
                   "institution": "Ridgeline University", "conferred": "2005-05-02"}, MSW_2012],
                 id="degree-table-dotted-abbreviation"),
    pytest.param(lines("Ridgeline University", "June 26, 2026", "To whom it may concern:",
                       "This letter certifies that Wren Dunmore (date of birth October 17, 1986) was enrolled.",
                       "The degree of Master of Social Work was conferred on May 7, 2012, with a major in",
                       "Social Work."),
                 [MSW_2012], id="letter-degree-of"),
    pytest.param(lines("Millbrook College of Health Sciences", "June 26, 2026",
                       "Soren Dunmore was awarded the Doctor of Philosophy in Human Development and Family Studies on",
                       "May 16, 2017."),
                 [{"abbreviation": "PhD", "name": "Doctor of Philosophy",
                   "field": "Human Development and Family Studies",
                   "institution": "Millbrook College of Health Sciences", "conferred": "2017-05-16"}],
                 id="letter-awarded-the"),
    pytest.param(lines("Ridgeline University",
                       "The degree of Bachelor of Science (BS) in Child Development was conferred on May 10, 2008."),
                 [{"abbreviation": "BS", "name": "Bachelor of Science", "field": "Child Development",
                   "institution": "Ridgeline University", "conferred": "2008-05-10"}],
                 id="letter-name-with-abbreviation"),
    pytest.param(HEAD + [[(50, "Degree: Master of Social Work in Social Work"), (330, "Conferred: 7 May 2012")]],
                 [MSW_2012], id="field-in-degree-name-day-month"),
    pytest.param(HEAD + lines("Degree Awarded: Master of Business Administration (MBA)", "Major: Management",
                              "Date Conferred: 12/12/2008"),
                 [{"abbreviation": "MBA", "name": "Master of Business Administration", "field": "Management",
                   "institution": "Ridgeline University", "conferred": "2008-12-12"}], id="mba-is-an-item-too"),
    pytest.param(lines("Ridgeline University", "The degree of Master of Social Work was conferred on May 7,",
                       "2012, with a major in Social Work."),
                 [MSW_2012], id="letter-date-cut-by-a-line-break"),
    pytest.param(HEAD + lines("Student Birth Date Issue Date", "Wren Dunmore 10/22/91 4/25/26",
                              "Fall 2010 (8/28/10 - 12/7/10)", "SWK 694 Foundations of Practice 3.0 A",
                              "Degrees Earned", "Master of Social Work in Social Work", "Conferred 5/7/12"),
                 [MSW_2012], id="degree-list-conferred-below"),
    pytest.param(HEAD + [[(50, "Spring 2011 (1/12/11 - 4/25/11)"), (330, "SWK 911 Assessment II 2.0 A")],
                         [(50, "SWK 259 Senior Seminar 3.0 A"), (330, "Degrees Earned")],
                         [(50, "Fall 2011 (8/24/11 - 12/8/11)"), (330, "Master of Social Work in Social Work")],
                         [(50, "SWK 153 Learning and Memory 2.0 A-"), (330, "Conferred 5/7/12")],
                         [(50, "Spring 2012 (1/14/12 - 4/27/12)")]],
                 [MSW_2012], id="degree-list-in-the-second-column"),
    pytest.param(HEAD + lines("Degrees Awarded", "Degree: Master of Social Work", "Confer Date: 5/7/12",
                              "Plan: Social Work"),
                 [MSW_2012], id="confer-date-and-plan"),
    pytest.param(HEAD + lines("Degree: Master of Social Work", "Graduation Date: May 7, 2012", "Major: Social Work"),
                 [MSW_2012], id="graduation-date"),
    pytest.param(lines("Ridgeline University, Office of the Registrar", "OFFICIAL TRANSCRIPT",
                       "Degree Awarded: Master of Social Work (MSW)", "Major: Social Work",
                       "Date Conferred: May 7, 2012"),
                 [MSW_2012], id="the-registrar-office-is-not-the-institution"),
    pytest.param(HEAD + lines("Degree: Master of Social Work", "Plan: Social Work Major", "Confer Date: 5/7/12"),
                 [MSW_2012], id="plan-with-its-type-after"),
    pytest.param(HEAD + lines("Degree: Master of Social Work", "Program: Major in Social Work",
                              "Date Conferred: May 7, 2012"),
                 [MSW_2012], id="plan-with-its-type-before"),
    pytest.param(HEAD + [[(50, "Degree"), (250, "Plan"), (420, "Conferred")],
                         [(50, "Master of Social Work"), (250, "Social Work (Concentration)"), (420, "5/7/12")]],
                 [MSW_2012], id="plan-type-in-a-table-cell"),
    pytest.param(HEAD + [[(50, "Degree Awarded"), (250, "Master of Social Work")],
                         [(50, "Major"), (250, "Social Work")], [(50, "Date Conferred"), (250, "05/07/2012")]],
                 [MSW_2012], id="labels-in-their-own-cells-without-colons"),
    pytest.param(HEAD + [[(50, "Qualification"), (250, "Master of Social Work")],
                         [(50, "Field of Study"), (250, "Social Work")], [(50, "Date Printed"), (250, "02/05/2026")],
                         [(50, "Degree Date"), (250, "05/07/2012")]],
                 [MSW_2012], id="qualification-and-degree-date-past-a-printed-date"),
    pytest.param(HEAD + [[(50, "DEGREE CONFERRED"), (250, "Master of Social Work"), (420, "May 7, 2012")],
                         [(50, "MAJOR"), (250, "Social Work")]],
                 [MSW_2012], id="a-label-cell-over-a-degree-and-its-date"),
    pytest.param(HEAD + [[(50, "Degree"), (200, "Major"), (330, "Awarded"), (450, "Honors")],
                         [(50, "Master of Social Work"), (200, "Social Work"), (330, "5/7/12"), (450, "Cum Laude")]],
                 [MSW_2012], id="table-awarded-column-beside-honors"),
    pytest.param(HEAD + lines("Name: Wren Dunmore", "Date of Birth: 3/3/87", "Entered: 8/28/08",
                              "Graduated: 5/7/12", "Degree: M.S.W.", "Major: Social Work"),
                 [MSW_2012], id="a-record-card-graduated-over-the-degree"),
    pytest.param(HEAD + [[(50, "Conferred: 5/7/12"), (300, "Degree: Master of Social Work")],
                         [(50, "Major: Social Work")]],
                 [MSW_2012], id="conferral-left-of-the-degree-on-its-line"),
    pytest.param(HEAD + [[(50, "DEGREES AWARDED")],
                         [(50, "Bachelor of Arts"), (250, "Psychology"), (420, "05/02/2005")],
                         [(50, "Master of Social Work"), (250, "Social Work"), (420, "05/07/2012")]],
                 [{"abbreviation": "BA", "name": "Bachelor of Arts", "field": "Psychology",
                   "institution": "Ridgeline University", "conferred": "2005-05-02"}, MSW_2012],
                 id="rows-under-a-degrees-heading-without-a-header"),
    pytest.param(HEAD + [[(50, "Degree(s) Conferred")], [(50, "Master of Social Work in Social Work"),
                                                        (420, "Conferred 5/7/12")]],
                 [MSW_2012], id="a-degree-row-with-its-conferral-in-a-later-cell"),
    pytest.param(HEAD + [[(50, "Program"), (250, "Award Date")], [(50, "Master of Social Work in Social Work"),
                                                                  (250, "05/07/2012")]],
                 [MSW_2012], id="table-program-column-names-the-degree"),
    pytest.param(HEAD + lines("Degree: MSW", "Program: Master of Social Work in Social Work",
                              "Date Conterred: May 7, 2012"),
                 [MSW_2012], id="program-holding-the-degree-name-and-a-scan-misread-label"),
    pytest.param(HEAD + lines("DEGREES CONFERRED", "M.S.W., Social Work, 05/07/2012"),
                 [MSW_2012], id="an-abbreviation-row-under-a-degrees-heading"),
    pytest.param(HEAD + lines("Degrees Awarded", "Master of Social Work, Social Work, May 7, 2012"),
                 [MSW_2012], id="a-degree-its-field-and-date-in-one-cell-under-a-heading"),
    pytest.param(HEAD + [[(50, "Degree Earned"), (220, "Major/Program"), (400, "Date Awarded")],
                         [(50, "Master of Social Work"), (220, "Social Work"), (400, "May 7, 2012")]],
                 [MSW_2012], id="a-header-naming-two-labels-with-a-slash"),
    pytest.param(lines("Ridgeline University",
                       "Our records show that Wren Dunmore received a Master of Social Work (MSW)",
                       "degree in Social Work on May 7, 2012."),
                 [MSW_2012], id="letter-degree-in-after-the-name"),
    pytest.param(lines("Ridgeline University",
                       "Wren Dunmore was granted the degree Master of Social Work, major Social Work, on 05/07/2012."),
                 [MSW_2012], id="letter-major-without-in"),
    pytest.param(HEAD + lines("Title of Degree: Master of Social Work", "Area of Study: Social Work",
                              "Date of Award: May 7, 2012"),
                 [MSW_2012], id="title-of-degree-and-date-of-award"),
    pytest.param(HEAD + lines("Degree: Master of Social Work", "Course of Study: Social Work",
                              "Date Degree Conferred: 05/07/2012"),
                 [MSW_2012], id="course-of-study-and-date-degree-conferred"),
    pytest.param(HEAD + [[(50, "Degree Awarded"), (250, "Major"), (380, "Date Entered"), (480, "Awarded")],
                         [(50, "Master of Social Work"), (250, "Social Work"), (380, "08/28/2010"),
                          (480, "05/07/2012")]],
                 [MSW_2012], id="table-entry-date-column-is-not-the-conferral"),
    pytest.param(HEAD + [[(50, "Diploma"), (250, "Discipline"), (420, "Graduation Date (MM/DD/YYYY)")],
                         [(50, "MSW"), (250, "Social Work"), (420, "05/07/2012")]],
                 [MSW_2012], id="table-diploma-discipline-graduation-date"),
    pytest.param(HEAD + lines("Degree: Masters of Social Work", "Major: Social Work", "Conferred: 05/07/2012"),
                 [MSW_2012], id="masters-of"),
    pytest.param(lines("Ridgeline University", "This is to certify that Wren Dunmore has fulfilled all requirements",
                       "for the degree of Master of Social Work in Social Work, conferred effective May 7, 2012."),
                 [MSW_2012], id="letter-requirements-fulfilled-effective"),
    pytest.param(HEAD + [[(50, "Fall 2004 (8/28/04 - 12/7/04)"), (330, "Conferred 5/2/05")],
                         [(50, "PSY 175 Psychology of Families 3.0 A"), (330, "Master of Social Work in Social Work")],
                         [(50, "Spring 2005 (1/12/05 - 4/25/05)"), (330, "Conferred 5/7/12")],
                         [(50, "Degrees Earned")], [(50, "Bachelor of Arts in Psychology (B.A.)")]],
                 [MSW_2012, {"abbreviation": "BA", "name": "Bachelor of Arts", "field": "Psychology",
                             "institution": "Ridgeline University", "conferred": "2005-05-02"}],
                 id="degree-list-running-on-into-the-next-column"),
    pytest.param(lines("OFFICIAL ACADEMIC TRANSCRIPT", "Office of the Registrar", "1200 University Avenue, Northfield",
                       "Institution: Ridgeline University", "Degree: Master of Social Work", "Major: Social Work",
                       "Date Conferred: May 7, 2012"),
                 [MSW_2012], id="an-address-is-not-the-institution-a-field-names-it"),
    pytest.param(lines("Ridgeline University Official Transcript", "Degree: Master of Social Work",
                       "Major: Social Work", "Date Conferred: May 7, 2012"),
                 [MSW_2012], id="the-record-title-beside-the-institution"),
    pytest.param([[(50, "TRANSCRIPT OF RECORDS - Ridgeline University")],
                  [(50, "Degree"), (200, "Master of Social Work")],
                  [(50, "Principal field of study"), (200, "Social Work")],
                  [(50, "Date of award"), (200, "05/07/2012")]],
                 [MSW_2012], id="a-record-title-before-the-institution-labels-in-their-own-cells"),
    pytest.param([[(50, "Ridgeline University")], [(50, "Diploma Supplement")],
                  [(50, "1.3 Date of birth"), (250, "03/03/1987")],
                  [(50, "2.1 Qualification awarded"), (250, "Master of Social Work")],
                  [(50, "2.2 Main field of study"), (250, "Social Work")],
                  [(50, "2.3 Date of award"), (250, "May 7, 2012")]],
                 [MSW_2012], id="numbered-form-fields"),
    pytest.param([[(50, "Ridgeline University")], [(50, "Diploma Supplement")],
                  [(50, "2.la Qualification awarded"), (250, "Master of Social Work")],
                  [(50, "2.1b Main field of study"), (250, "Social Work")],
                  [(50, "2.1c Date of award"), (250, "May 7, 2012")]],
                 [MSW_2012], id="numbered-form-fields-a-scan-read-1-as-l"),
    pytest.param(HEAD + lines("4. Degree: Master of Social Work", "5. Major: Social Work", "6. Date Conferred: 5/7/12"),
                 [MSW_2012], id="numbered-labels-with-colons"),
]


@pytest.mark.parametrize(("rows", "expected"), WORDINGS)
def test_wording(rows: list[list[tuple[float, str]]], expected: list[dict[str, object]]) -> None:
    result = extract(rows)
    assert degree_values(result) == expected
    assert not any(item.needs_review for item in result.items)


@pytest.mark.parametrize(("field_label", "conferral_label"), [
    ("Specialty", "Date Conferred"), ("Major Subject", "Date Conferred"), ("Field of Specialization", "Date Conferred"),
    ("Academic Discipline", "Date Conferred"), ("Degree Program", "Date Conferred"),
    ("Concentration Area", "Date Conferred"), ("Subject Area", "Date Conferred"), ("Program Major", "Date Conferred"),
    ("Major", "Degree Effective Date"), ("Major", "Effective Date"),
])
def test_field_and_conferral_labels_other_registrars_use(field_label: str, conferral_label: str) -> None:
    result = extract(HEAD + lines("Degree: Master of Social Work", f"{field_label}: Social Work",
                                  f"{conferral_label}: May 7, 2012"))
    assert degree_values(result) == [MSW_2012]


@pytest.mark.parametrize(("written", "abbreviation"), [
    ("Bachelor of Science in Nursing (BSN)", "BSN"), ("B.Ed.", "BEd"), ("Bachelor of Fine Arts", "BFA"),
    ("Bachelor of Business Administration", "BBA"), ("Doctor of Social Work", "DSW"),
    ("Doctor of Nursing Practice", "DNP"), ("Master of Marriage and Family Therapy", "MFT"),
    ("Master of Counseling", "MC"), ("Master of Social Welfare", "MSW"),
])
def test_degrees_beyond_the_standard_s_list_are_read_as_what_they_are(written: str, abbreviation: str) -> None:
    """The standard's check, not the reader, says whether a degree counts; a degree it does not list is still read."""
    result = extract(HEAD + lines(f"Degree: {written}", "Major: Social Work", "Date Conferred: May 7, 2012"))
    assert [item.value["abbreviation"] for item in result.items] == [abbreviation]
    assert not any(item.needs_review for item in result.items)


@pytest.mark.parametrize("label", ["Minor", "Department", "Option", "Expected Graduation Date",
                                   "Anticipated Graduation", "Admit Date", "Last Date of Attendance", "Effective"])
def test_a_label_near_a_field_or_conferral_wording_is_neither(label: str) -> None:
    """A minor, a department, a date the degree is only expected on: never the field or the conferral."""
    result = extract(HEAD + lines("Degree: Master of Social Work", f"{label}: Psychology", f"{label}: May 7, 2012"))
    [item] = result.items
    assert item.value["field"] is None and item.value["conferred"] is None and item.needs_review


@pytest.mark.parametrize("marker", ["UNOFFICIAL TRANSCRIPT - STUDENT COPY", "This copy is not official.",
                                    "UNOFFICIAL VERIFICATION - STUDENT COPY", "ADVISING COPY",
                                    "Academic record - for advising purposes only", "Copy for the student",
                                    "Not for official use"])
def test_unofficial_copies_are_marked(marker: str) -> None:
    result = extract(lines("Ridgeline University", marker, "Degree Awarded: Master of Arts (MA)",
                           "Major: Counseling", "Date Conferred: May 5, 2010"))
    assert result.official is False
    assert [item.value["official"] for item in result.items] == [False]
    assert "transcript.unofficial" in result.items[0].reasons


@pytest.mark.parametrize(("text", "official"), [
    ("OFFICIAL ACADEMIC TRANSCRIPT", True), ("This verification is issued under the seal of the Registrar.", True),
    ("STUDENT ACADEMIC RECORD", None), ("Issued to student", False),
])
def test_officialness(text: str, official: bool | None) -> None:
    assert transcript.officialness(text) is official


def test_a_letter_without_a_conferral_date_is_flagged_and_takes_no_distractor() -> None:
    result = extract(lines("Ridgeline University", "February 11, 2026",
                           "Wren Dunmore (date of birth October 17, 1986) completed the Master of Arts in Counseling.",
                           "Printed on March 3, 2026."))
    [item] = result.items
    assert item.value["conferred"] is None
    assert "degree.conferral_date_missing" in item.reasons


def test_an_address_or_course_code_is_not_a_degree() -> None:
    result = extract(lines("Ridgeline University", "12 Elm Street, Boston, MA 02115", "May 2, 2026",
                           "The record below was completed on May 1, 2026.", "MBA 598 Operations Management 3.0 A"))
    assert result.items == []
    assert [f.code for f in result.flags] == ["transcript.no_degree", "transcript.officialness_unknown"]


def test_disagreeing_name_and_abbreviation_are_flagged() -> None:
    result = extract(HEAD + lines("Degree Awarded: Master of Arts (MSW)", "Major: Social Work",
                                  "Date Conferred: May 7, 2012"))
    assert "degree.name_abbreviation_disagree" in result.items[0].reasons


def test_a_degree_row_after_a_course_line_is_not_a_section_row() -> None:
    """Only rows right under a degrees heading (or under other degree rows) take an unlabelled date beside them."""
    result = extract(HEAD + [[(50, "Degrees")], [(50, "SWK 601 Practice I"), (250, "3.0 A")],
                             [(50, "Master of Social Work"), (420, "08/25/2010")]])
    assert result.items == []
    assert [flag.code for flag in result.flags] == ["transcript.no_degree"]


@pytest.mark.parametrize("value", ["Master of Social Work, magna cum laude", "Master of Social Work, With Honors"])
def test_a_distinction_is_not_the_field(value: str) -> None:
    result = extract(HEAD + lines(f"Degree: {value}", "Date Conferred: May 7, 2012"))
    [item] = result.items
    assert item.value["field"] is None
    assert "degree.field_missing" in item.reasons


def test_a_program_naming_only_the_degree_gives_no_field() -> None:
    """'Program: Master of Social Work' says which degree, not its field: no field read, and a person looks."""
    result = extract(HEAD + lines("Degree: MSW", "Program: Master of Social Work", "Date Conferred: May 7, 2012"))
    [item] = result.items
    assert item.value["field"] is None
    assert "degree.field_missing" in item.reasons


def test_a_course_code_row_is_not_a_degree_row() -> None:
    """An abbreviation alone is a degree only under a degrees heading: 'MSW 601' in a course list is a course."""
    result = extract(HEAD + lines("Courses", "MSW 601, Practice I, 05/07/2012"))
    assert result.items == []


def test_a_bare_date_over_a_degree_is_not_its_conferral() -> None:
    """A label read before the degree must name a conferral: a bare 'Date' there is the page's (printed, signed)."""
    result = extract(HEAD + lines("Date: 02/05/2026", "Degree: M.S.W.", "Major: Social Work"))
    [item] = result.items
    assert item.value["conferred"] is None
    assert "degree.conferral_date_missing" in item.reasons


def test_a_month_only_conferral_date_is_flagged() -> None:
    result = extract(HEAD + lines("Degree Awarded: Master of Arts (MA)", "Major: Counseling",
                                  "Date Conferred: May 2012"))
    assert "degree.conferral_date_imprecise" in result.items[0].reasons


def test_a_tilted_scan_table_is_levelled_when_laid_out() -> None:
    rows = HEAD + lines("Official when bearing the signature of the Registrar and the seal.") + [
        [(50, "Degree"), (250, "Program"), (420, "Conferred")], [(50, "M.S.W."), (250, "Social Work"), (420, "5/7/12")]]
    scanned = build_text("doc", [page_of(rows, source="ocr", slope=-0.03)])
    typed = build_text("doc", [page_of(rows, source="text_layer", slope=-0.03)])
    assert len(typed.lines) > len(rows)  # the word chain alone breaks the tilted rows apart
    assert len(scanned.lines) == len(rows) == len(relevel(typed).lines)
    assert degree_values(transcript.extract(scanned, find_patterns(scanned.text))) == [MSW_2012]


def test_a_degree_named_but_not_read_flags_the_document() -> None:
    result = extract(HEAD + lines("Degrees Earned", "Master of Social Work in Social Work", "Conferred 5/7/12",
                                  "Doctor of Philosophy in Social Work"))
    assert degree_values(result) == [MSW_2012]
    assert [flag.code for flag in result.flags] == ["transcript.degree_unread"]


@pytest.mark.parametrize(("spelling", "abbreviation"), [
    ("Doctor of Philoso phy", "PhD"), ("Master's of Social Work", "MSW"), ("Master in Social Work", "MSW"),
    ("Doctorate of Philosophy", "PhD"), ("Bachelors of Arts", "BA"),
])
def test_a_degree_name_spelled_loosely_is_read_at_a_lower_confidence(spelling: str, abbreviation: str) -> None:
    """A stray space (OCR) or a bent level word is still the degree; the loose reading scores under an exact one."""
    result = extract(HEAD + lines(f"Degree: {spelling}", "Major: Social Work", "Date Conferred: May 7, 2012"))
    [item] = result.items
    assert item.value["abbreviation"] == abbreviation
    exact = extract(HEAD + lines("Degree: Master of Social Work", "Major: Social Work", "Date Conferred: May 7, 2012"))
    assert 0.8 <= item.confidence < exact.items[0].confidence


def test_a_delivery_services_cover_page_is_not_the_transcript() -> None:
    """An e-transcript's cover page names the sender; the institution is the record's own heading."""
    cover = page_of([[(50, "Secure Electronic Transcript Delivery")],
                     [(50, "Sent by"), (200, "Harbor College, Office of the Registrar")],
                     [(50, "This cover page is not part of the transcript.")]])
    record = page_of(HEAD + lines("Degree Awarded: Master of Social Work (MSW)", "Major: Social Work",
                                  "Date Conferred: May 7, 2012")).model_copy(update={"number": 2})
    doc = build_text("doc", [cover, record])
    assert degree_values(transcript.extract(doc, find_patterns(doc.text))) == [MSW_2012]


@pytest.mark.parametrize(("label", "doubted"), [("Date Conferred", False), ("Date", True), ("Year", True)])
def test_a_bare_date_under_a_degree_is_read_for_a_person_to_check(label: str, doubted: bool) -> None:
    """'Date:' in a degree's block may be its conferral or the date the record was printed or signed."""
    result = extract(HEAD + lines("Degree: Master of Social Work", "Major: Social Work", f"{label}: 05/07/2012"))
    [item] = result.items
    assert item.value["conferred"] == "2012-05-07"
    assert item.needs_review is doubted


@pytest.mark.parametrize(("under", "doubted"), [("Conferred 5/7/12", False), ("Date Awarded: 05/07/2012", False),
                                                ("5/7/12", True), ("May 7, 2012", True)])
def test_a_date_alone_under_a_listed_degree_is_read_for_a_person_to_check(under: str, doubted: bool) -> None:
    """Under a degree in a list, a date with no conferral word may be a term's or the date of entry."""
    result = extract(HEAD + lines("Degrees Earned", "Master of Social Work in Social Work", under))
    assert degree_values(result) == [MSW_2012]
    [item] = result.items
    assert item.needs_review is doubted
    assert (item.confidence < 0.8) is doubted


@pytest.mark.parametrize("rows", [
    [[(50, "| Degree"), (250, "| Major"), (420, "| Date Conferred |")],
     [(50, "| Master of Social Work (MSW)"), (250, "| Social Work"), (420, "| 05/07/2012 |")]],
    [[(50, "[ Degree"), (250, "| Program"), (420, "Date Awarded ]")],
     [(50, "[ M.S.W."), (250, "| Social Work"), (420, "5/7/12 ]")]],
])
def test_a_scanned_table_s_ruling_read_at_its_cells_edges_is_no_part_of_them(rows: list) -> None:
    """On a scan tesseract reads a table's vertical rules as '|' or '[' stuck to the cells beside them."""
    assert degree_values(extract(HEAD + rows, source="ocr")) == [MSW_2012]


@pytest.mark.parametrize(("first", "second", "doubted"), [
    ("Effective date: 08/26/2010", "Date Conferred: May 7, 2012", False),  # the program's start above the conferral
    ("Date Conferred: May 7, 2012", "Effective date: 08/26/2010", False),  # guard
    ("Effective date: 08/26/2010", "Graduation date: May 7, 2012", False),
    ("Effective date: 05/07/2012", "Minor: Psychology", True),  # alone: perhaps a program's start
])
def test_the_surest_conferral_label_wins_and_effective_alone_is_checked(first: str, second: str,
                                                                        doubted: bool) -> None:
    result = extract(HEAD + lines("Degree: Master of Social Work", "Major: Social Work", first, second))
    [item] = result.items
    assert item.value["conferred"] == "2012-05-07" and item.needs_review is doubted


@pytest.mark.parametrize(("narrower", "major", "field"), [
    ("Specialty: Child Welfare Track", "Major: Social Work", "Social Work"),
    ("Subject area: SOWK", "Major: Social Work", "Social Work"),
    ("Concentration: Infant Mental Health", "Field of study: Social Work", "Social Work"),
    ("Subject area: SOWK", "Minor: Psychology", None),  # a course subject's code is no field
    ("Program: Graduate", "Major: Social Work", "Social Work"),  # a program may name the level of study
    ("Academic program: Graduate Professional", "Field of study: Social Work", "Social Work"),
    ("Concentration: Infant Mental Health", "Major: ECE", "ECE"),  # letters alone under "Major": a field
    ("Specialty: Early Intervention", "Major: SPED", "SPED"),
])
def test_a_major_beats_a_specialty_anywhere_in_the_block_and_a_subject_code_is_no_field(
        narrower: str, major: str, field: str | None) -> None:
    result = extract(HEAD + lines("Degree: Master of Social Work", narrower, major, "Date Conferred: May 7, 2012"))
    [item] = result.items
    assert item.value["field"] == field and item.needs_review is (field is None)


@pytest.mark.parametrize(("first", "second", "doubted"), [
    ("Degree date: May 7, 2012", "Completed: 12/15/2011", True),  # requirements done in December, degree in May
    ("Date of completion: 12/15/2011", "Date awarded: May 7, 2012", True),
    ("Date earned: 12/15/2011", "Graduation date: May 7, 2012", True),
    ("Degree date: May 7, 2012", "Completed: 05/07/2012", False),  # the same day twice: no question
])
def test_a_completion_date_gives_way_to_the_degree_s_and_a_disagreement_is_checked(first: str, second: str,
                                                                                   doubted: bool) -> None:
    result = extract(HEAD + lines("Degree: Master of Social Work", "Major: Social Work", first, second))
    [item] = result.items
    assert item.value["conferred"] == "2012-05-07" and item.needs_review is doubted


def test_an_undated_conferral_word_heading_a_column_is_no_rival() -> None:
    """A course table's 'Earned' column header two lines over the degree is no second conferral date."""
    header = [(50.0, "Course"), (150.0, "Description"), (330.0, "Attempted"), (400.0, "Earned"), (460.0, "Grade")]
    result = extract(HEAD + [header] + lines("Degree awarded: Master of Social Work")
                     + [[(50.0, "Plan: Social Work Major"), (250.0, "Confer date: 14-DEC-2013")]])
    [item] = result.items
    assert item.value["conferred"] == "2013-12-14" and not item.needs_review


BA_2005 = {"abbreviation": "BA", "name": "Bachelor of Arts", "field": "Psychology",
           "institution": "Ridgeline University", "conferred": "2005-05-02"}


@pytest.mark.parametrize("rows", [
    pytest.param([[(50, "DEGREES GRANTED")],
                  [(50, "Bachelor of Arts"), (330, "Granted May 2, 2005")], [(70, "Major: Psychology")],
                  [(50, "Master of Social Work"), (330, "Granted May 7, 2012")], [(70, "Major: Social Work")]],
                 id="each-degree-its-major-on-the-line-under-it"),
    pytest.param([[(50, "Degrees Conferred")],
                  [(50, "Bachelor of Arts"), (400, "Conferred 05/02/2005")], [(60, "Honors: Cum Laude")],
                  [(60, "Field of Study: Psychology")],
                  [(50, "Master of Social Work"), (400, "Conferred 05/07/2012")], [(60, "Concentration: Social Work")],
                  [(60, "Minor: Gerontology")]],
                 id="honors-and-a-minor-among-the-detail-lines"),
    pytest.param([[(50, "Degrees Awarded")],
                  [(50, "B.A."), (250, "Awarded 2005-05-02")], [(50, "Major in Psychology")],
                  [(50, "Master of Social Work"), (250, "Awarded 2012-05-07")], [(50, "Major in Social Work")]],
                 id="a-major-written-without-a-colon"),
    pytest.param([[(50, "DEGREE(S) AWARDED")],
                  [(50, "Bachelor of Arts"), (330, "Granted May 2, 2005")], [(70, "Major"), (200, "Psychology")],
                  [(50, "Master of Social Work"), (330, "Granted May 7, 2012")], [(70, "Major"), (200, "Social Work")]],
                 id="the-major-label-in-its-own-cell"),
    pytest.param([[(50, "Degrees Earned")],
                  [(50, "Bachelor of Arts")], [(70, "Date Conferred: 05/02/2005")], [(70, "Major: Psychology")],
                  [(50, "Master of Social Work")], [(70, "Date Conferred: 05/07/2012")], [(70, "Major: Social Work")]],
                 id="the-conferral-on-a-detail-line-above-the-major"),
])
def test_a_degrees_section_s_entries_are_each_a_degree_and_the_detail_lines_under_it(rows: list) -> None:
    """A registrar's degrees section: each degree's row (the date beside it), then its own lines of detail."""
    result = extract(HEAD + rows)
    assert degree_values(result) == [BA_2005, MSW_2012]
    assert [flag.code for flag in result.flags] == []


@pytest.mark.parametrize(("between", "last", "field"), [
    ("Cumulative GPA: 3.81", "Major: Social Work", None),  # not a detail of the degree: its entry ends there
    ("SWK 601 Practice I 3.0 A", "Major: Social Work", None),
    ("Honors: Magna Cum Laude", "Major: Social Work", "Social Work"),
    ("Minor: Psychology", "Major: Social Work", "Social Work"),  # a minor continues the entry
    ("Honors: Magna Cum Laude", "Minor: Psychology", None),  # but is no field
])
def test_only_a_field_on_the_degree_s_own_detail_lines_is_its_field(between: str, last: str,
                                                                    field: str | None) -> None:
    result = extract(HEAD + [[(50, "Degrees Granted")], [(50, "Master of Social Work"), (330, "Granted May 7, 2012")],
                             [(70, between)], [(70, last)]])
    [item] = result.items
    assert item.value["field"] == field and ("degree.field_missing" in item.reasons) is (field is None)


def test_a_second_degree_after_a_course_line_under_a_detail_is_no_section_row() -> None:
    """A detail line continues a degrees section; a course line between ends it, so a later date is not taken."""
    result = extract(HEAD + [[(50, "Degrees Granted")], [(50, "Bachelor of Arts"), (330, "Granted May 2, 2005")],
                             [(70, "Major: Psychology")], [(50, "SWK 601 Practice I"), (250, "3.0 A")],
                             [(50, "Master of Social Work"), (420, "08/25/2010")]])
    assert degree_values(result) == [BA_2005]
    assert [flag.code for flag in result.flags] == ["transcript.degree_unread"]


# --- review R8d (issue 3): a degree not conferred, another column's or cell's words, a level for a field --------

BA_ROW = [[(50, "Degrees")], [(50, "Bachelor of Arts"), (200, "Psychology"), (330, "05/02/2005")],
          [(70, "Honors: Cum Laude")]]


@pytest.mark.parametrize("status", ["Not Conferred", "Withdrawn", "Pending", "Candidate", "In Progress",
                                    "Degree Candidate", "Not yet awarded", "Discontinued"])
def test_a_degree_row_saying_it_was_not_conferred_is_left_for_a_person(status: str) -> None:
    result = extract(HEAD + BA_ROW + [[(50, "Master of Social Work"), (200, status), (330, "08/25/2010")]])
    assert [item.value["abbreviation"] for item in result.items] == ["BA"]
    assert [flag.code for flag in result.flags] == ["transcript.degree_unread"]


def test_a_bare_row_date_beside_unexplained_words_is_doubted() -> None:
    result = extract(HEAD + [[(50, "Degrees Awarded")], [(50, "Master of Social Work"), (200, "Social Work"),
                                                          (330, "Deferred"), (420, "05/07/2012")]])
    [item] = result.items
    assert item.value["conferred"] == "2012-05-07" and item.confidence < 0.8


@pytest.mark.parametrize("below", [[[(70, "Major: Psychology")]],
                                   [[(70, "Major: Psychology"), (350, "Major: Social Work")]]])
def test_a_field_below_is_taken_only_from_the_degree_s_own_column(below: list) -> None:
    result = extract(HEAD + [[(50, "Degrees Granted")], [(50, "Bachelor of Arts"), (170, "Granted May 2, 2005"),
                                                          (330, "Master of Social Work"), (450, "Granted May 7, 2012")]]
                     + below)
    fields = [item.value["field"] for item in result.items]
    assert fields == ["Psychology", "Social Work" if len(below[0]) == 2 else None]


@pytest.mark.parametrize(("detail", "field"), [
    ([(70, "Major:"), (330, "GPA 3.51")], None),
    ([(70, "Major:"), (330, "Cumulative GPA 3.51")], None),
    ([(70, "Major:"), (330, "Credits 120")], None),
    ([(70, "Major: Psychology"), (330, "Honors 3.51")], "Psychology"),
    ([(70, "Major:"), (330, "Psychology")], "Psychology"),
])
def test_a_detail_s_value_ends_at_its_own_cell(detail: list, field: str | None) -> None:
    result = extract(HEAD + [[(50, "Degrees Granted")], [(50, "Bachelor of Arts"), (330, "Granted May 2, 2005")],
                             detail])
    assert [item.value["field"] for item in result.items] == [field]


@pytest.mark.parametrize("detail", ["Program: Graduate", "Plan: Non-Thesis", "Area: Graduate", "Major: Undeclared",
                                    "Program: Undergraduate", "Plan: Thesis Option", "Program: Doctoral"])
def test_a_level_or_plan_is_not_the_field(detail: str) -> None:
    result = extract(HEAD + [[(50, "Degrees Granted")], [(50, "Master of Social Work"), (330, "Granted May 7, 2012")],
                             [(70, detail)]])
    [item] = result.items
    assert item.value["field"] is None and "degree.field_missing" in item.reasons


def test_a_major_under_a_certificate_is_not_the_degree_s() -> None:
    result = extract(HEAD + [[(50, "Degrees Awarded")], [(50, "Master of Social Work"), (330, "Conferred 05/07/2012")],
                             [(70, "Certificate in Play Therapy")], [(70, "Major: School Counseling")]])
    [item] = result.items
    assert item.value["field"] is None


def test_two_degree_names_side_by_side_are_two_degrees() -> None:
    """Two columns of degrees whose gap the text layer reads as a space: each name is its own degree (R8d, t3)."""
    result = extract(HEAD + [[(50, "Degrees Granted"), (330, "Degrees Granted")],
                             [(50, "Bachelor of Arts"), (330, "Master of Social Work")],
                             [(50, "Granted May 2, 2005"), (330, "Granted May 7, 2012")]])
    assert {(i.value["abbreviation"], i.value["conferred"]) for i in result.items} == {
        ("BA", "2005-05-02"), ("MSW", "2012-05-07")}
    assert not any("name_abbreviation_disagree" in i.reasons for i in result.items)


# --- holdout-v9 (session 11): a degrees section whose rows lead with their date --------------------------------


@pytest.mark.parametrize("rows", [
    pytest.param([[(50, "Degrees Conferred")],
                  [(50, "05/02/2005"), (150, "Bachelor of Arts"), (330, "Major: Psychology")],
                  [(50, "05/07/2012"), (150, "Master of Social Work"), (330, "Major: Social Work")]],
                 id="numeric-date-then-degree-then-major"),
    pytest.param([[(50, "DEGREES GRANTED")],
                  [(50, "May 2, 2005"), (150, "Bachelor of Arts (B.A.)"), (330, "Concentration: Psychology")],
                  [(50, "May 7, 2012"), (150, "Master of Social Work (M.S.W.)"), (330, "Concentration: Social Work")]],
                 id="worded-date-abbreviation-in-brackets"),
    pytest.param([[(50, "Degrees Awarded")],
                  [(50, "2 May 2005"), (150, "Bachelor of Arts"), (330, "Psychology")],
                  [(50, "7 May 2012"), (150, "Master of Social Work"), (330, "Social Work")]],
                 id="an-unlabelled-field-cell"),
    pytest.param([[(50, "Degrees Earned")],
                  [(50, "Conferred 05/02/2005"), (180, "Bachelor of Arts"), (330, "Major: Psychology")],
                  [(50, "Conferred 05/07/2012"), (180, "Master of Social Work"), (330, "Major: Social Work")]],
                 id="a-conferral-word-before-the-date"),
])
def test_a_degrees_section_row_may_lead_with_its_date(rows: list) -> None:
    result = extract(HEAD + rows)
    assert degree_values(result) == [BA_2005, MSW_2012]
    assert [flag.code for flag in result.flags] == []
    assert all(not item.needs_review for item in result.items)


def test_a_date_first_row_with_unexplained_words_is_doubted() -> None:
    result = extract(HEAD + [[(50, "Degrees Awarded")], [(50, "05/07/2012"), (150, "Master of Social Work"),
                                                          (300, "Major: Social Work"), (450, "Leave of absence")]])
    [item] = result.items
    assert item.value["conferred"] == "2012-05-07" and item.confidence < 0.8


@pytest.mark.parametrize("rows", [
    [[(50, "Coursework")], [(50, "05/07/2012"), (150, "Master of Social Work"), (330, "Major: Social Work")]],
    [[(50, "Degrees Awarded")], [(50, "Spring"), (110, "05/07/2012"), (200, "Master of Social Work"),
                                 (360, "Major: Social Work")]],
    [[(50, "Degrees Awarded")], [(50, "05/07/2012 Enrolled"), (200, "Master of Social Work"),
                                 (360, "Major: Social Work")]],
])
def test_a_date_before_a_degree_outside_a_section_row_s_lead_is_not_its_conferral(rows: list) -> None:
    """Guard rows (pass before and after): not under a degrees heading, not the row's first cell, or words after the
    date in its cell: the date is not taken, and the unread degree flags the document."""
    result = extract(HEAD + rows)
    assert all(item.value["conferred"] is None or item.needs_review for item in result.items)
    assert result.flags


# --- review R11j (session 11): a degrees section's rows, their detail lines and their other cells ----------------

MED_ROW = [(50, "01/15/2023"), (150, "Master of Education"), (330, "Early Childhood")]
MED_LAST = [(50, "Master of Education"), (200, "Early Childhood"), (360, "01/15/2023")]


@pytest.mark.parametrize(("rows", "source"), [
    pytest.param([[(50, "Degrees")], MED_ROW, [(150, "Degree Status: In Progress")]], "text_layer",
                 id="in-progress-below"),
    pytest.param([[(50, "Degrees")], MED_ROW, [(150, "Status: Active")]], "text_layer", id="active-below"),
    pytest.param([[(50, "Degrees Awarded")], MED_ROW, [(150, "Program Status: Pending")]], "text_layer",
                 id="pending-below"),
    pytest.param([[(50, "Degrees")], MED_ROW, [(150, "Admission Term: Spring 2023")]], "text_layer",
                 id="admission-term-below"),
    pytest.param([[(50, "Degrees")], MED_LAST, [(50, "Enrollment Status: Currently Enrolled")]], "text_layer",
                 id="date-last-status-below"),
    pytest.param([[(50, "Degrees")], MED_ROW, [(150, "Status: In Progress")]], "ocr", id="ocr-status-below"),
])
def test_a_degree_whose_detail_lines_say_it_is_under_way_is_left_for_a_person(rows: list, source: str) -> None:
    result = extract(HEAD + rows, source=source)
    assert not any(item.value["conferred"] == "2023-01-15" and not item.needs_review for item in result.items)
    assert result.flags or all(item.needs_review for item in result.items)


def test_a_conferred_status_under_a_degree_row_keeps_it() -> None:
    """Guard row (passes before and after): a status line saying the degree was conferred is no doubt."""
    result = extract(HEAD + [[(50, "Degrees")], MED_ROW, [(150, "Degree Status: Conferred")]])
    [item] = result.items
    assert item.value["conferred"] == "2023-01-15" and item.value["field"] == "Early Childhood"


# Guard rows (pass before and after): "Minor: Theatre" (a labelled minor) and "First Class Honours" (an honour).
@pytest.mark.parametrize("cell", ["Minor in Art History", "Sociology, Minor in Spanish", "Spanish Minor",
                                  "Minor: Theatre"])
@pytest.mark.parametrize("date_first", [True, False])
def test_a_minor_s_cell_is_never_the_degree_s_field(cell: str, date_first: bool) -> None:
    row = ([(50, "06/10/2016"), (150, "Bachelor of Science"), (330, cell)] if date_first
           else [(50, "Bachelor of Science"), (200, cell), (400, "06/10/2016")])
    [item] = extract(HEAD + [[(50, "Degrees Awarded")], row]).items
    assert item.value["field"] is None and item.needs_review and item.confidence <= 0.7


@pytest.mark.parametrize("cell", ["College of Education", "Department of Sociology", "Honors Program",
                                  "Dean's Honor Roll", "First Class Honours", "Part-Time", "Honours in Sociology",
                                  "Graduate School"])
@pytest.mark.parametrize("date_first", [True, False])
def test_a_cell_naming_no_subject_is_not_the_field(cell: str, date_first: bool) -> None:
    row = ([(50, "06/10/2016"), (150, "Bachelor of Science"), (330, cell)] if date_first
           else [(50, "Bachelor of Science"), (200, cell), (400, "06/10/2016")])
    [item] = extract(HEAD + [[(50, "Degrees Awarded")], row]).items
    assert item.value["field"] != cell and item.needs_review and item.confidence <= 0.7


def test_another_institution_s_name_on_a_degree_row_is_flagged() -> None:
    other = [(50, "06/10/2016"), (150, "Bachelor of Science"), (330, "Cedar Valley Community College")]
    result = extract(HEAD + [[(50, "Degrees Awarded")], MED_ROW, other])
    bs = [item for item in result.items if item.value["abbreviation"] == "BS"]
    assert [item.value["field"] for item in bs] == [None]
    assert "degree.institution_other" in bs[0].reasons and bs[0].confidence <= 0.7


@pytest.mark.parametrize("course", [
    pytest.param([(50, "02/03/2022"), (150, "MEd 612"), (330, "Play-Based Learning"), (480, "3.00")], id="code-cell"),
    pytest.param([(50, "02/03/2022"), (150, "MA 515"), (230, "Research Methods"), (480, "4.00")], id="ma-code"),
    pytest.param([(50, "02/03/2022"), (150, "MEd 612 Play-Based Learning"), (480, "3.00")], id="code-and-title"),
    pytest.param([(50, "02/03/2022"), (150, "MS"), (230, "Lab Techniques"), (430, "B+"), (480, "3.00")],
                 id="letters-alone-with-a-grade"),
])
def test_a_course_row_under_the_degrees_is_no_degree(course: list) -> None:
    result = extract(HEAD + [[(50, "Degrees Awarded")], MED_ROW, course])
    assert [(item.value["abbreviation"], item.value["conferred"]) for item in result.items] == [("MEd", "2023-01-15")]


@pytest.mark.parametrize("row", [
    [(50, "06/10/2016"), (150, "Master of Education"), (330, "Early Childhood"), (470, "08/28/2014")],
    [(50, "08/28/2014"), (150, "Master of Education"), (330, "Early Childhood"), (470, "06/10/2016")],
])
def test_a_degree_row_with_two_bare_dates_is_checked(row: list) -> None:
    [item] = extract(HEAD + [[(50, "Degrees Awarded")], row]).items
    assert item.needs_review and item.confidence <= 0.7
