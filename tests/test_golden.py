"""Golden tests: every generated document against its expected.json (ground truth from the generator)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.document import extract_document
from fixtures.compare import compare

TEXT_STEMS = [
    "c001-transcript", "c001-training-1", "c001-training-2", "c001-training-3", "c001-training-4",
    "c001-rsc-log", "c001-reference-1", "c001-reference-2", "c001-reference-3", "c001-ethics",
    "c001-exam", "c001-membership", "c001-employment-1", "c001-employment-2", "c002-transcript",
    "c002-training-1", "c002-exam", "c002-membership", "c002-reference-2", "c003-transcript",
]
GOLDEN_PREFIXES = "[c]"
"""Candidates whose text documents must come out exactly; the rest of the corpus is measured by bench/accuracy.py."""
SCAN_STEMS = ["c001-training-2.scan", "c002-transcript.scan", "c001-reference-1.scan"]


def expected_of(pdf: Path) -> dict:
    return json.loads(pdf.with_name(pdf.name[: -len(".pdf")] + ".expected.json").read_text())


def test_every_text_document_is_extracted_exactly(golden: Path) -> None:
    stems = sorted(p.name[:-4] for p in golden.glob(f"{GOLDEN_PREFIXES}*.pdf") if not p.name.endswith(".scan.pdf"))
    assert set(TEXT_STEMS) <= set(stems)
    problems = []
    for stem in stems:
        pdf = golden / f"{stem}.pdf"
        outcome = compare(extract_document(pdf), expected_of(pdf))
        if not outcome.kind_ok or outcome.wrong or outcome.missed or outcome.extra:
            problems.append((stem, outcome.problems))
    assert problems == []


@pytest.mark.parametrize("stem", TEXT_STEMS[:6])
def test_provenance_points_at_the_value_on_its_page(golden: Path, stem: str) -> None:
    result = extract_document(golden / f"{stem}.pdf")
    assert result.items
    for item in result.items:
        for source in item.provenance:
            x0, top, x1, bottom = source.bbox
            assert source.document == result.document and source.page >= 1
            assert 0 <= x0 < x1 <= 800 and 0 <= top < bottom <= 800
            assert source.source == "text_layer" and source.text


@pytest.mark.tesseract
@pytest.mark.parametrize("stem", SCAN_STEMS)
def test_scanned_twins_with_real_tesseract(golden: Path, stem: str) -> None:
    pdf = golden / f"{stem}.pdf"
    result = extract_document(pdf)
    outcome = compare(result, expected_of(pdf))
    assert outcome.kind_ok
    assert outcome.silent == 0, outcome.problems
    assert outcome.right >= len(expected_of(pdf)["items"]) - outcome.flagged
    assert all(p.source == "ocr" for i in result.items for p in i.provenance)


def test_unofficial_transcript_is_marked(golden: Path) -> None:
    result = extract_document(golden / "c002-transcript.pdf")
    assert result.official is False
    assert all("transcript.unofficial" in item.reasons for item in result.items if item.type == "degree")


def test_distractor_dates_are_not_taken(golden: Path) -> None:
    pdf = golden / "c001-transcript.pdf"
    result = extract_document(pdf)
    conferred = {item.value["conferred"] for item in result.items}
    assert conferred == {i["value"]["conferred"] for i in expected_of(pdf)["items"]}


def test_tune_split_text_documents_have_no_silent_error(golden: Path) -> None:
    """Over every tune-split text document: nothing wrong goes unflagged, and at least 98 % of items are right."""
    right = total = 0
    silent = []
    for pdf in sorted(golden.glob("*.pdf")):
        expected = expected_of(pdf) if not pdf.name.endswith(".scan.pdf") else None
        if expected is None or expected.get("split") != "tune":
            continue
        outcome = compare(extract_document(pdf), expected)
        assert outcome.kind_ok, pdf.name
        right, total = right + outcome.right, total + len(expected["items"])
        if outcome.silent:
            silent.append((pdf.name, outcome.problems))
    assert silent == []
    assert total > 250 and right / total >= 0.98
