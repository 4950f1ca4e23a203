"""Photos and scans sent as images (JPEG, PNG, TIFF, HEIC): each frame a page, turned upright, read with OCR.

Orientation is fixed twice: first by the EXIF orientation tag (a phone stores the sensor's pixels and a tag
saying how to turn them), then by the text (`ocr.ocr_image` detects a page still lying at 90 or 180 degrees).
A page's size in points comes from the resolution the file states when it is plausible for a page; phones
state 72 dpi whatever they photographed, so otherwise the long side is taken as a letter page's 11 inches.
Only word boxes depend on that guess, never the values read.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PIL import ExifTags, Image, ImageOps, TiffImagePlugin, UnidentifiedImageError

from extractors.errors import DocumentError
from extractors.ocr import ocr_image
from extractors.preflight import sniff
from pipeline.models import Page, Word

try:
    import pillow_heif

    pillow_heif.register_heif_opener()
    HEIC_SUPPORTED = True
except ImportError:  # pragma: no cover - the wheel is a dependency; without it HEIC files fail with a code
    HEIC_SUPPORTED = False

log = logging.getLogger(__name__)

IMAGE_TYPES = frozenset({"jpeg", "png", "tiff", "heic"})
"""The types `preflight.sniff` names that are read as images."""
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".jpe", ".png", ".tif", ".tiff", ".heic", ".heif"})
LETTER_LONG_SIDE = 11.0
"""Inches: the long side of the page a photo is assumed to show when the file states no usable resolution."""
PLAUSIBLE_LONG_SIDE = (4.0, 17.0)
"""Inches: a stated resolution is used when it makes the image's long side a page's, from a card to a ledger."""
MIN_DPI = 70
MAX_PIXELS = Image.MAX_IMAGE_PIXELS or 89_478_485
"""Pixels per page (about 89 million, Pillow's own warning line); Pillow itself refuses twice that on opening."""
DECODE_ERRORS = (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError,
                 KeyError, ZeroDivisionError)
"""What Pillow and its plugins raise on a damaged file: the image is unreadable."""


@dataclass(frozen=True)
class Frame:
    """One page of an image file: which frame it is, its upright size in pixels and the resolution used."""

    index: int
    width: int
    height: int
    dpi: int
    dpi_stated: bool

    @property
    def size_in_points(self) -> tuple[float, float]:
        return self.width * 72.0 / self.dpi, self.height * 72.0 / self.dpi


def is_image(path: Path) -> bool:
    """Read as an image: an image's bytes under any name but `.pdf`, or an image's name over anything not a PDF.

    An image named `.pdf` stays a PDF that is not one (`document.not_pdf`): its name and its content disagree.
    """
    file_type, _ = sniff(path)
    if file_type in {"pdf", "empty"}:
        return False
    suffix = path.suffix.lower()
    return suffix in IMAGE_SUFFIXES or (file_type in IMAGE_TYPES and suffix != ".pdf")


def read_image_pages(path: Path, *, ocr_workers: int = 2, max_pages: int | None = None,
                     max_pixels: int = MAX_PIXELS) -> list[Page]:
    """Every page of an image file as OCR'd words; a file that cannot be decoded raises DocumentError."""
    frames = survey_frames(path, max_pages=max_pages, max_pixels=max_pixels)
    with ThreadPoolExecutor(max_workers=max(1, ocr_workers)) as pool:
        readings = list(pool.map(lambda frame: ocr_frame(path, frame), frames))
    pages = []
    for number, (frame, (words, rotation)) in enumerate(zip(frames, readings, strict=True), start=1):
        width, height = frame.size_in_points
        pages.append(Page(number=number, width=width, height=height, words=words, source="ocr", rotation=rotation))
    return pages


def survey_frames(path: Path, *, max_pages: int | None = None, max_pixels: int = MAX_PIXELS) -> list[Frame]:
    """The file's pages (headers only, nothing decoded), each checked against the pixel limit."""
    with open_image(path) as image:
        indexes = page_frames(image)
        if max_pages is not None and len(indexes) > max_pages:
            raise DocumentError(f"{path.name} has {len(indexes)} pages, over the limit of {max_pages}: "
                                "ask for the pages that hold the evidence.", "document.too_many_pages")
        frames = []
        for index in indexes:
            _seek(path, image, index)
            frames.append(_frame(path, image, index, max_pixels))
    return frames


def ocr_frame(path: Path, frame: Frame) -> tuple[list[Word], int]:
    """Decode one frame, turn it upright by its EXIF tag and OCR it; stateless, so it runs in any worker."""
    return ocr_image(upright_frame(path, frame.index), frame.dpi)


def upright_frame(path: Path, index: int) -> Image.Image:
    """One frame decoded in grayscale, turned as its EXIF orientation says."""
    with open_image(path) as image:
        _seek(path, image, index)
        try:
            return ImageOps.exif_transpose(image).convert("L")
        except DECODE_ERRORS as exc:
            raise _undecodable(path, exc) from exc


def page_picture(path: Path, number: int) -> tuple[Image.Image, float, float]:
    """Page `number` (from 1) as the reader saw it before OCR, with its size in points: for the review screen."""
    frames = survey_frames(path)
    if not 1 <= number <= len(frames):
        raise KeyError(f"page {number} of {len(frames)}")
    frame = frames[number - 1]
    return upright_frame(path, frame.index), *frame.size_in_points


@contextmanager
def open_image(path: Path) -> Iterator[Image.Image]:
    """Open an image lazily (headers only); the decompression-bomb guard and a bad file become our errors."""
    if sniff(path)[0] == "heic" and not HEIC_SUPPORTED:
        raise DocumentError(f"{path.name} is a HEIC photo and HEIC support (pillow-heif) is not installed: "
                            "ask for the photo as JPEG or PDF.", "image.heic_unsupported")
    try:
        image = Image.open(path)
    except Image.DecompressionBombError as exc:
        raise _too_many_pixels(path, None) from exc
    except DECODE_ERRORS as exc:
        raise _undecodable(path, exc) from exc
    try:
        yield image
    finally:
        image.close()


def page_frames(image: Image.Image) -> list[int]:
    """Frames that are pages: every TIFF frame but reduced-size previews; only the first of any other format.

    A phone's JPEG may carry a second picture (MPO preview or depth map) and a HEIC a burst: not pages.
    """
    if not isinstance(image, TiffImagePlugin.TiffImageFile):
        return [0]
    pages = []
    for index in range(getattr(image, "n_frames", 1)):
        image.seek(index)
        if not int(image.tag_v2.get(254, 0)) & 1:  # NewSubfileType bit 0: a reduced-resolution copy
            pages.append(index)
    return pages


def _seek(path: Path, image: Image.Image, index: int) -> None:
    try:
        image.seek(index)
    except Image.DecompressionBombError as exc:
        raise _too_many_pixels(path, None) from exc
    except DECODE_ERRORS as exc:
        raise _undecodable(path, exc) from exc


def _frame(path: Path, image: Image.Image, index: int, max_pixels: int) -> Frame:
    """The frame's upright size (EXIF orientations 5-8 swap the sides) and the resolution to read it at."""
    width, height = image.size
    if width * height > max_pixels:
        raise _too_many_pixels(path, width * height, max_pixels)
    if image.getexif().get(ExifTags.Base.Orientation, 1) in {5, 6, 7, 8}:
        width, height = height, width
    stated = _stated_dpi(image, max(width, height))
    dpi = stated or max(MIN_DPI, round(max(width, height) / LETTER_LONG_SIDE))
    if stated is None:
        log.debug("image frame %d: no usable resolution stated; assumed %d dpi (a letter page)", index, dpi)
    return Frame(index, width, height, dpi, stated is not None)


def _stated_dpi(image: Image.Image, long_side: int) -> int | None:
    """The resolution the file states, when it is one a page could have been scanned or photographed at."""
    stated = image.info.get("dpi")
    try:
        dpi = round(float(stated[0])) if stated else 0
    except (TypeError, ValueError, IndexError):
        return None
    low, high = PLAUSIBLE_LONG_SIDE
    return dpi if dpi >= MIN_DPI and low <= long_side / dpi <= high else None


def _too_many_pixels(path: Path, pixels: int | None, limit: int = MAX_PIXELS) -> DocumentError:
    size = f"{pixels:,} pixels" if pixels else f"more than twice {MAX_PIXELS:,} pixels"
    return DocumentError(f"{path.name} is an image of {size}, over the limit of {limit:,} a page (it may be a "
                         "decompression bomb): ask for a smaller photo or scan.", "image.too_many_pixels")


def _undecodable(path: Path, exc: BaseException) -> DocumentError:
    return DocumentError(f"{path.name} could not be decoded as an image ({type(exc).__name__}): "
                         "it may be damaged or cut short; ask for it again.", "image.undecodable")
