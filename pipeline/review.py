"""The review service: the queue of what needs a person, claims, decisions and their history, and accounts.

Plain functions over the Store, shared by the terminal (`endorse queue`, `endorse review`) and the web page.
A decision is keyed by the document's hash and the item's key (a requirement's by the candidate), so it
survives re-extraction; after each one the candidate's requirements are checked again at once.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from pipeline import recipe
from pipeline.models import CandidateRecord, Item, RequirementResult, Status
from pipeline.record import assemble, decision_for, latest_decisions, requirement_scope
from pipeline.settings import Settings
from pipeline.store import AuditRow, ClaimConflict, ClaimRow, DecisionRow, Store, now

CLAIM_LEASE = dt.timedelta(minutes=15)
ROLES = ("reviewer", "admin")
ACTIONS = ("accept", "correct", "reject")
PENDING = "item.needs_review"

DATE_FIELDS = {"date", "conferred", "start", "end", "valid_through"}
HOURS_FIELDS = {"hours", "stated_total", "rows_sum"}
FLAG_FIELDS = {"relevant", "signed", "passed", "official", "converted"}
NULLABLE_FIELDS = {"end", "rater_level"}
CHOICES = {"format": ("individual", "group"), "rater_level": ("II", "III", "IV"),
           "status": tuple(s.value for s in Status)}


class ReviewError(ValueError):
    """A decision that cannot be taken as asked; `problems` maps a field to what is wrong with it."""

    def __init__(self, message: str, problems: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or {}


@dataclass
class Entry:
    """One thing a person may decide: an item of a document, or a candidate's requirement result."""

    ref: str
    candidate: str
    what: str  # "item" or "requirement"
    type: str
    key: str
    scope: str  # the document hash a decision is kept under (a requirement's: the candidate's stand-in)
    value: dict[str, Any]
    reasons: list[str]
    needs_review: bool
    received_at: dt.datetime
    confidence: float | None = None
    document_kind: str = "requirement"
    filename: str | None = None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    explanation: str | None = None
    decision: DecisionRow | None = None
    claim: ClaimRow | None = None
    provenance: list[dict[str, Any]] = field(default_factory=list)

    @property
    def version(self) -> int:
        return self.claim.version if self.claim else 0

    def holder(self, at: dt.datetime | None = None) -> str | None:
        """Who holds an unexpired claim on this entry, if anyone."""
        if self.claim is None or self.claim.holder is None or self.claim.claimed_at is None:
            return None
        return self.claim.holder if self.claim.claimed_at > (at or now()) - CLAIM_LEASE else None

    def held_until(self) -> dt.datetime | None:
        return self.claim.claimed_at + CLAIM_LEASE if self.claim and self.claim.claimed_at else None

    @property
    def in_queue(self) -> bool:
        """Items flagged for a person; requirements that need one once their own items are decided."""
        return self.needs_review and (self.what == "item" or PENDING not in self.reasons)


def entry_ref(candidate: str, key: str) -> str:
    """A short stable id for an item or requirement of a candidate (used in URLs and on the terminal)."""
    return hashlib.sha256(f"{candidate}\x00{key}".encode()).hexdigest()[:12]


def os_user() -> str:
    """The reviewer a terminal decision is recorded under."""
    return getpass.getuser()


# the queue


def candidate_entries(store: Store, settings: Settings, candidate: str) -> tuple[CandidateRecord, list[Entry]]:
    """A candidate's record (decisions applied) and an entry for each of its items and requirements."""
    info = store.candidate_info(candidate)
    if info is None:
        raise KeyError(candidate)
    results = store.document_results(candidate)
    scope = requirement_scope(candidate)
    decisions = latest_decisions(store.decisions([r.document for r in results] + [scope]))
    record = assemble(candidate, info, results, list(decisions.values()))
    stored = store.requirements(candidate)
    record.requirements = stored or recipe.check_candidate(candidate, store, settings).requirements
    documents = {d.sha256: d for d in store.documents(candidate)}
    claims = store.claims([d for d in documents] + [scope])
    last_seen = max((d.received_at for d in documents.values()), default=now())
    entries = [item_entry(candidate, item, documents, decisions, claims) for item in record.items]
    entries += [requirement_entry(candidate, result, scope, last_seen, decisions, claims)
                for result in record.requirements]
    return record, entries


