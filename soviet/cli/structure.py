"""``soviet body ...`` (set up, move, merge, dissolve bodies, report a basis) and
``soviet tree`` (the bodies as a tree, with members and seats)."""

from __future__ import annotations

from collections import Counter
from typing import Annotated

import typer
from rich.markup import escape
from rich.tree import Tree

from soviet.cli.consoles import out
from soviet.cli.options import DbOption, OnOption, day
from soviet.cli.organisation import current, record
from soviet.model.state import State
from soviet.rules.apportionment import basis_of
from soviet.rules.elections import COMMITTEES
from soviet.rules.structure import (
    PARENTS,
    SENDING,
    create_body,
    dissolve_body,
    merge_units,
    move_body,
    report_basis,
)

app = typer.Typer(name="body", help="Set up, move, merge and dissolve bodies.",
                  no_args_is_help=True)


@app.command("add")
def add(
    body: Annotated[str, typer.Argument(help="The body's id, used by every other command.")],
    name: Annotated[str, typer.Option("--name", help="Its name.")],
    kind: Annotated[str, typer.Option("--kind", help=f"One of {', '.join(PARENTS)}.")],
    parent: Annotated[str | None, typer.Option(
        "--parent", help="The body it sends delegates to (or, for a committee, that elects "
        "it); none for the congress.")] = None,
    scale: Annotated[str | None, typer.Option(
        "--scale", help="The charter's representation scale for its seats above "
        "(default: the charter's default_scale).")] = None,
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Set up a base unit, council, congress, executive or control commission."""
    when = day(on)
    record(db, lambda s: create_body(s, body, name, kind, parent, when, scale))


@app.command("move")
def move(
    body: Annotated[str, typer.Argument(help="The body to move.")],
    parent: Annotated[str, typer.Option("--parent", help="The body it will stand under.")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Move a unit or council under another council."""
    when = day(on)
    record(db, lambda s: move_body(s, body, parent, when))


@app.command("merge")
def merge(
    units: Annotated[list[str], typer.Argument(help="The units that merge.")],
    into: Annotated[str, typer.Option("--into", help="The unit they join.")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Merge units of one council: their members and sitting delegates pass to --into."""
    when = day(on)
    record(db, lambda s: merge_units(s, units, into, when))


@app.command("dissolve")
def dissolve(
    body: Annotated[str, typer.Argument(help="The body to dissolve.")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Dissolve a body with no members and no bodies under it; its delegates lose their seats."""
    when = day(on)
    record(db, lambda s: dissolve_body(s, body, when))


@app.command("basis")
def basis(
    body: Annotated[str, typer.Argument(help="The unit (or council) reporting.")],
    voters: Annotated[int | None, typer.Option("--voters", help="Its number of voters.")] = None,
    inhabitants: Annotated[int | None, typer.Option(
        "--inhabitants", help="Its number of inhabitants.")] = None,
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Report a unit's voters or inhabitants, for scales whose basis is not its members."""
    if (voters is None) == (inhabitants is None):
        raise typer.BadParameter("give one of --voters N or --inhabitants N")
    kind, figure = ("voters", voters) if voters is not None else ("inhabitants", inhabitants)
    assert figure is not None
    when = day(on)
    record(db, lambda s: report_basis(s, body, kind, figure, when))


def tree_command(db: DbOption = None) -> None:
    """Show the bodies as a tree: members, delegates sitting, seats held of those apportioned."""
    state = current(db)
    found = trees(state)
    if not found:
        out.print("no bodies yet (see soviet body add)")
    for tree in found:
        out.print(tree, soft_wrap=False)


def trees(state: State) -> list[Tree]:
    """Each top body (the congress) with everything under it, labelled with its figures."""
    held = Counter((m.body, m.electorate) for mids in state.seated.values()
                   for m in map(state.mandates.__getitem__, mids))
    roots = sorted(b.id for b in state.bodies.values()
                   if b.parent is None and b.dissolved is None)
    found = []
    for root in roots:
        tree = Tree(_label(state, root, held))
        _grow(state, tree, root, held)
        found.append(tree)
    return found


def _grow(state: State, node: Tree, body: str, held: Counter[tuple[str, str]]) -> None:
    order = {kind: i for i, kind in enumerate(PARENTS)}
    for child in sorted(state.children.get(body, ()),
                        key=lambda c: (order[state.bodies[c].kind], c)):
        _grow(state, node.add(_label(state, child, held)), child, held)


def _label(state: State, body_id: str, held: Counter[tuple[str, str]]) -> str:
    """Name and id; kind (but for units); members; delegates sitting in it; and the seats it
    holds of those apportioned to it in the body above."""
    b = state.bodies[body_id]
    parts = [f"[bold]{escape(b.name)}[/] [dim]{escape(b.id)}[/]"]
    if b.kind != "unit_assembly":
        parts.append(b.kind.replace("_", " "))
    if b.kind in SENDING or b.kind == "congress":
        members = basis_of(state, body_id, "members")
        parts.append(f"{members:,} member{'' if members == 1 else 's'}")
    if b.kind in COMMITTEES:
        panel = state.rules.executive if b.kind == "executive" else state.rules.control_commission
        of = f" of {panel.election.seats}" if panel is not None else ""
        parts.append(f"{len(state.seated.get(body_id, ()))}{of} sitting")
    elif b.kind != "unit_assembly":
        parts.append(f"{len(state.seated.get(body_id, ()))} sitting")
    if b.kind in SENDING and b.parent is not None:
        apportioned = state.apportionments.get(b.parent)
        seats = apportioned.seats.get(body_id) if apportioned is not None else None
        parts.append(f"{held[(b.parent, body_id)]}/{'?' if seats is None else seats} seats")
    return " · ".join(parts)
