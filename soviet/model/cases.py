"""Records of the control commission's cases and of applications to join the federation."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hearing:
    side: str
    speaker: str
    statement: str
    on: str
    seq: int


@dataclass(frozen=True)
class Verdict:
    """What the joint meeting decided: ``penalty`` adopted or not, with its sentence."""

    penalty: str
    adopted: bool
    sentence: str
    on: str
    seq: int
    until: str | None = None


@dataclass(frozen=True)
class Appeal:
    to: str
    grounds: str
    on: str
    seq: int
    motion: str | None = None
    reversed: bool | None = None


@dataclass(frozen=True)
class Case:
    id: str
    commission: str
    member: str
    by: str
    charges: str
    on: str
    seq: int
    hearings: tuple[Hearing, ...] = ()
    verdict: Verdict | None = None
    appeal: Appeal | None = None


@dataclass(frozen=True)
class Finding:
    """One admission condition examined on a day: met or not, with a note."""

    number: int
    met: bool
    note: str
    on: str
    seq: int


@dataclass(frozen=True)
class Application:
    """An organisation's application; ``findings`` over every examination, latest last."""

    id: str
    organisation: str
    on: str
    seq: int
    findings: tuple[Finding, ...] = ()
    motion: str | None = None
    admitted: bool | None = None
    decided_on: str | None = None
