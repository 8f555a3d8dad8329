"""Periods: every written form, calendar arithmetic, and refusals in words."""

from __future__ import annotations

from datetime import date

import pytest

from soviet.charter import Duration, Period, PeriodError


@pytest.mark.parametrize(
    ("written", "months", "days"),
    [
        ("4 years", 48, 0),
        ("1 year", 12, 0),
        ("12 months", 12, 0),
        ("1 year 6 months", 18, 0),
        ("1 year, 6 months", 18, 0),
        ("1 year and 6 months", 18, 0),
        ("8 weeks", 0, 56),
        ("30 days", 0, 30),
        ("2 Years 10 Days", 24, 10),
        ("  3 months  ", 3, 0),
        ("1year", 12, 0),
        ("P4Y", 48, 0),
        ("P1Y6M", 18, 0),
        ("P8W", 0, 56),
        ("P30D", 0, 30),
        ("p2y1d", 24, 1),
    ],
)
def test_written_forms(written: str, months: int, days: int) -> None:
    assert Period.parse(written) == Period(months, days)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("", 'is not a period like "4 years"'),
        ("4", 'is not a period like "4 years"'),
        ("years", 'is not a period like "4 years"'),
        ("4 fortnights", 'is not a period like "4 years"'),
        ("-1 year", 'is not a period like "4 years"'),
        ("1.5 years", 'is not a period like "4 years"'),
        ("4 years monthly", 'is not a period like "4 years"'),
        ("1 year 2 years", "names years twice"),
        ("P", 'is not an ISO 8601 period like "P4Y"'),
        ("P1.5Y", 'is not an ISO 8601 period like "P4Y"'),
        ("PT4H", "is clock time; a period counts years, months, weeks and days"),
    ],
)
def test_refusals(written: str, message: str) -> None:
    with pytest.raises(PeriodError, match=message) as caught:
        Period.parse(written)
    assert f'got "{written}"' in str(caught.value)


def test_negative_parts_are_refused() -> None:
    with pytest.raises(PeriodError, match="cannot be negative"):
        Period(months=-1)


@pytest.mark.parametrize(
    ("period", "text"),
    [
        (Period(48), "4 years"),
        (Period(18), "1 year 6 months"),
        (Period(1), "1 month"),
        (Period(0, 1), "1 day"),
        (Period(24, 10), "2 years 10 days"),
        (Period(), "0 days"),
    ],
)
def test_canonical_text(period: Period, text: str) -> None:
    assert str(period) == text
    assert Period.parse(text) == period


@pytest.mark.parametrize(
    ("period", "start", "after"),
    [
        ("1 month", date(2024, 1, 31), date(2024, 2, 29)),
        ("1 month", date(2023, 1, 31), date(2023, 2, 28)),
        ("4 years", date(2024, 2, 29), date(2028, 2, 29)),
        ("1 year", date(2024, 2, 29), date(2025, 2, 28)),
        ("30 days", date(2024, 1, 15), date(2024, 2, 14)),
        ("1 month 1 day", date(2024, 1, 31), date(2024, 3, 1)),
        ("6 months", date(1917, 10, 25), date(1918, 4, 25)),
        ("8 weeks", date(2024, 12, 20), date(2025, 2, 14)),
    ],
)
def test_calendar_arithmetic(period: str, start: date, after: date) -> None:
    assert Period.parse(period).after(start) == after


def test_before_counts_back_by_the_calendar() -> None:
    assert Period.parse("1 month").before(date(2024, 3, 31)) == date(2024, 2, 29)
    assert Period.parse("8 weeks").before(date(2025, 2, 14)) == date(2024, 12, 20)
    assert Period.parse("1 year 1 day").before(date(2025, 1, 1)) == date(2023, 12, 31)


@pytest.mark.parametrize(
    ("written", "seconds"),
    [
        ("5 minutes", 300),
        ("1 minute 30 seconds", 90),
        ("1 minute and 30 seconds", 90),
        ("90 seconds", 90),
        ("1 hour", 3600),
        ("PT3M", 180),
        ("PT1M30S", 90),
        ("pt2h", 7200),
    ],
)
def test_duration_written_forms(written: str, seconds: int) -> None:
    assert Duration.parse(written) == Duration(seconds)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("5 minuets", 'is not a duration like "3 minutes", "90 seconds" or "PT3M"'),
        ("5 days", 'is not a duration like "3 minutes"'),
        ("P5D", 'is not an ISO 8601 duration like "PT3M" or "PT90S"'),
        ("PT", 'is not an ISO 8601 duration like "PT3M" or "PT90S"'),
        ("2 minutes 3 minutes", "names minutes twice"),
    ],
)
def test_duration_refusals(written: str, message: str) -> None:
    with pytest.raises(PeriodError, match=message):
        Duration.parse(written)


def test_durations_are_spelt_and_ordered() -> None:
    assert str(Duration(90)) == "1 minute 30 seconds"
    assert str(Duration(3600 + 5)) == "1 hour 5 seconds"
    assert str(Duration()) == "0 seconds"
    assert Duration.parse("3 minutes") < Duration.parse("5 minutes")
    with pytest.raises(PeriodError, match="cannot be negative"):
        Duration(-1)
