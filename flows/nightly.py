"""The nightly flow: re-check every candidate (dates move, decisions arrive) and report what changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact

from pipeline import recipe
from pipeline.settings import Settings
from pipeline.store import open_store


@task(name="recheck")
def recheck(candidate: str, settings: Settings) -> dict[str, str]:
    """A candidate's statuses before and after re-checking, for those that moved."""
    store = open_store(settings.url)
    before = {r.id: r.status.value for r in store.requirements(candidate)}
    after = {r.id: r.status.value for r in recipe.check_candidate(candidate, store, settings).requirements}
    return {rid: f"{before.get(rid, 'none')} -> {status}" for rid, status in after.items()
            if before.get(rid) != status}


@flow(name="endorse-nightly")
def nightly_flow(home: str | None = None) -> dict[str, Any]:
    """Re-check every candidate without re-reading any document; publish the changes as markdown."""
    settings = Settings(home=Path(home)) if home else Settings()
    settings.prepare()
    store = open_store(settings.url)
    run = store.start_run("nightly")
    changes = {c: moved for c in store.candidates() if (moved := recheck(c, settings))}
    summary = {"status": "success", "candidates": len(store.candidates()), "changed": len(changes)}
    store.finish_run(run, "success", summary)
    lines = ["# Nightly re-check", "", f"{summary['candidates']} candidates checked, {len(changes)} changed.", ""]
    lines += [f"- **{c}**: " + "; ".join(f"{rid} {move}" for rid, move in moved.items())
              for c, moved in changes.items()]
    create_markdown_artifact(key="nightly-report", markdown="\n".join(lines))
    return summary | {"changes": changes}
