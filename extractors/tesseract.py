"""The tesseract command line, kept running between pages so that its model is loaded once, not per page.

Every tesseract run spends about 0.2 s of CPU (on these machines) loading its model before it reads a pixel;
a scanned page takes two runs (the main read and the re-read of its doubtful words), so on two cores that
load was the largest part of the pipeline's cost over tesseract alone. A process here is started with
`stdin` as its input and tesseract's `stream_filelist` on: it loads the model once, then reads image paths
from its standard input as they come and writes each image's TSV as soon as it is read (`stdbuf -oL`
makes its standard output line-buffered). After a run's images the process is given a blank sentinel
image; the sentinel's page row in the output says the run's pages are complete. The readings are
tesseract's, byte for byte: the same binary, arguments and image files as a run started cold (each image
is read as a page of its own; the LSTM engine keeps no state from one page to the next).

Idle processes wait by their arguments for the next run; one serves one run at a time, so two threads
reading pages have one process each. A run past its timeout kills its process (a new one starts for the
next run), and a process is replaced after `MAX_RUNS` runs so that no leak in tesseract can grow. Where
`stdbuf` is missing, each run gets a process of its own that reads its list and exits, started ahead by
`prepare` so that the load still overlaps other work.

Processes belong to the process that started them and are killed at exit; if this process dies, their
standard input closes and they exit on their own. A forked child (a fork-started Dask or multiprocessing
worker) starts its own: at the fork it forgets its parent's processes and closes its copies of their pipes,
so that the parent's tesseracts still see end of input when the parent dies, and it takes new locks and a
new sentinel (the parent's locks may have been held by another thread at the fork; the sentinel stays the
parent's to delete). The pipes are unbuffered, so closing a copy takes no lock another thread may have held;
a fork waits while a process is being started, so no child holds pipes it does not know of.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import selectors
import shutil
import subprocess
import tempfile
import threading
import time
import weakref
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any, NoReturn

import pytesseract
import pytesseract.pytesseract as runner
from PIL import Image

MAX_IDLE = 8
"""Idle processes kept at most, all arguments together (each holds the model: about 30 MB); two threads
reading pages at two resolutions keep eight (page and word reads each)."""
MAX_RUNS = 200
"""Runs a process serves before it is replaced."""

Arguments = tuple[str, ...]
Data = dict[str, list[Any]]
COLUMNS = ("level", "page_num", "block_num", "par_num", "line_num", "word_num", "left", "top", "width", "height",
           "conf", "text")
"""Tesseract's TSV columns, as pytesseract's `image_to_data` names them."""


class TesseractTimeout(RuntimeError):
    """A run went past its timeout and was killed (pytesseract raises RuntimeError the same way)."""

    def __init__(self) -> None:
        super().__init__("Tesseract process timeout")


class Tesseracts:
    """Tesseract runs by their arguments, each served by a process that is already running when one waits."""

    def __init__(self, max_idle: int = MAX_IDLE, max_runs: int = MAX_RUNS) -> None:
        self.max_idle = max_idle
        self.max_runs = max_runs
        self.streaming = shutil.which("stdbuf") is not None
        self._idle: list[tuple[Arguments, _Process]] = []
        self._lock = threading.Lock()
        self._sentinel: Path | None = None
        self.runs: dict[str, int] = {}
        """Runs by `run_key` of their arguments, for bench/speed.py and tests."""
        forget = weakref.WeakMethod(self._forget_parent)
        os.register_at_fork(after_in_child=lambda: (method := forget()) is not None and method())

    def prepare(self, *arguments: Arguments) -> None:
        """Start a process for each of these argument lists unless one is already waiting."""
        for args in arguments:
            with self._lock:
                if any(key == args for key, _ in self._idle):
                    continue
            self._keep(args, self._start(args))

    def run(self, args: Arguments, images: Sequence[Path], timeout: float) -> Data:
        """Read `images` (each a page of the output, numbered from 1) with `args`; TSV columns as lists.

        `args` are tesseract's options and output configs after the input and output names, for example
        ("--psm", "4", "--dpi", "300", "tsv").
        """
        process = self._take(args) or self._start(args)
        with self._lock:
            self.runs[run_key(args)] = self.runs.get(run_key(args), 0) + 1
        try:
            rows = process.read(images, timeout)
        except BaseException:
            process.stop()
            raise
        if process.alive() and process.served < self.max_runs:
            self._keep(args, process)
        else:
            process.stop()
            if not self.streaming:
                self.prepare(args)  # the next run's process loads its model while this page goes on
        return _columns(rows)

    def close(self) -> None:
        """Stop every idle process (at exit, and in tests)."""
        with self._lock:
            idle, self._idle = self._idle, []
        for _, process in idle:
            process.stop()

    def _start(self, args: Arguments) -> _Process:
        if self._sentinel is None or not self._sentinel.exists():
            self._sentinel = _blank_image()
        return _Process(args, self._sentinel, self.streaming)

    def _keep(self, args: Arguments, process: _Process) -> None:
        with self._lock:
            self._idle.append((args, process))
            stopped = self._idle[:-self.max_idle] if len(self._idle) > self.max_idle else []
            del self._idle[:len(stopped)]
        for _, old in stopped:
            old.stop()

    def _take(self, args: Arguments) -> _Process | None:
        with self._lock:
            for i, (key, process) in enumerate(self._idle):
                if key == args and process.alive():
                    del self._idle[i]
                    return process
        return None

    def _forget_parent(self) -> None:
        """In a forked child: the parent's processes are not ours (the parent uses them).

        `_release_all` closes the child's copies of their pipes.
        """
        self._lock, self._idle, self._sentinel, self.runs = threading.Lock(), [], None, {}


class _Process:
    """One tesseract reading image paths from its standard input; its errors go to a file, never a full pipe."""

    def __init__(self, args: Arguments, sentinel: Path, streaming: bool) -> None:
        if shutil.which(runner.tesseract_cmd) is None:
            raise pytesseract.TesseractNotFoundError()
        self.sentinel, self.streaming, self.served = sentinel, streaming, 0
        self.pages = 0
        """Pages read so far, the sentinels among them: tesseract numbers its output pages on from there."""
        self.errors: IO[bytes] = tempfile.TemporaryFile(prefix="endorse-tesseract-")
        command = [runner.tesseract_cmd, "stdin", "stdout", *args]
        if streaming:
            command = ["stdbuf", "-oL", *command[:3], "-c", "stream_filelist=1", *args]
        env = {**os.environ, "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")}
        with _STARTING:  # a fork waits until the process is known, so a child can close its copies of the pipes
            self.popen = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                          stderr=self.errors, env=env, bufsize=0)
            _STARTED.add(self)
        self._pending = b""

    def alive(self) -> bool:
        """Whether it can serve a run: running, and streaming or not yet given its list."""
        return (self.streaming or not self.served) and self.popen.poll() is None

    def read(self, images: Sequence[Path], timeout: float) -> list[list[str]]:
        """The TSV rows of `images`, their pages numbered from 1 (a blank image gives only its page row)."""
        assert self.popen.stdin is not None and self.popen.stdout is not None
        first, ends = self.pages + 1, time.monotonic() + timeout
        listing = [*images, self.sentinel] if self.streaming else list(images)
        self.pages += len(listing)
        self.served += 1
        errors_from = self.errors.seek(0, os.SEEK_END)
        try:
            _write_all(self.popen.stdin.fileno(), "".join(f"{image}\n" for image in listing).encode())
            if not self.streaming:
                self.popen.stdin.close()
        except BrokenPipeError:
            pass  # tesseract has exited: its status and errors say why, below
        done = f"\n1\t{self.pages}\t".encode() if self.streaming else None
        out = self._output_until(done, ends)
        if out is None:  # the output ended first: tesseract exited
            self._raise_exit(errors_from, ends)
        rows = [line.split("\t") for line in out.decode("utf-8").splitlines()]
        page = COLUMNS.index("page_num")
        kept = [row for row in rows if len(row) >= len(COLUMNS) - 1 and row[page].isdigit()
                and first <= int(row[page]) < first + len(images)]
        for row in kept:
            row[page] = str(int(row[page]) - first + 1)
        return kept

    def _output_until(self, done: bytes | None, ends: float) -> bytes | None:
        """Standard output up to and with the line that starts with `done` (None: to the end).

        None when the output ends first; TesseractTimeout at `ends`. Each search starts where the last one
        could still have matched, so a long output is scanned once.
        """
        assert self.popen.stdout is not None
        fd, buffer, seen = self.popen.stdout.fileno(), bytearray(b"\n" + self._pending), 0
        with selectors.DefaultSelector() as selector:
            selector.register(fd, selectors.EVENT_READ)
            while True:
                if done is not None:
                    at = buffer.find(done, seen)
                    end = buffer.find(b"\n", at + len(done)) if at >= 0 else -1
                    if end >= 0:
                        self._pending = bytes(buffer[end + 1:])
                        return bytes(buffer[1:end + 1])
                    seen = at if at >= 0 else max(len(buffer) + 1 - len(done), 0)  # where a match may begin
                left = ends - time.monotonic()
                if left <= 0 or not selector.select(left):
                    raise TesseractTimeout()
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    if done is not None:
                        return None
                    try:
                        return bytes(buffer[1:]) if self.popen.wait(max(ends - time.monotonic(), 0.1)) == 0 else None
                    except subprocess.TimeoutExpired:
                        raise TesseractTimeout() from None
                buffer += chunk

    def _raise_exit(self, errors_from: int, ends: float) -> NoReturn:
        try:
            status = self.popen.wait(max(ends - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            raise TesseractTimeout() from None
        self.errors.seek(errors_from)
        raise pytesseract.TesseractError(status or 1, runner.get_errors(self.errors.read()))

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.kill()
        self.popen.wait()
        self.release()

    def release(self) -> None:
        """Close this process's ends of the pipes."""
        _STARTED.discard(self)
        for stream in (self.popen.stdin, self.popen.stdout, self.errors):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()


