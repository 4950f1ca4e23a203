"""Tesseract runs started ahead: the same readings as pytesseract, spares used, killed, bounded, owned."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytesseract
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors.tesseract import Tesseracts, TesseractTimeout

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
    tesseracts = Tesseracts(max_spares=2)
    yield tesseracts
    tesseracts.close()


def test_a_prepared_run_reads_what_pytesseract_reads(runs: Tesseracts, line: Path) -> None:
    runs.prepare(ARGS)
    spare = runs._spares[0][1]
    data = runs.run(ARGS, [line], timeout=60)
    alone = pytesseract.image_to_data(str(line), config="--psm 7 --dpi 300", output_type=pytesseract.Output.DICT)
    assert spare.returncode == 0  # the run was served by the process started ahead
    assert data["text"] == alone["text"] and data["conf"] == alone["conf"] and data["left"] == alone["left"]
    assert "6.0" in data["text"]


def test_a_list_of_images_reads_each_as_its_own_page(runs: Tesseracts, line: Path, tmp_path: Path) -> None:
    blank = tmp_path / "blank.pgm"
    Image.new("L", (300, 80), 255).save(blank)
    data = runs.run(ARGS, [line, blank, line], timeout=60)
    words = [(page, text) for page, text, conf in zip(data["page_num"], data["text"], data["conf"], strict=True)
             if conf > 50]
    assert {page for page, _ in words} == {1, 3}  # the blank image in between is a page with nothing sure on it
    assert [t for p, t in words if p == 1] == [t for p, t in words if p == 3] and (1, "6.0") in words


def test_every_run_leaves_one_spare_for_the_next_and_spares_are_bounded(runs: Tesseracts, line: Path) -> None:
    runs.run(ARGS, [line], timeout=60)
    assert [key for key, _ in runs._spares] == [ARGS]
    runs.prepare(ARGS, ("--psm", "6", "tsv"), ("--psm", "4", "tsv"))
    assert len(runs._spares) == 2
    assert runs._spares[-1][0] == ("--psm", "4", "tsv")
    processes = [process for _, process in runs._spares]
    runs.close()
    assert runs._spares == [] and all(process.returncode is not None for process in processes)


def test_a_run_past_its_timeout_is_killed(runs: Tesseracts, line: Path) -> None:
    runs.prepare(ARGS)
    spare = runs._spares[0][1]
    with pytest.raises(TesseractTimeout, match="timeout"):
        runs.run(ARGS, [line] * 200, timeout=0.3)
    assert spare.returncode is not None  # killed, not left reading


def test_a_failed_run_raises_pytesseracts_error(runs: Tesseracts, tmp_path: Path) -> None:
    with pytest.raises(pytesseract.TesseractError) as caught:
        runs.run(ARGS, [tmp_path / "no-such-image.pgm"], timeout=60)
    assert caught.value.status == 1 and "cannot be read" in caught.value.message


def test_a_missing_binary_is_pytesseracts_not_found(runs: Tesseracts, line: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    with pytest.raises(pytesseract.TesseractNotFoundError):
        runs.run(ARGS, [line], timeout=60)


def _close_in_child(runs: Tesseracts, answer: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    runs.close()
    answer.put(len(runs._spares))


def test_a_forked_child_leaves_its_parents_spares_alone(runs: Tesseracts, line: Path) -> None:
    runs.prepare(ARGS)
    spare = runs._spares[0][1]
    context = multiprocessing.get_context("fork")
    answer = context.Queue()
    child = context.Process(target=_close_in_child, args=(runs, answer))
    child.start()
    child.join(30)
    assert answer.get(timeout=5) == 0
    assert spare.poll() is None  # still waiting for the parent's next page
    assert runs.run(ARGS, [line], timeout=60)["text"]
    assert spare.returncode == 0
