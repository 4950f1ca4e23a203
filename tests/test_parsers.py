"""Rule tests: rows (text, value) for the date, hours and degree patterns, and property tests of the parsers."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.dates import ParsedDate, parse_date, repair_digits
from extractors.fields import REVIEW_THRESHOLD
from extractors.forms import ocr_tolerant
from extractors.hours import ParsedHours, column_form, parse_hours, repair_in_form
from extractors.nlp import compiled_patterns, find_patterns
from extractors.vocab import Degree, degrees


@pytest.mark.parametrize(("text", "expected"), [
    ("May 5, 2012", "2012-05-05"),
    ("05/05/2012", "2012-05-05"),
    ("5/5/12", "2012-05-05"),
    ("2012-05-05", "2012-05-05"),
    ("07-MAY-2024", "2024-05-07"),
    ("June 6-7, 2022", "2022-06-07"),
    ("March 30 - April 2, 2021", "2021-04-02"),
    ("December 31, 2026", "2026-12-31"),
    ("May 2012", "2012-05-01"),
    ("2025-1 2-11", "2025-12-11"),
    ("2024 -05-0 6", "2024-05-06"),
    ("August 20-2026", "2026-08-20"),
    ("Aug 23% 2026", "2026-08-23"),
    ("Aug 17,2019", "2019-08-17"),
    ("April 32025", "2025-04-03"),  # OCR lost the ", " between the day and the year
    ("June 6-72022", "2022-06-07"),
    ("March 31 - April 32025", "2025-04-03"),
    ("14th day of November, 2023", "2023-11-14"),  # the formal date of a signed statement
    ("1st day of June in the year 2020", "2020-06-01"),
    ("3rd day of Sept., 2019", "2019-09-03"),
    ("0ct 4, 2025", "2025-10-04"),  # OCR slips on a month's letters
    ("Noy 2, 2024", "2024-11-02"),
    ("Mav. 5, 2012", "2012-05-05"),
])
def test_dates_parse_from_their_span(text: str, expected: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None and parsed.iso() == expected


@pytest.mark.parametrize("text", ["Fall 2010", "hello", "", "Credits 3.0", "may"])
def test_non_dates_are_none(text: str) -> None:
    assert parse_date(text) is None


def test_month_year_keeps_its_precision() -> None:
    parsed = parse_date("May 2012")
    assert parsed is not None and parsed.precision == "month"


@pytest.mark.parametrize(("text", "hours", "converted"), [
    ("6.0 clock hours", 6.0, False),
    ("Contact hours: 3.5", 3.5, False),
    ("1.2 CEU", 12.0, True),
    ("0.6 CEUs", 6.0, True),
    ("90 minutes", 1.5, True),
    ("90 min", 1.5, True),
    ("1:30", 1.5, True),
    ("1:30 (hh:mm)", 1.5, True),
    ("3:45 (hours:minutes)", 3.75, True),
    ("2 hours 30 minutes", 2.5, True),
    ("1.5 hrs", 1.5, False),
    ("1.5", 1.5, False),
    ("1h30", 1.5, True),  # the minutes' unit left off after an hour's
    ("2 hrs 15", 2.25, True),
    ("1 1/2 hours", 1.5, False),  # a fraction of an hour
    ("3 1/4 hrs", 3.25, False),
    ("1½ hrs", 1.5, False),
    ("½ hour", 0.5, False),
])
def test_hours_in_every_form(text: str, hours: float, converted: bool) -> None:
    parsed = parse_hours(text)
    assert parsed is not None
    assert parsed.hours == pytest.approx(hours)
    assert parsed.converted is converted


@pytest.mark.parametrize("text", ["Individual", "1:75", "hours", "May 5, 2012", "99999 hours", "1/2", "1.5h 2"])
def test_non_hours_are_none(text: str) -> None:
    assert parse_hours(text) is None


@pytest.mark.parametrize(("text", "label", "span", "rule"), [
    ("Degree Awarded: Master of Social Work (MSW)", "DEGREE", "Master of Social Work", "degree.name.MSW.v1"),
    ("awarded the M.S.W. in 2012", "DEGREE", "M.S.W.", "degree.abbreviation.MSW.v1"),
    ("Psy.D. conferred", "DEGREE", "Psy.D.", "degree.abbreviation.PsyD.v1"),
    ("Doctor of Philosophy in Human Development", "DEGREE", "Doctor of Philosophy", "degree.name.PhD.v1"),
    ("Date Conferred: May 5, 2012", "DATE", "May 5, 2012", "date.month_name.v1"),
    ("Issued 07-MAY-2024", "DATE", "07-MAY-2024", "date.day_month_name.v1"),
    ("Contact hours: 3.5", "HOURS", "Contact hours: 3.5", "hours.labelled.v1"),
    ("for 2 hours 30 minutes today", "HOURS", "2 hours 30 minutes", "hours.hours_minutes.v1"),
    ("awarded 1.2 CEU", "HOURS", "1.2 CEU", "hours.ceu.v1"),
    ("6.0 clock hours", "HOURS", "6.0 clock hours", "hours.clock.v1"),
    ("Date: 05/05/2012 signed", "DATE", "05/05/2012", "date.numeric_mdy.v1"),
    ("printed 5/5/12", "DATE", "5/5/12", "date.numeric_mdy.v1"),
    ("Completed on 2012-05-05.", "DATE", "2012-05-05", "date.iso.v1"),
    ("Reporting period: January 2024 - March 2025", "DATE", "January 2024", "date.month_year.v1"),
    ("Length 90 min", "HOURS", "90 min", "hours.minutes.v1"),
    ("3/14 Individual", "MONTH_DAY", "3/14", "date.month_day.v1"),
    ("Mar 14 group session", "MONTH_DAY", "Mar 14", "date.month_name_day.v1"),
    ("one-on-one with the consultant", "FORMAT_INDIVIDUAL", "one-on-one", "format.individual.v1"),
    ("Grp. session", "FORMAT_GROUP", "Grp.", "format.group.v1"),
    ("signed the 5th of May, 2012", "DATE", "5th of May, 2012", "date.day_month_name_loose.v1"),
    ("on May 5th, 2012 at noon", "DATE", "May 5th, 2012", "date.month_name_ordinal.v1"),
    ("Expires Dee 31, 2026 for", "DATE", "Dee 31, 2026", "date.month_ocr_slip.v1"),
    ("Sworn this 14th day of November, 2023 before me", "DATE", "14th day of November, 2023",
     "date.day_of_month_name.v1"),  # never 'November, 2023' at month precision
    ("on the 1st day of June in the year 2020.", "DATE", "1st day of June in the year 2020",
     "date.day_of_month_name.v1"),
    ("held June 6-7, 2026 in Lansing", "DATE", "June 6-7, 2026", "date.month_name.v1"),
    ("Completed: 2025-1 2-11", "DATE", "2025-1 2-11", "date.iso_split.v1"),  # OCR split a digit group
    ("Dated Aug 20-2026 at", "DATE", "Aug 20-2026", "date.month_name_dash_year.v1"),  # a comma read as a dash
    ("on March 3.2024,", "DATE", "March 3.2024", "date.month_name_dash_year.v1"),
    ("Date of hire: Aug 17,2019", "DATE", "Aug 17,2019", "date.month_name_marked.v1"),  # no space after the comma
    ("completed Aug 23% 2026", "DATE", "Aug 23% 2026", "date.month_name_marked.v1"),  # the comma read as a mark
    ("held March 31 - April 32025 online", "DATE", "March 31 - April 32025", "date.month_name_run_together.v2"),
    ("Date: 4-21-2023 signed", "DATE", "4-21-2023", "date.numeric_mdy_dash.v1"),
    ("Date: 21-04-2023 signed", "DATE", "21-04-2023", "date.numeric_mdy_dash.v1"),
    ("seen 05-06-2023 in clinic", "DATE", "05-06-2023", "date.numeric_dash_ambiguous.v1"),
    ("exported 2023/04/21", "DATE", "2023/04/21", "date.numeric_ymd_slash.v1"),
    ("seen 21.04.2023 in clinic", "DATE", "21.04.2023", "date.numeric_dotted.v1"),
    ("seen 04.05.2023 in clinic", "DATE", "04.05.2023", "date.numeric_dotted_ambiguous.v1"),
    ("Contact hours: 1 1/2 hours", "HOURS", "1 1/2 hours", "hours.fraction.v1"),
    ("for 1½ hrs", "HOURS", "1½ hrs", "hours.fraction.v1"),
    ("a one-to-one session", "FORMAT_INDIVIDUAL", "one-to-one", "format.individual.v1"),
    ("1:1 with the consultant", "FORMAT_INDIVIDUAL", "1:1", "format.individual.v1"),
    ("dyadic supervision", "FORMAT_INDIVIDUAL", "dyadic", "format.individual.v1"),
])
def test_span_patterns_find_exact_ranges(text: str, label: str, span: str, rule: str) -> None:
    found = [e for e in find_patterns(text) if e.label == label]
    assert [(e.text, e.rule) for e in found][:1] == [(span, rule)]
    assert text[found[0].start:found[0].end] == span


@pytest.mark.parametrize(("text", "unwanted"), [
    ("Contact hours: 1 1/2 hours", "Contact hours: 1"), ("took 1/2 hour", "1/2"), ("at 11:15 today", "1:1"),
])
def test_a_fraction_or_a_time_is_not_read_in_part(text: str, unwanted: str) -> None:
    """A fraction's whole number is no amount of hours, nor its numerator and denominator a month and a day."""
    assert unwanted not in [e.text for e in find_patterns(text)]


