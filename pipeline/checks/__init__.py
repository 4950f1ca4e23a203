"""The requirement checks: the standard as data (`level-iv-mentor.yaml`) run against a candidate record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from pipeline.checks.registry import PREDICATES, CheckContext, predicate
from pipeline.checks.rules import REQUIREMENT_IDS, Requirement, Standard, StandardError, load_standard
from pipeline.models import CandidateRecord, RequirementResult, Status

__all__ = [
    "REQUIREMENT_IDS",
    "CheckContext",
    "Requirement",
    "Standard",
    "StandardError",
    "load_standard",
    "predicate",
    "run_checks",
    "run_requirement",
]


@lru_cache(maxsize=1)
def default_standard() -> Standard:
    """The Level IV standard shipped beside this module, read once per process."""
    return load_standard()


def run_requirement(
    record: CandidateRecord, requirement: Requirement, ctx: CheckContext
) -> RequirementResult:
    """One requirement's result; a predicate that raises yields `needs_review` with `check.error`."""
    try:
        result = PREDICATES[requirement.predicate].fn(record, requirement.params, ctx)
    except Exception as exc:  # errors are data: one failing check must not stop the others
        return RequirementResult(
            id=requirement.id,
            status=Status.NEEDS_REVIEW,
            explanation=f"The check could not run ({type(exc).__name__}: {exc}), so a person must decide.",
            reasons=["check.error"],
        )
    return result.model_copy(update={"id": requirement.id})


def run_checks(
    record: CandidateRecord,
    standard: Standard | None = None,
    today: dt.date | None = None,
    *,
    approved_supervisors: Iterable[str] | None = None,
) -> list[RequirementResult]:
    """Every requirement's result, in the standard's order.

    Dates are judged as of the application date (`record.applied_on`); `today` (default: the real
    date) stands in when the record has none. `approved_supervisors` is the staff's list of approved
    RS/C supervisors; None means the list is not available.
    """
    rules = standard if standard is not None else default_standard()
    ctx = CheckContext(
        today=record.applied_on or today or dt.date.today(),
        approved_supervisors=None if approved_supervisors is None else frozenset(approved_supervisors),
    )
    return [run_requirement(record, r, replace(ctx, requirement_id=r.id)) for r in rules.requirements]
