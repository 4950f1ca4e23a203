"""A small data home for the review tests: one text PDF, hand-made items, no OCR (fast and exact)."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from pipeline import recipe
from pipeline.models import CandidateInfo, Category, DocumentKind, DocumentResult, Item, Provenance
from pipeline.settings import Settings
from pipeline.store import Store, open_store

LINES = [
    "Certificate of Completion",
    "Attachment-Based Interventions - 12.0 clock hours - 2021-03-03",
    "Relationship-Based Home Visiting - 12.0 clock hours - 2021-06-10",
    "Reflective Practice Workshop - 0.3 CEU - 2022-01-15",
    "Written examination: PASS - 2023-05-01",
    "Master of Social Work (MSW), conferred 2010-05-01, official transcript",
    "Employment: Infant Mental Health Specialist, Family Center, 2011-01-01 to present",
]
TOP = 100.0
STEP = 40.0


def write_pdf(path: Path) -> None:
    pdf = canvas.Canvas(str(path), pagesize=letter)
    pdf.setFont("Helvetica", 12)
    for n, line in enumerate(LINES):
        pdf.drawString(72, 792 - TOP - n * STEP, line)
    pdf.showPage()
    pdf.save()


def box(line: int) -> tuple[float, float, float, float]:
    top = TOP + line * STEP - 10
    return (70.0, top, 72.0 + 6.7 * len(LINES[line]), top + 14)


def item(sha: str, line: int, type_: str, key: str, value: dict, review: list[str] | None = None) -> Item:
    return Item(type=type_, key=key, value=value, confidence=0.6 if review else 0.95,
                needs_review=bool(review), reasons=review or [],
                provenance=[Provenance(document=sha, page=1, bbox=box(line), text=LINES[line],
                                       source="text_layer", rule="test.v1")])


def items(sha: str) -> list[Item]:
    def training(line: int, slug: str, hours: float, day: str, review: list[str] | None = None) -> Item:
        title = LINES[line].split(" - ")[0]
        return item(sha, line, "training", f"training:{day}:{slug}",
                    {"title": title, "hours": hours, "date": day, "provider": "Institute", "relevant": True},
                    review)
    return [
        training(1, "attachment", 12.0, "2021-03-03"),
        training(2, "home-visiting", 12.0, "2021-06-10"),
        training(3, "reflective-practice", 3.0, "2022-01-15", ["hours.converted"]),
        item(sha, 4, "exam", "exam", {"passed": True, "date": "2023-05-01"}, ["ocr.low_confidence"]),
        item(sha, 5, "degree", "degree:msw:2010-05-01",
             {"abbreviation": "MSW", "name": "Master of Social Work", "field": "Social Work",
              "institution": "State University", "conferred": "2010-05-01", "official": True}),
        item(sha, 6, "employment", "employment:family-center:2011-01-01",
             {"employer": "Family Center", "role": "Infant Mental Health Specialist", "start": "2011-01-01",
              "end": None, "duties": "home visiting with infants and parents"}),
    ]


def build(home: Path, candidate: str = "c900") -> tuple[Store, Settings]:
    """A data home with one clinical candidate, one archived PDF and four items (two flagged)."""
    settings = Settings(home=home)
    settings.prepare()
    store = open_store(settings.url)
    pdf = home / "source.pdf"
    write_pdf(pdf)
    sha = hashlib.sha256(pdf.read_bytes()).hexdigest()
    kept = settings.archive / f"{sha}.pdf"
    kept.write_bytes(pdf.read_bytes())
    store.upsert_candidate(candidate, CandidateInfo(name="Ada Sample", category=Category.CLINICAL,
                                                    applied_on=dt.date(2024, 1, 15)))
    store.register(candidate, sha, "certificates.pdf", str(kept), kept.stat().st_size)
    row = store.claim(candidate, sha, "test-1", "tests")
    assert row is not None
    store.save_result(row.id, DocumentResult(document=sha, filename="certificates.pdf",
                                             kind=DocumentKind.TRAINING_CERTIFICATE, pages=1,
                                             extractor_version="test-1", items=items(sha)))
    recipe.check_candidate(candidate, store, settings)
    return store, settings
