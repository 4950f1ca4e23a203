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


MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
         r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
ORDINAL = r"(?:st|nd|rd|th)"
YEARLESS_DAY = re.compile(rf"\b\d{{1,2}}{ORDINAL}?\s+(?:of\s+)?{MONTH}\b\.?(?!\s*,?\s*\d)|"
                          rf"\b{MONTH}\b\.?\s+\d{{1,2}}{ORDINAL}\b(?!\s*,?\s*\d)")
"""A day without a year written day first ("10 March", "10th of March") or with an ordinal ("Mar. 10th"): forms
the page's month-and-day spans may not hold. A capitalised month name only: "may" in a sentence is no month."""
DAY_FIRST = re.compile(rf"(?P<day>\d{{1,2}}){ORDINAL}?\s+(?:of\s+)?(?P<month>{MONTH})\.?")


def yearless_other_day(text: str, day: ParsedDate) -> bool:
    """Whether a date written with no year ("March 10", "3/10", "10 March") is not `day`'s month and day.

    A yearless date is read in `day`'s year, a day written first ("10 March") turned round; a text that does not
    read as a month and day is doubted too.
    """
    first = DAY_FIRST.fullmatch(" ".join(text.split()).strip(" .;:,|"))
    other = parse_month_day(f"{first.group('month')} {first.group('day')}" if first else text, day.date.year)
    return other is None or (other.date.month, other.date.day) != (day.date.month, day.date.day)


def other_days(dated: list[Evidence], yearless: list[Evidence], text: str = "") -> list[Evidence]:
    """Every date the page writes: those with a year, and those without one that stand apart from them.

    A yearless day is a month-and-day span of the page, or a day written first or with an ordinal in `text` ("10
    March", "Mar. 10th", `YEARLESS_DAY`).
    """
    spans = [*yearless, *(Evidence("MONTH_DAY", "training.yearless_day.v1", 0.8, match.start(), match.end(),
                                   match.group()) for match in YEARLESS_DAY.finditer(text))]
    apart: list[Evidence] = []
    for span in spans:
        if not any(span.start < d.end and d.start < span.end for d in [*dated, *apart]):
            apart.append(span)
    return sorted([*dated, *apart], key=lambda span: span.start)
