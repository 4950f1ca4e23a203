"""Training certificates with a sidebar of particulars: each caption over its value in a column of its own.

A certificate may set its particulars down the left edge ("FINISHED" over the date, "CONTACT HOURS" over the amount)
beside the body's column, so that a line of the page holds a sidebar's caption or value and a line of the body. Rows
are written from how such certificates are printed in general, never copied from a fixture.
"""

from __future__ import annotations

from typing import Any

import pytest

from extractors.nlp import find_patterns
from extractors.training import extract
from tests.test_extract_training import Row, doc_of


def item_of(rows: list[Row]) -> Any:
    doc = doc_of(rows)
    [item] = extract(doc, find_patterns(doc.text)).items
    return item


def sidebar(date_caption: str, date: str, hours_caption: str, hours: str, title: list[str]) -> list[Row]:
    """A page whose sidebar stacks a date and an amount under small captions, the body's lines beside them."""
    return [" | Cedar Valley Family Institute", (" | Certificate of Achievement", 24.0), " | awarded to",
            (date_caption, 7.0, 2.4), (f"{date} | Jordan Reyes", 18.0),
            (f"{hours_caption} | in recognition of completing the seminar", 7.0, 2.4),
            (f"{hours} | {title[0]}", 14.0), *[(f" | {line}", 14.0, 1.5) for line in title[1:]],
            ("DATE ISSUED", 7.0, 2.4), ("7/19/24", 12.0), "Director of Professional Learning"]


@pytest.mark.parametrize(("rows", "title", "hours", "date"), [
    (sidebar("FINISHED", "6/14/24", "CONTACT HOURS", "4.5 contact hours", ["Nurturing Secure Attachment in Toddlers"]),
     "Nurturing Secure Attachment in Toddlers", 4.5, "2024-06-14"),
    (sidebar("DATE COMPLETED", "September 3-4, 2024", "LENGTH (H:MM)", "3:15",
             ["Relationship-Based Practice with", "Young Fathers"]),
     "Relationship-Based Practice with Young Fathers", 3.25, "2024-09-04"),
    (sidebar("COMPLETION DATE", "11 March 2024", "CE CREDITS", "0.6 CEU", ["Feeding Difficulties in Infancy"]),
     "Feeding Difficulties in Infancy", 6.0, "2024-03-11"),
])
def test_a_sidebar_s_captions_give_their_values_and_the_body_its_title(rows: list[Row], title: str, hours: float,
                                                                       date: str) -> None:
    item = item_of(rows)
    assert (item.value["title"], item.value["hours"], item.value["date"]) == (title, hours, date)


def test_a_caption_close_under_a_value_heads_nothing_under_it() -> None:
    """Guard row (passes before and after): "Date completed" under a signature's date is that date's caption, and
    the line under it is no value of its."""
    item = item_of(["Certificate of Completion", "has completed", ("Toddler Sleep and Routines", 14.0),
                    "Provider: Cedar Valley Family Institute", "Contact hours: 2.0",
                    ("Maria Chen |  | 5/2/2024", 12.0), ("Director |  | Date completed", 7.0), ("|  | 6/9/2024", 12.0)])
    assert item.value["date"] != "2024-06-09"


def blank_date_sidebar(next_particular: str) -> list[Row]:
    """A sidebar whose completion caption was left blank (a date to fill in by hand): the next line is another
    particular, set inline with its own label, beside the body's recipient line."""
    return [" | Harbor Point Parenting Collaborative", (" | Certificate of Participation", 22.0),
            " | presented to", ("COMPLETION DATE", 7.0, 2.4), (f"{next_particular} | Priya Natarajan", 9.0),
            (" | for successfully completing the workshop", 7.0, 2.4), (" | Co-Regulation with Toddlers", 14.0),
            ("CE HOURS", 7.0, 2.4), ("2.5", 14.0)]


@pytest.mark.parametrize("next_particular", [
    "Date issued: 2/11/25",
    "Expiration 2/11/27",
    "Printed 2/11/25",
    "Renewal due 2/11/27",
    "Valid through 2/11/27",
])
def test_a_blank_completion_caption_takes_no_labelled_particular_under_it(next_particular: str) -> None:
    """R11i finding 1 (each row fails before the mend): a line that starts with a label of its own is the next
    particular, not the blank caption's value; the date is missing and flagged instead."""
    item = item_of(blank_date_sidebar(next_particular))
    assert item.value["date"] is None and "training.date_missing" in item.reasons


def signature_row(footer: str) -> list[Row]:
    """A signature row: a signer's name and the completion day over their small captions (a rule's leading between),
    a footer close under the captions in smaller type."""
    return ["Certificate of Attendance", "Priya Natarajan", "has attended", ("Co-Regulation with Toddlers", 14.0),
            "Provider: Harbor Point Parenting Collaborative", "Contact hours: 2.5",
            ("Lena Ortiz |  | 3/14/2025", 12.0), ("Program Coordinator |  | Completion date", 7.0, 2.4),
            (footer, 9.0, 1.4)]


@pytest.mark.parametrize("footer", [
    "Reprinted 5/1/2025 |  | Serial no. 20931 dated 5/1/2025",
    "Reprinted 5/1/2025 |  | Record ID 7731 generated 5/1/2025",
    "Page 1 of 1 |  | Date printed 5/1/2025",
    "|  | Date printed 5/1/2025",
])
def test_a_footer_under_a_signature_caption_gives_no_completion_date(footer: str) -> None:
    """R11i finding 2 (the first three rows fail before the mend; the last is a guard, refused before as after): a
    footer's line under a caption that already has its date over it is no value of that caption."""
    item = item_of(signature_row(footer))
    assert item.value["date"] != "2025-05-01"
    assert item.value["date"] == "2025-03-14" or "training.date_missing" in item.reasons


def weekday_sidebar(day: str, beside: str) -> list[Row]:
    """A sidebar whose completion word stands alone over a date written with its weekday, the body's line beside the
    date, and the title under a later caption's line."""
    return [" | Harbor Point Parenting Collaborative", (" | Certificate of Completion", 22.0),
            ("FINISHED", 7.0, 2.4), (f"{day} | {beside}", 14.0),
            ("CE HOURS | for successfully completing the workshop", 7.0, 2.4),
            ("2.5 | Co-Regulation with Toddlers", 14.0), "Coordinator of Family Programs"]


@pytest.mark.parametrize(("day", "beside"), [
    ("Tuesday, March 4, 2025", "Priya Natarajan"),
    ("Tue 3/4/25", "Priya Natarajan"),
    ("the 4th of March, 2025", "Priya Natarajan"),
    ("Tuesday, March 4, 2025", "Early Relational Health Series"),
])
def test_a_completion_word_over_a_weekday_date_is_that_date_s_caption(day: str, beside: str) -> None:
    """R11i finding 3 (each row fails before the mend): the words over a date in their column are its caption,
    never a title's lead, so neither the date nor the body's line beside it becomes the title."""
    item = item_of(weekday_sidebar(day, beside))
    title = item.value["title"] or ""
    assert "2025" not in title and beside not in title
    assert title == "Co-Regulation with Toddlers" or item.confidence <= 0.7


@pytest.mark.parametrize("term", ["Winter 2025", "Fall semester 2024"])
def test_a_title_holding_a_date_is_doubted(term: str) -> None:
    """R11i finding 3 (each row fails before the mend): a term with its year read as the title (no date found under
    the caption) may be a date's line; a person checks it."""
    item = item_of(weekday_sidebar(term, "Priya Natarajan"))
    assert item.confidence <= 0.7 and "training.title_dated" in item.reasons
