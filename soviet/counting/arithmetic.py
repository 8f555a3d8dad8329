"""The arithmetic a count is made in, kept apart from the rules so each rule states its own.

A statute fixes how votes are computed as much as how they move: the Scottish Order (SSI 2007/42,
Sch. 1 r. 48(3)) makes each transfer value "to five decimal places (any remainder being
ignored)", Minneapolis (ch. 167.20) to four, Meek's method is defined on exact fractions. A rule
module therefore takes an :class:`Arithmetic` as a parameter and calls only its operations.

Values are plain Python numbers so they are exact and cheap to compare: a fixed-point value is
the integer count of its smallest unit (``3.00000`` is ``300000`` at five places), a rational is
a :class:`~fractions.Fraction`. Arrays of values are numpy arrays: ``int64`` when the products a
rule forms cannot overflow, ``object`` (Python integers or fractions) otherwise.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from decimal import MAX_PREC, ROUND_HALF_UP, Context, Decimal, localcontext
from fractions import Fraction
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt

Value = int | Fraction
Values = npt.NDArray[Any]

INT64_LIMIT = 2**62  # products kept below this stay exact in int64, with room for a sum


class Arithmetic(ABC):
    """How a count adds, multiplies, divides and compares its votes."""

    name: str
    exact: bool  # no rounding error to allow for when testing a quota

    @property
    @abstractmethod
    def epsilon(self) -> Value:
        """The smallest positive step (zero where there is none: exact fractions)."""

    @abstractmethod
    def integer(self, n: int) -> Value:
        """The value of a whole number of votes."""

    @abstractmethod
    def mul(self, a: Any, b: Any, *, up: bool = False) -> Any:
        """``a * b`` in this arithmetic, dropping (or with ``up``, rounding up) what is lost."""

    @abstractmethod
    def div(self, a: Any, b: Any, *, up: bool = False) -> Any:
        """``a / b``, truncated (or rounded up) to this arithmetic's precision."""

    @abstractmethod
    def muldiv(self, a: Any, b: Any, c: Any, *, up: bool = False) -> Any:
        """``a * b / c`` keeping ``a * b`` whole, as the Scottish "A divided by B" requires."""

    @abstractmethod
    def number(self, v: Value) -> int | Decimal | Fraction:
        """The value as a number a report can print exactly."""

    @property
    def published_places(self) -> int | None:
        """Decimal places a report prints the figures at; None for exact fractions, which
        have no places of their own."""
        return None

    @abstractmethod
    def array(self, values: Any) -> Values:
        """An array of values with the dtype this arithmetic computes in."""

    def full(self, n: int, v: Value) -> Values:
        """``n`` copies of ``v`` (a fresh array of paper values)."""
        return self.array(np.full(n, v, dtype=object))

    def compare(self, a: Value, b: Value) -> int:
        """-1, 0 or 1 as ``a`` is below, equal to or above ``b``."""
        return (a > b) - (a < b)

    def eq(self, a: Value, b: Value) -> bool:
        return self.compare(a, b) == 0

    def lt(self, a: Value, b: Value) -> bool:
        return self.compare(a, b) < 0

    def le(self, a: Value, b: Value) -> bool:
        return self.compare(a, b) <= 0

    def below(self, a: Any, b: Any) -> npt.NDArray[np.bool_]:
        """Elementwise ``a < b`` in this arithmetic's sense, for arrays of values."""
        return np.asarray(a < b, dtype=bool)

    def minimum(self, values: list[Value]) -> Value:
        """The least of ``values`` by their actual amount (not the tolerant comparison)."""
        return min(values)


