"""An employer's letter confirming a person's employment, the facts in a label column beside a value column.

The letterhead names the employer; the letter confirms "the employment of" the person in the first person. Unless
the body names the letterhead's organisation as the employer, that is an inference a person checks (there is
always another wording of a request, a refusal or a placement). A label cell "Employed" stands beside the whole
period. The duties wrap in the value column: a wrapped line that goes on to a clause of its own (the person's
status) ends them, and a person checks where.
"""

from __future__ import annotations

import pytest

from extractors import employment
from extractors.layout import build_text
from extractors.nlp import find_patterns
from pipeline.models import Item
from tests.test_extract_forms import doc_of, page_of

LABELS, VALUES = 72.0, 190.0


def block_letter(top: str, opening: str, facts: list[tuple[str, str]], wrapped: tuple[str, ...] = (),
                 ocr: bool = False) -> list[tuple[float, list[tuple[float, str]]]]:
    """The letter's rows: letterhead, address, date, salutation, opening sentence, the facts, the sign-off."""
    rows: list[tuple[float, list[tuple[float, str]]]] = [
        (60, [(LABELS, top)]), (74, [(LABELS, "88 Orchard Road, Fairview - Tel. 555-0142")]),
        (100, [(LABELS, "May 4, 2026")]), (124, [(LABELS, "To Whom It May Concern:")]),
        (144, [(LABELS, opening)])]
    y = 170.0
    for label, value in facts:
        rows.append((y, [(LABELS, label), (VALUES, value)]))
        y += 16
    for line in wrapped:  # the last value's wrapped lines, in its column
        rows.append((y - 2, [(VALUES, line)]))
        y += 14
    rows += [(y + 20, [(LABELS, "Kind regards,")]), (y + 34, [(LABELS, "Tomas Reyes")])]
    return rows


def item_of(rows: list[tuple[float, list[tuple[float, str]]]], ocr: bool = False) -> Item:
    page = page_of(rows)
    if ocr:  # a scan: the same words, read by OCR
        page = page.model_copy(update={"source": "ocr",
                                       "words": [w.model_copy(update={"source": "ocr"}) for w in page.words]})
    doc = build_text("doc", [page])
    extraction = employment.extract(doc, find_patterns(doc.text))
    assert len(extraction.items) == 1, extraction
    return extraction.items[0]


FACTS = [("Staff member", "Dana Okafor"), ("Position", "Family Support Worker"),
         ("Employed", "03/14/2016 - 10/31/2021"), ("Weekly hours", "32"),
         ("Duties", "running parent groups and home visits with new parents")]


@pytest.mark.parametrize(("top", "opening", "facts", "expected"), [
    # an organisation name with no word such as "Center" or "Services": the letter's confirming says it employs
    ("Pinecrest Behavioral Health Trust",
     "We are pleased to confirm the employment of Dana Okafor. Our records show the following.", FACTS,
     {"employer": "Pinecrest Behavioral Health Trust", "role": "Family Support Worker", "start": "2016-03-14",
      "end": "2021-10-31", "duties": "running parent groups and home visits with new parents"}),
    ("Willow Creek Early Childhood Center",
     "This letter will verify the employment of Mr. Dana Okafor; we hold the details below on file.",
     [("Title", "Home Visitor"), ("Employed", "June 1, 2019 - present"), ("Status", "Active"),
      ("Duties", "weekly home visits with families of infants")],
     {"employer": "Willow Creek Early Childhood Center", "role": "Home Visitor", "start": "2019-06-01",
      "end": None, "duties": "weekly home visits with families of infants"}),
])
def test_letter_confirming_its_own_employee_reads_the_letterhead_as_employer_for_a_person_to_check(
        top: str, opening: str, facts: list[tuple[str, str]], expected: dict[str, object]) -> None:
    """The letter never names the letterhead as the employer: read, but checked (both rows fail before)."""
    item = item_of(block_letter(top, opening, facts))
    assert item.value == expected and item.needs_review and item.confidence <= 0.7
    assert "employment.employer_from_letterhead" in item.reasons


