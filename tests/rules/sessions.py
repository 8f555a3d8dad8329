"""A congress ready to sit, for the session tests: the tree of :mod:`tests.rules.tree` with
delegates elected at every level, on a charter whose delegations carry the members they
represent (north 1,300, south 700: 2,000 votes in all).

North council: n1m1 n1m2 n1m3 (from N1), n2m1 n2m2 (from N2); it sends n1m1, n1m2, n2m1 to the
congress (ranked in that order). South council: s1m1 s1m2, s2m1 s2m2, s3m1 s3m2; it sends s1m1
and s2m1. North's 1,300 votes divide as 434 (n1m1, the first ranked, takes the remainder), 433,
433; south's 700 as 350 and 350.
"""

from __future__ import annotations

from typing import Any

from soviet.rules import convocation, credentials, discussion, sessions
from tests.rules.tree import Tree, charter

CONVENED, PUBLISHED, OPENS = "2026-02-01", "2026-02-10", "2026-05-01"
NORTH = ["n1m1", "n1m2", "n2m1"]
SOUTH = ["s1m1", "s2m1"]
DELEGATES = NORTH + SOUTH


def convention(**keys: Any) -> dict[str, Any]:
    """The test charter with delegations carrying their members (no paid-up records)."""
    base = {"strength": "members-at-date", "paid_up_months": None,
            "members_counted_before": "1 day"}
    return charter(convention={**base, **keys})


def delegates(tree: Tree) -> Tree:
    for unit, n in {"n1": 3, "n2": 2, "s1": 2, "s2": 2, "s3": 2}.items():
        tree.elect(unit, "north" if unit[0] == "n" else "south",
                   [f"{unit}m{i}" for i in range(1, n + 1)])
    tree.elect("north", "congress", NORTH)
    tree.elect("south", "congress", SOUTH)
    return tree


def sitting(tree: Tree, present: list[str] | None = None) -> str:
    """Convene, discuss and open the congress; register ``present`` and report on them."""
    [convened] = tree(convocation.convene, "congress", "Fifth Congress", OPENS, CONVENED)
    s = convened.payload["session"]
    tree(discussion.publish, s, "Theses on the programme", "We propose ...", ["exec"],
         PUBLISHED)
    tree(sessions.open_session, s, OPENS)
    for x in DELEGATES if present is None else present:
        tree(sessions.register, s, x, OPENS)
    if present != []:
        tree(credentials.report, s, OPENS)
    tree(sessions.add_item, s, "Programme of action")
    return str(s)

