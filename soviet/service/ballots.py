"""Secret ballots on devices, as a service: the receipt code a voter is shown, and closing a
poll with its box, read in the same decision that publishes it (a ballot arriving meanwhile
moves the ledger's head, so the close is decided again with it)."""

from __future__ import annotations

import secrets

from soviet.rules import polls
from soviet.service.organisation import Decision, Organisation

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
"""Letters and digits that cannot be misread for one another (no I/1, O/0)."""


def new_receipt() -> str:
    """A fresh receipt code: 16 characters from 32 (80 random bits), in groups of four."""
    code = "".join(secrets.choice(ALPHABET) for _ in range(16))
    return "-".join(code[i:i + 4] for i in range(0, 16, 4))


def closing(org: Organisation, poll: str, on: str) -> Decision:
    """The decision that closes ``poll`` under the charter's majority; a secret ballot is
    counted from its box, which the closing event publishes and empties."""
    return lambda s: polls.close(s, poll, on, org.box(poll))
