"""Discover: walk the intake folder, hash each settled file, and archive a verified copy before anything else."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from dataclasses import dataclass, field
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

    @property
    def name(self) -> str:
        return display_name(self.path)


@dataclass(frozen=True)
class Rejected:
    """A file that cannot be archived (unreadable, a link leading out of the intake): recorded, never read."""

    candidate: str
    path: Path
    code: str
    message: str

    @property
    def name(self) -> str:
        return display_name(self.path)

    @property
    def key(self) -> str:
        """Stands in for the content hash it has none of: one record per candidate and file name."""
        return record_key("rejected", self.candidate, self.name)


@dataclass
class Discovery:
    """What a candidate's folder holds this run: files to archive, files refused, files still being written."""

    submissions: list[Submission] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    unsettled: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class CandidateFolder:
    """A candidate's folder: its id, what candidate.yaml says, and any problem reading it."""

    candidate: str
    folder: Path
    info: CandidateInfo
    problem: str | None = None


def display_name(path: Path) -> str:
    """The file name as text a database and a terminal accept (bytes that are not UTF-8 shown as �)."""
    return os.fsencode(path.name).decode("utf-8", errors="replace")


def record_key(kind: str, candidate: str, name: str) -> str:
    """A stable 64-hex key for a record that has no content hash (a refused file, a second name)."""
    return hashlib.sha256(f"{kind}:{candidate}/{name}".encode()).hexdigest()


def candidate_folders(intake: Path) -> list[CandidateFolder]:
    """Every sub-folder of the intake folder is a candidate, sorted by id."""
    return [read_candidate(folder) for folder in sorted(intake.iterdir())
            if folder.is_dir() and not folder.is_symlink() and not folder.name.startswith(".")]


def read_candidate(folder: Path) -> CandidateFolder:
    """A candidate's folder with candidate.yaml read; a bad file is a problem to report, not a crash."""
    path = folder / CANDIDATE_FILE
    if not path.exists():
        return CandidateFolder(folder.name, folder, CandidateInfo())
    try:
        info = CandidateInfo.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    except (yaml.YAMLError, ValidationError, UnicodeDecodeError, OSError, TypeError) as exc:
        return CandidateFolder(folder.name, folder, CandidateInfo(),
                               problem=f"candidate.yaml_invalid: {CANDIDATE_FILE} could not be read "
                                       f"({type(exc).__name__}); fix it (name, category, applied_on) and run again.")
    return CandidateFolder(folder.name, folder, info)


def discover(folder: CandidateFolder, stable_seconds: float = 2.0) -> list[Submission]:
    """The candidate's settled evidence files (not temporary, not still being written), hashed."""
    return survey_folder(folder, stable_seconds).submissions


def survey_folder(folder: CandidateFolder, stable_seconds: float = 2.0) -> Discovery:
    """Every file of a candidate's folder sorted into: hashed and ready, refused with a reason, or not settled."""
    found = Discovery()
    intake = folder.folder.parent.resolve()
    paths = []
    for path in sorted(folder.folder.iterdir()):
        if path.is_symlink():
            target = _link_target(folder.candidate, path, intake, found)
            if target is not None:
                paths.append(path)
        elif _is_evidence(path):
            paths.append(path)
    for path in settled(paths, stable_seconds, found.unsettled):
        try:
            found.submissions.append(Submission(folder.candidate, path, sha256_of(path), path.stat().st_size))
        except OSError as exc:
            found.rejected.append(Rejected(folder.candidate, path, "intake.unreadable",
                                           f"The file could not be read ({type(exc).__name__}): check its "
                                           "permissions, or ask for it again."))
    return found


def _link_target(candidate: str, path: Path, intake: Path, found: Discovery) -> Path | None:
    """The file a link leads to when it stays inside the intake folder; a link leading out is refused unread."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        found.rejected.append(Rejected(candidate, path, "intake.symlink_broken",
                                       "The link leads nowhere (broken or a loop): put the file itself here."))
        return None
    if not target.is_relative_to(intake):
        found.rejected.append(Rejected(candidate, path, "intake.symlink_outside",
                                       "The link leads outside the intake folder and was not followed: "
                                       "copy the file itself into the candidate's folder."))
        return None
    return target if _is_evidence(path) else None


def settled(paths: list[Path], stable_seconds: float, unsettled: list[Path] | None = None) -> list[Path]:
    """The paths last modified `stable_seconds` ago or more, or holding still over one wait for all of them."""
    before = {path: _stamp(path) for path in paths}
    fresh = [p for p, stamp in before.items() if stamp is not None and time.time() - stamp[1] < stable_seconds]
    if fresh:
        time.sleep(stable_seconds)
    moving = {p for p in fresh if _stamp(p) != before[p]}
    if unsettled is not None:
        unsettled.extend(sorted(moving))
    return [p for p in paths if p not in moving]


def _stamp(path: Path) -> tuple[int, float] | None:
    try:
        stat = path.stat()
    except OSError:
        return None  # hashing will say what is wrong with it
    return stat.st_size, stat.st_mtime


def archive(submission: Submission, archive_dir: Path) -> Path:
    """Copy the original into the content-addressed archive atomically and verify the copy's hash."""
    target = archive_dir / f"{submission.sha256}{_archive_suffix(submission.path)}"
    if target.exists() and sha256_of(target) == submission.sha256:
        return target
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        shutil.copyfile(submission.path, temporary)
        with temporary.open("rb") as handle:
            os.fsync(handle.fileno())
        if sha256_of(temporary) != submission.sha256:
            raise ChangedWhileCopied(f"archive copy of {submission.name} does not match its hash (file changed?)")
        temporary.chmod(0o600)
        temporary.replace(target)
    finally:
        temporary.unlink(missing_ok=True)
    return target


class ChangedWhileCopied(OSError):
    """The file changed between hashing and copying: it is still being written; the next run takes it."""


def remove_partial_copies(archive_dir: Path) -> list[Path]:
    """Delete temporary archive copies left by a process that died mid-copy (never a live process's)."""
    removed = []
    for path in archive_dir.glob(".*.tmp"):
        pid = path.name.rsplit(".", 2)[-2]
        if pid.isdigit() and not process_alive(int(pid)):
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def process_alive(pid: int) -> bool:
    """Whether a process of this host still runs (one we may not signal counts as running)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _archive_suffix(path: Path) -> str:
    """The archive keeps a plain lower-case extension, or .bin for a strange one."""
    suffix = path.suffix.lower()
    return suffix if suffix[1:].isascii() and suffix[1:].isalnum() and len(suffix) <= 6 else ".bin"


def _is_evidence(path: Path) -> bool:
    name = path.name
    return (path.is_file() and name != CANDIDATE_FILE
            and not name.startswith((".", "~$")) and not name.lower().endswith(TEMPORARY_SUFFIXES))


def move_verified(path: Path, archived: dict[str, Path], target_dir: Path) -> Path | None:
    """Move an intake file away only when an archive copy with the file's own hash exists; None when not moved."""
    digest = sha256_of(path)
    copy = archived.get(digest)
    if copy is None or not copy.is_file() or sha256_of(copy) != digest:
        return None
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / path.name
    counter = 1
    while target.exists() or target.is_symlink():
        target = target_dir / f"{path.stem} ({counter}){path.suffix}"
        counter += 1
    shutil.move(path, target)  # a rename on one file system; copy then delete across two
    return target


def evidence_files(folder: Path) -> list[Path]:
    """The evidence files of a folder that are files of their own (not links)."""
    return [path for path in sorted(folder.iterdir()) if not path.is_symlink() and _is_evidence(path)]
