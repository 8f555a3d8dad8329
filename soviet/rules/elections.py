"""Elections of delegates and of committees, and the mandates they give.

A base unit's assembly elects its delegates to the body above from its members in good
standing; a council elects its delegates to the next council (or the congress) from its own
sitting delegates, whose new seats are then held *through* their seat in the council; the
congress (or a council) elects its executive and control commission the same way. A delegation
election fills at most the seats the last apportionment gave and its sitting delegates leave
free; a by-election fills the seats it was called for. Alternates are ranked by a second count
of the same ballots without the elected, so the delegates are exactly who the rule elects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

import numpy as np

from soviet.charter import Period
from soviet.counting import METHODS, Ballots, Result, as_ballots, count
from soviet.counting.ballots import NO_CANDIDATE, RankArray
from soviet.counting.registry import UnknownMethod
from soviet.model.events import DomainEvent, ElectionHeld, MandateGranted
from soviet.model.state import Body, State
from soviet.rules.mandates import Ids
from soviet.rules.refusal import Refusal, founded
from soviet.rules.structure import SENDING, live_body

COMMITTEES = ("executive", "control_commission")


@dataclass(frozen=True)
class Contest:
    """What an election may fill: seats, the method, the clause that sets the seats, the term,
    and how many ranked alternates it elects by default."""

    seats: int
    method: str
    clause: str
    term: Period | None
    alternates: int
    replaces: tuple[str, ...] = ()


def contest(state: State, electorate: Body, body: Body, election: str | None) -> Contest:
    """The seats ``electorate`` may fill in ``body`` now: those it has, less its sitting
    delegates and the seats its pending by-elections are to fill. A by-election fills the
    seats it was called for, but never more than are free: a re-apportionment may have taken
    a vacant seat away."""
    whole = entitlement(state, electorate, body)
    held = sum(1 for m in state.sitting(body.id) if m.electorate == electorate.id)
    waiting = sum(len(b.replaces) for b in state.by_elections.values()
                  if (b.electorate, b.body) == (electorate.id, body.id))
    free = whole.seats - held - waiting
    if election is None:
        return replace(whole, seats=free)
    pending = state.by_elections.get(election)
    if pending is None:
        raise Refusal("elections", f"no by-election {election} is pending")
    if (pending.electorate, pending.body) != (electorate.id, body.id):
        raise Refusal("elections", f"by-election {election} is for {pending.electorate} in "
                      f"{pending.body}, not {electorate.id} in {body.id}")
    return replace(whole, seats=min(len(pending.replaces), free + len(pending.replaces)),
                   replaces=pending.replaces)


def entitlement(state: State, electorate: Body, body: Body) -> Contest:
    """All the seats ``electorate`` has in ``body``, and the rule that counts them."""
    charter = state.rules
    if electorate.kind in SENDING and electorate.parent == body.id:
        apportioned = state.apportionments.get(body.id)
        if apportioned is None or electorate.id not in apportioned.seats:
            raise Refusal("elections", f"the seats of {electorate.name} in {body.name} have not "
                          "been apportioned yet")
        scale = electorate.scale or charter.representation.default_scale
        section = charter.congress if body.kind == "congress" else charter.council
        if section is None:
            raise Refusal("elections", f"the charter sets no rules for a {body.kind}",
                          f"has no [{body.kind}] section")
        return Contest(apportioned.seats[electorate.id], section.election.method,
                       f"[representation.scales.{scale}] (seats apportioned at event "
                       f"{apportioned.seq}: {apportioned.seats[electorate.id]})",
                       charter.representation.term, charter.convention.alternates_per_unit)
    if body.kind in COMMITTEES and body.parent == electorate.id:
        panel = charter.executive if body.kind == "executive" else charter.control_commission
        if panel is None:
            raise Refusal("elections", f"the charter sets no rules for a {body.kind}",
                          f"has no [{body.kind}] section")
        committee = panel.election
        return Contest(committee.seats, committee.method,
                       f"[{body.kind}.election].seats = {committee.seats}",
                       committee.term, committee.candidates)
    raise Refusal("elections", f"{electorate.name} does not elect to {body.name}")


def eligible(state: State, electorate: Body, body: Body, candidate: str, on: str) -> str | None:
    """Check a candidate may stand; the mandate their new seat is held through, if any."""
    m = state.members.get(candidate)
    if m is None or not m.in_good_standing(on):
        why = "is not a member" if m is None else "is not a member in good standing"
        raise Refusal("elections", f"{candidate} {why} on {on}")
    if state.seat_in(candidate, body.id) is not None:
        raise Refusal("elections", f"{candidate} already sits in {body.name}")
    if electorate.kind == "unit_assembly":
        if m.unit != electorate.id:
            raise Refusal("elections", f"{candidate} is a member of {m.unit}, not of "
                          f"{electorate.name}")
        return None
    seat = state.seat_in(candidate, electorate.id)
    if seat is None:
        raise Refusal("elections", f"{candidate} does not sit in {electorate.name}: only its "
                      "delegates stand for its seats above")
    return seat.id


def restricted(ballots: Ballots, keep: Sequence[int]) -> Ballots:
    """The ballots as they read over the candidates ``keep`` only (renumbered in that order):
    the others are struck out and later preferences move up."""
    table = np.full(len(ballots.candidates) + 1, NO_CANDIDATE, dtype=ballots.ranks.dtype)
    table[list(keep)] = range(len(keep))
    ranks: RankArray = table[ballots.ranks]  # index -1 reads the last cell: NO_CANDIDATE
    order = (ranks == NO_CANDIDATE).argsort(axis=1, kind="stable")
    return Ballots(ranks[np.arange(ranks.shape[0])[:, None], order],
                   tuple(ballots.candidates[i] for i in keep), ballots.weights)


def elect(state: State, electorate_id: str, body_id: str, candidates: Sequence[str],
          ballots: Ballots | RankArray | Sequence[Sequence[int]] | None, on: str, *,
          method: str | None = None, seats: int | None = None, alternates: int | None = None,
          election: str | None = None, seed: int | None = None, ids: Ids | None = None
          ) -> list[DomainEvent]:
    """Count an election and grant its mandates (delegates, then ranked alternates).
    ``ids`` hands out the new records' ids when the election is one of several in one act."""
    founded(state, "elections")
    electorate = live_body(state, electorate_id, "elections")
    body = live_body(state, body_id, "elections")
    c = contest(state, electorate, body, election)
    rule = method or c.method
    if rule not in METHODS:
        raise Refusal("elections", str(UnknownMethod(rule)),
                      state.rules.cite(f"{body.kind}.election.method"))
    if not candidates:
        raise Refusal("elections", f"no candidate stands for {body.name}")
    free = max(c.seats, 0)
    n = min(free, len(candidates)) if seats is None else seats
    if free == 0 or not 1 <= n <= free:
        raise Refusal("elections", f"{electorate.name} may fill {free} seat(s) in {body.name} "
                      f"now{'' if seats is None else f', not {n}'}", c.clause)
    if len(set(candidates)) != len(candidates):
        raise Refusal("elections", "a candidate is named twice")
    if ballots is not None and len(candidates) < n:
        raise Refusal("elections", f"{len(candidates)} candidate(s) for {n} seat(s): elect them "
                      "unopposed (without ballots) or count fewer seats")
    through = {x: eligible(state, electorate, body, x, on) for x in candidates}
    lot = state.seq if seed is None else seed
    if ballots is None:
        if len(candidates) > n:
            raise Refusal("elections", f"{len(candidates)} candidates for {n} seat(s): a contested "
                          "election needs ballots")
        elected, result, rule = list(candidates), None, "unopposed"
    else:
        profile = as_ballots(ballots, candidates)
        result = _count(rule, profile, n, lot)
        elected = list(result.elected)
    k = c.alternates if alternates is None else alternates
    reserve = _alternates(profile if ballots is not None else None, rule, candidates, elected,
                          k, lot)
    return grant(state, electorate, body, c, Granted(rule, n, elected, reserve, result),
                 through, on, Ids(state) if ids is None else ids, election)


