"""The tesseract command line, started before its image is ready so that loading the model costs no time.

Every tesseract run spends about 0.2 s (on these machines) loading its model before it reads a pixel; a
scanned page takes two runs (the main read and the re-read of its doubtful words), so that start is a
fifth of the pipeline's overhead over tesseract alone. A run here is started ahead (`prepare`) with
`stdin` as its input: it loads the model, then waits for a list of image paths on its standard input
(tesseract's own file-list input), while PDFium renders the page or the main read goes on. The readings
are tesseract's, byte for byte: the same binary, arguments and image files as a run started cold.

A spare process only waits; the rest of a run is the same as pytesseract's (errors as
`pytesseract.TesseractError`, a timeout kills the process). Spares belong to the process that started
them (a forked child starts its own) and are killed at exit; if this process dies, their standard input
closes and they exit on their own.
"""

from __future__ import annotations

import atexit
import os
import subprocess
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytesseract
import pytesseract.pytesseract as runner

MAX_SPARES = 4
"""Idle processes kept at most, all arguments together (each holds the model: about 30 MB)."""

Arguments = tuple[str, ...]


class TesseractTimeout(RuntimeError):
    """A run went past its timeout and was killed (pytesseract raises RuntimeError the same way)."""

    def __init__(self) -> None:
        super().__init__("Tesseract process timeout")


class Tesseracts:
    """Tesseract runs by their arguments, each served by a process started ahead when one is waiting."""

    def __init__(self, max_spares: int = MAX_SPARES) -> None:
        self.max_spares = max_spares
        self._spares: list[tuple[Arguments, subprocess.Popen[bytes]]] = []
        self._lock = threading.Lock()
        self._owner = os.getpid()
        self.runs: dict[str, int] = {}
        """Runs by `run_key` of their arguments, for bench/speed.py and tests."""

    def prepare(self, *arguments: Arguments) -> None:
        """Start a process for each of these argument lists unless one is already waiting."""
        for args in arguments:
            with self._lock:
                self._adopt()
                waiting = any(key == args for key, _ in self._spares)
                if waiting:
                    continue
                if len(self._spares) >= self.max_spares:
                    _stop(self._spares.pop(0)[1])
                self._spares.append((args, _start(args)))

    def run(self, args: Arguments, images: Sequence[Path], timeout: float) -> dict[str, list[Any]]:
        """Read `images` (each a page of the output, numbered from 1) with `args`; TSV columns as lists.

        `args` are tesseract's options and output configs after the input and output names, for example
        ("--psm", "4", "--dpi", "300", "tsv"). A spare is started for the next run with the same arguments.
        """
        process = self._take(args) or _start(args)
        self.prepare(args)
        self.runs[run_key(args)] = self.runs.get(run_key(args), 0) + 1
        listing = "".join(f"{image}\n" for image in images).encode()
        try:
            out, err = process.communicate(listing, timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            raise TesseractTimeout() from None
        if process.returncode:
            raise pytesseract.TesseractError(process.returncode, runner.get_errors(err))
        return runner.file_to_dict(out.decode("utf-8"), "\t", -1)

    def close(self) -> None:
        """Stop every spare (at exit, and in tests); a forked child leaves its parent's alone."""
        with self._lock:
            self._adopt()
            spares, self._spares = self._spares, []
        for _, process in spares:
            _stop(process)

    def _take(self, args: Arguments) -> subprocess.Popen[bytes] | None:
        with self._lock:
            self._adopt()
            for i, (key, process) in enumerate(self._spares):
                if key == args and process.poll() is None:
                    del self._spares[i]
                    return process
        return None

    def _adopt(self) -> None:
        """In a forked child the parent's spares are not ours: forget them (the parent still uses them)."""
        if os.getpid() != self._owner:
            self._spares, self._owner, self.runs = [], os.getpid(), {}


def _start(args: Arguments) -> subprocess.Popen[bytes]:
    """A tesseract that loads its model now and reads its list of images from standard input."""
    command = [runner.tesseract_cmd, "stdin", "stdout", *args]
    env = {**os.environ, "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")}
    try:
        return subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=env)
    except FileNotFoundError as exc:
        raise pytesseract.TesseractNotFoundError() from exc


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.kill()
    process.communicate()


TESSERACT = Tesseracts()
"""The process's runs; its spares are stopped at exit."""
atexit.register(TESSERACT.close)


def run_key(args: Arguments) -> str:
    """How `Tesseracts.runs` counts a run: by its first option ('--psm 4', '--psm 7')."""
    return " ".join(args[:2])


def run_counts() -> dict[str, int]:
    """The tesseract runs of the calling process by their first arguments (a Dask worker's, called there)."""
    return dict(TESSERACT.runs)
