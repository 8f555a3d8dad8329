"""Rendering a page: the Jinja2 environment (autoescaped), and what every page knows — who is
logged in, in which language, and the organisation's name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from soviet.accounts import Login
from soviet.counting.motion import figure
from soviet.model.state import State
from soviet.service.names import who
from soviet.web.i18n import LANGUAGES, NAMES, chosen, translator

TEMPLATES = Path(__file__).parent / "templates"

env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(),
                  undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
env.filters["figure"] = figure


def page(request: Request, template: str, state: State, login: Login | None,
         **context: Any) -> HTMLResponse:
    """``template`` rendered for the caller; with ``?part=NAME`` only the part
    ``parts/NAME.html`` (what the live script fetches to refresh a region)."""
    language = chosen(login.language if login else None,
                      request.headers.get("accept-language"))
    values = {"request": request, "state": state, "login": login, "language": language,
              "languages": LANGUAGES, "language_names": NAMES, "_": translator(language),
              "who": lambda x: who(state, x), **context}
    part = request.query_params.get("part")
    if part is not None:
        if not part.isidentifier() or not (TEMPLATES / "parts" / f"{part}.html").exists():
            return HTMLResponse("no such part", status_code=404)
        template = f"parts/{part}.html"
    return HTMLResponse(env.get_template(template).render(values))
