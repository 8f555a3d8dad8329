"""How people and bodies are named to users everywhere (receipts, tables, minutes): by the
name people know, with the id commands take."""

from __future__ import annotations

from soviet.model.state import State


def who(state: State, x: str) -> str:
    """A member or a body by name with its id (``Ana Costa (n1m1)``); anything else as given."""
    m = state.members.get(x)
    if m is not None:
        return f"{m.name} ({x})"
    b = state.bodies.get(x)
    return f"{b.name} ({x})" if b is not None else x
