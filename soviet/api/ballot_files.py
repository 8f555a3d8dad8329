"""``/api/counts/ballots``: a ballot file counted on its own, as ``soviet count`` counts one.

The file is the request's body, read as the CLI reads a file (BLT, or CSV for one seat unless
told otherwise) and counted by the same function with the same options, so the answer is the
CLI's ``--json`` report with the file's title. It records nothing: anyone signed in may count.
The body is read no further than :data:`MAX_BYTES`: a huge upload is refused as soon as it
passes the limit, never held whole.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool

from soviet.api.auth import Member
from soviet.counting import METHODS, Election, parse_blt
from soviet.counting.csv_ballots import parse_csv
from soviet.counting.file_count import count_file, csv_election
from soviet.counting.registry import UnknownMethod

router = APIRouter(tags=["counting"])

MAX_BYTES = 10 * 2**20
"""The largest ballot file counted: 10 MiB, some half a million ballot lines."""

TOO_LARGE = f"a ballot file is at most {MAX_BYTES:,} bytes (10 MiB)"

Format = Literal["blt", "csv"]

SHARE = r"^[0-9]{1,9}(\.[0-9]{1,9}|/0*[1-9][0-9]{0,8})?$"
"""A share written as the CLI takes it (``5/100``, ``0.05``), short, and never divided by zero."""


async def _upload(request: Request) -> bytes:
    """The request's body, or a 413 as soon as it says or proves itself too large."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BYTES:
        raise HTTPException(413, TOO_LARGE)
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > MAX_BYTES:
            raise HTTPException(413, TOO_LARGE)
    return bytes(data)


def _election(data: bytes, form: Format) -> Election:
    """The file as the CLI reads it: a BLT file, or a CSV file filling one seat."""
    if form == "csv":
        return csv_election(parse_csv(data.decode("utf-8")))
    return parse_blt(data)


def _count(data: bytes, form: Format, method: str, seats: int | None, seed: int | None,
           threshold: str | None) -> dict[str, Any]:
    if method not in METHODS:
        raise HTTPException(422, f"method: {UnknownMethod(method)}")
    try:
        election = _election(data, form)
        result = count_file(election, method, election.seats if seats is None else seats, seed,
                           threshold)
    except (ValueError, OverflowError) as e:  # a malformed file, or a count the method refuses
        raise HTTPException(422, str(e)) from None
    return {"title": election.title, **result.to_json()}


@router.post("/counts/ballots", openapi_extra={"requestBody": {"required": True, "content": {
    "text/plain": {"schema": {"type": "string", "maxLength": MAX_BYTES}}}}})
async def count_ballots(
    request: Request, _: Member, method: Annotated[str, Query(
        max_length=100, description=f"The counting method: {', '.join(sorted(METHODS))}.")],
    form: Annotated[Format, Query(alias="format", description="blt, or csv (see "
                                  "docs/counting.md).")] = "blt",
    seats: Annotated[int | None, Query(ge=1, le=10_000, description="Seats to fill (default: "
                                       "the BLT file's; a CSV file's is 1).")] = None,
    seed: Annotated[int | None, Query(ge=0, le=2**32 - 1, description="The seed of any lot "
                                      "drawn (recorded in the result).")] = None,
    threshold: Annotated[str | None, Query(pattern=SHARE, description="Party lists: the "
                                           "share of the votes a list needs for any seat, "
                                           "e.g. 5/100 or 0.05.")] = None,
) -> dict[str, Any]:
    """Count a ballot file, sent as the body (at most 10 MiB), by a counting method: the
    result with every round, who is elected in order, each tie broken and how, and for party
    lists the seats of each list (``allocation``). A malformed file is a 422 naming its line
    (or row); a count the method cannot make, a 422 saying why."""
    data = await _upload(request)
    return await run_in_threadpool(_count, data, form, method, seats, seed, threshold)
