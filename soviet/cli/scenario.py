"""``soviet scenario run FILE``: play a scenario file into a ledger, telling each act as it is
recorded, and verify the ledger it leaves."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from soviet.cli.consoles import err, out
from soviet.cli.options import DbOption, db_url
from soviet.cli.receipts import describe
from soviet.ledger import verify_rows
from soviet.scenario import ScenarioInvalid, ScenarioStopped, load_scenario, play
from soviet.scenario.narrate import Narrator
from soviet.service import Organisation

app = typer.Typer(name="scenario", help="Play a scenario file of acts into a ledger.",
                  no_args_is_help=True)


@app.command("run")
def run_command(
    file: Annotated[Path, typer.Argument(help="The scenario, a TOML file of [[act]] tables.")],
    db: DbOption = None,
) -> None:
    """Play every act of FILE through the ordinary rules into a new ledger, then verify it.
    A refusal the scenario does not expect stops it (exit 1), naming the act and its source."""
    try:
        scenario = load_scenario(file)
    except ScenarioInvalid as e:
        err.print(f"[bold red]invalid scenario:[/] {escape(str(e))}")
        raise typer.Exit(2) from None
    out.print(f"[bold underline]{escape(scenario.title)}[/]\n")
    with Organisation.open(db_url(db)) as org:
        try:
            play(scenario, org, Narrator(out, describe))
        except ScenarioStopped as e:
            err.print(f"[bold red]stopped at {escape(str(e))}[/]")
            raise typer.Exit(1) from None
        verdict = verify_rows(org.ledger.rows())
    out.print(f"\nledger verified: {verdict.checked:,} events, head {verdict.head.hash[:16]}…")
