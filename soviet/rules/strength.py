"""The membership a delegation represents, counted as ``[convention].strength`` says and
fixed when the session opens, so that every vote of the session is weighed on the same figures:

- ``members-at-date``: the members of the delegation's units on the day
  ``members_counted_before`` the session opens (everyone who had joined and not left by then,
  suspended or not: a suspension takes a member's rights, not the delegation's size);
- ``paid-up-average``: the average of the paid-up members the units reported for each of the
  ``paid_up_months`` months before the month of that day (a month a unit did not report counts
  as none paid up), exact.

With ``delegates`` each delegate carries one vote and nothing is fixed.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from soviet.model.events import DomainEvent, StrengthFixed
from soviet.model.sessions import Session
from soviet.model.state import State
from soviet.rules.apportionment import senders


def counted_on(state: State, opens: str) -> str:
    """The day the membership is counted on: ``members_counted_before`` the opening."""
    before = state.rules.convention.members_counted_before
    return opens if before is None else before.before(date.fromisoformat(opens)).isoformat()


def months_before(day: str, n: int) -> list[str]:
    """The ``n`` months (``YYYY-MM``) before the month of ``day``, oldest first."""
    year, month = int(day[:4]), int(day[5:7])
    out = []
    for _ in range(n):
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        out.append(f"{year:04d}-{month:02d}")
    return out[::-1]


def _units(state: State, body: str) -> list[str]:
    """The base units in or under ``body``."""
    if state.bodies[body].kind == "unit_assembly":
        return [body]
    return [u for c in sorted(state.children.get(body, ())) for u in _units(state, c)]


def electorates(state: State, body: str) -> list[str]:
    """The delegations of ``body``: the bodies its seats were apportioned to, or (without an
    apportionment) the electorates of its sitting delegates."""
    a = state.apportionments.get(body)
    if a is not None:
        return sorted(a.seats)
    return sorted({m.electorate for m in state.sitting(body)} or set(senders(state, body)))


def basis(state: State, body: str, opens: str) -> tuple[str, dict[str, Fraction]]:
    """How the membership is counted for a session of ``body`` opening on ``opens``, and each
    delegation's figure."""
    conv = state.rules.convention
    day = counted_on(state, opens)
    groups = {e: _units(state, e) for e in electorates(state, body)}
    if conv.strength == "paid-up-average":
        n = conv.paid_up_months or 1
        months = months_before(day, n)
        figures = {e: Fraction(sum(state.paid_up.get((u, m), 0) for u in us for m in months), n)
                   for e, us in groups.items()}
        return (f"average of paid-up members over {n} months, {months[0]} to {months[-1]} "
                "(a month not reported counts none)", figures)
    counts: dict[str, int] = {}
    for m in state.members.values():
        if m.since <= day and (m.left is None or day < m.left):
            counts[m.unit] = counts.get(m.unit, 0) + 1
    return (f"members on {day}",
            {e: Fraction(sum(counts.get(u, 0) for u in us)) for e, us in groups.items()})


def fix(state: State, s: Session, on: str) -> list[DomainEvent]:
    """The figures a session of a body of delegates weighs its votes on, recorded as it
    opens (nothing when each delegate carries one vote)."""
    if state.rules.convention.strength == "delegates":
        return []
    how, figures = basis(state, s.body, on)
    return [StrengthFixed(session=s.id, how=how, basis={e: str(f) for e, f in figures.items()},
                          on=on)]
