"""The state of the organisation at one point of its ledger: records (frozen) and the State view.

A :class:`State` is a read-only view of a replay's tables at ``seq``: taking one costs nothing,
whatever the size of the organisation, so the service can hand one to a rule for every command.
It stays valid until the replay applies its next event; :func:`soviet.model.fold` and
``Organisation.state_as_of`` give states whose replay is not advanced again.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field
from typing import NamedTuple

from soviet.charter import Charter
from soviet.model.cases import Application, Case
from soviet.model.empty import empty
from soviet.model.sessions import (
    Demand,
    Faction,
    Motion,
    Offer,
    Office,
    Poll,
    Session,
    Theses,
    ThesesVote,
)
from soviet.model.submissions import Submission


@dataclass(frozen=True)
class Body:
    """A base unit, council, congress, executive or control commission."""

    id: str
    name: str
    kind: str
    parent: str | None
    since: str
    scale: str | None = None
    dissolved: str | None = None


@dataclass(frozen=True)
class Suspension:
    since: str
    until: str | None
    reason: str

    def covers(self, day: str) -> bool:
        return self.since <= day and (self.until is None or day < self.until)

    def overlaps(self, since: str, until: str | None) -> bool:
        """Whether this suspension shares a day with one from ``since`` to ``until``."""
        return ((until is None or self.since < until)
                and (self.until is None or since < self.until))


class Member(NamedTuple):
    """One member of a base unit. A named tuple rather than a frozen dataclass: the state holds
    one per member, ten million in a large organisation, and replay builds each in a third of
    the time a frozen dataclass takes, at the same size."""

    id: str
    name: str
    unit: str
    since: str
    suspensions: tuple[Suspension, ...] = ()
    left: str | None = None

    def suspended_on(self, day: str) -> Suspension | None:
        return next((s for s in self.suspensions if s.covers(day)), None)

    def in_good_standing(self, day: str) -> bool:
        """A member who may vote, sign and stand on ``day``."""
        return (self.since <= day and (self.left is None or day < self.left)
                and self.suspended_on(day) is None)


@dataclass(frozen=True)
class Ending:
    on: str
    reason: str
    seq: int
    cause: str | None = None


@dataclass(frozen=True)
class Mandate:
    """One person's seat in one body given by one electorate; ``granted`` is its event."""

    id: str
    holder: str
    body: str
    electorate: str
    election: str
    since: str
    term_ends: str | None
    granted: int
    through: str | None = None
    role: str = "delegate"
    rank: int = 0
    substitutes: str | None = None
    ended: Ending | None = None

    @property
    def live(self) -> bool:
        return self.ended is None

    def run_out(self, day: str) -> bool:
        """Its term is over by ``day``: a term ends on ``term_ends`` whether or not its expiry
        has been recorded yet."""
        return self.term_ends is not None and self.term_ends <= day

    def held_on(self, day: str) -> bool:
        """Held on ``day``: granted by then, and neither ended nor past its term."""
        return (self.since <= day and (self.ended is None or day < self.ended.on)
                and not self.run_out(day))


@dataclass(frozen=True)
class Apportionment:
    """The seats each body below ``body`` sends to it, as last recorded."""

    body: str
    scale: str
    method: str
    seats: Mapping[str, int]
    basis: Mapping[str, int]
    on: str
    seq: int


@dataclass(frozen=True)
class Election:
    id: str
    electorate: str
    body: str
    method: str
    seats: int
    elected: tuple[str, ...]
    alternates: tuple[str, ...]
    replaces: tuple[str, ...]
    on: str
    seq: int


@dataclass(frozen=True)
class ByElection:
    """A pending election to fill the seats left by ``replaces``."""

    id: str
    electorate: str
    body: str
    replaces: tuple[str, ...]
    on: str
    seq: int


@dataclass(frozen=True)
class Petition:
    id: str
    mandate: str
    by: str
    grounds: str
    on: str
    seq: int
    signatures: frozenset[str] = frozenset()
    vote_called: int | None = None  # the seq of the call, once the threshold is reached
    outcome: str | None = None  # carried | lost, once voted


