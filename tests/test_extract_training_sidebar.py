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
