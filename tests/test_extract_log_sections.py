"""RS/C logs kept in sections: a heading line over each section's table names its sessions' type and provider."""

from __future__ import annotations

import pytest

from extractors import supervision
from extractors.layout import DocText, build_text
from extractors.nlp import find_patterns
from pipeline.models import Item, Page, Word
from tests.test_extract_supervision import row

Cells = list[tuple[float, str]]
HEADER: Cells = [(40, "No."), (70, "Date"), (160, "Minutes"), (230, "Mode")]


def line(text: str, top: float) -> list[Word]:
    """A heading or note: one line of words from the left margin."""
    return row([(40, text)], top)


def session(number: int, date: str, minutes: str = "60", mode: str = "Zoom") -> Cells:
    return [(40, str(number)), (70, date), (160, minutes), (230, mode)]


def pages(*sheets: list[list[Word]]) -> DocText:
    """A document of several sheets, each a list of printed lines."""
    return build_text("doc", [Page(number=n, width=612, height=792, source="ocr", words=[w for ws in lines for w in ws])
                              for n, lines in enumerate(sheets, start=1)])


def sheet(*blocks: tuple[str | None, list[Cells]], foot: str | None = None) -> list[list[Word]]:
    """A sheet of sections: each its heading line (or none), a header row and its session rows."""
    lines, top = [], 80.0
    for heading, rows in blocks:
        if heading is not None:
            lines.append(line(heading, top))
            top += 16
        lines.append(row(HEADER, top))
        top += 16
        for cells in rows:
            lines.append(row(cells, top))
            top += 16
        top += 10
    if foot is not None:
        lines.append(line(foot, top))
    return lines


def items(doc: DocText) -> list[Item]:
    return [i for i in supervision.extract(doc, find_patterns(doc.text)).items if i.type == "supervision_session"]


def read(doc: DocText) -> list[tuple[str | None, str | None]]:
    return [(i.value["format"], i.value["supervisor"]) for i in items(doc)]


ONE_TO_ONE = "One-to-one consultation with Priya Oduya"
CIRCLE = "Group reflective supervision facilitated by Tomas Reyna"


@pytest.mark.parametrize(("first", "second", "expected"), [
    (ONE_TO_ONE, CIRCLE, [("individual", "Priya Oduya"), ("group", "Tomas Reyna")]),
    ("Individual RS/C with Wren Halvorsen, LMFT", "Group sessions led by Odile Marchetti",
     [("individual", "Wren Halvorsen"), ("group", "Odile Marchetti")]),
    # a heading that names no type gives its provider; the type is a person's question
    ("Sessions with Priya Oduya", CIRCLE, [(None, "Priya Oduya"), ("group", "Tomas Reyna")]),
])
def test_rows_take_the_type_and_provider_of_their_section_heading(first: str, second: str,
                                                                  expected: list[tuple[str | None, str]]) -> None:
    doc = pages(sheet((first, [session(1, "03/02/2024")]), (second, [session(2, "03/09/2024", "90", "In room")])))
    assert read(doc) == expected
    assert [bool(i.reasons) for i in items(doc)] == [value[0] is None for value in expected]


@pytest.mark.parametrize("again", [f"{ONE_TO_ONE} (cont'd)", f"{ONE_TO_ONE} (continued )", ONE_TO_ONE])
def test_a_section_restated_on_the_next_sheet_goes_on_and_its_dates_run_from_its_own(again: str) -> None:
    doc = pages(sheet((CIRCLE, [session(1, "05/14/2024"), session(2, "06/11/2024")]),
                      (ONE_TO_ONE, [session(3, "01/08/2024")])),
                sheet((again, [session(4, "02/05/2024")])))
    assert read(doc) == [("group", "Tomas Reyna")] * 2 + [("individual", "Priya Oduya")] * 2
    assert all(not i.reasons for i in items(doc))  # no row is out of order: each section's dates run by themselves


