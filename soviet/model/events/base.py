"""The base of every domain event: a frozen dataclass with the type name the ledger stores."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar


@dataclass(frozen=True)
class DomainEvent:
    TYPE: ClassVar[str]
