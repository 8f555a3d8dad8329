"""Fixtures of the rule tests: the council tree of :mod:`tests.rules.tree` on a real ledger."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from soviet.service import Organisation
from tests.rules.tree import Tree, build


@pytest.fixture
def tree(tmp_path: Path) -> Iterator[Tree]:
    """The tree on a fresh SQLite ledger (refusals and details)."""
    with Organisation.open(f"sqlite:///{tmp_path / 'ledger.db'}") as org:
        yield build(org)


@pytest.fixture
def both(ledger_url: str) -> Iterator[Tree]:
    """The tree on each backend (the main scenarios)."""
    with Organisation.open(ledger_url) as org:
        yield build(org)
