"""The part of the fold that follows recall petitions: filed, signed, the vote called, and its
outcome (the mandates the recall ends are the main fold's, see ``fold.py``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from soviet.model.events.base import DomainEvent
from soviet.model.events.mandates import (
    RecallPetitionFiled,
    RecallPetitionSigned,
    RecallVoteCalled,
    RecallVoteTaken,
)
from soviet.model.part_fold import PartFold
from soviet.model.recorded import FoldError
from soviet.model.state import Mandate, Petition


class RecallFold(PartFold):
    def __init__(self, fail: Callable[[str], FoldError], seq: Callable[[], int],
                 counters: defaultdict[str, int], bodies: Mapping[str, Any],
                 mandates: Mapping[str, Mandate]) -> None:
        super().__init__(fail, seq, counters, bodies)
        self._mandates = mandates
        self.petitions: dict[str, Petition] = {}

    def handlers(self) -> dict[type[DomainEvent], Callable[[Any], None]]:
        return {
            RecallPetitionFiled: self._filed, RecallPetitionSigned: self._signed,
            RecallVoteCalled: self._vote_called, RecallVoteTaken: self._voted,
        }

    def _petition(self, petition: str) -> Petition:
        return self._get(self.petitions, petition, "petition")

    def _filed(self, e: RecallPetitionFiled) -> None:
        self._get(self._mandates, e.mandate, "mandate")
        self._counters["P"] += 1
        self.petitions[e.petition] = Petition(e.petition, e.mandate, e.by, e.grounds, e.on,
                                              self._seq(), frozenset({e.by}))

    def _signed(self, e: RecallPetitionSigned) -> None:
        p = self._petition(e.petition)
        self.petitions[e.petition] = replace(p, signatures=p.signatures | {e.member})

    def _vote_called(self, e: RecallVoteCalled) -> None:
        p = self._petition(e.petition)
        self.petitions[e.petition] = replace(p, vote_called=self._seq())

    def _voted(self, e: RecallVoteTaken) -> None:
        p = self._petition(e.petition)
        self.petitions[e.petition] = replace(p, outcome="carried" if e.carried else "lost")
