"""Who administers a body: who presides over it or over a body above it."""

from __future__ import annotations

from pathlib import Path

import pytest

from soviet.rules.refusal import Refusal
from soviet.rules.roles import above, administers, must_administer
from soviet.service import Organisation
from tests.rules.tree import Tree, build


def seat_an_executive(tree: Tree) -> None:
    tree.elect("n1", "north", ["n1m1", "n1m2"])
    tree.elect("north", "congress", ["n1m1"])
    tree.elect("congress", "exec", ["n1m1"])


def test_the_chain_above_a_unit_runs_to_the_top(tree: Tree) -> None:
    assert above(tree.state, "n1") == ["n1", "north", "congress"]
    assert above(tree.state, "congress") == ["congress"]


def test_the_executive_administers_every_body_below_its_electors(tree: Tree) -> None:
    seat_an_executive(tree)
    s = tree.state
    assert all(administers(s, b, "n1m1") for b in ("congress", "north", "n1", "s3"))
    assert not administers(s, "n1", "n1m2"), "a council delegate does not administer"


def test_a_refusal_names_who_administers(tree: Tree, tmp_path: Path) -> None:
    with Organisation.open(f"sqlite:///{tmp_path / 'bare.db'}") as org:
        bare = build(org, committees=False)
        with pytest.raises(Refusal, match="nobody: neither s2 nor a body above it"):
            must_administer(bare.state, "s2", "s2m1", "admitting members")
    seat_an_executive(tree)
    with pytest.raises(Refusal, match="s2m1 does not administer s2 for admitting members; "
                                      "the members of exec do"):
        must_administer(tree.state, "s2", "s2m1", "admitting members")
    must_administer(tree.state, "s2", "n1m1", "admitting members")
