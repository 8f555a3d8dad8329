"""The part of the fold that follows the control commission's cases and the federation's
applications (see :mod:`soviet.model.events.discipline`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from soviet.model.cases import Appeal, Application, Case, Finding, Hearing, Verdict
from soviet.model.events.base import DomainEvent
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
from soviet.model.part_fold import PartFold
from soviet.model.recorded import FoldError


class CasesFold(PartFold):
    def __init__(self, fail: Callable[[str], FoldError], seq: Callable[[], int],
                 counters: defaultdict[str, int], bodies: Mapping[str, Any]) -> None:
        super().__init__(fail, seq, counters, bodies)
        self.cases: dict[str, Case] = {}
        self.applications: dict[str, Application] = {}

    def handlers(self) -> dict[type[DomainEvent], Callable[[Any], None]]:
        return {
            CaseFiled: self._filed, CaseHeard: self._heard, CaseDecided: self._decided,
            CaseAppealed: self._appealed, AppealDecided: self._appeal_decided,
            AdmissionApplied: self._applied, ConditionExamined: self._examined,
            AdmissionDecided: self._admission_decided,
        }

    def _case(self, case: str) -> Case:
        return self._get(self.cases, case, "case")

    def _application(self, application: str) -> Application:
        return self._get(self.applications, application, "application")

    def _filed(self, e: CaseFiled) -> None:
        self._new("C", self.cases, e.case, "case")
        self.cases[e.case] = Case(e.case, e.commission, e.member, e.by, e.charges, e.on,
                                  self._seq())

    def _heard(self, e: CaseHeard) -> None:
        c = self._case(e.case)
        h = Hearing(e.side, e.speaker, e.statement, e.on, self._seq())
        self.cases[c.id] = replace(c, hearings=(*c.hearings, h))

    def _decided(self, e: CaseDecided) -> None:
        c = self._case(e.case)
        if c.verdict is not None:
            raise self._fail(f"case {c.id} was already decided")
        v = Verdict(e.penalty, e.adopted, e.sentence, e.on, self._seq(), e.until)
        self.cases[c.id] = replace(c, verdict=v)

    def _appealed(self, e: CaseAppealed) -> None:
        c = self._case(e.case)
        self.cases[c.id] = replace(c, appeal=Appeal(e.to, e.grounds, e.on, self._seq()))

    def _appeal_decided(self, e: AppealDecided) -> None:
        c = self._case(e.case)
        if c.appeal is None:
            raise self._fail(f"case {c.id} was not appealed")
        self.cases[c.id] = replace(c, appeal=replace(c.appeal, motion=e.motion,
                                                     reversed=e.reversed))

    def _applied(self, e: AdmissionApplied) -> None:
        self._new("A", self.applications, e.application, "application")
        self.applications[e.application] = Application(e.application, e.organisation, e.on,
                                                       self._seq())

    def _examined(self, e: ConditionExamined) -> None:
        a = self._application(e.application)
        f = Finding(e.number, e.met, e.note, e.on, self._seq())
        self.applications[a.id] = replace(a, findings=(*a.findings, f))

    def _admission_decided(self, e: AdmissionDecided) -> None:
        a = self._application(e.application)
        self.applications[a.id] = replace(a, motion=e.motion, admitted=e.admitted,
                                          decided_on=e.on)
