"""``soviet serve``: the web app and the HTTP API over the ledger, for the delegates' phones,
the chair's console and the projector in the hall."""

from __future__ import annotations

import os
from functools import partial
from typing import Annotated

import typer

from soviet.cli.options import DbOption, db_url
from soviet.ledger.open import masked_url


def serve_command(
    host: Annotated[str, typer.Option("--host", help="The address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="The port.")] = 8000,
    db: DbOption = None,
    workers: Annotated[int, typer.Option(
        "--workers", min=1, max=64,
        help="Server processes sharing the port: one per core for a large congress.")] = 1,
) -> None:
    """Serve the web app at / and the HTTP API at /api (OpenAPI document at /docs and
    /openapi.json)."""
    url = db_url(db)
    typer.echo(f"serving {masked_url(url)}: open http://{host}:{port}/ (the API's documents at "
               f"http://{host}:{port}/docs)" + (f" with {workers} processes" if workers > 1
                                                 else ""))
    # open event streams never end by themselves: give them a moment at shutdown, then go
    # uvloop and httptools (the C event loop and parser) spare a small box's cores for the
    # votes; a deep backlog lets 2,000 phones connect their streams at once.
    # Imported here, not at the top: the web app is half of every other command's start-up.
    import uvicorn

    from soviet.api import create_app

    run = partial(uvicorn.run, host=host, port=port, log_level="warning",
                  timeout_graceful_shutdown=2, loop="uvloop", http="httptools", access_log=False,
                  backlog=4096)
    if workers == 1:
        run(create_app(url))
        return
    # Several processes (one Python each, so each core decides and answers votes) are
    # started by uvicorn from the app's import path; they find the ledger in the environment,
    # and see each other's acts as several servers do (see soviet.api.live).
    os.environ["SOVIET_DB"] = url
    run("soviet.api.app:create_app", factory=True, workers=workers)
