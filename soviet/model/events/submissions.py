"""Motions sent up from below: a base unit or council forwards a decision of its own to a
session of a body above it; the standing-orders committee merges those on one subject into a
composite; the congress moves one to the floor or refers it back to the body that sent it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from soviet.model.events.base import DomainEvent


@dataclass(frozen=True)
class MotionForwarded(DomainEvent):
    """``from_body`` sends a motion to ``session`` of a body above it; its mandate is its own
    ``decision``, the motion it adopted at event ``decision_seq``."""

    TYPE: ClassVar[str] = "submission.forwarded"
    submission: str
    session: str
    from_body: str
    decision: str
    decision_seq: int
    title: str
    text: str
    on: str


@dataclass(frozen=True)
class CompositeDrafted(DomainEvent):
    """The standing-orders committee (``by``) merges the submissions it ``replaces`` into one
    composite; ``consent`` says of each whether the body that sent it consented, or the
    committee decided without it (``committee``)."""

    TYPE: ClassVar[str] = "submission.composited"
    composite: str
    session: str
    title: str
    text: str
    replaces: list[str]
    consent: dict[str, str]
    by: list[str]
    on: str


@dataclass(frozen=True)
class SubmissionMoved(DomainEvent):
    """A submission (or composite) is put before its session as ``motion``."""

    TYPE: ClassVar[str] = "submission.moved"
    submission: str
    motion: str


@dataclass(frozen=True)
class SubmissionReferredBack(DomainEvent):
    """The session sends a submission (or composite) back, unheard, for ``reason``."""

    TYPE: ClassVar[str] = "submission.referred_back"
    submission: str
    reason: str
    on: str
