"""``soviet account ...``: logins for the web app, given from the machine it runs on (the first
chair's password, say); at the door, whoever presides hands out one-time codes in the web app."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from soviet.accounts import Accounts
from soviet.cli.consoles import out
from soviet.cli.options import DbOption, db_url
from soviet.cli.organisation import current, missing
from soviet.service.names import who

app = typer.Typer(name="account", help="Web logins: passwords and one-time codes.",
                  no_args_is_help=True)

Member = Annotated[str, typer.Argument(help="The member's id.")]


def _known(db: str | None, member: str) -> str:
    state = current(db)
    if member not in state.members:
        missing(f"there is no member {member!r}")
    return who(state, member)


@app.command("password")
def password_command(
    member: Member,
    password: Annotated[str, typer.Option(
        "--password", prompt=True, hide_input=True, confirmation_prompt=True,
        help="At least 10 characters (asked for when not given).")],
    db: DbOption = None,
) -> None:
    """Set a member's password (stored as an argon2id hash)."""
    name = _known(db, member)
    accounts = Accounts(db_url(db))
    try:
        accounts.set_password(member, password)
    except ValueError as e:
        missing(str(e))
    finally:
        accounts.close()
    out.print(f"password set for {escape(name)}")


@app.command("code")
def code_command(
    member: Member,
    hours: Annotated[int, typer.Option("--hours", help="How long the code stays valid.")] = 24,
    db: DbOption = None,
) -> None:
    """A one-time login code for a member (shown once; only its digest is stored)."""
    name = _known(db, member)
    accounts = Accounts(db_url(db))
    try:
        code = accounts.issue_code(member, hours)
    finally:
        accounts.close()
    out.print(f"{escape(name)}: [bold]{code}[/] (one login, valid {hours} h)")
