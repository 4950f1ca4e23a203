"""Per page, words with boxes: the text layer when it is usable, OCR of a 300-dpi render when not."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException
from PIL import Image

from extractors.errors import DocumentError, EncryptedPdf, NotAPdf
from extractors.ocr import ocr_image
from pipeline.models import Page, Word

log = logging.getLogger(__name__)

OCR_DPI = 300
MIN_TEXT_WORDS = 5
MIN_READABLE_SHARE = 0.8
_PDFIUM = threading.Lock()
"""PDFium is not thread-safe, even across documents: renders are serialised (about 10 ms a page), OCR is not."""


def read_pages(path: Path, *, ocr_workers: int = 2, dpi: int = OCR_DPI, max_pages: int | None = None) -> list[Page]:
    """Every page of a PDF as words; pages without a usable text layer are OCR'd, in parallel threads."""
    check_is_pdf(path)
    layers = list(_text_layers(path, max_pages))
    need_ocr = [i for i, (words, _, _) in enumerate(layers) if not usable_text_layer(words)]
    ocr_results = _ocr_pages(path, need_ocr, ocr_workers, dpi)
    pages = []
    for index, (words, width, height) in enumerate(layers):
        if index in ocr_results:
            ocr_words, rotation = ocr_results[index]
            pages.append(Page(number=index + 1, width=width, height=height, words=ocr_words,
                              source="ocr", rotation=rotation))
        else:
            pages.append(Page(number=index + 1, width=width, height=height, words=words, source="text_layer"))
    return pages


def check_is_pdf(path: Path) -> None:
    """Raise NotAPdf unless the file starts with the PDF signature (within the first KiB, as readers allow)."""
    with path.open("rb") as handle:
        head = handle.read(1024)
    if b"%PDF-" not in head:
        raise NotAPdf(f"{path.name} is not a PDF (no %PDF- signature)")


def usable_text_layer(words: list[Word]) -> bool:
    """A text layer is usable when it has a few words and most of their characters are readable."""
    if len(words) < MIN_TEXT_WORDS:
        return False
    text = "".join(w.text for w in words)
    if "(cid:" in text:
        return False
    readable = sum(ch.isprintable() and ch != "\ufffd" for ch in text)
    return readable / max(len(text), 1) >= MIN_READABLE_SHARE


def _text_layers(path: Path, max_pages: int | None = None) -> Iterator[tuple[list[Word], float, float]]:
    """Text-layer words and page size of each page, one page in memory at a time."""
    try:
        with pdfplumber.open(path) as pdf:
            if max_pages is not None and len(pdf.pages) > max_pages:
                raise DocumentError(f"{path.name} has {len(pdf.pages)} pages, over the limit of {max_pages}",
                                    "document.too_many_pages")
            for page in pdf.pages:
                words = [
                    Word(text=w["text"], bbox=(w["x0"], w["top"], w["x1"], w["bottom"]),
                         confidence=1.0, source="text_layer")
                    for w in page.extract_words(use_text_flow=False, keep_blank_chars=False)
                ]
                yield words, float(page.width), float(page.height)
                page.close()
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise EncryptedPdf(f"{path.name} is password-protected") from exc
        raise DocumentError(f"{path.name} could not be parsed as a PDF ({type(cause).__name__})") from exc
    except (PDFSyntaxError, ValueError, KeyError, TypeError, AssertionError) as exc:
        raise DocumentError(f"{path.name} could not be parsed as a PDF ({type(exc).__name__})") from exc


def _ocr_pages(path: Path, indexes: list[int], workers: int, dpi: int) -> dict[int, tuple[list[Word], int]]:
    """OCR the given pages; tesseract runs as a child process, so threads keep both cores busy."""
    if not indexes:
        return {}
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        results = pool.map(lambda i: ocr_pdf_page(path, i, dpi), indexes)
        return dict(zip(indexes, results, strict=True))


def ocr_pdf_page(path: Path, index: int, dpi: int = OCR_DPI) -> tuple[list[Word], int]:
    """Render one page and OCR it; stateless, so it can run in a thread, process or cluster."""
    return ocr_image(render_page(path, index, dpi), dpi)


def render_page(path: Path, index: int, dpi: int, *, grayscale: bool = True) -> Image.Image:
    """One page as an image (pypdfium2); every render in the process goes through here, under one lock."""
    with _PDFIUM:
        try:
            pdf = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as exc:
            raise DocumentError(f"{path.name} could not be rendered ({exc})") from exc
        try:
            return pdf[index].render(scale=dpi / 72.0, grayscale=grayscale).to_pil()
        finally:
            pdf.close()
