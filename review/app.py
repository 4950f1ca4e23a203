"""The reviewers' web page: login, queue, item screen, candidate page, audit log and nightly reports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, FastAPI, Form, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.sessions import SessionMiddleware

from pipeline import logs, report, review
from pipeline.settings import Settings
from pipeline.store import AuditRow, ClaimConflict, Store, open_store
from review import charts, pages
from review.auth import (
    SESSION_COOKIE,
    SESSION_SECONDS,
    LoginRequired,
    User,
    check_csrf,
    csrf_token,
    current_user,
    secret_key,
    start_session,
)

HERE = Path(__file__).parent
FILTERS = ("candidate", "reason", "kind")
REPORT_HEADERS = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
                  "Cache-Control": "no-store"}
"""A stored report page may style itself and link, nothing more."""


def create_app(settings: Settings, store: Store | None = None) -> FastAPI:
    """The app over one data home; everything but /login and /static needs a session."""
    logs.install()
    settings.prepare()
    app = FastAPI(title="endorse review", docs_url=None, redoc_url=None, openapi_url=None)
    app.add_middleware(SessionMiddleware, secret_key=secret_key(settings.home), session_cookie=SESSION_COOKIE,
                       max_age=SESSION_SECONDS, same_site="strict", https_only=False)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.state.store, app.state.settings = store or open_store(settings.url), settings
    app.exception_handler(LoginRequired)(to_login)
    app.include_router(router)
    return app


async def to_login(request: Request, _exc: Exception) -> Response:
    return RedirectResponse(f"/login?{urlencode({'next': request.url.path})}", status_code=303)


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def signed_in(request: Request) -> User:
    return current_user(request, store_of(request))


router = APIRouter()
Signed = Annotated[User, Depends(signed_in)]
templates = Jinja2Templates(directory=HERE / "templates")


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    context.update(request=request, csrf=csrf_token(request), flash=request.session.pop("flash", None))
    return templates.TemplateResponse(request, name, context, status_code=status_code)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/queue") -> HTMLResponse:
    return render(request, "login.html", user=None, next=_local(next), error=None)


@router.post("/login")
def login(request: Request, name: Annotated[str, Form()], password: Annotated[str, Form()],
          csrf: Annotated[str, Form()] = "", next: Annotated[str, Form()] = "/queue") -> Response:
    """Check the CSRF token and the password; a fresh session on success."""
    check_csrf(request, csrf)
    store = store_of(request)
    role = review.authenticate(store, name, password)
    store.add_audit(AuditRow(actor=name[:100], action="login" if role else "login.failed"))
    if role is None:
        return render(request, "login.html", status_code=401, user=None, next=_local(next),
                      error="That name and password do not match an account.")
    start_session(request, User(name, role))
    return RedirectResponse(_local(next), status_code=303)


@router.post("/logout")
def logout(request: Request, user: Signed, csrf: Annotated[str, Form()] = "") -> Response:
    check_csrf(request, csrf)
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


@router.get("/")
def home(user: Signed) -> Response:
    return RedirectResponse("/queue", status_code=303)


@router.get("/queue", response_class=HTMLResponse)
def queue_page(request: Request, user: Signed, candidate: str = "", reason: str = "",
               kind: str = "") -> HTMLResponse:
    """Everything waiting for a person, oldest first, with filters and counts."""
    entries = review.all_entries(store_of(request), settings_of(request))
    waiting = review.queue(entries, candidate, reason, kind)
    return render(request, "queue.html", user=user, waiting=waiting, counts=review.counts(entries),
                  filters={"candidate": candidate, "reason": reason, "kind": kind},
                  query=_query(candidate, reason, kind), total=sum(e.in_queue for e in entries))


@router.get("/items/{ref}", response_class=HTMLResponse)
def item_page(request: Request, ref: str, user: Signed, candidate: str = "", reason: str = "",
              kind: str = "") -> HTMLResponse:
    """The item beside its page region; opening it claims it for 15 minutes."""
    entry = review.claim(store_of(request), find_entry(request, ref), user.name)
    return item_view(request, entry, user, _query(candidate, reason, kind))


def item_view(request: Request, entry: review.Entry, user: User, query: str, status_code: int = 200,
              error: str | None = None, problems: dict[str, str] | None = None,
              submitted: dict[str, str] | None = None) -> HTMLResponse:
    """The item screen, with a message and the reviewer's own input after a failed decision."""
    store = store_of(request)
    waiting = review.queue(review.all_entries(store, settings_of(request)), **dict(_parse_query(query)))
    previous, following = review.neighbours(waiting, entry.ref)
    names = ["status"] if entry.what == "requirement" else review.editable_fields(entry)
    fields = {name: (submitted or {}).get(name, _shown(entry.value.get(name))) for name in names}
    return render(request, "item.html", status_code=status_code, user=user, entry=entry,
                  view=page_view(request, entry), fields=fields, choices=review.CHOICES, previous=previous,
                  following=following, query=query, error=error, problems=problems or {},
                  holder=entry.holder(), history=review.history(store, entry), position=_position(waiting, entry))