@dataclass(frozen=True)
class Granted:
    """What an election decided: by which rule, how many seats, who in order, the ranked
    alternates, and the count behind it (None if unopposed)."""

    rule: str
    seats: int
    elected: list[str]
    reserve: list[str]
    result: Result | None


def grant(state: State, electorate: Body, body: Body, c: Contest, g: Granted,
          through: dict[str, str | None], on: str, ids: Ids, election: str | None = None
          ) -> list[DomainEvent]:
    """The election's record and the mandates it gives: delegates, then ranked alternates."""
    name = election or ids.next("E")
    ends = remainder(state, c.replaces) if c.replaces else _term_end(on, c.term)
    elected, reserve = g.elected, g.reserve
    events: list[DomainEvent] = [ElectionHeld(
        election=name, electorate=electorate.id, body=body.id, method=g.rule, seats=g.seats,
        elected=elected, alternates=reserve, replaces=list(c.replaces), on=on,
        result=g.result.to_json() if g.result is not None else {})]
    for rank, holder in enumerate(elected, 1):
        events.append(MandateGranted(mandate=ids.next("M"), holder=holder, body=body.id,
                                     electorate=electorate.id, election=name, on=on,
                                     term_ends=ends, through=through[holder], rank=rank))
    for rank, holder in enumerate(reserve, 1):
        events.append(MandateGranted(mandate=ids.next("M"), holder=holder, body=body.id,
                                     electorate=electorate.id, election=name, on=on,
                                     term_ends=ends, through=through[holder], role="alternate",
                                     rank=rank))
    return events


