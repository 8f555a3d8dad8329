"""The organisation's events, declared once: each a frozen dataclass named for the act it records,
in one module per area (organisation, structure, membership, mandates, sessions, executive,
discipline, convention).

A ledger row carries a type name and a JSON payload; :func:`decode` turns it into the matching
dataclass, refusing unknown types and missing or mistyped fields so that a fold never guesses.
"""

from __future__ import annotations

import msgspec

from soviet.model.events.base import DomainEvent
from soviet.model.events.convention import (
    AlternateSeated,
    PaidUpReported,
    ProxyEnded,
    ProxyGiven,
    StrengthFixed,
)
from soviet.model.events.discipline import (
    AdmissionApplied,
    AdmissionDecided,
    AppealDecided,
    CaseAppealed,
    CaseDecided,
    CaseFiled,
    CaseHeard,
    ConditionExamined,
)
from soviet.model.events.executive import (
    CoalitionAnswered,
    CoalitionOffered,
    FactionJoined,
    FactionLeft,
    FactionRegistered,
    OfficeEnded,
    OfficerAppointed,
)
from soviet.model.events.mandates import (
    ByElectionCalled,
    ElectionHeld,
    MandateEnded,
    MandateGranted,
    RecallPetitionFiled,
    RecallPetitionSigned,
    RecallVoteCalled,
    RecallVoteTaken,
    SeatsApportioned,
)
from soviet.model.events.membership import (
    MemberLeft,
    MemberReinstated,
    MembersJoined,
    MemberSuspended,
    MemberTransferred,
)
from soviet.model.events.organisation import CharterAmended, OrganisationFounded
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
    SealedBallot,
    SessionClosed,
    SessionConvened,
    SessionOpened,
    SpeechHeld,
    ThesesPublished,
    ThesesVoted,
    VoteCast,
)
from soviet.model.events.structure import (
    BasisReported,
    BodiesMerged,
    BodyCreated,
    BodyDissolved,
    BodyMoved,
)
from soviet.model.events.submissions import (
    CompositeDrafted,
    MotionForwarded,
    SubmissionMoved,
    SubmissionReferredBack,
)

ALL: tuple[type[DomainEvent], ...] = (
    OrganisationFounded, CharterAmended,
    BodyCreated, BodyMoved, BodiesMerged, BodyDissolved, BasisReported,
    MembersJoined, MemberTransferred, MemberSuspended, MemberReinstated, MemberLeft,
    SeatsApportioned, ElectionHeld, MandateGranted, MandateEnded, ByElectionCalled,
    RecallPetitionFiled, RecallPetitionSigned, RecallVoteCalled, RecallVoteTaken,
    ConvocationDemanded, SessionConvened, ThesesPublished, ThesesVoted, SessionOpened,
    SessionClosed, AttendanceRegistered, CredentialsReported, CredentialsContested,
    CredentialsDecided, AgendaItemAdded, FloorRequested, SpeechHeld, MotionSubmitted,
    MotionSupported, MotionAdmitted, MotionWithdrawn, MotionReferred, PollOpened, VoteCast,
    CountEntered, PollClosed, DissentRecorded, DecisionAnnulled,
    FactionRegistered, FactionJoined, FactionLeft, CoalitionOffered, CoalitionAnswered,
    OfficerAppointed, OfficeEnded,
    CaseFiled, CaseHeard, CaseDecided, CaseAppealed, AppealDecided, AdmissionApplied,
    ConditionExamined, AdmissionDecided,
    MotionForwarded, CompositeDrafted, SubmissionMoved, SubmissionReferredBack,
    PaidUpReported, StrengthFixed, ProxyGiven, ProxyEnded, AlternateSeated,
)
EVENT_TYPES: dict[str, type[DomainEvent]] = {cls.TYPE: cls for cls in ALL}
# msgspec builds each dataclass straight from the stored JSON text, checking every field's type,
# four times faster than parsing to a dict and calling the constructor: replay is this loop.
_DECODERS = {name: msgspec.json.Decoder(cls) for name, cls in EVENT_TYPES.items()}


class EventError(ValueError):
    """A stored event this version cannot read: unknown type, missing or mistyped field."""


def decode(type_: str, payload_json: str) -> DomainEvent:
    """The event a ledger row records. Fields this version does not know are ignored."""
    try:
        decoder = _DECODERS[type_]
    except KeyError:
        raise EventError(f"unknown event type {type_!r}") from None
    try:
        event: DomainEvent = decoder.decode(payload_json)
    except msgspec.DecodeError as e:
        raise EventError(f"{type_}: {e}") from None
    return event


__all__ = [
    "ALL",
    "EVENT_TYPES",
    "AdmissionApplied",
    "AdmissionDecided",
    "AgendaItemAdded",
    "AlternateSeated",
    "AppealDecided",
    "AttendanceRegistered",
    "BasisReported",
    "BodiesMerged",
    "BodyCreated",
    "BodyDissolved",
    "BodyMoved",
    "ByElectionCalled",
    "CaseAppealed",
    "CaseDecided",
    "CaseFiled",
    "CaseHeard",
    "CharterAmended",
    "CoalitionAnswered",
    "CoalitionOffered",
    "CompositeDrafted",
    "ConditionExamined",
    "ConvocationDemanded",
    "CountEntered",
    "CredentialsContested",
    "CredentialsDecided",
    "CredentialsReported",
    "DecisionAnnulled",
    "DissentRecorded",
    "DomainEvent",
    "ElectionHeld",
    "EventError",
    "FactionJoined",
    "FactionLeft",
    "FactionRegistered",
    "FloorRequested",
    "MandateEnded",
    "MandateGranted",
    "MemberLeft",
    "MemberReinstated",
    "MemberSuspended",
    "MemberTransferred",
    "MembersJoined",
    "MotionAdmitted",
    "MotionForwarded",
    "MotionReferred",
    "MotionSubmitted",
    "MotionSupported",
    "MotionWithdrawn",
    "OfficeEnded",
    "OfficerAppointed",
    "OrganisationFounded",
    "PaidUpReported",
    "PollClosed",
    "PollOpened",
    "ProxyEnded",
    "ProxyGiven",
    "RecallPetitionFiled",
    "RecallPetitionSigned",
    "RecallVoteCalled",
    "RecallVoteTaken",
    "SealedBallot",
    "SeatsApportioned",
    "SessionClosed",
    "SessionConvened",
    "SessionOpened",
    "SpeechHeld",
    "StrengthFixed",
    "SubmissionMoved",
    "SubmissionReferredBack",
    "ThesesPublished",
    "ThesesVoted",
    "VoteCast",
    "decode",
]