def item_entry(candidate: str, item: Item, documents: dict[str, Any], decisions: dict[str, DecisionRow],
               claims: dict[tuple[str, str], ClaimRow]) -> Entry:
    first = item.provenance[0] if item.provenance else None
    document = documents.get(first.document) if first else None
    scope = first.document if first else ""
    return Entry(
        ref=entry_ref(candidate, item.key), candidate=candidate, what="item", type=item.type, key=item.key,
        scope=scope, value=dict(item.value), reasons=list(item.reasons), needs_review=item.needs_review,
        received_at=document.received_at if document else now(), confidence=item.confidence,
        document_kind=(document.kind or "unknown") if document else "unknown",
        filename=document.filename if document else None, page=first.page if first else None,
        bbox=first.bbox if first else None, decision=decision_for(item, decisions),
        claim=claims.get((scope, item.key)), provenance=[p.model_dump(mode="json") for p in item.provenance])


def requirement_entry(candidate: str, result: RequirementResult, scope: str, last_seen: dt.datetime,
                      decisions: dict[str, DecisionRow], claims: dict[tuple[str, str], ClaimRow]) -> Entry:
    key = f"requirement:{result.id}"
    return Entry(
        ref=entry_ref(candidate, key), candidate=candidate, what="requirement", type="requirement", key=key,
        scope=scope, value={"status": result.status.value}, reasons=list(result.reasons),
        needs_review=result.status is Status.NEEDS_REVIEW, received_at=last_seen,
        explanation=result.explanation, decision=decisions.get(f"{scope}:{key}"), claim=claims.get((scope, key)))


def all_entries(store: Store, settings: Settings, candidate: str | None = None) -> list[Entry]:
    """Every entry of every candidate (or one)."""
    chosen = [candidate] if candidate else store.candidates()
    return [entry for c in chosen for entry in candidate_entries(store, settings, c)[1]]


def queue(entries: list[Entry], candidate: str | None = None, reason: str | None = None,
          kind: str | None = None) -> list[Entry]:
    """What waits for a person, oldest evidence first, narrowed by candidate, reason code and document kind."""
    waiting = [e for e in entries if e.in_queue and candidate in (None, "", e.candidate)
               and reason in (None, "", *e.reasons) and kind in (None, "", e.document_kind)]
    return sorted(waiting, key=lambda e: (e.received_at, e.candidate, e.what != "item", e.key))


def counts(entries: list[Entry]) -> dict[str, Counter[str]]:
    """How many waiting entries each candidate, reason code and document kind has."""
    waiting = [e for e in entries if e.in_queue]
    return {"candidate": Counter(e.candidate for e in waiting),
            "reason": Counter(r for e in waiting for r in e.reasons),
            "kind": Counter(e.document_kind for e in waiting)}


def find(store: Store, settings: Settings, ref: str) -> Entry:
    """The entry with this ref, or with this exact item key when only one candidate has it."""
    everything = all_entries(store, settings)
    found = [e for e in everything if e.ref == ref] or [e for e in everything if e.key == ref]
    if len(found) != 1:
        raise KeyError(ref if not found else f"{ref} names {len(found)} items; use the ref from `endorse queue`")
    return found[0]


def neighbours(waiting: list[Entry], ref: str) -> tuple[str | None, str | None]:
    """The refs before and after `ref` in a queue (the first and last entries when `ref` is not in it)."""
    refs = [e.ref for e in waiting]
    if ref not in refs:
        return None, refs[0] if refs else None
    at = refs.index(ref)
    return (refs[at - 1] if at > 0 else None), (refs[at + 1] if at + 1 < len(refs) else None)


# claims and decisions


def claim(store: Store, entry: Entry, reviewer: str) -> Entry:
    """Open an entry for a reviewer: claim it for 15 minutes unless someone else holds it."""
    entry.claim = store.claim_item(entry.scope, entry.key, reviewer, CLAIM_LEASE)
    return entry


def release(store: Store, entry: Entry, reviewer: str) -> None:
    store.release_item(entry.scope, entry.key, reviewer)


def parse_field(name: str, raw: str, entry: Entry) -> Any:
    """One corrected field, typed: a date must be a date, hours a number >= 0, flags yes or no."""
    text = raw.strip()
    if text == "" and name in NULLABLE_FIELDS:
        return None
    if name in DATE_FIELDS:
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            raise ValueError("must be a date, YYYY-MM-DD") from None
    if name in HOURS_FIELDS:
        try:
            hours = float(text)
        except ValueError:
            raise ValueError("must be a number of hours") from None
        if hours < 0 or hours != hours or hours == float("inf"):
            raise ValueError("must be a number of hours, 0 or more")
        return hours
    if name in FLAG_FIELDS:
        if text.lower() not in {"true", "false", "yes", "no"}:
            raise ValueError("must be yes or no")
        return text.lower() in {"true", "yes"}
    if name in CHOICES and text not in CHOICES[name]:
        raise ValueError(f"must be one of {', '.join(CHOICES[name])}")
    if not text:
        raise ValueError("must not be empty")
    return text


