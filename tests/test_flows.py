"""The Prefect flows give the same results as the plain recipe (one test harness for the whole run)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extractors.ocr import page_arguments
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


@pytest.fixture()
def scanned_intake(tmp_path: Path, golden: Path) -> Path:
    folder = tmp_path / "scanned-intake" / "c301"
    folder.mkdir(parents=True)
    for stem in ("c001-rsc-log.scan", "c001-training-3.scan", "c001-exam"):
        shutil.copy(golden / f"{stem}.pdf", folder / f"{stem}.pdf")
    (folder / "candidate.yaml").write_text("category: clinical\napplied_on: 2026-10-01\n")
    return folder.parent


@pytest.mark.flow
@pytest.mark.tesseract
def test_the_intake_flow_on_a_dask_cluster_fans_pages_out_to_its_workers(
        prefect_harness: None, scanned_intake: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from distributed import Client, LocalCluster

    from extractors.tesseract import run_counts, run_key
    from flows.intake import intake_flow, task_runner

    plain = recipe.process_intake(scanned_intake, Settings(home=tmp_path / "plain", stable_seconds=0))
    before = run_counts()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        monkeypatch.setenv("ENDORSE_TASK_RUNNER", "dask")
        monkeypatch.setenv("ENDORSE_DASK_ADDRESS", cluster.scheduler_address)
        flowed = intake_flow.with_options(task_runner=task_runner())(str(scanned_intake), str(tmp_path / "dask"))
        on_workers = client.run(run_counts)
    assert flowed["results"] == plain.candidates and flowed["extracted"] == plain.extracted == 3
    assert run_counts() == before  # no page was read in this process
    main_reads = [runs.get(run_key(page_arguments(300)), 0) for runs in on_workers.values()]
    assert sum(main_reads) == 4  # the log's 3 pages and the certificate's 1, each read once, on the workers
    assert all(main_reads)  # both workers read pages


def test_the_task_runner_is_threads_unless_dask_is_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    from prefect.task_runners import ThreadPoolTaskRunner

    from flows.intake import task_runner

    monkeypatch.delenv("ENDORSE_TASK_RUNNER", raising=False)
    assert isinstance(task_runner(), ThreadPoolTaskRunner)
    monkeypatch.setenv("ENDORSE_TASK_RUNNER", "spark")
    with pytest.raises(ValueError, match="threads or dask"):
        task_runner()
