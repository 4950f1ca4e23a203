"""The intake watcher: which changes count, the quiet period, and never two runs at once (Prefect faked)."""

from __future__ import annotations

import time
from pathlib import Path
from uuid import UUID, uuid4

import pytest

from flows.watch import IntakeWatcher, QuietPeriod, starts_intake


class FakeRuns:
    """Stands in for the deployment: records starts; a test says which runs are live and how they ended."""

    def __init__(self) -> None:
        self.started: list[UUID] = []
        self.outcome: dict[UUID, bool | None] = {}
        self.other_run_live = False

    def busy(self) -> bool:
        return self.other_run_live or any(self.outcome[run] is None for run in self.started)

    def start(self) -> UUID:
        run = uuid4()
        self.started.append(run)
        self.outcome[run] = None
        return run

    def finished(self, run_id: UUID) -> bool | None:
        return self.outcome[run_id]


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture()
def intake(tmp_path: Path) -> Path:
    (tmp_path / "intake" / "c001").mkdir(parents=True)
    return tmp_path / "intake"


@pytest.mark.parametrize(("name", "expected"), [
    ("transcript.pdf", True),
    ("candidate.yaml", True),
    ("scan.pdf.part", False),
    ("scan.pdf.crdownload", False),
    ("~$letter.pdf", False),
    (".DS_Store", False),
    (".transcript.pdf.swp", False),
])
def test_temporary_names_do_not_start_a_run(intake: Path, name: str, expected: bool) -> None:
    path = intake / "c001" / name
    path.write_bytes(b"%PDF-1.4\n")
    assert starts_intake(path, intake, is_directory=False) is expected


def test_only_candidate_folders_and_their_own_files_count(intake: Path, tmp_path: Path) -> None:
    (intake / "loose.pdf").write_bytes(b"%PDF")
    (intake / "c001" / "nested").mkdir()
    (intake / "c001" / "nested" / "deep.pdf").write_bytes(b"%PDF")
    assert starts_intake(intake / "c002", intake, is_directory=True)  # a whole folder moved in
    assert not starts_intake(intake / ".trash", intake, is_directory=True)
    assert not starts_intake(intake / "loose.pdf", intake, is_directory=False)
    assert not starts_intake(intake / "c001" / "nested" / "deep.pdf", intake, is_directory=False)
    assert not starts_intake(tmp_path / "elsewhere.pdf", intake, is_directory=False)


def test_quiet_period_waits_for_the_last_change() -> None:
    clock = Clock()
    quiet = QuietPeriod(5.0, clock)
    assert not quiet.due()
    quiet.note()
    clock.now += 4
    quiet.note()  # a second file keeps the wait going
    clock.now += 4
    assert not quiet.due()
    clock.now += 1
    assert quiet.due()


def test_a_burst_of_changes_starts_one_run_and_none_while_it_runs(intake: Path) -> None:
    runs, clock = FakeRuns(), Clock()
    watcher = IntakeWatcher(intake, runs, debounce=5.0)
    watcher.quiet = QuietPeriod(5.0, clock)
    for _ in range(3):
        watcher.quiet.note()
        clock.now += 1
        assert watcher.step() is None
    clock.now += 5
    first = watcher.step()
    assert runs.started == [first]
    watcher.quiet.note()  # a file arrives while the run is going
    clock.now += 10
    assert watcher.step() is None and len(runs.started) == 1
    runs.outcome[first] = True
    second = watcher.step()  # the run ended: the late file gets its own run
    assert second is not None and runs.started == [first, second]
    runs.outcome[second] = True
    clock.now += 10
    assert watcher.step() is None and len(runs.started) == 2  # nothing changed since


def test_no_run_while_another_run_of_the_deployment_is_live(intake: Path) -> None:
    runs, clock = FakeRuns(), Clock()
    watcher = IntakeWatcher(intake, runs)
    watcher.quiet = QuietPeriod(5.0, clock)
    watcher.quiet.note()
    clock.now += 6
    runs.other_run_live = True  # the interval's run, or one started by hand
    assert watcher.step() is None and runs.started == []
    runs.other_run_live = False
    assert watcher.step() is not None


def test_a_cancelled_run_is_tried_again(intake: Path) -> None:
    runs, clock = FakeRuns(), Clock()
    watcher = IntakeWatcher(intake, runs)
    watcher.quiet = QuietPeriod(5.0, clock)
    watcher.quiet.note()
    clock.now += 6
    first = watcher.step()
    assert first is not None
    runs.outcome[first] = False  # cancelled by the concurrency limit: it read nothing
    assert watcher.step() is not None and len(runs.started) == 2


def test_watchdog_events_reach_the_watcher(intake: Path) -> None:
    runs = FakeRuns()
    watcher = IntakeWatcher(intake, runs, debounce=0.5, tick=0.1)
    watcher.quiet.clear(watcher.quiet.now())  # forget the start-up run: only the file below counts
    watcher.start()
    try:
        time.sleep(0.3)
        (intake / "c001" / "ignored.pdf.part").write_bytes(b"%PDF-1.4\n")
        time.sleep(1.5)
        assert runs.started == []  # a temporary name changed nothing
        (intake / "c001" / "ignored.pdf.part").rename(intake / "c001" / "letter.pdf")
        deadline = time.monotonic() + 10
        while not runs.started and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(runs.started) == 1
    finally:
        watcher.stop()
