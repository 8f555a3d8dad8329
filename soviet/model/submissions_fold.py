"""The part of the fold that follows motions sent up from below and their composites (see
:mod:`soviet.model.events.submissions`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import Any

from soviet.model.events.base import DomainEvent
from soviet.model.events.submissions import (
    CompositeDrafted,
    MotionForwarded,
    SubmissionMoved,
    SubmissionReferredBack,
)
from soviet.model.part_fold import PartFold
from soviet.model.recorded import FoldError
from soviet.model.sessions import Motion, Session
from soviet.model.submissions import ReferredBack, Submission


class SubmissionsFold(PartFold):
    """The submissions of one replay; it reads the sessions and motions the session part of
    the fold keeps."""

    def __init__(self, fail: Callable[[str], FoldError], seq: Callable[[], int],
                 counters: defaultdict[str, int], bodies: Mapping[str, Any],
                 sessions: Mapping[str, Session], motions: Mapping[str, Motion]) -> None:
        super().__init__(fail, seq, counters, bodies)
        self._sessions = sessions
        self._motions = motions
        self.submissions: dict[str, Submission] = {}

    def handlers(self) -> dict[type[DomainEvent], Callable[[Any], None]]:
        return {
            MotionForwarded: self._forwarded, CompositeDrafted: self._composited,
            SubmissionMoved: self._moved, SubmissionReferredBack: self._referred_back,
        }

    def _submitted(self, prefix: str, submission: str, session: str) -> None:
        """A new submission (``prefix`` SU or CP) for a session the fold knows."""
        self._get(self._sessions, session, "session")
        self._new(prefix, self.submissions, submission, "submission")

    def _pending(self, submission: str) -> Submission:
        sub = self._get(self.submissions, submission, "submission")
        if not sub.pending:
            raise self._fail(f"submission {submission} is no longer pending")
        return sub

    def _forwarded(self, e: MotionForwarded) -> None:
        self._body(e.from_body)
        self._submitted("SU", e.submission, e.session)
        self.submissions[e.submission] = Submission(
            e.submission, e.session, e.title, e.text, e.on, self._seq(), e.from_body,
            e.decision, e.decision_seq)

    def _composited(self, e: CompositeDrafted) -> None:
        self._submitted("CP", e.composite, e.session)
        if not e.replaces or set(e.consent) != set(e.replaces):
            raise self._fail(f"composite {e.composite} must name its originals, each with "
                             "its consent")
        for x in e.replaces:
            original = self._pending(x)
            if original.session != e.session:
                raise self._fail(f"{x} is not before session {e.session}")
            self.submissions[x] = replace(original, composited=e.composite)
        self.submissions[e.composite] = Submission(
            e.composite, e.session, e.title, e.text, e.on, self._seq(),
            replaces=tuple(e.replaces), consent=MappingProxyType(dict(e.consent)),
            drafted_by=tuple(e.by))

    def _moved(self, e: SubmissionMoved) -> None:
        sub = self._pending(e.submission)
        m = self._motions.get(e.motion)
        if m is None or m.session != sub.session:
            raise self._fail(f"no motion {e.motion!r} in session {sub.session}")
        self.submissions[sub.id] = replace(sub, motion=e.motion)

    def _referred_back(self, e: SubmissionReferredBack) -> None:
        sub = self._pending(e.submission)
        self.submissions[sub.id] = replace(
            sub, referred_back=ReferredBack(e.reason, e.on, self._seq()))
