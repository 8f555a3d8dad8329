"""The sections of a charter, one model each: every number a rule reads lives in one of them.

Each model is frozen (a charter in force does not change under a running rule) and forbids
unknown keys (a misspelt key is an error, not a silently ignored setting). Checks that relate
several fields live in ``soviet.charter.checks``, so that all of them are reported together.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict

from soviet.charter.field_types import (
    Count,
    CountingMethod,
    DurationValue,
    Items,
    PeriodValue,
    Positive,
    Share,
    Text,
)
from soviet.charter.vocabulary import ApportionmentMethod, Basis, BodyKind, DecisionKind
from soviet.counting import motion


class CharterPart(BaseModel):
    """Common configuration: frozen, strict types, no unknown keys."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


# --- representation -------------------------------------------------------------------------


class Scale(CharterPart):
    """How many delegates a unit sends to the body above, e.g. one per 25,000 voters.

    With ``method = "ratio"`` each unit gets one seat per ``one_delegate_per`` of its basis, a
    remainder counting as ``remainder`` says. With any other method the seats of the body above
    (``seats``, or the units' total basis divided by ``one_delegate_per``, the remainder counting
    as ``remainder`` says) are shared among the units by that method.
    """

    basis: Basis
    method: ApportionmentMethod
    one_delegate_per: Positive | None = None
    seats: Positive | None = None
    minimum: Count
    maximum: Positive | None = None
    remainder: Literal["drop", "half", "any"] | None = None


class Representation(CharterPart):
    """Who sends how many delegates, for how long."""

    term: PeriodValue
    default_scale: Text
    scales: dict[str, Scale]
    keep_seats_on_reapportionment: bool = True


# --- decisions ------------------------------------------------------------------------------


class Majority(CharterPart):
    """The share of a base a proposal needs: e.g. more than 1/2 of votes cast.

    This is the charter's spelling of :class:`soviet.counting.motion.Majority`, which holds
    the rule itself (what each choice means, how it is decided and worded): ``comparison``
    "more-than" is its ``strict``, ``count_abstentions`` its ``abstentions_count``.
    """

    fraction: Share
    comparison: Literal["more-than", "at-least"]
    base: Literal["cast", "present", "seats"] = "cast"
    count_abstentions: bool = False

    def rule(self) -> motion.Majority:
        """The majority as the counting engine applies it (``decide``). A "more-than" 1 that
        the charter checks refuse has no rule: it raises ``ValueError``."""
        return motion.Majority(
            fraction=self.fraction,
            base=self.base,
            abstentions_count=self.count_abstentions,
            strict=self.comparison == "more-than",
        )

    def __str__(self) -> str:
        return str(self.rule())


class Majorities(CharterPart):
    """A body's majority per kind of decision; a kind left out takes ``ordinary``."""

    ordinary: Majority
    amendment: Majority | None = None
    procedure: Majority | None = None
    no_confidence: Majority | None = None
    charter_change: Majority | None = None
    annulment: Majority | None = None
    admission: Majority | None = None

    def of(self, kind: DecisionKind) -> tuple[DecisionKind, Majority]:
        """The majority a kind of decision needs and the kind whose clause sets it."""
        own: Majority | None = getattr(self, kind)
        return (kind, own) if own is not None else ("ordinary", self.ordinary)


# --- bodies ---------------------------------------------------------------------------------


class Body(CharterPart):
    """What every body has: a quorum and majorities. A unit assembly is exactly this."""

    quorum: Share
    quorum_base: Literal["seats", "strength"] = "seats"
    majority: Majorities


class DelegateElection(CharterPart):
    """How the bodies below elect their delegates to a council or the congress."""

    method: CountingMethod


class Council(Body):
    """A council of delegates from the units (or councils) below it."""

    election: DelegateElection


class Extraordinary(CharterPart):
    """The demand that forces an extraordinary congress: a share of members, of units, or of
    units that together hold that share of the representation basis."""

    share: Share
    of: Literal["members", "units", "basis"]


class Congress(Council):
    """The supreme body: a council that also meets at a regular interval."""

    interval: PeriodValue
    extraordinary: Extraordinary
    discussion: PeriodValue | None = None


class CommitteeElection(CharterPart):
    """How a standing committee (executive, control commission) is elected by a larger body."""

    by: BodyKind
    method: CountingMethod
    seats: Positive
    seats_are: Literal["exactly", "at-most"] = "exactly"
    candidates: Count = 0
    term: PeriodValue | None = None


class Committee(Body):
    """An executive committee or control commission, elected by a council or the congress."""

    election: CommitteeElection


class Officers(CharterPart):
    """Officers (commissars) appointed to portfolios, answerable to the body that appoints them."""

    appointed_by: BodyKind
    portfolios: Annotated[tuple[Text, ...], Items]


# --- discipline, federation, recall ---------------------------------------------------------


class Penalty(CharterPart):
    """One penalty: what it does, who decides it sitting jointly, and the majority it needs."""

    name: Text
    effect: Literal["record", "removal", "suspension", "expulsion"]
    decided_by: Annotated[tuple[BodyKind, ...], Items]
    majority: Majority
    with_candidates: bool = False
    office: BodyKind | None = None
    max_duration: PeriodValue | None = None


class Discipline(CharterPart):
    """Penalties from the mildest to the most severe, and where an appeal goes."""

    appeal_to: BodyKind
    appeal_within: PeriodValue | None = None
    penalties: Annotated[tuple[Penalty, ...], Items]


class Federation(CharterPart):
    """Admission of member organisations: numbered conditions and a periodic re-examination."""

    admitted_by: BodyKind
    re_examination: PeriodValue
    conditions: Annotated[tuple[Text, ...], Items]


class Recall(CharterPart):
    """Recall of a delegate by those who elected them."""

    petition_threshold: Share
    majority: Majority
    vacancy: Literal["by-election", "substitute"]


# --- debate ---------------------------------------------------------------------------------


class SpeakingTimes(CharterPart):
    """The longest a speaker may hold the floor, per kind of speech; unset means no limit."""

    contribution: DurationValue | None = None
    in_favour: DurationValue | None = None
    against: DurationValue | None = None
    point_of_order: DurationValue | None = None


class Debate(CharterPart):
    """Standing orders for the floor: speaking times, and how many members besides the mover
    must support a motion or amendment before it is admitted."""

    speaking_time: SpeakingTimes = SpeakingTimes()
    supporters: Count = 0


# --- convention practice --------------------------------------------------------------------


class Convention(CharterPart):
    """How delegations vote at a congress or council: strength, division, proxies, alternates."""

    strength: Literal["delegates", "members-at-date", "paid-up-average"]
    members_counted_before: PeriodValue | None = None
    paid_up_months: Positive | None = None
    strength_cap: Positive | None = None
    division: Literal["equal", "chair"] | None = None
    remainder: Literal["chair", "lot", "lost"] | None = None
    missing_seats: Literal["keep", "lose"] | None = None
    split_votes: bool = False
    proxies: Literal["none", "alternate", "delegation"] = "none"
    proxy_cap: Positive | None = None
    alternates_per_unit: Count = 0
    motion_deadline: PeriodValue | None = None
