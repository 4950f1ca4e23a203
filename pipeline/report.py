"""The nightly report: which requirement statuses moved since the previous nightly run, and why.

The "before" is the previous nightly run's snapshot (kept in its run summary), never the current rows: the
intake re-checks candidates between nights. A move's causes are the facts found in the store since that
candidate's previous check (new documents, reviewer decisions, changed candidate details), a changed rules
version, and the date: the same evidence checked on the previous night's date gives the old status back.
Everything here is pure (values in, values or text out) but `write_html`; `pipeline.nightly` reads the store.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader

from pipeline.models import RequirementResult
from pipeline.store import now

FLOW = "nightly"
REPORT_NAME = r"\d{4}-\d{2}-\d{2}\.html"
"""A report file's name: the night's date; the web page serves nothing else from the reports folder."""
FIRST, DOCUMENT, DECISION, RULES, DETAILS, SUPERVISORS, DATE, UNEXPLAINED = (
    "first check", "new document", "reviewer decision", "rule change", "candidate details", "supervisor list",
    "date passing", "unexplained")
CAUSES = (FIRST, DOCUMENT, DECISION, RULES, DETAILS, SUPERVISORS, DATE, UNEXPLAINED)


# what a night remembers


@dataclass(frozen=True)
class Checked:
    """One candidate's statuses as a nightly run left them: the "before" of the next night."""

    statuses: dict[str, str]
    rules: str
    checked_at: dt.datetime

    def as_json(self) -> dict[str, Any]:
        return {"statuses": self.statuses, "rules": self.rules, "checked_at": self.checked_at.isoformat()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Checked:
        return cls(dict(data["statuses"]), str(data["rules"]), dt.datetime.fromisoformat(data["checked_at"]))


@dataclass(frozen=True)
class Night:
    """The previous nightly run: when it started, the date it judged by, its rules and every candidate."""

    started_at: dt.datetime
    today: dt.date
    rules: str
    supervisors: str | None
    candidates: dict[str, Checked]


@dataclass
class Rechecked:
    """A candidate re-checked tonight; `on_previous_day`: the same evidence judged on the previous night's date."""

    results: list[RequirementResult]
    checked_at: dt.datetime
    on_previous_day: dict[str, str] | None = None

    @property
    def statuses(self) -> dict[str, str]:
        return {r.id: r.status.value for r in self.results}


# facts from the store


@dataclass(frozen=True)
class NewDocument:
    """A document processed since its candidate's previous nightly check."""

    candidate: str
    sha256: str
    filename: str
    kind: str | None
    status: str
    error_code: str | None
    error_message: str | None
    processed_at: dt.datetime


@dataclass(frozen=True)
class Decided:
    """A reviewer's decision on one of a candidate's items or requirements."""

    candidate: str
    reviewer: str
    action: str
    item_key: str
    comment: str | None
    decided_at: dt.datetime


@dataclass
class Facts:
    """What happened to one candidate's inputs since its previous nightly check."""

    documents: list[NewDocument] = field(default_factory=list)
    decisions: list[Decided] = field(default_factory=list)
    details_changed: bool = False


# the report


@dataclass(frozen=True)
class Cause:
    """One reason a status moved: `public` names ids and codes only (artifacts); `detail` is for the HTML page."""

    kind: str
    public: str
    detail: str


@dataclass(frozen=True)
class Move:
    """One requirement status that moved, with every cause that applies."""

    requirement: str
    before: str | None
    after: str
    causes: list[Cause]
    reasons: list[str]
    explanation: str


@dataclass
class CandidateChanges:
    """A candidate's moves tonight; a candidate not in the previous snapshot is a first check."""

    candidate: str
    moves: list[Move]
    first: bool = False


@dataclass
class NightlyReport:
    """Everything the morning reader needs: moves with causes, new and failed documents, failed checks."""

    day: dt.date
    rules: str
    checked: int
    previous: Night | None
    changes: list[CandidateChanges]
    new_documents: list[NewDocument]
    check_errors: dict[str, str] = field(default_factory=dict)

    @property
    def moved(self) -> list[CandidateChanges]:
        return [c for c in self.changes if not c.first]

    @property
    def first_checked(self) -> list[CandidateChanges]:
        return [c for c in self.changes if c.first]

    @property
    def failed_documents(self) -> list[NewDocument]:
        return [d for d in self.new_documents if d.status == "failed"]

    @property
    def rules_changed(self) -> bool:
        return self.previous is not None and self.previous.rules != self.rules

    def cause_counts(self) -> dict[str, int]:
        counts = {kind: 0 for kind in CAUSES}
        for change in self.moved:
            for move in change.moves:
                for kind in {cause.kind for cause in move.causes}:
                    counts[kind] += 1
        return {kind: n for kind, n in counts.items() if n}

    def as_dict(self) -> dict[str, Any]:
        """The night in plain data: counts, candidate ids and the moves with their cause kinds."""
        return {"status": "partial" if self.check_errors else "success", "candidates": self.checked,
                "changed": len(self.moved), "today": self.day.isoformat(), "changes": self.as_changes(),
                "first_checked": [c.candidate for c in self.first_checked], "new_documents": len(self.new_documents),
                "failed_documents": len(self.failed_documents), "check_errors": sorted(self.check_errors)}

    def as_changes(self) -> dict[str, dict[str, dict[str, Any]]]:
        """The moves as plain data (the flow's return value)."""
        return {c.candidate: {m.requirement: {"from": m.before, "to": m.after,
                                              "causes": sorted({cause.kind for cause in m.causes})}
                              for m in c.moves} for c in self.moved}


# the pure part: before + after + facts -> moves with causes


def compare(candidate: str, before: Checked | None, after: Rechecked, rules: str, facts: Facts, *,
            previous_day: dt.date | None = None, supervisors_changed: bool = False) -> CandidateChanges | None:
    """The candidate's moved statuses with their causes; None when nothing moved."""
    if before is None:
        return CandidateChanges(candidate, [Move(r.id, None, r.status.value, [_first(r)], list(r.reasons),
                                                 r.explanation) for r in after.results], first=True)
    moves = []
    for result in after.results:
        was = before.statuses.get(result.id)
        if was == result.status.value:
            continue
        causes = causes_of(result, was, before, after, rules, facts, previous_day, supervisors_changed)
        moves.append(Move(result.id, was, result.status.value, causes, list(result.reasons), result.explanation))
    return CandidateChanges(candidate, moves) if moves else None


def causes_of(result: RequirementResult, was: str | None, before: Checked, after: Rechecked, rules: str,
              facts: Facts, previous_day: dt.date | None, supervisors_changed: bool) -> list[Cause]:
    """Every cause that applies to one moved status; evidence the result cites comes before evidence it does not."""
    cited_documents = {ref.document for ref in result.items}
    cited_keys = {ref.key for ref in result.items} | {f"requirement:{result.id}"}
    read = [d for d in facts.documents if d.status != "failed"]
    causes = [_document(d) for d in read if d.sha256 in cited_documents]
    causes += [_decision(d) for d in facts.decisions if d.item_key in cited_keys]
    if before.rules != rules:
        causes.append(Cause(RULES, f"rule change ({before.rules} -> {rules})",
                            f"The rules changed from {before.rules} to {rules}."))
    if facts.details_changed:
        causes.append(Cause(DETAILS, "candidate details changed",
                            "The candidate's details (category or application date) changed."))
    if supervisors_changed and result.id == "reflective_supervision":
        causes.append(Cause(SUPERVISORS, "approved supervisors list changed",
                            "The staff's approved RS/C supervisors list changed."))
    on_previous = (after.on_previous_day or {}).get(result.id)
    if previous_day is not None and on_previous is not None and on_previous == was:
        causes.append(_date(result, previous_day))
    if not causes:  # evidence the result does not cite may still have moved it (a rejected item, say)
        causes += [_document(d, cited=False) for d in read]
        causes += [_decision(d, cited=False) for d in facts.decisions if d.item_key not in cited_keys]
    return causes or [Cause(UNEXPLAINED, "no known cause",
                            "No new document, decision, rule or date change explains this move; "
                            "look at the candidate page.")]


def _first(result: RequirementResult) -> Cause:
    return Cause(FIRST, "first check", f"First nightly check: {result.status.value}.")


def _document(document: NewDocument, cited: bool = True) -> Cause:
    note = "" if cited else " (not cited by this result)"
    return Cause(DOCUMENT, f"new document: {document.kind or 'unknown'} {document.sha256[:12]}{note}",
                 f"New document: {document.kind or 'unknown kind'}, {document.filename}{note}.")


def _decision(decision: Decided, cited: bool = True) -> Cause:
    note = "" if cited else " (not cited by this result)"
    what = decision.item_key if decision.item_key.startswith("requirement:") else \
        f"a {decision.item_key.split(':', 1)[0]} item"
    comment = f' ("{decision.comment}")' if decision.comment else ""
    return Cause(DECISION, f"reviewer decision: {decision.reviewer} {decision.action} {what}{note}",
                 f"Reviewer decision: {decision.reviewer} chose {decision.action} on {decision.item_key}"
                 f"{comment}{note}.")


def _date(result: RequirementResult, previous_day: dt.date) -> Cause:
    codes = ", ".join(result.reasons) or "no reason code"
    return Cause(DATE, f"date passing (since {previous_day}): {codes}",
                 f"Date passing: the same evidence gave the old status on {previous_day}. {result.explanation}")


def build_report(day: dt.date, rules: str, night: Night | None, rechecked: dict[str, Rechecked],
                 facts: dict[str, Facts], *, supervisors: str | None = None,
                 check_errors: dict[str, str] | None = None) -> NightlyReport:
    """The night's report from the previous snapshot, tonight's results and the store's facts."""
    changes = []
    supervisors_changed = night is not None and night.supervisors != supervisors
    for candidate, after in sorted(rechecked.items()):
        before = night.candidates.get(candidate) if night else None
        found = compare(candidate, before, after, rules, facts.get(candidate, Facts()),
                        previous_day=night.today if night and night.today != day else None,
                        supervisors_changed=supervisors_changed)
        if found is not None:
            changes.append(found)
    documents = [d for c in sorted(facts) for d in facts[c].documents]
    return NightlyReport(day, rules, len(rechecked), night, changes, documents, dict(check_errors or {}))


def snapshot(night: Night | None, rechecked: dict[str, Rechecked], rules: str) -> dict[str, Any]:
    """Tonight's statuses for the next night; a candidate whose check failed keeps its previous entry."""
    kept = {c: v.as_json() for c, v in (night.candidates if night else {}).items()}
    return kept | {c: Checked(r.statuses, rules, r.checked_at).as_json() for c, r in rechecked.items()}


def summary(report: NightlyReport, night: Night | None, rechecked: dict[str, Rechecked],
            supervisors: str | None) -> dict[str, Any]:
    """The run row's summary: counts for `endorse status` and the snapshot the next night compares with."""
    return {"status": "partial" if report.check_errors else "success", "candidates": report.checked,
            "changed": len(report.moved), "first_checked": len(report.first_checked),
            "new_documents": len(report.new_documents), "failed_documents": len(report.failed_documents),
            "check_errors": len(report.check_errors), "today": report.day.isoformat(), "rules": report.rules,
            "supervisors": supervisors, "snapshot": snapshot(night, rechecked, report.rules)}


# rendering

_templates = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True,
                         trim_blocks=True, lstrip_blocks=True)


