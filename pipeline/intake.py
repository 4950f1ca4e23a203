"""Discover: walk the intake folder, hash each settled file, and archive a verified copy before anything else."""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from extractors.document import sha256_of
from pipeline.models import CandidateInfo

CANDIDATE_FILE = "candidate.yaml"
TEMPORARY_SUFFIXES = (".part", ".crdownload", ".tmp", ".partial")


@dataclass(frozen=True)
class Submission:
    """One file of one candidate's folder, hashed."""

    candidate: str
    path: Path
    sha256: str
    size: int


@dataclass(frozen=True)
class CandidateFolder:
    """A candidate's folder: its id, what candidate.yaml says, and any problem reading it."""

    candidate: str
    folder: Path
    info: CandidateInfo
    problem: str | None = None


def candidate_folders(intake: Path) -> list[CandidateFolder]:
    """Every sub-folder of the intake folder is a candidate, sorted by id."""
    return [read_candidate(folder) for folder in sorted(intake.iterdir())
            if folder.is_dir() and not folder.name.startswith(".")]


def read_candidate(folder: Path) -> CandidateFolder:
    """A candidate's folder with candidate.yaml read; a bad file is a problem to report, not a crash."""
    path = folder / CANDIDATE_FILE
    if not path.exists():
        return CandidateFolder(folder.name, folder, CandidateInfo())
    try:
        info = CandidateInfo.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    except (yaml.YAMLError, ValidationError, UnicodeDecodeError) as exc:
        return CandidateFolder(folder.name, folder, CandidateInfo(),
                               problem=f"{CANDIDATE_FILE} could not be read ({type(exc).__name__})")
    return CandidateFolder(folder.name, folder, info)


def discover(folder: CandidateFolder, stable_seconds: float = 2.0) -> list[Submission]:
    """The candidate's settled evidence files (not temporary, not still being written), hashed."""
    found = []
    for path in sorted(folder.folder.iterdir()):
        if not _is_evidence(path) or not _settled(path, stable_seconds):
            continue
        found.append(Submission(folder.candidate, path, sha256_of(path), path.stat().st_size))
    return found


def archive(submission: Submission, archive_dir: Path) -> Path:
    """Copy the original into the content-addressed archive atomically and verify the copy's hash."""
    target = archive_dir / f"{submission.sha256}{submission.path.suffix.lower() or '.bin'}"
    if target.exists() and sha256_of(target) == submission.sha256:
        return target
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    shutil.copyfile(submission.path, temporary)
    with temporary.open("rb") as handle:
        os.fsync(handle.fileno())
    if sha256_of(temporary) != submission.sha256:
        temporary.unlink()
        raise OSError(f"archive copy of {submission.path.name} does not match its hash (file changed?)")
    temporary.chmod(0o600)
    temporary.replace(target)
    return target


def _is_evidence(path: Path) -> bool:
    name = path.name
    return (path.is_file() and not path.is_symlink() and name != CANDIDATE_FILE
            and not name.startswith((".", "~$")) and not name.lower().endswith(TEMPORARY_SUFFIXES))


def _settled(path: Path, stable_seconds: float) -> bool:
    """A file is settled when it was last modified at least `stable_seconds` ago and its size holds still."""
    before = path.stat()
    age = time.time() - before.st_mtime
    if age >= stable_seconds:
        return True
    time.sleep(min(stable_seconds - age, stable_seconds))
    after = path.stat()
    return (after.st_size, after.st_mtime) == (before.st_size, before.st_mtime)

