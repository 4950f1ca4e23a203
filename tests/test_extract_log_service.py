"""RS/C logs printed from a scheduling system: a service column names each session's type beside a consultant
column, and the report's foot sets its total beside another labelled field."""

from __future__ import annotations

import pytest

from extractors import supervision
from extractors.nlp import find_patterns
from pipeline.models import Item
from tests.test_extract_supervision import doc_of, row

HEADER = [(40, "Date"), (110, "Service"), (260, "Consultant"), (380, "Hrs")]


def log(*lines: list[tuple[float, str]]) -> list[Item]:
    """The items of a log whose lines are given as cells, one line every 16 points."""
    doc = doc_of(*(row(cells, 80.0 + 16 * n) for n, cells in enumerate(lines)))
    return supervision.extract(doc, find_patterns(doc.text)).items


def visit(date: str, service: str, hours: str = "1.5", who: str = "Odile Brannagh") -> list[tuple[float, str]]:
    return [(40, date), (110, service), (260, who), (380, hours)]


def sessions(found: list[Item]) -> list[Item]:
    return [i for i in found if i.type == "supervision_session"]


@pytest.mark.parametrize(("service", "expected"), [
    ("One-on-one consultation", "individual"), ("Group RS/C session", "group"),
    ("Individual supervision", "individual"),
])
def test_a_service_cell_beside_a_consultant_column_names_the_type(service: str, expected: str) -> None:
    found = sessions(log(HEADER, visit("03/11/2025", service), visit("03/25/2025", service)))
    assert [(i.value["format"], i.value["supervisor"]) for i in found] == [(expected, "Odile Brannagh")] * 2
    assert not any(i.needs_review for i in found)


@pytest.mark.parametrize("service", ["Group dynamics training", "Individual assessment debrief"])
def test_a_service_cell_with_words_beyond_a_type_and_a_meeting_is_flagged(service: str) -> None:
    found = sessions(log(HEADER, visit("03/11/2025", service)))
    assert found[0].needs_review and found[0].confidence <= 0.7


def test_a_service_cell_naming_no_type_leaves_it_unread_and_flagged() -> None:  # guard: passes before too
    found = sessions(log(HEADER, visit("03/11/2025", "Case review")))
    assert found[0].value["format"] is None and found[0].needs_review


@pytest.mark.parametrize("foot", [[(40, "Visits on record: 2"), (230, "Total hours: 3.0")],
                                  [(40, "Sessions: 2"), (160, "Billed to: self"), (300, "Total time: 3.0")]])
def test_a_total_set_beside_other_labelled_fields_is_read(foot: list[tuple[float, str]]) -> None:
    found = log(HEADER, visit("03/11/2025", "Group consultation"), visit("03/25/2025", "Group consultation"), foot)
    totals = [i for i in found if i.type == "supervision_total"]
    assert [i.value["stated_total"] for i in totals] == [3.0] and not totals[0].needs_review


def test_a_total_in_a_sentence_after_a_field_is_still_read_as_its_line_says() -> None:  # guard: passes before too
    found = log(HEADER, visit("03/11/2025", "Group consultation"), [(40, "Total hours: 1.5")])
    assert [i.value["stated_total"] for i in found if i.type == "supervision_total"] == [1.5]


TIMED = [(40, "Date"), (100, "Appointment time"), (210, "Service"), (340, "Consultant"), (440, "Hrs")]


def timed_log(*visits: tuple[str, str, str, float]) -> list[Item]:
    """Sessions of a log with a time column: each visit its date, its times, its hours cell and that cell's OCR
    confidence."""
    lines = [row(TIMED, 80.0)]
    for n, (date, times, hours, confidence) in enumerate(visits, start=1):
        top = 80.0 + 16 * n
        lines.append(row([(40, date), (100, times), (210, "Group consultation"), (340, "Odile Brannagh")], top)
                     + row([(440, hours)], top, confidence))
    doc = doc_of(*lines)
    return sessions(supervision.extract(doc, find_patterns(doc.text)).items)


@pytest.mark.parametrize("times", ["9:15 AM - 10:45 AM", "13:15-14:45", "1.15 to 2.45"])
def test_an_unreadable_duration_is_given_by_the_span_of_a_time_column(times: str) -> None:
    found = timed_log(("05/06/2025", "10:00 AM - 11:00 AM", "1.0", 0.96), ("05/20/2025", times, "%5", 0.5))
    assert [i.value["hours"] for i in found] == [1.0, 1.5]
    assert "log.hours_from_times" in found[1].reasons and not found[0].needs_review


def test_a_well_read_duration_the_time_column_contradicts_is_kept_and_flagged() -> None:
    found = timed_log(("05/06/2025", "10:00 AM - 11:00 AM", "2.0", 0.96))
    assert found[0].value["hours"] == 2.0 and "log.hours_disagree_times" in found[0].reasons
