"""The narrative of a scenario as it plays: one short paragraph per act, with what the
scenario says happened, the figures the ledger recorded, who sits where afterwards, the
running tallies of a pre-congress discussion, and the act's source."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from rich.console import Console
from rich.markup import escape

from soviet.model.events import DomainEvent, MandateEnded, MandateGranted, ThesesVoted
from soviet.model.state import State
from soviet.scenario.run import Played
from soviet.service.queries import discussion_tallies

Describe = Callable[[DomainEvent, State], str]
BULK = 3
"""More events of one type than this in an act are counted, not told one by one."""
WIDTH = 240
"""A line told of an event is cut to this many characters (a faction names every member)."""


class Narrator:
    """Prints each act as it is played (a ``Watcher`` for :func:`soviet.scenario.run.play`)."""

    def __init__(self, out: Console, describe: Describe) -> None:
        self.out = out
        self.describe = describe

    def __call__(self, played: Played, state: State) -> None:
        act = played.act
        on = act.fields.get("on", "")
        head = act.says or act.kind.replace("_", " ")
        self.out.print(f"[bold]{act.index:>3}.[/] [dim]{escape(str(on))}[/] {escape(head)}")
        for line in self.figures(played, state):
            cut = line if len(line) <= WIDTH else line[:WIDTH - 1] + "…"
            self.out.print(f"      {escape(cut)}")
        if act.source is not None or act.figures:
            where = f"source: {act.source}" if act.source else ""
            figures = f"figures: {act.figures}" if act.figures else ""
            self.out.print(f"      [dim]{escape(' · '.join(x for x in (where, figures) if x))}[/]")

    def figures(self, played: Played, state: State) -> list[str]:
        if played.refusal is not None:
            return [f"refused, as expected: {played.refusal}"]
        return [*self.told(played.events, state), *sitting(played.events, state),
                *running_tally(played.events, state)]

    def told(self, events: Sequence[DomainEvent], state: State) -> list[str]:
        """Each event in words, except that many of one type are counted in one line."""
        many = {t for t, n in Counter(e.TYPE for e in events).items() if n > BULK}
        lines: list[str] = []
        counted: set[str] = set()
        for e in events:
            if e.TYPE not in many:
                lines.append(self.describe(e, state))
            elif e.TYPE not in counted:
                counted.add(e.TYPE)
                n = sum(1 for x in events if x.TYPE == e.TYPE)
                lines.append(f"{n:,} × {e.TYPE}, the first: {self.describe(e, state)}")
        return lines


def sitting(events: Sequence[DomainEvent], state: State) -> list[str]:
    """How many now sit in each body an act gave or took seats in."""
    bodies = sorted({state.mandates[e.mandate].body for e in events
                     if isinstance(e, MandateGranted | MandateEnded)})
    if not bodies:
        return []
    return ["sitting now: " + ", ".join(f"{state.bodies[b].name} {len(state.seated.get(b, ()))}"
                                        for b in bodies)]


def running_tally(events: Sequence[DomainEvent], state: State) -> list[str]:
    """The discussion's tally so far at the top of the tree, after a unit has voted."""
    votes = [e for e in events if isinstance(e, ThesesVoted)]
    if not votes:
        return []
    session = state.sessions[votes[-1].session]
    top = discussion_tallies(state, session.id)[session.body]
    figures = ", ".join(f"{state.theses[t].title} {n:,}" for t, n in top.votes.items())
    return [f"tally so far ({top.units} units): {figures}, abstaining {top.abstain:,}"]