@router.post("/items/{ref}/decide")
async def decide(request: Request, ref: str, user: Signed) -> Response:
    """Accept, correct or reject; on success go to the next waiting item with the new statuses shown."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    check_csrf(request, form.get("csrf"))
    entry, query, action = find_entry(request, ref), form.get("query", ""), form.get("action", "")
    submitted = {k[6:]: v for k, v in form.items() if k.startswith("field.")}
    changed = {k: v for k, v in submitted.items() if v.strip() != _shown(entry.value.get(k))}
    if entry.what == "requirement" and action == "correct":
        changed = {"status": submitted.get("status", "")}
    if not form.get("version", "").isdigit():
        raise HTTPException(status_code=400, detail="The form lacks the item's version.")
    store, settings = store_of(request), settings_of(request)
    try:
        if action == "correct" and not changed:
            raise review.ReviewError("Change at least one field to correct the item, or accept it as it is.")
        outcome = review.decide(store, settings, entry, action, user.name, fields=changed,
                                comment=form.get("comment"), expected_version=int(form["version"]))
    except review.ReviewError as exc:
        return item_view(request, entry, user, query, 422, str(exc), exc.problems, submitted)
    except ClaimConflict as exc:
        return item_view(request, find_entry(request, ref), user, query, 409, review.conflict_message(exc, entry))
    request.session["flash"] = _flash(entry, action, outcome)
    after = _next_after(review.queue(review.all_entries(store, settings), **dict(_parse_query(query))), entry)
    return RedirectResponse(f"/items/{after}?{query}" if after else f"/queue?{query}", status_code=303)


@router.post("/items/{ref}/release")
def release(request: Request, ref: str, user: Signed, csrf: Annotated[str, Form()] = "",
            query: Annotated[str, Form()] = "") -> Response:
    check_csrf(request, csrf)
    review.release(store_of(request), find_entry(request, ref), user.name)
    return RedirectResponse(f"/queue?{query}", status_code=303)


@router.get("/items/{ref}/page.png")
def page_png(request: Request, ref: str, user: Signed) -> Response:
    """The item's page image (rendered once, then from the cache)."""
    view = page_view(request, find_entry(request, ref))
    if view is None:
        raise HTTPException(status_code=404, detail="This entry has no page.")
    return FileResponse(view["image"].path, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})


@router.get("/candidates/{candidate}", response_class=HTMLResponse)
def candidate_page(request: Request, candidate: str, user: Signed) -> HTMLResponse:
    """The eight statuses, the items with their sources, the hours charts and the decisions."""
    store = store_of(request)
    try:
        record, entries = review.candidate_entries(store, settings_of(request), candidate)
    except KeyError:
        raise HTTPException(status_code=404, detail="No such candidate.") from None
    return render(request, "candidate.html", user=user, record=record, entries={e.key: e for e in entries},
                  items=[e for e in entries if e.what == "item"],
                  rsc=charts.svg(charts.rsc_series(record), "RS/C hours"),
                  training=charts.svg(charts.training_series(record), "training hours"),
                  history=review.candidate_history(store, candidate))


