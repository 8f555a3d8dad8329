"""Charter clauses by path, written the way a refusal cites them: ``[congress].quorum = 1/2``.

A rule that refuses an act names the clause it enforces, so the member refused can look it up;
the path must exist, so a rule with a misspelt path fails loudly in its tests.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from pydantic import BaseModel

from soviet.charter.field_types import format_fraction
from soviet.charter.period import Period

_SEGMENT = re.compile(r"([A-Za-z0-9_-]+)((?:\[\d+\])*)")
_INDEX = re.compile(r"\[(\d+)\]")


class UnknownClause(LookupError):
    """A path that names no clause of this charter."""

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class Clause:
    """A field of the charter, its path and its value."""

    path: str
    value: object

    def __str__(self) -> str:
        table, _, key = self.path.rpartition(".")
        return f"{f'[{table}].' if table else ''}{key} = {render(self.value)}"


def find_clause(charter: BaseModel, path: str) -> Clause:
    """The clause at ``path`` (e.g. ``discipline.penalties[2].majority``, items counted from 1)."""
    value: object = charter
    walked: list[str] = []
    for segment in path.split("."):
        match = _SEGMENT.fullmatch(segment)
        if match is None:
            raise UnknownClause(f"{path!r} is not a charter path")
        name, indexes = match.groups()
        value = _child(value, name, ".".join(walked), path)
        walked.append(segment)
        for index in (int(i) for i in _INDEX.findall(indexes)):
            if not isinstance(value, tuple) or not 1 <= index <= len(value):
                raise UnknownClause(f"no clause {path!r}: {'.'.join(walked)} has no item {index}")
            value = value[index - 1]
    return Clause(path, value)


def _child(value: object, name: str, parent: str, path: str) -> object:
    if isinstance(value, BaseModel):
        names = list(type(value).model_fields)
        if name in names:
            return getattr(value, name)
    elif isinstance(value, dict):
        names = list(value)
        if name in value:
            return value[name]
    elif value is None:
        raise UnknownClause(f"no clause {path!r}: this charter has no [{parent}]")
    else:
        raise UnknownClause(f"no clause {path!r}: {parent} is a single value")
    close = difflib.get_close_matches(name, names, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    where = f"[{parent}]" if parent else "the charter"
    raise UnknownClause(f"no clause {path!r}: {where} has no {name!r}{hint}")


def render(value: object) -> str:
    """A value as a citation shows it: fractions as p/q, periods in words, text in quotes."""
    if value is None:
        return "not set"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Fraction):
        return format_fraction(value)
    if isinstance(value, Period | date | int):
        return str(value)
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, tuple):
        return "[" + ", ".join(render(item) for item in value) + "]"
    if isinstance(value, BaseModel):
        value = {name: item for name, item in value if item is not None}
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key} = {render(item)}" for key, item in value.items()) + "}"
    return str(value)
