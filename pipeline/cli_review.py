"""The reviewers' commands: `endorse queue`, `endorse review`, `endorse users add` and `endorse web`.

Each command reads the data home from ENDORSE_HOME, which the main callback sets from `--home`.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from pipeline import review
from pipeline.settings import Settings
from pipeline.store import ClaimConflict, Store, open_store

console = Console()
users = typer.Typer(help="Accounts of the reviewers' web page.", no_args_is_help=True)


def _open() -> tuple[Store, Settings]:
    settings = Settings()
    settings.prepare()
    return open_store(settings.url), settings


def queue_table(waiting: list[review.Entry]) -> Table:
    table = Table(title=f"review queue: {len(waiting)} waiting, oldest first", title_justify="left")
    for column in ("ref", "candidate", "what", "key", "document", "reasons", "held by"):
        table.add_column(column, overflow="fold")
    for entry in waiting:
        where = f"{entry.filename} p.{entry.page}" if entry.filename else entry.document_kind
        table.add_row(entry.ref, entry.candidate, entry.type, entry.key, where, ", ".join(entry.reasons),
                      entry.holder() or "")
    return table


def queue(candidate: Annotated[str | None, typer.Option(help="Only this candidate.")] = None,
          reason: Annotated[str | None, typer.Option(help="Only entries with this reason code.")] = None,
          kind: Annotated[str | None, typer.Option(help="Only items of this document kind ('requirement' too).")]
          = None,
          as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Items and requirement results waiting for a person, oldest first, with counts."""
    store, settings = _open()
    entries = review.all_entries(store, settings)
    waiting = review.queue(entries, candidate, reason, kind)
    if as_json:
        typer.echo(json.dumps([{"ref": e.ref, "candidate": e.candidate, "what": e.what, "type": e.type,
                                "key": e.key, "document_kind": e.document_kind, "reasons": e.reasons,
                                "value": e.value, "held_by": e.holder()} for e in waiting], indent=2))
        return
    console.print(queue_table(waiting))
    for name, counter in review.counts(entries).items():
        console.print(f"by {name}: " + ", ".join(f"{k} {v}" for k, v in counter.most_common()))


def review_command(
    item: Annotated[str, typer.Argument(help="The ref shown by `endorse queue` (or an item key).")],
    assignments: Annotated[list[str] | None, typer.Argument(help="field=value pairs for --correct.")] = None,
    accept: Annotated[bool, typer.Option("--accept", help="The value is right.")] = False,
    correct: Annotated[bool, typer.Option("--correct", help="Replace fields: --correct hours=6 date=2021-03-03.")]
    = False,
    reject: Annotated[bool, typer.Option("--reject", help="The item is not evidence.")] = False,
    comment: Annotated[str | None, typer.Option(help="Why, for the history.")] = None,
) -> None:
    """Decide one queue entry as the operating-system user; the candidate is re-checked at once."""
    chosen = [name for name, on in (("accept", accept), ("correct", correct), ("reject", reject)) if on]
    if len(chosen) != 1:
        raise typer.BadParameter("give exactly one of --accept, --correct, --reject")
    if assignments and chosen[0] != "correct":
        raise typer.BadParameter("field=value pairs go with --correct")
    fields = dict(pair.partition("=")[::2] for pair in assignments or [])
    store, settings = _open()
    try:
        entry = review.find(store, settings, item)
        outcome = review.decide(store, settings, entry, chosen[0], review.os_user(), fields=fields,
                                comment=comment)
    except KeyError as exc:
        console.print(f"[red]no such item: {exc.args[0]}[/red]")
        raise typer.Exit(2) from None
    except review.ReviewError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None
    except ClaimConflict as exc:
        console.print(f"[red]{review.conflict_message(exc, entry)}[/red]")
        raise typer.Exit(3) from None
    console.print(f"{chosen[0]}ed {entry.candidate} {entry.key} as {review.os_user()}")
    for requirement, (before, after) in outcome.changed.items():
        console.print(f"  {requirement}: {before} -> {after}")


@users.command("add")
def users_add(name: str,
              role: Annotated[str, typer.Option(help="reviewer or admin.")] = "reviewer") -> None:
    """Create (or reset) an account; the password is read from a prompt, or from stdin when piped."""
    if sys.stdin.isatty():
        password = typer.prompt("password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\n")
    store, _ = _open()
    try:
        review.add_user(store, name, role, password, actor=review.os_user())
    except review.ReviewError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None
    console.print(f"account {name} ({role}) saved")


def web(port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
        host: Annotated[str, typer.Option(help="Address to bind; keep 127.0.0.1 unless a proxy fronts it.")]
        = "127.0.0.1") -> None:
    """The reviewers' web page on 127.0.0.1 (`/login` is the only page open without a session)."""
    import uvicorn

    from review.app import create_app

    store, settings = _open()
    console.print(f"reviewers' page on http://{host}:{port}/ (Ctrl-C stops it)")
    uvicorn.run(create_app(settings, store), host=host, port=port, log_level="warning")
