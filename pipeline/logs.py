"""Personal data out of the logs: a filter that masks dates of birth, SSNs, ids, e-mail addresses and phone numbers.

Names cannot be told from other words by a filter: they stay out by the code's own discipline (log a
candidate's id, a document's hash and counts, never a value read from a document or a file name). What a
pattern can recognise is masked in every record, whoever logged it: the message with its arguments, and the
traceback of an exception. Libraries that echo document content below WARNING (pdfminer's content streams
at DEBUG, SQLAlchemy's statement parameters at INFO) are kept at WARNING, so a run at DEBUG writes no page's
text and no stored value into a log.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

MASK = "***"
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE = (rf"(?:\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{2,4}}"
         rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{2,4}}|{_MONTH}\s+\d{{4}}|\d{{8}})")
_NUMBER = r"(?:\s*(?:no\.?|number|#))?"
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("birth date", re.compile(rf"(\b(?:d\.?o\.?b\.?|date\s+of\s+birth|birth\s*date|born(?:\s+(?:on|in))?)\s*[:#=-]?\s*)"
                              rf"{_DATE}", re.I)),
    ("ssn", re.compile(r"(\b(?:ssn|social\s+security(?:\s+(?:number|no\.?|#))?)\s*[:#=-]?\s*)\d{3}-?\d{2}-?\d{4}\b"
                       r"|()\b\d{3}-\d{2}-\d{4}\b", re.I)),
    ("student id", re.compile(rf"(\b(?:student\s*(?:id{_NUMBER}|no\.?|number|#)|(?-i:ID){_NUMBER}))"
                              r"(\s*[:#=]?\s*)(?=[A-Z-]*\d)[A-Z0-9-]{4,12}\b", re.I)),
    ("e-mail", re.compile(r"()[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("phone", re.compile(r"()(?<![\w.:/-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\w.:/-])")),
]
"""(what, pattern): the groups before the value are labels kept in the masked text."""
CONTENT_LOGGERS = ("pdfminer", "PIL", "fontTools", "sqlalchemy.engine", "sqlalchemy.pool")
"""Libraries whose records below WARNING carry a document's own text or bytes, or the values stored."""


def mask(text: str) -> str:
    """The text with every personal value a pattern recognises replaced by ***, its label kept."""
    for _what, pattern in PATTERNS:
        text = pattern.sub(_keep_labels, text)
    return text


def _keep_labels(match: re.Match[str]) -> str:
    return "".join(group or "" for group in match.groups()) + MASK


class PersonalDataFilter(logging.Filter):
    """Masks personal data in a record's message, arguments and traceback; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        mask_record(record)
        return True


def mask_record(record: logging.LogRecord) -> logging.LogRecord:
    """Format the message with its arguments, mask it, and keep the masked text only (args cleared)."""
    try:
        message = record.getMessage()
    except (TypeError, ValueError):
        return record  # a malformed call: the handler reports it, and prints nothing of the arguments
    record.msg, record.args = mask(message), None
    if record.exc_info and not record.exc_text:
        record.exc_text = logging.Formatter().formatException(record.exc_info)
    if record.exc_text:
        record.exc_text = mask(record.exc_text)
    if record.stack_info:
        record.stack_info = mask(record.stack_info)
    return record


FILTER = PersonalDataFilter()


def install() -> None:
    """Mask every record: the filter on the root logger's and Prefect's handlers, and at every record's making.

    Handlers added or replaced later (Prefect re-reading its logging config, uvicorn's, a test's) are covered
    by the record factory; the handler filter covers records made before `install` ran.
    """
    for name in [None, *_project_loggers()]:
        for handler in logging.getLogger(name).handlers:
            if FILTER not in handler.filters:
                handler.addFilter(FILTER)
    for name in CONTENT_LOGGERS:
        logger = logging.getLogger(name)
        if logger.getEffectiveLevel() < logging.WARNING:
            logger.setLevel(logging.WARNING)
    factory = logging.getLogRecordFactory()
    if not getattr(factory, "masks_personal_data", False):
        logging.setLogRecordFactory(_masking(factory))


def _project_loggers() -> list[str]:
    """Prefect's and the web server's loggers that exist so far (Prefect names its handlers per logger)."""
    names = [name for name in logging.Logger.manager.loggerDict
             if name.split(".")[0] in {"prefect", "uvicorn", "fastapi"}]
    return sorted({"prefect", "prefect.flow_runs", "prefect.task_runs", *names})


def _masking(factory: Callable[..., logging.LogRecord]) -> Callable[..., logging.LogRecord]:
    def make(*args: Any, **kwargs: Any) -> logging.LogRecord:
        return mask_record(factory(*args, **kwargs))

    make.masks_personal_data = True  # type: ignore[attr-defined]
    return make
