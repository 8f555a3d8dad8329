"""What the session commands take: the ids of sessions, motions and polls, and vote figures
written as a user writes them (``600``, ``200/3``, ``yes=400``), read exactly."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Annotated, TypeVar

import typer

from soviet.cli.organisation import missing
from soviet.model.sessions import Session
from soviet.model.state import State

SessionArg = Annotated[str, typer.Argument(help="The session's id (e.g. S1).")]
MotionArg = Annotated[str, typer.Argument(help="The motion's id (e.g. MO1).")]
PollArg = Annotated[str, typer.Argument(help="The poll's id (e.g. PO1).")]
ItemArg = Annotated[str, typer.Argument(help="The agenda item's number.")]
MemberArg = Annotated[str, typer.Argument(help="The member's id.")]

Figure = TypeVar("Figure", int, Fraction)


def session_of(state: State, session: str) -> Session:
    """The session a question is about, or one line saying there is none."""
    s = state.sessions.get(session)
    if s is None:
        missing(f"there is no session {session!r}")
    return s


def votes(text: str, option: str) -> Fraction:
    """A vote figure: whole (``600``) or a fraction of a divided strength (``200/3``)."""
    try:
        return Fraction(text.strip())
    except (ValueError, ZeroDivisionError):
        raise typer.BadParameter(f"{option} {text}: not a number of votes (e.g. 12 or "
                                 "200/3)") from None


def whole(text: str, option: str) -> int:
    """A count of votes or people that cannot be a fraction."""
    try:
        return int(text.strip())
    except ValueError:
        raise typer.BadParameter(f"{option} {text}: not a whole number") from None


def pairs(given: list[str], option: str, figure: Callable[[str, str], Figure]
          ) -> dict[str, Figure]:
    """``NAME=FIGURE`` options (``--for T1=600``, ``--split yes=400``), each name once."""
    out: dict[str, Figure] = {}
    for item in given:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise typer.BadParameter(f"{option} {item}: write it NAME=VOTES")
        if name.strip() in out:
            raise typer.BadParameter(f"{option} {name.strip()} is given twice")
        out[name.strip()] = figure(value, f"{option} {name.strip()}")
    return out
