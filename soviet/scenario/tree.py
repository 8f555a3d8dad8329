"""Acts on the organisation and its tree: founding and amending the charter, bodies, rolls,
seats, elections, terms, recall and resignation. Each calls the rule a user's command calls."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from soviet.charter import CharterInvalid, charter_from_json, charter_to_json, load_charter
from soviet.model.events import DomainEvent, RecallPetitionFiled
from soviet.rules import apportionment, elections, founding, membership, recall, structure, terms
from soviet.rules.strength import months_before
from soviet.scenario.stage import ActFailed, Stage

Fields = Mapping[str, Any]


def found(stage: Stage, f: Fields) -> list[DomainEvent]:
    """Found the organisation under a charter file (relative to the scenario's folder)."""
    path = stage.base / f["charter"]
    try:
        charter = charter_to_json(load_charter(path))
    except (CharterInvalid, OSError) as e:
        raise ActFailed(f"charter {path}: {e}") from None
    return stage.decide(lambda s: founding.found(s, f["name"], charter))


def amend(stage: Stage, f: Fields) -> list[DomainEvent]:
    """Amend the charter in force: the ``set`` table is laid over it (tables merge, every
    other value replaces the one in force)."""
    current = stage.state().charter
    if current is None:
        raise ActFailed("no charter is in force to amend")
    merged = _laid_over(charter_to_json(current), f["set"])
    try:
        charter = charter_to_json(charter_from_json(merged))
    except CharterInvalid as e:
        raise ActFailed(f"the amended charter is invalid: {e}") from None
    return stage.decide(lambda s: founding.amend(s, charter, f.get("decision")))


def _laid_over(base: dict[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in changes.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), dict):
            out[key] = _laid_over(out[key], value)
        else:
            out[key] = value
    return out


def body(stage: Stage, f: Fields) -> list[DomainEvent]:
    return stage.decide(partial(structure.create_body, body=f["id"], name=f["name"],
                                kind=f["kind"], parent=f.get("parent"), on=f["on"],
                                scale=f.get("scale")))


def basis(stage: Stage, f: Fields) -> list[DomainEvent]:
    return stage.decide(partial(structure.report_basis, body=f["body"], basis=f["basis"],
                                figure=f["figure"], on=f["on"]))


def members(stage: Stage, f: Fields) -> list[DomainEvent]:
    """A unit's roll joins: the people named, then ``count`` more, numbered in the unit."""
    unit = f["unit"]
    roll = list(f.get("people", ()))
    start = len(stage.rolls.get(unit, ())) + len(roll)
    roll += [(f"{unit}-{n:06d}", f"{f.get('named', unit)} no. {n}")
             for n in range(start + 1, start + 1 + f.get("count", 0))]
    if not roll:
        raise ActFailed("name people, or give a count")
    events = stage.decide(partial(membership.join, unit_id=unit, members=roll, on=f["on"]))
    stage.joined(unit, roll)
    return events


def paid_up(stage: Stage, f: Fields) -> list[DomainEvent]:
    """Each unit's paid-up members, the same in each of the ``months`` months before the month
    of ``before``: the dues records a delegation's strength is averaged from. The reports do
    not depend on one another, so they are recorded in one transaction."""
    months = months_before(f["before"], f["months"])
    return stage.decide(lambda s: [e for unit, n in f["units"].items() for month in months
                                   for e in membership.report_paid_up(s, unit, month, n,
                                                                      f["on"])])


def leave(stage: Stage, f: Fields) -> list[DomainEvent]:
    """A member leaves the organisation (resigned, died, expelled, lapsed), losing every seat."""
    return stage.decide(partial(membership.leave, member_id=f["member"], on=f["on"],
                                reason=f.get("reason", "resigned")))


def apportion(stage: Stage, f: Fields) -> list[DomainEvent]:
    return stage.decide(partial(apportionment.apportion_seats, body=f["body"], on=f["on"]))


def elect(stage: Stage, f: Fields) -> list[DomainEvent]:
    """An unopposed election: the electorate returns the candidates named to their seats."""
    candidates = stage.pick(f["candidates"])
    return stage.decide(partial(elections.elect, electorate_id=f["electorate"],
                                body_id=f["body"], candidates=candidates, ballots=None,
                                on=f["on"], election=f.get("election")))


def by_election(stage: Stage, f: Fields) -> list[DomainEvent]:
    """The pending by-election of the electorate in the body, filled unopposed."""
    state = stage.state()
    pending = sorted(b.id for b in state.by_elections.values()
                     if (b.electorate, b.body) == (f["electorate"], f["body"]))
    if not pending:
        raise ActFailed(f"no by-election of {f['electorate']} in {f['body']} is pending")
    return elect(stage, {**f, "election": pending[0]})


def expire(stage: Stage, f: Fields) -> list[DomainEvent]:
    return stage.decide(partial(terms.expire_terms, on=f["on"]))


def petition(stage: Stage, f: Fields) -> list[DomainEvent]:
    """A recall petition against ``holder``'s seat in ``body``, filed and signed by the
    members named in ``by`` (the first files it)."""
    mandate = stage.seat(f["holder"], f["body"])
    first, *others = stage.pick(f["by"])
    events = stage.decide(partial(recall.file_petition, mandate_id=mandate, by=first,
                                  grounds=f["grounds"], on=f["on"]))
    name = next(e.petition for e in events if isinstance(e, RecallPetitionFiled))
    for x in others:
        events += stage.decide(partial(recall.sign_petition, petition=name, member=x,
                                       on=f["on"]))
    return events


def recall_vote(stage: Stage, f: Fields) -> list[DomainEvent]:
    return stage.decide(partial(recall.vote_recall, petition=f["petition"], yes=f["yes"],
                                no=f["no"], abstain=f["abstain"], on=f["on"]))


def resign(stage: Stage, f: Fields) -> list[DomainEvent]:
    """Each member named gives up their seat in the body (membership stays)."""
    events: list[DomainEvent] = []
    for holder in stage.pick(f["holders"]):
        events += stage.decide(partial(recall.resign, mandate_id=stage.seat(holder, f["body"]),
                                       on=f["on"]))
    return events
