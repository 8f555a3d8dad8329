"""The fold from events to :class:`State`, and replay to any past moment.

A :class:`Replay` keeps private working tables and applies each event to them; ``state()`` is a
read-only view of those tables (see :mod:`soviet.model.state`). Each handler checks that its
event can follow the state before it: a ledger that cannot be folded is refused, never guessed.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from types import MappingProxyType
from typing import Any

from soviet.charter import Charter, CharterInvalid, charter_from_json
from soviet.model.cases_fold import CasesFold
from soviet.model.events import (
    BasisReported,
    BodiesMerged,
    BodyCreated,
    BodyDissolved,
    BodyMoved,
    ByElectionCalled,
    CharterAmended,
    DomainEvent,
    ElectionHeld,
    MandateEnded,
    MandateGranted,
    MemberLeft,
    MemberReinstated,
    MembersJoined,
    MemberSuspended,
    MemberTransferred,
    OrganisationFounded,
    PaidUpReported,
    SeatsApportioned,
    decode,
)
from soviet.model.executive_fold import ExecutiveFold
from soviet.model.recall_fold import RecallFold
from soviet.model.recorded import FoldError, Recorded, Until
from soviet.model.sessions_fold import SessionsFold
from soviet.model.state import (
    Apportionment,
    Body,
    ByElection,
    Election,
    Ending,
    Mandate,
    Member,
    State,
    Suspension,
)
from soviet.model.submissions_fold import SubmissionsFold


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """The fold creates millions of records and no reference cycles; Python's cycle collector
    would rescan them all, again and again as they accumulate, for nothing to collect."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Replay:
    def __init__(self) -> None:
        self.seq = 0
        self.time = ""
        self.name = ""
        self.charter: Charter | None = None
        self.charter_since = 0
        self.bodies: dict[str, Body] = {}
        self.children: defaultdict[str, set[str]] = defaultdict(set)
        self.members: dict[str, Member] = {}
        self.unit_sizes: defaultdict[str, int] = defaultdict(int)
        self.suspended_in: defaultdict[str, set[str]] = defaultdict(set)
        self.basis: dict[tuple[str, str], int] = {}
        self.paid_up: dict[tuple[str, str], int] = {}
        self.mandates: dict[str, Mandate] = {}
        self.seated: defaultdict[str, set[str]] = defaultdict(set)
        self.carried: defaultdict[str, set[str]] = defaultdict(set)
        self.held_by: defaultdict[str, set[str]] = defaultdict(set)
        self.waiting: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
        self.sent: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
        self.in_body: defaultdict[str, list[str]] = defaultdict(list)
        self.apportionments: dict[str, Apportionment] = {}
        self.elections: dict[str, Election] = {}
        self.by_elections: dict[str, ByElection] = {}
        self.counters: defaultdict[str, int] = defaultdict(int)
        self._apply: dict[type[DomainEvent], Callable[[Any], None]] = {
            OrganisationFounded: self._founded,
            CharterAmended: self._amended,
            BodyCreated: self._body_created,
            BodyMoved: self._body_moved,
            BodiesMerged: self._bodies_merged,
            BodyDissolved: self._body_dissolved,
            BasisReported: self._basis_reported,
            PaidUpReported: self._paid_up_reported,
            MembersJoined: self._joined,
            MemberTransferred: self._transferred,
            MemberSuspended: self._suspended,
            MemberReinstated: self._reinstated,
            MemberLeft: self._left,
            SeatsApportioned: self._apportioned,
            ElectionHeld: self._election_held,
            MandateGranted: self._granted,
            MandateEnded: self._ended,
            ByElectionCalled: self._by_election,
        }
        shared = (self._fail, lambda: self.seq, self.counters, self.bodies)
        self.recall = RecallFold(*shared, self.mandates)
        self.sessions = SessionsFold(*shared)
        self.executive = ExecutiveFold(*shared)
        self.cases = CasesFold(*shared)
        self.submissions = SubmissionsFold(*shared, self.sessions.sessions,
                                           self.sessions.motions)
        for part in (self.recall, self.sessions, self.executive, self.cases, self.submissions):
            self._apply.update(part.handlers())
        self._view = self._make_view()

    def apply(self, event: Recorded) -> None:
        if event.seq != self.seq + 1:
            raise FoldError(f"event {event.seq} cannot follow event {self.seq}")
        body = decode(event.type, event.payload_json)
        if self.seq == 0 and not isinstance(body, OrganisationFounded):
            raise FoldError(f"event 1 must found the organisation, not {event.type}")
        self.seq = event.seq
        self.time = event.recorded_at
        self._apply[type(body)](body)

    def run(self, events: Iterable[Recorded], until: Until | None = None) -> Replay:
        with _without_cycle_collection():
            for event in events:
                if until is not None and until.passed(event):
                    break
                self.apply(event)
        return self

    def state(self) -> State:
        return replace(self._view, seq=self.seq, time=self.time, name=self.name,
                       charter=self.charter, charter_since=self.charter_since)

    def _make_view(self) -> State:
        ro = MappingProxyType
        return State(
            bodies=ro(self.bodies), children=ro(self.children), members=ro(self.members),
            unit_sizes=ro(self.unit_sizes), suspended_in=ro(self.suspended_in),
            basis=ro(self.basis), paid_up=ro(self.paid_up), mandates=ro(self.mandates),
            seated=ro(self.seated), carried=ro(self.carried), held_by=ro(self.held_by),
            waiting=ro(self.waiting), sent=ro(self.sent), in_body=ro(self.in_body),
            apportionments=ro(self.apportionments), elections=ro(self.elections),
            by_elections=ro(self.by_elections), petitions=ro(self.recall.petitions),
            counters=ro(self.counters), sessions=ro(self.sessions.sessions),
            demands=ro(self.sessions.demands), theses=ro(self.sessions.theses),
            theses_votes=ro(self.sessions.theses_votes), motions=ro(self.sessions.motions),
            polls=ro(self.sessions.polls), factions=ro(self.executive.factions),
            offers=ro(self.executive.offers), offices=ro(self.executive.offices),
            cases=ro(self.cases.cases), applications=ro(self.cases.applications),
            submissions=ro(self.submissions.submissions),
        )

    def _fail(self, why: str) -> FoldError:
        return FoldError(f"event {self.seq}: {why}")

    def _body(self, body: str) -> Body:
        try:
            return self.bodies[body]
        except KeyError:
            raise self._fail(f"no body {body!r}") from None

    def _member(self, member: str) -> Member:
        try:
            return self.members[member]
        except KeyError:
            raise self._fail(f"{member} is not a member") from None

    def _mandate(self, mandate: str) -> Mandate:
        try:
            return self.mandates[mandate]
        except KeyError:
            raise self._fail(f"no mandate {mandate!r}") from None

    # organisation ------------------------------------------------------------------------------

    def _founded(self, e: OrganisationFounded) -> None:
        if self.seq != 1:
            raise self._fail("the organisation was already founded")
        self.name = e.name
        self._set_charter(e.charter)

    def _amended(self, e: CharterAmended) -> None:
        self._set_charter(e.charter)

    def _set_charter(self, charter: dict[str, Any]) -> None:
        try:
            self.charter = charter_from_json(charter)
        except CharterInvalid as e:
            raise self._fail(f"the charter it records is invalid: {e}") from None
        self.charter_since = self.seq

    # structure ---------------------------------------------------------------------------------

    def _body_created(self, e: BodyCreated) -> None:
        if e.body in self.bodies:
            raise self._fail(f"body {e.body!r} already exists")
        if e.parent is not None:
            self._body(e.parent)
            self.children[e.parent].add(e.body)
        self.bodies[e.body] = Body(e.body, e.name, e.kind, e.parent, e.on, e.scale)

    def _body_moved(self, e: BodyMoved) -> None:
        body = self._body(e.body)
        self._body(e.parent)
        if body.parent is not None:
            self.children[body.parent].discard(e.body)
        self.children[e.parent].add(e.body)
        self.bodies[e.body] = replace(body, parent=e.parent)
        for gone in [b.id for b in self.by_elections.values()
                     if {b.electorate, b.body} == {e.body, body.parent}]:
            del self.by_elections[gone]  # the body no longer elects there, nor is elected

    def _bodies_merged(self, e: BodiesMerged) -> None:
        """Members, mandates, waiting alternates and sent delegates, pending by-elections and
        apportioned seats of the merged bodies pass to ``into``: its delegates sit on the seats
        they came with until the next apportionment."""
        into = self._body(e.into)
        merged = set(e.bodies)
        for bid, by in self.by_elections.items():
            if by.electorate in merged:
                self.by_elections[bid] = replace(by, electorate=e.into)
        for b in merged:
            self._dissolve(b, e.on)
            self.unit_sizes[e.into] += self.unit_sizes.pop(b, 0)
            self.suspended_in[e.into] |= self.suspended_in.pop(b, set())
        for mid, m in self.members.items():
            if m.unit in merged:
                self.members[mid] = m._replace(unit=e.into)
        for mid, mandate in self.mandates.items():
            # Live seats now speak for the merged unit; an ended one keeps the unit it had.
            if mandate.electorate in merged and mandate.ended is None:
                self.mandates[mid] = replace(mandate, electorate=e.into)
        for table in (self.waiting, self.sent):
            for electorate, body in [k for k in table if k[0] in merged]:
                table[(e.into, body)] |= table.pop((electorate, body))
        above = self.apportionments.get(into.parent or "")
        if above is not None and merged & above.seats.keys():
            seats, basis = dict(above.seats), dict(above.basis)
            for b in merged & seats.keys():
                seats[e.into] = seats.get(e.into, 0) + seats.pop(b)
                basis[e.into] = basis.get(e.into, 0) + basis.pop(b, 0)
            self.apportionments[above.body] = replace(
                above, seats=MappingProxyType(seats), basis=MappingProxyType(basis))

    def _body_dissolved(self, e: BodyDissolved) -> None:
        self._dissolve(e.body, e.on)

    def _dissolve(self, body_id: str, on: str) -> None:
        body = self._body(body_id)
        if body.dissolved is not None:
            raise self._fail(f"body {body_id!r} was already dissolved")
        if body.parent is not None:
            self.children[body.parent].discard(body_id)
        self.bodies[body_id] = replace(body, dissolved=on)
        for gone in [b.id for b in self.by_elections.values()
                     if body_id in (b.electorate, b.body)]:
            del self.by_elections[gone]  # nobody is left to hold it

    def _basis_reported(self, e: BasisReported) -> None:
        self._body(e.body)
        self.basis[(e.body, e.basis)] = e.figure

    def _paid_up_reported(self, e: PaidUpReported) -> None:
        self._body(e.unit)
        self.paid_up[(e.unit, e.month)] = e.members

    # membership --------------------------------------------------------------------------------

    def _joined(self, e: MembersJoined) -> None:
        self._body(e.unit)
        members = self.members
        for member, name in e.members:
            if member in members and members[member].left is None:
                raise self._fail(f"{member} is already a member")
            members[member] = Member(member, name, e.unit, e.on)
        self.unit_sizes[e.unit] += len(e.members)

    def _transferred(self, e: MemberTransferred) -> None:
        m = self._member(e.member)
        self._body(e.unit)
        self.unit_sizes[m.unit] -= 1
        self.unit_sizes[e.unit] += 1
        if m.suspensions:
            self.suspended_in[m.unit].discard(e.member)
            self.suspended_in[e.unit].add(e.member)
        self.members[e.member] = m._replace(unit=e.unit)

    def _suspended(self, e: MemberSuspended) -> None:
        m = self._member(e.member)
        s = Suspension(e.on, e.until, e.reason)
        self.members[e.member] = m._replace(suspensions=(*m.suspensions, s))
        self.suspended_in[m.unit].add(e.member)

    def _reinstated(self, e: MemberReinstated) -> None:
        m = self._member(e.member)
        open_ = [s for s in m.suspensions if s.covers(e.on)]
        if not open_:
            raise self._fail(f"{e.member} is not suspended on {e.on}")
        kept = tuple(replace(s, until=e.on) if s in open_ else s for s in m.suspensions)
        self.members[e.member] = m._replace(suspensions=kept)

    def _left(self, e: MemberLeft) -> None:
        m = self._member(e.member)
        if m.left is not None:
            raise self._fail(f"{e.member} already left on {m.left}")
        self.unit_sizes[m.unit] -= 1
        self.suspended_in[m.unit].discard(e.member)
        self.members[e.member] = m._replace(left=e.on)

    # seats, elections, mandates ----------------------------------------------------------------

    def _apportioned(self, e: SeatsApportioned) -> None:
        self._body(e.body)
        self.apportionments[e.body] = Apportionment(
            e.body, e.scale, e.method, MappingProxyType(dict(e.seats)),
            MappingProxyType(dict(e.basis)), e.on, self.seq)

    def _election_held(self, e: ElectionHeld) -> None:
        if e.election in self.elections:
            raise self._fail(f"election {e.election} was already held")
        if e.election not in self.by_elections:
            self.counters["E"] += 1
        self.by_elections.pop(e.election, None)
        self.elections[e.election] = Election(
            e.election, e.electorate, e.body, e.method, e.seats, tuple(e.elected),
            tuple(e.alternates), tuple(e.replaces), e.on, self.seq)

    def _by_election(self, e: ByElectionCalled) -> None:
        if e.election in self.by_elections or e.election in self.elections:
            raise self._fail(f"election {e.election} already exists")
        self.counters["E"] += 1
        self.by_elections[e.election] = ByElection(
            e.election, e.electorate, e.body, tuple(e.replaces), e.on, self.seq)

    def _granted(self, e: MandateGranted) -> None:
        if e.mandate in self.mandates:
            raise self._fail(f"mandate {e.mandate} already exists")
        self.counters["M"] += 1
        self.mandates[e.mandate] = Mandate(
            e.mandate, e.holder, e.body, e.electorate, e.election, e.on, e.term_ends, self.seq,
            e.through, e.role, e.rank, e.substitutes)
        if e.role == "delegate":
            self.seated[e.body].add(e.mandate)
            self.sent[(e.electorate, e.body)].add(e.mandate)
        else:
            self.waiting[(e.electorate, e.body)].add(e.mandate)
        self.in_body[e.body].append(e.mandate)
        if e.through is not None:
            self.carried[e.through].add(e.mandate)
        self.held_by[e.holder].add(e.mandate)

    def _ended(self, e: MandateEnded) -> None:
        m = self._mandate(e.mandate)
        if m.ended is not None:
            raise self._fail(f"mandate {e.mandate} already ended")
        self.mandates[e.mandate] = replace(m, ended=Ending(e.on, e.reason, self.seq, e.cause))
        self.seated[m.body].discard(e.mandate)
        self.waiting[(m.electorate, m.body)].discard(e.mandate)
        self.sent[(m.electorate, m.body)].discard(e.mandate)
        if m.through is not None:
            self.carried[m.through].discard(e.mandate)
        self.held_by[m.holder].discard(e.mandate)


def fold(events: Iterable[Recorded], until: Until | None = None) -> State:
    """The state after ``events`` (up to ``until``): a pure function of the events."""
    return Replay().run(events, until).state()