@pytest.mark.parametrize("opening", [
    "We cannot confirm the employment of Dana Okafor. The file we hold shows:",  # a refusal
    "I am unable to verify the employment of Dana Okafor. Our file shows:",
    "You asked to confirm the employment of Dana Okafor with Lakeshore Staffing Group, who placed her here:",
    "Please find below the details you asked for.",                               # nothing said of employment
])
def test_letter_not_confirming_its_own_employee_reads_no_sure_employer(opening: str) -> None:
    """Guard rows (pass before and after): a refusal, a place named after the person, or no confirming at all."""
    doc = build_text("doc", [page_of(block_letter("Pinecrest Family Services", opening, FACTS))])
    extraction = employment.extract(doc, find_patterns(doc.text))
    if extraction.items:
        item, = extraction.items
        assert "employment.employer_unconfirmed" in item.reasons
    else:
        assert [f.code for f in extraction.flags] == ["employment.no_period"]


def test_a_scanned_letterhead_word_cut_after_its_capital_is_made_whole_and_checked() -> None:
    item = item_of(block_letter("Pinecrest Behavioral H ealth Trust",
                                "We confirm the employment of Dana Okafor. Our records show:", FACTS), ocr=True)
    assert item.value["employer"] == "Pinecrest Behavioral Health Trust"
    assert "employment.employer_misread" in item.reasons


@pytest.mark.parametrize(("first", "wrapped", "duties"), [
    # a wrapped line going on to a sentence of its own about the person, or to a clause on her status
    ("running parent groups and home visits", ("with new parents. She was not eligible for rehire.",),
     "running parent groups and home visits with new parents"),
    ("running parent groups and home visits", ("with new parents. Ms Okafor resigned to move away.",),
     "running parent groups and home visits with new parents"),
    ("running parent groups and home visits", ("with new parents but was not eligible for rehire",),
     "running parent groups and home visits with new parents"),
    ("running parent groups and home visits", ("with new parents, and left the agency in 2021",),
     "running parent groups and home visits with new parents"),
    ("running parent groups and home visits with new", ("parents; however, she is not eligible for re-hire",),
     "running parent groups and home visits with new parents"),
    ("running parent groups and home visits", ("with new parents. Please call me with any questions.",),
     "running parent groups and home visits with new parents"),
    # an HR note with no subject ends them too
    ("home visits with new parents.", ("Ineligible for re-employment.",), "home visits with new parents"),
    ("home visits with new parents.", ("Reason for separation: moved out of state.",), "home visits with new parents"),
    ("home visits with new parents. Job ended", ("in 2021 when the grant lapsed.",), "home visits with new parents"),
    ("home visits with new parents; involuntary", ("separation.",), "home visits with new parents"),
    ("home visits with new parents.", ("Dismissed for cause.",), "home visits with new parents"),
    ("home visits with new parents. Mr Okafor's", ("post was abolished in 2021.",), "home visits with new parents"),
    ("home visits with new parents. The role", ("was eliminated in a restructure.",), "home visits with new parents"),
])
def test_a_wrapped_line_going_on_to_a_clause_of_its_own_ends_the_duties(
        first: str, wrapped: tuple[str, ...], duties: str) -> None:
    """Every cut is a guess ("... and retired volunteers" is a duty): the duties are read but checked."""
    facts = [("Position", "Family Support Worker"), ("Start date", "03/14/2016"), ("End date", "10/31/2021"),
             ("Duties", first)]
    item = item_of(block_letter("Pinecrest Behavioral Health Trust",
                                "Dana Okafor was employed by Pinecrest Behavioral Health Trust as follows:", facts,
                                wrapped))
    assert item.value["duties"] == duties and "employment.duties_unclear" in item.reasons and item.needs_review


