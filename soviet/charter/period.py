"""A length of time as a charter states it: "4 years", "6 months", "30 days", or ISO 8601 "P4Y".

Charters count terms and intervals in calendar units, so a period keeps months and days apart
(a year is 12 months, a week 7 days) and is added to a date by the calendar, not by seconds:
one month after 31 January is the last day of February.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_UNITS = {
    "year": ("months", 12),
    "month": ("months", 1),
    "week": ("days", 7),
    "day": ("days", 1),
}
_READABLE_PART = re.compile(r"(\d+)\s*(year|month|week|day)s?", re.IGNORECASE)
_SEPARATOR = re.compile(r"(\s*,\s*|\s+and\s+|\s+)", re.IGNORECASE)
_ISO = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?", re.IGNORECASE)


class PeriodError(ValueError):
    """A text that is not a period; the message says what is wrong in words."""


@dataclass(frozen=True, order=True)
class Period:
    """Whole months and whole days; equal periods compare equal however they were written."""

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
        if stripped[:1] in ("P", "p"):
            return cls._parse_iso(stripped)
        return cls._parse_readable(stripped)

    @classmethod
    def _parse_iso(cls, text: str) -> Period:
        if "T" in text.upper():
            raise PeriodError(f'hours, minutes and seconds are not used in a charter, got "{text}"')
        match = _ISO.fullmatch(text)
        if match is None or text.upper() == "P":
            raise PeriodError(f'is not an ISO 8601 period like "P4Y" or "P30D", got "{text}"')
        years, months, weeks, days = (int(g) if g else 0 for g in match.groups())
        return cls(months=12 * years + months, days=7 * weeks + days)

    @classmethod
    def _parse_readable(cls, text: str) -> Period:
        totals = {"months": 0, "days": 0}
        seen: set[str] = set()
        position = 0
        while position < len(text):
            if seen:
                separator = _SEPARATOR.match(text, position)
                if separator is None:
                    break
                position = separator.end()
            part = _READABLE_PART.match(text, position)
            if part is None:
                break
            unit = part.group(2).lower()
            if unit in seen:
                raise PeriodError(f'names {unit}s twice, got "{text}"')
            seen.add(unit)
            field, factor = _UNITS[unit]
            totals[field] += factor * int(part.group(1))
            position = part.end()
        if not seen or position != len(text):
            raise PeriodError(
                f'is not a period like "4 years", "6 months", "30 days" or "P4Y", got "{text}"'
            )
        return cls(**totals)

    def __str__(self) -> str:
        years, months = divmod(self.months, 12)
        parts = [
            f"{count} {unit}{'' if count == 1 else 's'}"
            for count, unit in ((years, "year"), (months, "month"), (self.days, "day"))
            if count
        ]
        return " ".join(parts) or "0 days"

    def iso(self) -> str:
        """The ISO 8601 form, e.g. "P1Y6M"; "P0D" for an empty period."""
        years, months = divmod(self.months, 12)
        text = "".join(f"{n}{u}" for n, u in ((years, "Y"), (months, "M"), (self.days, "D")) if n)
        return f"P{text or '0D'}"

    def after(self, start: date) -> date:
        """The date this period after ``start``: months first (kept within the month), then days."""
        return _add_months(start, self.months) + timedelta(days=self.days)

    def before(self, end: date) -> date:
        """The date this period before ``end``: months first (kept within the month), then days."""
        return _add_months(end, -self.months) - timedelta(days=self.days)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))
