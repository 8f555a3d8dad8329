"""Questions a member asks of the council tree: who sits where, why, which seats are empty,
and who is over- or under-represented. Pure functions of a State."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from soviet.model.state import Mandate, State
from soviet.rules.elections import COMMITTEES, entitlement


@dataclass(frozen=True)
class Link:
    """One step of a seat's legitimacy: the mandate, the election that gave it, and events."""

    mandate: Mandate
    electorate: str
    election: str
    election_seq: int | None
    granted_seq: int


def sitting(state: State, body: str, on: str | None = None) -> list[Mandate]:
    """The delegates in ``body``, now or on the day ``on``, by electorate and rank."""
    return sorted(state.sitting(body, on), key=lambda m: (m.electorate, m.rank, m.id))


def waiting(state: State, body: str) -> list[Mandate]:
    """The ranked alternates each electorate has waiting for a seat in ``body``."""
    return sorted((a for electorate, b in state.waiting if b == body
                   for a in state.alternates(electorate, body)),
                  key=lambda a: (a.electorate, a.rank))


def chain(state: State, mandate: str) -> list[Link]:
    """Why a seat is held: this mandate, the one it is held through, ... down to a base unit."""
    if mandate not in state.mandates:
        raise LookupError(f"there is no mandate {mandate!r}")
    links: list[Link] = []
    walk: str | None = mandate
    while walk is not None:
        m = state.mandates[walk]
        held = state.elections.get(m.election)
        links.append(Link(m, m.electorate, m.election, held.seq if held else None, m.granted))
        walk = m.through
    return links


@dataclass(frozen=True)
class Vacancy:
    body: str
    electorate: str
    seats: int
    held: int
    pending_by_election: str | None

    @property
    def empty(self) -> int:
        return self.seats - self.held


def vacancies(state: State) -> list[Vacancy]:
    """Every electorate holding fewer seats than it has (apportioned, or a committee's charter
    seats), by body and electorate; seats of units that have moved away are not counted."""
    pairs = {(unit, body) for body, apportioned in state.apportionments.items()
             for unit in apportioned.seats if state.bodies[unit].parent == body}
    pairs |= {(b.parent, b.id) for b in state.bodies.values()
              if b.kind in COMMITTEES and b.parent is not None}
    out: list[Vacancy] = []
    for electorate, body in sorted(pairs, key=lambda p: (p[1], p[0])):
        if state.bodies[electorate].dissolved or state.bodies[body].dissolved:
            continue
        seats = entitlement(state, state.bodies[electorate], state.bodies[body]).seats
        held = sum(1 for m in state.sitting(body) if m.electorate == electorate)
        if held < seats:
            pending = next((b.id for b in state.by_elections.values()
                            if (b.electorate, b.body) == (electorate, body)), None)
            out.append(Vacancy(body, electorate, seats, held, pending))
    return out


@dataclass(frozen=True)
class Share:
    """A unit's representation in a body: seats held and apportioned against its fair share."""

    unit: str
    basis: int
    apportioned: int
    held: int
    ideal: Fraction

    @property
    def deviation(self) -> Fraction:
        """Seats held minus the fair share (positive: over-represented)."""
        return self.held - self.ideal

    @property
    def ratio(self) -> Fraction | None:
        """Seats held per fair-share seat (1 is exact)."""
        return self.held / self.ideal if self.ideal else None


def representation(state: State, body: str) -> list[Share]:
    """Each sending unit's basis, seats and fair share (basis x seats / total basis)."""
    apportioned = state.apportionments.get(body)
    if apportioned is None:
        return []
    held: dict[str, int] = {}
    for m in state.sitting(body):
        held[m.electorate] = held.get(m.electorate, 0) + 1
    total_basis = sum(apportioned.basis.values())
    total_seats = sum(apportioned.seats.values())
    return [Share(u, b, apportioned.seats[u], held.get(u, 0),
                  Fraction(b * total_seats, total_basis) if total_basis else Fraction(0))
            for u, b in sorted(apportioned.basis.items())]


@dataclass(frozen=True)
class Tally:
    """The pre-congress vote of the units in or below one body, added up."""

    body: str
    votes: dict[str, int]
    abstain: int
    units: int


def discussion_tallies(state: State, session: str) -> dict[str, Tally]:
    """Each body's tally of the units that have voted on a session's theses, the unit's own
    included, added up every level to the top, as the votes have come in."""
    votes: dict[str, dict[str, int]] = {}
    abstain: dict[str, int] = {}
    units: dict[str, int] = {}
    for (s, unit), vote in sorted(state.theses_votes.items()):
        if s != session:
            continue
        body: str | None = unit
        while body is not None:
            mine = votes.setdefault(body, {})
            for theses, n in vote.votes.items():
                mine[theses] = mine.get(theses, 0) + n
            abstain[body] = abstain.get(body, 0) + vote.abstain
            units[body] = units.get(body, 0) + 1
            body = state.bodies[body].parent
    return {b: Tally(b, votes[b], abstain[b], units[b]) for b in votes}
