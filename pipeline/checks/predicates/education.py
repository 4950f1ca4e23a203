"""`listed_degree.v1`: a listed graduate degree on an official transcript, with its conferral date."""

from __future__ import annotations

import re

from pydantic import Field

from pipeline.checks.evidence import Judged, best, conclude, normalise, value_date
from pipeline.checks.registry import CheckContext, Params, predicate
from pipeline.models import CandidateRecord, Item, RequirementResult, Status

PROBLEMS = {
    "transcript.unofficial": "the transcript looks unofficial",
    "transcript.official_unknown": "the transcript is not known to be official",
    "degree.conferral_missing": "its conferral date is missing",
}


class DegreeParams(Params):
    """The degrees the standard lists, and how to recognise an undergraduate degree."""

    degrees: list[str] = Field(min_length=1)
    undergraduate_degrees: list[str] = Field(default_factory=list)
    undergraduate_words: list[str] = Field(default_factory=list)


def abbreviation_key(text: object) -> str:
    """A degree abbreviation without case or punctuation: `M.S.W.` and `MSW` both give `msw`."""
    return "".join(re.findall(r"[^\W_]+", str(text or "").casefold()))


def is_listed(degree: Item, listed: list[str]) -> bool:
    """Whether the degree's abbreviation is one the standard lists."""
    return abbreviation_key(degree.value.get("abbreviation")) in {abbreviation_key(a) for a in listed}


def is_undergraduate(degree: Item, params: DegreeParams) -> bool:
    """Whether the degree is plainly a bachelor's or associate degree."""
    undergraduate = {abbreviation_key(a) for a in params.undergraduate_degrees}
    name_words = normalise(degree.value.get("name")).split()
    return abbreviation_key(degree.value.get("abbreviation")) in undergraduate or any(
        word.casefold() in name_words for word in params.undergraduate_words
    )


def describe(degree: Item) -> str:
    """A degree as a reader names it: `MSW in Social Work from Wayne State University`."""
    value = degree.value
    text = str(value.get("abbreviation") or value.get("name") or "a degree")
    if value.get("field"):
        text += f" in {value['field']}"
    return text + (f" from {value['institution']}" if value.get("institution") else "")


def judge_degree(degree: Item, params: DegreeParams) -> Judged:
    """How one degree item bears on the requirement, with its reason codes."""
    if not is_listed(degree, params.degrees):
        if is_undergraduate(degree, params):
            return Status.NOT_MET, ["degree.undergraduate"], degree
        return Status.NEEDS_REVIEW, ["degree.not_listed"], degree
    official = degree.value.get("official")
    reasons = (
        []
        if official is True
        else ["transcript.unofficial" if official is False else "transcript.official_unknown"]
    )
    if value_date(degree, "conferred") is None:
        reasons.append("degree.conferral_missing")
    return (Status.NEEDS_REVIEW if reasons else Status.MET), reasons, degree


def explain(status: Status, reasons: list[str], degree: Item, params: DegreeParams) -> str:
    """The sentence for the degree that decided the requirement."""
    name = describe(degree)
    if status is Status.MET:
        return (
            f"The {name} is a listed degree on an official transcript, conferred {degree.value['conferred']}."
        )
    if "degree.not_listed" in reasons:
        return (
            f"The {name} is not one of the listed degrees ({', '.join(params.degrees)}), so a person "
            "must decide whether it is specific to infant mental health."
        )
    if status is Status.NEEDS_REVIEW:
        problems = " and ".join(PROBLEMS[code] for code in reasons)
        return f"The {name} is a listed degree but {problems}, so a person must confirm it."
    return f"Only undergraduate degrees were found ({name}); a listed graduate degree is required."


@predicate("listed_degree.v1", params=DegreeParams)
def listed_degree(record: CandidateRecord, params: DegreeParams, ctx: CheckContext) -> RequirementResult:
    """Education: a listed degree on an official transcript with a conferral date."""
    degrees = record.of_type("degree")
    if not degrees:
        return conclude(ctx, Status.NOT_MET, "No degree was found in the evidence.", [], ["degree.missing"])
    status, reasons, degree = best(judge_degree(d, params) for d in degrees)
    used = [degree] if status is Status.MET else degrees
    return conclude(ctx, status, explain(status, reasons, degree, params), used, reasons)
