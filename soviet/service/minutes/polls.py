"""A poll in the minutes: the question and how it was put, who voted and how (in a roll call),
that a ballot was given (in a secret poll, never its choice), the tellers' counts, and the
result with the sentence and the charter clause that decided it."""

from __future__ import annotations

from soviet.counting.motion import figure
from soviet.model.sessions import Outcome, Poll
from soviet.model.state import State
from soviet.service.minutes.document import Block, Para, Table
from soviet.service.minutes.words import people, votes
from soviet.service.names import who

SECRECY = {"open": "open vote (show of hands)", "named": "roll call (named vote)",
           "secret": "secret ballot"}


def poll_blocks(state: State, poll: str) -> list[Block]:
    p = state.polls[poll]
    on = f" on {p.motion}" if p.motion is not None else ""
    blocks: list[Block] = [Para(
        f"{SECRECY.get(p.secrecy, p.secrecy)}, {p.kind} decision, opened on {p.on} "
        f"(event {p.seq}).", f"Poll {p.id}{on}: {p.question}")]
    blocks += _ballots(state, p)
    blocks += [Para(f"by {people(state, c.tellers)}: {votes(c.parts, every=True)}, for "
                    f"{c.voters} voter(s) (event {c.seq}).", f"Tellers' count ({c.channel})")
               for c in p.counts]
    if p.outcome is None:
        return [*blocks, Para("The poll is still open.")]
    return [*blocks, *_result(p.outcome)]


def _ballots(state: State, p: Poll) -> list[Block]:
    """Those who voted one by one: by name and choice, except in a secret poll, where only
    the handing out of a ballot is recorded."""
    cast = sorted(p.cast.items(), key=lambda kv: kv[1].seq)
    if not cast:
        return []
    if p.secrecy == "secret":
        first, last = cast[0][1].seq, cast[-1][1].seq
        return [Para(f"to {len(cast)} voter(s): {people(state, (x for x, _ in cast))} "
                     f"(events {first} to {last}). A secret ballot's choice is never recorded.",
                     "Ballots given out")]
    lead = "Roll call" if p.secrecy == "named" else "Voted one by one"
    return [Para(f"{len(cast)} voter(s), in the order they voted:", lead), Table(
        ("voter", "carries", "voted", "event"),
        tuple((who(state, x), figure(v.strength), votes(v.parts), str(v.seq))
              for x, v in cast))]


def _result(o: Outcome) -> list[Block]:
    word = "adopted" if o.adopted else "rejected"
    return [
        Table(("for", "against", "abstaining", "present", "seats", "counted on", "needed"),
              ((figure(o.yes), figure(o.no), figure(o.abstain), figure(o.present),
                figure(o.seats), figure(o.base), figure(o.threshold)),)),
        Para(f"{o.sentence}; the majority is {o.majority}, under the charter's {o.clause} "
             f"(closed on {o.on}, event {o.seq}).", f"Result: {word}"),
    ]
