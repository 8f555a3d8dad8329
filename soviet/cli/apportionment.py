"""``soviet seats BODY``: how many seats each body below sends to BODY, as the charter's scales
give them today, beside the seats recorded now; ``--record`` makes it the figure of record."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Annotated

import typer
from rich.table import Table

from soviet.cli.consoles import out
from soviet.cli.options import DbOption, OnOption, day
from soviet.cli.organisation import current, record
from soviet.model.events import SeatsApportioned
from soviet.model.state import State
from soviet.rules.apportionment import apportion_seats, compute


def seats_command(
    body: Annotated[str, typer.Argument(help="The body whose seats are shared out.")],
    record_: Annotated[bool, typer.Option(
        "--record", help="Record the apportionment (elections then fill these seats).")] = False,
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Preview (or --record) the seats each body below BODY sends to it."""
    when = day(on)
    state = current(db)
    before = state.apportionments.get(body)
    now = dict(before.seats) if before is not None else {}
    held = Counter(m.electorate for m in state.sitting(body))
    if not record_:
        out.print(seats_table(state, compute(state, body, when), now, held))
        out.print("preview only: --record makes it the apportionment of record")
        return
    recorded, after = record(db, lambda s: apportion_seats(s, body, when))
    apportioned = next(e for _, e in recorded if isinstance(e, SeatsApportioned))
    out.print(seats_table(after, apportioned, now, held))


def seats_table(state: State, event: SeatsApportioned, now: Mapping[str, int],
                held: Mapping[str, int]) -> Table:
    """Each sending body's basis, seats recorded now, delegates sitting, seats new, change."""
    charter = state.rules
    kinds = {charter.representation.scales[s].basis for s in event.scale.split(",")}
    table = Table(title=f"Seats in {state.bodies[event.body].name}: {event.method}, "
                  f"scale {event.scale}")
    table.add_column("body")
    for heading in (f"basis ({'/'.join(sorted(kinds))})", "seats now", "sitting", "seats new",
                    "change"):
        table.add_column(heading, justify="right")
    for unit in sorted(now.keys() | event.seats.keys()):
        old, new = now.get(unit), event.seats.get(unit, 0)
        change = new - (old or 0)
        table.add_row(unit, f"{event.basis.get(unit, 0):,}", "-" if old is None else str(old),
                      str(held.get(unit, 0)), str(new), f"{change:+d}" if change else "")
    table.add_row("total", f"{sum(event.basis.values()):,}", str(sum(now.values())),
                  str(sum(held.values())), str(sum(event.seats.values())), "", style="bold")
    return table
