"""Imports point one way: flows and review -> pipeline -> extractors -> pipeline.models; nothing imports flows."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imports_of(package: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in (ROOT / package).rglob("*.py"):
        names = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
        found[str(path.relative_to(ROOT))] = names
    return found


def test_extractors_import_only_the_models_of_pipeline() -> None:
    bad = {f: sorted(n for n in names if n.startswith("pipeline") and n != "pipeline.models")
           for f, names in imports_of("extractors").items()}
    assert {f: n for f, n in bad.items() if n} == {}


def test_nothing_imports_flows() -> None:
    for package in ("pipeline", "extractors"):
        bad = {f: n for f, n in imports_of(package).items()
               if any(m == "flows" or m.startswith("flows.") for m in n)}
        # the CLI starts flows lazily inside two commands; that is the one allowed door
        assert set(bad) <= {"pipeline/cli.py"}


def test_nothing_below_imports_review() -> None:
    for package in ("pipeline", "extractors", "flows"):
        bad = {f: n for f, n in imports_of(package).items()
               if any(m == "review" or m.startswith("review.") for m in n)}
        # `endorse web` starts the web page lazily; the one allowed door
        assert set(bad) <= {"pipeline/cli_review.py"}


def test_review_imports_only_pipeline() -> None:
    for names in imports_of("review").values():
        assert not {n for n in names if n.split(".")[0] in {"extractors", "flows"}}


def test_the_models_import_nothing_of_the_project() -> None:
    names = imports_of("pipeline")["pipeline/models.py"]
    assert not {n for n in names if n.split(".")[0] in {"pipeline", "extractors", "flows"}}


def test_the_recipe_needs_no_terminal() -> None:
    """The progress bar is the CLI's: the recipe (also run by flows and the nightly job) imports no terminal UI."""
    names = imports_of("pipeline")["pipeline/recipe.py"]
    assert not {n for n in names if n.split(".")[0] == "rich" or n == "pipeline.progress"}