@pytest.mark.parametrize("text", ["04.05.2023", "12.11.2024"])
def test_a_dotted_date_either_order_could_mean_is_left_for_a_person(text: str) -> None:
    [date] = [e for e in find_patterns(text) if e.label == "DATE"]
    assert date.score < REVIEW_THRESHOLD


@pytest.mark.parametrize("text", ["Sept 122024", "April 32025", "March 31 - April 32025", "Dec. 12019"])
def test_a_date_whose_year_ran_into_its_day_is_always_left_for_a_person(text: str) -> None:
    """The lost ", " is a guess: its span scores under the review threshold, whatever a phrase then multiplies it by."""
    [date] = [e for e in find_patterns(text) if e.label == "DATE"]
    assert date.text == text and date.score < REVIEW_THRESHOLD


@pytest.mark.parametrize("text", ["Decision 12019", "Mayor 12020", "Novice 22019", "Marching 32025", "Augusta 12018"])
def test_a_word_that_only_begins_like_a_month_is_no_run_together_date(text: str) -> None:
    assert [e.text for e in find_patterns(text) if e.label == "DATE"] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Signed on the 22nd day of February, 2021 at Lansing", "2021-02-22"),
    ("Witness my hand this 9th day of Oct 2018.", "2018-10-09"),
    ("Dated this 30 day of April, 2024", "2024-04-30"),
])
def test_a_formal_day_of_month_date_reads_to_the_day(text: str, expected: str) -> None:
    """The whole 'Nth day of Month, YYYY' is one date: the day is never dropped for the month and year."""
    dates = [parse_date(e.text) for e in find_patterns(text) if e.label == "DATE"]
    assert [d.iso() if d else None for d in dates] == [expected]
    assert all(d is not None and d.precision == "day" for d in dates)


