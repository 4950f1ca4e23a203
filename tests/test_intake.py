"""The intake recipe end to end over a small folder: archive first, bad files failed not fatal, no work twice."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from pipeline import recipe
from pipeline.settings import Settings
from pipeline.store import Store


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def intake(tmp_path: Path, golden: Path) -> Path:
    folder = tmp_path / "intake" / "c100"
    folder.mkdir(parents=True)
    for stem, name in [("c001-transcript", "transcript.pdf"), ("c001-training-1", "training.pdf"),
                       ("c001-exam", "exam result.pdf")]:
        shutil.copy(golden / f"{stem}.pdf", folder / name)
    (folder / "candidate.yaml").write_text("name: Test Person\ncategory: clinical\napplied_on: 2026-10-01\n")
    (folder / "notes.pdf").write_text("<html>not a pdf</html>")
    (folder / "broken.pdf").write_bytes((golden / "c001-exam.pdf").read_bytes()[:300])
    (folder / "upload.pdf.part").write_bytes(b"%PDF-1.4 half")
    locked = canvas.Canvas(str(folder / "locked.pdf"), encrypt="secret")
    locked.drawString(72, 720, "Certificate of Completion")
    locked.save()
    return folder.parent


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "home", stable_seconds=0)


def test_bad_files_fail_with_a_reason_and_the_rest_go_on(intake: Path, settings: Settings) -> None:
    summary = recipe.process_intake(intake, settings)
    store = Store(settings.url)
    documents = {d.filename: d for d in store.documents("c100")}
    assert "upload.pdf.part" not in documents
    assert documents["notes.pdf"].error_code == "document.not_pdf"
    assert documents["locked.pdf"].error_code == "document.encrypted"
    assert documents["broken.pdf"].status == "failed" and documents["broken.pdf"].error_message
    assert {documents[n].kind for n in ("transcript.pdf", "training.pdf", "exam result.pdf")} == {
        "transcript", "training_certificate", "exam_result"}
    assert summary.status == "partial" and len(summary.failed) == 3
    assert len(summary.candidates["c100"]) == 8


def test_originals_are_archived_verified_and_never_changed(intake: Path, settings: Settings) -> None:
    before = {p.name: (sha(p), p.stat().st_mtime) for p in (intake / "c100").iterdir()}
    recipe.process_intake(intake, settings)
    after = {p.name: (sha(p), p.stat().st_mtime) for p in (intake / "c100").iterdir()}
    assert before == after
    archived = {p.name.split(".")[0] for p in settings.archive.iterdir()}
    assert {digest for name, (digest, _) in before.items()
            if name not in {"candidate.yaml", "upload.pdf.part"}} == archived
    assert oct(settings.archive.stat().st_mode & 0o777) == "0o700"


def test_a_second_run_does_no_new_work(intake: Path, settings: Settings) -> None:
    first = recipe.process_intake(intake, settings)
    second = recipe.process_intake(intake, settings)
    assert first.extracted == 6
    assert second.extracted == 0
    assert second.candidates == first.candidates


def test_a_claimed_document_is_not_taken_twice(intake: Path, settings: Settings) -> None:
    recipe.process_intake(intake, settings)
    store = Store(settings.url)
    doc = store.documents("c100")[0]
    with store.session() as s:
        row = s.get(type(doc), doc.id)
        row.status, row.extractor_version = "waiting", None
    assert store.claim("c100", doc.sha256, "x", "worker-a") is not None
    assert store.claim("c100", doc.sha256, "x", "worker-b") is None


def test_candidate_record_has_all_eight_requirements(intake: Path, settings: Settings) -> None:
    recipe.process_intake(intake, settings)
    record = recipe.check_candidate("c100", Store(settings.url), settings)
    assert [r.id for r in record.requirements] == [
        "education", "training_hours", "work_experience", "reflective_supervision",
        "reference_ratings", "code_of_ethics", "written_exam", "membership"]
    by_id = {r.id: r for r in record.requirements}
    assert by_id["written_exam"].status.value == "met"
    assert by_id["code_of_ethics"].status.value == "not_met"
    assert by_id["education"].items and by_id["education"].items[0].document


def test_limits_fail_a_document_with_a_reason(intake: Path, tmp_path: Path, golden: Path) -> None:
    shutil.copy(golden / "c001-rsc-log.pdf", intake / "c100" / "log.pdf")  # 3 pages
    largest = max(p.stat().st_size for p in (intake / "c100").glob("*.pdf"))
    settings = Settings(home=tmp_path / "limits", stable_seconds=0, max_file_bytes=largest - 1)
    recipe.process_intake(intake, settings)
    documents = {d.filename: d for d in Store(settings.url).documents("c100")}
    big = [d for d in documents.values() if d.size == largest]
    assert big and all(d.error_code == "document.too_large" for d in big)
    assert all(d.error_code != "document.too_large" for d in documents.values() if d.size < largest)
    small_multi = Settings(home=tmp_path / "pages", stable_seconds=0, max_pages=2)
    recipe.process_intake(intake, small_multi)
    assert {d.filename: d for d in Store(small_multi.url).documents("c100")}["log.pdf"].error_code == (
        "document.too_many_pages")