def test_a_sheet_that_does_not_restate_its_section_is_flagged() -> None:
    doc = pages(sheet((ONE_TO_ONE, [session(1, "03/02/2024")])), sheet((None, [session(2, "03/09/2024")])))
    found = items(doc)
    assert read(doc)[0] == ("individual", "Priya Oduya")
    assert found[1].value["supervisor"] is None and "log.supervisor_missing" in found[1].reasons


def test_rows_after_a_subtotal_are_no_longer_the_section_s() -> None:
    lines = sheet((ONE_TO_ONE, [session(1, "03/02/2024")]))
    lines += [line("Subtotal with Priya Oduya: 60 minutes", 150), row(session(2, "03/20/2024"), 166)]
    found = items(pages(lines))
    assert found[0].value["supervisor"] == "Priya Oduya" and not found[0].reasons
    assert found[1].value["supervisor"] is None and "log.supervisor_missing" in found[1].reasons


@pytest.mark.parametrize("heading", [
    "Group sessions with the Harbor Family Team",  # a body, not a provider
    "Individual supervision with Priya Oduya and Tomas Reyna",  # two people
    "individual supervision with priya oduya",  # no capitals: maybe no name at all
])
def test_a_heading_that_names_no_one_provider_decides_nothing(heading: str) -> None:
    found = items(pages(sheet((heading, [session(1, "03/02/2024")]))))
    assert found[0].value["supervisor"] is None and "log.supervisor_missing" in found[0].reasons


def test_a_line_by_a_name_with_no_table_under_it_heads_no_section() -> None:
    lines = [row(HEADER, 80), row(session(1, "03/02/2024"), 96), line("Reviewed by Priya Oduya", 130)]
    found = items(pages(lines))
    assert found[0].value["supervisor"] is None and "log.supervisor_missing" in found[0].reasons


@pytest.mark.parametrize(("kind", "name", "reasons"), [
    ("Group", "Lena Moravec", {"log.format_disagrees_section", "log.supervisor_disagrees_section"}),
    ("Group", "Priya Oduya", {"log.format_disagrees_section"}),
    ("Individual", "Lena Moravec", {"log.supervisor_disagrees_section"}),
])
def test_a_row_s_own_cells_that_disagree_with_its_heading_are_kept_and_flagged(kind: str, name: str,
                                                                               reasons: set[str]) -> None:
    header = [(40, "Date"), (140, "Type"), (220, "Hours"), (290, "Supervisor")]
    own = [(40, "04/04/2024"), (140, kind), (220, "1.5"), (290, name)]
    found = items(pages([line(ONE_TO_ONE, 80), row(header, 96), row(own, 112)]))
    assert (found[0].value["format"], found[0].value["supervisor"]) == (kind.lower(), name)
    assert set(found[0].reasons) == reasons


@pytest.mark.parametrize(("total", "doubted"), [
    ("Subtotal with Priya Odoya: 120 minutes", True),  # the heading or the total misread: which, a person says
    ("Subtotal with Priya Oduya: 120 minutes", False),
    ("Subtotal: 120 minutes", False),
])
def test_a_section_total_naming_another_provider_doubts_the_section(total: str, doubted: bool) -> None:
    lines = sheet((ONE_TO_ONE, [session(1, "03/02/2024"), session(2, "03/20/2024")]))
    found = items(pages([*lines, line(total, 150)]))
    assert [i.value["supervisor"] for i in found] == ["Priya Oduya"] * 2
    assert all(("log.section_total_disagrees" in i.reasons) is doubted for i in found)


# --- review R11f: a heading's "with"/"by" names the provider only after a word of leading or of the sessions ---
LABELS = [line("Applicant: Mirela Szabo", 40), line("Consultant: Corinne Abelard", 56)]
TYPED = [(40, "Date"), (140, "Hours"), (220, "Type")]


def typed(date: str) -> Cells:
    return [(40, date), (140, "1.5"), (220, "Individual")]


