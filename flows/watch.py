"""Watch the intake folder: once files stop changing for a few seconds, start one run of the intake deployment.

The watcher only decides *when* to run; what to take stays with the intake (settled files only, claims in the
database). No file or candidate name is logged: they can be personal data.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol
from uuid import UUID

if TYPE_CHECKING:
    from prefect.client.orchestration import SyncPrefectClient

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from pipeline.intake import CANDIDATE_FILE, _is_evidence

log = logging.getLogger(__name__)

DEFAULT_DEBOUNCE = 5.0
"""Seconds without a change before a run starts: longer than the intake's own 2-second settling check."""
INTAKE_DEPLOYMENT = "endorse-intake/intake"


def starts_intake(path: Path, intake: Path, *, is_directory: bool) -> bool:
    """Whether a change at `path` can give the intake work: a candidate folder, or an evidence file in one."""
    try:
        parts = path.relative_to(intake).parts
    except ValueError:
        return False
    if not parts or parts[0].startswith("."):
        return False
    if len(parts) == 1:
        return is_directory  # a whole candidate folder created or moved in
    if len(parts) == 2 and not is_directory:
        return parts[1] == CANDIDATE_FILE or _is_evidence(path)  # the intake's own test of a name
    return False


class QuietPeriod:
    """Changes noted from watchdog's thread; due once nothing has changed for `seconds`."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds, self._clock = seconds, clock
        self._lock = threading.Lock()
        self._last = clock()
        self._pending = False

    def note(self) -> None:
        with self._lock:
            self._last, self._pending = self._clock(), True

    def due(self) -> bool:
        with self._lock:
            return self._pending and self._clock() - self._last >= self.seconds

    def now(self) -> float:
        return self._clock()

    def clear(self, noted_before: float) -> None:
        """Forget the changes a run started at `noted_before` will see; a later change stays pending."""
        with self._lock:
            if self._last <= noted_before:
                self._pending = False

    def renote(self) -> None:
        """Pending again without restarting the wait (a run that was cancelled saw nothing)."""
        with self._lock:
            self._pending = True


class IntakeRuns(Protocol):
    """What the watcher needs from Prefect (a fake in unit tests)."""

    def busy(self) -> bool: ...

    def start(self) -> UUID: ...

    def finished(self, run_id: UUID) -> bool | None:
        """None while the run is not final; True when it ran, False when it was cancelled or crashed."""


class DeploymentRuns:
    """Runs of the served intake deployment, through the Prefect API."""

    def __init__(self, api: str | None = None, name: str = INTAKE_DEPLOYMENT) -> None:
        self.api, self.name = api, name

    @contextmanager
    def _client(self) -> Iterator[SyncPrefectClient]:
        """A client of `api` (Prefect's settings may have been read before the server started), else the default."""
        from prefect import get_client
        from prefect.settings import PREFECT_API_URL, temporary_settings

        updates = {PREFECT_API_URL: self.api} if self.api else {}
        with temporary_settings(updates=updates), get_client(sync_client=True) as client:
            yield client

    def busy(self) -> bool:
        """A run of the deployment is running, pending, or scheduled for now (not the interval's later ones)."""
        from prefect.client.schemas.filters import (
            DeploymentFilter,
            DeploymentFilterId,
            FlowRunFilter,
            FlowRunFilterState,
            FlowRunFilterStateType,
        )
        from prefect.client.schemas.objects import StateType

        live = [StateType.SCHEDULED, StateType.PENDING, StateType.RUNNING]
        with self._client() as client:
            deployment = client.read_deployment_by_name(self.name)
            runs = client.read_flow_runs(
                deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment.id])),
                flow_run_filter=FlowRunFilter(state=FlowRunFilterState(type=FlowRunFilterStateType(any_=live))))
        now = datetime.now(UTC)
        return any(run.state_type != StateType.SCHEDULED or (run.expected_start_time or now) <= now for run in runs)

    def start(self) -> UUID:
        with self._client() as client:
            deployment = client.read_deployment_by_name(self.name)
            return client.create_flow_run_from_deployment(deployment.id).id

    def finished(self, run_id: UUID) -> bool | None:
        with self._client() as client:
            state = client.read_flow_run(run_id).state
        if state is None or not state.is_final():
            return None
        return state.is_completed() or state.is_failed()  # a failed run did read the folder; cancelled did not


class _Changes(FileSystemEventHandler):
    """Notes a change that can give the intake work; everything else is ignored."""

    def __init__(self, intake: Path, quiet: QuietPeriod) -> None:
        self.intake, self.quiet = intake, quiet

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in ("created", "modified", "moved", "closed"):
            return
        if event.is_directory and event.event_type not in ("created", "moved"):
            return  # a folder is "modified" whenever a name in it changes, `.part` files included
        path = event.dest_path if event.event_type == "moved" else event.src_path
        if starts_intake(Path(_text(path)), self.intake, is_directory=event.is_directory):
            self.quiet.note()


def _text(path: str | bytes) -> str:
    return path.decode(errors="surrogateescape") if isinstance(path, bytes) else path


class IntakeWatcher:
    """Watchdog on the intake folder, and a loop that starts one run after a quiet period, never two at once."""

    def __init__(self, intake: Path, runs: IntakeRuns, *, debounce: float = DEFAULT_DEBOUNCE, poll: bool = False,
                 tick: float = 0.5) -> None:
        self.intake, self.runs, self.tick = intake.resolve(), runs, tick
        self.quiet = QuietPeriod(debounce)
        self.quiet.note()  # files dropped while nobody watched: one run after the first quiet period
        self.observer: BaseObserver = PollingObserver() if poll else Observer()
        self._started: UUID | None = None
        self._stop = threading.Event()
        self._loop = threading.Thread(target=self._run, name="intake-watcher", daemon=True)

    def start(self) -> None:
        self.observer.schedule(_Changes(self.intake, self.quiet), str(self.intake), recursive=True)
        self.observer.start()
        self._loop.start()

    def stop(self) -> None:
        self._stop.set()
        self.observer.stop()
        self.observer.join(timeout=10)
        if self._loop.is_alive():
            self._loop.join(timeout=10)

    def step(self) -> UUID | None:
        """One look: follow the run this started; start another when changes are due and nothing runs."""
        if self._started is not None:
            outcome = self.runs.finished(self._started)
            if outcome is None:
                return None
            if outcome is False:
                self.quiet.renote()  # cancelled (another run held the slot) or crashed: try again
            self._started = None
        if not self.quiet.due() or self.runs.busy():
            return None
        noted_before = self.quiet.now()
        self._started = self.runs.start()
        self.quiet.clear(noted_before)
        log.info("intake changed: started intake run %s", self._started)
        return self._started

    def _run(self) -> None:
        while not self._stop.wait(self.tick):
            try:
                self.step()
            except Exception as exc:  # noqa: BLE001 (the API may be restarting: look again next tick)
                log.warning("intake watcher could not reach Prefect (%s); retrying", type(exc).__name__)
