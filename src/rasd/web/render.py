"""Pages in the visitor's language: Jinja2 templates with every value escaped."""
from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from rasd.model import EVENT_TYPES
from rasd.web import auth

LANGS = ("ar", "en")


def web_path(*parts: str) -> Path:
    return Path(str(resources.files("rasd.web").joinpath(*parts)))


@cache
def strings() -> dict[str, dict[str, str]]:
    """The interface's words in Arabic and English (rasd/web/strings.json)."""
    return json.loads(web_path("strings.json").read_text(encoding="utf-8"))


def templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(str(web_path("templates"))),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.globals["event_types"] = list(EVENT_TYPES)
    return Jinja2Templates(env=env)


def wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/") and "text/html" in request.headers.get("accept", "")



def language(request: Request) -> str:
    lang = request.cookies.get("lang", "ar")
    return lang if lang in LANGS else "ar"


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    """A page in the visitor's language, with the user and CSRF token every form needs."""
    lang = language(request)
    words = strings()

    def t(key: str) -> str:
        return words.get(key, {}).get(lang, key)

    def type_name(event_type: str) -> str:
        return words.get(f"type:{event_type}", {}).get(lang, event_type)

    labels = {name: type_name(name) for name in EVENT_TYPES}
    base = {"lang": lang, "dir": "rtl" if lang == "ar" else "ltr", "t": t, "type_name": type_name,
            "type_labels": json.dumps(labels, ensure_ascii=False), "user": auth.current_user(request),
            "csrf": auth.csrf_token(request), "path": request.url.path}
    return request.app.state.templates.TemplateResponse(request, name, {**base, **context}, status_code=status)
