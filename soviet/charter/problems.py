"""What is wrong with a charter, said where (a TOML field path) and what (a plain sentence)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One fault: ``path`` is the field, e.g. ``discipline.penalties[2].majority`` (list items
    counted from 1, as a reader counts them in the file), ``line 12`` for a TOML syntax error,
    ``file`` when the file cannot be read; ``message`` is a sentence about that field, e.g.
    "must be a fraction between 0 and 1, got 3/2"."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class CharterInvalid(Exception):
    """A charter that cannot be used, with every problem found, so one run fixes them all."""

    def __init__(self, problems: Sequence[Problem], source: str = "charter") -> None:
        self.problems = tuple(problems)
        self.source = source
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.problems)
        lines = [f"{self.source}: {count} problem{'' if count == 1 else 's'}"]
        lines += [f"  {problem}" for problem in self.problems]
        return "\n".join(lines)


def field_path(parts: Iterable[str | int]) -> str:
    """Join a location into a field path: names with dots, list positions as ``[n]`` from 1."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else part
    return text
