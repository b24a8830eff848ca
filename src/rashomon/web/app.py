"""The web app: FastAPI, Jinja2 templates (autoescaped), a little plain JavaScript.

Everything is served from the store; the pages are built on the server, so a page needs no
data blob and no inline script.  The guarantees, whatever the documents contain:

* every string reaches the page through Jinja2 autoescaping (document text is untrusted);
* a Content-Security-Policy allows scripts and styles only from the app's own files
  (``script-src 'self'``, no ``'unsafe-inline'``), and nothing from elsewhere;
* every form carries a CSRF token bound to the session (also in local mode: any web page
  the browser has open could otherwise post to 127.0.0.1);
* once the store has accounts everyone logs in, readers cannot review, and every review
  records its user; bound beyond 127.0.0.1 the app refuses to run without accounts;
* request bodies are capped (FastAPI's ``max_body_size``): an oversized post is refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from rashomon._version import __version__
from rashomon._words import plural
from rashomon.errors import Code, RashomonError, ReviewError
from rashomon.report.data import basemap
from rashomon.review import FIELDS, Target, User, add_review, count_users, get_user, show_value
from rashomon.review.view import review_summary
from rashomon.store import Store
from rashomon.web import render
from rashomon.web.auth import COOKIE, SESSION_SECONDS, LoginThrottle, Session, Sessions, csrf_ok
from rashomon.web.catalog import Catalog

MAX_BODY = 64 * 1024
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; connect-src 'self'"
)
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
_STATUS = {
    Code.UNKNOWN_TARGET: 404,
    Code.BAD_REVIEW: 400,
    Code.STALE_REVIEW: 409,
    Code.FORBIDDEN: 403,
    Code.BAD_REQUEST: 400,
}
_ID = {
    "claim": re.compile(r"^[0-9a-f]{24}$"),
    "event": re.compile(r"^ev-[0-9a-f]{16}$"),
    "document": re.compile(r"^[0-9a-f]{64}$"),
}


def safe_next(value: str | None, default: str = "/") -> str:
    """A local path to return to after a form (never another site)."""
    if (
        not value
        or len(value) > 2000
        or not value.startswith("/")
        or value.startswith(("//", "/\\"))
        or any(ord(c) < 32 or c == "\\" for c in value)
    ):
        return default
    return value


def valid_id(kind: str, value: str) -> bool:
    return bool(_ID[kind].match(value))


def _basemap_svg() -> str:
    data = basemap()
    paths = "".join(
        f'<path d="{c["d"]}" fill="#dfe5ea" stroke="#aab4bd" stroke-width="0.3"/>'
        for c in data["countries"]
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 360" width="720" '
        f'height="360"><rect width="720" height="360" fill="#eef3f7"/>{paths}</svg>'
    )


@dataclass
class WebApp:
    """The state behind the routes: one store, its catalog, sessions, settings."""

    store: Store
    local_user: str
    #: Bound beyond 127.0.0.1: accounts are required.
    public: bool = False
    allowed_hosts: frozenset[str] = LOCAL_HOSTS
    #: Seconds to wait for the store's events before serving (None: until read); pages
    #: show a "reading the store" page until then.
    wait: float | None = None
    #: Run before the events are read, in the background (see Catalog).
    prepare: Callable[[], object] | None = None
    catalog: Catalog = field(init=False)
    sessions: Sessions = field(init=False)
    throttle: LoginThrottle = field(default_factory=LoginThrottle)

    def __post_init__(self) -> None:
        from rashomon.web.auth import store_secret

        self.catalog = Catalog(self.store, wait=self.wait, prepare=self.prepare)
        self.sessions = Sessions(store_secret(self.store))
        self.env = Environment(
            loader=PackageLoader("rashomon.web", "templates"),
            autoescape=select_autoescape(["html", "j2"], default=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals.update(
            fmt=render.fmt,
            plural=plural,
            value_text=render.value_text,
            figure_sentence=render.figure_sentence,
            quote_parts=render.quote_parts,
            current_values=render.current_values,
            speaker=render.speaker,
            colors=render.COLORS,
            review_summary=review_summary,
            show_value=show_value,
            fields=FIELDS,
            app_version=__version__,
            attribution=basemap()["attribution"],
        )
        self.static = {
            "app.css": (_asset("app.css"), "text/css; charset=utf-8"),
            "app.js": (_asset("app.js"), "text/javascript; charset=utf-8"),
            "basemap.svg": (_basemap_svg(), "image/svg+xml"),
        }

    def team(self) -> bool:
        """Accounts in use: everyone logs in."""
        return self.public or count_users(self.store) > 0

    def user(self, request: Request) -> User | None:
        if not self.team():
            return User(self.local_user, "admin")
        session: Session = request.state.session
        return get_user(self.store, session.user) if session.user else None

    def page(
        self, request: Request, name: str, http_status: int = 200, **context: Any
    ) -> HTMLResponse:
        session: Session = request.state.session
        user = request.state.user
        html = self.env.get_template(name).render(
            request=request,
            csrf=session.csrf,
            user=user,
            team=self.team(),
            can_review=bool(user and user.can_review),
            path=request.url.path + (f"?{request.url.query}" if request.url.query else ""),
            updating=self.catalog.updating,
            **context,
        )
        return HTMLResponse(html, status_code=http_status)

    def error(self, request: Request, status: int, message: str) -> HTMLResponse:
        return self.page(request, "error.html.j2", http_status=status, message=message)


def _asset(name: str) -> str:
    return (resources.files("rashomon.web") / "static" / name).read_text(encoding="utf-8")


def create_app(
    store: Store,
    *,
    local_user: str = "local",
    public: bool = False,
    allowed_hosts: frozenset[str] | None = None,
    wait: float | None = None,
    prepare: Callable[[], object] | None = None,
) -> FastAPI:
    """The app over one open store.  ``public``: bound beyond 127.0.0.1 (accounts needed);
    ``allowed_hosts``: Host headers accepted when not public (defends 127.0.0.1 against DNS
    rebinding); ``wait``: seconds to wait for the store's events to be read before the app
    is returned (``None``: until they are; ``rashomon serve`` waits briefly and answers with
    a "reading the store" page meanwhile); ``prepare``: work done in the background before
    the events are read (aligning new claims)."""
    web = WebApp(store, local_user, public, allowed_hosts or LOCAL_HOSTS, wait, prepare)
    # max_body_size: an oversized post is refused with 413 before its body is read.
    app = FastAPI(
        docs_url=None, redoc_url=None, openapi_url=None, title="rashomon", max_body_size=MAX_BODY
    )
    app.state.web = web

    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Response:
        host = (request.headers.get("host") or "").rsplit(":", 1)[0].lower()
        if request.headers.get("host", "").startswith("["):
            host = request.headers["host"].split("]")[0] + "]"
        if not web.public and host not in web.allowed_hosts:
            return _headers(Response(f"{Code.BAD_REQUEST.value} unknown host", 400))
        loaded = web.sessions.load(request.cookies.get(COOKIE))
        request.state.session = loaded or Session.new()
        request.state.user = None
        response: Response
        path = request.url.path
        if path == "/health":
            # For scripts and proxies: whether the app has read the store yet.
            ready = web.catalog.ready
            response = Response("ready" if ready else "reading the store", 200 if ready else 503)
        elif (
            not web.catalog.ready
            and request.method == "GET"
            and not path.startswith(("/static/", "/login"))
        ):
            response = _loading(web)
        elif web.public and count_users(store) == 0:
            response = Response(
                f"{Code.FORBIDDEN.value} no accounts: run `rashomon users add NAME --role admin`",
                403,
            )
        else:
            request.state.user = web.user(request)
            if (
                request.state.user is None
                and not path.startswith(("/static/", "/login"))
                and web.team()
            ):
                if request.method == "GET":
                    response = RedirectResponse("/login?next=" + quote(_here(request)), 303)
                else:
                    response = Response(f"{Code.FORBIDDEN.value} log in first", 403)
            else:
                response = await call_next(request)
        session: Session = getattr(request.state, "session_out", None) or request.state.session
        if session is not loaded:
            response.set_cookie(
                COOKIE,
                web.sessions.dump(session),
                max_age=SESSION_SECONDS,
                httponly=True,
                samesite="strict",
                secure=request.url.scheme == "https",
                path="/",
            )
        return _headers(response)

    from rashomon.web.pages import register

    register(app, web)

    @app.get("/static/{name}")
    def static(name: str) -> Response:
        found = web.static.get(name)
        if found is None:
            return Response("not found", 404, media_type="text/plain")
        body, media = found
        return Response(body, media_type=media, headers={"Cache-Control": "max-age=3600"})

    @app.get("/login", response_class=HTMLResponse)
    def login_form(request: Request, next: str = "/") -> Response:
        return web.page(request, "login.html.j2", next=safe_next(next), failed=False)

    @app.post("/login", response_class=HTMLResponse)
    async def login(request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=10)
        name, password = str(form.get("name") or "")[:64], str(form.get("password") or "")
        back = safe_next(str(form.get("next") or "/"))
        if not csrf_ok(request.state.session, str(form.get("csrf") or "")):
            return web.error(request, 403, f"{Code.BAD_REQUEST.value} missing or wrong CSRF token")
        address = request.client.host if request.client else "?"
        if web.throttle.blocked(address, name):
            return web.error(
                request, 429, "Too many failed logins; wait a few minutes and try again."
            )
        from rashomon.review import verify_user

        user = verify_user(store, name, password[:1024])
        if user is None:
            web.throttle.failed(address, name)
            return web.page(request, "login.html.j2", http_status=401, next=back, failed=True)
        web.throttle.succeeded(name)
        # A new session (and CSRF token) at login: a token seen before cannot be replayed.
        request.state.session_out = Session.new(user.name)
        return RedirectResponse(back, 303)

    @app.post("/logout")
    async def logout(request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=5)
        if not csrf_ok(request.state.session, str(form.get("csrf") or "")):
            return web.error(request, 403, f"{Code.BAD_REQUEST.value} missing or wrong CSRF token")
        request.state.session_out = Session.new()
        return RedirectResponse("/login" if web.team() else "/", 303)

    @app.post("/review")
    async def review(request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=500)
        if not csrf_ok(request.state.session, str(form.get("csrf") or "")):
            return web.error(
                request, 403, f"{Code.BAD_REQUEST.value} missing or wrong CSRF token: nothing saved"
            )
        user: User | None = request.state.user
        if user is None or not user.can_review:
            role = user.role if user else "visitor"
            return web.error(
                request, 403, f"{Code.FORBIDDEN.value} a {role} cannot review: nothing saved"
            )
        kind = str(form.get("target_kind") or "")
        target_id = str(form.get("target_id") or "")
        if kind not in _ID or not valid_id(kind, target_id):
            return web.error(request, 404, f"{Code.UNKNOWN_TARGET.value} unknown target")
        back = safe_next(str(form.get("next") or ""), f"/{kind}s/{target_id}")
        text = {
            k: (str(form.get(k)) if form.get(k) is not None else None)
            for k in ("action", "field", "value", "other", "note", "reason", "version")
        }
        web.catalog.refresh(force=True)
        try:
            add_review(
                store,
                Target(kind, target_id),
                text["action"] or "",
                author=user.name,
                field=text["field"] or None,
                value=text["value"] if text["value"] is not None else "",
                other=text["other"],
                claims=[str(c) for c in form.getlist("claims")],
                note=text["note"],
                reason=text["reason"],
                version=text["version"] or None,
                view=web.catalog.reviewed(),
            )
        except ReviewError as exc:
            return web.error(request, _STATUS.get(exc.code, 400), str(exc))
        except RashomonError as exc:
            return web.error(request, 400, str(exc))
        web.catalog.refresh(force=True)
        sep = "&" if "?" in back.split("#")[0] else "?"
        path, _, anchor = back.partition("#")
        return RedirectResponse(f"{path}{sep}saved=1" + (f"#{anchor}" if anchor else ""), 303)

    return app


def _loading(web: WebApp) -> Response:
    done, total = web.catalog.progress
    html = web.env.get_template("loading.html.j2").render(
        phase=web.catalog.phase,
        done=plural(done, "event"),
        total=f"{total:,}",
        error=web.catalog.error,
    )
    return HTMLResponse(html, status_code=503, headers={"Retry-After": "2"})


def _here(request: Request) -> str:
    return request.url.path + (f"?{request.url.query}" if request.url.query else "")


def _headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    if response.media_type is None or "html" in (response.media_type or ""):
        response.headers.setdefault("Cache-Control", "no-store")
    return response
