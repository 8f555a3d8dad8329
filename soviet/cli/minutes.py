"""``soviet minutes SESSION``: the minutes of a session, written from the ledger, as Markdown
(the default), a standalone HTML page, or a PDF."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from soviet.cli.consoles import err
from soviet.cli.options import DbOption, db_url
from soviet.cli.organisation import current, missing
from soviet.ledger import open_ledger
from soviet.service.minutes import minutes_document
from soviet.service.minutes.document import Document
from soviet.service.minutes.html import html_page
from soviet.service.minutes.markdown import markdown
from soviet.service.minutes.pdf import pdf


class Format(StrEnum):
    md = "md"
    html = "html"
    pdf = "pdf"


def minutes_command(
    session: Annotated[str, typer.Argument(help="The session (e.g. S1).")],
    form: Annotated[Format, typer.Option("--format", help="md, html or pdf.")] = Format.md,
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="Write to this file [default: stdout; a PDF needs a file].",
        show_default=False)] = None,
    db: DbOption = None,
) -> None:
    """The minutes of a session: attendance, credentials, debates, polls, decisions with the
    minority's position, each entry citing its event."""
    if form is Format.pdf and output is None:
        raise typer.BadParameter("--format pdf writes a binary file: give -o FILE")
    state = current(db)
    if session not in state.sessions:
        missing(f"there is no session {session!r}")
    with open_ledger(db_url(db)) as ledger:
        doc = minutes_document(state, ledger.events(upto=state.seq), session)
    if output is None:
        sys.stdout.write(_text(doc, form))
        return
    if form is Format.pdf:
        output.write_bytes(pdf(doc))
    else:
        output.write_text(_text(doc, form), encoding="utf-8")
    err.print(escape(f"wrote the minutes of {session} ({form}) to {output}"))


def _text(doc: Document, form: Format) -> str:
    return html_page(doc) if form is Format.html else markdown(doc)
