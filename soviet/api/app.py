"""The FastAPI application over one organisation's ledger: the JSON API under ``/api`` and the
web pages (``soviet.web``) beside it.

One ``Organisation`` per process: it follows the ledger, decides each command under its lock
and appends it expecting the head it read (see ``soviet.service``), so requests served on
several threads, and several server processes on one PostgreSQL database, record one
consistent chain. Each process streams every act to its clients (``soviet.api.live``).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from soviet import web
from soviet.accounts import Accounts
from soviet.api import (
    account,
    admission,
    auth,
    ballot_files,
    cases,
    composition,
    convening,
    counts,
    credentials,
    discussion,
    elections,
    errors,
    executive,
    ledger,
    members,
    motions,
    polls,
    proxies,
    records,
    sittings,
    streams,
    structure,
    submissions,
    tree,
)
from soviet.api.limits import Limiter
from soviet.api.live import Live
from soviet.service import Organisation


def create_app(url: str | None = None) -> FastAPI:
    """The API and pages over the ledger at ``url`` (``$SOVIET_DB`` or the default when
    None)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        org = Organisation.open(url)
        # The collector's passes stall every request in the process. The state folded from
        # the ledger lives as long as the process, so it is kept out of them; and the
        # youngest generation is collected every 20,000 allocations rather than 700, so the
        # objects of requests in flight are not promoted and do not bring on full passes
        # over every open stream (each took 100-200 ms in a 2,000-delegate congress; see
        # docs/benchmarks.md).
        gc.collect()
        gc.freeze()
        gc.set_threshold(20_000, 10, 10)
        app.state.organisation = org
        app.state.accounts = Accounts(org.ledger.url)
        app.state.limiter = Limiter()
        app.state.live = Live(org)
        task = asyncio.create_task(app.state.live.run())
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            app.state.accounts.close()
            org.close()

    # FastAPI's own OpenTelemetry is off: nothing here exports traces, and asking whether
    # anything does costs every request a look at the environment.
    app = FastAPI(title="soviet", version="0.1.0", lifespan=lifespan,
                  telemetry={"tracing": False, "metrics": False, "logs": False},
                  description="Councils of elected, recallable delegates: the organisation's "
                  "tree, sessions, polls and votes, live. Every refusal names its rule and "
                  "charter clause.")
    errors.install(app)
    # Polls first: routes are matched in order, and a congress's votes are most of the load.
    for router in (polls.router, auth.router, tree.router, convening.router, sittings.router,
                   streams.router, ledger.router, records.router,
                   executive.router, cases.router, admission.router,
                   discussion.router, credentials.router, motions.router, counts.router,
                   proxies.router, submissions.router,
                   structure.router, members.router, elections.router,
                   composition.router, ballot_files.router, account.router):
        app.include_router(router, prefix="/api")
    web.install(app)
    return app