@pytest.mark.parametrize(("first", "wrapped", "duties"), [
    # guard rows (pass before and after): duties set off by stops, a clause that is a duty
    ("running parent groups. Home visits", ("with new parents.",),
     "running parent groups. Home visits with new parents"),
    ("running parent groups and", ("was the lead for home visits",), "running parent groups and was the lead for "
                                                                      "home visits"),
])
def test_duties_with_no_clause_of_their_own_are_read_whole_and_sure(
        first: str, wrapped: tuple[str, ...], duties: str) -> None:
    facts = [("Position", "Family Support Worker"), ("Start date", "03/14/2016"), ("End date", "10/31/2021"),
             ("Duties", first)]
    item = item_of(block_letter("Pinecrest Behavioral Health Trust",
                                "Dana Okafor was employed by Pinecrest Behavioral Health Trust as follows:", facts,
                                wrapped))
    assert item.value["duties"] == duties and not item.needs_review


@pytest.mark.parametrize(("first", "wrapped"), [
    # a status word inside a real duty: wherever the reader cuts, a person checks it
    ("trained foster carers and", ("retired nurses from the county",)),
    ("ran a drop-in for mothers who had been refused housing and were", ("not eligible for benefits",)),
    ("peer support for fathers. Their employment", ("plans were reviewed each month.",)),
])
def test_a_status_word_inside_the_duties_leaves_them_checked(first: str, wrapped: tuple[str, ...]) -> None:
    facts = [("Position", "Family Support Worker"), ("Start date", "03/14/2016"), ("End date", "10/31/2021"),
             ("Duties", first)]
    item = item_of(block_letter("Pinecrest Behavioral Health Trust",
                                "Dana Okafor was employed by Pinecrest Behavioral Health Trust as follows:", facts,
                                wrapped))
    assert "employment.duties_unclear" in item.reasons and item.needs_review and item.confidence <= 0.7


def test_a_status_clause_on_the_duties_own_line_ends_them() -> None:
    doc = doc_of((60, [(72, "Riverbend Family Clinic")]), (90, [(72, "Dear Board:")]),
                 (104, [(72, "Ann Lee was employed at Riverbend Family Clinic, as follows:")]),
                 (124, [(72, "Position: Family Advocate")]), (138, [(72, "Start date: 03/01/2015")]),
                 (152, [(72, "End date: 08/31/2020")]),
                 (166, [(72, "Duties: home visits with infants, but she is not eligible for rehire.")]),
                 (204, [(72, "Sincerely,")]))
    item = employment.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["duties"] == "home visits with infants" and "employment.duties_unclear" in item.reasons


def extraction_of(rows: list[tuple[float, list[tuple[float, str]]]]) -> employment.Extraction:
    doc = build_text("doc", [page_of(rows)])
    return employment.extract(doc, find_patterns(doc.text))


def headed(top_lines: list[str], opening: str, facts: list[tuple[str, str]] = FACTS,
           ) -> list[tuple[float, list[tuple[float, str]]]]:
    """A letter whose letterhead is several lines (above the address, the date and the salutation)."""
    rows = block_letter("placeholder", opening, facts)[1:]
    return [(30.0 + 12 * i, [(LABELS, text)]) for i, text in enumerate(top_lines)] + rows


def assert_no_sure_employer(rows: list[tuple[float, list[tuple[float, str]]]]) -> None:
    """Either no item (the document flagged) or an item whose employer a person checks."""
    extraction = extraction_of(rows)
    if not extraction.items:
        assert [f.code for f in extraction.flags] == ["employment.no_period"]
        return
    item, = extraction.items
    assert item.needs_review and item.confidence <= 0.7
    assert {"employment.employer_unconfirmed", "employment.employer_from_letterhead"} & set(item.reasons)


OWN = "We confirm the employment of Lena Brandt; our file holds the details below."


