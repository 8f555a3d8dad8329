"""Polls: open (a show of hands the tellers count), named (a roll call: every vote is recorded with
the voter's name), card (a roll call by delegation: each delegation's chair casts its whole
strength, or its delegates cast their shares), secret (the voter's ballot is recorded as given,
never their choice: the tellers count the paper) or a ballot on devices (the ledger records that
the voter has voted; the ballot, with the receipt code its voter was shown and nothing naming
them, waits in the ballot box until the close publishes every ballot). Each voter carries the
votes :mod:`soviet.rules.voters` gives them, split among choices where
``[convention].split_votes`` allows, never more than they carry. A poll opens only when the body
is quorate and, on a motion, once every amendment to it has been decided; it closes under the
majority the charter sets for its kind of decision in that body
(:func:`soviet.counting.motion.decide`); an adopted motion to annul annuls its target, one of no
confidence removes the officer or executive it is against.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from soviet.charter.vocabulary import DECISION_KINDS
from soviet.counting.motion import Tally, decide, figure
from soviet.model.events import (
    CountEntered,
    DecisionAnnulled,
    DomainEvent,
    PollClosed,
    PollOpened,
    SealedBallot,
    VoteCast,
)
from soviet.model.sessions import CHOICES, Count, Poll, Session
from soviet.model.state import State
from soviet.rules.executive import no_confidence
from soviet.rules.mandates import Ids
from soviet.rules.motions import fate
from soviet.rules.motions import find as find_motion
from soviet.rules.refusal import Refusal, founded, known
from soviet.rules.sessions import sitting
from soviet.rules.voters import (
    DELEGATE_BODIES,
    chair,
    delegates_of,
    delegation,
    ended_words,
    lost_seat,
    quorum,
    represented,
    seat,
    section,
    standing,
    strengths,
    total,
    unused,
)

RULE = "polls"
SECRECY = ("open", "named", "secret", "card", "ballot")


def find(state: State, poll: str) -> Poll:
    p = known(state.polls, poll, RULE, "poll")
    if p.outcome is not None:
        raise Refusal(RULE, f"poll {p.id} was closed at event {p.outcome.seq} "
                      f"({p.outcome.sentence})")
    return p


def open_poll(state: State, session_id: str, on: str, *, motion: str | None = None,
              question: str | None = None, secrecy: str = "open", kind: str = "ordinary"
              ) -> list[DomainEvent]:
    founded(state, RULE)
    s = sitting(state, session_id, RULE)
    if secrecy not in SECRECY:
        raise Refusal(RULE, f"{secrecy!r} is not a kind of poll: {', '.join(SECRECY)}")
    if motion is not None:
        m = find_motion(state, motion)
        if m.session != s.id:
            raise Refusal(RULE, f"{m.id} is not before session {s.id}")
        if m.status == "submitted":
            raise Refusal(RULE, f"{m.id} has {len(m.supporters)} supporter(s) and is not "
                          "admitted", state.rules.cite("debate.supporters"))
        if not m.pending:
            raise Refusal(RULE, fate(state, m))
        if any(state.polls[p].is_open for p in m.polls):
            raise Refusal(RULE, f"a poll on {m.id} is already open")
        first = [a for a in m.amendments if state.motions[a].pending]
        if first:
            raise Refusal(RULE, f"amendment {first[0]} to {m.id} is still before the body: "
                          "amendments are voted before the motion")
        question, kind = m.title, m.kind
    if not question:
        raise Refusal(RULE, "a poll needs a motion or a question")
    if kind not in DECISION_KINDS:
        raise Refusal(RULE, f"{kind!r} is not a kind of decision: {', '.join(DECISION_KINDS)}")
    quorum(state, s)
    return [PollOpened(poll=Ids(state).next("PO"), session=s.id, question=question,
                       secrecy=secrecy, kind=kind, on=on, motion=motion)]


def _text(x: int | Fraction) -> str:
    """A vote figure as the ledger writes it: ``"12"`` or ``"200/3"``."""
    return str(Fraction(x))


def cast(state: State, poll: str, voter: str, *, choice: str | None = None,
         parts: dict[str, Fraction] | None = None, proxy_for: str | None = None,
         whole: bool = False, receipt: str | None = None) -> list[DomainEvent | SealedBallot]:
    """``voter`` votes: all their votes for ``choice``, or split as ``parts``; for the absent
    delegate ``proxy_for`` whose proxy they hold; or, in a card vote, as chair for their
    ``whole`` delegation. In a secret poll neither choice nor parts is given: the ballot is
    handed out, and counted by the tellers. In a ballot on devices the choice goes into a
    :class:`SealedBallot` under the ``receipt`` code its voter is shown, apart from the event
    that says they voted."""
    founded(state, RULE)
    p = find(state, poll)
    s = sitting(state, p.session, RULE)
    member = voter if proxy_for is None else proxy_for
    if proxy_for is None:
        why = standing(state, s, voter)
        if why is not None:
            raise Refusal(RULE, why)
    else:
        _holds_proxy(state, s, voter, proxy_for)
    if member in p.cast:
        raise Refusal(RULE, f"{member} has already voted in poll {p.id}")
    electorate = _delegation_of(state, s, member)
    carries = _carries(state, s, p, member, electorate, whole)
    if p.secrecy == "secret":
        if choice is not None or parts:
            raise Refusal(RULE, "a secret poll records that a ballot was given, never the "
                          "choice: the tellers count the ballots")
        return [VoteCast(poll=p.id, voter=voter, parts={}, strength=_text(carries),
                         proxy_for=proxy_for, delegation=electorate)]
    if p.secrecy == "ballot" and not receipt:
        raise Refusal(RULE, f"poll {p.id} is a secret ballot: each ballot needs the receipt "
                      "code its voter is shown")
    if (choice is None) == (parts is None):
        raise Refusal(RULE, "give a choice, or the parts of a split vote")
    if choice is not None:
        parts = {choice: carries}
    assert parts is not None
    wrong = sorted(set(parts) - set(CHOICES))
    if wrong:
        raise Refusal(RULE, f"{', '.join(wrong)} is not a choice: {', '.join(CHOICES)}")
    if any(v < 0 for v in parts.values()):
        raise Refusal(RULE, "votes cannot be negative")
    if choice is None and sum(1 for v in parts.values() if v) > 1 \
            and not state.rules.convention.split_votes:
        raise Refusal(RULE, f"{member} may not split their votes",
                      state.rules.cite("convention.split_votes"))
    if sum(parts.values()) > carries:
        raise Refusal(RULE, f"{member} casts {figure(sum(parts.values()))} votes but carries "
                      f"{figure(carries)}")
    speaks_for = (len(represented(state, s, delegates_of(state, s, electorate)))
                  if whole and electorate is not None else 1)
    given = {c: _text(v) for c, v in parts.items() if v}
    if p.secrecy == "ballot":
        assert receipt is not None
        return [VoteCast(poll=p.id, voter=voter, parts={}, strength=_text(carries),
                         proxy_for=proxy_for, delegation=electorate, whole=whole,
                         delegates=speaks_for),
                SealedBallot(poll=p.id, receipt=receipt, parts=given, strength=_text(carries))]
    return [VoteCast(poll=p.id, voter=voter, parts=given,
                     strength=_text(carries), proxy_for=proxy_for, delegation=electorate,
                     whole=whole, delegates=speaks_for)]


def _holds_proxy(state: State, s: Session, holder: str, giver: str) -> None:
    """Refuse a proxy vote unless ``holder``, present, holds ``giver``'s proxy and the
    giver's seat is still theirs."""
    if state.rules.convention.proxies == "none":
        raise Refusal(RULE, "the charter allows no proxies",
                      state.rules.cite("convention.proxies"))
    if s.proxies.get(giver) != holder:
        raise Refusal(RULE, f"{holder} holds no proxy of {giver}")
    if holder not in s.present:
        raise Refusal(RULE, f"{holder} is not present at session {s.id}")
    if state.seat_in(giver, s.body) is None:
        lost = lost_seat(state, s.body, giver)
        ended = f": {ended_words(state, lost)}" if lost is not None else ""
        raise Refusal(RULE, f"the proxy of {giver} ended with their seat{ended}")


