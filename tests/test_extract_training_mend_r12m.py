"""Review mend r12m on training certificates: a run-in date is sure only as the page's one completion date; a tall
short first word of an issuer's name is dropped as a logo's mark only on a scan, and flagged when the scan read it
well; a date stacked under a caption of its own heads no signature."""

from __future__ import annotations

from typing import Any

import pytest

from extractors.layout import build_text
from extractors.nlp import find_patterns
from extractors.training import extract
from tests.test_extract_training import Row, page_of
from tests.test_extract_training_sidebar import item_of


def award(*facts: str) -> list[Row]:
    """A completion award: issuer, heading, learner, the course in large type, then lines of facts and a signer."""
    return ["Lakeshore Center for Infant Wellbeing", "CERTIFICATE OF COMPLETION", ("Priya Raman", 26.0),
            "has completed the course", ("Co-Regulation with Young Toddlers", 18.0), *facts,
            "Morgan Ellery, Education Manager"]


def sure_wrong(item: Any, truth: str) -> bool:
    """A value that is not the truth and carries no flag: the silent error the mends remove."""
    return item.value["date"] != truth and not item.needs_review


@pytest.mark.parametrize(("facts", "truth"), [
    # finding 1: a date said in the sentence beside a weaker run-in label
    (("on March 3, 2025 for 3.0 contact hours", "Delivered 4/12/2025 \u00b7 Certificate No. 8812"), "2025-03-03"),
    # finding 2: one run-in line of several, or one part still open
    (("3.0 contact hours", "Session A \u00b7 Completed Feb 4, 2025", "Session B \u00b7 Completed Mar 11, 2025"),
     "2025-03-11"),
    (("3.0 contact hours", "Unit 1 \u00b7 Completed Feb 4, 2025", "Unit 2 \u00b7 Pending"), "none"),
    (("Held Feb 4, 2025 \u00b7 3.0 contact hours", "Self-paced follow-up | Delivered 3/11/2025"), "2025-03-11"),
    # finding 3: a list of session days
    (("Dates Attended 2/4/25; 2/11/25; 2/18/25 \u00b7 5.0 contact hours",), "2025-02-18"),
    (("Dates Attended 2/4/25 \u00b7 2/11/25 \u00b7 2/18/25 | 5 hours",), "2025-02-18"),
    # finding 4: a range whose second half is no full date
    (("Attended 2/4/2025 - 2/6 \u00b7 3.0 contact hours",), "2025-02-06"),
    (("Attended March 30, 2025 - April 1 \u00b7 3.0 contact hours",), "2025-04-01"),
    # finding 7: a bare "Date:" line disagreeing with the run-in date
    (("3.0 contact hours", "Date: Mar 3, 2025", "Attended Feb 4, 2025 \u00b7 Webinar replay"), "2025-03-03"),
])
def test_a_run_in_date_not_the_page_s_one_completion_date_is_flagged(facts: tuple[str, ...], truth: str) -> None:
    """Every row fails before: the run-in date came out at 0.864 unflagged."""
    assert not sure_wrong(item_of(award(*facts)), truth)


@pytest.mark.parametrize(("facts", "date"), [
    (("Completed Mar 3, 2025 \u00b7 3.0 contact hours \u00b7 Virtual", "Issued 3/20/2025"), "2025-03-03"),
    (("Attended Mar 3 - 5, 2025 \u00b7 3.0 clock hours \u00b7 In person",), "2025-03-05"),
    (("Completed 3/3/25 - 1.5 contact hours - Recorded webinar",), "2025-03-03"),
])
def test_a_run_in_date_alone_on_its_page_stays_sure(facts: tuple[str, ...], date: str) -> None:
    """Guard rows (pass before and after): one run-in date heading its line, an amount or an issue date beside it."""
    item = item_of(award(*facts))
    assert item.value["date"] == date and not item.needs_review


def _issuer_item(name: str, scale: float, source: str = "text_layer", read: float = 0.99) -> Any:
    """The award under a letterhead whose first word stands `scale` times the name's height, as `source` read it."""
    page = page_of([name, "CERTIFICATE OF COMPLETION", ("Priya Raman", 26.0), "has completed the course",
                    ("Co-Regulation with Young Toddlers", 18.0), "Completed: Mar 3, 2025 | 3.0 contact hours"])
    first = page.words[0]
    x0, _, x1, bottom = first.bbox
    tall = (bottom - first.bbox[1]) * scale
    words = [first.model_copy(update={"bbox": (x0, bottom - tall, x1, bottom), "source": source,
                                      "confidence": read}), *page.words[1:]]
    doc = build_text("doc", [page.model_copy(update={"words": words})])
    [item] = extract(doc, find_patterns(doc.text)).items
    return item


@pytest.mark.parametrize("name", ["KSU Center for Infant Studies", "The Marlow Family Institute",
                                  "ABC Early Learning Alliance"])
def test_a_text_layer_s_large_first_word_stays_in_the_issuer(name: str) -> None:
    """Finding 5 (every row fails before): a text layer's large initials are the name's, never a logo's mark."""
    assert _issuer_item(name, 1.7).value["provider"] == name


def test_a_well_read_tall_word_a_scan_drops_flags_the_issuer() -> None:
    """Finding 5 (fails before): a short tall word the scan read well may be initials; dropping it is flagged."""
    item = _issuer_item("KSU Center for Infant Studies", 1.7, "ocr", 0.93)
    assert item.value["provider"] == "KSU Center for Infant Studies" or item.needs_review


def test_a_badly_read_tall_mark_on_a_scan_is_dropped_unflagged() -> None:
    """Guard row (passes before and after): a logo a scan read poorly as no word ("8f") is dropped and
    the name kept sure."""
    item = _issuer_item("8f Lakeshore Center for Infant Wellbeing", 2.2, "ocr", 0.2)
    assert item.value["provider"] == "Lakeshore Center for Infant Wellbeing"
    assert "training.provider_unsure" not in item.reasons


@pytest.mark.parametrize("first", [("ENROLLED", "3/1/25"), ("ISSUE DATE", "4/2/25"), ("BEGAN", "2/27/25")])
def test_a_completion_date_stacked_under_another_date_particular_is_read(first: tuple[str, str]) -> None:
    """Finding 6 (every row fails before): a date over the completion caption that stands under a caption of its
    own is another particular of the stack, no signature's day; the completion date under its caption is read."""
    rows = [" | Brightwater Family Institute", (" | Certificate of Participation", 24.0), " | presented to",
            (first[0], 7.0, 2.4), (f"{first[1]} | Elena Marsh", 18.0), ("COMPLETION DATE", 7.0, 2.4),
            ("3/22/25", 14.0), (" | for taking part in", 10.0, 2.0), (" | Reading Infant Distress Signals", 14.0),
            ("CONTACT HOURS", 7.0, 2.4), ("2.5", 12.0), "Coordinator of Training"]
    assert item_of(rows).value["date"] == "2025-03-22"
