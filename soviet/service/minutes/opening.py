"""What the minutes say before the first item: the session and how it was convened (the
demands behind an extraordinary one), the pre-congress discussion, who attended, the
credentials commission's reports and the agenda."""

from __future__ import annotations

from collections.abc import Sized

from soviet.counting.motion import figure
from soviet.model.events import (
    AgendaItemAdded,
    AttendanceRegistered,
    CredentialsContested,
    CredentialsDecided,
    CredentialsReported,
    DomainEvent,
    SessionClosed,
    SessionOpened,
)
from soviet.model.state import State
from soviet.rules.voters import total
from soviet.service.minutes.debate import decision
from soviet.service.minutes.document import Block, Items, Para, Quote, Section, Table
from soviet.service.minutes.polls import poll_blocks
from soviet.service.minutes.record import Record
from soviet.service.minutes.words import people, stamp
from soviet.service.names import who
from soviet.service.queries import discussion_tallies


def heading(r: Record) -> list[Block]:
    """The body, the kind of session, and the days it was convened, opened and closed."""
    s = r.session
    opened, closed = r.first(SessionOpened), r.first(SessionClosed)
    return [
        Para(f"{who(r.state, s.body)}, {s.kind} session {s.id}."),
        Items((
            f"Convened on {s.on} to open on {s.opens} (event {s.seq}).",
            f"Opened on {s.opened} ({stamp(opened)})." if opened else "Not opened.",
            f"Closed on {s.closed} ({stamp(closed)})." if closed else
            f"Not closed: these minutes stand as of event {r.state.seq}.",
        )),
    ]


def convocation(r: Record) -> list[Section]:
    """The demands that convened an extraordinary session, each with its grounds."""
    demands = [r.state.demands[d] for d in r.session.demands]
    if not demands:
        return []
    return [Section("Convocation", (
        Para(f"Convened as an extraordinary session on {len(demands)} demand(s):"),
        Items(tuple(f"{d.id} by {who(r.state, d.by)} on {d.on}: {d.grounds} (event {d.seq})."
                    for d in demands)),
    ))]


def discussion(r: Record) -> list[Section]:
    """The theses and counter-theses, and the units' votes on them added up level by level."""
    state, s = r.state, r.session
    if not s.theses:
        return []
    blocks: list[Block] = []
    for t in (state.theses[x] for x in s.theses):
        kind = "Counter-theses" if t.counter else "Theses"
        blocks += [Para(f"by {people(state, t.authors)}, published on {t.on} (event {t.seq}).",
                        f"{kind} {t.id}: {t.title}"), Quote(t.text)]
    tallies = discussion_tallies(state, s.id)
    if tallies:
        rows = []
        for body in sorted(tallies, key=lambda b: _path(state, b)):
            tally = tallies[body]
            voted = state.theses_votes.get((s.id, body))
            rows.append((who(state, body), str(tally.units),
                         *(str(tally.votes.get(x, 0)) for x in s.theses), str(tally.abstain),
                         str(voted.seq) if voted is not None else ""))
        blocks += [Para("each base unit's vote, and the sum of the units below each body:",
                        "Votes of the units"),
                   Table(("body", "units", *s.theses, "abstain", "event"), tuple(rows))]
    return [Section("Pre-congress discussion", tuple(blocks))]


def _path(state: State, body: str) -> tuple[str, ...]:
    """The bodies from the top of the tree down to ``body``: sorting by it lists each body
    before those below it."""
    path = [body]
    while (parent := state.bodies[path[-1]].parent) is not None:
        path.append(parent)
    return tuple(reversed(path))


def attendance(r: Record) -> list[Section]:
    """Everyone registered, with each arrival and departure."""
    if not r.session.registered:
        return []
    comings: dict[str, list[str]] = {x: [] for x in r.session.registered}
    goings: dict[str, list[str]] = {x: [] for x in r.session.registered}
    for entry, e in r.of(AttendanceRegistered):
        (comings if e.present else goings)[e.member].append(f"{e.on} ({stamp(entry)})")
    rows = tuple((who(r.state, x), "; ".join(comings[x]), "; ".join(goings[x]))
                 for x in r.session.registered)
    return [Section("Attendance", (
        Para(f"{len(rows)} registered, in the order they arrived."),
        Table(("member", "arrived", "left"), rows),
    ))]


def credentials(r: Record) -> list[Section]:
    """Each report of the credentials commission by category, the contests and the body's
    decisions on them (with the poll that took each), and where the credentials stand."""
    reports = r.of(CredentialsReported)
    if not reports:
        return []
    state, s = r.state, r.session
    seats = figure(total(state, s)[0])
    blocks: list[Block] = []
    for entry, e in reports:
        registered = len({x.member for n, x in r.of(AttendanceRegistered) if n.seq < entry.seq})
        heard = {"deciding vote": e.admitted, "consultative vote": e.consultative,
                 "contested": e.contested, "refused": e.refused}
        blocks += [Para(f"on {e.on} (event {entry.seq}): {seats} seats authorised, "
                        f"{registered} registered, {_counts(*heard.values())}.",
                        f"Report {e.number}"),
                   Table(("member", "category", "mandate or grounds"),
                         tuple((who(state, x), k, why) for k, v in heard.items()
                               for x, why in v.items()))]
    for entry in r.entries:
        blocks += _contest(state, entry.seq, entry.event)
    c = s.credentials
    blocks.append(Para(f"{seats} seats authorised, {len(s.registered)} registered, "
                       f"{_counts(c.admitted, c.consultative, c.contested, c.refused)}.",
                       "Standing"))
    return [Section("Credentials", tuple(blocks))]


def _counts(admitted: Sized, consultative: Sized, contested: Sized, refused: Sized) -> str:
    return (f"{len(admitted)} admitted with a deciding vote, {len(consultative)} with a "
            f"consultative vote, {len(contested)} contested, {len(refused)} refused")


def _contest(state: State, seq: int, e: DomainEvent) -> list[Block]:
    """A mandate contested, or the body's decision on it with the poll that took it."""
    if isinstance(e, CredentialsContested):
        return [Para(f"{who(state, e.member)}'s mandate, by {who(state, e.by)} on {e.on} "
                     f"(event {seq}): {e.grounds}.", "Contested")]
    if not isinstance(e, CredentialsDecided):
        return []
    poll = [*poll_blocks(state, e.poll), *decision(state, e.poll)] if e.poll else []
    verdict = f"admitted on {e.mandate}" if e.admitted else "refused"
    return [*poll, Para(f"{who(state, e.member)} {verdict} on {e.on} (event {seq}): "
                        f"{e.reason}.", "Decided")]


def agenda(r: Record) -> list[Section]:
    rows = tuple((e.item, e.title, str(entry.seq)) for entry, e in r.of(AgendaItemAdded))
    if not rows:
        return []
    return [Section("Agenda", (Table(("item", "title", "event"), rows),))]
