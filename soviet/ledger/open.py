"""Open a ledger from a URL: ``sqlite:///path.db`` (the default) or ``postgresql://...``."""

from __future__ import annotations

import os
import re

from soviet.ledger.store import Ledger, LedgerError

DEFAULT_URL = "sqlite:///soviet.db"

_USER_PASSWORD = re.compile(r"^([^:/?#]+://[^:/?#@]*:)[^/?#]*@")
"""The scheme and user, then the password up to the last ``@`` before the host."""
_QUERY_PASSWORD = re.compile(r"([?&]password=)[^&#]*")


def default_url() -> str:
    return os.environ.get("SOVIET_DB") or DEFAULT_URL


def masked_url(url: str) -> str:
    """``url`` as it may be printed or logged: a password in it (``user:PASSWORD@host`` or
    ``?password=...``) shown as ``***``, so a terminal, a log or a bug report never holds it."""
    return _QUERY_PASSWORD.sub(r"\1***", _USER_PASSWORD.sub(r"\1***@", url, count=1))


def open_ledger(url: str | None = None) -> Ledger:
    url = url or default_url()
    if url.startswith("sqlite:///"):
        from soviet.ledger.sqlite import SqliteLedger

        return SqliteLedger(url.removeprefix("sqlite:///"), url)
    if url.startswith(("postgresql://", "postgres://")):
        from soviet.ledger.postgres import PostgresLedger

        return PostgresLedger(url)
    raise LedgerError(f"unknown database URL {masked_url(url)!r}: use sqlite:///path.db or "
                      "postgresql://user@host/db")