@pytest.mark.parametrize("top_lines", [
    ["Department of Obstetrics", "Lakeview Women's Hospital"],    # a department over its hospital
    ["Infant Wellness Program", "Cedar Ridge Family Services"],   # a program over its agency
    ["Personal and Confidential", "Cedar Ridge Family Services"],  # a marking, maybe over the recipient's address
    ["Maria J. Santos"],                                           # a person's name
    ["Cedar Ridge Family Services", "Attn: Records Desk"],         # a marking under the name: a recipient may follow
])
def test_a_letterhead_that_may_not_be_the_employing_organisation_is_no_sure_employer(top_lines: list[str]) -> None:
    assert_no_sure_employer(headed(top_lines, OWN))


@pytest.mark.parametrize("opening", [
    # the work placed at another organisation (the first, "her work at", a guard row passing before and after)
    "We confirm the employment of Lena Brandt. I directed her work at Eastgate Community Clinic for six years.",
    "We confirm the employment of Lena Brandt. She was seconded to Maple Street Family Center as below.",
    "We confirm the employment of Lena Brandt. Eastgate Community Clinic, which we fund, pays her as below.",
    # a request, or a refusal after the confirming words
    "Your office requested that we confirm the employment of Lena Brandt. We can send what follows.",
    "We confirm the employment of Lena Brandt. Regrettably our personnel system does not hold her file.",
    "We confirm the employment of Lena Brandt. We found no such employee; you supplied these facts:",
    # no "we" or "our" but a country's capital "US" in an address
    "This is to confirm the employment of Lena Brandt. Reply to 12 Elm Street, Fairview, US.",
])
def test_a_letter_placing_the_work_elsewhere_or_not_confirming_it_gives_no_sure_employer(opening: str) -> None:
    assert_no_sure_employer(block_letter("Northfield Children's Trust", opening, FACTS))


def test_a_letter_naming_its_own_organisation_again_stays_sure() -> None:
    """Guard row (passes before and after): the letter's own name in the body is no other place."""
    item = item_of(block_letter("Northfield Children's Trust",
                                "We confirm the employment of Lena Brandt. She has been with us at Northfield "
                                "Children's Trust since she qualified.", FACTS))
    assert item.value["employer"] == "Northfield Children's Trust" and not item.needs_review


@pytest.mark.parametrize(("first", "wrapped", "duties", "doubted"), [
    # a second sentence of the same person's duties: kept whole, a person checks where they end
    ("Led home visits for families with infants.", ("He also coordinated the parent cafe.",),
     "Led home visits for families with infants. He also coordinated the parent cafe", True),
    ("Ran weekly parent groups. Mr Brandt also", ("served as the group lead.",),
     "Ran weekly parent groups. Mr Brandt also served as the group lead", True),
    ("Screened newborns. Referrals were", ("made to early intervention.",),
     "Screened newborns. Referrals were made to early intervention", True),
    ("Co-led groups. His caseload was", ("twelve families.",), "Co-led groups. His caseload was twelve families",
     True),
    # "separated" and "released" inside a duty say nothing of the person's employment
    ("play groups for widowed and separated fathers", (), "play groups for widowed and separated fathers", False),
    ("visits to parents who were detained", ("and were released on bail",),
     "visits to parents who were detained and were released on bail", False),
    # the status still ends the duties, checked
    ("play groups for fathers", ("and separated from the agency in 2020",), "play groups for fathers", True),
    ("play groups for fathers.", ("He later resigned from the agency.",), "play groups for fathers", True),
])
def test_a_sentence_going_on_about_the_duties_keeps_them_whole(
        first: str, wrapped: tuple[str, ...], duties: str, doubted: bool) -> None:
    facts = [("Position", "Home Visitor"), ("Start date", "02/01/2017"), ("End date", "06/30/2022"),
             ("Duties", first)]
    item = item_of(block_letter("Northfield Children's Trust",
                                "Lena Brandt was employed by Northfield Children's Trust as follows:", facts, wrapped))
    assert item.value["duties"] == duties
    assert ("employment.duties_unclear" in item.reasons) is doubted and item.needs_review is doubted


