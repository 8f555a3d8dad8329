"""The part of the fold that follows the executive between its elections: factions and the
delegates who join and leave them, coalition offers and their answers, officers and the end of
their offices (see :mod:`soviet.model.events.executive`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from soviet.model.events.base import DomainEvent
from soviet.model.events.executive import (
    CoalitionAnswered,
    CoalitionOffered,
    FactionJoined,
    FactionLeft,
    FactionRegistered,
    OfficeEnded,
    OfficerAppointed,
)
from soviet.model.part_fold import PartFold
from soviet.model.recorded import FoldError
from soviet.model.sessions import Faction, Offer, Office


class ExecutiveFold(PartFold):
    def __init__(self, fail: Callable[[str], FoldError], seq: Callable[[], int],
                 counters: defaultdict[str, int], bodies: Mapping[str, Any]) -> None:
        super().__init__(fail, seq, counters, bodies)
        self.factions: dict[str, Faction] = {}
        self.offers: dict[str, Offer] = {}
        self.offices: dict[str, Office] = {}

    def handlers(self) -> dict[type[DomainEvent], Callable[[Any], None]]:
        return {
            FactionRegistered: self._faction, FactionJoined: self._joined,
            FactionLeft: self._left, CoalitionOffered: self._offered,
            CoalitionAnswered: self._answered, OfficerAppointed: self._appointed,
            OfficeEnded: self._office_ended,
        }

    def _faction(self, e: FactionRegistered) -> None:
        self._body(e.body)
        self._new("F", self.factions, e.faction, "faction")
        self.factions[e.faction] = Faction(e.faction, e.body, e.name, e.platform,
                                           tuple(e.members), e.on, self._seq())

    def _joined(self, e: FactionJoined) -> None:
        """A newcomer goes to the end of the faction's list (its order is the list's order in
        an election by lists)."""
        faction = self._get(self.factions, e.faction, "faction")
        if e.member in faction.members:
            raise self._fail(f"{e.member} already belongs to {e.faction}")
        self.factions[e.faction] = replace(faction, members=(*faction.members, e.member))

    def _left(self, e: FactionLeft) -> None:
        faction = self._get(self.factions, e.faction, "faction")
        if e.member not in faction.members:
            raise self._fail(f"{e.member} does not belong to {e.faction}")
        self.factions[e.faction] = replace(
            faction, members=tuple(x for x in faction.members if x != e.member))

    def _offered(self, e: CoalitionOffered) -> None:
        self._body(e.executive)
        self._new("CO", self.offers, e.offer, "offer")
        self.offers[e.offer] = Offer(e.offer, e.executive, e.by, e.faction, e.seats,
                                     e.condition, e.on, self._seq(), e.programme)

    def _answered(self, e: CoalitionAnswered) -> None:
        offer = self._get(self.offers, e.offer, "offer")
        if offer.accepted is not None:
            raise self._fail(f"offer {e.offer} was already answered")
        self.offers[e.offer] = replace(offer, accepted=e.accepted, answer=e.statement)

    def _appointed(self, e: OfficerAppointed) -> None:
        self._body(e.executive)
        self._new("OF", self.offices, e.office, "office")
        self.offices[e.office] = Office(e.office, e.executive, e.holder, e.portfolio, e.on,
                                        self._seq(), e.decision)

    def _office_ended(self, e: OfficeEnded) -> None:
        office = self._get(self.offices, e.office, "office")
        if office.ended is not None:
            raise self._fail(f"office {e.office} already ended")
        self.offices[e.office] = replace(office, ended=self._seq(), reason=e.reason)
