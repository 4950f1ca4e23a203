"""Page images for the item screen: rendered once from the archived PDF (pypdfium2) or image, cached in the home."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from pipeline import pictures

SCALE = 2.0  # 144 dpi: sharp enough when zoomed to a region


@dataclass(frozen=True)
class PageImage:
    """A cached PNG of one page and the page's size in PDF points."""

    path: Path
    width: float
    height: float


def cache_dir(home: Path) -> Path:
    return home / "pages"


def page_image(home: Path, sha256: str, archive_path: Path, page: int) -> PageImage:
    """The page's PNG from the cache, rendering it first if it is not there yet (atomic rename)."""
    folder = cache_dir(home) / sha256
    png, meta = folder / f"{page}.png", folder / f"{page}.json"
    if png.exists() and meta.exists():
        size = json.loads(meta.read_text())
        return PageImage(png, size["width"], size["height"])
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    render = _picture if pictures.is_image(archive_path) else _pdf_page
    image, width, height = render(archive_path, page)
    _atomic_write(png, lambda path: image.save(path, format="PNG"))
    _atomic_write(meta, lambda path: Path(path).write_text(json.dumps({"width": width, "height": height})))
    return PageImage(png, width, height)


def _pdf_page(archive_path: Path, page: int) -> tuple[Image.Image, float, float]:
    pdf = pdfium.PdfDocument(str(archive_path))
    try:
        if not 1 <= page <= len(pdf):
            raise KeyError(f"page {page} of {len(pdf)}")
        rendered = pdf[page - 1]
        width, height = rendered.get_size()
        return rendered.render(scale=SCALE).to_pil(), width, height
    finally:
        pdf.close()


def _picture(archive_path: Path, page: int) -> tuple[Image.Image, float, float]:
    """A page of a document sent as an image: upright as the reader saw it, scaled like a PDF render."""
    image, width, height = pictures.page_picture(archive_path, page)
    return image.resize((round(width * SCALE), round(height * SCALE)), Image.Resampling.LANCZOS), width, height


def _atomic_write(target: Path, write: object) -> None:
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
    os.close(handle)
    try:
        write(temporary)  # type: ignore[operator]
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def region(bbox: tuple[float, float, float, float], width: float, height: float,
           margin: float = 48.0) -> tuple[float, float, float, float]:
    """The view box (x, y, w, h) around an item's boxes: their neighbourhood, at least half the page wide."""
    x0, top, x1, bottom = bbox
    view_w = min(width, max(x1 - x0 + 2 * margin, width / 2))
    view_h = min(height, max(bottom - top + 2 * margin, view_w * 0.45))
    x = min(max(0.0, (x0 + x1) / 2 - view_w / 2), width - view_w)
    y = min(max(0.0, (top + bottom) / 2 - view_h / 2), height - view_h)
    return round(x, 1), round(y, 1), round(view_w, 1), round(view_h, 1)
