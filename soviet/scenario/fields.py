"""The kinds of value an act's fields hold, each with its check: a scenario names its problems
before anything is recorded, and every act receives its values already in the rules' types
(days as ISO strings, counts as ints)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any


class FieldProblem(ValueError):
    """A field's value is not of its kind; the loader adds the act and the field's name."""


def text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise FieldProblem(f"must be a non-empty string, not {value!r}")
    return value


def count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise FieldProblem(f"must be a whole number, 0 or more, not {value!r}")
    return value


def flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise FieldProblem(f"must be true or false, not {value!r}")
    return value


def day(value: Any) -> str:
    """A TOML date (``1917-11-07``) or the same written as a string."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise FieldProblem(f"must be a date (YYYY-MM-DD), not {value!r}")


SELECTOR_KEYS = frozenset({"from", "count", "skip"})


def names(value: Any) -> list[str | dict[str, Any]]:
    """Member ids, and tables ``{from = BODY, count = N, skip = K}`` standing for the members
    of a unit, or the delegates sitting in a body, in order from the K-th, N of them (all of
    them without a count)."""
    if not isinstance(value, list) or not value:
        raise FieldProblem(f"must be a non-empty list of member ids or {{from, count}} "
                           f"tables, not {value!r}")
    out: list[str | dict[str, Any]] = []
    for item in value:
        if isinstance(item, str) and item.strip():
            out.append(item)
        elif isinstance(item, dict) and set(item) <= SELECTOR_KEYS and "from" in item:
            n = item.get("count")
            out.append({"from": text(item["from"]), "count": None if n is None else count(n),
                        "skip": count(item.get("skip", 0))})
        else:
            raise FieldProblem(f"holds {item!r}: each item is a member id or a table "
                               "{from = BODY, count = N, skip = K}")
    return out


def people(value: Any) -> list[tuple[str, str]]:
    """``[["lenin", "V. I. Lenin"], ...]``: each person's id and name."""
    if not isinstance(value, list) or not value:
        raise FieldProblem(f"must be a non-empty list of [id, name] pairs, not {value!r}")
    out: list[tuple[str, str]] = []
    for item in value:
        if not (isinstance(item, list) and len(item) == 2
                and all(isinstance(x, str) and x.strip() for x in item)):
            raise FieldProblem(f"holds {item!r}: each person is an [id, name] pair")
        out.append((item[0], item[1]))
    return out


def tally(value: Any) -> dict[str, int]:
    """A table of names (or ``@labels``) to whole numbers of votes."""
    if not isinstance(value, dict) or not value:
        raise FieldProblem(f"must be a table of names to numbers of votes, not {value!r}")
    return {text(k): count(v) for k, v in value.items()}


def choices(value: Any) -> dict[str, list[str | dict[str, Any]]]:
    """A table of choices (yes, no, abstain) to the voters named for each."""
    if not isinstance(value, dict) or not value or not set(value) <= {"yes", "no", "abstain"}:
        raise FieldProblem(f"must be a table of yes/no/abstain to lists of voters, not {value!r}")
    return {k: names(v) for k, v in value.items()}


def pairs(value: Any) -> dict[str, str]:
    """A table of names to names (a holder to their portfolio)."""
    if not isinstance(value, dict) or not value:
        raise FieldProblem(f"must be a table of names to names, not {value!r}")
    return {text(k): text(v) for k, v in value.items()}


def table(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict) or not value:
        raise FieldProblem(f"must be a non-empty table, not {value!r}")
    return value


Check = Callable[[Any], Any]
Spec = Mapping[str, Check]
