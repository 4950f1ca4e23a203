"""Prefect flows and deployments only: tasks wrap pipeline functions; no parsing or rules live here.

Importing this package sets Prefect's environment before Prefect is imported (STACK.md): its home under
the data home, no telemetry, quiet logs, a start-up timeout long enough for a fresh temporary server; then
sets up Prefect's logging and masks personal data in every log record and run log.
"""

import os
from pathlib import Path

_home = Path(os.environ.get("ENDORSE_HOME", "endorse-data")).resolve()
os.environ.setdefault("PREFECT_HOME", str(_home / "prefect"))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
# Prefect does not create its home, and its temporary server cannot open a database in a missing folder.
Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)

from prefect.logging.configuration import ensure_logging_setup  # noqa: E402

from pipeline import logs  # noqa: E402

ensure_logging_setup()  # Prefect's handlers (its API's run logs among them) exist before the mask goes on them
logs.install()
