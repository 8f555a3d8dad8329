"""Questions about who sits where: ``soviet sits``, ``soviet why``, ``soviet vacancies`` and
``soviet representation``, answered from the state at the ledger's head."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from soviet.cli.consoles import out
from soviet.cli.options import DbOption, day
from soviet.cli.organisation import current, missing
from soviet.model.state import Mandate, State
from soviet.service.names import who
from soviet.service.queries import Link, chain, representation, sitting, vacancies, waiting

BodyArg = Annotated[str, typer.Argument(help="The body's id.")]


def _body(state: State, body: str) -> str:
    if body not in state.bodies:
        missing(f"there is no body {body!r}")
    return state.bodies[body].name


def sits_command(
    body: BodyArg,
    on: Annotated[str | None, typer.Option(
        "--on", help="Who sat on this day, YYYY-MM-DD (default: who sits now).")] = None,
    db: DbOption = None,
) -> None:
    """Who sits in a body: now, or on a past day."""
    state = current(db)
    _body(state, body)
    when = day(on) if on is not None else None
    out.print(sitting_table(state, body, when))
    if when is None:
        for a in waiting(state, body):
            out.print(escape(f"alternate {a.rank} for {a.electorate}: {a.id} "
                             f"{who(state, a.holder)}"))


def sitting_table(state: State, body: str, when: str | None = None) -> Table:
    """The delegates sitting in ``body`` (on ``when``, or now), by electorate."""
    seats = sitting(state, body, when)
    on = f" on {when}" if when else ""
    table = Table(title=f"{state.bodies[body].name}: {len(seats)} sitting{on}")
    for heading in ("mandate", "member", "name", "for", "since", "through"):
        table.add_column(heading)
    for m in seats:
        table.add_row(m.id, m.holder, escape(state.members[m.holder].name), m.electorate,
                      m.since, m.through or "")
    return table


def why_command(
    mandate: Annotated[str, typer.Argument(help="The mandate (e.g. M31).")],
    db: DbOption = None,
) -> None:
    """Why a seat is held: the chain of elections down to a base unit, with event numbers."""
    state = current(db)
    if mandate not in state.mandates:
        missing(f"there is no mandate {mandate!r}")
    for line in chain_lines(state, mandate):
        out.print(escape(line))


def chain_lines(state: State, mandate: str) -> list[str]:
    """Who holds ``mandate`` and why: each seat it is held through, down to a base unit."""
    links = chain(state, mandate)
    top = links[0].mandate
    lines = [f"{who(state, top.holder)} in {state.bodies[top.body].name} ({top.id}):"]
    for depth, link in enumerate(links):
        lines.append("  " * depth + ("held through " if depth else "") + _link(state, link))
    return lines


def _link(state: State, link: Link) -> str:
    m: Mandate = link.mandate
    held = f"event #{link.election_seq}" if link.election_seq is not None else "pending"
    role = "alternate " if m.role == "alternate" else ""
    line = (f"{m.id}: {role}seat in {m.body} for {link.electorate}, election {link.election} "
            f"({held}), granted at #{link.granted_seq}")
    if m.substitutes:
        line += f" in place of {m.substitutes}"
    if m.ended is not None:
        cause = f" with {m.ended.cause}" if m.ended.cause else ""
        line += f"; ended {m.ended.on} ({m.ended.reason}{cause}) at #{m.ended.seq}"
    if state.bodies[link.electorate].kind == "unit_assembly":
        line += f"; {link.electorate} is a base unit"
    return line


def vacancies_command(db: DbOption = None) -> None:
    """Every electorate holding fewer seats than apportioned, and any by-election pending."""
    state = current(db)
    found = vacancies(state)
    if not found:
        out.print("no vacant seats")
        return
    table = Table(title=f"{sum(v.empty for v in found)} vacant seat(s)")
    for heading in ("body", "for", "seats", "held", "vacant", "by-election"):
        table.add_column(heading, justify="right" if heading in ("seats", "held", "vacant")
                         else "left")
    for v in found:
        table.add_row(v.body, v.electorate, str(v.seats), str(v.held), str(v.empty),
                      v.pending_by_election or "")
    out.print(table)


def representation_command(body: BodyArg, db: DbOption = None) -> None:
    """Each sending body's basis, seats apportioned and held, fair share and deviation."""
    state = current(db)
    name = _body(state, body)
    shares = representation(state, body)
    if not shares:
        missing(f"no seats in {name} have been apportioned yet (see soviet seats {body})")
    table = Table(title=f"Representation in {name}")
    table.add_column("body")
    for heading in ("basis", "apportioned", "held", "fair share", "deviation"):
        table.add_column(heading, justify="right")
    for s in shares:
        table.add_row(s.unit, f"{s.basis:,}", str(s.apportioned), str(s.held),
                      f"{float(s.ideal):.2f}", f"{float(s.deviation):+.2f}")
    out.print(table)