@dataclass(frozen=True)
class State:
    """Everything the rules read. ``seq`` and ``time`` say which point of the ledger it is."""

    seq: int = 0
    time: str = ""
    name: str = ""
    charter: Charter | None = None
    charter_since: int = 0
    bodies: Mapping[str, Body] = field(default_factory=empty)
    children: Mapping[str, Set[str]] = field(default_factory=empty)
    members: Mapping[str, Member] = field(default_factory=empty)
    unit_sizes: Mapping[str, int] = field(default_factory=empty)
    suspended_in: Mapping[str, Set[str]] = field(default_factory=empty)
    basis: Mapping[tuple[str, str], int] = field(default_factory=empty)
    paid_up: Mapping[tuple[str, str], int] = field(default_factory=empty)
    mandates: Mapping[str, Mandate] = field(default_factory=empty)
    seated: Mapping[str, Set[str]] = field(default_factory=empty)
    carried: Mapping[str, Set[str]] = field(default_factory=empty)
    held_by: Mapping[str, Set[str]] = field(default_factory=empty)
    waiting: Mapping[tuple[str, str], Set[str]] = field(default_factory=empty)
    sent: Mapping[tuple[str, str], Set[str]] = field(default_factory=empty)
    """(electorate, body) -> the live delegate mandates that electorate has in that body."""
    in_body: Mapping[str, Sequence[str]] = field(default_factory=empty)
    apportionments: Mapping[str, Apportionment] = field(default_factory=empty)
    elections: Mapping[str, Election] = field(default_factory=empty)
    by_elections: Mapping[str, ByElection] = field(default_factory=empty)
    petitions: Mapping[str, Petition] = field(default_factory=empty)
    counters: Mapping[str, int] = field(default_factory=empty)
    sessions: Mapping[str, Session] = field(default_factory=empty)
    demands: Mapping[str, Demand] = field(default_factory=empty)
    theses: Mapping[str, Theses] = field(default_factory=empty)
    theses_votes: Mapping[tuple[str, str], ThesesVote] = field(default_factory=empty)
    motions: Mapping[str, Motion] = field(default_factory=empty)
    polls: Mapping[str, Poll] = field(default_factory=empty)
    factions: Mapping[str, Faction] = field(default_factory=empty)
    offers: Mapping[str, Offer] = field(default_factory=empty)
    offices: Mapping[str, Office] = field(default_factory=empty)
    cases: Mapping[str, Case] = field(default_factory=empty)
    applications: Mapping[str, Application] = field(default_factory=empty)
    submissions: Mapping[str, Submission] = field(default_factory=empty)

    def members_in_good_standing(self, unit: str, on: str) -> int:
        """How many members of ``unit`` are in good standing on ``on``: its size less those
        suspended that day, found among the few ever suspended (``suspended_in``)."""
        out = sum(1 for x in self.suspended_in.get(unit, ())
                  if self.members[x].suspended_on(on) is not None)
        return self.unit_sizes.get(unit, 0) - out

    @property
    def founded(self) -> bool:
        return self.seq > 0

    @property
    def rules(self) -> Charter:
        """The charter in force (every state a rule sees is of a founded organisation)."""
        if self.charter is None:
            raise LookupError("no organisation has been founded in this ledger")
        return self.charter

    def next_id(self, prefix: str, offset: int = 0) -> str:
        """The id the next record of a kind gets (``M12``, ``E3``, ``P4``): derived from the
        state, so a rule that is decided again after a concurrent append picks it again."""
        return f"{prefix}{self.counters.get(prefix, 0) + 1 + offset}"

    def sitting(self, body: str, on: str | None = None) -> Iterator[Mandate]:
        """The delegate mandates in ``body``: live now, or held on the day ``on``."""
        if on is None:
            for mid in self.seated.get(body, ()):
                yield self.mandates[mid]
            return
        for mid in self.in_body.get(body, ()):
            m = self.mandates[mid]
            if m.role == "delegate" and m.held_on(on):
                yield m

    def seat_in(self, member: str, body: str, ignoring: Set[str] = frozenset()
                ) -> Mandate | None:
        """The live delegate seat ``member`` holds in ``body`` (outside ``ignoring``), if any."""
        for mid in sorted(self.held_by.get(member, ())):
            m = self.mandates[mid]
            if m.body == body and m.role == "delegate" and mid not in ignoring:
                return m
        return None

    def alternates(self, electorate: str, body: str) -> Iterator[Mandate]:
        """The live alternates ``electorate`` elected to ``body``, waiting for a seat."""
        for mid in self.waiting.get((electorate, body), ()):
            yield self.mandates[mid]