@pytest.mark.parametrize("text", ["Expires Dee 31, 2026", "Jui 14, 2020", "Avg 3, 2021", "5ep 9, 2018"])
def test_a_date_read_through_a_slipped_month_is_always_left_for_a_person(text: str) -> None:
    [date] = [e for e in find_patterns(text) if e.label == "DATE"]
    assert parse_date(date.text) is not None and date.score < REVIEW_THRESHOLD


@pytest.mark.parametrize("text", ["Max 12, 2020", "Marketing 12, 2020", "Deerfield 3, 2021", "Sec 12, 2020",
                                  "Jon-Paul 3, 2021"])
def test_a_word_that_is_no_slipped_month_gives_no_date(text: str) -> None:
    """Only a three-letter word that one month's letters alone could have been is read as that month."""
    assert [parse_date(e.text) for e in find_patterns(text) if e.label == "DATE"] in ([], [None])


def test_every_span_pattern_has_a_row() -> None:
    rows = test_span_patterns_find_exact_ranges.pytestmark[0].args[1]  # type: ignore[attr-defined]
    tested = {rule for *_, rule in rows}
    assert {p.id for p in compiled_patterns() if not p.id.startswith("degree.")} <= tested


@pytest.mark.parametrize("degree", degrees().degrees, ids=lambda d: d.abbreviation)
def test_every_degree_spelling_is_found_as_its_degree(degree: Degree) -> None:
    for spelling, kind in [(name, "name") for name in degree.names] + [(v, "abbreviation") for v in degree.variants]:
        text = f"awarded the {spelling} on May 5, 2012"
        found = [e for e in find_patterns(text) if e.label == "DEGREE"]
        assert [(e.text, e.rule) for e in found] == [(spelling, f"degree.{kind}.{degree.abbreviation}.v1")]


def test_spans_never_cross_lines_except_a_date_cut_by_the_break() -> None:
    text = "Graduated 2012\nContact hours: 4 on December 19,\n2011, with honours"
    found = find_patterns(text)
    assert all("\n" not in text[e.start:e.end] for e in found if e.label != "DATE")
    assert any(e.rule == "hours.labelled.v1" for e in found)
    [date] = [e for e in found if e.label == "DATE"]
    assert text[date.start:date.end] == "December 19,\n2011" and date.text == "December 19, 2011"


