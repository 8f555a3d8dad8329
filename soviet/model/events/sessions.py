"""Sessions of a body: convocation, the pre-congress discussion, credentials, attendance, the
agenda and the floor, motions and amendments, polls, and the decisions they make.

Vote figures are exact and written as text (``"12"``, ``"200/3"``): a delegation's strength
divided among its delegates is a fraction, and a float would round it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from soviet.model.events.base import DomainEvent


@dataclass(frozen=True)
class ConvocationDemanded(DomainEvent):
    """A unit (by its decision) or a member demands an extraordinary session of ``body``."""

    TYPE: ClassVar[str] = "convocation.demanded"
    demand: str
    body: str
    by: str
    grounds: str
    on: str


@dataclass(frozen=True)
class SessionConvened(DomainEvent):
    """``body`` is convened to meet on ``opens``: regularly, or extraordinarily on the
    ``demands`` that reached the charter's share."""

    TYPE: ClassVar[str] = "session.convened"
    session: str
    body: str
    kind: str  # regular | extraordinary
    title: str
    opens: str
    on: str
    demands: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ThesesPublished(DomainEvent):
    """Theses for the pre-congress discussion: the executive's, or ``counter`` theses of a
    group of members (``authors``)."""

    TYPE: ClassVar[str] = "theses.published"
    theses: str
    session: str
    title: str
    text: str
    authors: list[str]
    counter: bool
    on: str


@dataclass(frozen=True)
class ThesesVoted(DomainEvent):
    """A base unit's vote on the published theses: votes per theses, and abstentions."""

    TYPE: ClassVar[str] = "theses.voted"
    session: str
    unit: str
    votes: dict[str, int]
    abstain: int
    on: str


@dataclass(frozen=True)
class SessionOpened(DomainEvent):
    TYPE: ClassVar[str] = "session.opened"
    session: str
    on: str


@dataclass(frozen=True)
class SessionClosed(DomainEvent):
    TYPE: ClassVar[str] = "session.closed"
    session: str
    on: str


@dataclass(frozen=True)
class AttendanceRegistered(DomainEvent):
    """``member`` arrived at (or, ``present`` false, left) the session."""

    TYPE: ClassVar[str] = "attendance.registered"
    session: str
    member: str
    present: bool
    on: str


@dataclass(frozen=True)
class CredentialsReported(DomainEvent):
    """The credentials commission's report on those registered, checked against the ledger:
    ``admitted`` with a deciding vote (member -> mandate), ``consultative`` (member -> why),
    ``contested`` and ``refused`` (member -> grounds). ``number`` 1 is the report, later
    numbers its supplements."""

    TYPE: ClassVar[str] = "credentials.reported"
    session: str
    number: int
    admitted: dict[str, str]
    consultative: dict[str, str]
    contested: dict[str, str]
    refused: dict[str, str]
    on: str


@dataclass(frozen=True)
class CredentialsContested(DomainEvent):
    TYPE: ClassVar[str] = "credentials.contested"
    session: str
    member: str
    by: str
    grounds: str
    on: str


@dataclass(frozen=True)
class CredentialsDecided(DomainEvent):
    """The body's decision on a contested mandate (the poll that took it, if any): admitted
    on ``mandate``, or refused for ``reason``."""

    TYPE: ClassVar[str] = "credentials.decided"
    session: str
    member: str
    admitted: bool
    mandate: str
    reason: str
    on: str
    poll: str | None = None


@dataclass(frozen=True)
class AgendaItemAdded(DomainEvent):
    TYPE: ClassVar[str] = "agenda.item_added"
    session: str
    item: str
    title: str


@dataclass(frozen=True)
class FloorRequested(DomainEvent):
    """``speaker`` asks to speak on ``item``: ``kind`` is contribution, in_favour, against or
    point_of_order (which goes before the others)."""

    TYPE: ClassVar[str] = "floor.requested"
    session: str
    item: str
    speaker: str
    kind: str


@dataclass(frozen=True)
class SpeechHeld(DomainEvent):
    """The chair gave ``speaker`` the floor and it ended after ``seconds``; ``limit`` is the
    charter's time for the kind of speech (None: no limit), ``cut`` whether it was reached."""

    TYPE: ClassVar[str] = "speech.held"
    session: str
    item: str
    speaker: str
    kind: str
    seconds: int
    limit: int | None
    cut: bool
    summary: str = ""


