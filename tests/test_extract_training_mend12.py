"""Training certificates: R12e's findings (session 12), each row in wordings of this file's own.

A stacked date is a date alone under its caption; a caption with a signature's date over it heads no footer under
it; a title's wrap or second part beside a sidebar's particular is doubted, never joined with it silently; a title
line with a date after its words is a title (doubted for its date), not a date's line.
"""

from __future__ import annotations

import pytest

from extractors.layout import build_text
from extractors.nlp import find_patterns
from extractors.training import extract
from tests.test_extract_training import Row, page_of
from tests.test_extract_training_sidebar import item_of


def blank_caption(particular: str) -> list[Row]:
    """A sidebar whose completion caption was left blank, another particular with words before its date under it."""
    return [" | Maple Ridge Infant Studies Program", (" | Certificate of Attendance", 22.0), " | presented to",
            ("DATE OF COMPLETION", 7.0, 2.4), (f"{particular} | Samuel Okafor", 9.0),
            (" | for attending the training", 7.0, 2.4), (" | Sleep and Soothing in the First Year", 14.0),
            ("CONTACT HOURS", 7.0, 2.4), ("3.0", 14.0)]


@pytest.mark.parametrize("particular", [
    "Mailed 8/30/24",
    "Good until 8/30/26",
    "Certificate printed on 8/30/24",
    "Posted 8/30/24",
])
def test_a_stacked_date_with_words_before_it_is_no_completion_date(particular: str) -> None:
    """Finding 2 (all but "Posted", a guard refused before as after, fail before): only a date alone (a weekday or
    "on" before it at most) is a stacked completion date; the date is missing and flagged."""
    item = item_of(blank_caption(particular))
    assert item.value["date"] is None and item.needs_review


def signed_row(footer: str) -> list[Row]:
    """A signer and the completion day over small captions, then a footer line close under the captions."""
    return ["Certificate of Completion", "Samuel Okafor", "has completed",
            ("Sleep and Soothing in the First Year", 14.0), "Provider: Maple Ridge Infant Studies Program",
            "Contact hours: 3.0",
            ("Dana Whitfield |  | 8/14/2024", 12.0), ("Training Lead |  | Date completed", 7.0, 2.4),
            (footer, 9.0, 1.4)]


@pytest.mark.parametrize("footer", [
    " |  | 9/2/2024",
    " |  | Sent 9/2/2024",
    "Copy 2 of 2 |  | Produced 9/2/2024",
])
def test_a_footer_date_under_a_signature_caption_is_never_taken(footer: str) -> None:
    """Finding 1 (every row fails before): a caption with the signature's date over it heads nothing under it."""
    item = item_of(signed_row(footer))
    assert item.value["date"] != "2024-09-02"
    assert item.value["date"] == "2024-08-14" or item.needs_review


def wrapped_beside(left: str) -> list[Row]:
    """A sidebar page whose title wraps onto a line that holds a sidebar's particular at the left."""
    return [" | Maple Ridge Infant Studies Program", (" | Certificate of Completion", 22.0), " | awarded to",
            ("COMPLETED", 7.0, 2.4), ("8/14/24 | Samuel Okafor", 16.0),
            ("HOURS | for completing the course", 7.0, 2.4),
            ("3.0 | Sleep and Soothing for", 14.0), (f"{left} | Infants and Their Parents", 14.0, 1.5),
            "Coordinator of Training"]


@pytest.mark.parametrize("left", ["Course 118", "Instructor R. Patel", "1.5 hours online"])
def test_a_title_wrap_beside_a_particular_never_takes_it_in_unflagged(left: str) -> None:
    """Finding 3 (every row fails before): the particular beside the wrap is no part of the title."""
    item = item_of(wrapped_beside(left))
    assert left not in (item.value["title"] or "") or item.needs_review
    assert item.needs_review or item.value["title"] == "Sleep and Soothing for Infants and Their Parents"


def two_part_title(line: str) -> list[Row]:
    """A centred certificate whose title line has two parts set apart by a wide gap, under its completion line."""
    return ["Certificate of Completion", "This is to certify that", "Samuel Okafor", "has completed",
            (line, 14.0), "Provider: Maple Ridge Infant Studies Program", "Contact hours: 3.0",
            "Date completed: 8/14/2024"]


@pytest.mark.parametrize(("line", "whole"), [
    ("Attachment Across Cultures | Level One", "Attachment Across Cultures Level One"),
    ("Infant Feeding Basics | Second Edition", "Infant Feeding Basics Second Edition"),
])
def test_a_title_cut_to_the_completion_words_width_is_doubted(line: str, whole: str) -> None:
    """Finding 4 (every row fails before): a title line cut to the cells under its completion words may have lost
    its own second part, so a person checks it unless it is read whole."""
    item = item_of(two_part_title(line))
    assert item.value["title"] == whole or item.needs_review


