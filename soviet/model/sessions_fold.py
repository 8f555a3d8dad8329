"""The part of the fold that follows sessions: it keeps the session tables of a replay and
applies the session events to them (see :mod:`soviet.model.events.sessions`).

Like the rest of the fold, each handler checks that its event can follow the state before it
and refuses a ledger that cannot be folded. The votes of a poll live in one table per poll that
the poll's record shows read-only, so a congress of thousands voting costs one entry a vote.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import replace
from fractions import Fraction
from types import MappingProxyType
from typing import Any

from soviet.model.events.base import DomainEvent
from soviet.model.events.convention import (
    AlternateSeated,
    ProxyEnded,
    ProxyGiven,
    StrengthFixed,
)
from soviet.model.events.sessions import (
    AgendaItemAdded,
    AttendanceRegistered,
    ConvocationDemanded,
    CountEntered,
    CredentialsContested,
    CredentialsDecided,
    CredentialsReported,
    DecisionAnnulled,
    DissentRecorded,
    FloorRequested,
    MotionAdmitted,
    MotionReferred,
    MotionSubmitted,
    MotionSupported,
    MotionWithdrawn,
    PollClosed,
    PollOpened,
    SessionClosed,
    SessionConvened,
    SessionOpened,
    SpeechHeld,
    ThesesPublished,
    ThesesVoted,
    VoteCast,
)
from soviet.model.part_fold import PartFold
from soviet.model.recorded import FoldError
from soviet.model.sessions import (
    AgendaItem,
    Annulment,
    Count,
    Credentials,
    Demand,
    Dissent,
    FloorRequest,
    Motion,
    Outcome,
    Poll,
    Session,
    Theses,
    ThesesVote,
    Vote,
)

ro = MappingProxyType


def votes(parts: Mapping[str, str]) -> dict[str, Fraction]:
    """Vote figures as the ledger writes them (``"12"``, ``"200/3"``) read back exactly."""
    return {choice: Fraction(v) for choice, v in parts.items()}


class SessionsFold(PartFold):
    """Session tables of one replay."""

    def __init__(self, fail: Callable[[str], FoldError], seq: Callable[[], int],
                 counters: defaultdict[str, int], bodies: Mapping[str, Any]) -> None:
        super().__init__(fail, seq, counters, bodies)
        self.sessions: dict[str, Session] = {}
        self.demands: dict[str, Demand] = {}
        self.theses: dict[str, Theses] = {}
        self.theses_votes: dict[tuple[str, str], ThesesVote] = {}
        self.motions: dict[str, Motion] = {}
        self.polls: dict[str, Poll] = {}
        self._cast: dict[str, dict[str, Vote]] = {}

    def handlers(self) -> dict[type[DomainEvent], Callable[[Any], None]]:
        return {
            ConvocationDemanded: self._demanded, SessionConvened: self._convened,
            ThesesPublished: self._theses_published, ThesesVoted: self._theses_voted,
            SessionOpened: self._opened, SessionClosed: self._closed,
            AttendanceRegistered: self._attendance, CredentialsReported: self._credentials,
            CredentialsContested: self._contested, CredentialsDecided: self._cred_decided,
            AgendaItemAdded: self._item_added, FloorRequested: self._floor_requested,
            SpeechHeld: self._speech_held, MotionSubmitted: self._motion_submitted,
            MotionSupported: self._supported, MotionAdmitted: self._admitted,
            MotionWithdrawn: self._withdrawn, MotionReferred: self._referred,
            PollOpened: self._poll_opened, VoteCast: self._vote_cast,
            CountEntered: self._count_entered, PollClosed: self._poll_closed,
            DissentRecorded: self._dissent, DecisionAnnulled: self._annulled,
            StrengthFixed: self._strength_fixed,
            ProxyGiven: self._proxy_given, ProxyEnded: self._proxy_ended,
            AlternateSeated: self._alternate_seated,
        }

    def _session(self, session: str) -> Session:
        return self._get(self.sessions, session, "session")

    def _motion(self, motion: str) -> Motion:
        return self._get(self.motions, motion, "motion")

    def _poll(self, poll: str) -> Poll:
        p = self._get(self.polls, poll, "poll")
        if not p.is_open:
            raise self._fail(f"poll {poll} is closed")
        return p

    # convocation -------------------------------------------------------------------------------

    def _demanded(self, e: ConvocationDemanded) -> None:
        self._body(e.body)
        self._new("DM", self.demands, e.demand, "demand")
        self.demands[e.demand] = Demand(e.demand, e.body, e.by, e.grounds, e.on, self._seq())

    def _convened(self, e: SessionConvened) -> None:
        self._body(e.body)
        self._new("S", self.sessions, e.session, "session")
        for d in e.demands:
            demand = self.demands.get(d)
            if demand is None or demand.session is not None:
                raise self._fail(f"demand {d} is unknown or already answered")
            self.demands[d] = replace(demand, session=e.session)
        self.sessions[e.session] = Session(e.session, e.body, e.kind, e.title, e.opens, e.on,
                                           self._seq(), tuple(e.demands))

    def _theses_published(self, e: ThesesPublished) -> None:
        s = self._session(e.session)
        self._new("T", self.theses, e.theses, "theses")
        self.theses[e.theses] = Theses(e.theses, e.session, e.title, e.text, tuple(e.authors),
                                       e.counter, e.on, self._seq())
        self.sessions[s.id] = replace(s, theses=(*s.theses, e.theses))

    def _theses_voted(self, e: ThesesVoted) -> None:
        self._session(e.session)
        self._body(e.unit)
        self.theses_votes[(e.session, e.unit)] = ThesesVote(
            e.session, e.unit, ro(dict(e.votes)), e.abstain, e.on, self._seq())

    def _opened(self, e: SessionOpened) -> None:
        s = self._session(e.session)
        if s.opened is not None:
            raise self._fail(f"session {s.id} was already opened")
        self.sessions[s.id] = replace(s, opened=e.on)

    def _closed(self, e: SessionClosed) -> None:
        s = self._session(e.session)
        if not s.sitting:
            raise self._fail(f"session {s.id} is not sitting")
        self.sessions[s.id] = replace(s, closed=e.on, present=frozenset())

    # attendance and credentials ----------------------------------------------------------------

    def _attendance(self, e: AttendanceRegistered) -> None:
        s = self._session(e.session)
        present = s.present | {e.member} if e.present else s.present - {e.member}
        registered = s.registered if e.member in s.registered else (*s.registered, e.member)
        self.sessions[s.id] = replace(s, present=frozenset(present), registered=registered)

    def _credentials(self, e: CredentialsReported) -> None:
        s = self._session(e.session)
        c = s.credentials
        if e.number != c.reports + 1:
            raise self._fail(f"credentials report {e.number} cannot follow report {c.reports}")
        named = {**e.admitted, **e.consultative, **e.contested, **e.refused}
        self.sessions[s.id] = replace(s, credentials=Credentials(
            ro(_moved(c.admitted, named, e.admitted)),
            ro(_moved(c.consultative, named, e.consultative)),
            ro(_moved(c.contested, named, e.contested)),
            ro(_moved(c.refused, named, e.refused)), e.number))

    def _contested(self, e: CredentialsContested) -> None:
        s = self._session(e.session)
        c = s.credentials
        named = {e.member: e.grounds}
        self.sessions[s.id] = replace(s, credentials=replace(
            c, admitted=ro(_moved(c.admitted, named, {})),
            contested=ro(_moved(c.contested, named, named))))

    def _cred_decided(self, e: CredentialsDecided) -> None:
        s = self._session(e.session)
        c = s.credentials
        if e.member not in c.contested:
            raise self._fail(f"{e.member}'s credentials are not contested")
        contested = {k: v for k, v in c.contested.items() if k != e.member}
        if e.admitted:
            c = replace(c, admitted=ro({**c.admitted, e.member: e.mandate}))
        else:
            c = replace(c, refused=ro({**c.refused, e.member: e.reason}))
        self.sessions[s.id] = replace(s, credentials=replace(c, contested=ro(contested)))

    # agenda and floor --------------------------------------------------------------------------

    def _item_added(self, e: AgendaItemAdded) -> None:
        s = self._session(e.session)
        if s.item(e.item) is not None:
            raise self._fail(f"item {e.item} is already on the agenda")
        self.sessions[s.id] = replace(s, agenda=(*s.agenda, AgendaItem(e.item, e.title)))

    def _floor_requested(self, e: FloorRequested) -> None:
        s = self._session(e.session)
        self.sessions[s.id] = replace(s, floor=(*s.floor,
                                               FloorRequest(e.item, e.speaker, e.kind)))

    def _speech_held(self, e: SpeechHeld) -> None:
        s = self._session(e.session)
        ask = FloorRequest(e.item, e.speaker, e.kind)
        floor = list(s.floor)
        if ask in floor:
            floor.remove(ask)
        self.sessions[s.id] = replace(s, floor=tuple(floor))

    # motions -----------------------------------------------------------------------------------

    def _motion_submitted(self, e: MotionSubmitted) -> None:
        s = self._session(e.session)
        self._new("MO", self.motions, e.motion, "motion")
        if e.amends is not None:
            target = self._motion(e.amends)
            self.motions[target.id] = replace(target, amendments=(*target.amendments, e.motion))
        self.motions[e.motion] = Motion(
            e.motion, e.session, s.body, e.item, e.mover, e.title, e.text, e.kind, e.on,
            self._seq(), e.amends, e.amended_text, e.annuls, e.against, wording=e.text)
        self.sessions[s.id] = replace(s, motions=(*s.motions, e.motion))

    def _supported(self, e: MotionSupported) -> None:
        m = self._motion(e.motion)
        self.motions[m.id] = replace(m, supporters=m.supporters | {e.member})

    def _admitted(self, e: MotionAdmitted) -> None:
        m = self._motion(e.motion)
        self.motions[m.id] = replace(m, status="admitted")

    def _withdrawn(self, e: MotionWithdrawn) -> None:
        m = self._motion(e.motion)
        self.motions[m.id] = replace(m, status="withdrawn")

    def _referred(self, e: MotionReferred) -> None:
        m = self._motion(e.motion)
        self.motions[m.id] = replace(m, status="referred", referred_to=e.to)

    def _dissent(self, e: DissentRecorded) -> None:
        m = self._motion(e.motion)
        d = Dissent(tuple(e.by), e.statement, e.on, self._seq())
        self.motions[m.id] = replace(m, dissents=(*m.dissents, d))

    def _annulled(self, e: DecisionAnnulled) -> None:
        m = self._motion(e.motion)
        if not m.in_force:
            raise self._fail(f"motion {m.id} is not a decision in force")
        self.motions[m.id] = replace(m, annulled=Annulment(e.by, e.reason, e.on, self._seq()))

    # polls -------------------------------------------------------------------------------------

    def _poll_opened(self, e: PollOpened) -> None:
        s = self._session(e.session)
        self._new("PO", self.polls, e.poll, "poll")
        cast: dict[str, Vote] = {}
        self._cast[e.poll] = cast
        self.polls[e.poll] = Poll(e.poll, e.session, e.question, e.secrecy, e.kind, e.on,
                                  self._seq(), e.motion, cast=ro(cast))
        self.sessions[s.id] = replace(s, polls=(*s.polls, e.poll))
        if e.motion is not None:
            m = self._motion(e.motion)
            self.motions[m.id] = replace(m, polls=(*m.polls, e.poll))

    def _vote_cast(self, e: VoteCast) -> None:
        self._poll(e.poll)
        cast = self._cast[e.poll]
        if (e.proxy_for or e.voter) in cast:
            raise self._fail(f"{e.proxy_for or e.voter} already voted in poll {e.poll}")
        cast[e.proxy_for or e.voter] = Vote(ro(votes(e.parts)), Fraction(e.strength),
                                            self._seq(), e.proxy_for, e.delegation, e.whole,
                                            e.delegates)

    def _count_entered(self, e: CountEntered) -> None:
        p = self._poll(e.poll)
        count = Count(tuple(e.tellers), e.channel, ro(votes(e.parts)), e.voters, self._seq(),
                      e.delegation)
        self.polls[p.id] = replace(p, counts=(*p.counts, count))

    def _poll_closed(self, e: PollClosed) -> None:
        p = self._poll(e.poll)
        figures = votes({"yes": e.yes, "no": e.no, "abstain": e.abstain, "present": e.present,
                         "seats": e.seats, "base": e.base, "threshold": e.threshold})
        outcome = Outcome(**figures, adopted=e.adopted, majority=e.majority, clause=e.clause,
                          sentence=e.sentence, on=e.on, seq=self._seq(),
                          ballots=tuple(e.ballots))
        self.polls[p.id] = replace(p, outcome=outcome)
        if p.motion is None:
            return
        m = self._motion(p.motion)
        self.motions[m.id] = replace(m, status="adopted" if e.adopted else "rejected",
                                     decided=self._seq())
        if e.adopted and m.amends is not None and m.amended_text is not None:
            target = self._motion(m.amends)
            self.motions[target.id] = replace(target, wording=m.amended_text)

    # convention practice -----------------------------------------------------------------------

    def _strength_fixed(self, e: StrengthFixed) -> None:
        s = self._session(e.session)
        self.sessions[s.id] = replace(s, basis=ro(votes(e.basis)), basis_how=e.how)

    def _proxy_given(self, e: ProxyGiven) -> None:
        s = self._session(e.session)
        self.sessions[s.id] = replace(s, proxies=ro({**s.proxies, e.giver: e.holder}),
                                      present=s.present - {e.giver})

    def _proxy_ended(self, e: ProxyEnded) -> None:
        s = self._session(e.session)
        if e.giver not in s.proxies:
            raise self._fail(f"{e.giver} has given no proxy at session {s.id}")
        self.sessions[s.id] = replace(s, proxies=ro({k: v for k, v in s.proxies.items()
                                                     if k != e.giver}))

    def _alternate_seated(self, e: AlternateSeated) -> None:
        s = self._session(e.session)
        self.sessions[s.id] = replace(s, seated=ro({**s.seated, e.alternate: e.absent}))


def _moved(table: Mapping[str, str], named: Mapping[str, str], into: Mapping[str, str]
           ) -> dict[str, str]:
    """``table`` without the members a report names, plus those it puts in this table."""
    return {**{k: v for k, v in table.items() if k not in named}, **into}