@dataclass(frozen=True)
class MotionSubmitted(DomainEvent):
    """A motion on ``item``; an amendment names the motion it ``amends`` and may give the
    motion's whole text as it would read if adopted (``amended_text``); a motion of no
    confidence names the office or executive it is ``against``."""

    TYPE: ClassVar[str] = "motion.submitted"
    motion: str
    session: str
    item: str
    mover: str
    title: str
    text: str
    kind: str
    on: str
    amends: str | None = None
    amended_text: str | None = None
    annuls: str | None = None
    against: str | None = None


@dataclass(frozen=True)
class MotionSupported(DomainEvent):
    TYPE: ClassVar[str] = "motion.supported"
    motion: str
    member: str


@dataclass(frozen=True)
class MotionAdmitted(DomainEvent):
    """Enough supporters (``[debate].supporters``) besides the mover: it may be debated."""

    TYPE: ClassVar[str] = "motion.admitted"
    motion: str
    supporters: int


@dataclass(frozen=True)
class MotionWithdrawn(DomainEvent):
    TYPE: ClassVar[str] = "motion.withdrawn"
    motion: str
    by: str
    on: str


@dataclass(frozen=True)
class MotionReferred(DomainEvent):
    """Sent to ``to`` (a body or committee) instead of being voted on here."""

    TYPE: ClassVar[str] = "motion.referred"
    motion: str
    to: str
    on: str


@dataclass(frozen=True)
class PollOpened(DomainEvent):
    """A poll on ``motion`` (or a bare ``question``): ``secrecy`` open (show of hands),
    named (roll call) or secret; ``kind`` the decision kind whose majority applies."""

    TYPE: ClassVar[str] = "poll.opened"
    poll: str
    session: str
    question: str
    secrecy: str
    kind: str
    on: str
    motion: str | None = None


@dataclass(frozen=True)
class VoteCast(DomainEvent):
    """``voter`` cast their votes: ``parts`` maps yes/no/abstain to votes (one part unless
    the charter allows split votes). In a secret poll no choice is stored: ``parts`` is
    empty and the ballot goes into the tellers' count. ``proxy_for`` names the absent
    delegate whose vote a proxy casts; ``delegation`` the electorate the votes belong to (in
    a body of delegates), and ``whole`` that its chair cast its whole strength (a card vote)
    for its ``delegates`` represented."""

    TYPE: ClassVar[str] = "vote.cast"
    poll: str
    voter: str
    parts: dict[str, str]
    strength: str
    proxy_for: str | None = None
    delegation: str | None = None
    whole: bool = False
    delegates: int = 1


@dataclass(frozen=True)
class CountEntered(DomainEvent):
    """The tellers' count of the hall or of paper ballots, in total or of one ``delegation``:
    votes per choice, and how many voters it covers."""

    TYPE: ClassVar[str] = "count.entered"
    poll: str
    tellers: list[str]
    channel: str  # hall | paper
    parts: dict[str, str]
    voters: int
    delegation: str | None = None


@dataclass(frozen=True)
class SealedBallot:
    """A secret ballot cast on a device: its choices and the ``receipt`` code its voter was
    shown, and nothing that names the voter. It is not an event: while the poll is open it
    waits in the ballot box beside the ledger (see :mod:`soviet.ledger.box`), and the poll's
    closing publishes all of them at once."""

    poll: str
    receipt: str
    parts: dict[str, str]
    strength: str


@dataclass(frozen=True)
class PollClosed(DomainEvent):
    """The result under the charter's majority: the figures and the sentence that says why."""

    TYPE: ClassVar[str] = "poll.closed"
    poll: str
    yes: str
    no: str
    abstain: str
    present: str
    seats: str
    base: str
    threshold: str
    adopted: bool
    majority: str
    clause: str
    sentence: str
    on: str
    ballots: list[SealedBallot] = field(default_factory=list)
    """A secret ballot on devices publishes its box when it closes: every ballot with its
    receipt code and parts, sorted by receipt, so each voter can find theirs and anyone can
    recount."""


@dataclass(frozen=True)
class DissentRecorded(DomainEvent):
    """The minority's position on an adopted ``motion``, set beside it in the minutes."""

    TYPE: ClassVar[str] = "dissent.recorded"
    motion: str
    by: list[str]
    statement: str
    on: str


@dataclass(frozen=True)
class DecisionAnnulled(DomainEvent):
    """A higher body annulled a lower body's decision (``motion``) by its own (``by``)."""

    TYPE: ClassVar[str] = "decision.annulled"
    motion: str
    by: str
    reason: str
    on: str
