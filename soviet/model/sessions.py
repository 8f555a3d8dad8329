"""Records of sessions: a convened session and who attends it, its credentials, agenda and
floor, the motions moved in it, their polls and what became of them; and the executive's
factions, coalition offers and offices.

Frozen like every record of the state; the fold replaces a record when an event changes it.
Vote figures are exact fractions (a delegation's strength divided among its delegates).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from soviet.model.empty import empty
from soviet.model.events.sessions import SealedBallot

CHOICES = ("yes", "no", "abstain")
"""What a voter may vote on a motion, in the order minutes give them."""



@dataclass(frozen=True)
class AgendaItem:
    id: str
    title: str


@dataclass(frozen=True)
class FloorRequest:
    """Someone waiting for the floor on an item, with the kind of speech they asked for."""

    item: str
    speaker: str
    kind: str


@dataclass(frozen=True)
class Credentials:
    """The credentials commission's reports on a session, merged with the body's decisions on
    contested mandates: member -> mandate (admitted) or -> the grounds (the others)."""

    admitted: Mapping[str, str] = field(default_factory=empty)
    consultative: Mapping[str, str] = field(default_factory=empty)
    contested: Mapping[str, str] = field(default_factory=empty)
    refused: Mapping[str, str] = field(default_factory=empty)
    reports: int = 0


@dataclass(frozen=True)
class Session:
    """A session of ``body``: convened on ``on`` to open on ``opens``."""

    id: str
    body: str
    kind: str
    title: str
    opens: str
    on: str
    seq: int
    demands: tuple[str, ...] = ()
    opened: str | None = None
    closed: str | None = None
    agenda: tuple[AgendaItem, ...] = ()
    present: frozenset[str] = frozenset()
    registered: tuple[str, ...] = ()
    credentials: Credentials = field(default_factory=Credentials)
    floor: tuple[FloorRequest, ...] = ()
    theses: tuple[str, ...] = ()
    motions: tuple[str, ...] = ()
    polls: tuple[str, ...] = ()
    basis: Mapping[str, Fraction] = field(default_factory=empty)
    basis_how: str = ""
    proxies: Mapping[str, str] = field(default_factory=empty)
    seated: Mapping[str, str] = field(default_factory=empty)
    """``basis``: the membership each delegation represents, fixed when the session opened
    (``basis_how`` says how it was counted); ``proxies``: absent delegate -> who holds their
    vote; ``seated``: alternate -> the absent delegate whose place they take."""

    @property
    def sitting(self) -> bool:
        """Open and not yet closed: the time for attendance, debate and polls."""
        return self.opened is not None and self.closed is None

    def item(self, item: str) -> AgendaItem | None:
        return next((i for i in self.agenda if i.id == item), None)


@dataclass(frozen=True)
class Demand:
    """A demand for an extraordinary session; ``session`` is the one it convened, if any."""

    id: str
    body: str
    by: str
    grounds: str
    on: str
    seq: int
    session: str | None = None


@dataclass(frozen=True)
class Theses:
    id: str
    session: str
    title: str
    text: str
    authors: tuple[str, ...]
    counter: bool
    on: str
    seq: int


@dataclass(frozen=True)
class ThesesVote:
    """One base unit's vote on the theses of a session's discussion."""

    session: str
    unit: str
    votes: Mapping[str, int]
    abstain: int
    on: str
    seq: int


@dataclass(frozen=True)
class Dissent:
    """A minority's position, recorded beside the decision it opposed."""

    by: tuple[str, ...]
    statement: str
    on: str
    seq: int


@dataclass(frozen=True)
class Annulment:
    by: str
    reason: str
    on: str
    seq: int


@dataclass(frozen=True)
class Motion:
    """A motion or amendment (``amends``) moved in a session of ``body``. ``status``:
    submitted, admitted, withdrawn, referred, adopted or rejected. ``wording`` is its text as
    amended by the amendments adopted so far."""

    id: str
    session: str
    body: str
    item: str
    mover: str
    title: str
    text: str
    kind: str
    on: str
    seq: int
    amends: str | None = None
    amended_text: str | None = None
    annuls: str | None = None
    against: str | None = None
    supporters: frozenset[str] = frozenset()
    status: str = "submitted"
    referred_to: str | None = None
    amendments: tuple[str, ...] = ()
    wording: str = ""
    polls: tuple[str, ...] = ()
    decided: int | None = None
    dissents: tuple[Dissent, ...] = ()
    annulled: Annulment | None = None

    @property
    def pending(self) -> bool:
        """Still before the body: neither decided, withdrawn nor referred."""
        return self.status in ("submitted", "admitted")

    @property
    def in_force(self) -> bool:
        """An adopted decision not annulled: it binds the body and every body below."""
        return self.status == "adopted" and self.annulled is None


@dataclass(frozen=True)
class Vote:
    """One voter's votes in a poll: choice -> votes (empty in a secret poll) of ``strength``,
    of a ``delegation``; cast by proxy for an absent delegate, or by its chair for the
    ``whole`` delegation."""

    parts: Mapping[str, Fraction]
    strength: Fraction
    seq: int
    proxy_for: str | None = None
    delegation: str | None = None
    whole: bool = False
    delegates: int = 1


@dataclass(frozen=True)
class Count:
    """The tellers' count of the hall or of paper ballots."""

    tellers: tuple[str, ...]
    channel: str
    parts: Mapping[str, Fraction]
    voters: int
    seq: int
    delegation: str | None = None


@dataclass(frozen=True)
class Outcome:
    """A closed poll's figures under the charter's majority, and its sentence."""

    yes: Fraction
    no: Fraction
    abstain: Fraction
    present: Fraction
    seats: Fraction
    base: Fraction
    threshold: Fraction
    adopted: bool
    majority: str
    clause: str
    sentence: str
    on: str
    seq: int
    ballots: tuple[SealedBallot, ...] = ()


@dataclass(frozen=True)
class Poll:
    id: str
    session: str
    question: str
    secrecy: str
    kind: str
    on: str
    seq: int
    motion: str | None = None
    counts: tuple[Count, ...] = ()
    outcome: Outcome | None = None
    cast: Mapping[str, Vote] = field(default_factory=empty)

    @property
    def is_open(self) -> bool:
        return self.outcome is None


@dataclass(frozen=True)
class Faction:
    """A registered group of delegates of ``body`` with its platform."""

    id: str
    body: str
    name: str
    platform: str
    members: tuple[str, ...]
    on: str
    seq: int


@dataclass(frozen=True)
class Offer:
    """Seats offered to a minority faction on the condition that it accepts the programme;
    ``accepted`` is None until it answers."""

    id: str
    executive: str
    by: str
    faction: str
    seats: int
    condition: str
    on: str
    seq: int
    programme: str | None = None
    accepted: bool | None = None
    answer: str = ""


@dataclass(frozen=True)
class Office:
    """An officer's portfolio, held from ``on`` until ``ended`` (the ending event's seq)."""

    id: str
    executive: str
    holder: str
    portfolio: str
    on: str
    seq: int
    decision: str | None = None
    ended: int | None = None
    reason: str | None = None