@dataclass(frozen=True)
class Poll:
    """One electorate's election in a round (see :func:`elect_round`); ``seats`` as for
    :func:`elect` (None: every free seat the candidates can fill)."""

    electorate: str
    body: str
    candidates: Sequence[str]
    ballots: Ballots | RankArray | Sequence[Sequence[int]] | None
    seats: int | None = None


def elect_round(state: State, polls: Sequence[Poll], on: str, *, seed: int | None = None
                ) -> list[DomainEvent]:
    """Many electorates elect on the same day, recorded as one act (every unit of a council
    choosing its delegates): each poll is decided by :func:`elect` against the same state, so
    an electorate may poll a body once per round and a candidate stand once for it."""
    ids = Ids(state)
    polled: set[tuple[str, str]] = set()
    standing: set[tuple[str, str]] = set()
    events: list[DomainEvent] = []
    for p in polls:
        if (p.electorate, p.body) in polled:
            raise Refusal("elections", f"{p.electorate} elects to {p.body} twice in one round")
        polled.add((p.electorate, p.body))
        for x in p.candidates:
            if (x, p.body) in standing:
                raise Refusal("elections", f"{x} stands for {p.body} in two electorates of "
                              "one round")
            standing.add((x, p.body))
        events += elect(state, p.electorate, p.body, p.candidates, p.ballots, on,
                        seats=p.seats, seed=seed, ids=ids)
    return events


def remainder(state: State, replaces: Sequence[str]) -> str | None:
    """A by-election fills the seats it replaces for the rest of their term, as a substitute
    does: the latest term end among them (None if any had none)."""
    ends = [state.mandates[x].term_ends for x in replaces]
    return None if None in ends else max(e for e in ends if e is not None)


def _alternates(profile: Ballots | None, method: str, candidates: Sequence[str],
                elected: list[str], k: int, seed: int) -> list[str]:
    """Rank ``k`` alternates by counting the ballots again without the elected: for ``k``
    seats at once, or, when the election filled one seat, one seat at a time as it did (a
    single-winner method fills no more)."""
    reserve: list[str] = []
    at_once = len(elected) > 1
    while len(reserve) < k:
        out = set(elected) | set(reserve)
        rest = [i for i, x in enumerate(candidates) if x not in out]
        if not rest:
            break
        if profile is None:
            return reserve + [candidates[i] for i in rest[:k - len(reserve)]]
        remaining = restricted(profile, rest)
        if not (remaining.ranks != NO_CANDIDATE).any():
            break
        seats = min(k - len(reserve), len(rest)) if at_once else 1
        second: Result = _count(method, remaining, seats, seed)
        if not second.elected:
            break
        reserve += second.elected
    return reserve


def _count(method: str, ballots: Ballots, seats: int, seed: int) -> Result:
    """``count``, with a method that cannot fill ``seats`` refused as the rule's own."""
    try:
        return count(method, ballots, seats=seats, seed=seed)
    except ValueError as e:
        raise Refusal("elections", f"{method}: {e}") from None


@lru_cache(maxsize=64)
def _term_end(on: str, term: Period | None) -> str | None:
    """Cached: a round of a hundred thousand elections shares one polling day and term."""
    if term is None:
        return None
    return term.after(date.fromisoformat(on)).isoformat()
