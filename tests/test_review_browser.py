"""Browser tests: Playwright driving Debian's chromium against the app served by uvicorn in a thread.

Skipped (with the reason) when chromium or playwright is missing; `scripts/setup.sh` installs chromium.
Set ENDORSE_SCREENSHOT_HOME to a processed data home (e.g. after `make demo`) to refresh docs/*.png.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from review_sample import build

from pipeline import review
from pipeline.settings import Settings
from pipeline.store import open_store
from review.app import create_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                                                            "(scripts/setup.sh installs it)")]
PASSWORD = "a long enough password"
DOCS = Path(__file__).resolve().parent.parent / "docs"


def serve(settings: Settings) -> Iterator[str]:
    """The app on a free 127.0.0.1 port, in a daemon thread; stopped when the generator closes."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def chromium_browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM)
        yield launched
        launched.close()


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    store, settings = build(tmp_path)
    review.add_user(store, "ana", "admin", PASSWORD, actor="tests")
    yield from serve(settings)


def log_in(page, url: str, name: str = "ana") -> None:
    page.goto(f"{url}/queue")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    sync_api.expect(page.locator("h1")).to_contain_text("Review queue")


def test_correct_a_value_with_the_keyboard_and_see_the_status_change(chromium_browser, site: str) -> None:
    page = chromium_browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(page, site)
    sync_api.expect(page.locator("table.queue")).to_contain_text("training:2022-01-15:reflective-practice")
    page.select_option("select[name=reason]", "hours.converted")
    page.click("a.open")
    box = page.locator("#itembox")
    sync_api.expect(box).to_be_visible()
    drawn, frame = box.bounding_box(), page.locator("#page").bounding_box()
    assert drawn and frame and drawn["width"] > 50 and frame["x"] <= drawn["x"] <= frame["x"] + frame["width"]
    page.wait_for_load_state("networkidle")
    loaded = "fetch(document.querySelector('#page image').getAttribute('href')).then(r => r.status)"
    assert page.evaluate(loaded) == 200
    page.keyboard.press("c")
    sync_api.expect(page.locator("input[name='field.title']")).to_be_focused()
    page.locator("input[name='field.hours']").focus()
    page.keyboard.press("Control+a")
    page.keyboard.type("-1")
    page.keyboard.press("Enter")
    sync_api.expect(page.locator(".problem")).to_contain_text("hours must be a number of hours, 0 or more")
    page.locator("input[name='field.hours']").fill("")
    page.locator("input[name='field.hours']").type("6")
    page.keyboard.press("Enter")
    sync_api.expect(page.locator(".flash")).to_contain_text("training_hours: not_met → met")
    page.goto(f"{site}/candidates/c900")
    sync_api.expect(page.locator("#req-training_hours .status")).to_have_text("met")
    page.close()


def test_accept_and_move_with_the_keyboard(chromium_browser, site: str) -> None:
    page = chromium_browser.new_page()
    log_in(page, site)
    page.click("a.open >> nth=0")
    first = page.url
    page.keyboard.press("j")
    page.wait_for_url(lambda url: url != first)
    page.keyboard.press("k")
    page.wait_for_url(first)
    heading = page.locator("h1").inner_text()
    page.keyboard.press("a")
    sync_api.expect(page.locator(".flash")).to_contain_text("Accepted")
    assert page.locator("h1").inner_text() != heading
    page.close()


@pytest.mark.skipif(not os.environ.get("ENDORSE_SCREENSHOT_HOME"),
                    reason="set ENDORSE_SCREENSHOT_HOME to refresh docs/")
def test_screenshots_for_the_readme(chromium_browser, tmp_path: Path) -> None:
    source = Path(os.environ["ENDORSE_SCREENSHOT_HOME"])
    home = tmp_path / "home"
    shutil.copytree(source, home)
    settings = Settings(home=home, database_url=None)
    review.add_user(open_store(settings.url), "ana", "admin", PASSWORD, actor="tests")
    url_iter = serve(settings)
    url = next(url_iter)
    try:
        page = chromium_browser.new_page(viewport={"width": 1360, "height": 860})
        log_in(page, url)
        DOCS.mkdir(exist_ok=True)
        page.screenshot(path=str(DOCS / "review-queue.png"))
        page.click("a.open >> nth=2")
        sync_api.expect(page.locator("#itembox")).to_be_visible()
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        page.screenshot(path=str(DOCS / "review-item.png"))
        candidate = re.search(r"/candidates/(\w+)", page.content())
        assert candidate
        page.goto(f"{url}/candidates/{candidate.group(1)}")
        page.screenshot(path=str(DOCS / "review-candidate.png"), full_page=False)
        page.close()
    finally:
        url_iter.close()


def clear_queue_with_the_keyboard(page, url: str, limit: int = 100) -> int:
    """Open the first waiting entry and press `a` until the queue is empty; returns the decisions made."""
    page.goto(f"{url}/queue")
    decided = 0
    while page.locator("a.open").count() and decided < limit:
        page.click("a.open >> nth=0")
        while "/items/" in page.url and decided < limit:
            current = page.url
            page.keyboard.press("a")
            page.wait_for_url(lambda now, before=current: now != before or "/queue" in now)
            decided += 1
    return decided


def test_a_reviewer_clears_the_whole_queue_in_the_browser(chromium_browser, site: str, tmp_path: Path) -> None:
    page = chromium_browser.new_page()
    log_in(page, site)
    waiting = page.locator("a.open").count()
    decided = clear_queue_with_the_keyboard(page, site)
    assert decided >= waiting > 0
    page.goto(f"{site}/queue")
    sync_api.expect(page.locator("p.empty")).to_contain_text("Nothing waits for a person")
    page.goto(f"{site}/candidates/c900")
    assert page.locator(".status", has_text="needs_review").count() == 0
    page.close()
