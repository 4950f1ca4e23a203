"""`reference_ratings.v1`: three ratings, one from an endorsed rater, from the category's sources."""

from __future__ import annotations

from itertools import permutations
from typing import Literal

from pydantic import Field

from pipeline.checks.evidence import category_unknown, conclude, dedupe, normalise, plural, unique
from pipeline.checks.registry import CheckContext, Params, PerCategory, predicate
from pipeline.models import CandidateRecord, Category, Item, RequirementResult, Status

Relationship = Literal[
    "program_supervisor", "rsc_provider", "supervisee", "colleague", "student", "department_chair"
]

Problem = tuple[Status, str, str]
"""Something wrong with the references: the status it leads to, its code and its clause."""


class ReferenceParams(Params):
    """How many ratings, the endorsement levels that count, each category's sources (one list a rating)."""

    min_references: int = Field(ge=1)
    endorsed_levels: list[str] = Field(min_length=1)
    sources: PerCategory[list[list[Relationship]]]


def rater_key(item: Item) -> str:
    """Two ratings by the same rater are one; a rating without a readable rater stands alone."""
    return normalise(item.value.get("rater")) or f"item:{item.key}"


def fills(references: list[Item], sources: list[list[Relationship]]) -> bool:
    """Whether distinct references can fill every source slot, each from a relationship the slot accepts."""
    return any(
        all(ref.value.get("relationship") in slot for ref, slot in zip(chosen, sources, strict=True))
        for chosen in permutations(references, len(sources))
    )


def relationship_text(relationship: object) -> str:
    """`program_supervisor` as `program supervisor`; a missing one as `unreadable`."""
    return str(relationship).replace("_", " ") if relationship else "unreadable"


def sources_text(sources: list[list[Relationship]]) -> str:
    """`program supervisor or colleague; rsc provider; supervisee`."""
    return "; ".join(" or ".join(relationship_text(r) for r in slot) for slot in sources)


def level_problems(references: list[Item], levels: list[str]) -> list[Problem]:
    """A problem when no rater is shown endorsed at one of the levels (a person's call if a level was unreadable)."""
    if any(ref.value.get("rater_level") in levels for ref in references):
        return []
    if any("reference.level_unreadable" in ref.reasons for ref in references):
        return [
            (
                Status.NEEDS_REVIEW,
                "reference.level_unreadable",
                "some raters' endorsement levels cannot be read",
            )
        ]
    return [
        (Status.NOT_MET, "reference.no_endorsed_rater", f"no rater is endorsed at Level {', '.join(levels)}")
    ]


def source_problems(
    references: list[Item], params: ReferenceParams, category: Category | None
) -> list[Problem]:
    """A problem when the raters' relationships do not fill the category's list."""
    if category is None:
        return []
    sources = params.sources.of(category)
    if fills(references, sources):
        return []
    found = ", ".join(relationship_text(ref.value.get("relationship")) for ref in references)
    clause = f"the relationships ({found}) do not fill the {category.value} list ({sources_text(sources)})"
    return [(Status.NEEDS_REVIEW, "reference.relationship_unfit", clause)]


def endorsed_text(references: list[Item], levels: list[str]) -> str:
    """`A (Level III)` for each rater endorsed at a counted level."""
    return ", ".join(
        f"{ref.value.get('rater')} (Level {ref.value['rater_level']})"
        for ref in references
        if ref.value.get("rater_level") in levels
    )


def judge(
    references: list[Item], params: ReferenceParams, category: Category | None
) -> tuple[Status, str, list[str]]:
    """The status, the explanation's tail and the codes for a set of distinct references."""
    if len(references) < params.min_references:
        return Status.NOT_MET, f"; {params.min_references} are required", ["reference.too_few"]
    problems = level_problems(references, params.endorsed_levels) + source_problems(
        references, params, category
    )
    if problems:
        status = Status.NOT_MET if any(p[0] is Status.NOT_MET for p in problems) else Status.NEEDS_REVIEW
        return status, "; " + " and ".join(p[2] for p in problems), unique(p[1] for p in problems)
    fit = "" if category is None else f" fill the {category.value} list"
    return Status.MET, f"{fit}, with {endorsed_text(references, params.endorsed_levels)} endorsed", []


@predicate("reference_ratings.v1", params=ReferenceParams)
def reference_ratings(
    record: CandidateRecord, params: ReferenceParams, ctx: CheckContext
) -> RequirementResult:
    """References: enough ratings, one from an endorsed rater, from the category's sources."""
    references, duplicates = dedupe(record.of_type("reference"), rater_key)
    status, tail, codes = judge(references, params, record.category)
    raters = ", ".join(str(ref.value.get("rater") or "unreadable rater") for ref in references)
    text = f"{plural(len(references), 'reference rating')}{f' ({raters})' if raters else ''}{tail}."
    if duplicates:
        codes.append("reference.duplicate")
    result = conclude(ctx, status, text, references, codes)
    if record.category is None:
        return category_unknown(result, "which raters count depends on the category")
    return result
