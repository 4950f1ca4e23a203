"""`min_training_hours.v1`: enough clock hours of relationship-based training, each training counted once."""

from __future__ import annotations

from pydantic import Field

from pipeline.checks.evidence import conclude, dedupe, hours_text, normalise, plural, total_hours, value_hours
from pipeline.checks.registry import CheckContext, Params, predicate
from pipeline.models import CandidateRecord, Item, RequirementResult, Status


class TrainingParams(Params):
    """The minimum clock hours of relationship-based training."""

    min_hours: float = Field(gt=0)


def certificate_key(item: Item) -> tuple[str, object]:
    """Two certificates with the same title (ignoring case and punctuation) and date are one training."""
    return normalise(item.value.get("title")), item.value.get("date")


def listing(certificates: list[Item]) -> str:
    """Certificates as `Title (6.0 h), Title (3.0 h)`."""

    def one(item: Item) -> str:
        """`Title (6.0 h)`."""
        hours = value_hours(item)
        amount = "hours unreadable" if hours is None else hours_text(hours)
        return f"{item.value.get('title') or item.key} ({amount})"

    return ", ".join(one(item) for item in certificates)


def sources(certificates: list[Item]) -> str:
    """` from 2 certificates (A (6.0 h), B (3.0 h))`, or nothing when there are none."""
    return (
        f" from {plural(len(certificates), 'certificate')} ({listing(certificates)})" if certificates else ""
    )


def notes(unclear: list[Item], irrelevant: list[Item], duplicates: list[Item]) -> str:
    """The clauses about certificates not counted or counted once."""
    clauses = []
    if unclear:
        clauses.append(
            f"{plural(len(unclear), 'certificate')} of unclear relevance not counted ({listing(unclear)})"
        )
    if irrelevant:
        clauses.append(
            f"{plural(len(irrelevant), 'certificate')} not relationship-based ({listing(irrelevant)})"
        )
    if duplicates:
        clauses.append(f"{plural(len(duplicates), 'duplicate certificate')} counted once")
    return "".join(f"; {clause}" for clause in clauses)


def decide(
    counted: list[Item], unclear: list[Item], min_hours: float
) -> tuple[Status, list[Item], str, list[str]]:
    """The status, the certificates it rests on, a verdict clause and the codes."""
    accepted = [item for item in counted if not item.needs_review]
    needed = f"the {hours_text(min_hours)} required"
    if total_hours(accepted) >= min_hours:
        return Status.MET, accepted, f"reach {needed}", []
    if total_hours(counted) >= min_hours:
        return Status.NEEDS_REVIEW, counted, f"reach {needed} only with certificates that await review", []
    short = f"fall short of {needed}"
    if total_hours(counted) + total_hours(unclear) >= min_hours:
        return (
            Status.NEEDS_REVIEW,
            counted,
            f"{short} unless certificates of unclear relevance count",
            ["training.relevance_unclear"],
        )
    if any(value_hours(item) is None for item in counted + unclear):
        return (
            Status.NEEDS_REVIEW,
            counted,
            f"{short}, but some certificates' hours cannot be read",
            ["training.hours_unreadable"],
        )
    return Status.NOT_MET, counted, short, ["training.hours_short"]


@predicate("min_training_hours.v1", params=TrainingParams)
def min_training_hours(
    record: CandidateRecord, params: TrainingParams, ctx: CheckContext
) -> RequirementResult:
    """Training: at least `min_hours` clock hours of relationship-based training."""
    certificates, duplicates = dedupe(record.of_type("training"), certificate_key)
    counted = [item for item in certificates if item.value.get("relevant") is True]
    unclear = [item for item in certificates if item.value.get("relevant") is None]
    irrelevant = [item for item in certificates if item.value.get("relevant") is False]
    status, relied, verdict, reasons = decide(counted, unclear, params.min_hours)
    if any(item.value.get("converted") for item in relied):
        reasons.append("training.converted")
    if duplicates:
        reasons.append("training.duplicate")
    explanation = (
        f"{hours_text(total_hours(relied))} of relationship-based training{sources(relied)} {verdict}"
        f"{notes(unclear, irrelevant, duplicates)}."
    )
    return conclude(ctx, status, explanation, relied if status is Status.MET else certificates, reasons)