def test_a_duties_heading_of_two_words_joined_by_and_is_a_heading_not_a_value() -> None:
    rows = block_letter("Northfield Children's Trust", "Lena Brandt was employed by Northfield Children's Trust "
                        "as follows:", [("Position", "Home Visitor"), ("Start date", "02/01/2017"),
                                        ("End date", "06/30/2022")])
    rows = rows[:-2] + [(250, [(LABELS, "Responsibilities and Duties")]),
                        (264, [(LABELS, "Weekly visits to parents of newborns in their homes.")]),
                        (300, [(LABELS, "Yours faithfully,")])]
    item = item_of(rows)
    assert item.value["duties"] == "Weekly visits to parents of newborns in their homes"


@pytest.mark.parametrize("facts", [
    # "as of" the letter's day: a still-employed answer, no start
    [("Position", "Home Visitor"), ("Employed", "Yes, as of 04/30/2026"), ("Duties", "visits to new parents")],
    # an "Employed" answer that is a word: "as follows" names no role
    [("Position", "Home Visitor"), ("Employed", "Part-time"), ("From", "02/01/2017"), ("To", "06/30/2022"),
     ("Duties", "visits to new parents")],
])
def test_an_employed_answer_gives_no_start_and_as_follows_no_role(facts: list[tuple[str, str]]) -> None:
    extraction = extraction_of(block_letter("Northfield Children's Trust", "Lena Brandt was employed by Northfield "
                                            "Children's Trust as follows:", facts))
    for item in extraction.items:
        assert item.needs_review or (item.value["role"] == "Home Visitor" and item.value["start"] == "2017-02-01")
        assert item.value["start"] != "2026-04-30"


@pytest.mark.parametrize("top, opening", [
    # a third party asking the employer to confirm (finding 4)
    ("Eastbrook Community Lending", "Could you kindly verify the employment of Lena Brandt. She has asked us for a "
                                    "loan and gave us these facts:"),
    # a refusal in words no list holds (finding 5)
    ("Northfield Children's Trust", "We confirm the employment of Lena Brandt. Her name is absent from our staff "
                                    "lists; you gave:"),
    # the work placed elsewhere in words no list holds (finding 6)
    ("Northfield Children's Trust", "We confirm the employment of Lena Brandt. She works out of our partner's site, "
                                    "Maple Street Family Center:"),
    # a tagline standing where the organisation's name would (finding 7)
    ("Caring for Every Little Family", "We confirm the employment of Lena Brandt. Our file holds the details below."),
])
def test_a_letterhead_the_letter_never_names_as_employer_is_checked(top: str, opening: str) -> None:
    assert_no_sure_employer(block_letter(top, opening, FACTS))


@pytest.mark.parametrize("duties", [
    # a refusal's words inside the duties take back no confirmation (finding 8)
    "home visits for mothers who cannot find stable housing",
    "groups for parents whose records do not show a diagnosis",
])
def test_refusal_words_in_the_duties_are_no_refusal(duties: str) -> None:
    facts = [*FACTS[:-1], ("Duties", duties)]
    item = item_of(block_letter("Northfield Children's Trust", "We confirm the employment of Lena Brandt. Our file "
                                "holds the details below.", facts))
    assert item.value["employer"] == "Northfield Children's Trust" and item.value["duties"] == duties
    assert "employment.employer_from_letterhead" in item.reasons


def test_a_service_named_in_the_duties_is_no_other_workplace() -> None:
    """Finding 9: "referred by Eastgate Family Services" in the duties places the work nowhere else."""
    facts = [*FACTS[:-1], ("Duties", "home visits with families referred by Eastgate Family Services")]
    item = item_of(block_letter("Northfield Children's Trust", "We confirm the employment of Lena Brandt. Our file "
                                "holds the details below.", facts))
    assert item.reasons[:1] == ["employment.employer_from_letterhead"]
