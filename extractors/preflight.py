"""Before a file is parsed: what it really is, whether it is whole, and what active content it carries.

Nothing here runs or opens the active content: JavaScript and attachments are counted (PDFium's
document-level counts, which see inside object streams, and a byte scan for what PDFium misses) and
become flags a person sees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractors.errors import DocumentError, NotAPdf
from extractors.pagetext import _PDFIUM
from pipeline.models import Flag

SIGNATURES: list[tuple[bytes, str, str]] = [
    (b"%PDF-", "pdf", "a PDF"),
    (b"\x89PNG\r\n\x1a\n", "png", "a PNG image"),
    (b"\xff\xd8\xff", "jpeg", "a JPEG image"),
    (b"II*\x00", "tiff", "a TIFF image"),
    (b"MM\x00*", "tiff", "a TIFF image"),
    (b"GIF8", "gif", "a GIF image"),
    (b"PK\x03\x04", "zip", "a ZIP archive or Office file (docx, xlsx)"),
    (b"\xd0\xcf\x11\xe0", "office", "an old Office file (doc, xls)"),
    (b"{\\rtf", "rtf", "an RTF document"),
]
"""Leading bytes of the formats people send instead of a PDF: (signature, type, how a person calls it)."""
HEAD_BYTES = 1024
TAIL_BYTES = 2048
_HTML = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<\?xml)", re.I)
_ACTIVE = {"document.javascript": re.compile(rb"/(JavaScript|JS)\b"),
           "document.embedded_file": re.compile(rb"/(EmbeddedFiles?|RichMedia)\b"),
           "document.launch_action": re.compile(rb"/Launch\b")}
_ACTIVE_MESSAGES = {
    "document.javascript": "The PDF contains JavaScript; it was not run. Check the document is what it claims to be.",
    "document.embedded_file": "The PDF carries an attached file; it was not opened or read. "
                              "Ask for the attachment as its own document if it is evidence.",
    "document.launch_action": "The PDF asks a viewer to launch a program; nothing was launched. "
                              "Treat the file with care.",
}


@dataclass
class Survey:
    """What preflight found: the type sniffed, PDFium's page count (None when it cannot open it), notes."""

    file_type: str
    pdfium_pages: int | None = None
    truncated: bool = False
    notes: list[Flag] = field(default_factory=list)


def sniff(path: Path) -> tuple[str, str]:
    """The file's real type from its first bytes: (`pdf`, `png`, `html`, ..., `empty` or `unknown`, a name)."""
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    if not head:
        return "empty", "an empty file"
    for signature, file_type, name in SIGNATURES:
        if head.startswith(signature):
            return file_type, name
    if b"%PDF-" in head:
        return "pdf", "a PDF"  # a mail header or other junk before the signature: readers allow it
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypmsf1"):
        return "heic", "a HEIC photo"
    if _HTML.match(head):
        return "html", "a web page (HTML)"
    return "unknown", "of a type not recognised (no %PDF- signature)"


def survey(path: Path, document: str) -> Survey:
    """Sniff, check the end of file, count active content; raises DocumentError for what cannot be a PDF."""
    file_type, name = sniff(path)
    if file_type == "empty":
        raise DocumentError(f"{path.name} is empty (0 bytes): ask for the file again.", "document.empty")
    if file_type != "pdf":
        raise NotAPdf(f"{path.name} is {name}, not a PDF: ask for the document as a PDF.")
    found = Survey(file_type, truncated=not _ends_like_pdf(path))
    found.pdfium_pages, counts = _pdfium_survey(path)
    codes = {code for code, count in counts.items() if count} | _scan_for_active_content(path)
    found.notes = [Flag(code=code, message=_ACTIVE_MESSAGES[code], document=document)
                   for code in _ACTIVE if code in codes]
    return found


def _ends_like_pdf(path: Path) -> bool:
    """A whole PDF ends with %%EOF (a little trailing junk is common and allowed)."""
    with path.open("rb") as handle:
        handle.seek(max(path.stat().st_size - TAIL_BYTES, 0))
        return b"%%EOF" in handle.read()


def _pdfium_survey(path: Path) -> tuple[int | None, dict[str, int]]:
    """PDFium's page, JavaScript and attachment counts; (None, {}) when PDFium cannot open the file."""
    with _PDFIUM:
        try:
            pdf = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError:  # its message may be a stale error of an earlier file: pdfminer says why
            return None, {}
        try:
            return len(pdf), {"document.javascript": pdfium_c.FPDFDoc_GetJavaScriptActionCount(pdf.raw),
                              "document.embedded_file": pdfium_c.FPDFDoc_GetAttachmentCount(pdf.raw)}
        finally:
            pdf.close()


def _scan_for_active_content(path: Path, block: int = 1 << 20) -> set[str]:
    """Names of active content in the file's bytes (uncompressed objects), read a block at a time."""
    found: set[str] = set()
    tail = b""
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(block), b""):
            window = tail + chunk
            found.update(code for code, pattern in _ACTIVE.items() if pattern.search(window))
            tail = window[-32:]
    return found
