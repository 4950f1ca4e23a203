"""Shared fixtures: one generated corpus per test run (the project's own generator, a fixed seed)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from fixtures.generate import generate

    out = tmp_path_factory.mktemp("corpus")
    generate(out, seed=7)
    return out


@pytest.fixture(scope="session")
def golden(corpus: Path) -> Path:
    return corpus / "golden"
