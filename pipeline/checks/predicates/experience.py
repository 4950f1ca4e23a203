"""`postgrad_experience.v1`: years of work after the qualifying degree; its kind is a person's call."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field

from pipeline.checks.evidence import category_unknown, conclude, plural, value_date
from pipeline.checks.predicates.education import is_listed
from pipeline.checks.registry import CheckContext, Params, PerCategory, predicate
from pipeline.models import CandidateRecord, Item, RequirementResult, Status

Interval = tuple[dt.date, dt.date]


class Component(Params):
    """One kind of post-graduate work a category needs, and for how many years."""

    kind: str = Field(min_length=1)
    years: float = Field(gt=0)


class ExperienceParams(Params):
    """The degrees that qualify, the length of a year and the work each category needs."""

    degrees: list[str] = Field(min_length=1)
    days_per_year: int = Field(default=365, gt=0)
    categories: PerCategory[Annotated[list[Component], Field(min_length=1)]]


def qualifying_degree(record: CandidateRecord, listed: list[str]) -> tuple[Item, dt.date] | None:
    """The listed degree conferred first, with its conferral date; None when no date is known."""
    conferred = [(value_date(d, "conferred"), d) for d in record.of_type("degree") if is_listed(d, listed)]
    dated = [(day, degree) for day, degree in conferred if day is not None]
    if not dated:
        return None
    day, degree = min(dated, key=lambda pair: pair[0])
    return degree, day


def job_interval(job: Item, since: dt.date, today: dt.date) -> Interval | None:
    """A job's dates clipped to after `since` and up to `today`; None when it has no start date."""
    start = value_date(job, "start")
    if start is None:
        return None
    begin, end = max(start, since), min(value_date(job, "end") or today, today)
    return begin, max(end, begin)


def covered_days(intervals: list[Interval]) -> int:
    """Days covered by at least one interval: overlapping jobs count once."""
    total, reach = 0, dt.date.min
    for start, end in sorted(intervals):
        if end > reach:
            total += (end - max(start, reach)).days
            reach = end
    return total


def needs_text(components: list[Component]) -> str:
    """`2 years of specialized work plus 3 years of RS/C provision and leadership`."""
    return " plus ".join(f"{c.years:g} years of {c.kind}" for c in components)


def judge_years(
    years: float, undated: int, components: list[Component] | None
) -> tuple[Status, str, list[str]]:
    """The status, the clause ending the explanation and the codes, from the years and the need."""
    if components is None:
        return Status.NEEDS_REVIEW, "; the years needed depend on the category", []
    needed = f"the {sum(c.years for c in components):g} needed ({needs_text(components)})"
    if years < sum(c.years for c in components):
        if undated:
            clause = f" are short of {needed}, but {plural(undated, 'job')} without a start date may add more"
            return Status.NEEDS_REVIEW, clause, ["experience.dates_missing"]
        return Status.NOT_MET, f" are short of {needed}", ["experience.years_short"]
    split = ", and how the years split between kinds," if len(components) > 1 else ""
    clause = f" are enough for {needed}; whether the work is of that kind{split} is a person's call"
    return Status.NEEDS_REVIEW, clause, ["experience.kind_review"]


def evaluate(record: CandidateRecord, params: ExperienceParams, ctx: CheckContext) -> RequirementResult:
    """The work-experience result for the record's category (None: category unknown)."""
    jobs = record.of_type("employment")
    if not jobs:
        return conclude(ctx, Status.NOT_MET, "No employment evidence was found.", [], ["experience.none"])
    qualifying = qualifying_degree(record, params.degrees)
    if qualifying is None:
        text = f"{plural(len(jobs), 'job')} found, but no listed degree has a conferral date to count from."
        return conclude(ctx, Status.NEEDS_REVIEW, text, jobs, ["experience.conferral_unknown"])
    degree, conferred = qualifying
    intervals = [job_interval(job, conferred, ctx.today) for job in jobs]
    years = covered_days([i for i in intervals if i is not None]) / params.days_per_year
    components = None if record.category is None else params.categories.of(record.category)
    status, clause, codes = judge_years(years, intervals.count(None), components)
    text = (
        f"{years:.1f} post-graduate years of employment ({plural(len(jobs), 'job')}) since the "
        f"{degree.value.get('abbreviation')} conferred {conferred}{clause}."
    )
    return conclude(ctx, status, text, [degree, *jobs], codes)


@predicate("postgrad_experience.v1", params=ExperienceParams)
def postgrad_experience(
    record: CandidateRecord, params: ExperienceParams, ctx: CheckContext
) -> RequirementResult:
    """Work experience: enough post-graduate years; a person always judges the kind of work."""
    result = evaluate(record, params, ctx)
    if record.category is None:
        return category_unknown(result, "the years and kind of work needed differ by category")
    return result
