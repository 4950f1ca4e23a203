"""Nothing leaks: the logging filter masks personal data, every entry point installs it, a DEBUG run logs none."""

from __future__ import annotations

import importlib
import io
import logging
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pytest
from typer.testing import CliRunner

from fixtures.generate import all_documents
from pipeline import logs
from pipeline.cli import app
from pipeline.settings import Settings

MASKED = [
    ("DOB: 03/14/1988", "DOB: ***"),
    ("d.o.b. 1988-03-14", "d.o.b. ***"),
    ("Date of Birth: March 14, 1988", "Date of Birth: ***"),
    ("date of birth 14 Mar 1988, enrolled", "date of birth ***, enrolled"),
    ("Birth date: 14th March 1988", "Birth date: ***"),
    ("born on 3/14/88 in Ohio", "born on *** in Ohio"),
    ("SSN 123-45-6789", "SSN ***"),
    ("social security number: 123456789", "social security number: ***"),
    ("a stray 123-45-6789 in text", "a stray *** in text"),
    ("Student ID: 4871367", "Student ID: ***"),
    ("student id no. A12-3456", "student id no. ***"),
    ("Student Number 77123", "Student Number ***"),
    ("ID 4871367 on file", "ID *** on file"),
    ("ID# 4871367", "ID# ***"),
    ("write to b.castellane+apps@mail.example.org today", "write to *** today"),
    ("call (555) 123-4567", "call ***"),
    ("call 555-123-4567 or 555.123.4567", "call *** or ***"),
    ("call +1 555 123 4567", "call ***"),
    ("Student: X  Student ID: 4871367  DOB: 03/03/1987", "Student: X  Student ID: ***  DOB: ***"),
]
KEPT = [
    "Degree conferred: 05/05/2012",
    "Date of completion: March 3, 2021",
    "6.5 clock hours, 0.6 CEU, 90 min",
    "Total: 1,230 minutes over 31 sessions",
    "session 2024-05-13 1.5 hours 12:30-14:00",
    "candidate c001: 14 documents, 3 failed",
    "document 3f2a9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b",
    "ID 3f2a9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b",
    "the candidate's id c001",
    "born 1988",
    "page 3 of 12, 300 dpi, 2550 x 3300 pixels",
    "RS/C window 2024-01-01 to 2025-12-31",
]


@pytest.mark.parametrize(("text", "masked"), MASKED)
def test_personal_data_is_masked(text: str, masked: str) -> None:
    assert logs.mask(text) == masked
    assert logs.mask(masked) == masked  # masking twice changes nothing


@pytest.mark.parametrize("text", KEPT)
def test_what_is_not_personal_is_kept(text: str) -> None:
    assert logs.mask(text) == text


@pytest.fixture
def pristine_logging() -> Iterator[None]:
    """Logging as it was before `install`, restored after the test (install changes the process)."""
    factory, root = logging.getLogRecordFactory(), logging.getLogger()
    levels = {name: logging.getLogger(name).level for name in logs.CONTENT_LOGGERS}
    handlers = {handler: list(handler.filters) for name in [None, *logs._project_loggers()]
                for handler in logging.getLogger(name).handlers}
    logging.setLogRecordFactory(logging.LogRecord)
    for handler in handlers:
        handler.removeFilter(logs.FILTER)
    for name in levels:
        logging.getLogger(name).setLevel(logging.NOTSET)
    level = root.level
    yield
    root.setLevel(level)
    logging.setLogRecordFactory(factory)
    for handler, filters in handlers.items():
        handler.filters[:] = filters
    for name, old in levels.items():
        logging.getLogger(name).setLevel(old)


def _capture(logger: logging.Logger) -> io.StringIO:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger.addHandler(handler)
    return stream


def test_installed_filter_masks_records_through_the_root_handlers(pristine_logging: None) -> None:
    root = logging.getLogger()
    before = _capture(root)  # a handler there when install runs: it gets the filter
    logs.install()
    after = _capture(root)  # one added later (a test's, uvicorn's): the record factory masked the record already
    try:
        log = logging.getLogger("pipeline.some_stage")
        log.warning("reading %s, DOB %s, mail %s", "page 2", "03/03/1987", "x@example.org")
        try:
            raise ValueError("could not parse Student ID: 4871367")
        except ValueError:
            log.exception("parse failed on ID %s", "4871367")
    finally:
        for handler in root.handlers[-2:]:
            root.removeHandler(handler)
    for stream in (before, after):
        text = stream.getvalue()
        assert "reading page 2, DOB ***, mail ***" in text
        assert "parse failed on ID ***" in text and "Student ID: ***" in text  # the traceback too
        assert "4871367" not in text and "03/03/1987" not in text and "example.org" not in text


def test_without_install_nothing_is_masked(pristine_logging: None) -> None:
    """The check above could fail: the same record through a plain handler keeps its values."""
    root = logging.getLogger()
    stream = _capture(root)
    try:
        logging.getLogger("pipeline.some_stage").warning("DOB %s", "03/03/1987")
    finally:
        root.removeHandler(root.handlers[-1])
    assert "DOB 03/03/1987" in stream.getvalue()


def test_every_entry_point_installs_the_mask(pristine_logging: None, tmp_path: Path) -> None:
    def installed() -> bool:
        return bool(getattr(logging.getLogRecordFactory(), "masks_personal_data", False))

    assert not installed()
    CliRunner().invoke(app, ["--home", str(tmp_path / "home"), "status"])
    assert installed()

    from review.app import create_app

    logging.setLogRecordFactory(logging.LogRecord)
    create_app(Settings(home=tmp_path / "web"))
    assert installed()

    import flows

    logging.setLogRecordFactory(logging.LogRecord)
    importlib.reload(flows)
    assert installed()
    for name in ("prefect.flow_runs", "prefect.task_runs"):  # Prefect's run logs go to its API from here
        assert logging.getLogger(name).handlers
        assert all(logs.FILTER in h.filters for h in logging.getLogger(name).handlers)


def test_a_debug_run_of_the_intake_logs_no_personal_value(pristine_logging: None, golden: Path,
                                                          tmp_path: Path) -> None:
    documents = {d.stem: d for d in all_documents(7)}
    transcript, certificate = documents["c001-transcript"].content, documents["c001-training-1"].content
    personal = {transcript.student, transcript.student.split()[-1], transcript.student_id, transcript.birth,
                certificate.name}
    folder = tmp_path / "intake" / "c001"
    folder.mkdir(parents=True)
    for stem in ("c001-transcript", "c001-training-1"):
        shutil.copy(golden / f"{stem}.pdf", folder / f"{stem}.pdf")
        os.utime(folder / f"{stem}.pdf", (time.time() - 60,) * 2)
        with pdfplumber.open(folder / f"{stem}.pdf") as pdf:
            assert any(value in (pdf.pages[0].extract_text() or "") for value in personal)  # the values are there
    (folder / "candidate.yaml").write_text(f'name: "{transcript.student}"\ncategory: clinical\n')

    root, log_file = logging.getLogger(), tmp_path / "run.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        result = CliRunner().invoke(app, ["--home", str(tmp_path / "home"), "process", str(tmp_path / "intake")])
        logging.getLogger("pipeline.recipe").debug("done; a stray DOB 03/03/1987 is masked too")
    finally:
        root.removeHandler(handler)
        handler.close()
    assert result.exit_code == 0, result.output
    text = log_file.read_text(encoding="utf-8")
    assert text.count("\n") >= 5 and "DEBUG" in text  # the run did log at DEBUG
    assert "DOB ***" in text
    assert sorted(value for value in personal if value in text) == []
