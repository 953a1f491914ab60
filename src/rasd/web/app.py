"""The portal application: pages, the REST API, static assets, sessions and safety headers.

Everything the browser loads comes from Rasd itself (the Content-Security-Policy
allows 'self' only), templates escape every value, and request bodies are capped.
"""
from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from rasd.store import Store
from rasd.store.portal import setting
from rasd.web.api import router, session_router
from rasd.web.pages import pages, public_pages
from rasd.web.render import render, templates, wants_html, web_path

MAX_BODY_BYTES = 64 * 1024
SESSION_HOURS = 12
CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
       "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def create_app(store: Store, login_to_read: bool = False) -> FastAPI:
    """The ASGI app over an open store; `login_to_read` makes reading need a reviewer too."""
    app = FastAPI(title="Rasd", version="0.1.0", docs_url=None, redoc_url=None, openapi_url="/api/openapi.json",
                  description="Conflict events extracted from Arabic news: read, filter, download, review.")
    app.state.store, app.state.login_to_read, app.state.templates = store, login_to_read, templates()
    app.include_router(session_router)
    app.include_router(router)
    app.include_router(public_pages)
    app.include_router(pages)
    app.mount("/static", StaticFiles(directory=str(web_path("static"))), name="static")
    app.add_middleware(SessionMiddleware, secret_key=setting(store, "session_key"), session_cookie="rasd_session",
                       max_age=int(timedelta(hours=SESSION_HOURS).total_seconds()), same_site="strict")
    app.add_middleware(SafetyHeaders)
    app.add_middleware(BodyLimit)
    app.add_middleware(SameOrigin)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    return app


class BodyLimit:
    """Refuse a request body over `limit` bytes, whether it declares its length or is chunked."""

    def __init__(self, app, limit: int = MAX_BODY_BYTES) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length", b"0")
        if not length.isdigit() or int(length) > self.limit:
            refusal = JSONResponse({"error": f"request body over {self.limit} bytes"}, status_code=413)
            await refusal(scope, receive, send)
            return
        await self.app(scope, self._counting(receive), send)

    def _counting(self, receive):
        received = 0

        async def counted() -> dict:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                raise HTTPException(413, f"request body over {self.limit} bytes")
            return message
        return counted


UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class SameOrigin:
    """Refuse a write a browser says comes from another site (Origin, Sec-Fetch-Site), before any handler.

    The CSRF token already stops forged writes; this refuses them even with a token, and
    lets scripts that send no Origin through (they still need the session and the token).
    """

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope["method"] in UNSAFE_METHODS and _cross_site(dict(scope["headers"])):
            refusal = JSONResponse({"error": "cross-site request refused: write from this site's own pages"},
                                   status_code=403)
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)


def _cross_site(headers: dict[bytes, bytes]) -> bool:
    """True when the request names an origin other than the host it was sent to."""
    if headers.get(b"sec-fetch-site", b"").lower() == b"cross-site":
        return True
    origin = headers.get(b"origin")
    if origin is None:
        return False
    netloc = urlsplit(origin.decode("latin-1").strip()).netloc.lower()
    # Behind a reverse proxy the Host may be the proxy's upstream: X-Forwarded-Host names the public one
    # (a browser cannot add that header to a cross-site request without a CORS preflight, which Rasd refuses).
    hosts = {headers.get(name, b"").decode("latin-1").lower() for name in (b"host", b"x-forwarded-host")}
    return not netloc or netloc not in hosts


SAFETY_HEADERS = ((b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                  (b"referrer-policy", b"same-origin"), (b"x-frame-options", b"DENY"))


class SafetyHeaders:
    """Add the Content-Security-Policy and its companions to every response (plain ASGI: no task group)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        async def with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *SAFETY_HEADERS]}
            await send(message)
        await self.app(scope, receive, with_headers if scope["type"] == "http" else send)


async def http_error(request: Request, error: HTTPException) -> Response:
    """A JSON {'error'} for the API, a page for a browser; sign-in redirects for pages."""
    if wants_html(request):
        if error.status_code == 401:
            return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
        return render(request, "error.html", {"status": error.status_code, "message": error.detail},
                      status=error.status_code)
    return JSONResponse({"error": error.detail}, status_code=error.status_code, headers=error.headers)


async def validation_error(request: Request, error: RequestValidationError) -> Response:
    """A 422 naming each bad parameter and what is wrong with it."""
    problems = [{"parameter": ".".join(str(p) for p in e["loc"][1:]) or str(e["loc"][0]), "message": e["msg"]}
                for e in error.errors()]
    message = "; ".join(f"{p['parameter']}: {p['message']}" for p in problems)
    if wants_html(request):
        return render(request, "error.html", {"status": 400, "message": message}, status=400)
    return JSONResponse({"error": f"bad request: {message}", "problems": problems}, status_code=422)
