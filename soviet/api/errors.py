"""How the API answers what it will not do: a refusal names its rule, reason and charter
clause (409), an unknown record is 404; nothing is recorded in either case."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from soviet.rules.refusal import Refusal


class NotFound(LookupError):
    """A record the path names does not exist."""


T = TypeVar("T")


def found(table: Mapping[str, T], key: str, what: str) -> T:
    """``table[key]``, or a 404 naming the ``what`` that is not there."""
    record = table.get(key)
    if record is None:
        raise NotFound(f"there is no {what} {key!r}")
    return record


def install(app: FastAPI) -> None:
    @app.exception_handler(Refusal)
    async def refused(_: Request, e: Refusal) -> JSONResponse:
        return JSONResponse(status_code=409, content={"refused": {
            "rule": e.rule, "reason": e.reason, "clause": e.clause, "message": str(e)}})

    @app.exception_handler(NotFound)
    async def not_found(_: Request, e: NotFound) -> JSONResponse:
        return JSONResponse(status_code=404, content={"detail": str(e)})
