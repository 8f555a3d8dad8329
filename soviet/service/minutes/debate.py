"""The agenda items as they were debated, each in the order of the ledger: speeches, motions
and amendments, polls, and the decisions taken, each with the minority positions recorded
beside it; then the decisions annulled, of this session or by it.

A poll on a bare question belongs to the item under debate when it opened (to "Procedure"
before any), except the polls on contested mandates, which the credentials section gives.
"""

from __future__ import annotations

from soviet.model.events import (
    CredentialsDecided,
    FloorRequested,
    MotionAdmitted,
    MotionReferred,
    MotionSubmitted,
    MotionSupported,
    MotionWithdrawn,
    OfficeEnded,
    PollOpened,
    SpeechHeld,
)
from soviet.model.sessions import Motion, Session
from soviet.model.state import State
from soviet.service.minutes.document import Block, Para, Quote, Section
from soviet.service.minutes.polls import poll_blocks
from soviet.service.minutes.record import Record
from soviet.service.minutes.words import duration, people, words
from soviet.service.names import who


def agenda_items(r: Record) -> list[Section]:
    state = r.state
    places: dict[str | None, list[Block]] = {None: [], **{i.id: [] for i in r.session.agenda}}
    by_credentials = {e.poll for _, e in r.of(CredentialsDecided)}
    debated: str | None = None
    for entry in r.entries:
        event = entry.event
        if isinstance(event, FloorRequested | SpeechHeld | MotionSubmitted):
            debated = event.item
        if isinstance(event, SpeechHeld):
            places[event.item] += _speech(state, entry.seq, event)
        elif isinstance(event, MotionSubmitted):
            places[event.item] += _motion(r, state.motions[event.motion])
        elif isinstance(event, PollOpened) and event.poll not in by_credentials:
            item = state.motions[event.motion].item if event.motion is not None else debated
            places[item] += [*poll_blocks(state, event.poll), *decision(state, event.poll)]
    procedure = [Section("Procedure", tuple(places[None]))] if places[None] else []
    return procedure + [
        Section(f"Item {i.id}: {i.title}",
                tuple(places[i.id]) or (Para("Nothing was recorded on this item."),))
        for i in r.session.agenda]


def _speech(state: State, seq: int, e: SpeechHeld) -> list[Block]:
    cut = (f", cut at the time limit of {duration(e.limit)}"
           if e.cut and e.limit is not None else "")
    said = f"{who(state, e.speaker)}, {words(e.kind)}, {duration(e.seconds)}{cut} (event {seq})."
    return [Para(said, "Speech"), *([Quote(e.summary)] if e.summary else [])]


def _office(state: State, against: str) -> str:
    """What a motion of no confidence is against: an officer's portfolio, or an executive."""
    o = state.offices.get(against)
    if o is None:
        return who(state, against)
    return f"{who(state, o.holder)} as {o.portfolio} ({o.id})"


def _removed(r: Record, m: Motion) -> list[str]:
    """What the motion's adoption ended: offices, and seats on the executive."""
    ended = [f"office {ev.office} ended (event {e.seq})" for e, ev in r.of(OfficeEnded)
             if ev.decision == m.id]
    body = m.against if m.against in r.state.bodies else None
    if body is not None and m.status == "adopted" and m.decided is not None:
        # every seat held when the motion carried ended then: one it ended for no confidence
        # later was granted afterwards
        seats = [x for x in r.state.in_body.get(body, ())
                 if r.state.mandates[x].granted < m.decided
                 and (end := r.state.mandates[x].ended) is not None
                 and end.reason == "no-confidence" and end.seq > m.decided]
        if seats:
            ended.append(f"{len(seats)} seat(s) on {who(r.state, body)} ended "
                         f"(event {m.decided}), a by-election called")
    return ended