@pytest.mark.parametrize("title", [
    "Perinatal Mood Workshop, June 2024",
    "Home Visiting Forum (April 3-5, 2024)",
])
def test_a_title_with_a_date_after_its_words_is_read_and_doubted(title: str) -> None:
    """Finding 5 (every row fails before): only a line that starts with a date is a date's line; a title holding a
    date after its words is the title, flagged for the date."""
    item = item_of(two_part_title(title))
    assert item.value["title"] == title and "training.title_dated" in item.reasons


@pytest.mark.parametrize("day", ["Tuesday, August 13, 2024", "on 8/13/24"])
def test_a_stacked_date_after_a_weekday_or_on_is_still_read(day: str) -> None:
    """Guard rows (pass before and after): a weekday or "on" before a stacked date keeps it a date alone."""
    rows = blank_caption(day)
    assert item_of(rows).value["date"] == "2024-08-13"


def particulars_run(run: str) -> list[Row]:
    """A certificate whose particulars share one line under the title, parted by dots, with an issue date below."""
    return ["Willow Creek Early Learning Alliance", "CERTIFICATE OF COMPLETION", ("Samuel Okafor", 26.0),
            "has successfully completed", ("Responsive Feeding in Infancy", 18.0), run,
            ("Dana Whitfield |  | Issued 10/2/2024", 16.0), "Dana Whitfield, Training Lead"]


@pytest.mark.parametrize(("run", "date"), [
    ("Completed Sep 9, 2024 \u00b7 4.0 contact hours \u00b7 In person", "2024-09-09"),
    ("Attended September 5-9, 2024 \u00b7 240 minutes \u00b7 Virtual", "2024-09-09"),
    ("Completed 2024-09-09 | 4 hours | Self-paced", "2024-09-09"),
    ("Attended Sept 9, 2024 - 4.0 clock hours - Virtual", "2024-09-09"),
])
def test_a_date_in_a_run_of_particulars_is_the_completion_date(run: str, date: str) -> None:
    """Holdout-v10 structure (every row fails before): a particular that is a date label, a space and a date alone,
    parted from the next by a dot, bar or dash, gives the completion date (never the issue date below)."""
    assert item_of(particulars_run(run)).value["date"] == date


@pytest.mark.parametrize("run", [
    "Completed Sep 9, 2024 with the Infant Team \u00b7 4.0 contact hours",
    "Attended on request Sep 9, 2024 \u00b7 4.0 contact hours",
])
def test_a_run_in_date_with_words_around_it_is_no_completion_date(run: str) -> None:
    """Guard rows (no date before as after): words in the date's particular make it a sentence, read by no rule
    here; the date is missing or flagged."""
    item = item_of(particulars_run(run))
    assert item.value["date"] != "2024-09-09" or item.needs_review


@pytest.mark.parametrize(("mark", "tall"), [("EF", 26.0), ("a", 24.0), ("Be", 22.0)])
def test_a_logo_mark_read_as_letters_before_the_issuer_is_no_word_of_it(mark: str, tall: float) -> None:
    """Holdout-v10 scan structure (every row fails before): a short "word" before the letterhead's name, standing
    far taller than the name's words, is a logo's mark that a scan read as letters (badly: a shape, no letters)."""
    page = page_of([f"{mark} Willow Creek Early Learning Alliance", "CERTIFICATE OF COMPLETION",
                    ("Samuel Okafor", 26.0), "has successfully completed", ("Responsive Feeding in Infancy", 18.0),
                    "Completed Sep 9, 2024 \u00b7 4.0 contact hours"])
    first = page.words[0]
    x0, y0, x1, _ = first.bbox
    words = [first.model_copy(update={"bbox": (x0, y0 - tall / 2, x1, y0 + tall / 2), "source": "ocr",
                                      "confidence": 0.3}), *page.words[1:]]
    doc = build_text("doc", [page.model_copy(update={"words": words})])
    [item] = extract(doc, find_patterns(doc.text)).items
    assert item.value["provider"] == "Willow Creek Early Learning Alliance"


def test_a_short_word_of_the_name_s_own_height_stays_in_it() -> None:
    """Guard row (passes before and after): a short first word in the name's own type is part of the name."""
    item = item_of(["El Paso Infant Learning Center", "CERTIFICATE OF COMPLETION", ("Samuel Okafor", 26.0),
                    "has successfully completed", ("Responsive Feeding in Infancy", 18.0),
                    "Completed Sep 9, 2024 \u00b7 4.0 contact hours"])
    assert item.value["provider"] == "El Paso Infant Learning Center"
