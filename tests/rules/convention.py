"""A congress of 1,500 delegates from 400 units representing 1,200,000 members, for the card
vote test and ``bench/convention.py``.

300 units of 3,200 members (``a0`` ... ``a299``) send 4 delegates each and 100 units of 2,400
(``b0`` ... ``b99``) send 3, at one delegate per 800 members: 1,500 seats. Each delegation
carries the members of its unit on the day before the congress opens (3,200 or 2,400, under the
cap of 8,000), divided equally among its delegates present, the remainder to its chair (the
first-ranked present). Unit ``a1`` elects a fifth candidate as its alternate; the others elect
unopposed. Members are ``<unit>x<n>``; a unit's delegates are its first members, ranked in
that order (``a0x1`` ... ``a0x4``), and ``a1x5`` is ``a1``'s alternate.
"""

from __future__ import annotations

import copy
from functools import partial
from typing import Any

import numpy as np

from soviet.rules import credentials, sessions
from soviet.rules.apportionment import apportion_seats
from soviet.rules.convocation import convene
from soviet.rules.elections import Poll, elect_round
from soviet.rules.founding import found
from soviet.rules.membership import join
from soviet.rules.structure import create_body
from soviet.service import Organisation
from tests.conftest import CHARTER_JSON

A, B = 300, 100
ON, OPENS = "2026-01-01", "2026-06-01"


def charter() -> dict[str, Any]:
    out = copy.deepcopy(CHARTER_JSON)
    out["representation"]["scales"]["branch"] = {
        "basis": "members", "method": "ratio", "one_delegate_per": 800, "remainder": "drop",
        "minimum": 1}
    out["representation"]["default_scale"] = "branch"
    out["convention"] = {**out["convention"], "strength": "members-at-date",
                         "paid_up_months": None, "members_counted_before": "1 day",
                         "proxies": "delegation", "proxy_cap": 1, "remainder": "chair"}
    out["congress"] = {**out["congress"], "discussion": None}
    return out


def units() -> dict[str, int]:
    return {**{f"a{i}": 3200 for i in range(A)}, **{f"b{i}": 2400 for i in range(B)}}


def build(org: Organisation) -> None:
    """Found, create, join, apportion and elect: the congress as it stands before it opens."""
    org.execute(lambda s: found(s, "Convention Federation", charter()))
    org.execute(lambda s: create_body(s, "congress", "Congress", "congress", None, ON))
    sizes = units()
    org.execute(lambda s: [e for u in sizes
                           for e in create_body(s, u, u.upper(), "unit_assembly", "congress",
                                                ON)])
    for u, n in sizes.items():
        roll = [(f"{u}x{i}", f"Member {i} of {u}") for i in range(1, n + 1)]
        org.execute(partial(join, unit_id=u, members=roll, on=ON))
    org.execute(lambda s: apportion_seats(s, "congress", ON))
    names = {u: [f"{u}x{i}" for i in range(1, (4 if u[0] == "a" else 3) + 1)] for u in sizes}
    polls = [Poll(u, "congress", names[u], None) for u in sizes if u != "a1"]
    # a1: five candidates for four seats; everybody ranks them in order, the fifth is last
    ballots = np.tile(np.arange(5, dtype=np.int8), (100, 1))
    polls.append(Poll("a1", "congress", [f"a1x{i}" for i in range(1, 6)], ballots, 4))
    org.execute(lambda s: elect_round(s, polls, ON))


def delegate(unit: str, rank: int) -> str:
    """The member id of a unit's delegate of that rank (the fifth of ``a1`` is its alternate)."""
    return f"{unit}x{rank}"


def open_congress(org: Organisation, absent: set[str]) -> str:
    """Convene and open the congress; every delegate but ``absent`` registers (and ``a1``'s
    alternate), and the credentials commission reports on them."""
    [convened] = org.execute(lambda s: convene(s, "congress", "Congress", OPENS, ON))
    session = str(convened.payload["session"])
    org.execute(lambda s: sessions.open_session(s, session, OPENS))
    comers = [delegate(u, r) for u, n in units().items()
              for r in range(1, (4 if n == 3200 else 3) + 1) if delegate(u, r) not in absent]
    comers.append(delegate("a1", 5))
    org.execute(lambda s: [e for x in comers for e in sessions.register(s, session, x, OPENS)])
    org.execute(lambda s: credentials.report(s, session, OPENS))
    return session
