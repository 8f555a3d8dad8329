"""Options shared by every command that touches a ledger."""

from __future__ import annotations

from typing import Annotated

import typer

from soviet.ledger import default_url

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Ledger URL: sqlite:///path.db or postgresql://... "
        "[default: $SOVIET_DB, else sqlite:///soviet.db]",
        show_default=False,
    ),
]


def db_url(db: str | None) -> str:
    return db or default_url()