@router.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request, user: Signed) -> HTMLResponse:
    if not user.is_admin:
        raise HTTPException(status_code=403, detail="The audit log is for admins.")
    return render(request, "audit.html", user=user, rows=store_of(request).audit_log(limit=1000))


@router.get("/reports", response_class=HTMLResponse)
def reports_page(request: Request, user: Signed) -> HTMLResponse:
    """The nightly reports, newest first."""
    files = report.report_files(settings_of(request).home)
    return render(request, "reports.html", user=user, reports=[path.stem for path in files])


@router.get("/reports/{name}", response_class=HTMLResponse)
def report_page(request: Request, name: str, user: Signed) -> HTMLResponse:
    """One nightly report as written; only a date-named file of the reports folder is ever served."""
    path = report.find_report(settings_of(request).home, name)
    if path is None:
        raise HTTPException(status_code=404, detail="No such report.")
    return HTMLResponse(path.read_text(encoding="utf-8"), headers=REPORT_HEADERS)


def find_entry(request: Request, ref: str) -> review.Entry:
    try:
        return review.find(store_of(request), settings_of(request), ref)
    except KeyError:
        raise HTTPException(status_code=404, detail="No such item; it may have been decided or re-read.") from None


def page_view(request: Request, entry: review.Entry) -> dict[str, Any] | None:
    """The page image, the region to zoom to and the item's box, for items that have them."""
    if entry.what != "item" or not entry.page or not entry.bbox:
        return None
    document = store_of(request).document(entry.scope)
    if document is None:
        return None
    image = pages.page_image(settings_of(request).home, entry.scope, Path(document.archive_path), entry.page)
    boxes = [tuple(p["bbox"]) for p in entry.provenance if p["document"] == entry.scope and p["page"] == entry.page]
    around = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
    return {"image": image, "region": pages.region(around, image.width, image.height), "boxes": boxes}


def _shown(value: Any) -> str:
    """A value as the form shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return f"{value:g}"
    return str(value)


def _query(candidate: str, reason: str, kind: str) -> str:
    return urlencode({k: v for k, v in zip(FILTERS, (candidate, reason, kind), strict=True) if v})


def _parse_query(query: str) -> list[tuple[str, str]]:
    from urllib.parse import parse_qsl

    return [(k, v) for k, v in parse_qsl(query) if k in FILTERS]


def _local(target: str) -> str:
    """Only same-site paths are followed after login."""
    return target if target.startswith("/") and not target.startswith("//") else "/queue"


def _position(waiting: list[review.Entry], entry: review.Entry) -> str:
    refs = [e.ref for e in waiting]
    return f"{refs.index(entry.ref) + 1} of {len(refs)}" if entry.ref in refs else f"{len(refs)} waiting"


def _next_after(waiting: list[review.Entry], entry: review.Entry) -> str | None:
    """The entry to show after deciding one: the next waiting entry of the same queue, else the first."""
    others = [e for e in waiting if e.ref != entry.ref]
    later = [e for e in others if (e.received_at, e.candidate, e.what != "item", e.key)
             > (entry.received_at, entry.candidate, entry.what != "item", entry.key)]
    chosen = later or others
    return chosen[0].ref if chosen else None


def _flash(entry: review.Entry, action: str, outcome: review.Outcome) -> str:
    done = {"accept": "Accepted", "correct": "Corrected", "reject": "Rejected"}[action]
    changes = "; ".join(f"{req}: {a or 'new'} → {b}" for req, (a, b) in outcome.changed.items())
    return f"{done} {entry.candidate} · {entry.key}." + (f" Requirements now: {changes}." if changes else
                                                           " No requirement status changed.")
