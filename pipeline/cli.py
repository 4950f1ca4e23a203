"""The `endorse` command: a thin shell, each command a few lines calling the pipeline."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from pipeline import cli_review, logs, recipe, views
from pipeline.settings import Settings
from pipeline.store import Store, open_store

app = typer.Typer(help="Evidence pipeline for Infant Mental Health Endorsement (Level IV Mentor).",
                  no_args_is_help=True, add_completion=False)
console = Console()
STATE: dict[str, Settings] = {}

HomeOption = Annotated[Path | None, typer.Option("--home", help="Data home (database, archive); ENDORSE_HOME.")]


@app.callback()
def main(home: HomeOption = None) -> None:
    """Select the data home for every command; personal data is masked in every log record from here on."""
    logs.install()
    STATE["settings"] = Settings(home=home) if home else Settings()
    os.environ["ENDORSE_HOME"] = str(STATE["settings"].home)


def settings() -> Settings:
    return STATE.get("settings") or Settings()


def store() -> Store:
    current = settings()
    current.prepare()
    return open_store(current.url)


@app.command()
def extract(file: Path, as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Extract one document, without the database: kind, items and flags."""
    from extractors.document import extract_document

    result = extract_document(file, ocr_workers=settings().ocr_workers, limits=recipe.ocr_limits(settings()))
    if as_json:
        typer.echo(json.dumps(result.contract_json(), indent=2))
    else:
        console.print(views.document_table(result))
    raise typer.Exit(1 if result.status.value == "failure" else 0)


@app.command()
def process(intake: Path, flow: Annotated[bool, typer.Option("--flow", help="Run as a Prefect flow.")] = False,
            ) -> None:
    """Run the intake once over every candidate folder of INTAKE."""
    if not intake.is_dir():
        raise typer.BadParameter(f"{intake} is not a folder", param_hint="INTAKE")
    if flow:
        from flows.intake import intake_flow

        summary = intake_flow(str(intake), str(settings().home))
    elif console.is_terminal:  # a progress bar and a pages/s line for a person watching
        from pipeline.progress import IntakeBar

        with IntakeBar(console) as bar:
            summary = recipe.process_intake(intake, settings(), progress=bar).as_dict()
        console.print(bar.summary())
    else:
        summary = recipe.process_intake(intake, settings()).as_dict()
    console.print(views.run_line(summary))


@app.command()
def record(candidate: str, as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """A candidate's record: requirement results and items."""
    result = recipe.check_candidate(candidate, store(), settings())
    if as_json:
        typer.echo(json.dumps(views.record_json(result), indent=2))
    else:
        console.print(views.requirements_table(result))


@app.command()
def summary() -> None:
    """Per candidate, the requirement statuses and how many items wait for review."""
    current = store()
    for candidate in current.candidates():
        console.print(views.requirements_table(recipe.check_candidate(candidate, current, settings())))


@app.command()
def serve(intake: Path,
          interval: Annotated[int, typer.Option(help="Seconds between intake runs (the watcher's fallback).")] = 300,
          cron: Annotated[str, typer.Option(help="The nightly re-check's cron schedule.")] = "0 2 * * *",
          port: Annotated[int, typer.Option(help="Port of the local Prefect server this starts.")] = 4200,
          debounce: Annotated[float, typer.Option(help="Seconds without a change before a run starts.")] = 5.0,
          poll: Annotated[bool, typer.Option("--poll", help="Poll the folder (network shares give no events).")]
          = False) -> None:
    """Serve the deployments and watch INTAKE: a run after files stop changing, intake on an interval, nightly."""
    from flows.serve import serve_deployments

    if not intake.is_dir():
        raise typer.BadParameter(f"{intake} is not a folder", param_hint="INTAKE")
    serve_deployments(intake.resolve(), settings().home.resolve(), interval=interval, cron=cron, port=port,
                      debounce=debounce, poll=poll)


@app.command()
def worker(pool: Annotated[str, typer.Option(help="The process work pool (created when missing).")] = "endorse",
           limit: Annotated[int, typer.Option(help="Flow runs at once on this machine (0: no limit).")] = 1) -> None:
    """Run a Prefect worker for the deployments of prefect.yaml (PREFECT_API_URL names the server)."""
    import subprocess

    from flows.serve import ensure_work_pool, worker_command

    if not os.environ.get("PREFECT_API_URL"):
        raise typer.BadParameter("set PREFECT_API_URL to the Prefect server's API (http://HOST:4200/api)")
    ensure_work_pool(pool)
    raise typer.Exit(subprocess.call(worker_command(pool, limit or None)))


@app.command()
def nightly(today: Annotated[str | None, typer.Option(help="Re-check as of this ISO date (default: today).")] = None,
            ) -> None:
    """Re-check every candidate now (what the nightly deployment runs) and print what moved and why."""
    from pipeline.nightly import run_nightly
    from pipeline.report import render_markdown

    report = run_nightly(settings(), today)
    console.print(render_markdown(report), markup=False)


@app.command()
def status() -> None:
    """Last runs, waiting, failed and quarantined documents, and the review queue's size."""
    current = store()
    console.print(views.status_tables(current))


app.command()(cli_review.queue)
app.command("review")(cli_review.review_command)
app.command()(cli_review.web)
app.add_typer(cli_review.users, name="users")


if __name__ == "__main__":
    app()
