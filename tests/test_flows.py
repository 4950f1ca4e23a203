"""The Prefect flows give the same results as the plain recipe (one test harness for the whole run)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline import recipe
from pipeline.settings import Settings


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    import os

    os.environ["PREFECT_HOME"] = str(tmp_path_factory.mktemp("prefect-home"))
    from prefect.testing.utilities import prefect_test_harness

    import flows  # noqa: F401  (sets Prefect's quiet, telemetry-free environment)

    with prefect_test_harness(server_startup_timeout=90):
        yield


@pytest.fixture()
def small_intake(tmp_path: Path, golden: Path) -> Path:
    for candidate, stems in {"c201": ["c001-transcript", "c001-training-1", "c001-rsc-log"],
                             "c202": ["c002-transcript", "c002-membership"]}.items():
        folder = tmp_path / "intake" / candidate
        folder.mkdir(parents=True)
        for stem in stems:
            shutil.copy(golden / f"{stem}.pdf", folder / f"{stem}.pdf")
    (tmp_path / "intake" / "c201" / "candidate.yaml").write_text("category: clinical\napplied_on: 2026-10-01\n")
    return tmp_path / "intake"


@pytest.mark.flow
def test_intake_flow_matches_the_plain_recipe(prefect_harness: None, small_intake: Path, tmp_path: Path) -> None:
    from flows.intake import intake_flow

    plain = recipe.process_intake(small_intake, Settings(home=tmp_path / "plain", stable_seconds=0))
    flowed = intake_flow(str(small_intake), str(tmp_path / "flowed"))
    assert flowed["results"] == plain.candidates
    assert flowed["extracted"] == plain.extracted == 5
    again = intake_flow(str(small_intake), str(tmp_path / "flowed"))
    assert again["extracted"] == 0


@pytest.mark.flow
def test_nightly_flow_rechecks_without_rereading(prefect_harness: None, small_intake: Path, tmp_path: Path) -> None:
    from flows.nightly import nightly_flow
    from pipeline.store import Store

    settings = Settings(home=tmp_path / "home", stable_seconds=0)
    recipe.process_intake(small_intake, settings)
    before = {d.id: d.processed_at for d in Store(settings.url).documents()}
    report = nightly_flow(str(settings.home))
    assert report["candidates"] == 2 and report["changes"] == {}
    assert {d.id: d.processed_at for d in Store(settings.url).documents()} == before


@pytest.mark.flow
def test_decisions_survive_re_extraction_by_the_intake_flow_and_the_nightly_flow(
        prefect_harness: None, small_intake: Path, tmp_path: Path) -> None:
    from flows.intake import intake_flow
    from flows.nightly import nightly_flow
    from pipeline import review
    from pipeline.store import DocumentRow, open_store

    home = tmp_path / "decided"
    settings = Settings(home=home)
    intake_flow(str(small_intake), str(home))
    store = open_store(settings.url)
    flagged = [e for e in review.all_entries(store, settings) if e.in_queue and e.what != "requirement"]
    assert flagged
    entry = flagged[0]
    review.decide(store, settings, entry, "accept", "ana", comment="checked against the original")
    with store.session() as s:  # a new extractor version: every document must be read again
        for row in s.query(DocumentRow):
            row.extractor_version = "older"
    again = intake_flow(str(small_intake), str(home))
    assert again["extracted"] == 5
    nightly_flow(str(home))
    after = {e.ref: e for e in review.all_entries(store, settings)}
    assert not after[entry.ref].in_queue
    record = recipe.check_candidate(entry.candidate, store, settings)
    (item,) = [i for i in record.items if i.key == entry.key]
    assert not item.needs_review
    assert [row.comment for row in review.history(store, after[entry.ref])] == ["checked against the original"]
