"""docs/submissions.md's example, run as a user pastes it (the harness is
:mod:`tests.docs.guide`): a scenario builds the federation, then the commands send its locals'
motions up, composite, move, refer back and follow them."""

from __future__ import annotations

from pathlib import Path

from soviet.ledger import verify_rows
from soviet.rules.submissions import fate
from soviet.service import Organisation
from tests.conftest import REPO
from tests.docs.guide import walk


def test_submissions_example(tmp_path: Path) -> None:
    blocks, refusals = walk(REPO / "docs" / "submissions.md", tmp_path, part="Example")
    assert blocks == 5
    assert [r.split(":")[1].strip() for r in refusals] == ["submissions", "submissions"]
    [ledger] = tmp_path.glob("*/federation.db")
    with Organisation.open(f"sqlite:///{ledger}") as org:
        assert verify_rows(org.ledger.rows()).sound
        state = org.state()
    assert state.submissions["CP1"].replaces == ("SU1", "SU2")
    assert state.motions["MO4"].status == "adopted"
    assert fate(state, "SU3").startswith("referred back on 2026-05-01")
    assert state.motions["MO4"].mover == "nadia"
