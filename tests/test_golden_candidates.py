"""Golden candidates: the whole pipeline over fixtures/candidates.py's intake folders gives the expected statuses.

The expected statuses come from each candidate's scenario (fixtures/candidates.py), never from the pipeline.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fixtures.candidates import APPLIED, GOLDEN, REQUIREMENTS, A, Golden, M, N, R, generate_candidates
from pipeline import recipe
from pipeline.checks import REQUIREMENT_IDS
from pipeline.models import CandidateRecord
from pipeline.settings import Settings
from pipeline.store import open_store

IDS = [golden.id for golden in GOLDEN]


@pytest.fixture(scope="module")
def intake(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_candidates(tmp_path_factory.mktemp("golden-candidates"))


@pytest.fixture(scope="module")
def records(intake: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, CandidateRecord]:
    """Every golden candidate's checked record, from one intake run over the generated folder.

    Candidates without a readable category.yaml have no application date; they are judged on APPLIED,
    the date every candidate.yaml gives, so the result does not depend on when the test runs.
    """
    settings = Settings(home=tmp_path_factory.mktemp("golden-home"), stable_seconds=0)
    settings.prepare()
    store = open_store(settings.url)
    summary = recipe.process_intake(intake, settings, store)
    assert summary.failed == []
    return {cid: recipe.check_candidate(cid, store, settings, today=APPLIED) for cid in IDS}


def expected_of(intake: Path, candidate: str) -> dict:
    return json.loads((intake / f"{candidate}.expected-status.json").read_text(encoding="utf-8"))


def test_the_fixture_lists_the_standard_requirements_in_order():
    assert REQUIREMENTS == REQUIREMENT_IDS


def test_the_expected_files_sit_beside_the_folders_and_name_all_eight(intake: Path):
    for golden in GOLDEN:
        folder = intake / golden.id
        assert folder.is_dir()
        assert not list(folder.glob("*.json"))
        assert 1 <= len(list(folder.glob("*.pdf"))) <= 10
        assert (folder / "candidate.yaml").exists() is (golden.category is not None)
        body = expected_of(intake, golden.id)
        assert set(body) == {"candidate", "category", "statuses", "why"}
        assert (body["candidate"], body["category"]) == (golden.id, golden.category)
        assert list(body["statuses"]) == list(REQUIREMENT_IDS)


def test_the_candidates_cover_every_status_of_every_check_in_every_category():
    """Each check met, not met and needing review in each category (work experience is never met).

    Reflective supervision is also not applicable (policy and research/faculty without a log), and the
    files include a candidate without candidate.yaml and one with an unknown category.
    """
    seen: dict[tuple[str | None, str], set[str]] = {}
    for golden in GOLDEN:
        for requirement, status in golden.statuses.items():
            seen.setdefault((golden.category, requirement), set()).add(status)
    for category in ("clinical", "policy", "research_faculty"):
        for requirement in REQUIREMENT_IDS:
            wanted = {N, R} if requirement == "work_experience" else {M, N, R}
            if requirement == "reflective_supervision" and category != "clinical":
                wanted |= {A}
            assert wanted <= seen[(category, requirement)], (category, requirement)
    assert {None, "nursing"} <= {golden.category for golden in GOLDEN}


def test_every_status_short_of_met_names_the_reason_code_of_its_edge():
    for golden in GOLDEN:
        short = {rid for rid, status in golden.statuses.items() if status in (N, R)}
        assert set(golden.codes) == short, golden.id


@pytest.mark.parametrize("golden", GOLDEN, ids=IDS)
def test_a_golden_candidate_gets_its_expected_statuses(intake: Path, records, golden: Golden):
    expected = expected_of(intake, golden.id)
    got = {result.id: result for result in records[golden.id].requirements}
    assert list(got) == list(REQUIREMENT_IDS)
    mismatches = []
    for rid, want in expected["statuses"].items():
        result, code = got[rid], golden.codes.get(rid)
        if result.status.value != want or (code is not None and code not in result.reasons):
            mismatches.append(
                f"{golden.id} {rid}: expected {want}{f' ({code})' if code else ''}, "
                f"got {result.status.value} ({', '.join(result.reasons) or 'no codes'})"
                f"\n    explanation: {result.explanation}\n    scenario: {expected['why']}"
            )
    assert not mismatches, "\n" + "\n".join(mismatches)


def test_every_result_explains_itself_and_links_its_evidence(records):
    for candidate, record in records.items():
        for result in record.requirements:
            assert result.explanation.endswith("."), (candidate, result.id)
            if result.status.value == M:
                assert result.items, (candidate, result.id)
