"""Options shared by every command that touches a ledger."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from soviet.ledger import default_url

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Ledger URL: sqlite:///path.db or postgresql://... "
        "(default: $SOVIET_DB, else sqlite:///soviet.db)",
        show_default=False,
    ),
]

OnOption = Annotated[
    str | None,
    typer.Option("--on", help="The day the act takes effect, YYYY-MM-DD (default: today).",
                 show_default=False),
]


def db_url(db: str | None) -> str:
    return db or default_url()


def day(on: str | None, option: str = "--on") -> str:
    """The ISO date a command acts on: the one given (checked), else today."""
    if on is None:
        return date.today().isoformat()
    try:
        return date.fromisoformat(on).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{option} {on}: not a date (YYYY-MM-DD)") from None
