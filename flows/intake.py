"""The intake flow: the recipe's stages as tasks, extraction mapped over claimed documents in parallel.

Its task runner is threads on one machine; with ENDORSE_TASK_RUNNER=dask (the `dask` extra) it is
prefect-dask's, on a temporary local cluster or the scheduler at ENDORSE_DASK_ADDRESS, and each document's
scanned pages fan out over the cluster's workers as well (the archive must be at the same path on every
worker: shared storage).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.artifacts import create_table_artifact
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from pipeline import recipe
from pipeline.intake import CandidateFolder, candidate_folders
from pipeline.models import DocumentResult
from pipeline.settings import Settings
from pipeline.store import open_store


@task(name="receive")
def receive(folder: CandidateFolder, settings: Settings) -> list[str]:
    return recipe.receive(folder, settings, open_store(settings.url))


@task(name="claim")
def claim(candidate: str, hashes: list[str], settings: Settings) -> list[recipe.Claimed]:
    return recipe.claim_all(candidate, hashes, open_store(settings.url))


@task(name="extract")
def extract(claimed: recipe.Claimed, settings: Settings) -> DocumentResult:
    """Extraction of one claimed document; the store's claim is its cache (hash + extractor version)."""
    with page_pool() as pool:
        result = recipe.extract(claimed, settings, pool)
    open_store(settings.url).save_result(claimed.row_id, result)
    return result


@contextmanager
def page_pool() -> Iterator[Executor | None]:
    """On a Dask worker, the cluster as an executor for the document's pages; elsewhere None (threads).

    `worker_client` takes this task out of its worker's thread count while the pages run, so extractions
    waiting for their pages never hold every thread of the cluster (which would deadlock it).
    """
    try:
        from distributed import get_worker, worker_client
    except ImportError:
        yield None
        return
    try:
        get_worker()
    except ValueError:  # not on a Dask worker
        yield None
        return
    with worker_client() as client:
        yield client.get_executor()


def task_runner() -> TaskRunner:
    """Threads (two: the machine's cores are the OCR's), or a Dask cluster when ENDORSE_TASK_RUNNER=dask."""
    chosen = os.environ.get("ENDORSE_TASK_RUNNER", "threads")
    if chosen == "threads":
        return ThreadPoolTaskRunner(max_workers=2)
    if chosen != "dask":
        raise ValueError(f"settings.task_runner: ENDORSE_TASK_RUNNER is {chosen!r}; it must be threads or dask.")
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError as exc:
        raise RuntimeError("settings.task_runner: ENDORSE_TASK_RUNNER=dask needs the dask extra: "
                           "pip install -e '.[dask]'") from exc
    if address := os.environ.get("ENDORSE_DASK_ADDRESS"):
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": os.cpu_count() or 1, "threads_per_worker": 1,
                                          "processes": True})


@task(name="check")
def check(candidate: str, settings: Settings) -> dict[str, str]:
    record = recipe.check_candidate(candidate, open_store(settings.url), settings)
    return {r.id: r.status.value for r in record.requirements}


@flow(name="endorse-intake", task_runner=task_runner())  # type: ignore[arg-type]
def intake_flow(intake: str, home: str | None = None) -> dict[str, Any]:
    """Run the intake once over every candidate folder; the same result as `recipe.process_intake`."""
    check_parameters(intake, home)
    settings = Settings(home=Path(home)) if home else Settings()
    settings.prepare()
    store = open_store(settings.url)
    run = store.start_run("intake")
    summary = recipe.RunSummary()
    for folder in candidate_folders(Path(intake)):
        hashes = receive(folder, settings)
        summary.received += len(hashes)
        results = extract.map(claim(folder.candidate, hashes, settings), settings=settings).result()
        summary.extracted += len(results)
        summary.failed += [f"{folder.candidate}/{r.filename}" for r in results if r.status.value == "failure"]
        summary.candidates[folder.candidate] = check(folder.candidate, settings)
    store.finish_run(run, summary.status, summary.as_dict())
    _publish(summary)
    return summary.as_dict() | {"results": summary.candidates}


def check_parameters(intake: str, home: str | None) -> None:
    """Refuse a deployment whose parameters were never filled in, before a data home is made in the wrong place."""
    for name, value in (("intake", intake), ("home", home)):
        if value and "{{" in value:
            raise ValueError(f"deployment.parameter_unset: the {name} parameter is still the template {value}; "
                             "set ENDORSE_INTAKE and ENDORSE_HOME and run `prefect deploy` again.")
    if not Path(intake).is_dir():
        raise ValueError(f"intake.missing: the intake folder {intake} does not exist or is not a folder.")


def _publish(summary: recipe.RunSummary) -> None:
    """The run's results as a table artifact: candidate ids and statuses only, no personal data."""
    rows = [{"candidate": candidate, **statuses} for candidate, statuses in summary.candidates.items()]
    create_table_artifact(key="intake-results", table=rows,
                          description=f"{summary.received} received, {summary.extracted} extracted, "
                                      f"{len(summary.failed)} failed")
