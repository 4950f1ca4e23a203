"""End to end on a real `prefect server start`: a worker runs the intake deployment of prefect.yaml, and
`endorse serve` turns a dropped file into a record with no command typed. Everything started is stopped."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from flows.serve import ensure_work_pool, free_port, prefect_server, stop_group, wait_healthy
from pipeline.settings import Settings
from pipeline.store import open_store

ROOT = Path(__file__).resolve().parent.parent
DROP_DEADLINE = 60.0
"""The issue's promise: a dropped file's record within a minute."""


@pytest.fixture()
def prefect_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Prefect home of this test's own, quiet and telemetry-free, for this process and what it starts."""
    home = tmp_path / "prefect"
    home.mkdir()
    monkeypatch.setenv("PREFECT_HOME", str(home))
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    for name, value in {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
                        "PREFECT_LOGGING_LEVEL": "WARNING", "PREFECT_WORKER_QUERY_SECONDS": "2",
                        "PREFECT_WORKER_PREFETCH_SECONDS": "5"}.items():
        monkeypatch.setenv(name, value)
    return home


@pytest.fixture()
def sample_intake(tmp_path: Path, golden: Path) -> Path:
    """Two candidates with a few of the generated corpus's text PDFs."""
    for candidate, stems in {"c201": ["c001-transcript", "c001-training-1"], "c202": ["c002-membership"]}.items():
        folder = tmp_path / "intake" / candidate
        folder.mkdir(parents=True)
        for stem in stems:
            shutil.copy(golden / f"{stem}.pdf", folder / f"{stem}.pdf")
    (tmp_path / "intake" / "c201" / "candidate.yaml").write_text("category: clinical\napplied_on: 2026-10-01\n")
    return tmp_path / "intake"


@contextmanager
def started(command: list[str], **kwargs: object) -> Iterator[subprocess.Popen[bytes]]:
    """A subprocess in its own session, stopped with everything it started even when the test fails."""
    process = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL,  # noqa: S603
                               stderr=subprocess.DEVNULL, **kwargs)  # type: ignore[call-overload]
    try:
        yield process
    finally:
        stop_group(process)


def api_settings(api: str):  # noqa: ANN201
    """This process's Prefect client pointed at the test's server (another test's harness may be active)."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    return temporary_settings(updates={PREFECT_API_URL: api})


def done_documents(home: Path) -> dict[str, list[str]]:
    store = open_store(Settings(home=home).url)
    rows = [row for row in store.documents() if row.status in ("done", "partial", "failed")]
    return {candidate: sorted(r.filename for r in rows if r.candidate_id == candidate)
            for candidate in sorted({r.candidate_id for r in rows})}


@pytest.mark.flow
def test_worker_runs_the_intake_deployment_of_prefect_yaml(prefect_env: Path, sample_intake: Path,
                                                           tmp_path: Path) -> None:
    home = tmp_path / "data"
    with prefect_server(free_port()) as api, api_settings(api):
        assert ensure_work_pool("endorse")
        assert not ensure_work_pool("endorse")  # a second call finds it
        deploy = subprocess.run([sys.executable, "-m", "prefect", "--no-prompt", "deploy", "--name", "intake"],
                                cwd=ROOT, capture_output=True, text=True, timeout=120,
                                env=os.environ | {"ENDORSE_INTAKE": str(sample_intake), "ENDORSE_HOME": str(home)})
        assert deploy.returncode == 0, deploy.stdout[-2000:] + deploy.stderr[-2000:]
        with started([str(Path(sys.executable).parent / "endorse"), "worker"], cwd=tmp_path):
            from prefect.deployments import run_deployment

            run = run_deployment("endorse-intake/intake", timeout=150, poll_interval=1, as_subflow=False)
            assert run.state is not None and run.state.is_completed(), run.state  # type: ignore[union-attr]
    assert done_documents(home) == {"c201": ["c001-training-1.pdf", "c001-transcript.pdf"],
                                    "c202": ["c002-membership.pdf"]}
    statuses = {r.id: r.status.value for r in open_store(Settings(home=home).url).requirements("c201")}
    assert statuses.get("education") in {"met", "not_met", "needs_review"}  # checked, not merely stored


def deployment_registered(api: str, name: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api}/deployments/name/{name}", timeout=2) as answer:  # noqa: S310
            return bool(json.load(answer).get("id"))
    except OSError:
        return False


def checked(home: Path, candidate: str) -> bool:
    """The candidate has requirement results: read-only, without opening the store (and its migrations)."""
    database = home / "endorse.db"
    if not database.exists():
        return False
    try:
        with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1)) as connection:
            row = connection.execute("SELECT count(*) FROM requirement_results WHERE candidate_id = ?",
                                     (candidate,)).fetchone()
    except sqlite3.OperationalError:  # not created yet, or locked for a moment
        return False
    return bool(row and row[0])


@pytest.mark.flow
def test_a_dropped_file_becomes_a_record_with_no_command(prefect_env: Path, golden: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    intake, home, port = tmp_path / "intake", tmp_path / "data", free_port()
    (intake / "c301").mkdir(parents=True)
    api = f"http://127.0.0.1:{port}/api"
    command = [str(Path(sys.executable).parent / "endorse"), "--home", str(home), "serve", str(intake),
               "--port", str(port), "--debounce", "2"]
    with started(command, cwd=tmp_path) as serve:
        wait_healthy(api, serve)
        deadline = time.monotonic() + 60
        while not deployment_registered(api, "endorse-intake/intake"):
            assert serve.poll() is None and time.monotonic() < deadline, "the intake deployment was never served"
            time.sleep(0.5)
        partial = intake / "c301" / "c001-transcript.pdf.part"
        shutil.copy(golden / "c001-transcript.pdf", partial)  # written under a temporary name, as browsers do
        partial.rename(intake / "c301" / "c001-transcript.pdf")
        dropped = time.monotonic()
        while not checked(home, "c301"):
            assert serve.poll() is None, "endorse serve exited"
            assert time.monotonic() - dropped < DROP_DEADLINE, "no record within a minute of the drop"
            time.sleep(0.5)
        seconds = time.monotonic() - dropped
    assert not deployment_registered(api, "endorse-intake/intake")  # its Prefect server is gone too
    assert done_documents(home) == {"c301": ["c001-transcript.pdf"]}
    with capsys.disabled():
        print(f"\n  drop to record: {seconds:.1f} s (debounce 2 s)")


def test_a_deployment_left_with_its_templates_is_refused(tmp_path: Path) -> None:
    from flows.intake import check_parameters

    with pytest.raises(ValueError, match="deployment.parameter_unset"):
        check_parameters(str(tmp_path), "{{ $ENDORSE_HOME }}")
    with pytest.raises(ValueError, match="intake.missing"):
        check_parameters(str(tmp_path / "nowhere"), str(tmp_path / "home"))
    check_parameters(str(tmp_path), str(tmp_path / "home"))
    assert not (tmp_path / "home").exists()  # checking makes nothing


def test_a_nightly_deployment_left_with_its_template_home_is_refused(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from flows.nightly import nightly_flow

    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValueError, match="deployment.parameter_unset"):
        nightly_flow.fn(home="{{ $ENDORSE_HOME }}")
    assert list(tmp_path.iterdir()) == []  # no data home made under the template's name
