"""The intake's progress on a terminal: a rich bar of documents and pages done, then a pages/s line."""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from pipeline.models import DocumentResult


class IntakeBar:
    """A `recipe.Progress` that draws a bar; the total grows as each candidate's documents are claimed."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.bar = Progress(TextColumn("documents"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[pages]} pages"), TimeElapsedColumn(),
                            console=console, transient=True)
        self.task = self.bar.add_task("intake", total=0, pages=0)
        self.documents = self.pages = 0
        self.started = time.perf_counter()

    def __enter__(self) -> IntakeBar:
        self.started = time.perf_counter()
        self.bar.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.bar.stop()

    def claimed(self, documents: int) -> None:
        self.bar.update(self.task, total=(self.bar.tasks[0].total or 0) + documents)

    def extracted(self, result: DocumentResult) -> None:
        self.documents += 1
        self.pages += result.pages
        self.bar.update(self.task, advance=1, pages=self.pages)

    def summary(self) -> str:
        """One line: documents and pages read, the time and the pages per second."""
        seconds = time.perf_counter() - self.started
        rate = self.pages / seconds if seconds > 0 else 0.0
        return f"{self.documents} documents, {self.pages} pages in {seconds:.1f} s ({rate:.1f} pages/s)"
