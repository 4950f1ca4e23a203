"""The intake flow: the recipe's stages as tasks, extraction mapped over claimed documents in parallel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.artifacts import create_table_artifact
from prefect.task_runners import ThreadPoolTaskRunner

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
    result = recipe.extract(claimed, settings)
    open_store(settings.url).save_result(claimed.row_id, result)
    return result


@task(name="check")
def check(candidate: str, settings: Settings) -> dict[str, str]:
    record = recipe.check_candidate(candidate, open_store(settings.url), settings)
    return {r.id: r.status.value for r in record.requirements}


@flow(name="endorse-intake", task_runner=ThreadPoolTaskRunner(max_workers=2))  # type: ignore[arg-type]
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
