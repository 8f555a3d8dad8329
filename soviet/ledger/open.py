"""Open a ledger from a URL: ``sqlite:///path.db`` (the default) or ``postgresql://...``."""

from __future__ import annotations

import os

from soviet.ledger.store import Ledger, LedgerError

DEFAULT_URL = "sqlite:///soviet.db"


def default_url() -> str:
    return os.environ.get("SOVIET_DB") or DEFAULT_URL


def open_ledger(url: str | None = None) -> Ledger:
    url = url or default_url()
    if url.startswith("sqlite:///"):
        from soviet.ledger.sqlite import SqliteLedger

        return SqliteLedger(url.removeprefix("sqlite:///"), url)
    if url.startswith(("postgresql://", "postgres://")):
        from soviet.ledger.postgres import PostgresLedger

        return PostgresLedger(url)
    raise LedgerError(
        f"unknown database URL {url!r}: use sqlite:///path.db or postgresql://user@host/db"
    )