_STARTED: weakref.WeakSet[_Process] = weakref.WeakSet()
"""Every process this process started and has not stopped: a forked child closes its copies of their pipes."""
_STARTING = threading.Lock()
"""Held while a process starts, and across a fork."""


def _release_all() -> None:
    """In a forked child: close the copies of the parent's tesseracts' pipes.

    They are unbuffered: closing takes no lock and flushes nothing. Their error files stay open, as closing one
    could wait on a lock a parent thread held.
    """
    global _STARTING
    _STARTING = threading.Lock()
    for process in list(_STARTED):
        for stream in (process.popen.stdin, process.popen.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
    _STARTED.clear()


os.register_at_fork(before=lambda: _STARTING.acquire(), after_in_parent=lambda: _STARTING.release(),
                    after_in_child=_release_all)


def _write_all(fd: int, data: bytes) -> None:
    """Write all of `data` to an unbuffered pipe (a write may take part of it)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _columns(rows: list[list[str]]) -> Data:
    """TSV rows as pytesseract's `image_to_data` dictionary: numbers as int, the text as it is."""
    data: Data = {name: [] for name in COLUMNS}
    for row in rows:
        row = row + [""] * (len(COLUMNS) - len(row))
        for name, cell in zip(COLUMNS[:-1], row, strict=False):
            try:
                data[name].append(int(float(cell)))
            except ValueError:
                data[name].append(cell)
        data["text"].append(row[len(COLUMNS) - 1])
    return data


def _blank_image() -> Path:
    """The sentinel: a small white image, read as an empty page in no time."""
    fd, name = tempfile.mkstemp(prefix="endorse-tesseract-", suffix=".pgm")
    os.close(fd)
    Image.new("L", (8, 8), 255).save(name)
    atexit.register(_unlink_if_ours, Path(name), os.getpid())
    return Path(name)


def _unlink_if_ours(path: Path, owner: int) -> None:
    """At exit, the sentinel goes with the process that made it (a forked child inherits the exit hook)."""
    if os.getpid() == owner:
        path.unlink(missing_ok=True)


TESSERACT = Tesseracts()
"""The process's tesseracts; they are stopped at exit."""
atexit.register(TESSERACT.close)


def run_key(args: Arguments) -> str:
    """How `Tesseracts.runs` counts a run: by its first option ('--psm 4', '--psm 7')."""
    return " ".join(args[:2])


def run_counts() -> dict[str, int]:
    """The tesseract runs of the calling process by their first arguments (a Dask worker's, called there)."""
    return dict(TESSERACT.runs)
