"""Every route of the reviewers' web page through FastAPI's TestClient: auth, CSRF, validation, conflicts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from review_sample import build

from pipeline import review
from pipeline.settings import Settings
from pipeline.store import Store
from review.app import create_app

PASSWORD = "a long enough password"


@pytest.fixture
def site(tmp_path: Path) -> tuple[Store, Settings]:
    store, settings = build(tmp_path)
    review.add_user(store, "ana", "admin", PASSWORD, actor="tests")
    review.add_user(store, "ben", "reviewer", PASSWORD, actor="tests")
    return store, settings


def client(site: tuple[Store, Settings]) -> TestClient:
    store, settings = site
    return TestClient(create_app(settings, store), base_url="http://127.0.0.1", follow_redirects=False)


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, html
    return found.group(1)


def logged_in(site: tuple[Store, Settings], name: str = "ana") -> TestClient:
    browser = client(site)
    token = csrf_of(browser.get("/login").text)
    answer = browser.post("/login", data={"name": name, "password": PASSWORD, "csrf": token})
    assert answer.status_code == 303, answer.text
    return browser


def ref_of(store: Store, settings: Settings, key: str) -> str:
    return next(e.ref for e in review.all_entries(store, settings) if e.key == key)


TRAINING = "training:2022-01-15:reflective-practice"


@pytest.mark.parametrize("path", ["/", "/queue", "/audit", "/candidates/c900", "/items/abc", "/items/abc/page.png"])
def test_every_page_but_login_needs_a_session(site, path: str) -> None:
    answer = client(site).get(path)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/login")


@pytest.mark.parametrize("path", ["/logout", "/items/abc/decide", "/items/abc/release"])
def test_every_form_needs_a_session(site, path: str) -> None:
    answer = client(site).post(path, data={"csrf": "x"})
    assert answer.status_code == 303 and answer.headers["location"].startswith("/login")


def test_login_sets_a_strict_http_only_cookie_and_refuses_a_bad_password(site) -> None:
    browser = client(site)
    page = browser.get("/login")
    assert page.status_code == 200 and "Log in" in page.text
    wrong = browser.post("/login", data={"name": "ana", "password": "nope", "csrf": csrf_of(page.text)})
    assert wrong.status_code == 401 and "do not match" in wrong.text
    right = browser.post("/login", data={"name": "ana", "password": PASSWORD, "csrf": csrf_of(wrong.text),
                                         "next": "//evil.example/"})
    assert right.status_code == 303 and right.headers["location"] == "/queue"
    cookie = right.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert [r.action for r in site[0].audit_log(actions_like="login%")] == ["login", "login.failed"]


def test_login_without_csrf_is_refused(site) -> None:
    answer = client(site).post("/login", data={"name": "ana", "password": PASSWORD})
    assert answer.status_code == 403


def test_queue_filters_and_counts(site) -> None:
    browser = logged_in(site)
    assert browser.get("/").headers["location"] == "/queue"
    page = browser.get("/queue")
    assert page.status_code == 200 and TRAINING in page.text and "hours.converted (1)" in page.text
    only = browser.get("/queue", params={"reason": "hours.converted"})
    assert TRAINING in only.text and ">exam<" not in only.text
    assert "Nothing waits" in browser.get("/queue", params={"candidate": "nobody"}).text
    assert "requirement:work_experience" in browser.get("/queue", params={"kind": "requirement"}).text


def test_item_screen_shows_the_box_on_the_cached_page_image(site) -> None:
    store, settings = site
    browser = logged_in(site)
    ref = ref_of(store, settings, TRAINING)
    page = browser.get(f"/items/{ref}")
    assert page.status_code == 200 and 'id="itembox"' in page.text and f"/items/{ref}/page.png" in page.text
    image = browser.get(f"/items/{ref}/page.png")
    assert image.status_code == 200 and image.content[:8] == b"\x89PNG\r\n\x1a\n"
    cached = list((settings.home / "pages").rglob("*.png"))
    assert len(cached) == 1
    before = cached[0].stat().st_mtime_ns
    browser.get(f"/items/{ref}/page.png")
    assert cached[0].stat().st_mtime_ns == before  # rendered once
    assert browser.get("/items/000000000000").status_code == 404


def test_correct_with_validation_then_status_changes(site) -> None:
    store, settings = site
    browser = logged_in(site)
    ref = ref_of(store, settings, TRAINING)
    page = browser.get(f"/items/{ref}")
    form = {"csrf": csrf_of(page.text), "version": "0", "action": "correct", "field.hours": "-3"}
    bad = browser.post(f"/items/{ref}/decide", data=form)
    assert bad.status_code == 422 and "0 or more" in bad.text and 'value="-3"' in bad.text
    bad_date = browser.post(f"/items/{ref}/decide", data={**form, "field.hours": "6", "field.date": "2022-13-01"})
    assert bad_date.status_code == 422 and "must be a date" in bad_date.text
    unchanged = browser.post(f"/items/{ref}/decide", data={**form, "field.hours": "3"})
    assert unchanged.status_code == 422 and "Change at least one field" in unchanged.text
    done = browser.post(f"/items/{ref}/decide", data={**form, "field.hours": "6", "comment": "0.6 CEU"})
    assert done.status_code == 303
    following = browser.get(done.headers["location"])
    assert "training_hours: not_met → met" in following.text
    candidate = browser.get("/candidates/c900").text
    assert 'id="req-training_hours"' in candidate and 'data-status="met"' in candidate
    assert "0.6 CEU" in candidate and "<svg" in candidate


def test_decisions_need_csrf_and_a_version(site) -> None:
    store, settings = site
    browser = logged_in(site)
    ref = ref_of(store, settings, "exam")
    token = csrf_of(browser.get(f"/items/{ref}").text)
    assert browser.post(f"/items/{ref}/decide", data={"action": "accept", "version": "0"}).status_code == 403
    assert browser.post(f"/items/{ref}/decide",
                        data={"action": "accept", "version": "0", "csrf": "forged"}).status_code == 403
    assert browser.post(f"/items/{ref}/decide", data={"action": "accept", "csrf": token}).status_code == 400
    assert browser.post(f"/items/{ref}/release", data={}).status_code == 403
    assert browser.post("/logout", data={}).status_code == 403
    assert review.history(store, review.find(store, settings, ref)) == []


def test_claims_and_concurrent_decisions(site) -> None:
    store, settings = site
    ana, ben = logged_in(site, "ana"), logged_in(site, "ben")
    ref = ref_of(store, settings, "exam")
    ana_page, ben_page = ana.get(f"/items/{ref}").text, ben.get(f"/items/{ref}").text
    assert "ana is reviewing this item" in ben_page
    ben_try = ben.post(f"/items/{ref}/decide", data={"csrf": csrf_of(ben_page), "version": "0", "action": "reject"})
    assert ben_try.status_code == 409 and "ana is reviewing this item" in ben_try.text
    assert ana.post(f"/items/{ref}/decide",
                    data={"csrf": csrf_of(ana_page), "version": "0", "action": "accept"}).status_code == 303
    late = ben.post(f"/items/{ref}/decide", data={"csrf": csrf_of(ben_page), "version": "0", "action": "reject"})
    assert late.status_code == 409 and "Someone decided this item while you had it open" in late.text
    assert [(h.actor, h.action) for h in review.history(store, review.find(store, settings, ref))] == [
        ("ana", "decision.accept")]


def test_release_lets_another_reviewer_take_the_item(site) -> None:
    store, settings = site
    ana, ben = logged_in(site, "ana"), logged_in(site, "ben")
    ref = ref_of(store, settings, "exam")
    page = ana.get(f"/items/{ref}").text
    assert ana.post(f"/items/{ref}/release", data={"csrf": csrf_of(page)}).status_code == 303
    assert "is reviewing this item" not in ben.get(f"/items/{ref}").text


def test_requirement_decision_from_the_page(site) -> None:
    store, settings = site
    browser = logged_in(site)
    ref = ref_of(store, settings, "requirement:work_experience")
    page = browser.get(f"/items/{ref}")
    assert page.status_code == 200 and "a person" in page.text
    done = browser.post(f"/items/{ref}/decide", data={"csrf": csrf_of(page.text), "version": "0",
                                                      "action": "correct", "field.status": "not_met"})
    assert done.status_code == 303
    assert {r.id: r.status.value for r in store.requirements("c900")}["work_experience"] == "not_met"


def test_audit_log_is_for_admins(site) -> None:
    assert logged_in(site, "ben").get("/audit").status_code == 403
    audit = logged_in(site, "ana").get("/audit")
    assert audit.status_code == 200 and "user.add" in audit.text


def test_candidate_page_and_logout(site) -> None:
    browser = logged_in(site)
    page = browser.get("/candidates/c900")
    assert page.status_code == 200 and page.text.count('class="status ') >= 8
    assert "RS/C" in page.text and "30 h" in page.text
    assert browser.get("/candidates/nobody").status_code == 404
    out = browser.post("/logout", data={"csrf": csrf_of(page.text)})
    assert out.status_code == 303 and browser.get("/queue").status_code == 303


def test_static_files_are_served_locally(site) -> None:
    browser = client(site)
    assert browser.get("/static/review.css").status_code == 200
    assert browser.get("/static/review.js").status_code == 200
