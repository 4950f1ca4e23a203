"""One document from file to result: page text, layout, classify, find spans, the kind's extractor."""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable
from concurrent.futures import Executor
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from pdfplumber.utils.exceptions import MalformedPDFException

from extractors import (
    EXTRACTOR_VERSION,
    employment,
    ethics,
    exam,
    images,
    membership,
    preflight,
    reference,
    supervision,
    training,
    transcript,
)
from extractors.classify import classify, close_call
from extractors.errors import DocumentError, EncryptedPdf
from extractors.fields import Extraction
from extractors.layout import DocText, build_text
from extractors.nlp import Evidence, find_patterns
from extractors.ocr import LimitExceeded, OcrLimits
from extractors.pagetext import _PDFIUM, read_pages
from pipeline.models import DocumentKind, DocumentResult, DocumentStatus, Flag, Page

KindExtractor = Callable[[DocText, list[Evidence]], Extraction]

PARSER_ERRORS = (IndexError, ValueError, KeyError, TypeError, AttributeError, AssertionError, OverflowError,
                 ZeroDivisionError, RecursionError, pdfium.PdfiumError, MalformedPDFException)
"""What pdfminer and PDFium raise on a damaged file (found by bench/robustness.py's fuzzer): the file is unreadable."""

EXTRACTORS: dict[DocumentKind, KindExtractor] = {
    DocumentKind.TRANSCRIPT: transcript.extract,
    DocumentKind.TRAINING_CERTIFICATE: training.extract,
    DocumentKind.SUPERVISION_LOG: supervision.extract,
    DocumentKind.REFERENCE_RATING: reference.extract,
    DocumentKind.ETHICS_AGREEMENT: ethics.extract,
    DocumentKind.EXAM_RESULT: exam.extract,
    DocumentKind.MEMBERSHIP: membership.extract,
    DocumentKind.EMPLOYMENT_VERIFICATION: employment.extract,
}


