"""The REST API under /api: events, incidents, articles, places, actors, stats; reviews and comments.

Lists take the filters of `rasd events`, are paginated (limit, offset) and download
as CSV or GeoJSON with format=csv|geojson: every matching row, no pagination, and with
updated_since the rows deleted (or rejected by a reviewer) since then, as `rasd events`.
"""
from __future__ import annotations

import io
import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from rasd.export import geojson, write_csv
from rasd.store import EventFilter, Store
from rasd.store.export_rows import export_rows
from rasd.store.portal import add_comment, add_review, comments_of, reviews_of
from rasd.store.reviews import ACTIONS, MAX_VALUE_CHARS, ReviewError, correctable_fields, parse_value
from rasd.web import auth
from rasd.web.views import (
    actors_of,
    article_by_id,
    article_by_key,
    articles_list,
    event_item,
    incident_record,
    page,
    places_of,
    quotes,
    recent_events,
    rising,
    tallied,
    timeline_of,
    viewed_items,
)

DATE = r"^\d{4}-\d{2}-\d{2}$"
TIME = r"^\d{4}-\d{2}-\d{2}([T ][0-9:.]+)?Z?$"
MAX_PARAM = 200
MAX_LIMIT = 1000
Text = Annotated[str | None, Query(max_length=MAX_PARAM)]
Id = Annotated[str, Path(max_length=MAX_PARAM)]


def store_of(request: Request) -> Store:
    return request.app.state.store


async def require_reader(request: Request) -> None:
    """When the portal is configured so, reading needs a signed-in reviewer too."""
    if request.app.state.login_to_read and not auth.current_user(request):
        raise HTTPException(401, "this portal requires signing in to read")


async def event_filter(
    since: Annotated[str | None, Query(pattern=DATE, description="Events on or after this day")] = None,
    until: Annotated[str | None, Query(pattern=DATE, description="Events on or before this day")] = None,
    country: Text = None, admin1: Text = None,
    event_type: Annotated[str | None, Query(max_length=MAX_PARAM, description="e.g. Battles")] = None,
    actor: Annotated[str | None, Query(max_length=MAX_PARAM, description="A part of an actor's name")] = None,
    outlet: Text = None,
    q: Annotated[str | None, Query(max_length=MAX_PARAM, description="Words the article contains")] = None,
    updated_since: Annotated[str | None, Query(pattern=TIME, description="Records written after")] = None,
) -> EventFilter:
    """The filters of `rasd events`, as query parameters."""
    return EventFilter(since=since, until=until, country=country, admin1=admin1, event_type=event_type,
                       actor=actor, outlet=outlet, text=q, updated_since=updated_since)


