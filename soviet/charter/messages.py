"""Pydantic's validation errors rewritten as Problems: a field path and a plain sentence."""

from __future__ import annotations

import difflib
import types
from collections.abc import Iterator, Sequence
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from soviet.charter.field_types import shown
from soviet.charter.problems import Problem, field_path


def problems_from(error: ValidationError, section: str, annotation: Any) -> Iterator[Problem]:
    """One Problem per error of a section validated against ``annotation``."""
    for detail in error.errors(include_url=False):
        loc = detail["loc"]
        yield Problem(field_path((section, *loc)), _sentence(detail, annotation, loc))


def unknown_key(key: str, known: Sequence[str]) -> str:
    """The sentence for a key the charter does not have, with the nearest real key if any."""
    close = difflib.get_close_matches(key, known, n=1)
    return "is not a charter key" + (f'; did you mean "{close[0]}"?' if close else "")


def _sentence(detail: ErrorDetails, annotation: Any, loc: tuple[int | str, ...]) -> str:
    kind = detail["type"]
    got = shown(detail["input"])
    context = detail.get("ctx") or {}
    if kind == "charter":
        return detail["msg"]
    if kind == "missing":
        return "is missing: this section must set it"
    if kind == "extra_forbidden":
        model = _model_at(annotation, loc[:-1])
        known = list(model.model_fields) if model is not None else []
        return unknown_key(str(loc[-1]), known)
    if kind == "literal_error":
        expected = str(context.get("expected", "")).replace("'", '"')
        return f"must be one of {expected}, got {got}"
    if kind == "int_type":
        return f"must be a whole number, got {got}"
    if kind == "greater_than_equal":
        return f"must be at least {context['ge']}, got {got}"
    if kind == "bool_type":
        return f"must be true or false, got {got}"
    if kind == "string_type":
        return f"must be text in quotes, got {got}"
    if kind in ("model_type", "dict_type"):
        return f"must be a table (a [section] or {{ key = value, ... }}), got {got}"
    if kind == "tuple_type":
        return f"must be a list [ ... ], got {got}"
    message = detail["msg"]
    return message[:1].lower() + message[1:]


def _model_at(annotation: Any, loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The model class found by following ``loc`` from ``annotation``, for key suggestions."""
    current = _unwrap(annotation)
    for part in loc:
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return None
            current = field.annotation
        elif get_origin(current) is tuple:
            current = get_args(current)[0]
        elif get_origin(current) is dict:
            current = get_args(current)[1]
        else:
            return None
        current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """Strip ``Annotated[...]`` and ``X | None`` down to X."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            members = [a for a in get_args(annotation) if a is not type(None)]
            if len(members) != 1:
                return annotation
            annotation = members[0]
        else:
            return annotation
