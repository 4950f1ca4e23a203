"""Tesseracts kept running between runs: the same readings as pytesseract, processes reused, killed, bounded, owned."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytesseract
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors.tesseract import Tesseracts, TesseractTimeout, _Process

pytestmark = pytest.mark.tesseract

ARGS = ("--psm", "7", "--dpi", "300", "tsv")


@pytest.fixture
def line(tmp_path: Path) -> Path:
    """A line of printed text as a 300-dpi PGM."""
    image = Image.new("L", (1400, 120), 255)
    font = ImageFont.load_default(size=64)
    ImageDraw.Draw(image).text((20, 20), "Clock hours 6.0 on 05/14/2024", fill=0, font=font)
    path = tmp_path / "line.pgm"
    image.save(path)
    return path


@pytest.fixture
def runs() -> Tesseracts:
    tesseracts = Tesseracts(max_idle=2)
    yield tesseracts
    tesseracts.close()


def test_a_prepared_run_reads_what_pytesseract_reads_and_its_process_serves_the_next(runs: Tesseracts,
                                                                                    line: Path) -> None:
    runs.prepare(ARGS)
    process = runs._idle[0][1].popen
    data = runs.run(ARGS, [line], timeout=60)
    alone = pytesseract.image_to_data(str(line), config="--psm 7 --dpi 300", output_type=pytesseract.Output.DICT)
    assert data["text"] == alone["text"] and data["conf"] == alone["conf"] and data["left"] == alone["left"]
    assert "6.0" in data["text"]
    assert runs.run(ARGS, [line], timeout=60) == data
    assert [entry[1].popen for entry in runs._idle] == [process] and process.poll() is None  # one process, still up


def test_without_stdbuf_each_run_has_a_process_of_its_own_and_reads_the_same(line: Path) -> None:
    streaming, one_shot = Tesseracts(), Tesseracts()
    one_shot.streaming = False
    try:
        first = one_shot.run(ARGS, [line], timeout=60)
        used = [entry[1].popen for entry in one_shot._idle]  # the spare started for the next run
        assert one_shot.run(ARGS, [line, line], timeout=60)["page_num"][-1] == 2
        assert used[0].returncode == 0  # it read its list and exited
        assert first == streaming.run(ARGS, [line], timeout=60)
    finally:
        streaming.close()
        one_shot.close()


def test_a_list_of_images_reads_each_as_its_own_page(runs: Tesseracts, line: Path, tmp_path: Path) -> None:
    blank = tmp_path / "blank.pgm"
    Image.new("L", (300, 80), 255).save(blank)
    data = runs.run(ARGS, [line, blank, line], timeout=60)
    words = [(page, text) for page, text, conf in zip(data["page_num"], data["text"], data["conf"], strict=True)
             if conf > 50]
    assert {page for page, _ in words} == {1, 3}  # the blank image in between is a page with nothing sure on it
    assert [t for p, t in words if p == 1] == [t for p, t in words if p == 3] and (1, "6.0") in words


def test_idle_processes_are_bounded_and_stopped_on_close(runs: Tesseracts, line: Path) -> None:
    runs.run(ARGS, [line], timeout=60)
    assert [key for key, _ in runs._idle] == [ARGS]
    runs.prepare(ARGS, ("--psm", "6", "tsv"), ("--psm", "4", "tsv"))
    assert [key for key, _ in runs._idle] == [("--psm", "6", "tsv"), ("--psm", "4", "tsv")]  # the oldest went
    processes = [process.popen for _, process in runs._idle]
    runs.close()
    assert runs._idle == [] and all(process.returncode is not None for process in processes)


def test_a_process_is_replaced_after_its_runs(line: Path) -> None:
    runs = Tesseracts(max_runs=2)
    try:
        runs.run(ARGS, [line], timeout=60)
        first = runs._idle[0][1].popen
        runs.run(ARGS, [line], timeout=60)
        assert runs._idle == [] and first.returncode is not None
        runs.run(ARGS, [line], timeout=60)
        assert runs._idle[0][1].popen is not first
    finally:
        runs.close()


def test_two_threads_read_at_once_each_with_a_process(runs: Tesseracts, line: Path, tmp_path: Path) -> None:
    blank = tmp_path / "blank.pgm"
    Image.new("L", (300, 80), 255).save(blank)
    jobs = [[line], [blank], [line, blank], [blank, line]] * 3
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda images: runs.run(ARGS, images, timeout=60), jobs))
    for images, data in zip(jobs, results, strict=True):
        sure = {page for page, conf in zip(data["page_num"], data["conf"], strict=True) if conf > 50}
        assert sure == {n for n, image in enumerate(images, 1) if image == line}
    assert len(runs._idle) == 2 and runs.runs == {"--psm 7": len(jobs)}


def test_a_run_past_its_timeout_is_killed(runs: Tesseracts, line: Path) -> None:
    runs.prepare(ARGS)
    process = runs._idle[0][1].popen
    with pytest.raises(TesseractTimeout, match="timeout"):
        runs.run(ARGS, [line] * 200, timeout=0.3)
    assert process.returncode is not None and runs._idle == []  # killed, not left reading
    assert "6.0" in runs.run(ARGS, [line], timeout=60)["text"]  # the next run has a new process


def test_a_failed_run_raises_pytesseracts_error_and_the_next_run_reads(runs: Tesseracts, line: Path,
                                                                        tmp_path: Path) -> None:
    runs.run(ARGS, [line], timeout=60)
    with pytest.raises(pytesseract.TesseractError) as caught:
        runs.run(ARGS, [tmp_path / "no-such-image.pgm"], timeout=60)
    assert caught.value.status == 1 and "cannot be read" in caught.value.message
    assert "Page" not in caught.value.message  # only this run's errors, not the earlier pages' progress lines
    assert "6.0" in runs.run(ARGS, [line], timeout=60)["text"]


def test_a_missing_binary_is_pytesseracts_not_found(runs: Tesseracts, line: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    with pytest.raises(pytesseract.TesseractNotFoundError):
        runs.run(ARGS, [line], timeout=60)


def _close_in_child(runs: Tesseracts, answer: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    runs.close()
    answer.put(len(runs._idle))


def test_a_forked_child_leaves_its_parents_processes_alone(runs: Tesseracts, line: Path) -> None:
    runs.prepare(ARGS)
    process = runs._idle[0][1].popen
    context = multiprocessing.get_context("fork")
    answer = context.Queue()
    child = context.Process(target=_close_in_child, args=(runs, answer))
    child.start()
    child.join(30)
    assert answer.get(timeout=5) == 0
    assert process.poll() is None  # still waiting for the parent's next page
    assert runs.run(ARGS, [line], timeout=60)["text"]
    assert runs._idle[0][1].popen is process


def _read_in_child(runs: Tesseracts, line: Path, process: Any, answer: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    answer.put((process.popen.stdin.closed, process.popen.stdout.closed, runs.run(ARGS, [line], timeout=30)["text"]))


def test_a_child_forked_while_another_thread_holds_the_lock_reads_with_its_own(runs: Tesseracts, line: Path) -> None:
    runs.prepare(ARGS)
    parents = runs._idle[0][1]
    context = multiprocessing.get_context("fork")
    answer = context.Queue()
    with runs._lock:  # as if another thread were taking a process at the fork
        child = context.Process(target=_read_in_child, args=(runs, line, parents, answer))
        child.start()
    try:
        stdin_closed, stdout_closed, text = answer.get(timeout=60)
    finally:
        child.kill()  # a child deadlocked on the lock would otherwise hang the run at exit
        child.join(30)
    assert "6.0" in text  # no deadlock on the lock the parent held
    assert stdin_closed and stdout_closed  # the parent's tesseract sees end of input when the parent dies
    assert parents.popen.poll() is None and runs.run(ARGS, [line], timeout=60)["text"] == text


CHILD_EXITS = """
import os, sys
from pathlib import Path
from extractors.tesseract import Tesseracts
args, line = ("--psm", "7", "--dpi", "300", "tsv"), Path(sys.argv[1])
runs = Tesseracts()
first = runs.run(args, [line], timeout=60)
pid = os.fork()
if pid == 0:
    sys.exit(0)  # the child exits as a Python program does: its exit hooks run