Filters = Annotated[EventFilter, Depends(event_filter)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page")]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Format = Annotated[Literal["json", "csv", "geojson"], Query(description="json pages; csv, geojson download all")]

router = APIRouter(prefix="/api", dependencies=[Depends(require_reader)])


def download(rows: list[dict[str, Any]], fmt: str, name: str) -> Response:
    """Rows as a CSV or GeoJSON attachment."""
    if fmt == "csv":
        out = io.StringIO()
        write_csv(rows, out)
        body, media = out.getvalue(), "text/csv; charset=utf-8"
    else:
        body, media = json.dumps(geojson(rows), ensure_ascii=False), "application/geo+json"
    return Response(body, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'})


@router.get("/events", summary="Stored events matching the filters")
async def list_events(request: Request, filters: Filters, limit: Limit = 100, offset: Offset = 0,
                      format: Format = "json") -> Any:
    store = store_of(request)
    if format != "json":
        return download(export_rows(store, "event", filters), format, "rasd-events")
    total = store.tally(filters)[0]["n"]
    return {"total": total, "limit": limit, "offset": offset,
            "items": [event_item(e) for e in store.events(filters, limit=limit, offset=offset)]}


@router.get("/events/{event_id}", summary="One event with its reviews and comments")
async def get_event(request: Request, event_id: Id) -> Any:
    store = store_of(request)
    stored = store.event(event_id)
    if stored is None:
        raise HTTPException(404, f"no event {event_id!r}")
    reviews = [_review_json(r) for r in reviews_of(store, [event_id]).get(event_id, [])]
    comments = comments_of(store, [event_id]).get(event_id, [])
    return {**event_item(stored), "review_status": stored.review_status, "reviews": reviews, "comments": comments}


def _review_json(review) -> dict[str, Any]:
    return {"id": review.id, "user": review.user_name, "at": review.at, "action": review.action,
            "field": review.field, "old_value": review.old_value, "new_value": review.new_value}


@router.get("/incidents", summary="Incidents (reports of several outlets merged) matching the filters")
async def list_incidents(request: Request, filters: Filters, limit: Limit = 100, offset: Offset = 0,
                         format: Format = "json") -> Any:
    store = store_of(request)
    if format != "json":
        return download(export_rows(store, "incident", filters), format, "rasd-incidents")
    return page(store.incidents(filters), limit, offset)


@router.get("/incidents/{incident_id}", summary="One incident with every outlet's report")
async def get_incident(request: Request, incident_id: Id) -> Any:
    store = store_of(request)
    record = incident_record(store, incident_id)
    if record is None:
        raise HTTPException(404, f"no incident {incident_id!r}")
    return {**record, "reports": incident_reports(store, incident_id)}


def incident_reports(store: Store, incident_id: str) -> list[dict[str, Any]]:
    """Each report of the incident: the event, its outlet and its evidence sentences."""
    reports = []
    for stored in store.events(EventFilter(include_rejected=True), incident_id=incident_id):
        found = article_by_key(store, stored.article.key)
        text = found.article.text if found else ""
        reports.append({**event_item(stored), "evidence_text": quotes(text, stored.event.evidence)})
    return reports


@router.get("/articles", summary="Stored articles, newest first")
async def list_articles(request: Request, limit: Limit = 100, offset: Offset = 0,
                        outlet: Text = None) -> Any:
    return articles_list(store_of(request), outlet, limit, offset)


@router.get("/articles/{article_id}", summary="One article: cleaned text and its events with evidence")
async def get_article(request: Request, article_id: Id) -> Any:
    found = article_by_id(store_of(request), article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return {**found.article.to_dict(), "events": [event_item(e) for e in found.events]}


@router.get("/places", summary="Places of the matching events, with counts")
async def list_places(request: Request, filters: Filters, limit: Limit = 100, offset: Offset = 0) -> Any:
    return page(places_of(store_of(request).events(filters)), limit, offset)


@router.get("/actors", summary="Actors of the matching events, with counts")
async def list_actors(request: Request, filters: Filters, limit: Limit = 100, offset: Offset = 0) -> Any:
    return page(actors_of(store_of(request).events(filters)), limit, offset)


@router.get("/stats", summary="Counts: event types, events per day and type, rising topics, most read")
async def stats(request: Request, filters: Filters) -> Any:
    store = store_of(request)
    [total] = store.tally(filters)
    return {"events": total["n"], "fatalities": total["fatalities"],
            "event_types": tallied(store, filters, "event_type"), "outlets": tallied(store, filters, "outlet"),
            "admin1": tallied(store, filters, "admin1"), "timeline": timeline_of(store, filters),
            "rising": rising(recent_events(store, filters)), "most_viewed": viewed_items(store),
            "totals": store.counts()}


class ReviewIn(BaseModel):
    """A reviewer's action: confirm, reject, or correct one field (value as text)."""

    action: Literal["confirm", "reject", "correct"]
    field: str | None = Field(None, max_length=40, description=f"one of {', '.join(correctable_fields())}")
    value: str = Field("", max_length=MAX_VALUE_CHARS)


class CommentIn(BaseModel):
    body: str = Field(min_length=1, max_length=4000)


CsrfHeader = Annotated[str | None, Header(alias=auth.CSRF_HEADER, max_length=200)]


@router.post("/events/{event_id}/reviews", status_code=201, summary="Confirm, reject or correct an event")
async def post_review(request: Request, event_id: Id, body: ReviewIn, csrf: CsrfHeader = None) -> Any:
    user = auth.require_user(request)
    auth.check_csrf(request, csrf)
    return _review_json(review_event(store_of(request), event_id, user, body.action, body.field, body.value))


def review_event(store: Store, event_id: str, user: str, action: str, field: str | None, value: str):
    """Parse and record one review; a bad one is a 400 (or 404 for an unknown event)."""
    if action not in ACTIONS:
        raise HTTPException(400, f"unknown action {action!r}")
    if store.event(event_id) is None:
        raise HTTPException(404, f"no event {event_id!r}")
    try:
        typed = parse_value(field, value) if action == "correct" and field else None
        return add_review(store, event_id, user, action, field if action == "correct" else None, typed)
    except ReviewError as error:
        raise HTTPException(400, str(error)) from None


@router.post("/events/{event_id}/comments", status_code=201, summary="Comment on an event")
async def post_comment(request: Request, event_id: Id, body: CommentIn, csrf: CsrfHeader = None) -> Any:
    user = auth.require_user(request)
    auth.check_csrf(request, csrf)
    return {"id": comment_event(store_of(request), event_id, user, body.body)}


def comment_event(store: Store, event_id: str, user: str, body: str) -> int:
    if store.event(event_id) is None:
        raise HTTPException(404, f"no event {event_id!r}")
    try:
        return add_comment(store, event_id, user, body)
    except ReviewError as error:
        raise HTTPException(400, str(error)) from None


session_router = APIRouter(prefix="/api")


class SignIn(BaseModel):
    name: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=auth.MAX_PASSWORD_CHARS)


@session_router.get("/session", summary="Who is signed in, and the CSRF token for writes")
async def get_session(request: Request) -> Any:
    return {"user": auth.current_user(request), "csrf": auth.csrf_token(request)}


@session_router.post("/session", summary="Sign in (send the CSRF token of GET /api/session)")
async def post_session(request: Request, body: SignIn, csrf: CsrfHeader = None) -> Any:
    auth.check_csrf(request, csrf)
    if not auth.check_password(store_of(request), body.name, body.password):
        raise HTTPException(401, "wrong name or password")
    auth.sign_in(request, body.name)
    return {"user": body.name, "csrf": auth.csrf_token(request)}


@session_router.delete("/session", summary="Sign out")
async def delete_session(request: Request, csrf: CsrfHeader = None) -> Any:
    auth.check_csrf(request, csrf)
    auth.sign_out(request)
    return {"user": None}
