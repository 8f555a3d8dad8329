"""A refusal: the command was not carried out, and here is the rule and charter clause why."""

from __future__ import annotations

from soviet.model.state import State


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
