"""Reading a charter from TOML (a file an organisation writes) and from JSON (the ledger's copy).

Every problem is collected before anything is refused: each section is validated on its own,
then the cross-field checks run over the sections that passed, and ``CharterInvalid`` carries
the lot.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

from pydantic import TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from soviet.charter.charter import Charter
from soviet.charter.checks import charter_problems
from soviet.charter.messages import problems_from, unknown_key
from soviet.charter.problems import CharterInvalid, Problem


def _section_adapter(field: FieldInfo) -> TypeAdapter[Any]:
    """A validator for one top-level field of Charter alone, with the field's own constraints."""
    annotated: Any = Annotated[field.annotation, field]
    return TypeAdapter(annotated)


_SECTIONS = {name: _section_adapter(field) for name, field in Charter.model_fields.items()}
_RANK = {name: rank for rank, name in enumerate(_SECTIONS)}
_TOML_POSITION = re.compile(r"(.*) \(at line (\d+), column (\d+)\)", re.DOTALL)


def load_charter(path: str | Path) -> Charter:
    """Read and check the charter in a TOML file."""
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise CharterInvalid([Problem("file", "is not UTF-8 text")], source) from None
    except OSError as error:
        raise CharterInvalid(
            [Problem("file", f"cannot be read: {error.strerror}")], source
        ) from None
    return parse_charter(text, source=source)


def parse_charter(text: str, source: str = "charter") -> Charter:
    """Read and check a charter from TOML text; ``source`` names it in the error."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CharterInvalid([_syntax_problem(str(error))], source) from None
    except RecursionError:  # arrays or tables nested deeper than the parser can follow
        raise CharterInvalid([_syntax_problem("nested too deeply to read")], source) from None
    return charter_from_data(data, source)


def charter_to_json(charter: Charter) -> dict[str, Any]:
    """The charter as JSON data (fractions as "p/q", periods as "4 years", unset fields left out),
    which ``charter_from_json`` turns back into an equal charter."""
    return charter.model_dump(mode="json", exclude_none=True)


def charter_from_json(data: Mapping[str, Any]) -> Charter:
    """The charter stored by ``charter_to_json``, checked again as a file would be."""
    return charter_from_data(data, source="charter (JSON)")


def charter_from_data(data: Mapping[str, Any], source: str) -> Charter:
    """Check parsed charter data section by section and build the Charter, or report all faults."""
    problems: list[Problem] = [
        Problem(key, unknown_key(key, list(_SECTIONS))) for key in data if key not in _SECTIONS
    ]
    sections: dict[str, object] = {}
    for name, adapter in _SECTIONS.items():
        if name not in data:
            if Charter.model_fields[name].is_required():
                problems.append(Problem(name, "is missing: every charter must have it"))
            continue
        try:
            sections[name] = adapter.validate_python(data[name])
        except ValidationError as error:
            problems += problems_from(error, name, Charter.model_fields[name].annotation)
    declared = {name for name in _SECTIONS if data.get(name) is not None}
    problems += charter_problems(sections, declared)
    if problems:
        raise CharterInvalid(sorted(problems, key=_section_rank), source)
    return Charter.model_validate(sections)


def _section_rank(problem: Problem) -> int:
    """Problems are listed section by section, in the order the schema declares the sections."""
    return _RANK.get(re.split(r"[.\[]", problem.path, maxsplit=1)[0], -1)


def _syntax_problem(message: str) -> Problem:
    match = _TOML_POSITION.fullmatch(message)
    if match is None:
        return Problem("file", f"is not valid TOML: {message}")
    what, line, column = match.groups()
    return Problem(f"line {line}", f"TOML syntax error at column {column}: {what}")
