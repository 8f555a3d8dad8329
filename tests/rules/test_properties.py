"""Property tests: after any sequence of acts, every seat is backed by a live chain of
mandates down to a base unit, held by a member in good standing at each step, and no
electorate holds more seats in a body than it has.

A hypothesis state machine drives the real rules through an Organisation on a SQLite ledger:
joins, elections (contested and unopposed, delegations and committees, by-elections), recall
petitions and votes, resignations, leaving and death, transfers, suspensions, moves, merges
and re-apportionments. A refused act must record nothing. The charter's keep-seats and
vacancy clauses are drawn per example.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from datetime import date, timedelta
from math import ceil
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from soviet.model.recorded import Until
from soviet.model.state import Mandate, State
from soviet.rules.apportionment import apportion_seats, apportion_tree
from soviet.rules.elections import COMMITTEES, elect, entitlement
from soviet.rules.membership import join, leave, reinstate, suspend, transfer
from soviet.rules.recall import file_petition, resign, sign_petition, threshold, vote_recall
from soviet.rules.refusal import Refusal
from soviet.rules.structure import merge_units, move_body
from soviet.service import Organisation
from tests.rules.tree import build, with_scale

START = date(2026, 1, 1)
REGIONS = {"north": {"n1": 24, "n2": 11}, "south": {"s1": 16, "s2": 7, "s3": 5}}


def property_charter(keep: bool, vacancy: str) -> dict[str, Any]:
    """Small numbers, so that seats move with every few members: one delegate per 5 members of
    a local (ratio, a remainder of 3 counts), eight congress seats shared by the regions."""
    charter = with_scale("local", method="ratio", one_delegate_per=5, remainder="half",
                         minimum=1, maximum=None)
    charter["representation"]["scales"]["region"].update(seats=8, minimum=1)
    charter["representation"]["keep_seats_on_reapportionment"] = keep
    charter["recall"]["vacancy"] = vacancy
    return charter


def held_seats(state: State) -> Counter[tuple[str, str]]:
    """Live delegate seats by (body, electorate)."""
    return Counter((m.body, m.electorate) for body in state.seated for m in state.sitting(body))


class CouncilTree(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.mkdtemp()
        self.org = Organisation.open(f"sqlite:///{self.folder}/ledger.db")
        self.day = 0
        self.fresh = 0

    @initialize(keep=st.booleans(), vacancy=st.sampled_from(["substitute", "by-election"]))
    def found(self, keep: bool, vacancy: str) -> None:
        """The tree with every seat filled at every level, two alternates each: the acts
        that follow have chains three levels deep to cut."""
        self.tree = build(self.org, property_charter(keep, vacancy), REGIONS)
        self.keep = keep
        for unit in self.units():
            self.fill(unit, self.state.bodies[unit].parent or "", self.members(unit))
        for region in ("north", "south"):
            self.fill(region, "congress", [m.holder for m in self.state.sitting(region)])
        delegates = [m.holder for m in self.state.sitting("congress")]
        self.fill("congress", "exec", delegates, len(delegates) - 2)
        self.fill("congress", "cc", delegates, 3)

    def fill(self, electorate: str, body: str, pool: list[str], seats: int | None = None
             ) -> None:
        """Elect the first of ``pool`` to every free seat (or ``seats``), the next two as
        alternates, all voters ranking them in that order."""
        free = entitlement(self.state, self.state.bodies[electorate],
                           self.state.bodies[body]).seats
        n = min(free if seats is None else seats, len(pool) - 2)
        candidates = pool[:n + 2]
        assert self.act(elect, electorate, body, candidates, [list(range(n + 2))] * 3,
                        self.today, seats=n, alternates=2)

    def teardown(self) -> None:
        try:
            if hasattr(self, "tree"):
                self.replay_agrees()
        finally:
            self.org.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    # helpers ---------------------------------------------------------------------------------

    @property
    def state(self) -> State:
        return self.org.state()

    @property
    def today(self) -> str:
        return (START + timedelta(days=self.day)).isoformat()

    def act(self, rule_: Any, *args: Any, merging: tuple[list[str], str] | None = None,
            **kwargs: Any) -> bool:
        """Run a rule; a refusal must leave the ledger as it was, an act must keep every
        electorate within its seats. Whether it was recorded. ``merging``: the units merged
        and the one they join, whose seats they bring."""
        before: Counter[tuple[str, str]] = Counter()
        for (body, electorate), n in held_seats(self.state).items():
            joins = merging is not None and electorate in merging[0]
            before[(body, merging[1] if merging is not None and joins else electorate)] += n
        head = self.org.ledger.head().seq
        try:
            self.tree(rule_, *args, **kwargs)
        except Refusal:
            assert self.org.ledger.head().seq == head
            return False
        self.within_seats(before)
        return True

    def within_seats(self, before: Counter[tuple[str, str]]) -> None:
        """No electorate holds more seats in a body than it has; only sitting delegates kept
        on a re-apportionment may be over, and no act may add to them."""
        s = self.state
        for (body, electorate), n in held_seats(s).items():
            seats = entitlement(s, s.bodies[electorate], s.bodies[body]).seats
            if n > seats:
                assert self.keep and s.bodies[body].kind not in COMMITTEES, (body, electorate)
                assert n <= before[(body, electorate)], (body, electorate, n, seats)

    def units(self) -> list[str]:
        s = self.state
        return sorted(b.id for b in s.bodies.values()
                      if b.kind == "unit_assembly" and b.dissolved is None)

    def members(self, unit: str | None = None) -> list[str]:
        s = self.state
        return sorted(m.id for m in s.members.values()
                      if m.left is None and (unit is None or m.unit == unit))

    def mandates(self, role: str = "delegate") -> list[Mandate]:
        s = self.state
        return sorted((m for m in s.mandates.values() if m.live and m.role == role),
                      key=lambda m: m.id)

    def voters(self, mandate: Mandate) -> list[str]:
        """Those who may sign a petition against ``mandate`` today."""
        s = self.state
        if s.bodies[mandate.electorate].kind == "unit_assembly":
            pool = self.members(mandate.electorate)
        else:
            pool = sorted(m.holder for m in s.sitting(mandate.electorate))
        return [x for x in pool if s.members[x].in_good_standing(self.today)]

    # acts ------------------------------------------------------------------------------------

    @rule()
    def next_day(self) -> None:
        self.day += 1

    @rule(data=st.data(), size=st.integers(1, 6))
    def members_join(self, data: st.DataObject, size: int) -> None:
        unit = data.draw(st.sampled_from(self.units()))
        self.fresh += 1
        self.act(join, unit, [(f"x{self.fresh}-{i}", "New") for i in range(size)], self.today)

    @rule(data=st.data(), size=st.integers(1, 6))
    def members_lapse(self, data: st.DataObject, size: int) -> None:
        """Members without a seat let their membership lapse: their unit shrinks."""
        unit = data.draw(st.sampled_from(self.units()))
        seated = {m.holder for m in self.mandates()}
        for member in [x for x in self.members(unit) if x not in seated][:size]:
            assert self.act(leave, member, self.today, "lapsed")

    @rule(data=st.data())
    def reapportion(self, data: st.DataObject) -> None:
        receiving = sorted({self.state.bodies[u].parent or "" for u in self.units()}
                           | {"north", "south", "congress"})
        body = data.draw(st.sampled_from([*receiving, "the whole tree"]))
        if body == "the whole tree":
            self.act(apportion_tree, self.today)
        else:
            self.act(apportion_seats, body, self.today)

    def poll(self, data: st.DataObject, electorate: str, body: str, election: str | None = None
             ) -> None:
        """An election of candidates drawn from those who may stand (and now and then one who
        may not), unopposed or contested with random ballots."""
        s = self.state
        if s.bodies[electorate].kind == "unit_assembly":
            pool = [x for x in self.members(electorate)
                    if s.members[x].in_good_standing(self.today)]
        else:
            pool = sorted(m.holder for m in s.sitting(electorate))
        pool = [x for x in pool if all(m.holder != x for m in s.sitting(body))]
        pool += data.draw(st.lists(st.sampled_from(self.members()), max_size=1))  # outsiders
        if not pool:
            return
        candidates = data.draw(st.lists(st.sampled_from(sorted(set(pool))), min_size=1,
                                        max_size=4, unique=True))
        seats = data.draw(st.one_of(st.none(), st.integers(1, 3)))
        ballots = None
        if data.draw(st.booleans()):
            orders = st.permutations(range(len(candidates))).flatmap(
                lambda p: st.integers(1, len(p)).map(lambda k: list(p[:k])))
            ballots = data.draw(st.lists(orders, min_size=1, max_size=7))
        self.act(elect, electorate, body, candidates, ballots, self.today, seats=seats,
                 alternates=data.draw(st.integers(0, 2)), election=election)

    @rule(data=st.data())
    def unit_election(self, data: st.DataObject) -> None:
        unit = data.draw(st.sampled_from(self.units()))
        self.poll(data, unit, self.state.bodies[unit].parent or "")

    @rule(data=st.data(), region=st.sampled_from(["north", "south"]))
    def council_election(self, data: st.DataObject, region: str) -> None:
        self.poll(data, region, "congress")

    @rule(data=st.data(), committee=st.sampled_from(["exec", "cc"]))
    def committee_election(self, data: st.DataObject, committee: str) -> None:
        self.poll(data, "congress", committee)

    @rule(data=st.data())
    def by_election(self, data: st.DataObject) -> None:
        pending = sorted(self.state.by_elections.values(), key=lambda b: b.seq)
        if pending:
            by = data.draw(st.sampled_from(pending))
            self.poll(data, by.electorate, by.body, by.id)

    @rule(data=st.data(), size=st.integers(0, 8))
    def reapportionment_while_vacant(self, data: st.DataObject, size: int) -> None:
        """The unit of a pending by-election shrinks and its seats are apportioned again
        before the by-election is held (the seat it was called for may be gone)."""
        pending = [b for b in sorted(self.state.by_elections.values(), key=lambda b: b.seq)
                   if self.state.bodies[b.electorate].kind == "unit_assembly"]
        if not pending:
            return
        by = data.draw(st.sampled_from(pending))
        seated = {m.holder for m in self.mandates()}
        for member in [x for x in self.members(by.electorate) if x not in seated][:size]:
            assert self.act(leave, member, self.today, "lapsed")
        self.act(apportion_seats, by.body, self.today)
        self.poll(data, by.electorate, by.body, by.id)

    @rule(data=st.data())
    def recall(self, data: st.DataObject) -> None:
        """A petition gathers the signatures it needs from the electorate, then a vote."""
        live = self.mandates()
        if not live:
            return
        mandate = data.draw(st.sampled_from(live))
        voters = self.voters(mandate)
        needed = threshold(self.state, mandate, self.today)
        assert needed == max(1, ceil(self.state.rules.recall.petition_threshold * len(voters)))
        if len(voters) < needed:
            return
        open_ = [p for p in self.state.petitions.values()
                 if p.mandate == mandate.id and p.outcome is None]
        if open_:
            petition = open_[0].id
        else:
            self.act(file_petition, mandate.id, voters[0], "grounds", self.today)
            petition = max(self.state.petitions, key=lambda p: self.state.petitions[p].seq)
        for voter in voters:
            if self.state.petitions[petition].vote_called is not None:
                break
            if voter not in self.state.petitions[petition].signatures:
                assert self.act(sign_petition, petition, voter, self.today)
        size = len(voters)
        yes = data.draw(st.integers(0, size))
        no = data.draw(st.integers(0, size - yes))
        self.act(vote_recall, petition, yes, no, 0, self.today)

    @rule(data=st.data())
    def resignation(self, data: st.DataObject) -> None:
        live = self.mandates() + self.mandates("alternate")
        if live:
            self.act(resign, data.draw(st.sampled_from(live)).id, self.today)

    @rule(data=st.data(), reason=st.sampled_from(["resigned", "died", "expelled"]))
    def leaving(self, data: st.DataObject, reason: str) -> None:
        holders = sorted({m.holder for m in self.mandates()})
        member = data.draw(st.sampled_from(holders or self.members()))
        self.act(leave, member, self.today, reason)

    @rule(data=st.data())
    def transfer_out(self, data: st.DataObject) -> None:
        holders = sorted({m.holder for m in self.mandates()})
        member = data.draw(st.sampled_from(holders or self.members()))
        unit = data.draw(st.sampled_from(self.units()))
        self.act(transfer, member, unit, self.today)

    @rule(data=st.data(), days=st.one_of(st.none(), st.integers(1, 5)))
    def suspension(self, data: st.DataObject, days: int | None) -> None:
        holders = sorted({m.holder for m in self.mandates()})
        member = data.draw(st.sampled_from(holders or self.members()))
        until = None if days is None else (START + timedelta(days=self.day + days)).isoformat()
        self.act(suspend, member, self.today, until, "case")

    @rule(data=st.data())
    def reinstatement(self, data: st.DataObject) -> None:
        s = self.state
        suspended = sorted(m.id for m in s.members.values()
                           if m.left is None and m.suspended_on(self.today))
        if suspended:
            self.act(reinstate, data.draw(st.sampled_from(suspended)), self.today)

    @rule(data=st.data())
    def move(self, data: st.DataObject) -> None:
        unit = data.draw(st.sampled_from(self.units()))
        self.act(move_body, unit, data.draw(st.sampled_from(["north", "south"])), self.today)

    @precondition(lambda self: len(self.units()) > 2)
    @rule(data=st.data())
    def merge(self, data: st.DataObject) -> None:
        units = self.units()
        into = data.draw(st.sampled_from(units))
        parent = self.state.bodies[into].parent
        siblings = [u for u in units if u != into and self.state.bodies[u].parent == parent]
        if not siblings:
            return
        merging = data.draw(st.lists(st.sampled_from(siblings), min_size=1, unique=True))
        self.act(merge_units, merging, into, self.today, merging=(merging, into))

    # what must always hold -------------------------------------------------------------------

    @invariant()
    def every_seat_has_a_live_chain_to_a_base_unit(self) -> None:
        s = self.state
        for m in s.mandates.values():
            if not m.live:
                continue
            walk: Mandate | None = m
            while walk is not None:
                assert walk.live, f"{m.id} is held through {walk.id}, which ended"
                assert walk.holder == m.holder
                member = s.members[walk.holder]
                assert member.in_good_standing(self.today), f"{m.id}: {member}"
                assert s.bodies[walk.body].dissolved is None
                assert s.bodies[walk.electorate].dissolved is None
                electorate = s.bodies[walk.electorate]
                body = s.bodies[walk.body]
                # the electorate elects to the body: it sends delegates there, or it is the
                # body a committee answers to
                assert body.id == electorate.parent or (body.kind in COMMITTEES
                                                        and body.parent == electorate.id)
                if walk.through is None:
                    assert electorate.kind == "unit_assembly", f"{walk.id} has no base"
                    assert member.unit == electorate.id
                    walk = None
                else:
                    below = s.mandates[walk.through]
                    assert (below.body, below.role) == (walk.electorate, "delegate")
                    walk = below

    @invariant()
    def nobody_sits_twice_in_a_body(self) -> None:
        s = self.state
        for body in s.seated:
            holders = [m.holder for m in s.sitting(body)]
            assert len(holders) == len(set(holders)), body

    @invariant()
    def by_elections_replace_ended_seats_and_sizes_add_up(self) -> None:
        s = self.state
        for by in s.by_elections.values():
            assert all(not s.mandates[x].live for x in by.replaces)
            electorate, body = s.bodies[by.electorate], s.bodies[by.body]
            assert electorate.dissolved is None and body.dissolved is None
            assert body.id == electorate.parent or body.parent == electorate.id
        sizes = Counter(m.unit for m in s.members.values() if m.left is None)
        assert {u: n for u, n in s.unit_sizes.items() if n} == dict(sizes)
        ever = {(m.unit, m.id) for m in s.members.values() if m.left is None and m.suspensions}
        assert {(u, x) for u, xs in s.suspended_in.items() for x in xs} == ever
        standing = Counter(m.unit for m in s.members.values()
                           if m.left is None and m.suspended_on(self.today) is None)
        assert all(s.members_in_good_standing(u, self.today) == standing[u] for u in sizes)

    @invariant()
    def the_indexes_agree_with_the_mandates(self) -> None:
        """``seated``, ``waiting``, ``carried`` and ``held_by`` are the live mandates."""
        s = self.state
        live = [m for m in s.mandates.values() if m.live]
        seated: dict[str, set[str]] = {}
        waiting: dict[tuple[str, str], set[str]] = {}
        carried: dict[str, set[str]] = {}
        held_by: dict[str, set[str]] = {}
        for m in live:
            if m.role == "delegate":
                seated.setdefault(m.body, set()).add(m.id)
            else:
                waiting.setdefault((m.electorate, m.body), set()).add(m.id)
            if m.through is not None:
                carried.setdefault(m.through, set()).add(m.id)
            held_by.setdefault(m.holder, set()).add(m.id)
        for name, expected in [("seated", seated), ("waiting", waiting), ("carried", carried),
                               ("held_by", held_by)]:
            index = getattr(s, name)
            assert {k: set(v) for k, v in index.items() if v} == expected, name

    def replay_agrees(self) -> None:
        """The state followed act by act is the state a fresh replay of the ledger gives."""
        now = self.state
        fresh = self.org.state_as_of(Until(seq=now.seq))
        for table in ("bodies", "members", "mandates", "apportionments", "by_elections",
                      "petitions", "elections"):
            assert dict(getattr(now, table)) == dict(getattr(fresh, table)), table
        for table in ("seated", "waiting", "carried", "held_by"):
            ours = {k: set(v) for k, v in getattr(now, table).items() if v}
            theirs = {k: set(v) for k, v in getattr(fresh, table).items() if v}
            assert ours == theirs, table


CouncilTree.TestCase.settings = settings(
    max_examples=40, stateful_step_count=40, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
test_council_tree = CouncilTree.TestCase
