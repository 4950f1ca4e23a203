"""RS/C log scans: a date cell whose month name OCR garbled is read again, and flagged; a guess too far is not."""

from __future__ import annotations

import pytest

from tests.test_extract_supervision import CLASSIC_HEADER, doc_of, extraction, row


@pytest.mark.parametrize(("cell", "expected"), [
    ("duly 9, 2025", "2025-07-09"),  # a letter of the month misread
    ("Marcb 2, 2024", "2024-03-02"),  # shaped like a date, but no month
    ("Augusl 9, 2023", "2023-08-09"),
    ("0ctober 5, 2023", "2023-10-05"),  # a digit for a letter
    ("Ju1y 4, 2024", "2024-07-04"),
    ("April9,;-2025", "2025-04-09"),  # the day run into the month, marks before the year
    ("Jan8 2024", "2024-01-08"),
    ("May 6;-2024", "2024-05-06"),
    ("O5/2g/2023", "2023-05-29"),  # a span shaped like a date that does not parse: its digit look-alikes put back
])
def test_a_garbled_date_cell_is_read_and_flagged(cell: str, expected: str) -> None:
    result = extraction(doc_of(row(CLASSIC_HEADER, 100),
                               row([(78, cell), (178, "Individual"), (278, "1.5"), (348, "Zevi Pembrake")], 120)))
    session = next(i for i in result.items if i.type == "supervision_session")
    assert session.value["date"] == expected
    assert "log.date_repaired" in session.reasons and session.needs_review


@pytest.mark.parametrize("cell", ["Juny 5, 2024", "Room 5, 2024", "Ju 4, 2024"])
def test_a_cell_a_letter_off_two_months_or_none_is_an_unreadable_row(cell: str) -> None:
    result = extraction(doc_of(row(CLASSIC_HEADER, 100),
                               row([(78, cell), (178, "Individual"), (278, "1.5"), (348, "Zevi Pembrake")], 120)))
    assert not [i for i in result.items if i.type == "supervision_session"]
    assert any(f.code == "log.row_unreadable" for f in result.flags)
