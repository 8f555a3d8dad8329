"""The FastAPI application over one organisation's ledger.

One ``Organisation`` per process: it follows the ledger, decides each command under its lock
and appends it expecting the head it read (see ``soviet.service``), so requests served on
several threads see and record one consistent chain.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from soviet.api import errors, sittings, tree
from soviet.service import Organisation


def create_app(url: str | None = None) -> FastAPI:
    """The API over the ledger at ``url`` (``$SOVIET_DB`` or the default when None)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.organisation = Organisation.open(url)
        try:
            yield
        finally:
            app.state.organisation.close()

    app = FastAPI(title="soviet", version="0.1.0", lifespan=lifespan,
                  description="Councils of elected, recallable delegates: the organisation's "
                  "tree, sessions, polls and votes. Every refusal names its rule and charter "
                  "clause.")
    errors.install(app)
    app.include_router(tree.router, prefix="/api")
    app.include_router(sittings.router, prefix="/api")
    return app
