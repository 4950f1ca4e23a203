"""The nightly report: moves since the previous night with their causes, as an artifact, a page and a web route."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient
from review_sample import build as build_sample

from fixtures import layouts
from fixtures.candidates import GOLDEN
from fixtures.candidates import build as build_kit
from pipeline import checks, nightly, recipe, report, review
from pipeline.checks.rules import DEFAULT_STANDARD, load_standard
from pipeline.models import ItemRef, RequirementResult, Status
from pipeline.settings import Settings
from pipeline.store import open_store
from review.app import create_app

CLINICAL = "g01-clinical-complete"
"""Applied on 2026-10-01, so its results never move with the clock; its membership arrives on night 2."""
UNDATED = "g13-no-candidate-yaml"
"""No candidate.yaml and so no application date: judged as of the night's date; membership valid through 2026-12-31."""
PASSWORD = "a long enough password"


@pytest.fixture(scope="module")
def prefect_harness(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    os.environ["PREFECT_HOME"] = str(tmp_path_factory.mktemp("prefect-home"))
    from prefect.testing.utilities import prefect_test_harness

    import flows  # noqa: F401  (sets Prefect's quiet, telemetry-free environment)

    with prefect_test_harness(server_startup_timeout=90):
        yield


def write_candidate(intake: Path, candidate: str, parked: Path, hold_back: str | None = None) -> Path | None:
    """A golden candidate's folder made by the project's generator; the `hold_back` kind is written to `parked`."""
    golden = next(g for g in GOLDEN if g.id == candidate)
    folder = intake / candidate
    folder.mkdir(parents=True)
    held, kit = None, build_kit(golden, seed=11)
    for doc in kit.docs:
        if doc.kind == hold_back:
            parked.mkdir(parents=True, exist_ok=True)
            held = parked / doc.intake_name
            layouts.render(doc, held)
        else:
            layouts.render(doc, folder / doc.intake_name)
    if golden.category:
        (folder / "candidate.yaml").write_text(f"name: {json.dumps(kit.name)}\ncategory: {golden.category}\n"
                                               "applied_on: 2026-10-01\n")
    return held


def stricter_rules(tmp_path: Path) -> checks.Standard:
    """The standard as version 2, asking 40 training hours instead of 30."""
    raw = yaml.safe_load(DEFAULT_STANDARD.read_text(encoding="utf-8"))
    raw["version"] = 2
    (training,) = [r for r in raw["requirements"] if r["id"] == "training_hours"]
    training["params"]["min_hours"] = 40
    path = tmp_path / "level-iv-mentor-v2.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    return load_standard(path)


def page(home: Path, day: str) -> str:
    path = home / "reports" / f"{day}.html"
    assert path.stat().st_mode & 0o777 == 0o600
    return path.read_text(encoding="utf-8")


def latest_markdown() -> str:
    from prefect.artifacts import Artifact

    artifact = Artifact.get("nightly-report")
    assert artifact is not None
    return str(artifact.data)


@pytest.mark.flow
def test_a_clock_moved_across_five_nights_shows_each_cause(prefect_harness: None, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from flows.nightly import nightly_flow

    intake, home = tmp_path / "intake", tmp_path / "home"
    membership = write_candidate(intake, CLINICAL, tmp_path / "parked", hold_back="membership")
    write_candidate(intake, UNDATED, tmp_path / "parked")
    assert membership is not None
    settings = Settings(home=home, stable_seconds=0)
    recipe.process_intake(intake, settings)
    store = open_store(settings.url)

    first = nightly_flow(str(home), "2026-12-30")
    assert first["changes"] == {} and sorted(first["first_checked"]) == [CLINICAL, UNDATED]
    assert "first check" in page(home, "2026-12-30").lower()

    # night 2: the membership proof arrives (and a file that is not a PDF); the intake re-checks at once
    shutil.move(membership, intake / CLINICAL / membership.name)
    (intake / CLINICAL / "phone-photo.pdf").write_bytes(b"this is not a PDF")
    recipe.process_intake(intake, settings)
    assert {r.id: r.status.value for r in store.requirements(CLINICAL)}["membership"] == "met"
    read_at = {d.id: d.processed_at for d in store.documents()}
    second = nightly_flow(str(home), "2026-12-31")
    assert {d.id: d.processed_at for d in store.documents()} == read_at  # nothing read again
    assert second["changes"] == {CLINICAL: {"membership": {"from": "not_met", "to": "met",
                                                           "causes": ["new document"]}}}
    assert second["new_documents"] == 2 and second["failed_documents"] == 1
    html = page(home, "2026-12-31")
    assert f"New document: membership, {membership.name}." in html and "phone-photo.pdf" in html
    markdown = latest_markdown()
    assert "membership: not_met -> met: new document: membership" in markdown
    assert membership.name not in markdown and "phone-photo" not in markdown  # file names stay on the page

    # night 3: nothing new, but the undated candidate's membership (valid through 2026-12-31) lapses
    third = nightly_flow(str(home), "2027-01-01")
    assert third["changes"] == {UNDATED: {"membership": {"from": "met", "to": "not_met", "causes": ["date passing"]}}}
    assert third["new_documents"] == 0
    html = page(home, "2027-01-01")
    assert "Date passing: the same evidence gave the old status on 2026-12-31." in html
    assert "membership.expired" in html and "expired on 2026-12-31" in html
    assert "date passing (since 2026-12-31): membership.expired" in latest_markdown()

    # night 4: a reviewer settles the clinical candidate's work experience
    (entry,) = [e for e in review.all_entries(store, settings, CLINICAL) if e.key == "requirement:work_experience"]
    assert entry.value["status"] == "needs_review"
    review.decide(store, settings, entry, "accept", "ana", comment="duties match Level IV clinical work")
    fourth = nightly_flow(str(home), "2027-01-02")
    assert fourth["changes"] == {CLINICAL: {"work_experience": {"from": "needs_review", "to": "met",
                                                                "causes": ["reviewer decision"]}}}
    assert "ana chose accept on requirement:work_experience" in page(home, "2027-01-02")

    # night 5: the rules become version 2 (40 training hours): both candidates' 32 hours fall short
    version_2 = stricter_rules(tmp_path)  # written once: re-checks run two at a time, and a file rewritten
    monkeypatch.setattr(checks, "default_standard", lambda: version_2)  # per call can be read half-written
    fifth = nightly_flow(str(home), "2027-01-03")
    for candidate in (CLINICAL, UNDATED):
        moved = fifth["changes"].get(candidate, {})
        assert moved.get("training_hours") == {"from": "met", "to": "not_met", "causes": ["rule change"]}, (
            candidate, fifth["changes"], [r.model_dump(include={"id", "status", "reasons"})
                                          for r in store.requirements(candidate)])
    html = page(home, "2027-01-03")
    assert "level-iv-mentor@1 → level-iv-mentor@2" in html
    markdown = latest_markdown()
    assert "rule change (level-iv-mentor@1 -> level-iv-mentor@2)" in markdown
    name = store.candidate_info(CLINICAL).name  # type: ignore[union-attr]
    assert name and name not in markdown

    sixth = nightly_flow(str(home), "2027-01-03")  # the same night again: nothing moved
    assert sixth["changes"] == {} and sixth["first_checked"] == []


# the pure comparison, without Prefect or a store


def result(rid: str, status: str, documents: tuple[str, ...] = (), reasons: tuple[str, ...] = ()) -> RequirementResult:
    return RequirementResult(id=rid, status=Status(status), explanation=f"{rid} is {status}.",
                             items=[ItemRef(key=f"x:{d}", type="x", document=d) for d in documents],
                             reasons=list(reasons))


NOON = dt.datetime(2027, 1, 1, 12)
BEFORE = report.Checked({"membership": "met", "education": "met"}, "std@1", NOON)


def document(sha: str, filename: str = "proof.pdf", status: str = "done") -> report.NewDocument:
    return report.NewDocument("c1", sha, filename, "membership", status, None, None, NOON)


def decision(key: str, comment: str | None = None) -> report.Decided:
    return report.Decided("c1", "ben", "reject", key, comment, NOON)


def kinds(changes: report.CandidateChanges | None) -> dict[str, list[str]]:
    assert changes is not None
    return {m.requirement: [c.kind for c in m.causes] for m in changes.moves}


def test_every_cause_that_applies_is_listed() -> None:
    after = report.Rechecked([result("membership", "not_met", ("d1",), ("membership.expired",)),
                              result("education", "met")], NOON, on_previous_day={"membership": "met"})
    facts = report.Facts([document("d1")], [decision("x:d1")], details_changed=True)
    found = report.compare("c1", BEFORE, after, "std@2", facts, previous_day=dt.date(2026, 12, 31))
    assert kinds(found) == {"membership": ["new document", "reviewer decision", "rule change",
                                           "candidate details", "date passing"]}


def test_date_passing_needs_the_old_date_to_give_the_old_status() -> None:
    moved = [result("membership", "not_met", reasons=("membership.expired",)), result("education", "met")]
    by_date = report.compare("c1", BEFORE, report.Rechecked(moved, NOON, {"membership": "met"}), "std@1",
                             report.Facts(), previous_day=dt.date(2026, 12, 31))
    assert kinds(by_date) == {"membership": ["date passing"]}
    not_by_date = report.compare("c1", BEFORE, report.Rechecked(moved, NOON, {"membership": "not_met"}), "std@1",
                                 report.Facts(), previous_day=dt.date(2026, 12, 31))
    assert kinds(not_by_date) == {"membership": ["unexplained"]}


def test_evidence_the_result_does_not_cite_is_named_only_when_nothing_else_explains() -> None:
    moved = report.Rechecked([result("membership", "not_met"), result("education", "met")], NOON)
    facts = report.Facts([document("d9")], [decision("membership:x")])
    found = report.compare("c1", BEFORE, moved, "std@1", facts)
    assert found is not None
    assert [c.public.endswith("(not cited by this result)") for c in found.moves[0].causes] == [True, True]
    with_rules = report.compare("c1", BEFORE, moved, "std@2", facts)
    assert kinds(with_rules) == {"membership": ["rule change"]}


def test_a_failed_document_is_no_cause_and_an_unmoved_candidate_no_change() -> None:
    same = report.Rechecked([result("membership", "met", ("d1",)), result("education", "met")], NOON)
    assert report.compare("c1", BEFORE, same, "std@1", report.Facts([document("d1")])) is None
    moved = report.Rechecked([result("membership", "not_met", ("d1",)), result("education", "met")], NOON)
    failed = report.compare("c1", BEFORE, moved, "std@1", report.Facts([document("d1", status="failed")]))
    assert kinds(failed) == {"membership": ["unexplained"]}


def test_markdown_keeps_file_names_and_comments_out_and_the_page_escapes_them(tmp_path: Path) -> None:
    night = report.Night(NOON, dt.date(2026, 12, 31), "std@1", None, {"c1": BEFORE})
    after = {"c1": report.Rechecked([result("membership", "not_met", ("d1",)), result("education", "met")], NOON),
             "c2": report.Rechecked([result("education", "met")], NOON)}
    facts = {"c1": report.Facts([document("d1", "Jane <b>Doe</b> membership.pdf")],
                                [decision("membership:x", comment="Jane called")]), "c2": report.Facts()}
    nightly = report.build_report(dt.date(2027, 1, 1), "std@1", night, after, facts)
    assert [c.candidate for c in nightly.moved] == ["c1"] and [c.candidate for c in nightly.first_checked] == ["c2"]
    markdown = report.render_markdown(nightly)
    assert "Jane" not in markdown and "membership: met -> not_met: new document: membership d1" in markdown
    path = report.write_html(nightly, tmp_path)
    html = path.read_text(encoding="utf-8")
    assert path.name == "2027-01-01.html" and "Jane &lt;b&gt;Doe&lt;/b&gt; membership.pdf" in html
    assert "<b>Doe</b>" not in html and path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.joinpath("reports").iterdir()] == ["2027-01-01.html"]  # no temporary left


def test_a_bad_today_is_refused_with_a_sentence() -> None:
    with pytest.raises(ValueError, match="ISO date"):
        report.parse_day("31/12/2026")


# the web page


def logged_in(app: TestClient) -> TestClient:
    token = re.search(r'name="csrf" value="([^"]+)"', app.get("/login").text)
    assert token
    answer = app.post("/login", data={"name": "ana", "password": PASSWORD, "csrf": token.group(1)})
    assert answer.status_code == 303
    return app


def test_reports_are_listed_and_served_only_after_login_and_only_by_date_name(tmp_path: Path) -> None:
    store, settings = build_sample(tmp_path / "home")
    review.add_user(store, "ana", "reviewer", PASSWORD, actor="tests")
    nightly.run_nightly(settings, "2026-12-01", store)
    nightly.run_nightly(settings, "2026-12-02", store)
    reports = settings.home / "reports"
    (reports / "notes.html").write_text("not a report")
    (reports / "2020-01-01.html").symlink_to(settings.home / "web-secret")
    app = TestClient(create_app(settings, store), base_url="http://127.0.0.1", follow_redirects=False)

    for path in ("/reports", "/reports/2026-12-02.html"):
        answer = app.get(path)
        assert answer.status_code == 303 and answer.headers["location"].startswith("/login")

    logged_in(app)
    assert 'href="/reports"' in app.get("/queue").text
    listing = app.get("/reports").text
    assert re.findall(r'href="/reports/([^"]+)"', listing) == ["2026-12-02.html", "2026-12-01.html"]
    shown = app.get("/reports/2026-12-01.html")
    assert shown.status_code == 200 and "Nightly report 2026-12-01" in shown.text
    assert "default-src 'none'" in shown.headers["content-security-policy"]
    secret = (settings.home / "web-secret").read_text()
    for bad in ("/reports/notes.html", "/reports/2020-01-01.html", "/reports/2026-12-03.html",
                "/reports/..%2Fweb-secret", "/reports/%2E%2E%2Fendorse.db", "/reports/2026-12-01.html%00",
                "/reports/2026-12-01"):
        answer = app.get(bad)
        assert answer.status_code == 404, bad
        assert secret not in answer.text


@pytest.mark.flow
def test_the_flow_gives_the_plain_run_s_report(prefect_harness: None, tmp_path: Path) -> None:
    from flows.nightly import nightly_flow

    plain_store, plain = build_sample(tmp_path / "plain")
    flowed_store, flowed = build_sample(tmp_path / "flowed")
    for day in ("2026-12-01", "2026-12-02"):
        by_hand = nightly.run_nightly(plain, day, plain_store).as_dict()
        by_flow = nightly_flow(str(flowed.home), day)
        assert by_flow.pop("report") == str(flowed.home / "reports" / f"{day}.html")
        assert by_flow == by_hand
        for store, settings in ((plain_store, plain), (flowed_store, flowed)):
            (entry,) = [e for e in review.all_entries(store, settings) if e.key == "requirement:work_experience"]
            if entry.decision is None:
                review.decide(store, settings, entry, "accept", "ana")
    assert by_hand["changes"] == {"c900": {"work_experience": {"from": "needs_review", "to": "met",
                                                               "causes": ["reviewer decision"]}}}
