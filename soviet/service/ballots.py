"""Secret ballots on devices, as a service: the receipt code a voter is shown, and closing a
poll with its box, read in the same decision that publishes it (a ballot arriving meanwhile
moves the ledger's head, so the close is decided again with it)."""

from __future__ import annotations

from soviet.codes import random_code
from soviet.rules import polls
from soviet.service.organisation import Decision, Organisation


def new_receipt() -> str:
    """A fresh receipt code: four groups of four characters (80 random bits)."""
    return random_code(4)


def closing(org: Organisation, poll: str, on: str) -> Decision:
    """The decision that closes ``poll`` under the charter's majority; a secret ballot is
    counted from its box, which the closing event publishes and empties."""
    return lambda s: polls.close(s, poll, on, org.box(poll))
