"""Review R12a mends on RS/C logs: a line shaped as a section heading ends the section above, whatever its words."""

from __future__ import annotations

import pytest

from tests.test_extract_log_sections import HEADER, items, line, pages, session
from tests.test_extract_supervision import row

FIRST = "One-to-one reflective consultation with Priya Oduya"


@pytest.mark.parametrize("second", ["Mentoring with Bastien Quell", "Peer circles with Bastien Quell",
                                    "Case conferences hosted by Bastien Quell", "Dyads run by Bastien Quell"])
def test_a_heading_shaped_line_not_read_as_a_heading_ends_the_section_above(second: str) -> None:
    doc = pages([line(FIRST, 80), row(HEADER, 96), row(session(1, "02/04/2025"), 112),
                 row(session(2, "02/18/2025"), 128), line(second, 150), row(session(3, "03/04/2025"), 166),
                 row(session(4, "03/18/2025"), 182)])
    found = items(doc)
    assert [i.value["supervisor"] for i in found[:2]] == ["Priya Oduya"] * 2
    assert all(i.value["supervisor"] != "Priya Oduya" or i.needs_review for i in found[2:])
    assert all(i.needs_review and i.confidence <= 0.7 for i in found[2:])