def _delegation_of(state: State, s: Session, member: str) -> str | None:
    """The electorate whose delegation ``member`` votes in (None outside bodies of
    delegates)."""
    if state.bodies[s.body].kind not in DELEGATE_BODIES:
        return None
    mandate = seat(state, s, member)
    return mandate.electorate if mandate is not None else None


def _carries(state: State, s: Session, p: Poll, member: str, electorate: str | None,
             whole: bool) -> Fraction:
    """The votes ``member`` casts now: their share of their delegation's strength, never
    more than it has left to cast; or, its chair in a card vote, the whole of it."""
    mine = [v for v in p.cast.values() if electorate is not None and v.delegation == electorate]
    if any(v.whole for v in mine):
        raise Refusal(RULE, f"the chair of {electorate}'s delegation cast its whole strength "
                      f"in poll {p.id}")
    if whole:
        if p.secrecy != "card":
            raise Refusal(RULE, "a chair casts a delegation's whole strength in a card vote")
        if electorate is None or chair(state, s, electorate) != member:
            raise Refusal(RULE, f"{member} is not the chair of a delegation present")
        if mine:
            raise Refusal(RULE, f"delegates of {electorate} have voted in person in poll "
                          f"{p.id}: the chair cannot cast its whole strength")
        return delegation(state, s, electorate).strength
    share = strengths(state, s, only=member).get(member, Fraction(0))
    if electorate is None:
        return share
    return min(share, unused(state, s, electorate, mine))