@given(st.text(max_size=40))
def test_parse_date_returns_a_date_or_none(text: str) -> None:
    result = parse_date(text)
    assert result is None or (isinstance(result, ParsedDate) and isinstance(result.date, dt.date))


@given(st.text(max_size=40))
def test_parse_hours_returns_hours_or_none(text: str) -> None:
    result = parse_hours(text)
    assert result is None or (isinstance(result, ParsedHours) and 0 <= result.hours <= 2000)


@given(st.decimals(min_value=0, max_value=500, places=1))
def test_clock_hours_round_trip(value: object) -> None:
    parsed = parse_hours(f"{value} clock hours")
    assert parsed is not None and parsed.hours == pytest.approx(float(str(value)))


@pytest.mark.parametrize(("text", "level", "readable"), [
    ("Infant Mental Health Mentor (Level IV)", "IV", True),
    ("Infant Mental Health Specialist (Level III)", "III", True),
    ("Infant Family Specialist (Level II)", "II", True),
    ("Infant Family Associate (Level I)", None, True),
    ("Level I (Infant Family Associate)", None, True),
    ("Infant Mental Health Specialist", "III", True),
    ("None", None, True),
    ("Specialist", None, False),
    ("illegible", None, False),
])
def test_rater_endorsement_levels(text: str, level: str | None, readable: bool) -> None:
    from extractors.forms import _level

    assert _level(text) == (level, readable)


@pytest.mark.parametrize(("text", "repaired"), [
    ("1/il", "1/11"),  # l and i for 1
    ("L /31", "1/31"),  # a capital L, and a space OCR put inside the date
    ("O3/O4/2024", "03/04/2024"),
    ("2O24-O5-1O", None),  # three look-alikes: too far from what was printed to guess
    ("Sessions", None),
    ("lI/ll", None),  # no real digit at all
    ("05/14/2024", None),  # nothing to repair
])
def test_digit_look_alikes_in_a_date_cell(text: str, repaired: str | None) -> None:
    assert repair_digits(text) == repaired


@given(st.text(max_size=20))
def test_repair_digits_returns_a_numeric_date_or_none(text: str) -> None:
    repaired = repair_digits(text)
    assert repaired is None or all(ch.isdigit() or ch in "/-" for ch in repaired)


@pytest.mark.parametrize(("text", "hours"), [
    ("1.5; hrs", 1.5),  # a speck read as a semicolon between the number and its unit
    ("2.0 , hours", 2.0),
    ("1:30", 1.5),
])
def test_stray_marks_between_a_number_and_its_unit(text: str, hours: float) -> None:
    parsed = parse_hours(text)
    assert parsed is not None and parsed.hours == hours


@pytest.mark.parametrize(("cells", "form"), [
    (["1.5", "2.0", "1.0 hrs", "15"], "decimal"),
    (["1:30", "2:00", "1:00", "130"], "colon"),
    (["1.5", "2:00", "1.0"], None),  # too few of one form
    (["1.5", "2.0", "1.0", "1:30", "2:00", "1:00"], None),  # two forms: no single one
])
def test_a_duration_column_has_one_written_form(cells: list[str], form: str | None) -> None:
    assert column_form(cells) == form


@pytest.mark.parametrize(("text", "form", "repaired"), [
    ("15", "decimal", "1.5"),  # the point lost
    ("125", "decimal", "1.5"),  # the point read as a digit
    ("22:0", "decimal", "2.0"),
    ("1) 5", "decimal", "1.5"),
    ("130", "colon", "1:30"),
    ("13:0", "colon", "1:30"),
    ("1730", "colon", "1:30"),  # the colon read as a 7
    ("1:300", "colon", None),  # a colon read: not one lost
    ("Tad", "decimal", None),  # letters: not a misread number
    ("1234", "decimal", None),
    ("15", "colon", None),
])
def test_a_garbled_duration_is_rewritten_in_its_column_form(text: str, form: str, repaired: str | None) -> None:
    assert repair_in_form(text, form) == repaired


@pytest.mark.parametrize(("pattern", "text", "matches"), [
    (r"active\s+through", "active throu gh", True),
    (r"(?:membership\s+)?valid\s+through", "membershi p valid through", True),
    (r"expires?(?:\s+on)?", "expi res on", True),
    (r"(?P<label>date)\s*[a-z]{2}", "da te of", True),  # a group's name and a repeat count are left alone
    (r"active\s+through", "actively through", False),
])
def test_label_patterns_tolerate_words_split_by_a_space(pattern: str, text: str, matches: bool) -> None:
    assert bool(re.fullmatch(ocr_tolerant(pattern), text)) is matches
