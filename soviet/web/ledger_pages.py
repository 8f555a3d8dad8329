"""The ledger browser: the events newest first, a page at a time, each with its number, time,
actor, type, what it says and the start of its hash; and the check of the whole chain, which
names the first event that was altered, removed or moved."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from soviet.api.auth import Caller
from soviet.api.deps import Org
from soviet.api.ledger import page_of, verdict
from soviet.web.render import page

router = APIRouter(include_in_schema=False)

PAGE = 50
SUMMARY = 160
"""Characters of an event's payload shown in its line (the API has the whole of it)."""


def summary(payload: dict[str, Any]) -> str:
    """What an event says, in one line: its fields as ``key value`` (text as it is, anything
    else as JSON, empty fields left out), cut at :data:`SUMMARY` characters."""
    def shown(value: Any) -> str:
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)

    text = ", ".join(f"{key} {shown(value)}" for key, value in payload.items()
                     if value is not None)
    return text if len(text) <= SUMMARY else text[:SUMMARY - 1] + "…"


@router.get("/ledger", response_class=HTMLResponse)
def ledger_page(request: Request, org: Org, login: Caller,
                before: Annotated[int | None, Query(ge=1)] = None,
                verify: bool = False) -> HTMLResponse:
    """``before``: show the events numbered below it (the newest when left out); ``verify``:
    walk the chain and show the verdict."""
    state = org.state()
    top = state.seq + 1 if before is None else min(before, state.seq + 1)
    after = max(0, top - 1 - PAGE)
    shown = list(reversed(page_of(org, after, top - 1 - after)))
    return page(request, "ledger.html", state, login, shown=shown, summary=summary,
                newest=before is None, older=after + 1 if after > 0 else None,
                newer=top + PAGE if top <= state.seq else None,
                verdict=verdict(org) if verify else None)