def count(state: State, poll: str, tellers: list[str], channel: str,
          parts: dict[str, Fraction], voters: int, *, delegation: str | None = None
          ) -> list[DomainEvent]:
    """The tellers' count of the hall or of the paper ballots, in total or of one
    ``delegation``; it covers only voters not counted otherwise (a voter who voted by phone is
    not in the paper count), and never more votes than they carry."""
    founded(state, RULE)
    p = find(state, poll)
    s = sitting(state, p.session, RULE)
    if p.secrecy in ("named", "card"):
        raise Refusal(RULE, f"poll {p.id} is a roll call: every vote is cast by name")
    if p.secrecy == "ballot":
        raise Refusal(RULE, f"poll {p.id} is a secret ballot on devices: its box is counted "
                      "when it closes")
    if not tellers:
        raise Refusal(RULE, "a count is signed by its tellers")
    if channel not in ("hall", "paper"):
        raise Refusal(RULE, f"{channel!r} is not a way of voting: hall or paper")
    wrong = sorted(set(parts) - set(CHOICES))
    if wrong or any(v < 0 for v in parts.values()) or voters < 0:
        raise Refusal(RULE, f"a count gives {', '.join(CHOICES)}, none negative")
    carry = strengths(state, s)
    if p.secrecy == "secret":
        ballots = {x: v.strength for x, v in p.cast.items()}
        _within(p.counts, ballots, voters, parts, "ballots given out")
    else:
        left = {x: n for x, n in carry.items() if x not in p.cast}
        _within(p.counts, left, voters, parts, "present who have not voted otherwise")
    if delegation is not None:
        mine = set(represented(state, s, delegates_of(state, s, delegation)))
        if p.secrecy == "secret":
            pool = {x: v.strength for x, v in p.cast.items() if v.delegation == delegation}
        else:
            pool = {x: n for x, n in carry.items() if x in mine and x not in p.cast}
        _within([c for c in p.counts if c.delegation == delegation], pool, voters, parts,
                f"of {delegation}'s delegation")
    return [CountEntered(poll=p.id, tellers=list(tellers), channel=channel,
                         parts={c: _text(v) for c, v in parts.items()}, voters=voters,
                         delegation=delegation)]


def _within(counts: Sequence[Count], pool: Mapping[str, Fraction], voters: int,
            parts: Mapping[str, Fraction], who: str) -> None:
    """Refuse a count that, with the ``counts`` before it, covers more voters than ``pool``
    holds or more votes than they carry: nobody is counted twice."""
    counted = sum(c.voters for c in counts) + voters
    if counted > len(pool):
        raise Refusal(RULE, f"{counted} voters counted, but only {len(pool)} {who}: nobody is "
                      "counted twice")
    cast = sum((sum(c.parts.values(), Fraction(0)) for c in counts), Fraction(0)) \
        + sum(parts.values(), Fraction(0))
    most = sum(pool.values(), Fraction(0))
    if cast > most:
        raise Refusal(RULE, f"{figure(cast)} votes counted, more than the {figure(most)} those "
                      "counted carry")


def tally(p: Poll, box: Sequence[SealedBallot] = ()) -> dict[str, Fraction]:
    """Votes per choice: those cast by name or device, plus the tellers' counts, plus the
    secret ballots of the ``box`` (or, once the poll is closed, those it published): anyone can
    recount a closed ballot from its published ballots."""
    out = dict.fromkeys(CHOICES, Fraction(0))
    for v in p.cast.values():
        for c, n in v.parts.items():
            out[c] += n
    for b in box or (p.outcome.ballots if p.outcome is not None else ()):
        for c, text in b.parts.items():
            out[c] += Fraction(text)
    for cnt in p.counts:
        for c, n in cnt.parts.items():
            out[c] += n
    return out


