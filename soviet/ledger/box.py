"""The ballot box: secret ballots cast on devices wait here, beside the ledger, until their poll
closes.

A ballot is stored in the same transaction as the ledger event that records its voter has voted
(so none is acknowledged and then lost, and nobody votes twice), but in a table that holds no
voter, no time and no order of arrival: rows are keyed and kept sorted by their random receipt
code (``WITHOUT ROWID`` on SQLite). The closing event publishes the box and empties it in one
transaction. What remains linkable is outside the tables' contents: PostgreSQL's system columns
(``xmin``) of a row while its poll is open, and either database's write-ahead log until it is
checkpointed (see docs/api.md, "Secret ballots").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class BoxChange:
    """What an append does to the box: ballots ``put`` in (poll, receipt, ballot JSON), and the
    polls whose ballots are ``emptied`` out (published by the closing event)."""

    put: Sequence[tuple[str, str, str]] = ()
    emptied: Sequence[str] = field(default_factory=tuple)


def table(suffix: str = "") -> str:
    return f"""
CREATE TABLE IF NOT EXISTS ballot_box (
    poll    TEXT NOT NULL,
    receipt TEXT NOT NULL,
    ballot  TEXT NOT NULL,
    PRIMARY KEY (poll, receipt)
){suffix};
"""


PUT = "INSERT INTO ballot_box (poll, receipt, ballot) VALUES ({0},{0},{0})"
EMPTY = "DELETE FROM ballot_box WHERE poll = {0}"
READ = "SELECT receipt, ballot FROM ballot_box WHERE poll = {0} ORDER BY receipt"
