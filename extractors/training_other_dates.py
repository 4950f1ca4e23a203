"""Training dates: whether another date on a certificate is another kind of date or a second training day.

A run-in completion date ("Completed Mar 3, 2025 · 3 hours") is sure only as the page's one training day. Another
date may stand beside it when it is labelled as another kind of date, right before it: "Issued 3/20/2025",
"Expires on 3/3/2027", "Date of birth 4/1/1990", "Good through 3/3/2027". A kind word elsewhere in the sentence
("Renewal session attended March 10", "Issued to ... for the final session on March 10") does not label that date.
A date with no year ("Follow-up session: March 10") is a second day unless it is the same month and day.
"""

from __future__ import annotations

import re

from extractors.dates import ParsedDate, parse_month_day
from extractors.nlp import Evidence

OTHER_KIND = (r"(?:issued?|issuance|printed|posted|generated|birth|born|dob|expir\w*|exp|valid|effective|renew\w*|"
              r"good|registered|registration|enrolled|enrollment|certificate)")
"""Words naming a date that is no training's day: a certificate's issue, print or posting, its expiry or renewal,
a registration, a birthday."""
LINKING = r"(?:\s*[:.\-]|\s+(?:date[ds]?|day|on|by|through|thru|until|till|of))*"
"""What may stand between such a word and its date: a colon, "on", "by", "date", "through" ("Valid through")."""
LABELS_ANOTHER = re.compile(rf"\b{OTHER_KIND}\b{LINKING}\s*$", re.I)


def labels_another_kind(before: str) -> bool:
    """Whether the words right before a date label it as another kind of date ("Issued on", "Good through").

    `before` is the date's own particular up to the date: the kind word must end it, followed only by linking
    words, so that it names this date and not something else the particular speaks of.
    """
    return LABELS_ANOTHER.search(before) is not None


def yearless_other_day(text: str, day: ParsedDate) -> bool:
    """Whether a date written with no year ("March 10", "3/10") is not `day`'s month and day, or cannot be read.

    A yearless date is read in `day`'s year; a text that does not read as a month and day is doubted too.
    """
    other = parse_month_day(text, day.date.year)
    return other is None or (other.date.month, other.date.day) != (day.date.month, day.date.day)


def other_days(dated: list[Evidence], yearless: list[Evidence]) -> list[Evidence]:
    """Every date the page writes: those with a year, and those without one ("March 10") that stand apart from them."""
    apart = [span for span in yearless if not any(span.start < d.end and d.start < span.end for d in dated)]
    return sorted([*dated, *apart], key=lambda span: span.start)