def sha256_of(path: Path) -> str:
    """The file's sha256, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def extract_document(path: Path, document: str | None = None, *, ocr_workers: int = 2,
                     max_pages: int | None = None, limits: OcrLimits | None = None,
                     pool: Executor | None = None) -> DocumentResult:
    """Everything one document yields; a document that cannot be read becomes a failed result, not an error.

    `pool`, when given, OCRs the pages of a PDF (a Dask cluster's executor); otherwise `ocr_workers` threads.
    """
    document = document or sha256_of(path)
    try:
        if images.is_image(path):  # photos and image scans: each frame a page, read with OCR
            pages = images.read_image_pages(path, ocr_workers=ocr_workers, max_pages=max_pages,
                                            max_pixels=(limits or OcrLimits()).max_page_pixels)
            notes: list[Flag] = []
        else:
            survey = preflight.survey(path, document)
            _check_page_count(path, survey, max_pages)
            pages, notes = _read_whole(path, document, survey, ocr_workers=ocr_workers, max_pages=max_pages,
                                       limits=limits, pool=pool)
    except DocumentError as exc:
        return failed_result(path, document, exc.code, str(exc))
    result = _extract_pages(path, document, pages)
    result.flags = notes + result.flags
    if notes and result.status is DocumentStatus.SUCCESS:
        result.status = DocumentStatus.PARTIAL
    return result


def _extract_pages(path: Path, document: str, pages: list[Page]) -> DocumentResult:
    """Layout, kind and the kind's extractor over pages already read."""
    doc = build_text(document, pages)
    kind, _score = classify(doc)
    result = DocumentResult(document=document, filename=path.name, kind=kind, pages=len(pages),
                            extractor_version=EXTRACTOR_VERSION)
    if not doc.words:
        result.flags.append(Flag(code="document.no_text", message="No words could be read on any page.",
                                 document=document))
        result.status = DocumentStatus.PARTIAL
        return result
    if kind is DocumentKind.UNKNOWN:
        result.flags.append(Flag(code="document.kind_unknown", document=document,
                                 message="The document's kind could not be recognised; a person must sort it."))
        return result
    extraction = EXTRACTORS[kind](doc, find_patterns(doc.text))
    result.items, result.official = extraction.items, extraction.official
    result.flags = extraction.flags
    if (runner_up := close_call(doc)) is not None:
        result.flags.append(Flag(code="document.kind_uncertain", document=document,
                                 message=f"Read as {kind.value}, but it reads almost as much like {runner_up}; "
                                         "check the document's kind."))
    if extraction.flags:
        result.status = DocumentStatus.PARTIAL
    return result


def _check_page_count(path: Path, survey: preflight.Survey, max_pages: int | None) -> None:
    """PDFium's count catches a page tree that repeats one page thousands of times (pdfminer counts it once)."""
    if max_pages is not None and survey.pdfium_pages is not None and survey.pdfium_pages > max_pages:
        raise DocumentError(f"{path.name} has {survey.pdfium_pages} pages, over the limit of {max_pages}: "
                            "ask for the pages that hold the evidence.", "document.too_many_pages")


def _read_whole(path: Path, document: str, survey: preflight.Survey, **options: Any) -> tuple[list[Page], list[Flag]]:
    """The pages, from the file as it is or, when pdfminer sees fewer pages than PDFium, from a repaired copy."""
    notes = survey.notes + _truncation_note(path, document, survey)
    failure: DocumentError | None = None
    try:
        pages = _read_pages(path, options)
    except EncryptedPdf as exc:
        raise EncryptedPdf(f"{exc}: ask for a copy without a password (the password itself must not be sent).") from exc
    except LimitExceeded:
        raise
    except DocumentError as exc:
        pages, failure = [], exc
    if survey.pdfium_pages and len(pages) < survey.pdfium_pages:
        repaired = _repaired_pages(path, options)
        if len(repaired) > len(pages):
            pages = repaired
            notes.append(Flag(code="document.repaired", document=document,
                              message="The PDF's structure was damaged; it was read from a repaired copy (the "
                                      "original is kept as it came). Check that no page is missing."))
    if pages:
        return pages, notes
    if survey.truncated:
        raise DocumentError(f"{path.name} is cut short (it does not end like a PDF) and could not be read: "
                            "ask for a complete copy.", "document.truncated")
    if failure is not None:
        raise DocumentError(f"{failure}: ask for the file again, or for a new export of it.", failure.code)
    raise DocumentError(f"{path.name} is a PDF with no pages: ask for the document again.", "document.no_pages")


def _truncation_note(path: Path, document: str, survey: preflight.Survey) -> list[Flag]:
    if not survey.truncated:
        return []
    return [Flag(code="document.truncated", document=document,
                 message=f"{path.name} does not end like a whole PDF; what could be read was read. "
                         "Ask for a complete copy if pages are missing.")]


def _repaired_pages(path: Path, options: dict[str, Any]) -> list[Page]:
    """Let PDFium rebuild the cross-reference table into a private temporary copy and read that."""
    with tempfile.TemporaryDirectory(prefix="endorse-repair-") as folder:
        copy = Path(folder) / "repaired.pdf"
        with _PDFIUM:
            try:
                pdf = pdfium.PdfDocument(str(path))
            except pdfium.PdfiumError:
                return []
            try:
                pdf.save(str(copy))
            finally:
                pdf.close()
        try:
            return _read_pages(copy, options)
        except DocumentError:
            return []


def _read_pages(path: Path, options: dict[str, Any]) -> list[Page]:
    """`read_pages`, with a library's own error on a damaged file turned into ours."""
    try:
        return read_pages(path, **options)
    except DocumentError:
        raise
    except PARSER_ERRORS as exc:
        raise DocumentError(f"{path.name} could not be parsed as a PDF ({type(exc).__name__})") from exc


def failed_result(path: Path, document: str, code: str, message: str) -> DocumentResult:
    """A document that yielded nothing, with the flag that says why."""
    return DocumentResult(document=document, filename=path.name, kind=DocumentKind.UNKNOWN, pages=0,
                          status=DocumentStatus.FAILURE, extractor_version=EXTRACTOR_VERSION,
                          flags=[Flag(code=code, message=message, document=document)])
