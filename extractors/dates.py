"""Parse one date span's text into a calendar date with its precision (dateparser, explicit settings)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dateparser.date import DateDataParser

SETTINGS = {
    "DATE_ORDER": "MDY",
    "PREFER_DAY_OF_MONTH": "first",  # STACK.md: otherwise "May 2012" takes today's day
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "REQUIRE_PARTS": ["year"],
}

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_SAME_MONTH_RANGE = re.compile(rf"^({_MONTH})\s+(\d{{1,2}})\s*[-–]\s*(\d{{1,2}}),?\s+(\d{{4}})$", re.I)
_CROSS_MONTH_RANGE = re.compile(rf"^{_MONTH}\s+\d{{1,2}}\s*[-–]\s*({_MONTH}\s+\d{{1,2}},?\s+\d{{4}})$", re.I)
_SHORT_NUMERIC = re.compile(r"^(\d{1,2})[/-](\d{1,2})[/-](\d{2})$")
_MONTH_DAY = re.compile(r"^(\d{1,2})/(\d{1,2})$")
_MARK_BEFORE_YEAR = re.compile(r"(?<=[A-Za-z.] )(\d{1,2})\s*[%;]\s*(?=(?:19|20)\d{2}$)")
_ISO_SPLIT = re.compile(r"^(?:19|20)\d{2}\s?-\s?\d\s?\d\s?-\s?\d\s?\d$")
_YEAR_RUN_ON = re.compile(r"(?:(?<=[A-Za-z.-] )|(?<=-))(\d{1,2})(?=(?:19|20)\d{2}$)")
_IN_THE_YEAR = re.compile(r",?\s+in\s+the\s+year\s+(?:of\s+)?(?=(?:19|20)\d{2}$)", re.I)
_DAY_OF_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+day\s+of\s+([A-Za-z]+\.?),?\s+((?:19|20)\d{2})$", re.I)


MONTH_SLIPS = {"Jan": "J[ao]n", "Feb": "F[ec][b6h]", "Mar": "M[ao]r", "Apr": "Apr", "May": "M[ao][yv]",
               "Jun": "J[uv]n", "Jul": "J[uv][l1iI|]", "Aug": "A[uv][g9q]", "Sep": "[S5][ec]p", "Oct": "[O0][ceo]t",
               "Nov": "N[o0c][vuy]", "Dec": "D[ec][ceo]"}
"""Each month's first three letters as OCR slips on them on a noisy scan ("Dee 31, 2026", "0ct 4, 2025", "Noy 2,
2024"): the letters it reads for one another. The span pattern built from these (extractors/nlp.py) scores under
the review threshold, so a date read through a slip always goes to a person."""
_SLIPPED_MONTH = re.compile(r"^([A-Za-z0-9|]{3})\.?(?=\s)")


def month_slip_regex() -> str:
    """The span pattern of a date whose month OCR misread: a slipped three-letter month, a day and a year.

    A longer word that only begins like one ("Marketing 12, 2020") is no date.
    """
    months = "|".join(MONTH_SLIPS.values())
    return rf"(?<![\w|])(?i:{months})\.?\s+\d{{1,2}},?\s+(?:19|20)\d{{2}}\b"


def _unslip_month(text: str) -> str:
    """'Dee 31, 2026' as 'Dec 31, 2026' when the first word is no month but one month's slip; else the text."""
    first = _SLIPPED_MONTH.match(text)
    if first is None or parse_date_word(first.group(0)):
        return text
    months = [month for month, slip in MONTH_SLIPS.items() if re.fullmatch(slip, first.group(1), re.I)]
    return f"{months[0]}{text[first.end():]}" if len(months) == 1 else text


def parse_date_word(word: str) -> bool:
    """Whether a word is a month's name or its abbreviation as written."""
    return word.rstrip(".").casefold() in _MONTH_WORDS


_MONTH_WORDS = {name.casefold() for number in range(1, 13)
                for name in (dt.date(2000, number, 1).strftime("%B"), dt.date(2000, number, 1).strftime("%b"))} | {
    "sept"}


@dataclass(frozen=True)
class ParsedDate:
    """A date and how much of it the text gave: `day`, `month` or `year`."""

    date: dt.date
    precision: str

    def iso(self) -> str:
        return self.date.isoformat()


@lru_cache(maxsize=1)
def _parser() -> DateDataParser:
    return DateDataParser(languages=["en"], settings=SETTINGS)


def parse_date(text: str, *, years_ahead: int = 0) -> ParsedDate | None:
    """The date a span states (for a range, its last day), or None when the text is not one date.

    `years_ahead`: how far past this year a two-digit year may point (an expiry date lies in the future).
    """
    cleaned = _normalise(text)
    if not cleaned or not any(ch.isdigit() for ch in cleaned):
        return None
    short = _SHORT_NUMERIC.match(cleaned)
    if short:  # 5/5/12: a two-digit year is this century unless that would be in the future
        month, day, year = (int(g) for g in short.groups())
        century = 2000 if 2000 + year <= dt.date.today().year + years_ahead else 1900
        cleaned = f"{month}/{day}/{century + year}"
    try:
        data = _parser().get_date_data(cleaned)
    except (ValueError, OverflowError, TypeError):
        return None
    if data.date_obj is None:
        return None
    return ParsedDate(date=data.date_obj.date(), precision=data.period or "day")


