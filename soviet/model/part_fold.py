"""What every part of the fold shares (sessions, the executive, cases, submissions, recall):
the replay's way of refusing a ledger, the event being applied, the id counters, the bodies;
and the three checks each handler starts with."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from soviet.model.recorded import FoldError

T = TypeVar("T")


class PartFold:
    """A part of a replay's fold: its own tables, the replay's counters and bodies."""

    def __init__(self, fail: Callable[[str], FoldError], seq: Callable[[], int],
                 counters: defaultdict[str, int], bodies: Mapping[str, Any]) -> None:
        self._fail = fail
        self._seq = seq
        self._counters = counters
        self._bodies = bodies

    def _new(self, prefix: str, table: Mapping[str, Any], key: str, what: str) -> None:
        """Refuse a record that already exists; count the id (``prefix``) it takes."""
        if key in table:
            raise self._fail(f"{what} {key} already exists")
        self._counters[prefix] += 1

    def _get(self, table: Mapping[str, T], key: str, what: str) -> T:
        """The record ``key``, or a refusal of the ledger that names it."""
        try:
            return table[key]
        except KeyError:
            raise self._fail(f"no {what} {key!r}") from None

    def _body(self, body: str) -> None:
        if body not in self._bodies:
            raise self._fail(f"no body {body!r}")