def _gone(state: State, s: Session, p: Poll, carry: Mapping[str, Fraction]) -> Fraction:
    """The votes of those who voted and have left since: they still count as present. In a
    delegation whose strength is divided among the delegates present, a delegate who leaves
    hands their share to the others, so it is counted already while any of them is there."""
    weighted = state.rules.convention.strength != "delegates"
    still = {_delegation_of(state, s, x) for x in carry} if weighted else set()
    return sum((v.strength for x, v in p.cast.items()
                if x not in carry and (v.delegation is None or v.delegation not in still)),
               Fraction(0))


def close(state: State, poll: str, on: str, box: Sequence[SealedBallot] = ()
          ) -> list[DomainEvent]:
    """The result under the charter's majority; a ballot on devices is counted from its
    ``box``, which must hold one ballot for each voter recorded as having voted."""
    founded(state, RULE)
    p = find(state, poll)
    s = sitting(state, p.session, RULE)
    if p.secrecy == "secret":
        counted = sum(c.voters for c in p.counts)
        if counted != len(p.cast):
            raise Refusal(RULE, f"{len(p.cast)} ballots given out, {counted} counted: the "
                          "tellers count every ballot before the poll closes")
    if p.secrecy == "ballot" and (len(box) != len(p.cast)
                                  or any(b.poll != p.id for b in box)):
        raise Refusal(RULE, f"{len(p.cast)} voters have voted in poll {p.id} but its box "
                      f"holds {len(box)} ballots: the box is not this poll's whole box")
    if p.secrecy != "ballot" and box:
        raise Refusal(RULE, f"poll {p.id} is not a secret ballot on devices: it has no box")
    votes = tally(p, box)
    carry = strengths(state, s)
    present = sum(carry.values(), Fraction(0)) + _gone(state, s, p, carry)
    seats, strength = total(state, s)
    kind, _ = section(state, s)
    clause, majority = state.rules.majority(kind, p.kind)  # type: ignore[arg-type]
    # "all seats" is counted the way the body's quorum is: in voting strength or in heads
    weighted = state.rules.body(kind).quorum_base == "strength"  # type: ignore[arg-type]
    t = Tally(votes["yes"], votes["no"], votes["abstain"])
    d = decide(t, majority.rule(), max(present, t.voting), strength if weighted else seats)
    events: list[DomainEvent] = [PollClosed(
        poll=p.id, yes=_text(t.yes), no=_text(t.no), abstain=_text(t.abstain),
        present=_text(max(present, t.voting)), seats=_text(strength if weighted else seats),
        base=_text(d.base), threshold=_text(d.threshold), adopted=d.adopted,
        majority=str(majority), clause=state.rules.cite(clause), sentence=d.sentence, on=on,
        ballots=sorted(box, key=lambda b: b.receipt))]
    if p.motion is not None and d.adopted:
        m = state.motions[p.motion]
        if m.annuls is not None:
            events.append(DecisionAnnulled(motion=m.annuls, by=m.id, reason=m.text, on=on))
        if m.against is not None:
            events += no_confidence(state, m, on, Ids(state))
    return events


@dataclass(frozen=True)
class DelegationVote:
    """One delegation's line in the roll of a card vote: the votes it cast per choice and
    its delegates per choice (``split`` for a delegate or chair who split the votes)."""

    electorate: str
    votes: dict[str, Fraction]
    delegates: dict[str, int]
    by_chair: bool


def card_roll(p: Poll) -> list[DelegationVote]:
    """The roll of a poll delegation by delegation, in the order they first voted."""
    lines: dict[str, DelegationVote] = {}
    for v in sorted(p.cast.values(), key=lambda v: v.seq):
        if v.delegation is None:
            continue
        line = lines.setdefault(v.delegation, DelegationVote(
            v.delegation, dict.fromkeys(CHOICES, Fraction(0)),
            dict.fromkeys((*CHOICES, "split"), 0), v.whole))
        for c, n in v.parts.items():
            line.votes[c] += n
        used = [c for c, n in v.parts.items() if n]
        line.delegates[used[0] if len(used) == 1 else "split"] += v.delegates
    return list(lines.values())
