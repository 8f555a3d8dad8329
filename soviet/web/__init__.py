"""The web pages: server-rendered HTML (Jinja2) over the same state as the API, kept live by
server-sent events and a small script of our own (``static/live.js``), with no build step.
Pages read; every act a page offers is a form the script sends to the JSON API, so the rules,
roles and refusals are the API's own."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from soviet.web import ledger_pages, pages, record_pages, tree_pages

STATIC = Path(__file__).parent / "static"


def install(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(pages.router)
    for router in (tree_pages.router, ledger_pages.router, record_pages.router):
        app.include_router(router)
