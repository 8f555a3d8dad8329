"""The organisation a command works on: its state to answer questions, and the recording of a
rule's decision, with a receipt of the events it became (with their numbers)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import NoReturn

import typer
from rich.markup import escape

from soviet.cli.consoles import err
from soviet.cli.options import db_url
from soviet.cli.receipts import show
from soviet.ledger import Event
from soviet.model.events import DomainEvent, decode
from soviet.model.state import State
from soviet.service import Organisation
from soviet.service.organisation import Decision

ACTOR = "cli"


def missing(what: str) -> NoReturn:
    """Stop a question about something that is not there: one line, exit 1."""
    err.print(f"[bold red]error:[/] {escape(what)}")
    raise typer.Exit(1)


def current(db: str | None) -> State:
    """The state at the ledger's head, of a founded organisation."""
    with Organisation.open(db_url(db)) as org:
        state = org.state()
    if not state.founded:
        missing("no organisation has been founded in this ledger (see soviet init)")
    return state


def record(db: str | None, *decisions: Decision) -> tuple[list[tuple[int, DomainEvent]], State]:
    """Decide and append each decision in its own transaction, printing its receipt as soon as
    it is recorded (so a later refusal leaves no doubt about what went before); every event
    recorded, and the state after the last."""
    return perform(db, *(partial(Organisation.execute, decide=d, actor=ACTOR) for d in decisions))


def perform(db: str | None, *acts: Callable[[Organisation], Sequence[Event]]
            ) -> tuple[list[tuple[int, DomainEvent]], State]:
    """:func:`record` for acts that need the organisation itself (closing a secret ballot
    reads its box)."""
    recorded: list[tuple[int, DomainEvent]] = []
    with Organisation.open(db_url(db)) as org:
        for act in acts:
            events = [(e.seq, decode(e.type, e.payload_json)) for e in act(org)]
            state = org.state()
            show(events, state)
            recorded += events
    return recorded, state
