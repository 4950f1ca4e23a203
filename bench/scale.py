"""Throughput of the intake deployment with 1 and with 2 process workers on this machine.

Usage: python bench/scale.py [--corpus DIR] [--documents 20]
Starts a `prefect server start` on 127.0.0.1, deploys prefect.yaml's intake deployment to the `endorse`
process pool, and for each worker count starts that many workers (`--limit 1` each), triggers one intake
run per worker over the same folder of mixed documents (half scanned) into a fresh data home, and times
the trigger to the end of the last run: the runs split the candidates between them through the store's
claims. Prints documents per minute and the 2-worker / 1-worker ratio, both measured in this run. Stops
everything it started.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from uuid import UUID

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
for name, value in {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1", "OMP_THREAD_LIMIT": "1",
                    "PREFECT_LOGGING_LEVEL": "WARNING", "PREFECT_WORKER_QUERY_SECONDS": "2"}.items():
    os.environ.setdefault(name, value)

from speed import intake_folder  # noqa: E402

from fixtures.generate import generate  # noqa: E402
from flows.serve import ensure_work_pool, free_port, prefect_server, stop_group, worker_command  # noqa: E402
from pipeline.settings import Settings  # noqa: E402
from pipeline.store import open_store  # noqa: E402


def deploy(intake: Path, home: Path) -> None:
    """prefect.yaml's intake deployment, as an administrator deploys it."""
    env = os.environ | {"ENDORSE_INTAKE": str(intake), "ENDORSE_HOME": str(home)}
    subprocess.run([sys.executable, "-m", "prefect", "--no-prompt", "deploy", "--name", "intake"], cwd=ROOT,
                   env=env, check=True, stdout=subprocess.DEVNULL)


def wait_for_workers(client, pool: str, count: int, timeout: float = 90.0) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        online = [w for w in client.read_workers_for_work_pool(pool) if w.status.value == "ONLINE"]
        if len(online) >= count:
            return
        time.sleep(1)
    raise RuntimeError(f"{count} workers did not come online in {timeout:.0f} s")


def timed_round(client, intake: Path, home: Path, workers: int, work: Path) -> float:  # noqa: ANN001
    """Seconds from triggering one intake run per worker to the end of the last one."""
    deployment = client.read_deployment_by_name("endorse-intake/intake")
    started = [subprocess.Popen(worker_command("endorse", 1) + ["--name", f"bench-{workers}-{n}"], cwd=work,
                                start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
               for n in range(workers)]
    try:
        wait_for_workers(client, "endorse", workers)
        began = time.monotonic()
        runs: list[UUID] = [client.create_flow_run_from_deployment(
            deployment.id, parameters={"intake": str(intake), "home": str(home)}).id for _ in range(workers)]
        while True:
            states = [client.read_flow_run(run).state for run in runs]
            if all(state is not None and state.is_final() for state in states):
                break
            time.sleep(0.5)
        seconds = time.monotonic() - began
        names = [state.name if state else "?" for state in states]
        print(f"  {workers} worker(s): runs ended {names} in {seconds:.1f} s", file=sys.stderr)
        return seconds
    finally:
        for process in started:
            stop_group(process)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT / "fixtures" / "corpus")
    parser.add_argument("--documents", type=int, default=20)
    args = parser.parse_args()
    if not (args.corpus / "golden").is_dir():
        generate(args.corpus)
    rows = []
    loaded = " ".join(f"{x:.1f}" for x in os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="endorse-scale-") as tmp:
        work = Path(tmp)
        os.environ["PREFECT_HOME"] = str(work / "prefect")
        intake = intake_folder(args.corpus, work / "intake", args.documents)
        with prefect_server(free_port()) as api:
            from prefect import get_client
            from prefect.settings import PREFECT_API_URL, temporary_settings

            with temporary_settings(updates={PREFECT_API_URL: api}), get_client(sync_client=True) as client:
                ensure_work_pool("endorse")
                deploy(intake, work / "home-deploy")
                for workers in (1, 2):
                    home = work / f"home-{workers}"
                    seconds = timed_round(client, intake, home, workers, work)
                    done = [d for d in open_store(Settings(home=home).url).documents()
                            if d.status in ("done", "partial", "failed")]
                    rows.append((workers, len(done), seconds))
    print(f"\nintake deployment throughput on {os.cpu_count()} cores (load average {loaded} before, "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} after: a shared machine), {args.documents} documents "
          "(half scanned), one intake run per worker, each worker one run at a time")
    print(f"{'workers':>7}  {'documents':>9}  {'seconds':>7}  {'documents/min':>13}")
    for workers, done, seconds in rows:
        print(f"{workers:>7}  {done:>9}  {seconds:>7.1f}  {done / seconds * 60:>13.1f}")
    (_, done1, one), (_, done2, two) = rows
    print(f"ratio, 2 workers / 1 worker: {(done2 / two) / (done1 / one):.2f}")


if __name__ == "__main__":
    main()
