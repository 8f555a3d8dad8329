"""Candidates who cannot be elected whatever happens next, defeated together in one step.

The Proportional Representation Foundation's reference rules state the test (Reference WIGM,
B.2; the same test guards batch defeats in Meek counts): find the largest set of hopeful
candidates such that (a) enough hopefuls remain to fill the seats, (b) every hopeful with the
same or fewer votes than a member is a member, and (c) the members' votes plus every surplus not
yet transferred fall short of the fewest votes of any hopeful left out.

For (b), as the droop counter reads it, candidates count as level when a candidate's votes are
within the untransferred surplus of the lowest of its group (the first group starting from
nothing), and a group is never split.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cmp_to_key

from soviet.counting.arithmetic import Arithmetic, Value


def by_votes(candidates: Sequence[int], votes: Sequence[Value], arith: Arithmetic) -> list[int]:
    """``candidates`` from fewest votes to most, equal votes in ballot-paper order."""

    def order(a: int, b: int) -> int:
        return arith.compare(votes[a], votes[b]) or (a - b)

    return sorted(candidates, key=cmp_to_key(order))


def sure_losers(
    hopeful: Sequence[int],
    votes: Sequence[Value],
    surplus: Value,
    seats_left: int,
    arith: Arithmetic,
) -> list[int]:
    """The largest set of ``hopeful`` candidates meeting conditions (a)-(c); maybe empty."""
    groups: list[list[int]] = []
    level: list[int] = []
    floor: Value = 0
    for c in by_votes(hopeful, votes, arith):
        if arith.le(votes[c], floor + surplus):
            level.append(c)
        else:
            if level:
                groups.append(level)
            level = [c]
            floor = votes[c]
    if level:
        groups.append(level)
    most = len(hopeful) - seats_left
    taken = 0
    total: Value = 0
    batch = 0
    for g, group in enumerate(groups[:-1]):
        taken += len(group)
        if taken > most:
            break
        total += sum((votes[c] for c in group), start=0)
        if arith.lt(total + surplus, votes[groups[g + 1][0]]):
            batch = g + 1
    return [c for group in groups[:batch] for c in group]
