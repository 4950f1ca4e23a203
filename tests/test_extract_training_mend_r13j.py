"""Review mend r13j on training certificates: a second day with no year written day first ("14 April") or with an
ordinal ("Apr. 14th") is another training day, as "April 14" is; the same day so written leaves the date sure."""

from __future__ import annotations

import pytest

from tests.test_extract_training_mend_r12m import award, sure_wrong
from tests.test_extract_training_sidebar import item_of

DOT = "\u00b7"


@pytest.mark.parametrize("second", ["Closing circle: 14 April", "Closing circle: Apr. 14th",
                                    "Closing circle on the 14th of April", "Closing circle: April 14th"])
def test_a_yearless_second_day_written_otherwise_flags_the_run_in_date(second: str) -> None:
    """Every row fails before: the first day came out at 0.864 unflagged."""
    item = item_of(award(f"Attended April 7, 2024 {DOT} 5 hours", second))
    assert not sure_wrong(item, "2024-04-14")
    assert item.needs_review and item.confidence <= 0.7


@pytest.mark.parametrize("same", ["Closing circle: 7 April", "Closing circle: Apr. 7th"])
def test_the_same_day_written_day_first_leaves_the_date_sure(same: str) -> None:
    """Guard: the same month and day; passes before and after."""
    item = item_of(award(f"Attended April 7, 2024 {DOT} 5 hours", same))
    assert item.value["date"] == "2024-04-07" and not item.needs_review, item.reasons