os.waitpid(pid, 0)
print(runs._sentinel.exists(), runs.run(args, [line], timeout=20) == first)
"""


def test_a_forked_child_that_exits_leaves_its_parents_sentinel(line: Path) -> None:
    """In a program of its own, so that the child's exit hooks are that program's, not this test run's."""
    done = subprocess.run([sys.executable, "-c", CHILD_EXITS, str(line)], capture_output=True, text=True,
                          timeout=120, cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True"]  # the sentinel is there and the waiting process still finds it


def test_a_tesseract_that_exits_at_once_raises_its_error_not_a_broken_pipe(runs: Tesseracts, line: Path) -> None:
    with pytest.raises(pytesseract.TesseractError):
        runs.run(("--psm", "99", "tsv"), [line] * 5000, timeout=60)  # an invalid option: it exits before reading
    assert runs._idle == []


def test_output_is_cut_after_the_marker_line_however_the_pipe_splits_it() -> None:
    read_end, write_end = os.pipe()
    process = _Process.__new__(_Process)
    process.popen = SimpleNamespace(stdout=os.fdopen(read_end, "rb"))  # type: ignore[assignment]
    process._pending = b"1\t1\t0\t0\t0\t0\tleft over\n"
    output = b"5\t2\t1\t1\t1\t1\t10\t10\t5\t5\t96\tword\n1\t3\t0\t0\t0\t0\t0\t0\t8\t8\t-1\t\n5\t4\t1\t1\t1\t1\tnext\n"

    def trickle() -> None:
        for byte in output:  # one byte a write: the marker arrives split at every place it can be
            os.write(write_end, bytes([byte]))
            time.sleep(0.0005)

    writer = threading.Thread(target=trickle)
    writer.start()
    try:
        got = process._output_until(b"\n1\t3\t", time.monotonic() + 30)
    finally:
        writer.join()
        os.close(write_end)
        process.popen.stdout.close()
    marker_line_end = output.index(b"\n", output.index(b"1\t3\t")) + 1
    assert got == b"1\t1\t0\t0\t0\t0\tleft over\n" + output[:marker_line_end]
    assert output[marker_line_end:].startswith(process._pending)  # what came after is kept for the next run
