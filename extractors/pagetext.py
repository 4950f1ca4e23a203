"""Per page, words with boxes: the text layer when it is usable, OCR of a 300-dpi image when not.

A scanned page with a few typed words on it (a form filled in after scanning, a stamp) has a text layer,
but only a partial one: it is OCR'd too, and its words merged with the layer's, each word once.

Pages stream: the text layer is read one page at a time, and a page that needs OCR goes to a worker
thread at once, which makes its image, reads it and drops it; only words stay. Nothing grows with the
page count but the words themselves.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Iterator
from concurrent.futures import FIRST_EXCEPTION, Executor, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import spacy.util
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfinterp import LITERAL_IMAGE
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.pdftypes import PDFStream
from pdfplumber.utils.exceptions import PdfminerException
from PIL import Image

from extractors.errors import DocumentError, EncryptedPdf, NotAPdf
from extractors.nlp import MODEL
from extractors.ocr import Deadline, LimitExceeded, OcrLimits, ocr_image, prepare
from pipeline.models import Page, Word

log = logging.getLogger(__name__)

OCR_DPI = 300
MIN_TEXT_WORDS = 5
MIN_READABLE_SHARE = 0.8
SCANNED_COVER = 0.5
"""A page whose images cover at least half of it may be a scan."""
PARTIAL_LAYER_WORDS = 40
"""A page that may be a scan, with fewer text-layer words than this, has a partial layer: a few typed fields,
not the text of a whole page (the corpus's single-page documents carry 45-300 words)."""
SAME_PLACE = 0.5
"""An OCR word is the text layer's own when at least half of its box lies inside a text-layer word's box."""
SPLIT_GAP = 0.6
"""Two OCR words on a line are one word cut by a spurious space only if the gap between them is under this
share of the line's height (a typed word space is about a third of it; a column gap is many times it)."""
_PDFIUM = threading.Lock()
"""PDFium is not thread-safe, even across documents: renders are serialised (10-200 ms a page), OCR is not."""


@dataclass
class TextLayer:
    """One page's text-layer words, its size in points and the pixel sizes of the images it holds."""

    words: list[Word]
    width: float
    height: float
    image_sizes: list[tuple[int, int]] = field(default_factory=list)
    image_cover: float = 0.0
    """The share of the page under its images (their boxes added, at most 1)."""

    def needs_ocr(self) -> bool:
        """No usable text layer, or a partial one over a scan."""
        return not usable_text_layer(self.words) or self.partial()

    def partial(self) -> bool:
        """A page that may be a scan with only a few words in its text layer (typed fields, a stamp)."""
        return self.image_cover >= SCANNED_COVER and len(self.words) < PARTIAL_LAYER_WORDS


def read_pages(path: Path, *, ocr_workers: int = 2, dpi: int = OCR_DPI, max_pages: int | None = None,
               limits: OcrLimits | None = None, pool: Executor | None = None) -> list[Page]:
    """Every page of a PDF as words; a page without a usable text layer is OCR'd in a worker thread.

    `pool` runs the OCR of pages instead of the document's own threads: a Dask cluster's executor fans
    a document's pages out over its workers (`ocr_pdf_page` is stateless and picklable; the file must be
    at the same path there). A page too big to render within `limits.max_page_pixels`, or OCR running
    past the page's or the document's time limit, fails the document (DocumentError with its code).
    """
    check_is_pdf(path)
    limits = limits or OcrLimits()
    deadline = Deadline(limits)
    layers: list[TextLayer] = []
    ocr: dict[int, Future[tuple[list[Word], int]]] = {}
    executor = pool if pool is not None else ThreadPoolExecutor(max_workers=max(1, ocr_workers))
    try:
        for index, layer in enumerate(_text_layers(path, max_pages)):
            if layer.needs_ocr():
                check_pixels(path, index, layer, dpi, limits.max_page_pixels)
                ocr[index] = executor.submit(ocr_pdf_page, path, index, dpi, deadline)
            layers.append(layer)
        results = _collect(ocr)
    except BaseException:
        deadline.stopped.set()  # pages running stop at their next tesseract run, pages waiting never start
        for future in ocr.values():
            future.cancel()
        if pool is None:
            executor.shutdown(wait=False, cancel_futures=True)
        raise
    if pool is None:
        executor.shutdown()
    return rejoin_split_words([_page(index, layer, results.get(index)) for index, layer in enumerate(layers)])


def _collect(futures: dict[int, Future[tuple[list[Word], int]]]) -> dict[int, tuple[list[Word], int]]:
    """Every page's OCR result, or the first page's error as soon as it happens."""
    wait(futures.values(), return_when=FIRST_EXCEPTION)
    return {index: future.result() for index, future in futures.items()}


def _page(index: int, layer: TextLayer, ocr: tuple[list[Word], int] | None) -> Page:
    if ocr is None:
        return Page(number=index + 1, width=layer.width, height=layer.height, words=layer.words, source="text_layer")
    words, rotation = ocr
    if rotation == 0 and layer.words and readable_layer(layer.words):
        words = merge_words(layer.words, words)
    return Page(number=index + 1, width=layer.width, height=layer.height, words=words, source="ocr",
                rotation=rotation)


def merge_words(layer: list[Word], ocr: list[Word]) -> list[Word]:
    """The text layer's words, and the OCR words that are not already among them, in reading order.

    PDFium renders visible typed words into the image, so OCR reads them again: an OCR word lying mostly
    inside a text-layer word's box is that word, and the text layer's exact reading is kept. (On a page
    OCR found turned, the boxes are in another frame: the OCR words alone are used; they read the typed
    words too.)
    """
    kept = [word for word in ocr if not any(_inside(word.bbox, typed.bbox) >= SAME_PLACE for typed in layer)]
    return sorted([*layer, *kept], key=lambda w: (round(w.bbox[1]), w.bbox[0]))


def rejoin_split_words(pages: list[Page]) -> list[Page]:
    """OCR pages with each word that OCR cut in two by a spurious space ("communi ty") made one again.

    Two neighbours on a line are joined only when the joined form is a word, known to the document itself
    (written whole anywhere in it) or to the English model's vocabulary, and at most one of the two parts
    is a word of its own: two real words ("a part", "to day") are never joined.
    """
    own = {_bare(word.text) for page in pages for word in page.words}
    return [page.model_copy(update={"words": _rejoined(page.words, own)}) if page.source == "ocr" else page
            for page in pages]


def _rejoined(words: list[Word], own: set[str]) -> list[Word]:
    out: list[Word] = []
    for word in words:
        if out and _split_pair(out[-1], word, own):
            out[-1] = _joined(out[-1], word)
        else:
            out.append(word)
    return out


def _split_pair(left: Word, right: Word, own: set[str]) -> bool:
    """`left` and `right` are one word OCR cut in two: close on one line, whole a word, not two words.

    The parts are weighed against the English vocabulary alone: the document holds them too, as read.
    """
    height = max(left.bbox[3], right.bbox[3]) - min(left.bbox[1], right.bbox[1])
    overlap = min(left.bbox[3], right.bbox[3]) - max(left.bbox[1], right.bbox[1])
    gap = right.bbox[0] - left.bbox[2]
    if height <= 0 or overlap < 0.5 * height or not -0.1 * height <= gap < SPLIT_GAP * height:
        return False
    if not (_WORD_END.fullmatch(left.text) and _WORD_START.fullmatch(right.text)):
        return False
    first, second, english = _bare(left.text), _bare(right.text), english_words()
    whole = first + second
    return (whole in english or whole in own) and not (first in english and second in english)


_WORD_END = re.compile(r"[(\"'\u201c]?[A-Za-z]+")
"""The first part of a cut word: letters to its end (a word ending in a stop or a comma is whole)."""
_WORD_START = re.compile(r"[a-z]+[.,;:)\"'\u201d]?")
"""The rest of a cut word: lowercase letters (a capital begins a word of its own), then any punctuation."""


def _bare(text: str) -> str:
    return text.strip(".,;:()\"'\u201c\u201d").lower()


def _joined(left: Word, right: Word) -> Word:
    box = (left.bbox[0], min(left.bbox[1], right.bbox[1]), right.bbox[2], max(left.bbox[3], right.bbox[3]))
    return left.model_copy(update={"text": left.text + right.text, "bbox": box,
                                   "confidence": min(left.confidence, right.confidence)})


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The English model's vocabulary as shipped (letters only, lowercase); empty when it is not installed.

    Read from its strings file rather than the loaded pipeline, whose store grows with every text it reads.
    """
    try:
        strings = spacy.util.get_package_path(MODEL).glob("*/vocab/strings.json")
        return frozenset(s.lower() for path in strings for s in json.loads(path.read_text()) if s.isalpha())
    except (OSError, ValueError):
        return frozenset()


def _inside(box: tuple[float, float, float, float], other: tuple[float, float, float, float]) -> float:
    """The share of `box`'s area that lies inside `other`."""
    width = min(box[2], other[2]) - max(box[0], other[0])
    height = min(box[3], other[3]) - max(box[1], other[1])
    area = (box[2] - box[0]) * (box[3] - box[1])
    return width * height / area if width > 0 and height > 0 and area > 0 else 0.0


def check_is_pdf(path: Path) -> None:
    """Raise NotAPdf unless the file starts with the PDF signature (within the first KiB, as readers allow)."""
    with path.open("rb") as handle:
        head = handle.read(1024)
    if b"%PDF-" not in head:
        raise NotAPdf(f"{path.name} is not a PDF (no %PDF- signature)")


def usable_text_layer(words: list[Word]) -> bool:
    """A text layer is usable when it has a few words and most of their characters are readable."""
    return len(words) >= MIN_TEXT_WORDS and readable_layer(words)


def readable_layer(words: list[Word]) -> bool:
    """Most characters of the words are real text (not PDF glyph ids, not replacement characters)."""
    text = "".join(w.text for w in words)
    if "(cid:" in text:
        return False
    readable = sum(ch.isprintable() and ch != "\ufffd" for ch in text)
    return readable / max(len(text), 1) >= MIN_READABLE_SHARE


def check_pixels(path: Path, index: int, layer: TextLayer, dpi: int, limit: int) -> None:
    """Refuse a page whose render, or an image on it, would be over the pixel limit (a decompression bomb).

    Checked from sizes in the file before anything is decoded: PDFium decodes a page's images whole,
    whatever the size it renders the page at.
    """
    rendered = round(layer.width * dpi / 72) * round(layer.height * dpi / 72)
    pixels = max([rendered, *(w * h for w, h in layer.image_sizes)])
    if pixels > limit:
        raise LimitExceeded(f"Page {index + 1} of {path.name} would be {pixels:,} pixels to read, over the limit of "
                            f"{limit:,} (ENDORSE_MAX_PAGE_PIXELS): ask for a copy at a normal page size and "
                            "resolution.", "document.too_many_pixels")


def _text_layers(path: Path, max_pages: int | None = None) -> Iterator[TextLayer]:
    """Each page's text layer, one page in memory at a time."""
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
                sizes = [_pixel_size(image) for image in page.images]
                layer = TextLayer(words, float(page.width), float(page.height), [s for s in sizes if s],
                                  _image_cover(page))
                page.close()
                _forget_images(pdf)
                yield layer
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise EncryptedPdf(f"{path.name} is password-protected") from exc
        raise DocumentError(f"{path.name} could not be parsed as a PDF ({type(cause).__name__})") from exc
    except (PDFSyntaxError, ValueError, KeyError, TypeError, AssertionError) as exc:
        raise DocumentError(f"{path.name} could not be parsed as a PDF ({type(exc).__name__})") from exc


def _image_cover(page: pdfplumber.page.Page) -> float:
    """The share of the page its images cover (boxes clipped to the page and added; at most 1)."""
    area = float(page.width * page.height)
    if area <= 0:
        return 0.0
    covered = 0.0
    for image in page.images:
        width = min(float(image["x1"]), float(page.width)) - max(float(image["x0"]), 0.0)
        height = min(float(image["bottom"]), float(page.height)) - max(float(image["top"]), 0.0)
        covered += max(width, 0.0) * max(height, 0.0)
    return min(covered / area, 1.0)


def _pixel_size(image: dict[str, Any]) -> tuple[int, int] | None:
    """An image's stored size in pixels, as its dictionary states it (nothing is decoded)."""
    try:
        width, height = image["srcsize"]
        return int(width), int(height)
    except (KeyError, TypeError, ValueError):
        return None


def _forget_images(pdf: pdfplumber.PDF) -> None:
    """Drop the image streams pdfminer cached for the page just read.

    pdfminer keeps every object it resolved for the document's lifetime, image data included: a
    150-page scan kept its 43 MB of JPEG streams. Fonts and other shared objects stay cached.
    """
    cache = getattr(pdf.doc, "_cached_objs", None)
    if not isinstance(cache, dict):
        return
    images = [objid for objid, (obj, _) in cache.items()
              if isinstance(obj, PDFStream) and obj.get("Subtype") is LITERAL_IMAGE]
    for objid in images:
        del cache[objid]


def ocr_pdf_page(path: Path, index: int, dpi: int = OCR_DPI,
                 deadline: Deadline | None = None) -> tuple[list[Word], int]:
    """Make one page's image and OCR it; stateless but for the shared deadline, so it runs in any worker."""
    clock = (deadline or Deadline()).page(index + 1)
    clock.seconds_left()  # the document failed or ran out of time before this page started
    prepare(dpi)  # tesseract loads its model while PDFium renders
    return ocr_image(page_image(path, index, dpi), dpi, clock)


def page_image(path: Path, index: int, dpi: int) -> Image.Image:
    """A page as a grayscale image at `dpi`, rendered by PDFium, as the OCR was tuned on.

    Decoding a scan's JPEG directly with Pillow (and scaling it) was tried: about 0.1 s a page faster and
    outside the PDFium lock, but the few grey levels it changed turned readings on noisy scans both ways
    and lost items on the tune split (t002 RS/C log: supervisor names, a 1.5 read as 5.0), so no.
    """
    return render_page(path, index, dpi)


def render_page(path: Path, index: int, dpi: int, *, grayscale: bool = True) -> Image.Image:
    """One page rendered by PDFium (page images for people, and any page that is not a plain scan).

    PDFium renders in colour and Pillow makes the grey image outside the lock: PDFium's own grey render
    took 0.14 s a page against 0.08 s, with the same pixels on the fixture scans (Pillow's ITU-R 601
    weights, rounded, are PDFium's).
    """
    with _PDFIUM:
        try:
            pdf = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as exc:
            raise DocumentError(f"{path.name} could not be rendered ({exc})") from exc
        try:
            image = pdf[index].render(scale=dpi / 72.0, rev_byteorder=True).to_pil()
        finally:
            pdf.close()
    return image.convert("L") if grayscale else image
