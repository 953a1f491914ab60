"""The portal's pages: map and timeline, article, incident, event review, sign-in, API docs."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from rasd.store.portal import comments_of, count_view, reviews_of
from rasd.store.reviews import MAX_VALUE_CHARS, correctable_fields, get_field
from rasd.web import auth
from rasd.web.api import comment_event, incident_reports, require_reader, review_event, store_of
from rasd.web.render import LANGS, render
from rasd.web.views import (
    actor_names,
    article_by_id,
    article_by_key,
    articles_list,
    highlight,
    incident_record,
    quotes,
    recent_events,
    rising,
    tallied,
    viewed_items,
)

pages = APIRouter(dependencies=[Depends(require_reader)], include_in_schema=False)
public_pages = APIRouter(include_in_schema=False)
Csrf = Annotated[str, Form(max_length=200)]  # optional in the form: a missing token is a 403, not a 422


def safe_next(target: str | None) -> str:
    """Only a path on this site: '/articles/x' stays, '//evil.example' and 'https://…' become '/'."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target[:500]


@pages.get("/")
async def map_page(request: Request) -> Response:
    store = store_of(request)
    return render(request, "map.html", {
        "types": tallied(store, None, "event_type"), "admin1": tallied(store, None, "admin1"),
        "outlets": tallied(store, None, "outlet"), "actors": actor_names(store)[:300],
        "rising": rising(recent_events(store, None)), "viewed": viewed_items(store),
    })


@pages.get("/articles")
async def articles_page(request: Request) -> Response:
    return render(request, "articles.html", {"articles": articles_list(store_of(request), limit=1000)["items"]})


@pages.get("/articles/{article_id}")
async def article_page(request: Request, article_id: str) -> Response:
    store = store_of(request)
    found = article_by_id(store, article_id[:200])
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    count_view(store, "article", found.article.id)
    pieces = highlight(found.article.text, [e.event.evidence for e in found.events])
    return render(request, "article.html", {"found": found, "article": found.article, "pieces": pieces})


@pages.get("/incidents/{incident_id}")
async def incident_page(request: Request, incident_id: str) -> Response:
    store = store_of(request)
    record = incident_record(store, incident_id[:200])
    if record is None:
        raise HTTPException(404, f"no incident {incident_id!r}")
    count_view(store, "incident", incident_id)
    return render(request, "incident.html", {"incident": record, "reports": incident_reports(store, incident_id)})


@pages.get("/events/{event_id}")
async def event_page(request: Request, event_id: str, error: str | None = None) -> Response:
    store = store_of(request)
    stored = store.event(event_id[:200])
    if stored is None:
        raise HTTPException(404, f"no event {event_id!r}")
    record = stored.event.to_dict()
    fields = [(f, _shown(get_field(record, f))) for f in correctable_fields()]
    found = article_by_key(store, stored.article.key)
    evidence = quotes(found.article.text, stored.event.evidence) if found else []
    return render(request, "event.html", {
        "stored": stored, "fields": fields, "max_value": MAX_VALUE_CHARS, "evidence": evidence,
        "reviews": reviews_of(store, [event_id]).get(event_id, []),
        "comments": comments_of(store, [event_id]).get(event_id, []), "error": error[:300] if error else None,
    })


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(str(v.get("name", "") if isinstance(v, dict) else v) for v in value)
    return "" if value is None else str(value)


@pages.post("/events/{event_id}/review")
async def review_form(request: Request, event_id: str, action: Annotated[str, Form(max_length=20)], csrf: Csrf = "",
                      field: Annotated[str, Form(max_length=40)] = "",
                      value: Annotated[str, Form(max_length=MAX_VALUE_CHARS)] = "") -> Response:
    user = auth.require_user(request)
    auth.check_csrf(request, csrf)
    review_event(store_of(request), event_id, user, action, field or None, value)
    return RedirectResponse(f"/events/{event_id}", status_code=303)


@pages.post("/events/{event_id}/comments")
async def comment_form(request: Request, event_id: str, body: Annotated[str, Form(max_length=4000)],
                       csrf: Csrf = "") -> Response:
    user = auth.require_user(request)
    auth.check_csrf(request, csrf)
    comment_event(store_of(request), event_id, user, body)
    return RedirectResponse(f"/events/{event_id}#comments", status_code=303)


@public_pages.get("/login")
async def login_page(request: Request, next: str = "/") -> Response:
    return render(request, "login.html", {"next": safe_next(next), "failed": False})


@public_pages.post("/login")
async def login_form(request: Request, name: Annotated[str, Form(max_length=64)],
                     password: Annotated[str, Form(max_length=auth.MAX_PASSWORD_CHARS)], csrf: Csrf = "",
                     next: Annotated[str, Form(max_length=500)] = "/") -> Response:
    auth.check_csrf(request, csrf)
    if not auth.check_password(store_of(request), name, password):
        return render(request, "login.html", {"next": safe_next(next), "failed": True}, status=401)
    auth.sign_in(request, name)
    return RedirectResponse(safe_next(next), status_code=303)


@public_pages.post("/logout")
async def logout_form(request: Request, csrf: Csrf = "") -> Response:
    auth.check_csrf(request, csrf)
    auth.sign_out(request)
    return RedirectResponse("/", status_code=303)


@public_pages.get("/lang/{code}")
async def switch_language(code: str, next: str = "/") -> Response:
    if code not in LANGS:
        raise HTTPException(404, f"no interface language {code!r}; one of {', '.join(LANGS)}")
    response = RedirectResponse(safe_next(next), status_code=303)
    response.set_cookie("lang", code, max_age=365 * 86400, samesite="lax")
    return response


@public_pages.get("/api/docs")
async def api_docs(request: Request) -> Response:
    """The OpenAPI description as a page, served by Rasd (no CDN)."""
    return render(request, "docs.html", {"spec": request.app.openapi()})