def _motion(r: Record, m: Motion) -> list[Block]:
    state = r.state
    facts = [f"{words(m.kind)} decision, moved by {who(state, m.mover)} on {m.on} "
             f"(event {m.seq})"]
    if m.amends is not None:
        what = f"Amendment {m.id} to {m.amends}"
    elif m.annuls is not None:
        what = f"Motion {m.id} to annul {m.annuls}"
        target = state.motions[m.annuls]
        facts.append(f"{m.annuls} ({target.title}) is a decision of "
                     f"{who(state, target.body)} at session {target.session}")
    elif m.against is not None:
        what = f"Motion {m.id} of no confidence in {_office(state, m.against)}"
        facts += _removed(r, m)
    else:
        what = f"Motion {m.id}"
    support = [f"{who(state, ev.member)} (event {e.seq})" for e, ev in r.of(MotionSupported)
               if ev.motion == m.id]
    if support:
        facts.append(f"supported by {', '.join(support)}")
    facts += [f"admitted (event {e.seq})" for e, ev in r.of(MotionAdmitted)
              if ev.motion == m.id]
    facts.append(f"status: {_status(r, m)}")
    blocks: list[Block] = [Para("; ".join(facts) + ".", f"{what}: {m.title}"), Quote(m.text)]
    if m.amended_text is not None:
        blocks += [Para(f"If adopted, {m.amends} would read:"), Quote(m.amended_text)]
    return blocks


def _status(r: Record, m: Motion) -> str:
    """What became of a motion, with the event that settled it."""
    if m.decided is not None:
        later = m.annulled
        annulled = (f", annulled by {later.by} on {later.on} (event {later.seq})"
                    if later is not None else "")
        return f"{m.status} (event {m.decided}){annulled}"
    for e, withdrawn in r.of(MotionWithdrawn):
        if withdrawn.motion == m.id:
            return f"withdrawn by {who(r.state, withdrawn.by)} on {withdrawn.on} (event {e.seq})"
    for e, referred in r.of(MotionReferred):
        if referred.motion == m.id:
            return f"referred to {who(r.state, referred.to)} on {referred.on} (event {e.seq})"
    return "admitted, not put to the vote" if m.status == "admitted" else "not admitted"


def decision(state: State, poll: str) -> list[Block]:
    """The decision a poll took, if it adopted a motion: its text as amended, and beside it
    each minority position recorded against it."""
    p = state.polls[poll]
    o = p.outcome
    if o is None or not o.adopted or p.motion is None:
        return []
    m = state.motions[p.motion]
    if m.amends is not None:
        reads = " to read:" if m.amended_text is not None else "."
        blocks: list[Block] = [Para(f"{m.amends} is amended (event {o.seq}){reads}",
                                    f"Amendment {m.id} adopted")]
        blocks += [Quote(m.amended_text)] if m.amended_text is not None else []
    else:
        amended = [a for a in m.amendments if state.motions[a].status == "adopted"]
        how = f", as amended by {', '.join(amended)}" if amended else ""
        blocks = [Para(f"adopted on {o.on} (event {o.seq}){how}:",
                       f"Decision {m.id}: {m.title}"), Quote(m.wording)]
    for d in m.dissents:
        blocks += [Para(f"held by {people(state, d.by)}, recorded on {d.on} (event {d.seq}); "
                        "both positions recorded:", "Minority position"), Quote(d.statement)]
    return blocks


def annulments(state: State, s: Session) -> list[Section]:
    """This session's decisions annulled since by a body above, and the decisions of bodies
    below that this session annulled, each with the reason given."""
    blocks: list[Block] = []
    for m in (state.motions[x] for x in s.motions):
        if m.annulled is not None:
            by = state.motions[m.annulled.by]
            blocks += [Para(f"{m.title}, adopted at event {m.decided}, was annulled on "
                            f"{m.annulled.on} by {by.id} of {who(state, by.body)} at session "
                            f"{by.session} (event {m.annulled.seq}). The reason given:",
                            f"{m.id} annulled"), Quote(m.annulled.reason)]
        target = state.motions[m.annuls] if m.annuls is not None else None
        if target is not None and target.annulled is not None and target.annulled.by == m.id:
            a = target.annulled
            blocks += [Para(f"{target.title}, a decision of {who(state, target.body)} at "
                            f"session {target.session} (event {target.decided}), was annulled "
                            f"by {m.id} on {a.on} (event {a.seq}). The reason given:",
                            f"{target.id} annulled"), Quote(a.reason)]
    return [Section("Annulments", tuple(blocks))] if blocks else []
