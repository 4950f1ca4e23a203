"""`endorse serve`: the intake and nightly deployments on a real Prefect server (schedules need one)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from flows.watch import DEFAULT_DEBOUNCE, DeploymentRuns, IntakeWatcher

if TYPE_CHECKING:
    from prefect.deployments.runner import RunnerDeployment

HEALTH_TIMEOUT = 90.0
RUNNER_POLL_SECONDS = 2
"""How often the served deployments look for a run to start (Prefect's default, 10 s, would delay a drop)."""


@contextmanager
def prefect_server(port: int) -> Iterator[str]:
    """Use PREFECT_API_URL when set; otherwise start `prefect server start` on 127.0.0.1 and stop it after."""
    if os.environ.get("PREFECT_API_URL"):
        yield os.environ["PREFECT_API_URL"]
        return
    api = f"http://127.0.0.1:{port}/api"
    server = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        wait_healthy(api, server)
        os.environ["PREFECT_API_URL"] = api
        yield api
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        stop_group(server)


def stop_group(process: subprocess.Popen[bytes]) -> None:
    """Stop a process started in its own session, with whatever it started (SIGTERM, then SIGKILL)."""
    for sig, wait in ((signal.SIGTERM, 20.0), (signal.SIGKILL, 10.0)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=wait)
            break
        except subprocess.TimeoutExpired:
            continue


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_healthy(api: str, server: subprocess.Popen[bytes]) -> None:
    """Poll the server's health endpoint until it answers; fail clearly if it exits or never answers."""
    deadline = time.monotonic() + HEALTH_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"prefect server exited with code {server.returncode}")
        try:
            with urllib.request.urlopen(f"{api}/health", timeout=2) as answer:  # noqa: S310 (loopback only)
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"prefect server at {api} did not become healthy in {HEALTH_TIMEOUT:.0f} s")


def serve_deployments(intake: Path, home: Path, *, interval: int, cron: str, port: int,
                      debounce: float = DEFAULT_DEBOUNCE, poll: bool = False) -> None:
    """Serve both deployments and watch the intake until interrupted; the server this started is stopped after."""
    signal.signal(signal.SIGTERM, _exit)  # `finally` blocks run on SIGTERM too (Prefect's runner does the same)
    with prefect_server(port) as api:
        from prefect import serve
        from prefect.settings import PREFECT_API_URL, temporary_settings

        watcher = IntakeWatcher(intake, DeploymentRuns(api), debounce=debounce, poll=poll)
        watcher.start()
        try:
            with temporary_settings(updates={PREFECT_API_URL: api}):  # Prefect may have read its settings already
                serve(*deployments(intake, home, interval=interval, cron=cron), query_seconds=RUNNER_POLL_SECONDS)
        finally:
            watcher.stop()


def _exit(*_: object) -> None:
    sys.exit(0)


def deployments(intake: Path, home: Path, *, interval: int, cron: str) -> list[RunnerDeployment]:
    """The intake (one run at a time: a run that would overlap is cancelled) and the nightly re-check."""
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy

    from flows.intake import intake_flow
    from flows.nightly import nightly_flow

    one_at_a_time = ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW)
    intake_deployment = intake_flow.to_deployment(name="intake", interval=interval, concurrency_limit=one_at_a_time,
                                                  parameters={"intake": str(intake), "home": str(home)})
    nightly_deployment = nightly_flow.to_deployment(name="nightly", cron=cron, concurrency_limit=one_at_a_time,
                                                    parameters={"home": str(home)})
    return [intake_deployment, nightly_deployment]  # type: ignore[list-item]  # sync calls: deployments, not coroutines


def ensure_work_pool(pool: str) -> bool:
    """Create the process work pool when missing (with the process worker's default job template); True if made."""
    from prefect import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.exceptions import ObjectAlreadyExists, ObjectNotFound
    from prefect.workers.process import ProcessWorker

    with get_client(sync_client=True) as client:
        try:
            client.read_work_pool(pool)
            return False
        except ObjectNotFound:
            pass
        template = ProcessWorker.get_default_base_job_template()
        try:
            client.create_work_pool(WorkPoolCreate(name=pool, type="process", base_job_template=template))
        except ObjectAlreadyExists:  # another machine's worker made it just now
            return False
    return True


def worker_command(pool: str, limit: int | None) -> list[str]:
    """`prefect worker start` for the pool; `limit` flow runs at once on this machine."""
    command = [sys.executable, "-m", "prefect", "worker", "start", "--pool", pool, "--type", "process"]
    return command + (["--limit", str(limit)] if limit else [])
