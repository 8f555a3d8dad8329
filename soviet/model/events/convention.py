"""Convention practice: the membership records a delegation's strength is counted from, the
strength fixed when a session opens, proxies, and alternates seated for absent delegates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from soviet.model.events.base import DomainEvent


@dataclass(frozen=True)
class PaidUpReported(DomainEvent):
    """A base unit's paid-up members in one month (``YYYY-MM``), from its membership records."""

    TYPE: ClassVar[str] = "paid_up.reported"
    unit: str
    month: str
    members: int
    on: str


@dataclass(frozen=True)
class StrengthFixed(DomainEvent):
    """The membership each delegation represents in the session, counted as ``[convention]``
    says (``how``, e.g. "members on 2026-03-01"): electorate -> figure, exact, as text."""

    TYPE: ClassVar[str] = "strength.fixed"
    session: str
    how: str
    basis: dict[str, str]
    on: str


@dataclass(frozen=True)
class ProxyGiven(DomainEvent):
    """``giver`` leaves the session and passes their vote to ``holder``."""

    TYPE: ClassVar[str] = "proxy.given"
    session: str
    giver: str
    holder: str
    on: str


@dataclass(frozen=True)
class ProxyEnded(DomainEvent):
    """``reason``: the giver returned, or withdrew it."""

    TYPE: ClassVar[str] = "proxy.ended"
    session: str
    giver: str
    reason: str
    on: str


@dataclass(frozen=True)
class AlternateSeated(DomainEvent):
    """The credentials commission seats ``alternate`` (their alternate ``mandate``) for the
    session in the place of ``absent``, a delegate of the same delegation."""

    TYPE: ClassVar[str] = "alternate.seated"
    session: str
    alternate: str
    mandate: str
    absent: str
    on: str