def _normalise(text: str) -> str:
    """Collapse spaces, drop stray punctuation, and turn a range into its last day."""
    cleaned = " ".join(text.replace("\u2013", "-").split()).strip(" .;:,|")
    cleaned = _IN_THE_YEAR.sub(", ", cleaned)  # "the 1st day of June in the year 2020"
    cleaned = _unslip_month(cleaned)  # "Dee 31, 2026": OCR read the month's c as an e
    day_of = _DAY_OF_MONTH.match(cleaned)  # "30 day of April, 2024", as a signed statement dates itself
    if day_of:
        cleaned = f"{day_of.group(2)} {day_of.group(1)}, {day_of.group(3)}"
    cleaned = _YEAR_RUN_ON.sub(r"\1, ", cleaned)  # "April 32025": OCR lost the ", " before the year
    same = _SAME_MONTH_RANGE.match(cleaned)
    if same:
        return f"{same.group(1)} {same.group(3)}, {same.group(4)}"
    cross = _CROSS_MONTH_RANGE.match(cleaned)
    if cross:
        return cross.group(1)
    if _ISO_SPLIT.match(cleaned):  # "2025-1 2-11": OCR put a space inside a digit group
        return cleaned.replace(" ", "")
    return _MARK_BEFORE_YEAR.sub(r"\1, ", cleaned)  # "Aug 23% 2026": a comma read as another mark


_DAY_MONTH_PARTS = re.compile(r"^(\d{1,2})([.-])(\d{1,2})\2((?:19|20)\d{2})$")
MONTHS = 12


def written_order(texts: list[str]) -> str | None:
    """The order a column writes its dashed or dotted dates in, told by any one whose first or second part is over 12.

    "21-04-2023" says day first, "04-21-2023" month first; None when no date says, or when dates say both.
    """
    orders = set()
    for text in texts:
        parts = _DAY_MONTH_PARTS.match("".join(text.split()))
        if parts:
            first, second = int(parts.group(1)), int(parts.group(3))
            orders |= {"DMY"} if first > MONTHS >= second else {"MDY"} if second > MONTHS >= first else set()
    return orders.pop() if len(orders) == 1 else None


def parse_in_order(text: str, order: str) -> ParsedDate | None:
    """A dashed or dotted date read in the order its column writes them ("05-06-2023", day first: 5 June)."""
    parts = _DAY_MONTH_PARTS.match("".join(text.split()))
    if parts is None:
        return None
    first, second, year = int(parts.group(1)), int(parts.group(3)), int(parts.group(4))
    day, month = (first, second) if order == "DMY" else (second, first)
    try:
        return ParsedDate(date=dt.date(year, month, day), precision="day")
    except ValueError:
        return None


def parse_month_day(text: str, year: int) -> ParsedDate | None:
    """A month and day without a year ("6/3", "June 3") in a year the document states elsewhere (a heading)."""
    cleaned = " ".join(text.split()).strip(" .;:,|")
    numeric = _MONTH_DAY.match(cleaned)
    if numeric is None:
        return parse_date(f"{cleaned}, {year}") if cleaned and not cleaned[0].isdigit() else None
    month, day = (int(g) for g in numeric.groups())
    try:
        return ParsedDate(date=dt.date(year, month, day), precision="day")
    except ValueError:
        return None


DIGIT_LOOKALIKES = str.maketrans({"l": "1", "I": "1", "i": "1", "|": "1", "L": "1", "!": "1", "O": "0", "o": "0",
                                  "D": "0", "S": "5", "s": "5", "B": "8", "Z": "2", "z": "2", "g": "9", "q": "9"})
"""Letters and marks OCR reads in place of digits on a noisy scan ("1/il" for 1/11, "L /31" for 1/31)."""
_NUMERIC_DATE = re.compile(r"^\d{1,2}/\d{1,2}(?:/(?:\d{4}|\d{2}))?$|^(?:19|20)\d{2}-\d{2}-\d{2}$")
MAX_LOOKALIKES = 2


def repair_digits(text: str) -> str | None:
    """A cell known to hold a numeric date, read with digit look-alikes put back; None when it is not one.

    Only for a place where a date must stand (a log's date column): the repair is a guess, and is flagged.
    """
    squeezed = "".join(text.split()).strip(".,;:")
    repaired = squeezed.translate(DIGIT_LOOKALIKES)
    changed = sum(a != b for a, b in zip(squeezed, repaired, strict=True))
    if not 0 < changed <= MAX_LOOKALIKES or not any(ch.isdigit() for ch in squeezed):
        return None
    return repaired if _NUMERIC_DATE.match(repaired) else None
