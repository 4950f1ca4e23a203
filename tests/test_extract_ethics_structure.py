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
    (doc_of((136, [(72, "a breach of the Code may lead to the loss of my endorsement.")]),
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
