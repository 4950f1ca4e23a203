"""The `endorse` contract: extract --json, process, record --json."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()


def test_extract_json_contract(golden: Path) -> None:
    result = runner.invoke(app, ["extract", str(golden / "c001-training-1.pdf"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"kind", "pages", "official", "items", "flags"} <= data.keys()
    assert data["kind"] == "training_certificate" and data["pages"] == 1
    item = data["items"][0]
    assert {"type", "key", "value", "confidence", "needs_review", "reasons", "provenance"} <= item.keys()
    assert {"document", "page", "bbox", "text", "source", "rule"} <= item["provenance"][0].keys()


def test_extract_of_a_non_pdf_fails_cleanly(tmp_path: Path) -> None:
    bogus = tmp_path / "x.pdf"
    bogus.write_text("hello")
    result = runner.invoke(app, ["extract", str(bogus), "--json"])
    assert result.exit_code == 1
    assert json.loads(result.output)["flags"][0]["code"] == "document.not_pdf"


def test_process_then_record_json(tmp_path: Path, golden: Path) -> None:
    folder = tmp_path / "intake" / "c300"
    folder.mkdir(parents=True)
    shutil.copy(golden / "c001-exam.pdf", folder / "exam.pdf")
    (folder / "candidate.yaml").write_text("name: A Person\ncategory: policy\n")
    home = str(tmp_path / "home")
    processed = runner.invoke(app, ["--home", home, "process", str(tmp_path / "intake")])
    assert processed.exit_code == 0, processed.output
    shown = runner.invoke(app, ["--home", home, "record", "c300", "--json"])
    assert shown.exit_code == 0, shown.output
    record = json.loads(shown.output)
    assert record["candidate"] == "c300" and record["category"] == "policy" and record["name"] == "A Person"
    assert len(record["requirements"]) == 8
    assert {r["status"] for r in record["requirements"]} <= {"met", "not_met", "needs_review", "not_applicable"}
    assert [i["type"] for i in record["items"]] == ["exam"]


def test_nightly_reports_a_first_check_then_nothing_moved(tmp_path: Path, golden: Path) -> None:
    folder = tmp_path / "intake" / "c301"
    folder.mkdir(parents=True)
    shutil.copy(golden / "c001-membership.pdf", folder / "membership.pdf")
    (folder / "candidate.yaml").write_text("name: A Person\ncategory: policy\n")
    home = str(tmp_path / "home")
    assert runner.invoke(app, ["--home", home, "process", str(tmp_path / "intake")]).exit_code == 0
    first = runner.invoke(app, ["--home", home, "nightly", "--today", "2026-01-02"])
    assert first.exit_code == 0, first.output
    assert "c301" in first.output and "First check" in first.output
    again = runner.invoke(app, ["--home", home, "nightly", "--today", "2026-01-03"])
    assert again.exit_code == 0, again.output
    assert "First check" not in again.output and (tmp_path / "home" / "reports" / "2026-01-03.html").exists()