def _floordiv(a: Any, b: Any, up: bool) -> Any:
    """Integer division of non-negative amounts, truncated or rounded up, scalar or array."""
    if up:
        return -((-a) // b)
    return a // b


def _widen(a: Any, b: Any) -> tuple[Any, Any]:
    """Move int64 operands to Python integers when their product could overflow."""
    if not (isinstance(a, np.ndarray) or isinstance(b, np.ndarray)):
        return a, b
    big_a = _magnitude(a)
    big_b = _magnitude(b)
    if big_a * big_b < INT64_LIMIT:
        return a, b
    return _as_object(a), _as_object(b)


def _magnitude(x: Any) -> int:
    if isinstance(x, np.ndarray):
        return int(np.abs(x).max()) if x.size else 0
    return abs(int(x))


def _as_object(x: Any) -> Any:
    if isinstance(x, np.ndarray) and x.dtype != object:
        return x.astype(object)
    return x


class Scaled(Arithmetic):
    """Values held as whole numbers of the smallest unit, ``10**-digits``: fixed point."""

    @property
    @abstractmethod
    def digits(self) -> int:
        """Decimal places the units are counted in."""

    @cached_property
    def scale(self) -> int:
        """Units in one vote; cached: every whole vote a tally credits is multiplied by it."""
        return int(10**self.digits)

    @property
    def epsilon(self) -> Value:
        return 1

    def integer(self, n: int) -> Value:
        return n * self.scale

    def number(self, v: Value) -> int | Decimal:
        # From text: exact at any size (scaleb would round to the context's 28 digits).
        return Decimal(f"{int(v)}E-{self.digits}")

    @property
    def published_places(self) -> int | None:
        return self.digits


@dataclass(frozen=True)
class Fixed(Scaled):
    """Fixed-point decimal with ``places`` digits; every product and quotient truncated.

    This is the arithmetic of the statutes that name a number of decimal places: "the
    calculation being made to five decimal places (any remainder being ignored)". Votes are
    never negative, so truncating is flooring.
    """

    places: int
    name: str = "fixed"
    exact: bool = False

    def __post_init__(self) -> None:
        if self.places < 0:
            raise ValueError(f"fixed-point places must be >= 0, got {self.places}")

    @property
    def digits(self) -> int:
        return self.places

    def mul(self, a: Any, b: Any, *, up: bool = False) -> Any:
        a, b = _widen(a, b)
        return _floordiv(a * b, self.scale, up)

    def div(self, a: Any, b: Any, *, up: bool = False) -> Any:
        a, s = _widen(a, self.scale)
        return _floordiv(a * s, b, up)

    def muldiv(self, a: Any, b: Any, c: Any, *, up: bool = False) -> Any:
        a, b = _widen(a, b)
        return _floordiv(a * b, c, up)

    def array(self, values: Any) -> Values:
        return np.asarray(values, dtype=self.dtype)

    def full(self, n: int, v: Value) -> Values:
        return np.full(n, v, dtype=self.dtype)

    @property
    def dtype(self) -> type:
        """int64 while one unit squared still fits; Python integers beyond."""
        return np.int64 if self.places <= 9 else object


@dataclass(frozen=True)
class Whole(Fixed):
    """Whole papers, never revalued: the arithmetic of a count that only excludes (instant
    runoff). Fixed point with no places, its figures reported as plain whole numbers."""

    places: int = field(default=0, init=False)
    name: str = "whole"

    def number(self, v: Value) -> int:
        return int(v)


@dataclass(frozen=True)
class Guarded(Scaled):
    """Fixed point with ``guard`` extra digits, where amounts closer than half a unit of the
    ``places``-th digit count as equal.

    With enough digits it reaches the same decisions as exact fractions, far faster; it is the
    arithmetic the droop counter uses for its Meek and WIGM reference counts.
    """

    places: int
    guard: int
    name: str = "guarded"
    exact: bool = True

    def __post_init__(self) -> None:
        if self.places < 0 or self.guard < 1:
            raise ValueError(
                f"guarded arithmetic needs places >= 0 and guard >= 1, got "
                f"{self.places} and {self.guard}"
            )

    @property
    def digits(self) -> int:
        return self.places + self.guard

    @property
    def published_places(self) -> int | None:
        """The places the rule names: the guard digits only keep its decisions exact."""
        return self.places

    @property
    def tolerance(self) -> int:
        return max(int(10**self.guard) // 2, 1)

    def mul(self, a: Any, b: Any, *, up: bool = False) -> Any:
        return _as_object(a) * _as_object(b) // self.scale

    def div(self, a: Any, b: Any, *, up: bool = False) -> Any:
        return _as_object(a) * self.scale // b

    def muldiv(self, a: Any, b: Any, c: Any, *, up: bool = False) -> Any:
        return _as_object(a) * _as_object(b) // c

    def array(self, values: Any) -> Values:
        return np.asarray(values, dtype=object)

    def below(self, a: Any, b: Any) -> npt.NDArray[np.bool_]:
        return np.asarray(b - a >= self.tolerance, dtype=bool)

    def compare(self, a: Value, b: Value) -> int:
        d = int(a) - int(b)
        if abs(d) < self.tolerance:
            return 0
        return 1 if d > 0 else -1


@dataclass(frozen=True)
class Rational(Arithmetic):
    """Exact fractions: no rounding anywhere, the arithmetic Meek's method is defined in."""

    name: str = "rational"
    exact: bool = True

    @property
    def epsilon(self) -> Value:
        return Fraction(0)

    def integer(self, n: int) -> Value:
        return Fraction(n)

    def mul(self, a: Any, b: Any, *, up: bool = False) -> Any:
        return _as_object(a) * b

    def div(self, a: Any, b: Any, *, up: bool = False) -> Any:
        if isinstance(a, np.ndarray):
            return _as_object(a) / b
        return Fraction(a) / b

    def muldiv(self, a: Any, b: Any, c: Any, *, up: bool = False) -> Any:
        return self.div(self.mul(a, b), c)

    def number(self, v: Value) -> Fraction:
        return Fraction(v)

    def array(self, values: Any) -> Values:
        out = np.asarray(values, dtype=object)
        return np.vectorize(Fraction, otypes=[object])(out) if out.size else out


def arithmetic_named(
    kind: str, precision: int | None = None, guard: int | None = None
) -> Arithmetic:
    """The arithmetic named by a rule's options: ``fixed``, ``guarded`` or ``rational``."""
    if kind == "rational":
        return Rational()
    if precision is None:
        raise ValueError(f"{kind} arithmetic needs a precision (decimal places)")
    if kind == "fixed":
        return Fixed(precision)
    if kind == "guarded":
        return Guarded(precision, precision // 2 if guard is None else guard)
    raise ValueError(f"unknown arithmetic {kind!r}; known: fixed, guarded, rational")


def show(v: int | float | Decimal | Fraction, places: int) -> str:
    """``v`` rounded half up to ``places`` decimals, as counts are published (in a context
    as precise as the figure needs: the default 28 digits would fail at 10 digits and 18
    places)."""
    q = Decimal(1).scaleb(-places)
    with localcontext(Context(prec=MAX_PREC)):
        if isinstance(v, Fraction):
            scaled = (v * 10**places + Fraction(1, 2)).__floor__()
            return f"{Decimal(scaled).scaleb(-places).quantize(q):f}"
        return f"{Decimal(v).quantize(q, rounding=ROUND_HALF_UP):f}"
