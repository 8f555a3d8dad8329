"""Records of motions sent up from below to a session of a higher body, and of the composites
the standing-orders committee drafts from them, with what became of each."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from soviet.model.empty import empty

CONSENTS = {"consented": "with its body's consent",
            "committee": "by the committee's decision, without its body's consent"}
"""How an original enters a composite, and the words that say so."""




@dataclass(frozen=True)
class ReferredBack:
    reason: str
    on: str
    seq: int


@dataclass(frozen=True)
class Submission:
    """A motion before ``session`` from below: sent by ``from_body`` on its ``decision``
    (adopted at event ``decision_seq``), or a composite the committee (``drafted_by``) made of
    the submissions it ``replaces``, each with its ``consent``. What became of it: merged into
    the composite ``composited``, moved as ``motion``, or ``referred_back``."""

    id: str
    session: str
    title: str
    text: str
    on: str
    seq: int
    from_body: str | None = None
    decision: str | None = None
    decision_seq: int | None = None
    replaces: tuple[str, ...] = ()
    consent: Mapping[str, str] = field(default_factory=empty)
    drafted_by: tuple[str, ...] = ()
    composited: str | None = None
    motion: str | None = None
    referred_back: ReferredBack | None = None

    @property
    def composite(self) -> bool:
        return bool(self.replaces)

    @property
    def pending(self) -> bool:
        """Neither merged into a composite, moved, nor referred back."""
        return self.composited is None and self.motion is None and self.referred_back is None
