"""Ethics signature blocks by structure: the signature written above its label, the name asked for in print."""

from __future__ import annotations

from typing import Any

import pytest

from extractors import ethics
from extractors.layout import DocText
from extractors.nlp import find_patterns
from tests.test_extract_forms import doc_of, lines, value_of

PARAGRAPH = (100, [(72, "I agree to uphold these standards in all of my professional work.")])


@pytest.mark.parametrize(("doc", "expected"), [
    # the signature in script on its own line above an empty "Signed:", the date field to its right
    (doc_of(PARAGRAPH, (136, [(110, "Rae Moss")]), (152, [(72, "Signed:"), (330, "Dated: June 5, 2026")]),
            (176, [(72, "Name (typed or printed): Rae Moss")])),
     {"signer": "Rae Moss", "date": "2026-06-05", "signed": True}),
    (doc_of(PARAGRAPH, (136, [(96, "/s/ Tomas Ilvane")]), (152, [(72, "Signature:"), (330, "Date: 03/14/2026")]),
            (176, [(72, "Print or type name: Tomas Ilvane")])),
     {"signer": "Tomas Ilvane", "date": "2026-03-14", "signed": True}),
    (doc_of(PARAGRAPH, (136, [(140, "Odile Brenner")]), (150, [(72, "Member signature:"), (360, "Date: 9/1/2026")]),
            (174, [(72, "Name (please print or type): Odile Brenner")])),
     {"signer": "Odile Brenner", "date": "2026-09-01", "signed": True}),
    # the script line set so close that the text layer merges it into the label's line
    (doc_of(PARAGRAPH, (150, [(72, "Signed: Rae Moss"), (330, "Dated: June 5, 2026")]),
            (176, [(72, "Typed/printed name: Rae Moss")])),
     {"signer": "Rae Moss", "date": "2026-06-05", "signed": True}),
    # unsigned: the paragraph's last line above the label is no signature, the next field is no signature either
    (doc_of((136, [(72, "and I will report any conduct that falls short of these principles.")]),
            (152, [(72, "Signed:"), (330, "Dated: January 12, 2026")]),
            (176, [(72, "Name (typed or printed): Ulric Penn")])),
     {"signer": "Ulric Penn", "date": "2026-01-12", "signed": False}),
    (doc_of((120, [(72, "Applicant's Statement")]), (136, [(72, "Signed:"), (330, "Date: 02/02/2026")]),
            (160, [(72, "Printed name: Ulric Penn")])),
     {"signer": "Ulric Penn", "date": "2026-02-02", "signed": False}),  # a heading above the label
    (doc_of(PARAGRAPH, (136, [(330, "Rae Moss")]), (152, [(72, "Signed:"), (330, "Dated: June 5, 2026")]),
            (176, [(72, "Name (typed or printed): Rae Moss")])),
     {"signer": "Rae Moss", "date": "2026-06-05", "signed": False}),  # a name over the date field is not the line's
    (doc_of(PARAGRAPH, (136, [(110, "06/05/2026")]), (152, [(72, "Signed:"), (330, "Witness: ______")]),
            (176, [(72, "Printed name: Rae Moss")])),
     {"signer": "Rae Moss", "date": None, "signed": False}),  # a date above the line is no signature
])
def test_signature_written_above_its_label(doc: DocText, expected: dict[str, Any]) -> None:
    assert value_of(ethics.extract, doc) == expected


@pytest.mark.parametrize("label", ["Name (typed or printed)", "Printed or typed name", "Name (print/type)",
                                   "Type or print name", "Name (please type or print)"])
def test_printed_name_asked_for_either_way(label: str) -> None:
    doc = lines("Signature: ____________", f"{label}: Rae Moss", "Date: 06/05/2026")
    assert value_of(ethics.extract, doc) == {"signer": "Rae Moss", "date": "2026-06-05", "signed": False}


def test_signature_above_with_no_printed_name_is_flagged() -> None:
    """A name above the label and nothing to confirm it: read, and a person checks it."""
    doc = doc_of(PARAGRAPH, (136, [(110, "Rae Moss")]), (152, [(72, "Signed:"), (330, "Dated: June 5, 2026")]))
    item = ethics.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["signer"] == "Rae Moss" and item.reasons == ["signature.signer_unconfirmed"]


@pytest.mark.parametrize("misread", ["=. Rae Moss", "_ Rae Moss", "~ Rae Moss", "- . Rae Moss"])
def test_printed_name_starts_at_its_first_letter(misread: str) -> None:
    """A scan reads the rule's end or a speck before the printed name: the name is the letters, not the marks."""
    doc = lines("Signature: /s/ Rae Moss", f"Printed name: {misread}", "Date: 06/05/2026")
    assert value_of(ethics.extract, doc) == {"signer": "Rae Moss", "date": "2026-06-05", "signed": True}


