"""The Droop quota in the two forms the transferable-vote texts use.

Whole: the papers divided by one more than the seats, fractions ignored, plus one (SSI 2007/42
Sch. 1 r. 46; Minneapolis 167.20 "Threshold"). Fractional: the votes divided by one more than
the seats, plus the arithmetic's smallest unit so that reaching it is enough (PRF reference
rules, WIGM A.1 and Meek B.2.b); in exact arithmetic nothing is added and a candidate must
exceed it instead (the droop counter's ``meek`` and ``wigm`` rules).
"""

from __future__ import annotations

from soviet.counting.arithmetic import Arithmetic, Value


def whole_quota(papers: int, seats: int, arith: Arithmetic) -> Value:
    """``papers // (seats + 1) + 1`` votes."""
    return arith.integer(papers // (seats + 1) + 1)


def fractional_quota(votes: Value, seats: int, arith: Arithmetic) -> Value:
    """``votes / (seats + 1)`` truncated, plus the smallest unit unless exact."""
    share: Value = arith.div(votes, arith.integer(seats + 1))
    return share if arith.exact else share + arith.epsilon


def has_fractional_quota(vote: Value, quota: Value, arith: Arithmetic) -> bool:
    """Reaches a :func:`fractional_quota` (exceeds it, in exact arithmetic)."""
    return arith.lt(quota, vote) if arith.exact else arith.le(quota, vote)
