"""The nightly flow: re-check every candidate (dates move, decisions arrive) and report what changed and why."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner

from pipeline import nightly, report
from pipeline.settings import Settings
from pipeline.store import open_store


@task(name="recheck", cache_policy=NO_CACHE)  # a re-check must always run
def recheck(candidate: str, settings: Settings, day: dt.date, before: report.Checked | None,
            previous_day: dt.date | None) -> report.Rechecked:
    """A candidate's results re-checked from its stored extractions; nothing is read again."""
    return nightly.recheck(candidate, open_store(settings.url), settings, day, before, previous_day)


@flow(name="endorse-nightly", task_runner=ThreadPoolTaskRunner(max_workers=2))  # type: ignore[arg-type]
def nightly_flow(home: str | None = None, today: str | None = None) -> dict[str, Any]:
    """Re-check every candidate as of `today` (ISO date; default the real date); publish what moved and why.

    The same result as `pipeline.nightly.run_nightly`; the HTML page goes to `<home>/reports/<today>.html`.
    """
    if home and "{{" in home:  # prefect.yaml's template never filled in: no data home in the wrong place
        raise ValueError(f"deployment.parameter_unset: the home parameter is still the template {home}; "
                         "set ENDORSE_HOME and run `prefect deploy` again.")
    settings = Settings(home=Path(home)) if home else Settings()
    settings.prepare()
    store = open_store(settings.url)
    tonight = nightly.start_night(store, settings, today)
    candidates = store.candidates()
    befores = [tonight.before(candidate) for candidate in candidates]
    futures = recheck.map(candidates, settings=settings, day=tonight.day, before=befores,
                          previous_day=tonight.previous_day)
    rechecked, errors = {}, {}
    for candidate, future in zip(candidates, futures, strict=True):
        try:
            rechecked[candidate] = future.result()
        except Exception as exc:  # one candidate's failed check must not lose the others' report
            errors[candidate] = type(exc).__name__
    night_report = nightly.finish_night(store, settings, tonight, rechecked, errors)
    create_markdown_artifact(key="nightly-report", markdown=report.render_markdown(night_report),
                             description=f"Nightly re-check {night_report.day}")
    page = report.reports_dir(settings.home) / f"{night_report.day.isoformat()}.html"
    return night_report.as_dict() | {"report": str(page)}