@pytest.mark.parametrize("doc", [
    # captions over their values: the printed name under its caption is no signature over the blank line
    doc_of(PARAGRAPH, (130, [(72, "Printed name"), (330, "Date")]), (146, [(72, "Rae Moss"), (330, "06/05/2026")]),
           (166, [(72, "Signature")]), (182, [(72, "")])),
    doc_of(PARAGRAPH, (130, [(72, "Member name")]), (146, [(72, "Rae Moss")]), (166, [(72, "Signature")]),
           (190, [(72, "Date")]), (206, [(72, "06/05/2026")])),
    doc_of(PARAGRAPH, (130, [(72, "Full name")]), (146, [(72, "Rae Moss")]), (166, [(72, "Applicant signature:")]),
           (190, [(72, "Date: 06/05/2026")])),
    # the name beside its own label on the line above
    doc_of(PARAGRAPH, (136, [(72, "Member name"), (250, "Rae Moss")]), (152, [(72, "Signature:")]),
           (176, [(72, "Date: June 5, 2026")])),
    doc_of(PARAGRAPH, (136, [(72, "Name:"), (200, "Rae Moss")]), (152, [(72, "Signature:")]),
           (176, [(72, "Date: June 5, 2026")])),
])
def test_a_name_that_is_a_fields_value_is_no_signature_above(doc: DocText) -> None:
    item = ethics.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["signed"] is not True


@pytest.mark.parametrize("mark", ["No", "Not signed", "Pending", "Unsigned copy", "Yes", "N/A", "none"])
@pytest.mark.parametrize("label", ["Signed", "Signature", "Signed by", "Applicant signature"])
def test_a_word_on_the_signature_line_saying_no_signature_is_flagged(label: str, mark: str) -> None:
    """"Signed: No" is no signer named "No": no signature is read, and a person checks the line."""
    doc = lines("Code of Ethics", f"{label}: {mark}", "Date: 06/05/2026")
    item = ethics.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["signer"] != mark and item.value["signed"] is not True and item.needs_review


def test_the_signers_labelled_line_beats_an_officers_signed_line() -> None:
    """A code adopted "Signed: <officer>" above the applicant's own blank signature line is not the applicant's."""
    doc = lines("Code of Professional Ethics", "Adopted by the Board of Directors.",
                "Signed: Dana Whitfield, Board President", "I agree to uphold this Code.",
                "Applicant signature: ______", "Date: 06/05/2026")
    item = ethics.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["signed"] is False and item.value["signer"] != "Dana Whitfield, Board President"


@pytest.mark.parametrize("mark", ["Dana Whitfield, Board President", "Dana Whitfield, Executive Director",
                                  "Dana Whitfield (Chair)"])
def test_a_signature_carrying_an_office_with_no_printed_name_is_flagged(mark: str) -> None:
    doc = lines("I agree to uphold this Code.", f"Signed: {mark}", "Date: 06/05/2026")
    item = ethics.extract(doc, find_patterns(doc.text)).items[0]
    assert "signature.signer_unconfirmed" in item.reasons and item.confidence < 0.8


@pytest.mark.parametrize("over", ["Title:", "Position:", "Member No.", "Reference No.:", "Witness:",
                                  "For office use only", "- - - - - - - - - - - - - - -", "Job title"])
def test_a_line_over_the_name_that_asks_for_no_name_leaves_the_signature(over: str) -> None:
    """Only a caption asking for a name makes the name under it that caption's value; "Title:" or a rule does not."""
    doc = doc_of(PARAGRAPH, (120, [(72, over)]), (136, [(110, "Rae Moss")]),
                 (152, [(72, "Signed:"), (330, "Dated: June 5, 2026")]),
                 (176, [(72, "Name (typed or printed): Rae Moss")]))
    item = ethics.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value == {"signer": "Rae Moss", "date": "2026-06-05", "signed": True}


@pytest.mark.parametrize("doc", [
    # the printed name's caption over the name: the name is set aside, and the blank line is checked by a person
    doc_of(PARAGRAPH, (130, [(72, "Member name")]), (146, [(72, "Rae Moss")]), (166, [(72, "Signature")]),
           (190, [(72, "Date")]), (206, [(72, "06/05/2026")])),
    doc_of(PARAGRAPH, (130, [(72, "Full name")]), (146, [(72, "Rae Moss")]), (166, [(72, "Applicant signature:")]),
           (190, [(72, "Date: 06/05/2026")])),
    # a name beside a label on the line above
    doc_of(PARAGRAPH, (136, [(110, "Rae Moss"), (330, "Date:")]), (152, [(72, "Signature:"), (330, "06/05/2026")]),
           (176, [(72, "Printed name: Rae Moss")])),
])
def test_a_name_above_the_line_set_aside_is_flagged(doc: DocText) -> None:
    """A name written over the signature line and read as another field's value never leaves the line clean."""
    item = ethics.extract(doc, find_patterns(doc.text)).items[0]
    assert item.value["signed"] is not True and "signature.unconfirmed" in item.reasons
