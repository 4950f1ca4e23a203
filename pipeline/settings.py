"""Where the data lives and the limits the pipeline works under; from the CLI, the environment or defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_HOME = Path("endorse-data")


@dataclass(frozen=True)
class Settings:
    """One place for paths and limits; every stage takes what it needs from here."""

    home: Path = field(default_factory=lambda: Path(os.environ.get("ENDORSE_HOME", DEFAULT_HOME)))
    database_url: str | None = field(default_factory=lambda: os.environ.get("ENDORSE_DATABASE_URL"))
    stable_seconds: float = 2.0
    ocr_workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    max_file_bytes: int = field(default_factory=lambda: int(os.environ.get("ENDORSE_MAX_FILE_MB", "200")) * 2**20)
    max_pages: int = field(default_factory=lambda: int(os.environ.get("ENDORSE_MAX_PAGES", "500")))
    max_page_pixels: int = field(default_factory=lambda: int(os.environ.get("ENDORSE_MAX_PAGE_PIXELS", "89478485")))
    """Pixels of a page to OCR (checked from sizes in the file before decoding); a letter page at 300 dpi is 8.4 M."""
    ocr_page_seconds: float = field(default_factory=lambda: float(os.environ.get("ENDORSE_OCR_PAGE_SECONDS", "120")))
    ocr_document_seconds: float = field(
        default_factory=lambda: float(os.environ.get("ENDORSE_OCR_DOCUMENT_SECONDS", "1800")))
    """OCR time of one document's pages together (a 500-page scan takes about 500 s on 2 cores)."""
    move_processed: bool = field(default_factory=lambda: os.environ.get("ENDORSE_MOVE_PROCESSED") == "1")
    """Move a processed file out of the intake (after its archive copy's hash is checked again); off by default."""
    processed_dir: Path | None = field(
        default_factory=lambda: Path(os.environ["ENDORSE_PROCESSED_DIR"]) if os.environ.get("ENDORSE_PROCESSED_DIR")
        else None)
    """Where moved files go, one sub-folder per candidate; None: `<intake>/../processed`."""

    @property
    def archive(self) -> Path:
        return self.home / "archive"

    @property
    def url(self) -> str:
        return self.database_url or f"sqlite:///{(self.home / 'endorse.db').resolve()}"

    @property
    def approved_supervisors_file(self) -> Path:
        """The staff's list of approved RS/C supervisors, one name a line (optional)."""
        return self.home / "approved-supervisors.txt"

    def prepare(self) -> None:
        """Create the data home and archive, readable by the owner only (transcripts hold personal data)."""
        for path in (self.home, self.archive):
            path.mkdir(parents=True, exist_ok=True)
            path.chmod(0o700)