def render_markdown(report: NightlyReport) -> str:
    """The Prefect artifact: candidate ids, statuses, causes and codes; no names, file names or sentences."""
    since = f"since the nightly run of {report.previous.today}" if report.previous else "first nightly run"
    lines = [f"# Nightly re-check {report.day}", "",
             f"{report.checked} candidates checked ({since}); {len(report.moved)} with status changes, "
             f"{len(report.first_checked)} checked for the first time; rules {report.rules}.", ""]
    if report.rules_changed and report.previous:
        lines += [f"**Rules changed**: {report.previous.rules} -> {report.rules}.", ""]
    if counts := report.cause_counts():
        lines += ["Moves by cause: " + ", ".join(f"{kind} {n}" for kind, n in counts.items()) + ".", ""]
    if report.previous and not report.moved:
        lines += ["No status moved since the previous nightly run.", ""]
    for change in report.moved:
        lines.append(f"## {change.candidate}")
        lines += [f"- {m.requirement}: {m.before or 'none'} -> {m.after}: " + "; ".join(c.public for c in m.causes)
                  for m in change.moves]
        lines.append("")
    if report.first_checked:
        lines += ["## First check", ""]
        lines += [f"- {c.candidate}: " + ", ".join(f"{m.requirement} {m.after}" for m in c.moves)
                  for c in report.first_checked]
        lines.append("")
    lines += [f"## New documents ({len(report.new_documents)})", ""]
    lines += [f"- {d.candidate}: {d.kind or 'unknown'} {d.sha256[:12]} ({d.status})"
              for d in report.new_documents] or ["- none"]
    lines += ["", f"## Failed documents ({len(report.failed_documents)})", ""]
    lines += [f"- {d.candidate}: {d.sha256[:12]} {d.error_code or 'failed'}"
              for d in report.failed_documents] or ["- none"]
    if report.check_errors:
        lines += ["", f"## Checks that failed ({len(report.check_errors)})", ""]
        lines += [f"- {c}: {error}" for c, error in report.check_errors.items()]
    return "\n".join(lines) + "\n"


