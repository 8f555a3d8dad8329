"""Append-only, hash-chained event ledger on SQLite or PostgreSQL."""

from soviet.ledger.event import GENESIS_HASH, Act, Event, canonical_json
from soviet.ledger.open import default_url, open_ledger
from soviet.ledger.store import ConcurrentAppend, Head, Ledger, LedgerError
from soviet.ledger.verify import Verdict, verify_rows

__all__ = [
    "GENESIS_HASH",
    "Act",
    "ConcurrentAppend",
    "Event",
    "Head",
    "Ledger",
    "LedgerError",
    "Verdict",
    "canonical_json",
    "default_url",
    "open_ledger",
    "verify_rows",
]