def editable_fields(entry: Entry) -> list[str]:
    """The value's fields a reviewer may correct (nested values are not edited by hand)."""
    return [k for k, v in entry.value.items() if not isinstance(v, dict | list)]


def validate_correction(entry: Entry, fields: dict[str, str]) -> dict[str, Any]:
    """The corrected fields, typed; raises ReviewError naming every bad field."""
    allowed, problems, typed = editable_fields(entry), {}, {}
    for name, raw in fields.items():
        if name not in allowed:
            problems[name] = f"is not a field of this {entry.type}"
            continue
        try:
            typed[name] = parse_field(name, raw, entry)
        except ValueError as exc:
            problems[name] = str(exc)
    if problems:
        raise ReviewError("; ".join(f"{k} {v}" for k, v in problems.items()), problems)
    if not typed:
        raise ReviewError("a correction needs at least one field=value")
    return typed


@dataclass
class Outcome:
    """What a decision did: the entry's new version and the requirement statuses before and after."""

    version: int
    record: CandidateRecord
    changed: dict[str, tuple[str, str]]


def decide(store: Store, settings: Settings, entry: Entry, action: str, reviewer: str, *,
           fields: dict[str, str] | None = None, comment: str | None = None,
           expected_version: int | None = None) -> Outcome:
    """Accept, correct or reject an entry, record who/when/old/new/comment, then re-check the candidate.

    Raises ReviewError for a bad action or value and ClaimConflict when another reviewer holds the entry
    or decided it since `expected_version`.
    """
    if action not in ACTIONS:
        raise ReviewError(f"unknown action {action!r}; use one of {', '.join(ACTIONS)}")
    corrected = validate_correction(entry, fields or {}) if action == "correct" else {}
    old = dict(entry.value)
    new = None if action == "reject" else {**old, **corrected}
    if entry.what == "requirement":
        new = {"status": corrected.get("status", "not_met" if action == "reject" else "met")}
        extracted: dict[str, Any] = {"status": entry.value["status"], "explanation": entry.explanation}
    else:
        extracted = old
    comment = (comment or "").strip() or None
    decision = DecisionRow(document_sha256=entry.scope, item_key=entry.key, action=action, reviewer=reviewer,
                           value=corrected or None if entry.what == "item" else new, comment=comment,
                           extracted=extracted)
    audit = AuditRow(actor=reviewer, action=f"decision.{action}", candidate_id=entry.candidate,
                     document_sha256=entry.scope, item_key=entry.key, old=old, new=new, comment=comment)
    before = {r.id: r.status.value for r in store.requirements(entry.candidate)}
    version = store.decide(decision, audit, CLAIM_LEASE, expected_version)
    record = recipe.check_candidate(entry.candidate, store, settings)
    changed = {r.id: (before.get(r.id, ""), r.status.value) for r in record.requirements
               if before.get(r.id) != r.status.value}
    return Outcome(version, record, changed)


def conflict_message(conflict: ClaimConflict, entry: Entry) -> str:
    """The sentence the second reviewer reads."""
    if conflict.holder:
        return (f"{conflict.holder} is reviewing this item (claimed until "
                f"{(entry.held_until() or now()):%H:%M} UTC); your decision was not saved.")
    return "Someone decided this item while you had it open; your decision was not saved. Look at it again."


def history(store: Store, entry: Entry) -> list[AuditRow]:
    """Every decision on an entry, newest first."""
    return store.audit_log(item=(entry.scope, entry.key), actions_like="decision.%")


def candidate_history(store: Store, candidate: str) -> list[AuditRow]:
    return store.audit_log(candidate=candidate, actions_like="decision.%")


# accounts

_hasher = PasswordHasher()


def add_user(store: Store, name: str, role: str, password: str, actor: str) -> None:
    """Create or reset a web account; the password is kept only as an argon2id hash."""
    if role not in ROLES:
        raise ReviewError(f"role must be one of {', '.join(ROLES)}")
    if not name.strip() or len(name) > 100:
        raise ReviewError("a user name is 1 to 100 characters")
    if len(password) < 8:
        raise ReviewError("a password needs at least 8 characters")
    store.add_user(name.strip(), _hasher.hash(password), role)
    store.add_audit(AuditRow(actor=actor, action="user.add", new={"name": name.strip(), "role": role}))


def authenticate(store: Store, name: str, password: str) -> str | None:
    """The account's role when the password is right, else None (a missing account costs the same time)."""
    user = store.user(name)
    try:
        _hasher.verify(user.password_hash if user else _dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None:
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        store.set_password_hash(name, _hasher.hash(password))
    return user.role


@cache
def _dummy_hash() -> str:
    return _hasher.hash("not a password anyone has")
