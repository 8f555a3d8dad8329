"""Fixtures shared by the suite: a ledger URL on each real backend."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from soviet.charter import charter_to_json, load_charter
from tests.postgres_server import postgres_server

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

_databases = itertools.count(1)

CHARTER_JSON = charter_to_json(load_charter(REPO / "charters" / "union-federation.toml"))
"""A real charter, as the founding event stores it."""


@pytest.fixture(scope="session")
def postgres() -> Iterator[str]:
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of an empty ledger: a fresh SQLite file, or a fresh database on the test server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.db'}"
    server: str = request.getfixturevalue("postgres")
    name = f"t{next(_databases)}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as db:
        db.execute(f"CREATE DATABASE {name}")
    return f"{server}/{name}"
