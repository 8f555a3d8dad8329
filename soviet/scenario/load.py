"""Reading a scenario file: TOML, checked act by act against the table of acts, into frozen
records. Every problem names the act's number (from 1, in file order), its kind and the field,
so that a scenario is corrected before anything is recorded."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from soviet.scenario import fields
from soviet.scenario.acts import KINDS

COMMON = frozenset({"act", "says", "source", "figures", "as", "expect_refusal"})
SOURCE_KEYS = ("work", "date", "where")


class ScenarioInvalid(ValueError):
    """The file cannot be read as a scenario; the message names the act and field."""


@dataclass(frozen=True)
class Source:
    """Where an act comes from: the work, its date, and the place in it (file:lines)."""

    work: str
    date: str
    where: str

    def __str__(self) -> str:
        return f"{self.work}, {self.date}, {self.where}"


@dataclass(frozen=True)
class Act:
    """One act of a scenario: its number, kind, fields (checked), and what the narrative says
    of it: the scenario's sentence, its source, and where its figures come from."""

    index: int
    kind: str
    fields: Mapping[str, Any]
    says: str = ""
    source: Source | None = None
    figures: str = ""
    label: str | None = None
    expect_refusal: str | None = None


@dataclass(frozen=True)
class Scenario:
    title: str
    path: Path
    acts: tuple[Act, ...]


def load_scenario(path: Path) -> Scenario:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise ScenarioInvalid(f"{path}: cannot be read ({e})") from None
    except tomllib.TOMLDecodeError as e:
        raise ScenarioInvalid(f"{path}: not TOML ({e})") from None
    return scenario_from(data, path)


def scenario_from(data: Mapping[str, Any], path: Path) -> Scenario:
    """The scenario a parsed file holds: ``title`` and an array of tables ``[[act]]``."""
    unknown = sorted(set(data) - {"title", "act"})
    if unknown:
        raise ScenarioInvalid(f"{path}: unknown top-level key(s) {', '.join(unknown)}: a "
                              "scenario has a title and [[act]] tables")
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        raise ScenarioInvalid(f"{path}: the scenario needs a title")
    acts = data.get("act")
    if not isinstance(acts, list) or not acts:
        raise ScenarioInvalid(f"{path}: the scenario has no [[act]] tables")
    return Scenario(title, path, tuple(act_from(i, raw) for i, raw in enumerate(acts, 1)))


def act_from(index: int, raw: Any) -> Act:
    if not isinstance(raw, dict):
        raise ScenarioInvalid(f"act {index}: must be a table")
    name = raw.get("act")
    if not isinstance(name, str) or name not in KINDS:
        raise ScenarioInvalid(f"act {index}: {name!r} is not a kind of act; one of "
                              f"{', '.join(sorted(KINDS))}")
    kind = KINDS[name]
    where = f"act {index} ({name})"
    missing = sorted(set(kind.required) - set(raw))
    if missing:
        raise ScenarioInvalid(f"{where}: missing field {', '.join(map(repr, missing))}")
    extra = sorted(set(raw) - set(kind.required) - set(kind.optional) - COMMON)
    if extra:
        allowed = sorted({*kind.required, *kind.optional})
        raise ScenarioInvalid(f"{where}: unknown field {', '.join(map(repr, extra))}; it takes "
                              f"{', '.join(allowed)}")
    if "as" in raw and kind.makes is None:
        raise ScenarioInvalid(f"{where}: field 'as' labels a record, and a {name} act creates "
                              "none")
    checked: dict[str, Any] = {}
    for key, check in {**kind.required, **kind.optional}.items():
        if key in raw:
            try:
                checked[key] = check(raw[key])
            except fields.FieldProblem as e:
                raise ScenarioInvalid(f"{where}: field {key!r} {e}") from None
    try:
        return Act(index, name, MappingProxyType(checked),
                   says=_optional(raw, "says"), source=_source(raw.get("source")),
                   figures=_optional(raw, "figures"), label=_optional(raw, "as") or None,
                   expect_refusal=_optional(raw, "expect_refusal") or None)
    except fields.FieldProblem as e:
        raise ScenarioInvalid(f"{where}: {e}") from None


def _optional(raw: Mapping[str, Any], key: str) -> str:
    if key not in raw:
        return ""
    try:
        return fields.text(raw[key])
    except fields.FieldProblem as e:
        raise fields.FieldProblem(f"field {key!r} {e}") from None


def _source(raw: Any) -> Source | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or set(raw) != set(SOURCE_KEYS):
        raise fields.FieldProblem(f"field 'source' must be a table {{work, date, where}}, "
                                  f"not {raw!r}")
    parts = {k: fields.day(raw[k]) if k == "date" and not isinstance(raw[k], str)
             else fields.text(raw[k]) for k in SOURCE_KEYS}
    return Source(**parts)