def render_html(report: NightlyReport) -> str:
    """The morning page: per candidate, each move with its causes in sentences; documents and failures."""
    return _templates.get_template("nightly-report.html").render(report=report, generated=now())


def reports_dir(home: Path) -> Path:
    return home / "reports"


def report_files(home: Path) -> list[Path]:
    """The nightly reports, newest first: regular files named like a date, nothing else in the folder."""
    folder = reports_dir(home)
    if not folder.is_dir():
        return []
    found = [path for path in folder.iterdir() if re.fullmatch(REPORT_NAME, path.name)
             and path.is_file() and not path.is_symlink()]
    return sorted(found, key=lambda path: path.name, reverse=True)


def find_report(home: Path, name: str) -> Path | None:
    """The report of this exact name among `report_files`; a path, a pattern or a link finds nothing."""
    return next((path for path in report_files(home) if path.name == name), None)


def write_html(report: NightlyReport, home: Path) -> Path:
    """Write `<home>/reports/YYYY-MM-DD.html` atomically (temporary file, fsync, rename), owner-only."""
    folder = reports_dir(home)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder.chmod(0o700)
    target = folder / f"{report.day.isoformat()}.html"
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".part")  # mkstemp makes it 0600
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(render_html(report))
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return target


def parse_day(today: str | dt.date | None) -> dt.date:
    """The night's date: an ISO date, or the real date when none is given."""
    if today is None or isinstance(today, dt.date):
        return today or dt.date.today()
    try:
        return dt.date.fromisoformat(today)
    except ValueError:
        raise ValueError(f"today must be an ISO date (YYYY-MM-DD), not {today!r}") from None


