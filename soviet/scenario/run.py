"""Playing a scenario: each act in order, through the ordinary service, until the last or the
first refusal. ``@label`` in any value stands for the record an earlier act named with
``as = "label"``; an act that says ``expect_refusal`` must be refused with those words, and is
then passed over (it records nothing)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from soviet.model.events import DomainEvent
from soviet.model.state import State
from soviet.rules.refusal import Refusal
from soviet.scenario.acts import KINDS
from soviet.scenario.load import Act, Scenario
from soviet.scenario.stage import ActFailed, Stage
from soviet.service import Organisation

LABEL = re.compile(r"@([A-Za-z][\w.-]*)")


@dataclass(frozen=True)
class Played:
    """An act and what it recorded, or the refusal it was expected to meet."""

    act: Act
    events: tuple[DomainEvent, ...]
    refusal: str | None = None


class ScenarioStopped(RuntimeError):
    """An act was refused (or failed) when the scenario did not expect it: the act's number,
    kind and source, and the refusal's own words."""

    def __init__(self, act: Act, reason: str) -> None:
        self.act = act
        self.reason = reason
        source = f" [{act.source}]" if act.source else ""
        super().__init__(f"act {act.index} ({act.kind}){source}: {reason}")


Watcher = Callable[[Played, State], None]


def play(scenario: Scenario, org: Organisation, watch: Watcher | None = None) -> list[Played]:
    """Play every act on ``org``; ``watch`` sees each as it is played, with the state after."""
    stage = Stage(org, scenario.path.parent)
    labels: dict[str, str] = {}
    played: list[Played] = []
    for act in scenario.acts:
        done = _play_one(stage, act, labels)
        if act.label is not None and done.refusal is None:
            labels[act.label] = _made(act, done.events)
        played.append(done)
        if watch is not None:
            watch(done, stage.state())
    return played


def _play_one(stage: Stage, act: Act, labels: Mapping[str, str]) -> Played:
    try:
        values = {k: resolve(v, labels) for k, v in act.fields.items()}
        events = KINDS[act.kind].play(stage, values)
    except (Refusal, ActFailed) as e:
        if act.expect_refusal is not None and act.expect_refusal in str(e):
            return Played(act, (), str(e))
        raise ScenarioStopped(act, str(e)) from None
    if act.expect_refusal is not None:
        raise ScenarioStopped(act, f"expected a refusal ({act.expect_refusal!r}), but the act "
                              f"was recorded ({len(events)} events)")
    return Played(act, tuple(events))


def resolve(value: Any, labels: Mapping[str, str]) -> Any:
    """``value`` with every ``@label`` replaced by the id of the record it names."""
    if isinstance(value, str):
        return LABEL.sub(lambda m: _lookup(m.group(1), labels), value)
    if isinstance(value, list):
        return [resolve(x, labels) for x in value]
    if isinstance(value, Mapping):
        return {resolve(k, labels): resolve(v, labels) for k, v in value.items()}
    return value


def _lookup(label: str, labels: Mapping[str, str]) -> str:
    if label not in labels:
        raise ActFailed(f"no earlier act is labelled {label!r}")
    return labels[label]


def _made(act: Act, events: tuple[DomainEvent, ...]) -> str:
    makes = KINDS[act.kind].makes
    assert makes is not None, "the loader refuses a label on an act that creates nothing"
    kind, attr = makes
    for e in events:
        if isinstance(e, kind):
            return str(getattr(e, attr))
    raise ScenarioStopped(act, f"the act recorded no {kind.__name__} to label {act.label!r}")
