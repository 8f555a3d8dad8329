"""The state of the organisation at one point of its ledger: frozen, derived, never stored."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    unit: str
    since: str


@dataclass(frozen=True)
class State:
    """Everything the rules read. ``seq`` and ``time`` say which point of the ledger it is."""

    seq: int = 0
    time: str = ""
    name: str = ""
    charter: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    charter_since: int = 0
    members: Mapping[str, Member] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def founded(self) -> bool:
        return self.seq > 0
