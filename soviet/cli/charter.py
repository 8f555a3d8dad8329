"""``soviet charter check FILE``: say whether a charter can be used, and if not, every reason;
``soviet charter amend FILE``: put an amended charter in force from the next event on."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from soviet.charter import Charter, CharterInvalid, charter_to_json, load_charter
from soviet.cli.consoles import out
from soviet.cli.options import DbOption
from soviet.cli.organisation import record
from soviet.rules.founding import amend

app = typer.Typer(name="charter", help="Check a charter file, or amend the charter in force.",
                  no_args_is_help=True)


@app.command("check")
def check(file: Annotated[Path, typer.Argument(help="The charter, a TOML file.")]) -> None:
    """Check a charter: print a summary if it is sound, else every problem (exit 1)."""
    try:
        charter = load_charter(file)
    except CharterInvalid as invalid:
        for problem in invalid.problems:
            out.print(f"[bold red]{escape(problem.path)}[/]: {escape(problem.message)}")
        count = len(invalid.problems)
        out.print(f"{count} problem{'' if count == 1 else 's'} in {escape(str(file))}")
        raise typer.Exit(1) from None
    out.print(f"[green]ok[/]: {escape(summary(charter))}")


@app.command("amend")
def amend_command(
    file: Annotated[Path, typer.Argument(help="The amended charter, a TOML file.")],
    decision: Annotated[int | None, typer.Option(
        "--decision", help="The event number of the decision that adopted it.")] = None,
    db: DbOption = None,
) -> None:
    """Amend the charter in force: the file's charter governs every act from now on (the
    ledger keeps the old one for the acts before)."""
    charter = charter_to_json(load_charter(file))
    record(db, lambda s: amend(s, charter, decision))


def summary(charter: Charter) -> str:
    """One line naming the charter and counting what it sets up."""
    bodies = charter.bodies
    parts = [
        charter.name,
        f"{len(bodies)} bodies ({', '.join(bodies)})",
        f"{len(charter.representation.scales)} scales",
    ]
    if charter.officers is not None:
        parts.append(f"{len(charter.officers.portfolios)} portfolios")
    if charter.discipline is not None:
        parts.append(f"{len(charter.discipline.penalties)} penalties")
    if charter.federation is not None:
        parts.append(f"{len(charter.federation.conditions)} admission conditions")
    return ", ".join(parts)
