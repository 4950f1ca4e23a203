"""`endorse serve`: the intake and nightly deployments on a real Prefect server (schedules need one)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HEALTH_TIMEOUT = 90.0


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
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


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


def serve_deployments(intake: Path, home: Path, *, interval: int, cron: str, port: int) -> None:
    """Serve both deployments until interrupted; the server this started is stopped on the way out."""
    with prefect_server(port):
        from prefect import serve

        from flows.intake import intake_flow
        from flows.nightly import nightly_flow

        intake_deployment = intake_flow.to_deployment(name="intake", interval=interval,
                                                      parameters={"intake": str(intake), "home": str(home)})
        nightly_deployment = nightly_flow.to_deployment(name="nightly", cron=cron, parameters={"home": str(home)})
        serve(intake_deployment, nightly_deployment)  # type: ignore[arg-type]  # sync call returns deployments, not coroutines
