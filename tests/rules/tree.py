"""A small council tree for the rule tests, founded on a real ledger from ``CHARTER_JSON``.

congress <- north (n1: 1000 members, n2: 300), south (s1: 400, s2: 200, s3: 100): three levels,
two regional councils on the charter's ``region`` scale, five locals on its ``local`` scale.
Member ids are ``<unit>m<n>`` (``n1m1`` ... ``n1m1000``), so a test can name anyone.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import Any

import pytest

from soviet.ledger import Event
from soviet.model.state import Mandate, State
from soviet.rules.apportionment import apportion_seats
from soviet.rules.elections import elect
from soviet.rules.founding import found
from soviet.rules.membership import join
from soviet.rules.refusal import Refusal
from soviet.rules.structure import create_body
from soviet.service import Organisation
from tests.conftest import CHARTER_JSON

ON = "2026-01-01"
REGIONS: dict[str, dict[str, int]] = {
    "north": {"n1": 1000, "n2": 300},
    "south": {"s1": 400, "s2": 200, "s3": 100},
}


def charter(**sections: dict[str, Any]) -> dict[str, Any]:
    """``CHARTER_JSON`` with some keys of some sections replaced, e.g.
    ``charter(recall={"vacancy": "by-election"})``."""
    out = copy.deepcopy(CHARTER_JSON)
    for section, keys in sections.items():
        out[section] = {**out[section], **keys}
    return out


def with_scale(name: str, **keys: Any) -> dict[str, Any]:
    """``CHARTER_JSON`` with some keys of one representation scale replaced (None deletes)."""
    out = copy.deepcopy(CHARTER_JSON)
    scale = out["representation"]["scales"][name]
    for key, value in keys.items():
        if value is None:
            scale.pop(key, None)
        else:
            scale[key] = value
    return out


FIXED = {"method": "hamilton", "seats": 6, "minimum": 1, "one_delegate_per": None,
         "remainder": None, "maximum": None}
"""A local scale with a fixed house, so that a unit can lose seats when another grows."""


def roll(unit: str, first: int, last: int) -> list[tuple[str, str]]:
    return [(f"{unit}m{i}", f"Member {i} of {unit}") for i in range(first, last + 1)]


class Tree:
    """An organisation and shorthands for the acts the tests perform on it."""

    def __init__(self, org: Organisation) -> None:
        self.org = org

    def __call__(self, rule: Callable[..., Sequence[Any]], *args: Any, **kwargs: Any
                 ) -> list[Event]:
        """Run ``rule(state, *args, **kwargs)`` through the organisation and record it."""
        return self.org.execute(lambda s: rule(s, *args, **kwargs))

    @property
    def state(self) -> State:
        return self.org.state()

    def seat(self, holder: str, body: str) -> Mandate:
        """``holder``'s live delegate mandate in ``body``."""
        s = self.state
        [m] = [s.mandates[x] for x in s.held_by.get(holder, ())
               if s.mandates[x].body == body and s.mandates[x].role == "delegate"]
        return m

    def seats(self, body: str) -> list[str]:
        """Holders of the live delegate seats in ``body``, sorted."""
        return sorted(m.holder for m in self.state.sitting(body))

    def elect(self, electorate: str, body: str, holders: Sequence[str], on: str = ON,
              **kwargs: Any) -> list[Event]:
        """An unopposed election of ``holders`` (no ballots, no alternates unless given)."""
        kwargs.setdefault("alternates", 0)
        return self(elect, electorate, body, list(holders), None, on, **kwargs)


def build(org: Organisation, charter_json: dict[str, Any] | None = None,
          regions: dict[str, dict[str, int]] | None = None, *, committees: bool = True,
          apportion: bool = True) -> Tree:
    """Found the organisation and its tree; apportion the seats of both councils and the
    congress unless told not to."""
    tree = Tree(org)
    tree(found, "Federation", CHARTER_JSON if charter_json is None else charter_json)
    tree(create_body, "congress", "Congress", "congress", None, ON)
    if committees:
        tree(create_body, "exec", "Executive", "executive", "congress", ON)
        tree(create_body, "cc", "Control Commission", "control_commission", "congress", ON)
    layout = REGIONS if regions is None else regions
    for region, units in layout.items():
        tree(create_body, region, region.title(), "council", "congress", ON, scale="region")
        for unit, size in units.items():
            tree(create_body, unit, unit.upper(), "unit_assembly", region, ON)
            if size:
                tree(join, unit, roll(unit, 1, size), ON)
    if apportion:
        for region in layout:
            tree(apportion_seats, region, ON)
        tree(apportion_seats, "congress", ON)
    return tree


def refused(tree: Tree, match: str, rule: Callable[..., Sequence[Any]], *args: Any,
            **kwargs: Any) -> Refusal:
    """Run a rule that must be refused; nothing may be recorded."""
    head = tree.org.ledger.head().seq
    with pytest.raises(Refusal, match=match) as caught:
        tree(rule, *args, **kwargs)
    assert tree.org.ledger.head().seq == head
    return caught.value
