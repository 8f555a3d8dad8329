"""The value types of charter fields: exact fractions, calendar periods, dates, counts, names.

Fractions are written as quoted text ("1/2", "0.05", "5%") so they stay exact: a float would
turn 1/3 into 0.333... and a two-thirds majority would no longer be two thirds.
"""

from __future__ import annotations

import difflib
import re
from datetime import date, datetime
from fractions import Fraction
from typing import Annotated, TypeVar

from pydantic import Field, PlainSerializer, PlainValidator
from pydantic_core import PydanticCustomError

from soviet.charter.period import Duration, Period, PeriodError
from soviet.charter.vocabulary import COUNTING_METHODS

_RATIO = re.compile(r"(\d+)\s*/\s*(\d+)")
_DECIMAL = re.compile(r"\d+(?:\.\d+)?")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")


def invalid(message: str) -> PydanticCustomError:
    """A validation error whose text is ``message`` exactly (pydantic would format braces)."""
    return PydanticCustomError("charter", "{message}", {"message": message})


def shown(value: object) -> str:
    """A value as the charter author wrote it: text in quotes, numbers and booleans as in TOML."""
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return str(value)


def format_fraction(value: Fraction) -> str:
    """Always "p/q", so the stored form says plainly that the value is an exact fraction."""
    return f"{value.numerator}/{value.denominator}"


def parse_fraction(value: object) -> Fraction:
    """Read "2/3", "0.05" or "5%" (a Fraction passes through); anything else is an error."""
    if isinstance(value, Fraction):
        return value
    if not isinstance(value, str):
        raise invalid(
            f'must be a fraction in quotes, such as "1/2", "2/3" or "0.05", got {shown(value)}'
        )
    text = value.strip()
    if ratio := _RATIO.fullmatch(text):
        numerator, denominator = int(ratio.group(1)), int(ratio.group(2))
        if denominator == 0:
            raise invalid(f"has a zero denominator, got {shown(value)}")
        return Fraction(numerator, denominator)
    if _DECIMAL.fullmatch(text):
        return Fraction(text)
    if percent := _PERCENT.fullmatch(text):
        return Fraction(percent.group(1)) / 100
    raise invalid(f'must be a fraction such as "1/2", "2/3", "0.05" or "5%", got {shown(value)}')


def _share(value: object) -> Fraction:
    share = parse_fraction(value)
    if share == 0:
        raise invalid(f"must be more than 0, got {shown(value)}")
    if share > 1:
        written = value if isinstance(value, str) else format_fraction(share)
        raise invalid(f"must be a fraction between 0 and 1, got {written}")
    return share


Length = TypeVar("Length", Period, Duration)


def _length(value: object, kind: type[Length], noun: str, examples: str) -> Length:
    """A period or duration: one already built, or text; never zero."""
    if isinstance(value, kind):
        length = value
    elif isinstance(value, str):
        try:
            length = kind.parse(value)
        except PeriodError as error:
            raise invalid(str(error)) from None
    else:
        raise invalid(f"must be a {noun} in quotes, such as {examples}, got {shown(value)}")
    if length == kind():
        raise invalid(f"must be longer than zero, got {shown(value)}")
    return length


def _period(value: object) -> Period:
    return _length(value, Period, "period", '"4 years" or "30 days"')


def _duration(value: object) -> Duration:
    return _length(value, Duration, "duration", '"3 minutes" or "90 seconds"')


def _day(value: object) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise invalid(f"must be a date such as 2024-05-12, got {shown(value)}")


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise invalid(f"must be text in quotes, got {shown(value)}")
    if not value.strip():
        raise invalid("must not be empty")
    return value


def _counting_method(value: object) -> str:
    name = _text(value)
    if name not in COUNTING_METHODS:
        close = difflib.get_close_matches(name, COUNTING_METHODS, n=1)
        hint = (
            f'; did you mean "{close[0]}"?'
            if close
            else f"; known: {', '.join(sorted(COUNTING_METHODS))}"
        )
        raise invalid(f"is not a known counting method, got {shown(value)}{hint}")
    return name


Share = Annotated[
    Fraction, PlainValidator(_share), PlainSerializer(format_fraction, return_type=str)
]
"""A fraction above 0 and at most 1: a quorum, a majority, a share of the electorate."""

PeriodValue = Annotated[Period, PlainValidator(_period), PlainSerializer(str, return_type=str)]
"""A period longer than zero."""

DurationValue = Annotated[
    Duration, PlainValidator(_duration), PlainSerializer(str, return_type=str)
]
"""A clock duration longer than zero."""

Day = Annotated[date, PlainValidator(_day), PlainSerializer(date.isoformat, return_type=str)]
"""A calendar date (TOML date, or ISO text in the JSON form)."""

Text = Annotated[str, PlainValidator(_text)]
"""Text that is not blank."""

CountingMethod = Annotated[str, PlainValidator(_counting_method)]
"""The name of a counting method in ``COUNTING_METHODS``."""

Count = Annotated[int, Field(ge=0)]
"""A whole number, zero or more."""

Positive = Annotated[int, Field(ge=1)]
"""A whole number, one or more."""

Items = Field(strict=False)
"""Marks a list field: TOML gives lists, the model keeps them as (immutable) tuples."""
