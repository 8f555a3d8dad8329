"""Lengths of time as a charter states them, in words ("4 years", "3 minutes") or ISO 8601.

A charter counts terms and intervals in calendar units, so a ``Period`` keeps months and days
apart (a year is 12 months, a week 7 days) and is added to a date by the calendar, not by
seconds: one month after 31 January is the last day of February. Speaking times are clock
time, so a ``Duration`` is whole seconds.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

_SEPARATOR = re.compile(r"\s*,\s*|\s+and\s+|\s+", re.IGNORECASE)
_PERIOD_UNITS = ("year", "month", "week", "day")
_DURATION_UNITS = ("hour", "minute", "second")
_ISO_PERIOD = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?", re.IGNORECASE)
_ISO_DURATION = re.compile(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?", re.IGNORECASE)


class PeriodError(ValueError):
    """A text that is not a period or duration; the message says what is wrong in words."""


@dataclass(frozen=True)
class Period:
    """Whole months and whole days; equal periods compare equal however they were written.
    Periods are not ordered: whether 1 month is longer than 30 days depends on the month."""

    months: int = 0
    days: int = 0

    def __post_init__(self) -> None:
        if self.months < 0 or self.days < 0:
            raise PeriodError(
                f"a period cannot be negative, got {self.months} months {self.days} days"
            )

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read "1 year 6 months", "8 weeks", "30 days" or ISO 8601 "P1Y6M", "P8W", "P30D"."""
        stripped = text.strip()
        if stripped[:2].upper() == "PT":
            raise PeriodError(
                f'is clock time; a period counts years, months, weeks and days, got "{text}"'
            )
        if stripped[:1].upper() == "P":
            years, months, weeks, days = _read_iso(
                _ISO_PERIOD, stripped, 'period like "P4Y" or "P30D"'
            )
        else:
            amounts = _read_words(
                stripped, _PERIOD_UNITS, 'period like "4 years", "6 months", "30 days" or "P4Y"'
            )
            years, months, weeks, days = (amounts.get(unit, 0) for unit in _PERIOD_UNITS)
        return cls(months=12 * years + months, days=7 * weeks + days)

    def __str__(self) -> str:
        years, months = divmod(self.months, 12)
        return _spell(((years, "year"), (months, "month"), (self.days, "day"))) or "0 days"

    def after(self, start: date) -> date:
        """The date this period after ``start``: months first (kept within the month), then days."""
        return _add_months(start, self.months) + timedelta(days=self.days)

    def before(self, end: date) -> date:
        """The date this period before ``end``: months first (kept within the month), then days."""
        return _add_months(end, -self.months) - timedelta(days=self.days)


@dataclass(frozen=True, order=True)
class Duration:
    """Clock time in whole seconds, e.g. a speaking time."""

    seconds: int = 0

    def __post_init__(self) -> None:
        if self.seconds < 0:
            raise PeriodError(f"a duration cannot be negative, got {self.seconds} seconds")

    @classmethod
    def parse(cls, text: str) -> Duration:
        """Read "3 minutes", "1 minute 30 seconds", "90 seconds" or ISO 8601 "PT3M", "PT90S"."""
        stripped = text.strip()
        if stripped[:1].upper() == "P":
            hours, minutes, seconds = _read_iso(
                _ISO_DURATION, stripped, 'duration like "PT3M" or "PT90S"'
            )
        else:
            amounts = _read_words(
                stripped, _DURATION_UNITS, 'duration like "3 minutes", "90 seconds" or "PT3M"'
            )
            hours, minutes, seconds = (amounts.get(unit, 0) for unit in _DURATION_UNITS)
        return cls(seconds=3600 * hours + 60 * minutes + seconds)

    def __str__(self) -> str:
        hours, rest = divmod(self.seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        spelt = _spell(((hours, "hour"), (minutes, "minute"), (seconds, "second")))
        return spelt or "0 seconds"


def _read_words(text: str, units: Sequence[str], what: str) -> dict[str, int]:
    """Amounts per unit from "<n> <unit>" parts joined by spaces, commas or "and"."""
    part = re.compile(rf"(\d+)\s*({'|'.join(units)})s?", re.IGNORECASE)
    amounts: dict[str, int] = {}
    position = 0
    while position < len(text):
        if amounts:
            separator = _SEPARATOR.match(text, position)
            if separator is None:
                break
            position = separator.end()
        found = part.match(text, position)
        if found is None:
            break
        unit = found.group(2).lower()
        if unit in amounts:
            raise PeriodError(f'names {unit}s twice, got "{text}"')
        amounts[unit] = int(found.group(1))
        position = found.end()
    if not amounts or position != len(text):
        raise PeriodError(f'is not a {what}, got "{text}"')
    return amounts


def _read_iso(pattern: re.Pattern[str], text: str, what: str) -> tuple[int, ...]:
    match = pattern.fullmatch(text)
    if match is None or not any(match.groups()):
        raise PeriodError(f'is not an ISO 8601 {what}, got "{text}"')
    return tuple(int(group) if group else 0 for group in match.groups())


def _spell(parts: tuple[tuple[int, str], ...]) -> str:
    return " ".join(f"{count} {unit}{'' if count == 1 else 's'}" for count, unit in parts if count)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))
