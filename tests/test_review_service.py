"""The review service and its terminal commands: queue, decisions, history, re-checks, claims, accounts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from review_sample import build
from typer.testing import CliRunner

from pipeline import recipe, review
from pipeline.cli import app
from pipeline.models import DocumentResult
from pipeline.store import ClaimConflict, ClaimRow, DocumentRow, Store

runner = CliRunner()


def statuses(store: Store, candidate: str = "c900") -> dict[str, str]:
    return {r.id: r.status.value for r in store.requirements(candidate)}


def entry_by_key(store, settings, key: str) -> review.Entry:
    return next(e for e in review.all_entries(store, settings) if e.key == key)


def test_queue_lists_flagged_items_and_requirements_with_counts(tmp_path: Path) -> None:
    store, settings = build(tmp_path)
    entries = review.all_entries(store, settings)
    waiting = review.queue(entries)
    keys = [e.key for e in waiting]
    assert "training:2022-01-15:reflective-practice" in keys and "exam" in keys
    assert all(e.in_queue for e in waiting)
    assert keys.index("exam") < keys.index("requirement:work_experience")  # items before requirements
    converted = review.queue(entries, reason="hours.converted")
    assert [e.key for e in converted] == ["training:2022-01-15:reflective-practice"]
    assert {e.what for e in review.queue(entries, kind="requirement")} == {"requirement"}
    assert review.queue(entries, candidate="nobody") == []
    counts = review.counts(entries)
    assert counts["candidate"]["c900"] == len(waiting)
    assert counts["kind"]["training_certificate"] == 2


def test_correct_rechecks_and_records_history(tmp_path: Path) -> None:
    store, settings = build(tmp_path)
    assert statuses(store)["training_hours"] == "not_met"
    entry = entry_by_key(store, settings, "training:2022-01-15:reflective-practice")
    outcome = review.decide(store, settings, entry, "correct", "ana", fields={"hours": "6"}, comment="0.6 CEU")
    assert outcome.changed["training_hours"] == ("not_met", "met")
    assert statuses(store)["training_hours"] == "met"
    (entry_after,) = [e for e in review.all_entries(store, settings) if e.key == entry.key]
    assert entry_after.value["hours"] == 6.0 and not entry_after.in_queue
    (row,) = review.history(store, entry_after)
    assert (row.actor, row.action, row.old["hours"], row.new["hours"], row.comment) == (
        "ana", "decision.correct", 3.0, 6.0, "0.6 CEU")


def test_accept_and_reject(tmp_path: Path) -> None:
    store, settings = build(tmp_path)
    exam = entry_by_key(store, settings, "exam")
    review.decide(store, settings, exam, "accept", "ana")
    assert statuses(store)["written_exam"] == "met"
    training = entry_by_key(store, settings, "training:2022-01-15:reflective-practice")
    review.decide(store, settings, training, "reject", "ana", comment="not relationship-based")
    keys = [i.key for i in recipe.check_candidate("c900", store, settings).items]
    assert training.key not in keys


@pytest.mark.parametrize(("fields", "problem"), [
    ({"hours": "-1"}, "hours"), ({"hours": "lots"}, "hours"), ({"date": "2021-02-30"}, "date"),
    ({"date": "last week"}, "date"), ({"relevant": "maybe"}, "relevant"), ({"colour": "red"}, "colour"),
])
def test_corrections_are_validated(tmp_path: Path, fields: dict[str, str], problem: str) -> None:
    store, settings = build(tmp_path)
    entry = entry_by_key(store, settings, "training:2022-01-15:reflective-practice")
    with pytest.raises(review.ReviewError) as caught:
        review.decide(store, settings, entry, "correct", "ana", fields=fields)
    assert set(caught.value.problems) == {problem}
    assert review.history(store, entry) == []


def test_a_requirement_decision_stands_until_its_evidence_changes(tmp_path: Path) -> None:
    store, settings = build(tmp_path)
    work = entry_by_key(store, settings, "requirement:work_experience")
    assert work.in_queue
    review.decide(store, settings, work, "correct", "ana", fields={"status": "not_met"})
    assert statuses(store)["work_experience"] == "not_met"
    with pytest.raises(review.ReviewError):
        review.decide(store, settings, work, "correct", "ana", fields={"status": "maybe"})


def test_claims_and_concurrent_decisions(tmp_path: Path) -> None:
    store, settings = build(tmp_path)
    entry = entry_by_key(store, settings, "exam")
    assert review.claim(store, entry, "ana").holder() == "ana"
    assert review.claim(store, entry_by_key(store, settings, "exam"), "ben").holder() == "ana"
    with pytest.raises(ClaimConflict) as held:
        review.decide(store, settings, entry, "accept", "ben", expected_version=0)
    assert held.value.holder == "ana"
    review.decide(store, settings, entry, "accept", "ana", expected_version=0)
    # ben opened it before ana decided: his stale version cannot overwrite her decision
    with pytest.raises(ClaimConflict) as stale:
        review.decide(store, settings, entry, "reject", "ben", expected_version=0)
    assert stale.value.holder is None and "decided this item" in review.conflict_message(stale.value, entry)
    assert [r.actor for r in review.history(store, entry)] == ["ana"]


def test_an_expired_claim_can_be_taken(tmp_path: Path) -> None:
    store, settings = build(tmp_path)
    entry = review.claim(store, entry_by_key(store, settings, "exam"), "ana")
    with store.session() as s:
        row = s.get_one(ClaimRow, entry.claim.id)
        row.claimed_at = row.claimed_at - dt.timedelta(minutes=16)
    assert review.claim(store, entry_by_key(store, settings, "exam"), "ben").holder() == "ben"


def test_decisions_survive_re_extraction_and_the_reviewer_value_stands(tmp_path: Path) -> None:
    store, settings = build(tmp_path)
    exam = entry_by_key(store, settings, "exam")
    review.decide(store, settings, exam, "accept", "ana")
    with store.session() as s:  # a new extractor version reads the exam as failed
        row = s.query(DocumentRow).one()
        result = DocumentResult.model_validate(row.result)
        for found in result.items:
            if found.key == "exam":
                found.value["passed"] = False
        row.result, row.extractor_version = result.model_dump(mode="json"), "test-2"
    record = recipe.check_candidate("c900", store, settings)
    (item,) = [i for i in record.items if i.key == "exam"]
    assert item.value["passed"] is True and not item.needs_review
    assert "review.reviewer_value_stands" in item.reasons
    assert any(f.code == "review.reviewer_value_stands" and f.item == "exam" for f in record.flags)
    assert statuses(store)["written_exam"] == "met"


def test_cli_queue_and_review(tmp_path: Path) -> None:
    build(tmp_path)
    home = ["--home", str(tmp_path)]
    shown = runner.invoke(app, [*home, "queue", "--json", "--reason", "hours.converted"])
    assert shown.exit_code == 0, shown.output
    (entry,) = json.loads(shown.output)
    bad = runner.invoke(app, [*home, "review", entry["ref"], "--correct", "hours=-2"])
    assert bad.exit_code == 2 and "0 or more" in bad.output
    both = runner.invoke(app, [*home, "review", entry["ref"], "--accept", "--reject"])
    assert both.exit_code != 0
    done = runner.invoke(app, [*home, "review", entry["ref"], "--correct", "hours=6", "--comment", "0.6 CEU"])
    assert done.exit_code == 0, done.output
    assert "training_hours: not_met -> met" in done.output
    assert runner.invoke(app, [*home, "queue", "--json", "--reason", "hours.converted"]).output.strip() == "[]"
    table = runner.invoke(app, [*home, "queue"])
    assert table.exit_code == 0 and "by candidate" in table.output
    missing = runner.invoke(app, [*home, "review", "nope", "--accept"])
    assert missing.exit_code == 2


def test_users_add_reads_the_password_from_stdin(tmp_path: Path) -> None:
    store, _ = build(tmp_path)
    added = runner.invoke(app, ["--home", str(tmp_path), "users", "add", "ana", "--role", "admin"],
                          input="correct horse battery\n")
    assert added.exit_code == 0, added.output
    user = store.user("ana")
    assert user is not None and user.role == "admin" and user.password_hash.startswith("$argon2id$")
    assert review.authenticate(store, "ana", "correct horse battery") == "admin"
    assert review.authenticate(store, "ana", "wrong") is None
    assert review.authenticate(store, "nobody", "correct horse battery") is None
    short = runner.invoke(app, ["--home", str(tmp_path), "users", "add", "ben"], input="short\n")
    assert short.exit_code == 2
    bad_role = runner.invoke(app, ["--home", str(tmp_path), "users", "add", "ben", "--role", "root"],
                             input="long enough password\n")
    assert bad_role.exit_code == 2
