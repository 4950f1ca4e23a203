"""`rsc_window.v1`: enough reflective supervision/consultation hours inside a 1-to-2-year time frame."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pydantic import Field, model_validator

from pipeline.checks.evidence import (
    amend,
    category_unknown,
    conclude,
    dedupe,
    hours_text,
    normalise,
    plural,
    span_text,
    value_date,
    value_hours,
    years_text,
)
from pipeline.checks.registry import CheckContext, Params, predicate
from pipeline.models import CandidateRecord, Category, Item, RequirementResult, Status


class SupervisionParams(Params):
    """The minimum hours, the time frame they must fall in, and the categories that require RS/C."""

    min_hours: float = Field(gt=0)
    min_window_days: int = Field(gt=0)
    max_window_days: int = Field(gt=0)
    required_for: list[Category]
    total_tolerance: float = Field(default=0.05, ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> SupervisionParams:
        if self.min_window_days > self.max_window_days:
            raise ValueError("min_window_days must not exceed max_window_days")
        return self


@dataclass(frozen=True)
class Session:
    """A readable log row: its date, clock hours and the item it came from."""

    day: dt.date
    hours: float
    item: Item


@dataclass(frozen=True)
class Window:
    """A run of consecutive sessions, first to last."""

    sessions: tuple[Session, ...]

    @property
    def hours(self) -> float:
        """The run's clock hours."""
        return sum(session.hours for session in self.sessions)

    @property
    def days(self) -> int:
        """Days from the first session to the last."""
        return (self.sessions[-1].day - self.sessions[0].day).days

    @property
    def items(self) -> list[Item]:
        """The items of the run's sessions."""
        return [session.item for session in self.sessions]

    def text(self) -> str:
        """`52.5 h from 2024-03-04 to 2025-06-30 (15 months)`."""
        first, last = self.sessions[0].day, self.sessions[-1].day
        return f"{hours_text(self.hours)} from {first} to {last} ({span_text(self.days)})"


def session_key(item: Item) -> tuple[object, ...]:
    """Two rows with the same date, hours, format and supervisor are one session."""
    value = item.value
    return (
        value.get("date"),
        value_hours(item),
        normalise(value.get("format")),
        normalise(value.get("supervisor")),
    )


def readable(items: list[Item]) -> tuple[list[Session], list[Item]]:
    """The sessions with a date and hours, in date order, and the rows without."""
    sessions, unreadable = [], []
    for item in items:
        day, hours = value_date(item, "date"), value_hours(item)
        if day is None or hours is None:
            unreadable.append(item)
        else:
            sessions.append(Session(day, hours, item))
    return sorted(sessions, key=lambda session: session.day), unreadable


def best_window(sessions: list[Session], params: SupervisionParams) -> Window | None:
    """The run of sessions spanning `min_window_days`..`max_window_days` that holds the most hours."""
    found: Window | None = None
    for start, first in enumerate(sessions):
        run = [s for s in sessions[start:] if (s.day - first.day).days <= params.max_window_days]
        window = Window(tuple(run))
        if window.days >= params.min_window_days and (found is None or window.hours > found.hours):
            found = window
    return found


def is_approved(session: Session, ctx: CheckContext) -> bool:
    """Whether the session's supervisor is on the approved list (True when no list is available)."""
    if ctx.approved_supervisors is None:
        return True
    approved = {normalise(name) for name in ctx.approved_supervisors}
    return normalise(session.item.value.get("supervisor")) in approved


def review_clause(window: Window, ctx: CheckContext) -> tuple[str, list[str]]:
    """Why a window that would meet the minimum needs a person, with the codes."""
    outside = sorted(
        {str(s.item.value.get("supervisor")) for s in window.sessions if not is_approved(s, ctx)}
    )
    pending = sum(1 for session in window.sessions if session.item.needs_review)
    clauses = [f"{plural(pending, 'session')} await review"] if pending else []
    if outside:
        verb = "is" if len(outside) == 1 else "are"
        clauses.append(f"{', '.join(outside)} {verb} not on the approved supervisor list")
    return " and ".join(clauses), ["rsc.supervisor_not_approved"] if outside else []


