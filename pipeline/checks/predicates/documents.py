"""The one-document checks: `signed_agreement.v1`, `exam_passed.v1`, `current_membership.v1`."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated

from pydantic import BeforeValidator, Field

from pipeline.checks.evidence import Judged, best, conclude, value_date
from pipeline.checks.registry import CheckContext, NoParams, Params, predicate
from pipeline.models import CandidateRecord, Item, RequirementResult, Status

AGREEMENT = "The Code of Ethics & Endorsement Agreement"


def _compile(pattern: object) -> re.Pattern[str]:
    """A case-insensitive regular expression, or a ValueError saying why it is not one."""
    try:
        return re.compile(str(pattern), re.IGNORECASE)
    except re.error as err:
        raise ValueError(f"not a regular expression: {err}") from err


class MembershipParams(Params):
    """Regular expressions (case-insensitive) that recognise an infant mental health association."""

    organization_patterns: list[Annotated[re.Pattern[str], BeforeValidator(_compile)]] = Field(min_length=1)


def decide_best(
    ctx: CheckContext,
    judged: list[Judged],
    sentence: Callable[[str, Item], str],
    missing: tuple[str, str],
) -> RequirementResult:
    """The result from the most favourable item; `sentence` explains it by its first code (`met` if none)."""
    if not judged:
        code, text = missing
        return conclude(ctx, Status.NOT_MET, text, [], [code])
    status, reasons, item = best(judged)
    return conclude(ctx, status, sentence(reasons[0] if reasons else "met", item), [item], reasons)


def dated(item: Item, key: str = "date") -> str:
    """` dated 2024-05-01` when the item has that date, else nothing."""
    day = value_date(item, key)
    return f" dated {day}" if day else ""


def judge_signature(item: Item) -> Judged:
    """Signed and dated, signed without a date, unclear, or unsigned."""
    signed = item.value.get("signed")
    if signed is True:
        if value_date(item, "date") is None:
            return Status.NEEDS_REVIEW, ["ethics.date_missing"], item
        return Status.MET, [], item
    if signed is None:
        return Status.NEEDS_REVIEW, ["ethics.signature_unclear"], item
    return Status.NOT_MET, ["ethics.unsigned"], item


def signature_sentence(code: str, item: Item) -> str:
    """The explanation for the signature that decided the check."""
    return {
        "met": f"{AGREEMENT} is signed and{dated(item)}.",
        "ethics.date_missing": f"{AGREEMENT} is signed but has no readable date.",
        "ethics.signature_unclear": f"{AGREEMENT}'s signature cannot be confirmed, so a person must look.",
        "ethics.unsigned": f"{AGREEMENT} is not signed.",
    }[code]


@predicate("signed_agreement.v1")
def signed_agreement(record: CandidateRecord, params: NoParams, ctx: CheckContext) -> RequirementResult:
    """Code of Ethics: the agreement is signed and dated."""
    judged = [judge_signature(item) for item in record.of_type("signature")]
    missing = ("ethics.missing", "No signed Code of Ethics & Endorsement Agreement was found.")
    return decide_best(ctx, judged, signature_sentence, missing)


def judge_exam(item: Item) -> Judged:
    """Passed, failed, or wording that is not a clear pass or fail."""
    passed = item.value.get("passed")
    if passed is True:
        return Status.MET, [], item
    if passed is False:
        return Status.NOT_MET, ["exam.failed"], item
    return Status.NEEDS_REVIEW, ["exam.result_unclear"], item


def exam_sentence(code: str, item: Item) -> str:
    """The explanation for the exam result that decided the check."""
    return {
        "met": f"The written examination result{dated(item)} is a pass.",
        "exam.failed": f"The written examination result{dated(item)} is not a pass.",
        "exam.result_unclear": f"The written examination result{dated(item)} is not a clear pass or fail.",
    }[code]


@predicate("exam_passed.v1")
def exam_passed(record: CandidateRecord, params: NoParams, ctx: CheckContext) -> RequirementResult:
    """Written exam: a result notice says passed."""
    judged = [judge_exam(item) for item in record.of_type("exam")]
    return decide_best(
        ctx, judged, exam_sentence, ("exam.missing", "No written examination result was found.")
    )


def judge_membership(item: Item, params: MembershipParams, ctx: CheckContext) -> Judged:
    """Current and recognised, expired, undated, or not recognisably an IMH association."""
    valid_through = value_date(item, "valid_through")
    if valid_through is not None and valid_through < ctx.today:
        return Status.NOT_MET, ["membership.expired"], item
    organization = str(item.value.get("organization") or "")
    if not any(pattern.search(organization) for pattern in params.organization_patterns):
        return Status.NEEDS_REVIEW, ["membership.org_unrecognised"], item
    if valid_through is None:
        return Status.NEEDS_REVIEW, ["membership.date_missing"], item
    return Status.MET, [], item


def membership_sentence(today: str) -> Callable[[str, Item], str]:
    """The explainer for the membership that decided the check, as of `today`."""

    def sentence(code: str, item: Item) -> str:
        """The sentence for one membership item and its first code."""
        organization = item.value.get("organization") or "an unnamed organisation"
        through = item.value.get("valid_through")
        return {
            "met": f"Membership in {organization} is current through {through} (checked on {today}).",
            "membership.expired": f"Membership in {organization} expired on {through}, before {today}.",
            "membership.org_unrecognised": f"{organization} is not recognisably an IMH association.",
            "membership.date_missing": f"Membership in {organization} has no readable valid-through date.",
        }[code]

    return sentence


@predicate("current_membership.v1", params=MembershipParams)
def current_membership(
    record: CandidateRecord, params: MembershipParams, ctx: CheckContext
) -> RequirementResult:
    """Membership: an infant mental health association, current on the application date."""
    judged = [judge_membership(item, params, ctx) for item in record.of_type("membership")]
    missing = ("membership.missing", "No membership in an infant mental health association was found.")
    return decide_best(ctx, judged, membership_sentence(str(ctx.today)), missing)
