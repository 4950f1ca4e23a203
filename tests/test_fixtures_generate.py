"""The fixture generator: golden files and their truth, scanned twins, intake folders, determinism."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pdfplumber
import pytest
import yaml

from fixtures.generate import generate
from pipeline.models import DocumentKind

KINDS = {kind.value for kind in DocumentKind}


def _expected(pdf: Path) -> dict:
    return json.loads(pdf.with_name(pdf.name.removesuffix(".pdf") + ".expected.json").read_text())


def _text_pdfs(corpus: Path) -> list[Path]:
    return sorted(p for p in (corpus / "golden").glob("*.pdf") if not p.name.endswith(".scan.pdf"))


def _text(pdf: Path) -> str:
    """The text layer, whitespace collapsed so wrapped sentences read as one line."""
    with pdfplumber.open(pdf) as doc:
        return " ".join(" ".join((page.extract_text() or "").split()) for page in doc.pages)


def _us(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%m/%d/%Y")


def test_every_golden_pdf_has_expected_json_and_manifest_entry(corpus: Path) -> None:
    golden = corpus / "golden"
    pdfs = sorted(golden.glob("*.pdf"))
    manifest = json.loads((golden / "manifest.json").read_text())
    assert {entry["stem"] for entry in manifest} == {p.name.removesuffix(".pdf") for p in pdfs}
    assert len(pdfs) == 2 * len(_text_pdfs(corpus))
    for pdf in pdfs:
        expected = _expected(pdf)
        assert expected["kind"] in KINDS, pdf.name
        assert expected["scanned"] is pdf.name.endswith(".scan.pdf")
        assert expected["items"], pdf.name
        assert (expected["official"] is not None) == (expected["kind"] == "transcript")
        with pdfplumber.open(pdf) as doc:
            assert len(doc.pages) == expected["pages"], pdf.name


def test_scanned_twins_are_image_only_with_the_same_pages(corpus: Path) -> None:
    for text_pdf in _text_pdfs(corpus):
        scan_pdf = text_pdf.with_name(text_pdf.name.removesuffix(".pdf") + ".scan.pdf")
        with pdfplumber.open(text_pdf) as text, pdfplumber.open(scan_pdf) as scan:
            assert len(scan.pages) == len(text.pages)
            for text_page, scan_page in zip(text.pages, scan.pages, strict=True):
                assert scan_page.extract_words() == [], scan_pdf.name
                assert len(scan_page.images) == 1
                assert scan_page.width == pytest.approx(text_page.width, abs=0.01)
                assert scan_page.height == pytest.approx(text_page.height, abs=0.01)
        scan_truth, text_truth = _expected(scan_pdf), _expected(text_pdf)
        assert scan_truth["scanned"] is True
        assert {**scan_truth, "scanned": False} == text_truth


def _shown(item: dict) -> list[str]:
    """Strings the document must show for this item to be read off it."""
    value = item["value"]
    match item["type"]:
        case "degree":
            return [f"{value['name']} ({value['abbreviation']})", f"Major: {value['field']}",
                    value["institution"]]
        case "training":
            shown = [value["title"], f"Provider: {value['provider']}"]
            return shown if value["converted"] else [*shown, f"{value['hours']:.1f}"]
        case "supervision_session":
            return [f"{_us(value['date'])} {value['format'].capitalize()} {value['hours']:.1f} "
                    f"{value['supervisor']}"]
        case "supervision_total":
            return [f"Total hours: {value['stated_total']:.1f}"]
        case "reference":
            return [f"Rater: {value['rater']}", _us(value["date"])]
        case "signature":
            return [f"Signature: /s/ {value['signer']}", f"Printed name: {value['signer']}"]
        case "exam":
            return ["Result: PASS" if value["passed"] else "Result: Did not pass"]
        case "membership":
            return [value["organization"]]
        case "employment":
            return [f"employed by {value['employer']} as {value['role']} from", value["duties"]]
    raise AssertionError(item["type"])


def test_text_pdfs_show_every_expected_item(corpus: Path) -> None:
    for pdf in _text_pdfs(corpus):
        text = _text(pdf)
        for item in _expected(pdf)["items"]:
            for needle in _shown(item):
                assert needle in text, (pdf.name, needle)


def test_transcript_distractor_dates_are_not_items(corpus: Path) -> None:
    for pdf in (corpus / "golden").glob("*-transcript.pdf"):
        text = _text(pdf)
        distractors = re.findall(r"Date (?:of Birth|Issued): (\d\d)/(\d\d)/(\d{4})", text)
        assert len(distractors) == 2
        conferred = {item["value"]["conferred"] for item in _expected(pdf)["items"]}
        assert not conferred & {f"{y}-{m}-{d}" for m, d, y in distractors}


def test_same_seed_gives_the_same_corpus(corpus: Path, tmp_path: Path) -> None:
    again = generate(tmp_path / "again", seed=7)
    first = sorted(p.relative_to(corpus) for p in (corpus / "golden").glob("*.json"))
    assert first == sorted(p.relative_to(again) for p in (again / "golden").glob("*.json"))
    for name in first:
        assert (again / name).read_text() == (corpus / name).read_text(), name
    for pdf in _text_pdfs(corpus):
        assert (again / "golden" / pdf.name).read_bytes() == pdf.read_bytes(), pdf.name


def test_intake_folders(corpus: Path) -> None:
    intake = corpus / "intake"
    assert sorted(p.name for p in intake.iterdir()) == ["c001", "c002", "c003"]
    assert not list(intake.rglob("*.json"))
    assert not (intake / "c003" / "candidate.yaml").exists()
    c001 = yaml.safe_load((intake / "c001" / "candidate.yaml").read_text())
    assert c001["category"] == "clinical" and c001["applied_on"] == dt.date(2026, 10, 1)
    c002 = yaml.safe_load((intake / "c002" / "candidate.yaml").read_text())
    assert c002["category"] == "policy" and c002["applied_on"] == dt.date(2026, 9, 15)
    assert isinstance(c001["name"], str) and c001["name"] != c002["name"]
    with pdfplumber.open(intake / "c001" / "rsc-log.pdf") as log:
        assert not log.pages[0].extract_words()
    with pdfplumber.open(intake / "c001" / "transcript.pdf") as transcript:
        assert transcript.pages[0].extract_words()


def _items(corpus: Path, candidate: str, item_type: str) -> list[dict]:
    manifest = json.loads((corpus / "golden" / "manifest.json").read_text())
    stems = [e["stem"] for e in manifest if e["candidate"] == candidate and not e["scanned"]]
    return [item["value"] for stem in stems
            for item in json.loads((corpus / "golden" / f"{stem}.expected.json").read_text())["items"]
            if item["type"] == item_type]


def test_candidates_are_built_as_specified(corpus: Path) -> None:
    assert sum(t["hours"] for t in _items(corpus, "c001", "training")) >= 30
    assert sum(t["hours"] for t in _items(corpus, "c002", "training")) == pytest.approx(24.0)
    assert any(t["converted"] for t in _items(corpus, "c002", "training"))
    sessions = _items(corpus, "c001", "supervision_session")
    assert 25 <= len(sessions) <= 35
    assert sum(s["hours"] for s in sessions) >= 50
    assert _items(corpus, "c001", "supervision_total")[0]["stated_total"] == sum(
        s["hours"] for s in sessions)
    days = sorted(dt.date.fromisoformat(s["date"]) for s in sessions)
    assert 365 <= (days[-1] - days[0]).days <= 731
    assert [r["relationship"] for r in _items(corpus, "c001", "reference")] == [
        "rsc_provider", "program_supervisor", "supervisee"]
    assert [e["passed"] for e in _items(corpus, "c002", "exam")] == [False]
    assert _items(corpus, "c002", "membership")[0]["valid_through"] == "2025-12-31"
    assert not _items(corpus, "c002", "supervision_session")