def shortfall(
    sessions: list[Session], window: Window | None, params: SupervisionParams
) -> tuple[str, list[str]]:
    """Why the logged sessions do not meet the requirement, with the codes."""
    needed = f"{hours_text(params.min_hours)} are required"
    if window is not None:
        return f"At most {window.text()} fall in one time frame; {needed}.", ["rsc.hours_short"]
    whole = Window(tuple(sessions))
    logged = f"{hours_text(whole.hours)} logged over {span_text(whole.days)}"
    if whole.days >= params.min_window_days:
        frame = f"{years_text(params.min_window_days)} and {years_text(params.max_window_days)}"
        return f"{logged}, but no run of sessions spans between {frame}.", ["rsc.window_gap"]
    codes = ["rsc.window_short"] + (["rsc.hours_short"] if whole.hours < params.min_hours else [])
    return f"{logged}; the time frame must be at least {years_text(params.min_window_days)}.", codes


def evaluate(items: list[Item], params: SupervisionParams, ctx: CheckContext) -> RequirementResult:
    """The RS/C result from the session rows alone."""
    sessions, unreadable = readable(items)
    trusted = [s for s in sessions if not s.item.needs_review and is_approved(s, ctx)]
    window = best_window(trusted, params)
    if window is not None and window.hours >= params.min_hours:
        return met(window, params, ctx)
    window = best_window(sessions, params)
    if window is not None and window.hours >= params.min_hours:
        clause, codes = review_clause(window, ctx)
        text = f"{window.text()} would meet the {hours_text(params.min_hours)} required, but {clause}."
        return conclude(ctx, Status.NEEDS_REVIEW, text, window.items, codes)
    if not sessions:
        text = f"{plural(len(items), 'RS/C row')} found but none has a readable date and hours."
        return conclude(ctx, Status.NEEDS_REVIEW, text, items, ["rsc.row_unreadable"])
    text, codes = shortfall(sessions, window, params)
    result = conclude(ctx, Status.NOT_MET, text, items, codes)
    return (
        amend(result, "some rows cannot be read", ["rsc.row_unreadable"], Status.NEEDS_REVIEW)
        if unreadable
        else result
    )


def met(window: Window, params: SupervisionParams, ctx: CheckContext) -> RequirementResult:
    """The result for a window of accepted, approved sessions holding the minimum hours."""
    text = f"{window.text()} meet the {hours_text(params.min_hours)} required within one time frame."
    result = conclude(ctx, Status.MET, text, window.items)
    if ctx.approved_supervisors is None:
        return amend(
            result,
            "the approved supervisor list was not available to check",
            ["rsc.approved_list_unavailable"],
        )
    return result


def total_mismatches(record: CandidateRecord, tolerance: float) -> list[Item]:
    """Log totals whose stated total differs from the sum of the log's rows."""

    def differs(item: Item) -> bool:
        """Whether the stated total and the rows' sum are both known and disagree."""
        stated, rows = value_hours(item, "stated_total"), value_hours(item, "rows_sum")
        return stated is not None and rows is not None and abs(stated - rows) > tolerance

    return [item for item in record.of_type("supervision_total") if differs(item)]


def cross_checks(
    result: RequirementResult, record: CandidateRecord, params: SupervisionParams, dropped: int
) -> RequirementResult:
    """Add what the logs' own totals and repeated rows say to a result."""
    for total in total_mismatches(record, params.total_tolerance):
        stated, rows = value_hours(total, "stated_total") or 0.0, value_hours(total, "rows_sum") or 0.0
        clause = f"a log states {hours_text(stated)} but its rows add up to {hours_text(rows)}"
        result = amend(result, clause, ["rsc.total_mismatch"], Status.NEEDS_REVIEW, [total])
    if dropped:
        result = amend(result, f"{plural(dropped, 'repeated row')} counted once", ["rsc.duplicate_session"])
    return result


@predicate("rsc_window.v1", params=SupervisionParams)
def rsc_window(record: CandidateRecord, params: SupervisionParams, ctx: CheckContext) -> RequirementResult:
    """Reflective supervision: `min_hours` inside some run of sessions spanning 1 to 2 years."""
    items, duplicates = dedupe(record.of_type("supervision_session"), session_key)
    category = record.category
    if category is not None and category not in params.required_for and not items:
        text = f"RS/C is optional for {category.value} candidates and no RS/C log was given."
        return conclude(ctx, Status.NOT_APPLICABLE, text, [])
    if items:
        result = evaluate(items, params, ctx)
    else:
        result = conclude(ctx, Status.NOT_MET, "No RS/C session was found.", [], ["rsc.missing"])
    result = cross_checks(result, record, params, len(duplicates))
    if category is None:
        return category_unknown(
            result, f"RS/C is required for {', '.join(c.value for c in params.required_for)} only"
        )
    return result
