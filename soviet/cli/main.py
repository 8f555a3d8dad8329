"""The ``soviet`` command: one Typer app; each area's commands live in their own module."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.markup import escape

from soviet.cli import (
    accounts,
    apportionment,
    composition,
    convention,
    demo,
    discipline,
    elections,
    executive,
    federation,
    membership,
    minutes,
    recall,
    scenario,
    serve,
    structure,
    submissions,
)
from soviet.cli import charter as charter_commands
from soviet.cli import count as count_commands
from soviet.cli import ledger as ledger_commands
from soviet.cli import sessions as session_commands
from soviet.cli.consoles import err
from soviet.rules.refusal import Refusal

app = typer.Typer(
    name="soviet",
    help="Councils of elected, recallable delegates: charter, ledger, counts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def main(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    """Councils of elected, recallable delegates: charter, ledger, counts."""
    del debug  # read by run(), which must know it even when parsing fails


ledger_commands.register(app)
app.command("count")(count_commands.count_command)
app.command("demo")(demo.demo_command)
app.add_typer(charter_commands.app, name="charter")
app.add_typer(structure.app, name="body")
app.command("tree")(structure.tree_command)
app.add_typer(membership.app, name="member")
app.command("seats")(apportionment.seats_command)
app.command("elect")(elections.elect_command)
app.add_typer(recall.recall_app, name="recall")
app.add_typer(recall.mandate_app, name="mandate")
app.command("sits")(composition.sits_command)
app.command("why")(composition.why_command)
app.command("vacancies")(composition.vacancies_command)
app.command("representation")(composition.representation_command)
app.command("minutes")(minutes.minutes_command)
session_commands.register_commands(app)
executive.register(app)
app.add_typer(discipline.app, name="case")
app.add_typer(federation.app, name="admission")
app.add_typer(submissions.app, name="submission")
app.add_typer(convention.proxy_app, name="proxy")
app.add_typer(convention.paid_up_app, name="paid-up")
app.command("strength")(convention.strength_command)
app.command("serve")(serve.serve_command)
app.add_typer(accounts.app, name="account")
app.add_typer(scenario.app, name="scenario")


def run() -> None:
    """Entry point: every failure is one clear line and a non-zero exit, unless --debug."""
    try:
        code = app(standalone_mode=False)
    except typer.Exit as e:
        sys.exit(e.exit_code)
    except Refusal as e:
        err.print(f"[bold red]refused:[/] {escape(str(e))}")
        sys.exit(1)
    except (typer.Abort, KeyboardInterrupt):
        err.print("aborted")
        sys.exit(130)
    except Exception as e:
        if "--debug" in sys.argv:
            raise
        err.print(f"[bold red]error:[/] {escape(str(e))}")
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)
