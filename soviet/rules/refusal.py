"""A refusal: the command was not carried out, and here is the rule and charter clause why."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from soviet.model.state import State

T = TypeVar("T")


class Refusal(Exception):
    """Raised by a rule instead of returning events. ``clause`` cites the charter, if any."""

    def __init__(self, rule: str, reason: str, clause: str | None = None) -> None:
        self.rule = rule
        self.reason = reason
        self.clause = clause
        super().__init__(f"{rule}: {reason}" + (f", charter {clause}" if clause else ""))


def founded(state: State, rule: str) -> None:
    if not state.founded:
        raise Refusal(rule, "no organisation has been founded in this ledger")


def known(table: Mapping[str, T], key: str, rule: str, what: str) -> T:
    """``table[key]``, or a refusal naming ``rule``: there is no such ``what``."""
    found = table.get(key)
    if found is None:
        raise Refusal(rule, f"there is no {what} {key!r}")
    return found