@pytest.mark.parametrize("heading", [
    "Dyadic RS/C by Phone Conference",  # a way of meeting, not a person
    "Individual sessions held by Video Link",  # "held by": how, not who
    "Consultation notes compiled by Mirela Szabo",  # who kept the log
    "Individual consultation with Mirela Szabo",  # the applicant is no provider
])
def test_a_heading_naming_no_provider_leaves_the_labelled_supervisor(heading: str) -> None:
    found = items(pages([*LABELS, line(heading, 80), row(TYPED, 96), row(typed("02/06/2024"), 112),
                         row(typed("02/20/2024"), 128)]))
    assert [i.value["supervisor"] for i in found] == ["Corinne Abelard"] * 2
    assert not any("log.supervisor_disagrees_section" in i.reasons for i in found)


def test_a_heading_naming_another_than_the_labelled_supervisor_is_flagged_not_taken() -> None:
    found = items(pages([*LABELS, line("Group RS/C facilitated by Tobias Grell", 80), row(TYPED, 96),
                         row(typed("02/06/2024"), 112)]))
    assert found[0].value["supervisor"] == "Corinne Abelard"
    assert "log.supervisor_disagrees_section" in found[0].reasons and found[0].confidence <= 0.7


def test_a_heading_by_a_provider_over_its_table_is_still_read() -> None:  # guard: passes before and after
    found = items(pages([line("Supervision by Corinne Abelard", 80), row(TYPED, 96), row(typed("02/06/2024"), 112)]))
    assert found[0].value["supervisor"] == "Corinne Abelard" and not found[0].reasons


@pytest.mark.parametrize(("between", "heading"), [
    ([], "Group RS/C (peer circle)"),  # a type heading naming no provider starts a table of its own
    ([], "Further sessions"),  # no type, but the next table's header row
    (["Hours with Priya Oduya: 1.0"], "Individual sessions"),  # a subtotal line not worded "total"
])
def test_a_section_ends_where_the_next_table_starts(between: list[str], heading: str) -> None:
    lines = sheet((ONE_TO_ONE, [session(1, "03/02/2024")]))
    top = 140.0
    for text in between:
        lines.append(line(text, top))
        top += 16
    lines += [line(heading, top + 10), row(HEADER, top + 26), row(session(2, "03/09/2024"), top + 42)]
    found = items(pages(lines))
    assert found[0].value["supervisor"] == "Priya Oduya" and not found[0].reasons
    assert found[1].value["supervisor"] is None and "log.supervisor_missing" in found[1].reasons


@pytest.mark.parametrize(("note", "under"), [
    ("Supervision provided by Corinne Abelard", "Date: 05/02/2024"),  # a signature block between two tables
    ("Consultation led by Corinne Abelard", "Covering 01/2024 to 06/2024"),  # a period line, not the table
])
def test_a_name_line_over_a_dated_line_that_is_not_the_table_heads_no_section(note: str, under: str) -> None:
    lines = [row(HEADER, 80), row(session(1, "03/02/2024"), 96), line(note, 130), line(under, 146),
             row(HEADER, 170), row(session(2, "03/09/2024"), 186)]
    found = items(pages(lines))
    assert [i.value["supervisor"] for i in found] == [None, None]
    assert all("log.supervisor_missing" in i.reasons for i in found)


@pytest.mark.parametrize("heading", [
    "One-to-one consultation with Corinne Abelard LMSW",
    "Individual RS/C with Consultant Corinne Abelard",
    "Group supervision facilitated by Dr. Corinne Abelard",
    "Group RS/C led by Corinne Abelard Facilitator",
    "Individual supervision with Corinne Abelard (IMH-E)",
])
def test_a_credential_title_or_role_beside_the_heading_s_name_is_not_part_of_it(heading: str) -> None:
    found = items(pages([line(heading, 80), row(HEADER, 96), row(session(1, "03/02/2024"), 112)]))
    assert found[0].value["supervisor"] == "Corinne Abelard"
