"""The requirement checks (pipeline/checks) against hand-built candidate records."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.checks import (
    REQUIREMENT_IDS,
    StandardError,
    load_standard,
    run_checks,
)
from pipeline.checks.predicates.supervision import Session, SupervisionParams, best_window
from pipeline.checks.registry import PREDICATES, Registered
from pipeline.checks.rules import DEFAULT_STANDARD
from pipeline.models import CandidateRecord, Category, Item, Provenance, RequirementResult, Status

APPLIED = dt.date(2025, 9, 1)
MET, NOT_MET, REVIEW, NA = Status.MET, Status.NOT_MET, Status.NEEDS_REVIEW, Status.NOT_APPLICABLE
_serial = itertools.count()


# --- building records --------------------------------------------------------------------------


def item(kind: str, *, pending: bool = False, reasons: tuple[str, ...] = (), **value: object) -> Item:
    """An item with provenance; `pending` marks it as awaiting review."""
    n = next(_serial)
    return Item(
        type=kind,
        key=f"{kind}:{n}",
        value=dict(value),
        confidence=0.55 if pending else 0.97,
        needs_review=pending,
        reasons=list(reasons or (["ocr.low_confidence"] if pending else [])),
        provenance=[
            Provenance(
                document=f"{n:064x}",
                page=1,
                bbox=(72.0, 100.0, 240.0, 112.0),
                text=str(value)[:40],
                source="text_layer",
                rule="test.v1",
            )
        ],
    )


def record(
    *items: Item, category: Category | None = Category.CLINICAL, applied_on=APPLIED
) -> CandidateRecord:
    return CandidateRecord(candidate="c-001", category=category, applied_on=applied_on, items=list(items))


def result_of(rec: CandidateRecord, requirement: str, **kwargs) -> RequirementResult:
    return next(r for r in run_checks(rec, **kwargs) if r.id == requirement)


def degree(abbreviation="MSW", conferred="2012-05-05", official=True, **kw) -> Item:
    return item(
        "degree",
        abbreviation=abbreviation,
        name=kw.pop("name", "Master"),
        field="Social Work",
        institution="Wayne State University",
        conferred=conferred,
        official=official,
        **kw,
    )


def training(title, hours, date="2021-03-03", relevant=True, converted=False, **kw) -> Item:
    return item(
        "training",
        title=title,
        hours=hours,
        date=date,
        provider="MI-AIMH",
        relevant=relevant,
        converted=converted,
        **kw,
    )


def session(day, hours, supervisor="Dr. Ruth Fine", fmt="individual", **kw) -> Item:
    day = day.isoformat() if isinstance(day, dt.date) else day
    return item("supervision_session", date=day, hours=hours, format=fmt, supervisor=supervisor, **kw)


def sessions(start: str, count: int, every_days: int, hours: float, **kw) -> list[Item]:
    first = dt.date.fromisoformat(start)
    return [session(first + dt.timedelta(days=i * every_days), hours, **kw) for i in range(count)]


def reference(rater, relationship, level=None, **kw) -> Item:
    return item(
        "reference", rater=rater, relationship=relationship, rater_level=level, date="2025-06-01", **kw
    )


def job(start, end=None, **kw) -> Item:
    return item("employment", employer="Clinic", role="Therapist", start=start, end=end, duties="IMH", **kw)


def clinical_references() -> list[Item]:
    return [
        reference("Ann Lee", "program_supervisor", "III"),
        reference("Ruth Fine", "rsc_provider"),
        reference("Sam Ode", "supervisee"),
    ]


def complete_candidate(category=Category.CLINICAL) -> CandidateRecord:
    return record(
        degree(),
        training("Attachment-based interventions", 18.0),
        training("Parent-infant psychotherapy", 14.0, date="2022-01-10"),
        job("2013-01-01"),
        *sessions("2024-03-04", 21, 24, 2.5),
        *clinical_references(),
        item("signature", signer="Jo Doe", date="2025-08-01", signed=True),
        item("exam", passed=True, date="2025-07-15"),
        item(
            "membership",
            organization="Michigan Association for Infant Mental Health",
            valid_through="2026-06-30",
        ),
        category=category,
    )


# --- the standard as data ----------------------------------------------------------------------


def copied_standard(tmp_path: Path, edit) -> Path:
    """A copy of the shipped YAML with `edit(data)` applied."""
    data = yaml.safe_load(DEFAULT_STANDARD.read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "standard.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def test_shipped_standard_lists_the_eight_requirements_with_versioned_predicates():
    standard = load_standard()
    assert [r.id for r in standard.requirements] == list(REQUIREMENT_IDS)
    assert [r.predicate for r in standard.requirements] == [
        "listed_degree.v1",
        "min_training_hours.v1",
        "postgrad_experience.v1",
        "rsc_window.v1",
        "reference_ratings.v1",
        "signed_agreement.v1",
        "exam_passed.v1",
        "current_membership.v1",
    ]
    params = standard.requirement("reflective_supervision").params
    assert (params.min_hours, params.min_window_days, params.max_window_days) == (50, 365, 731)


def test_run_checks_gives_eight_results_in_file_order_even_for_an_empty_record():
    results = run_checks(record())
    assert [r.id for r in results] == list(REQUIREMENT_IDS)
    assert all(r.explanation.endswith(".") for r in results)


@pytest.mark.parametrize(
    ("edit", "where"),
    [
        (lambda d: d["requirements"][1]["params"].update(min_hourz=30), "requirements.1.params.min_hourz"),
        (
            lambda d: d["requirements"][1]["params"].update(min_hours="thirty"),
            "requirements.1.params.min_hours",
        ),
        (lambda d: d["requirements"][2].update(colour="red"), "requirements.2.colour"),
        (lambda d: d.update(owner="x"), "owner"),
        (lambda d: d["requirements"][0].update(predicate="listed_degree.v9"), "requirements.0.predicate"),
        (lambda d: d["requirements"][3]["params"].update(min_window_days=800), "requirements.3.params"),
        (
            lambda d: d["requirements"][7]["params"]["organization_patterns"].append("(IMH"),
            "requirements.7.params.organization_patterns.3",
        ),
        (
            lambda d: d["requirements"][4]["params"]["sources"]["clinical"][2].append("neighbour"),
            "requirements.4.params.sources.clinical.2.1",
        ),
        (lambda d: d["requirements"][1]["params"].pop("min_hours"), "requirements.1.params.min_hours"),
        (lambda d: d["requirements"].pop(), "requirements"),
        (lambda d: d.update(version="one"), "version"),
    ],
)
def test_a_bad_standard_fails_at_load_naming_the_file_and_the_key(tmp_path, edit, where):
    path = copied_standard(tmp_path, edit)
    with pytest.raises(StandardError) as caught:
        load_standard(path)
    assert str(path) in str(caught.value)
    assert where in [w for w, _ in caught.value.problems]
    assert isinstance(caught.value, ValueError)


def test_a_key_given_twice_in_the_yaml_fails_at_load(tmp_path):
    path = tmp_path / "twice.yaml"
    path.write_text(
        DEFAULT_STANDARD.read_text().replace("min_hours: 30", "min_hours: 30\n      min_hours: 20")
    )
    with pytest.raises(StandardError, match="given twice"):
        load_standard(path)


def test_a_missing_file_is_a_standard_error(tmp_path):
    with pytest.raises(StandardError, match="nowhere.yaml"):
        load_standard(tmp_path / "nowhere.yaml")


def test_changing_min_hours_in_a_copied_standard_changes_the_outcome(tmp_path):
    rec = complete_candidate()
    assert result_of(rec, "training_hours").status is MET
    path = copied_standard(tmp_path, lambda d: d["requirements"][1]["params"].update(min_hours=40))
    stricter = result_of(rec, "training_hours", standard=load_standard(path))
    assert stricter.status is NOT_MET
    assert "40.0 h required" in stricter.explanation


def test_changing_the_rsc_window_in_a_copied_standard_changes_the_outcome(tmp_path):
    rec = record(session("2024-01-01", 25.0), session("2024-10-01", 25.0))
    assert result_of(rec, "reflective_supervision").status is NOT_MET
    path = copied_standard(tmp_path, lambda d: d["requirements"][3]["params"].update(min_window_days=200))
    assert result_of(rec, "reflective_supervision", standard=load_standard(path)).status is MET


# --- errors are data ---------------------------------------------------------------------------


def test_a_predicate_that_raises_yields_check_error_and_the_others_still_run(monkeypatch):
    def boom(record, params, ctx):
        raise RuntimeError("exam reader exploded")

    entry = PREDICATES["exam_passed.v1"]
    monkeypatch.setitem(PREDICATES, "exam_passed.v1", Registered(entry.name, boom, entry.params))
    results = run_checks(complete_candidate())
    exam = next(r for r in results if r.id == "written_exam")
    assert (exam.status, exam.reasons) == (REVIEW, ["check.error"])
    assert "exam reader exploded" in exam.explanation
    assert len(results) == 8
    assert next(r for r in results if r.id == "membership").status is MET


def test_a_malformed_value_in_an_item_is_a_check_error_for_that_check_only():
    rec = complete_candidate()
    rec.items.append(item("training", title="Odd", hours="six", date="2021-01-01", relevant=True))
    results = {r.id: r for r in run_checks(rec)}
    assert results["training_hours"].reasons == ["check.error"]
    assert results["education"].status is MET


# --- a whole candidate -------------------------------------------------------------------------


def test_a_complete_clinical_candidate_meets_all_but_work_experience_which_needs_a_person():
    results = {r.id: r for r in run_checks(complete_candidate())}
    assert {k: r.status for k, r in results.items()} == {
        **{k: MET for k in REQUIREMENT_IDS},
        "work_experience": REVIEW,
    }
    assert results["education"].items[0].page == 1
    assert results["education"].items[0].bbox == (72.0, 100.0, 240.0, 112.0)


def test_met_only_ever_rests_on_accepted_items():
    rec = complete_candidate()
    rec.items.append(training("Pending extra", 20.0, pending=True))
    rec.items.append(session("2024-06-01", 3.0, pending=True))
    keys = {i.key: i for i in rec.items}
    for result in run_checks(rec):
        if result.status is MET:
            assert all(not keys[ref.key].needs_review for ref in result.items), result.id


def test_unknown_category_sends_the_category_dependent_checks_to_a_person():
    results = {r.id: r for r in run_checks(complete_candidate(category=None))}
    for rid in ("work_experience", "reflective_supervision", "reference_ratings"):
        assert results[rid].status is REVIEW
        assert results[rid].reasons[0] == "category.unknown"
    assert "52.5 h" in results["reflective_supervision"].explanation
    assert "12.7 post-graduate years" in results["work_experience"].explanation
    assert results["education"].status is MET


def test_the_application_date_wins_over_today_and_today_fills_in_when_it_is_missing():
    card = item("membership", organization="MI-AIMH", valid_through="2025-12-31")
    assert result_of(record(card), "membership", today=dt.date(2026, 3, 1)).status is MET
    undated = record(card, applied_on=None)
    assert result_of(undated, "membership", today=dt.date(2026, 3, 1)).status is NOT_MET
    assert result_of(undated, "membership", today=dt.date(2025, 12, 31)).status is MET


# --- education ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("degrees", "status", "reasons"),
    [
        ([degree()], MET, []),
        ([degree("M.S.W.")], MET, []),
        ([degree("Ph.D.", conferred="2016-05-01")], MET, []),
        ([degree(official=False)], REVIEW, ["transcript.unofficial"]),
        ([degree(official=None)], REVIEW, ["transcript.official_unknown"]),
        ([degree(conferred=None)], REVIEW, ["degree.conferral_missing"]),
        ([degree("MBA")], REVIEW, ["degree.not_listed"]),
        ([degree(None, name="Post-graduate certificate in IMH")], REVIEW, ["degree.not_listed"]),
        ([degree("BSW")], NOT_MET, ["degree.undergraduate"]),
        ([degree(None, name="Bachelor of Arts")], NOT_MET, ["degree.undergraduate"]),
        ([degree("BA"), degree("MBA")], REVIEW, ["degree.not_listed"]),
        ([degree("BA"), degree("MA")], MET, []),
        ([], NOT_MET, ["degree.missing"]),
    ],
)
def test_education(degrees, status, reasons):
    result = result_of(record(*degrees), "education")
    assert (result.status, result.reasons) == (status, reasons)


def test_education_met_names_the_degree_and_links_only_it():
    bachelor, master = degree("BA"), degree("MA")
    result = result_of(record(bachelor, master), "education")
    assert [ref.key for ref in result.items] == [master.key]
    assert "MA in Social Work" in result.explanation and "2012-05-05" in result.explanation


def test_a_degree_awaiting_review_blocks_met_and_passes_on_its_reasons():
    result = result_of(record(degree(pending=True, reasons=("degree.abbreviation_ocr",))), "education")
    assert result.status is REVIEW
    assert result.reasons == ["item.needs_review", "degree.abbreviation_ocr"]
    assert "await review" in result.explanation


def test_an_accepted_degree_is_enough_beside_one_awaiting_review():
    assert result_of(record(degree(pending=True), degree("MA")), "education").status is MET


# --- training hours ----------------------------------------------------------------------------


def test_training_met_explanation_names_the_total_and_the_certificates():
    result = result_of(
        record(training("Attachment", 18.0), training("Reflective practice", 14.5)), "training_hours"
    )
    assert (result.status, result.reasons) == (MET, [])
    assert result.explanation.startswith("32.5 h")
    assert (
        "Attachment (18.0 h)" in result.explanation and "Reflective practice (14.5 h)" in result.explanation
    )


def test_a_duplicate_certificate_is_counted_once():
    rec = record(
        training("Attachment-Based Interventions", 16.0),
        training("attachment based interventions.", 16.0),
        training("Reflective practice", 10.0),
    )
    result = result_of(rec, "training_hours")
    assert result.status is NOT_MET
    assert result.explanation.startswith("26.0 h")
    assert "training.duplicate" in result.reasons


@pytest.mark.parametrize("accepted_first", [True, False])
def test_of_two_duplicate_certificates_the_accepted_one_is_kept(accepted_first):
    pending, accepted = training("Attachment", 30.0, pending=True), training("ATTACHMENT", 30.0)
    rec = record(accepted, pending) if accepted_first else record(pending, accepted)
    result = result_of(rec, "training_hours")
    assert (result.status, [ref.key for ref in result.items]) == (MET, [accepted.key])


def test_the_same_title_on_two_dates_is_two_trainings():
    rec = record(
        training("Attachment", 16.0, date="2021-03-03"), training("Attachment", 16.0, date="2022-03-03")
    )
    assert result_of(rec, "training_hours").status is MET


@pytest.mark.parametrize(
    ("counted_hours", "status", "reasons"),
    [
        (26.0, REVIEW, ["training.relevance_unclear"]),  # 26 + 6 unclear could reach 30
        (20.0, NOT_MET, ["training.hours_short"]),  # 20 + 6 cannot
        (32.0, MET, []),  # already met: the unclear one does not matter
    ],
)
def test_an_unclear_certificate_matters_only_when_it_could_change_the_outcome(counted_hours, status, reasons):
    rec = record(training("Attachment", counted_hours), training("Yoga for staff", 6.0, relevant=None))
    result = result_of(rec, "training_hours")
    assert (result.status, result.reasons) == (status, reasons)
    assert "Yoga for staff (6.0 h)" in result.explanation and "unclear relevance" in result.explanation


def test_a_certificate_that_is_not_relationship_based_is_not_counted():
    rec = record(training("Attachment", 20.0), training("Fire safety", 12.0, relevant=False))
    result = result_of(rec, "training_hours")
    assert (result.status, result.reasons) == (NOT_MET, ["training.hours_short"])
    assert "Fire safety" in result.explanation


def test_converted_hours_are_named_in_the_reasons():
    rec = record(training("Attachment", 24.0), training("IMH CE course", 6.0, converted=True))
    result = result_of(rec, "training_hours")
    assert (result.status, result.reasons) == (MET, ["training.converted"])


def test_a_pending_certificate_needed_for_the_minimum_blocks_met():
    rec = record(
        training("Attachment", 24.0),
        training("IMH CE course", 6.0, converted=True, pending=True, reasons=("hours.converted_ceu",)),
    )
    result = result_of(rec, "training_hours")
    assert result.status is REVIEW
    assert result.reasons == ["training.converted", "item.needs_review", "hours.converted_ceu"]


def test_a_pending_certificate_not_needed_is_left_out_of_a_met_result():
    pending = training("IMH CE course", 6.0, pending=True)
    result = result_of(record(training("Attachment", 31.0), pending), "training_hours")
    assert result.status is MET
    assert pending.key not in [ref.key for ref in result.items]


def test_unreadable_hours_that_could_reach_the_minimum_need_a_person():
    result = result_of(record(training("Attachment", 20.0), training("Mystery", None)), "training_hours")
    assert (result.status, result.reasons) == (REVIEW, ["training.hours_unreadable"])


def test_no_training_is_not_met():
    assert result_of(record(), "training_hours").status is NOT_MET


# --- reflective supervision --------------------------------------------------------------------


def rsc(*items: Item, category=Category.CLINICAL, **kwargs) -> RequirementResult:
    return result_of(record(*items, category=category), "reflective_supervision", **kwargs)


def test_60_hours_in_7_months_is_not_met_the_time_frame_is_too_short():
    result = rsc(*sessions("2024-01-05", 30, 7, 2.0))  # 203 days
    assert (result.status, result.reasons) == (NOT_MET, ["rsc.window_short"])
    assert result.explanation.startswith("60.0 h logged over 7 months")
    assert "at least 1 year" in result.explanation


def test_48_hours_over_20_months_is_not_met():
    result = rsc(*sessions("2024-01-01", 24, 26, 2.0))  # 598 days
    assert (result.status, result.reasons) == (NOT_MET, ["rsc.hours_short"])
    assert "48.0 h from 2024-01-01" in result.explanation and "20 months" in result.explanation


def test_52_5_hours_over_15_months_is_met():
    result = rsc(*sessions("2024-03-04", 21, 23, 2.5))  # 460 days
    assert result.status is MET
    assert result.explanation.startswith("52.5 h from 2024-03-04 to 2025-06-07 (15 months)")
    assert len(result.items) == 21


@pytest.mark.parametrize(
    ("span_days", "status"),
    [(364, NOT_MET), (365, MET), (731, MET), (732, NOT_MET)],
)
def test_the_time_frame_boundaries_are_365_and_731_days(span_days, status):
    start = dt.date(2023, 1, 1)
    result = rsc(session(start, 25.0), session(start + dt.timedelta(days=span_days), 25.0))
    assert result.status is status


def test_a_log_longer_than_two_years_uses_its_best_window():
    early = sessions("2021-01-01", 10, 30, 1.0)  # 10 h spread thin
    dense = sessions("2023-01-01", 26, 15, 2.0)  # 52 h over 375 days
    result = rsc(*early, *dense)
    assert result.status is MET
    assert "52.0 h from 2023-01-01" in result.explanation


def test_hours_spread_too_thin_for_any_one_to_two_year_run_are_not_met():
    result = rsc(*sessions("2020-01-01", 5, 400, 12.0))
    assert (result.status, result.reasons) == (NOT_MET, ["rsc.hours_short"])


def test_sessions_too_far_apart_for_any_run_say_so():
    result = rsc(session("2020-01-01", 30.0), session("2022-06-01", 30.0))
    assert (result.status, result.reasons) == (NOT_MET, ["rsc.window_gap"])


def test_duplicate_sessions_are_counted_once():
    rows = sessions("2024-01-01", 24, 26, 2.0)  # 48 h over 20 months
    result = rsc(*rows, session("2024-01-27", 2.0, supervisor="dr ruth fine"))
    assert result.status is NOT_MET
    assert "48.0 h" in result.explanation
    assert "rsc.duplicate_session" in result.reasons


def test_two_sessions_on_one_day_with_different_formats_both_count():
    rows = sessions("2024-01-01", 24, 26, 2.0)
    result = rsc(*rows, session("2024-01-27", 2.0, fmt="group"))
    assert (result.status, result.explanation[:6]) == (MET, "50.0 h")


@pytest.mark.parametrize("category", [Category.POLICY, Category.RESEARCH_FACULTY])
def test_rsc_is_not_applicable_for_policy_and_research_without_sessions(category):
    result = rsc(category=category)
    assert (result.status, result.items) == (NA, [])


@pytest.mark.parametrize(("count", "every_days", "status"), [(21, 24, MET), (10, 48, NOT_MET)])
def test_rsc_is_evaluated_for_policy_when_sessions_are_given(count, every_days, status):
    assert rsc(*sessions("2024-03-04", count, every_days, 2.5), category=Category.POLICY).status is status


def test_a_clinical_candidate_without_sessions_is_not_met():
    assert rsc().reasons == ["rsc.missing"]


def test_without_an_approved_list_met_stays_met_and_says_so():
    result = rsc(*sessions("2024-03-04", 21, 24, 2.5))
    assert (result.status, result.reasons) == (MET, ["rsc.approved_list_unavailable"])
    assert "approved supervisor list was not available" in result.explanation


def test_a_supervisor_on_the_approved_list_is_met():
    result = rsc(*sessions("2024-03-04", 21, 24, 2.5), approved_supervisors={"DR RUTH FINE"})
    assert (result.status, result.reasons) == (MET, [])


def test_a_supervisor_not_on_the_approved_list_needs_a_person():
    result = rsc(*sessions("2024-03-04", 21, 24, 2.5), approved_supervisors={"Dr. Ann Lee"})
    assert (result.status, result.reasons) == (REVIEW, ["rsc.supervisor_not_approved"])
    assert "Dr. Ruth Fine" in result.explanation


def test_an_unapproved_supervisor_does_not_matter_when_the_approved_hours_suffice():
    rows = sessions("2024-03-04", 21, 24, 2.5) + [session("2024-05-05", 1.0, supervisor="Somebody Else")]
    result = rsc(*rows, approved_supervisors={"Dr. Ruth Fine"})
    assert (result.status, result.reasons) == (MET, [])


@pytest.mark.parametrize(("stated", "status"), [(52.55, MET), (52.56, REVIEW), (60.0, REVIEW)])
def test_a_log_total_that_disagrees_with_its_rows_needs_a_person(stated, status):
    total = item("supervision_total", stated_total=stated, rows_sum=52.5)
    result = rsc(*sessions("2024-03-04", 21, 24, 2.5), total)
    assert result.status is status
    assert ("rsc.total_mismatch" in result.reasons) is (status is REVIEW)


def test_a_session_awaiting_review_inside_the_needed_window_blocks_met():
    last = dt.date(2024, 3, 4) + dt.timedelta(days=19 * 24)
    rows = sessions("2024-03-04", 19, 24, 2.5) + [session(last, 2.5, pending=True, reasons=("row.blurred",))]
    result = rsc(*rows)
    assert result.status is REVIEW
    assert {"item.needs_review", "row.blurred"} <= set(result.reasons)


def test_an_unreadable_row_matters_only_when_the_rest_falls_short():
    unreadable = session(None, 2.0)
    assert rsc(*sessions("2024-03-04", 21, 24, 2.5), unreadable).status is MET
    short = rsc(*sessions("2024-01-01", 24, 26, 2.0), unreadable)
    assert (short.status, short.reasons) == (REVIEW, ["rsc.hours_short", "rsc.row_unreadable"])


def test_rsc_with_unknown_category_needs_a_person_but_still_reports_the_hours():
    result = rsc(*sessions("2024-03-04", 21, 24, 2.5), category=None)
    assert result.status is REVIEW and result.reasons[0] == "category.unknown"
    assert "52.5 h from 2024-03-04" in result.explanation


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 1500), st.integers(1, 8)), min_size=1, max_size=25))
def test_best_window_finds_the_most_hours_of_any_run_within_the_bounds(rows):
    params = SupervisionParams(min_hours=50, min_window_days=365, max_window_days=731, required_for=[])
    start = dt.date(2020, 1, 1)
    ordered = sorted(
        (Session(start + dt.timedelta(days=d), float(h), session(None, h)) for d, h in rows),
        key=lambda s: s.day,
    )
    found = best_window(ordered, params)
    spans = [
        sum(s.hours for s in ordered[i : j + 1])
        for i, j in itertools.combinations_with_replacement(range(len(ordered)), 2)
        if 365 <= (ordered[j].day - ordered[i].day).days <= 731
    ]
    assert (found.hours if found else None) == (max(spans) if spans else None)
    if found:
        assert 365 <= found.days <= 731


# --- work experience ---------------------------------------------------------------------------


def experience(*items: Item, category=Category.CLINICAL) -> RequirementResult:
    return result_of(record(*items, category=category), "work_experience")


def test_enough_clinical_years_still_need_a_person_for_the_kind_of_work():
    result = experience(degree(conferred="2018-06-01"), job("2018-09-01"))
    assert (result.status, result.reasons) == (REVIEW, ["experience.kind_review"])
    assert result.explanation.startswith("7.0 post-graduate years")
    assert "the 5 needed" in result.explanation and "split between kinds" in result.explanation


def test_too_few_clinical_years_are_not_met():
    result = experience(degree(conferred="2021-06-01"), job("2021-06-01"))
    assert (result.status, result.reasons) == (NOT_MET, ["experience.years_short"])
    assert result.explanation.startswith("4.3 post-graduate years")


def test_policy_needs_three_years():
    result = experience(degree(conferred="2021-06-01"), job("2021-06-01"), category=Category.POLICY)
    assert (result.status, result.reasons) == (REVIEW, ["experience.kind_review"])
    assert "split between kinds" not in result.explanation


def test_work_before_the_conferral_date_does_not_count():
    result = experience(
        degree(conferred="2023-09-01"), job("2010-01-01", "2025-09-01"), category=Category.POLICY
    )
    assert result.status is NOT_MET
    assert result.explanation.startswith("2.0 post-graduate years")


def test_overlapping_jobs_count_once_and_gaps_do_not_count():
    jobs = [job("2019-01-01", "2021-01-01"), job("2020-01-01", "2022-01-01"), job("2023-01-01", "2024-01-01")]
    result = experience(degree(conferred="2018-01-01"), *jobs)
    assert result.explanation.startswith("4.0 post-graduate years")
    assert result.status is NOT_MET


def test_a_job_inside_another_adds_nothing():
    jobs = [job("2019-01-01", "2023-01-01"), job("2020-01-01", "2021-01-01")]
    result = experience(degree(conferred="2018-01-01"), *jobs)
    assert result.explanation.startswith("4.0 post-graduate years")


def test_years_count_from_the_earliest_listed_degree():
    rec = [
        degree("PhD", conferred="2020-05-01"),
        degree("MA", conferred="2015-05-01"),
        degree("BA", conferred="2005-05-01"),
        job("2010-01-01"),
    ]
    result = experience(*rec)
    assert "since the MA conferred 2015-05-01" in result.explanation
    assert result.explanation.startswith("10.3 post-graduate years")


def test_no_employment_is_not_met():
    result = experience(degree())
    assert (result.status, result.reasons) == (NOT_MET, ["experience.none"])


def test_no_conferral_date_needs_a_person():
    result = experience(degree(conferred=None), job("2015-01-01"))
    assert (result.status, result.reasons) == (REVIEW, ["experience.conferral_unknown"])


def test_a_job_without_a_start_date_needs_a_person_when_the_years_fall_short():
    result = experience(degree(conferred="2021-06-01"), job("2021-06-01"), job(None))
    assert (result.status, result.reasons) == (REVIEW, ["experience.dates_missing"])


def test_work_experience_with_unknown_category_reports_the_years():
    result = experience(degree(conferred="2021-06-01"), job("2021-06-01"), category=None)
    assert result.status is REVIEW
    assert result.reasons[0] == "category.unknown"
    assert "4.3 post-graduate years" in result.explanation


# --- reference ratings -------------------------------------------------------------------------


def references(*items: Item, category=Category.CLINICAL) -> RequirementResult:
    return result_of(record(*items, category=category), "reference_ratings")


def test_three_clinical_references_with_an_endorsed_rater_are_met():
    result = references(*clinical_references())
    assert (result.status, result.reasons) == (MET, [])
    assert "Ann Lee (Level III)" in result.explanation


def test_two_references_are_not_met():
    result = references(*clinical_references()[:2])
    assert (result.status, result.reasons) == (NOT_MET, ["reference.too_few"])


def test_two_ratings_by_one_rater_count_once():
    refs = clinical_references()[:2] + [reference("ann lee", "supervisee")]
    result = references(*refs)
    assert (result.status, result.reasons) == (NOT_MET, ["reference.too_few", "reference.duplicate"])


def test_no_endorsed_rater_is_not_met():
    refs = [
        reference("A", "program_supervisor", "I"),
        reference("B", "rsc_provider", "I"),
        reference("C", "supervisee", "I"),
    ]
    assert references(*refs).reasons == ["reference.no_endorsed_rater"]
    assert references(*refs).status is NOT_MET


def test_an_unreadable_level_with_no_endorsed_rater_needs_a_person():
    refs = [
        reference("A", "program_supervisor", None, reasons=("reference.level_unreadable",)),
        reference("B", "rsc_provider", "I"),
        reference("C", "supervisee", "I"),
    ]
    result = references(*refs)
    assert (result.status, result.reasons) == (REVIEW, ["reference.level_unreadable"])


def test_raters_read_as_not_endorsed_are_not_met():
    refs = [reference(name, slot, None) for name, slot in
            [("A", "program_supervisor"), ("B", "rsc_provider"), ("C", "supervisee")]]
    assert (references(*refs).status, references(*refs).reasons) == (NOT_MET, ["reference.no_endorsed_rater"])


def test_a_relationship_outside_the_category_list_needs_a_person():
    refs = clinical_references()[:2] + [reference("Kim", "student")]
    result = references(*refs)
    assert (result.status, result.reasons) == (REVIEW, ["reference.relationship_unfit"])
    assert "student" in result.explanation


@pytest.mark.parametrize(
    ("category", "relationships", "status"),
    [
        (Category.RESEARCH_FACULTY, ("department_chair", "colleague", "student"), MET),
        (Category.RESEARCH_FACULTY, ("colleague", "colleague", "student"), MET),
        (Category.RESEARCH_FACULTY, ("colleague", "colleague", "colleague"), REVIEW),
        (Category.POLICY, ("colleague", "colleague", "colleague"), MET),
        (Category.POLICY, ("program_supervisor", "rsc_provider", "student"), REVIEW),
        (Category.CLINICAL, ("colleague", "rsc_provider", "supervisee"), MET),
        (Category.CLINICAL, ("colleague", "colleague", "supervisee"), REVIEW),
        (Category.CLINICAL, ("program_supervisor", None, "supervisee"), REVIEW),
    ],
)
def test_sources_by_category(category, relationships, status):
    refs = [reference(f"R{i}", rel, "IV" if i == 0 else None) for i, rel in enumerate(relationships)]
    assert references(*refs, category=category).status is status


def test_a_reference_awaiting_review_blocks_met():
    refs = clinical_references()[:2] + [reference("Sam Ode", "supervisee", pending=True)]
    result = references(*refs)
    assert (result.status, result.reasons) == (REVIEW, ["item.needs_review", "ocr.low_confidence"])


def test_references_with_unknown_category_need_a_person():
    result = references(*clinical_references(), category=None)
    assert (result.status, result.reasons) == (REVIEW, ["category.unknown"])


# --- code of ethics, written exam, membership --------------------------------------------------


@pytest.mark.parametrize(
    ("signatures", "status", "reasons"),
    [
        ([{"signed": True, "date": "2025-08-01"}], MET, []),
        ([{"signed": True, "date": None}], REVIEW, ["ethics.date_missing"]),
        ([{"signed": None, "date": "2025-08-01"}], REVIEW, ["ethics.signature_unclear"]),
        ([{"signed": False, "date": None}], NOT_MET, ["ethics.unsigned"]),
        ([{"signed": False, "date": None}, {"signed": True, "date": "2025-08-01"}], MET, []),
        ([], NOT_MET, ["ethics.missing"]),
    ],
)
def test_code_of_ethics(signatures, status, reasons):
    rec = record(*(item("signature", signer="Jo Doe", **s) for s in signatures))
    result = result_of(rec, "code_of_ethics")
    assert (result.status, result.reasons) == (status, reasons)


def test_a_signature_awaiting_review_blocks_met():
    rec = record(item("signature", signer="Jo Doe", signed=True, date="2025-08-01", pending=True))
    assert result_of(rec, "code_of_ethics").status is REVIEW


@pytest.mark.parametrize(
    ("results", "status", "reasons"),
    [
        ([True], MET, []),
        ([False], NOT_MET, ["exam.failed"]),
        ([None], REVIEW, ["exam.result_unclear"]),
        ([False, True], MET, []),
        ([], NOT_MET, ["exam.missing"]),
    ],
)
def test_written_exam(results, status, reasons):
    rec = record(*(item("exam", passed=p, date="2025-07-15") for p in results))
    result = result_of(rec, "written_exam")
    assert (result.status, result.reasons) == (status, reasons)


@pytest.mark.parametrize(
    ("organization", "valid_through", "status", "reasons"),
    [
        ("Michigan Association for Infant Mental Health", "2026-06-30", MET, []),
        ("MI-AIMH", "2025-09-01", MET, []),  # current on the application date itself
        ("Texas Association for Infant Mental Health (TAIMH)", "2026-01-01", MET, []),
        ("WAIMH", "2026-01-01", MET, []),
        ("MI-AIMH", "2025-08-31", NOT_MET, ["membership.expired"]),
        ("American Psychological Association", "2026-06-30", REVIEW, ["membership.org_unrecognised"]),
        ("Shimhaven Club", "2026-06-30", REVIEW, ["membership.org_unrecognised"]),
        ("MI-AIMH", None, REVIEW, ["membership.date_missing"]),
    ],
)
def test_membership(organization, valid_through, status, reasons):
    card = item("membership", organization=organization, valid_through=valid_through)
    result = result_of(record(card), "membership")
    assert (result.status, result.reasons) == (status, reasons)


def test_no_membership_is_not_met():
    assert result_of(record(), "membership").reasons == ["membership.missing"]


def test_an_expired_card_says_when_it_expired():
    card = item("membership", organization="MI-AIMH", valid_through="2024-12-31")
    assert "expired on 2024-12-31" in result_of(record(card), "membership").explanation


# --- boundaries: RS/C hours and window, post-graduate years, reference composition ----------------


def days_after(start: dt.date, *offsets: int) -> list[dt.date]:
    return [start + dt.timedelta(days=offset) for offset in offsets]


@pytest.mark.parametrize(("extra_hours", "status"), [(0.0, NOT_MET), (0.5, MET)])
def test_49_5_hours_in_a_one_year_window_are_short_and_50_are_enough(extra_hours, status):
    rows = sessions("2024-01-01", 33, 12, 1.5)  # 49.5 h over 384 days
    extra = [session("2024-06-01", extra_hours, fmt="group")] if extra_hours else []
    result = rsc(*rows, *extra)
    assert result.status is status
    assert result.explanation.startswith("At most 49.5 h" if status is NOT_MET else "50.0 h")


@pytest.mark.parametrize(
    ("span_days", "hours", "status"),
    [(364, 50.0, NOT_MET), (365, 49.5, NOT_MET), (365, 50.0, MET), (731, 50.0, MET), (731, 49.5, NOT_MET),
     (732, 50.0, NOT_MET)],
)
def test_the_window_and_hour_boundaries_together(span_days, hours, status):
    start = dt.date(2023, 1, 1)
    result = rsc(session(start, hours / 2), session(start + dt.timedelta(days=span_days), hours / 2))
    assert result.status is status


@pytest.mark.parametrize(("last_day", "status"), [(364, NOT_MET), (365, MET)])
def test_a_session_on_day_365_opens_the_window_that_reaches_50_hours(last_day, status):
    start = dt.date(2023, 1, 2)
    rows = [session(day, 1.5) for day in days_after(start, *(round(i * 364 / 32) for i in range(33)))]
    result = rsc(*rows, session(start + dt.timedelta(days=last_day), 0.5, fmt="group"))  # 49.5 + 0.5 h
    assert result.status is status
    if status is NOT_MET:
        assert result.reasons == ["rsc.window_short"]


@pytest.mark.parametrize(("first_day", "status"), [(0, NOT_MET), (1, MET)])
def test_fifty_hours_spread_over_732_days_are_short_but_over_731_are_met(first_day, status):
    start = dt.date(2023, 1, 2)
    rows = [session(day, 1.5) for day in days_after(start, *(1 + round(i * 731 / 32) for i in range(33)))]
    result = rsc(*rows, session(start + dt.timedelta(days=first_day), 0.5, fmt="group"))  # 49.5 + 0.5 h
    assert result.status is status
    if status is NOT_MET:
        assert (result.reasons, "49.5 h" in result.explanation) == (["rsc.hours_short"], True)


@pytest.mark.parametrize(
    ("category", "years", "shortfall_days", "status"),
    [
        (Category.CLINICAL, 5, 0, REVIEW),
        (Category.CLINICAL, 5, 1, NOT_MET),
        (Category.POLICY, 3, 0, REVIEW),
        (Category.POLICY, 3, 1, NOT_MET),
        (Category.RESEARCH_FACULTY, 3, 0, REVIEW),
        (Category.RESEARCH_FACULTY, 3, 1, NOT_MET),
    ],
)
def test_post_graduate_years_are_counted_in_365_day_years_from_the_conferral(
    category, years, shortfall_days, status
):
    conferred = APPLIED - dt.timedelta(days=365 * years - shortfall_days)
    result = experience(degree(conferred=conferred.isoformat()), job("2005-01-01"), category=category)
    assert result.status is status
    assert result.reasons == (["experience.kind_review"] if status is REVIEW else ["experience.years_short"])


@pytest.mark.parametrize(("length_days", "status"), [(1094, NOT_MET), (1095, REVIEW)])
def test_a_past_job_counts_from_the_conferral_to_its_end(length_days, status):
    conferred = dt.date(2015, 6, 1)
    end = conferred + dt.timedelta(days=length_days)
    result = experience(
        degree(conferred=conferred.isoformat()), job("2014-01-01", end.isoformat()), category=Category.POLICY
    )
    assert result.status is status


def test_a_job_that_ended_before_the_conferral_gives_no_post_graduate_years():
    result = experience(degree(conferred="2020-06-01"), job("2012-01-01", "2020-05-31"), category=Category.POLICY)
    assert (result.status, result.explanation[:30]) == (NOT_MET, "0.0 post-graduate years of emp")


def test_a_job_still_running_counts_up_to_the_application_date_not_beyond():
    result = experience(degree(conferred="2022-09-01"), job("2022-09-01"), category=Category.POLICY)
    assert result.explanation.startswith("3.0 post-graduate years")  # 2022-09-01 to APPLIED 2025-09-01
    assert result.status is REVIEW


@pytest.mark.parametrize(
    ("category", "relationships", "status"),
    [
        (Category.CLINICAL, ("supervisee", "rsc_provider", "program_supervisor"), MET),  # any order
        (Category.CLINICAL, ("student", "supervisee", "rsc_provider", "colleague"), MET),  # an extra one
        (Category.CLINICAL, ("rsc_provider", "rsc_provider", "supervisee"), REVIEW),  # one slot a rating
        (Category.CLINICAL, ("program_supervisor", "colleague", "rsc_provider"), REVIEW),  # no supervisee
        (Category.POLICY, ("program_supervisor", "rsc_provider", "colleague"), MET),
        (Category.POLICY, ("program_supervisor", "colleague", "supervisee"), REVIEW),
        (Category.RESEARCH_FACULTY, ("department_chair", "rsc_provider", "student"), MET),
        (Category.RESEARCH_FACULTY, ("department_chair", "department_chair", "student"), REVIEW),
        (Category.RESEARCH_FACULTY, ("student", "student", "colleague"), REVIEW),
    ],
)
def test_reference_composition_by_category(category, relationships, status):
    refs = [reference(f"R{i}", rel, "III" if i == 0 else None) for i, rel in enumerate(relationships)]
    result = references(*refs, category=category)
    assert (result.status, result.reasons) == (status, [] if status is MET else ["reference.relationship_unfit"])


@pytest.mark.parametrize(("level", "status"), [("II", MET), ("III", MET), ("IV", MET), ("I", NOT_MET)])
def test_the_endorsed_rater_may_hold_any_slot_at_level_ii_to_iv(level, status):
    refs = [
        reference("A", "program_supervisor", "I"),
        reference("B", "rsc_provider", "I"),
        reference("C", "supervisee", level),
    ]
    assert references(*refs).status is status


def test_too_few_ratings_are_not_met_whatever_their_relationships():
    result = references(reference("A", "student", "IV"), reference("B", "student"))
    assert (result.status, result.reasons) == (NOT_MET, ["reference.too_few"])


def test_no_endorsed_rater_and_an_unfit_relationship_report_both_and_are_not_met():
    refs = [reference("A", "student", "I"), reference("B", "rsc_provider", "I"), reference("C", "supervisee", "I")]
    result = references(*refs)
    assert (result.status, result.reasons) == (
        NOT_MET,
        ["reference.no_endorsed_rater", "reference.relationship_unfit"],
    )


def test_two_ratings_by_one_rater_cannot_fill_two_slots():
    refs = [
        reference("Ann Lee", "program_supervisor", "III"),
        reference("Ann Lee", "rsc_provider", "III"),
        reference("Sam Ode", "supervisee"),
        reference("Kim Roe", "student"),
    ]
    result = references(*refs)
    assert result.status is REVIEW
    assert result.reasons == ["reference.relationship_unfit", "reference.duplicate"]
