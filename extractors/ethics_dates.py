"""Whether a signature form's date stands in the signature's own block.

A sure date signed has one shape: its caption is the one of the signature's own block (in the signature's caption
row or column, see `ethics_blocks.own_date_cell`), or, when the block has no date caption of its own, it stands on the
signature's page, near it, with nothing between the two but the block's own fields (the signature, a printed name,
a date). A date past another block's caption (a witness's line, a notary's column, "Witness: /s/ ..."), on another
page, or far from the signature may be someone else's: a person checks it.
"""

from __future__ import annotations

import re

from extractors.ethics_blocks import NEAR_LINES, own_date_cell
from extractors.form_layout import CAPTION, DATE_VALUE, SEPARATOR
from extractors.layout import DocText

OTHER_BLOCK = "signature.date_other_block"
ANY_SIGNATURE = r"(?:[\w'’.-]+\s+){0,3}signature(?:\s+[\w'’.()-]+){0,4}"
"""Any signature's caption, whoever it names ("Witness signature", "Signature of Witness", "Signature (notary)")."""
LABEL_CELL = re.compile(rf"^[\s|¦]*(?P<label>[^:.]{{1,40}}?)\s*(?:{SEPARATOR}.*)?$")
"""A cell read as a label: its words up to a colon (or the whole cell)."""


def date_doubt(doc: DocText, signature: int, date: int, labels: tuple[str, str, str]) -> list[str]:
    """The doubt on the date captioned at offset `date` for the signature line captioned at `signature`.

    `labels` are the regexes of the block's own signature, name and date captions.
    """
    signature_label, name_label, date_label = labels
    own = own_date_cell(doc, signature, date_label, rf"{signature_label}|{ANY_SIGNATURE}")
    if own is not None:
        return [] if own[0] <= date < own[1] else [OTHER_BLOCK]
    return [] if _near_in_block(doc, signature, date, labels) else [OTHER_BLOCK]


def _near_in_block(doc: DocText, signature: int, date: int, labels: tuple[str, str, str]) -> bool:
    """Whether the date stands near the signature on its page, only the block's own fields around and between."""
    first, second = doc.line_at(signature), doc.line_at(date)
    if first is None or second is None or first.page != second.page:
        return False
    low, high = sorted((doc.lines.index(first), doc.lines.index(second)))
    if high - low > NEAR_LINES:
        return False
    own = re.compile(rf"(?i)^(?:{'|'.join(labels)})$")
    for line in doc.lines[low:high + 1]:
        for start, end in line.cell_spans():
            if not _own_cell(doc.slice(start, end), own):
                return False
    return True


def _own_cell(text: str, own: re.Pattern[str]) -> bool:
    """A cell of the signature's own block: a value, or a label or caption that is one of the block's own."""
    match = LABEL_CELL.match(text)
    labelled = bool(re.search(SEPARATOR, text))
    if match is None or not (labelled or CAPTION.match(text)):
        return True  # a value (a name, a date, a rule): no caption at all
    return bool(own.match(match.group("label").strip()))


def dated_label(text: str) -> bool:
    """Whether a "Signed:" cell holds a date after its colon: a date's label, no signature line."""
    value = re.split(SEPARATOR, text, maxsplit=1)
    return len(value) == 2 and bool(re.match(rf"(?i)\s*(?:{DATE_VALUE})", value[1]))
