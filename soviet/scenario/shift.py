"""A scenario moved in time: the same acts, every date they carry moved by the same number of
days, so a story written for past years can be told as if it had just happened (the demo's
federation, whose delegates' terms would otherwise have run out before the congress that sits
today). The dates in an expected refusal's words move with them, since the rule will name the
moved dates. Sources keep their own dates: they say when the text was written, not the act;
and the narrative's sentences are prose, left as written."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from types import MappingProxyType

from soviet.scenario.acts import KINDS
from soviet.scenario.fields import day
from soviet.scenario.load import Act, Scenario


def shifted(scenario: Scenario, by: timedelta) -> Scenario:
    """``scenario`` with every date field of every act (those the act's kind reads as a day)
    moved by ``by``."""
    return replace(scenario, acts=tuple(_moved(act, by) for act in scenario.acts))


def ending_on(scenario: Scenario, last: date) -> Scenario:
    """``scenario`` moved so that its last dated act falls on ``last``."""
    days = [date.fromisoformat(act.fields["on"]) for act in scenario.acts if "on" in act.fields]
    return shifted(scenario, last - max(days)) if days else scenario


ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _moved(act: Act, by: timedelta) -> Act:
    def move(day: str) -> str:
        return (date.fromisoformat(day) + by).isoformat()

    refusal = act.expect_refusal
    return replace(act, fields=MappingProxyType({
        k: move(v) if _is_day(act, k) else v for k, v in act.fields.items()}),
        expect_refusal=None if refusal is None else ISO_DAY.sub(lambda m: move(m[0]), refusal))


def _is_day(act: Act, key: str) -> bool:
    kind = KINDS[act.kind]
    return {**kind.required, **kind.optional}.get(key) is day
