"""One document from file to result: page text, layout, classify, find spans, the kind's extractor."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from extractors import (
    EXTRACTOR_VERSION,
    employment,
    ethics,
    exam,
    membership,
    reference,
    supervision,
    training,
    transcript,
)
from extractors.classify import classify, close_call
from extractors.errors import DocumentError
from extractors.fields import Extraction
from extractors.layout import DocText, build_text
from extractors.nlp import Evidence, find_patterns
from extractors.pagetext import read_pages
from pipeline.models import DocumentKind, DocumentResult, DocumentStatus, Flag

KindExtractor = Callable[[DocText, list[Evidence]], Extraction]

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
                     max_pages: int | None = None) -> DocumentResult:
    """Everything one document yields; a document that cannot be read becomes a failed result, not an error."""
    document = document or sha256_of(path)
    try:
        pages = read_pages(path, ocr_workers=ocr_workers, max_pages=max_pages)
    except DocumentError as exc:
        return failed_result(path, document, exc.code, str(exc))
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


def failed_result(path: Path, document: str, code: str, message: str) -> DocumentResult:
    """A document that yielded nothing, with the flag that says why."""
    return DocumentResult(document=document, filename=path.name, kind=DocumentKind.UNKNOWN, pages=0,
                          status=DocumentStatus.FAILURE, extractor_version=EXTRACTOR_VERSION,
                          flags=[Flag(code=code, message=message, document=document)])
