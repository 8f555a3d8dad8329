"""The empty read-only table a record or state field starts with (shared, never written)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

EMPTY: Mapping[Any, Any] = MappingProxyType({})


def empty() -> Mapping[Any, Any]:
    """A dataclass field's default: the one empty table."""
    return EMPTY
