"""Limits (pixels per page, OCR seconds per page and per document): each fails its document with a code
and a sentence, quickly, and the run goes on. Also: pages stream (pdfminer keeps no page's image) and the
intake reports its progress."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image

from extractors.document import extract_document
from extractors.ocr import Deadline, OcrLimits, OcrTimeout
from extractors.pagetext import _forget_images
from pipeline import recipe
from pipeline.models import DocumentResult
from pipeline.settings import Settings

SCAN = "c001-exam.scan.pdf"
LONG_SCAN = "c001-rsc-log.scan.pdf"  # three pages
TEXT = "c001-exam.pdf"


def failure(result: DocumentResult) -> tuple[str, str]:
    assert result.status.value == "failure", result.flags
    return result.flags[0].code, result.flags[0].message


def test_a_page_over_the_pixel_limit_fails_before_anything_is_rendered(golden: Path) -> None:
    code, message = failure(extract_document(golden / SCAN, limits=OcrLimits(max_page_pixels=1_000_000)))
    assert code == "document.too_many_pixels"
    assert "Page 1" in message and "1,000,000" in message and "ENDORSE_MAX_PAGE_PIXELS" in message


def test_a_text_page_is_never_rendered_so_the_pixel_limit_does_not_touch_it(golden: Path) -> None:
    result = extract_document(golden / TEXT, limits=OcrLimits(max_page_pixels=1_000))
    assert result.status.value != "failure" and result.items


def test_an_image_bigger_than_its_page_counts_by_its_own_pixels(tmp_path: Path) -> None:
    """A decompression bomb: a small page holding a huge image; PDFium would decode the image whole."""
    bomb = tmp_path / "bomb.pdf"
    Image.new("L", (4000, 4000), 255).save(bomb, resolution=1000)  # a 4-inch page: 1200 x 1200 at 300 dpi
    code, message = failure(extract_document(bomb, limits=OcrLimits(max_page_pixels=5_000_000)))
    assert code == "document.too_many_pixels" and "16,000,000" in message


@pytest.mark.tesseract
def test_a_page_past_its_ocr_time_fails_the_document_without_waiting(golden: Path) -> None:
    started = time.monotonic()
    code, message = failure(extract_document(golden / LONG_SCAN, limits=OcrLimits(page_seconds=0.05)))
    assert code == "document.ocr_timeout"
    assert "Page " in message and "ENDORSE_OCR_PAGE_SECONDS" in message
    assert time.monotonic() - started < 60  # tesseract was stopped, not waited for (a page takes 1-5 s)


@pytest.mark.tesseract
def test_the_documents_deadline_is_shared_by_its_pages(golden: Path) -> None:
    limits = OcrLimits(page_seconds=600, document_seconds=0.3)
    code, message = failure(extract_document(golden / LONG_SCAN, limits=limits, ocr_workers=2))
    assert code == "document.ocr_deadline" and "ENDORSE_OCR_DOCUMENT_SECONDS" in message


def test_a_page_clock_stops_when_the_document_has_failed() -> None:
    deadline = Deadline(OcrLimits(page_seconds=60, document_seconds=600))
    clock = deadline.page(3)
    assert 0 < clock.seconds_left() <= 60
    deadline.stopped.set()
    with pytest.raises(OcrTimeout) as caught:
        clock.seconds_left()
    assert caught.value.code == "document.ocr_timeout" and "Page 3" in str(caught.value)


def test_a_page_clock_never_outlasts_its_document() -> None:
    clock = Deadline(OcrLimits(page_seconds=60, document_seconds=0.0)).page(1)
    with pytest.raises(OcrTimeout) as caught:
        clock.seconds_left()
    assert caught.value.code == "document.ocr_deadline"


def test_limits_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENDORSE_MAX_PAGE_PIXELS", "1234")
    monkeypatch.setenv("ENDORSE_OCR_PAGE_SECONDS", "7.5")
    monkeypatch.setenv("ENDORSE_OCR_DOCUMENT_SECONDS", "90")
    assert recipe.ocr_limits(Settings()) == OcrLimits(1234, 7.5, 90.0)


class Recorder:
    """A `recipe.Progress` that keeps what it was told."""

    def __init__(self) -> None:
        self.claimed_total = 0
        self.results: list[DocumentResult] = []

    def claimed(self, documents: int) -> None:
        self.claimed_total += documents

    def extracted(self, result: DocumentResult) -> None:
        self.results.append(result)


def test_the_intake_records_a_document_over_a_limit_and_goes_on(golden: Path, tmp_path: Path) -> None:
    folder = tmp_path / "intake" / "cand-1"
    folder.mkdir(parents=True)
    for name in (SCAN, TEXT):
        shutil.copy(golden / name, folder / name)
    settings = Settings(home=tmp_path / "home", stable_seconds=0, max_page_pixels=1_000_000)
    progress = Recorder()
    summary = recipe.process_intake(tmp_path / "intake", settings, progress=progress)
    assert summary.extracted == 2 and summary.failed == [f"cand-1/{SCAN}"]
    assert progress.claimed_total == len(progress.results) == 2
    by_name = {r.filename: r for r in progress.results}
    assert by_name[SCAN].flags[0].code == "document.too_many_pixels"
    assert by_name[TEXT].status.value != "failure" and by_name[TEXT].pages >= 1


def test_reading_a_page_leaves_no_image_data_cached(golden: Path) -> None:
    """pdfminer keeps every object it resolved; a long scan kept all its pages' JPEG streams."""
    with pdfplumber.open(golden / LONG_SCAN) as pdf:
        for page in pdf.pages:
            assert page.images  # the page is a scan: one image
            page.extract_words()
            page.close()
            _forget_images(pdf)
            cached = [obj for obj, _ in pdf.doc._cached_objs.values() if getattr(obj, "attrs", {}).get("Subtype")]
            assert not [obj for obj in cached if obj.attrs["Subtype"].name == "Image"]


def test_a_deadline_travels_to_another_process_as_the_time_left() -> None:
    import pickle

    deadline = Deadline(OcrLimits(page_seconds=60, document_seconds=100))
    deadline.ends -= 40  # 40 s of the document's time already spent
    copy = pickle.loads(pickle.dumps(deadline))
    assert 59 < copy.ends - time.monotonic() <= 60 and copy.limits == deadline.limits
    assert not copy.stopped.is_set()
    deadline.stopped.set()
    with pytest.raises(OcrTimeout):
        pickle.loads(pickle.dumps(deadline)).page(1).seconds_left()
