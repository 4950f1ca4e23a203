"""Kill the intake with SIGKILL at several points, run it again: everything done once, nothing half-written.

The intake runs in a child process (this file run as a script). `ENDORSE_KILL_AT=<point>:<n>` makes the
child kill itself the n-th time it reaches the point: `copy` (half-way through an archive copy),
`archived` (a copy verified and renamed, not yet registered), `extracting` (pages read, the result not
yet made) or `storing` (inside the transaction that saves a result, before it commits).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pipeline.models import DocumentResult
from pipeline.store import Store

KILL_POINTS = ["copy:2", "archived:3", "extracting:2", "storing:1", "storing:4"]


def _kill_on(point: str, count: int) -> Any:
    """A hook that SIGKILLs this process the `count`-th time it is called."""
    calls = {"n": 0}

    def hook(*_: object) -> None:
        calls["n"] += 1
        if calls["n"] == count:
            os.kill(os.getpid(), signal.SIGKILL)

    return hook


def child(intake: Path, home: Path) -> None:
    """Run the intake once, with the kill hook the environment asks for."""
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    from extractors import document
    from pipeline import intake as intake_module
    from pipeline import recipe
    from pipeline.settings import Settings
    from pipeline.store import DocumentRow

    point, _, count = os.environ.get("ENDORSE_KILL_AT", ":0").partition(":")
    hook = _kill_on(point, int(count or 0))
    if point == "copy":
        real_copy = intake_module.shutil.copyfile

        def half_copy(source: Path, target: Path) -> Any:
            data = Path(source).read_bytes()
            with open(target, "wb") as handle:
                handle.write(data[: len(data) // 2])
                handle.flush()
                os.fsync(handle.fileno())
                hook()
            return real_copy(source, target)

        intake_module.shutil.copyfile = half_copy  # type: ignore[assignment]
    elif point == "archived":
        real_archive = recipe.archive
        recipe.archive = lambda *a: (real_archive(*a), hook())[0]  # type: ignore[assignment]
    elif point == "extracting":
        real_read = document.read_pages
        document.read_pages = lambda *a, **k: (real_read(*a, **k), hook())[0]  # type: ignore[assignment]
    elif point == "storing":
        @event.listens_for(Session, "after_flush")
        def saving_result(session: Session, _context: object) -> None:
            if any(isinstance(o, DocumentRow) and o.result is not None for o in session.dirty):
                hook()

    summary = recipe.process_intake(intake, Settings(home=home, stable_seconds=0, ocr_workers=1))
    print(json.dumps(summary.as_dict()))


def run_child(intake: Path, home: Path, kill_at: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "ENDORSE_KILL_AT"}
    if kill_at:
        env["ENDORSE_KILL_AT"] = kill_at
    return subprocess.run([sys.executable, __file__, str(intake), str(home)], env=env, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def intake(golden: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("kill") / "intake"
    for candidate, stems in {"k1": ["c001-transcript", "c001-training-1", "c001-exam", "c001-ethics"],
                             "k2": ["c002-transcript", "c002-membership", "c001-exam"]}.items():
        folder = root / candidate
        folder.mkdir(parents=True)
        for stem in stems:
            shutil.copy(golden / f"{stem}.pdf", folder / f"{stem}.pdf")
    (root / "k2" / "notes.pdf").write_text("<html>not a pdf</html>")
    return root


@pytest.fixture(scope="module")
def reference(intake: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], tuple[Any, ...]]:
    home = tmp_path_factory.mktemp("reference")
    done = run_child(intake, home)
    assert done.returncode == 0, done.stderr[-2000:]
    return outcome(home)


def outcome(home: Path) -> dict[tuple[str, str], tuple[Any, ...]]:
    """Per (candidate, file): status, kind, item keys and flag codes, from a store that must be complete."""
    rows = Store(f"sqlite:///{home / 'endorse.db'}").documents()
    found: dict[tuple[str, str], tuple[Any, ...]] = {}
    for row in rows:
        assert (row.candidate_id, row.filename) not in found, "a file recorded twice"
        assert row.status in {"done", "partial", "failed"} and row.claimed_by is None, (row.filename, row.status)
        result = DocumentResult.model_validate(row.result)  # a whole result, never half of one
        found[(row.candidate_id, row.filename)] = (row.status, row.kind, sorted(i.key for i in result.items),
                                                   sorted(f.code for f in result.flags))
    return found


def processed_at(home: Path) -> dict[tuple[str, str], Any]:
    rows = Store(f"sqlite:///{home / 'endorse.db'}").documents() if (home / "endorse.db").exists() else []
    return {(r.candidate_id, r.filename): r.processed_at for r in rows if r.processed_at is not None}


@pytest.mark.parametrize("kill_at", KILL_POINTS)
def test_killed_run_is_completed_by_the_next_with_nothing_done_twice(
        intake: Path, reference: dict[tuple[str, str], tuple[Any, ...]], tmp_path: Path, kill_at: str) -> None:
    home = tmp_path / "home"
    killed = run_child(intake, home, kill_at)
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
    saved_before = processed_at(home)
    assert len(saved_before) < len(reference)
    again = run_child(intake, home)
    assert again.returncode == 0, again.stderr[-2000:]
    assert outcome(home) == reference
    assert {key: when for key, when in processed_at(home).items() if key in saved_before} == saved_before
    summary = json.loads(again.stdout.strip().splitlines()[-1])
    assert summary["extracted"] == len(reference) - len(saved_before) - _unread(reference)
    archive = home / "archive"
    assert [p.name for p in archive.iterdir() if p.name.startswith(".")] == []
    for copy in archive.iterdir():
        assert hashlib.sha256(copy.read_bytes()).hexdigest() == copy.name.split(".")[0]


def _unread(reference: dict[tuple[str, str], tuple[Any, ...]]) -> int:
    """Records made without extraction (a second name, a refused file): the rerun makes them, not counted."""
    return sum("document.duplicate_name" in codes for *_, codes in reference.values())


if __name__ == "__main__":
    child(Path(sys.argv[1]), Path(sys.argv[2]))
