"""``/api/ledger``: the ledger as it is stored, for scripts that audit or mirror it, and the
check of its hash chain that anyone may run.

Both read through a connection of their own (:func:`reading`): a walk of a long ledger then
neither waits on nor holds up the organisation's connection, on which commands append."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from fastapi import APIRouter, Query

from soviet.api.deps import Org
from soviet.api.plain import plain
from soviet.ledger import Event, Ledger, Verdict, open_ledger, verify_rows
from soviet.service import Organisation

router = APIRouter(tags=["ledger"])


@contextmanager
def reading(org: Organisation) -> Iterator[Ledger]:
    """A reader of the organisation's ledger on a connection of its own."""
    with open_ledger(org.ledger.url) as ledger:
        yield ledger


def page_of(org: Organisation, after: int, limit: int) -> list[Event]:
    """Up to ``limit`` events after event ``after``, in order."""
    with reading(org) as ledger:
        return list(ledger.events(after=after, upto=after + limit))


def verdict(org: Organisation) -> Verdict:
    """The chain walked from the first event to the last, rehashing every one."""
    with reading(org) as ledger:
        return verify_rows(ledger.rows())


def stored(e: Event) -> dict[str, Any]:
    """An event as the ledger stores it, its payload as JSON: its hash covers seq, time, actor,
    type and payload, chained to the hash of the event before it."""
    out: dict[str, Any] = e._asdict()
    del out["payload_json"]
    return {**out, "payload": e.payload}


@router.get("/ledger")
def events(org: Org, after: Annotated[int, Query(ge=0, le=2**62)] = 0,
           limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> list[dict[str, Any]]:
    """The events after event ``after``, oldest first, at most ``limit`` (page on with the
    last ``seq`` as the next ``after``): ``seq``, ``prev_hash``, ``hash``, ``recorded_at``,
    ``actor``, ``type``, ``payload``."""
    return [stored(e) for e in page_of(org, after, limit)]


@router.get("/ledger/verify")
def verify(org: Org) -> dict[str, Any]:
    """Walk the whole hash chain, as ``soviet verify`` does: how many events were checked, the
    head reached (``seq``, ``hash``), ``sound``, or the first bad event (``bad_seq``) and what
    is wrong with it (``problem``: altered, removed or moved)."""
    v = verdict(org)
    return {**plain(v), "sound": v.sound}
