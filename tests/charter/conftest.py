"""Shared pieces for the charter tests: the union federation's charter as fresh data to break."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from tests.charter.files import UNION


@pytest.fixture
def union_data() -> dict[str, Any]:
    """The union federation's charter as parsed TOML, fresh for each test."""
    with UNION.open("rb") as file:
        return tomllib.load(file)
