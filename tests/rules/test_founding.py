"""Founding and amending: the acts that give the organisation its charter."""

from __future__ import annotations

import pytest

from soviet.model.state import State
from soviet.rules.founding import amend, found
from soviet.rules.refusal import Refusal
from tests.conftest import CHARTER_JSON
from tests.rules.tree import Tree, charter, refused


def test_founding_refusals(tree: Tree) -> None:
    refused(tree, "founding: this ledger already holds the organisation 'Federation'", found,
            "Other", CHARTER_JSON)
    with pytest.raises(Refusal, match="founding: the organisation needs a name"):
        found(State(), "  ", CHARTER_JSON)


def test_amending_refusals(tree: Tree) -> None:
    refused(tree, "charter: the new charter is the same as the one in force", amend,
            CHARTER_JSON, None)
    with pytest.raises(Refusal, match="charter: no organisation has been founded"):
        amend(State(), CHARTER_JSON, None)
    [event] = tree(amend, charter(recall={"vacancy": "by-election"}), 7)
    assert event.payload["decision"] == 7
    s = tree.state
    assert s.rules.recall.vacancy == "by-election" and s.charter_since == event.seq


def test_an_invalid_charter_is_refused_before_anything_is_recorded(tree: Tree) -> None:
    """The fold could not read it back: the rule refuses it, naming the problem."""
    broken = charter(convention={"strength": "members-at-date"})
    with pytest.raises(Refusal, match=r"(?s)founding: the charter is invalid: .*"
                       "convention.members_counted_before: is required"):
        found(State(), "Federation", broken)
    refused(tree, r"(?s)charter: the charter is invalid: .*members_counted_before", amend, broken,
            None)
