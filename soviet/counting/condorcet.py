"""Condorcet methods: Schulze and ranked pairs, both read from the pairwise matrix.

Each elects the candidate who beats every other head to head when there is one, and differs
only in how a cycle (A beats B beats C beats A) is resolved.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any, Literal, get_args

import numpy as np
import numpy.typing as npt

from soviet.counting.ballots import Ballots
from soviet.counting.lot import Lots
from soviet.counting.one_round import one_round
from soviet.counting.pairwise import pairwise, pairwise_note
from soviet.counting.refusals import single_seat
from soviet.counting.registry import method
from soviet.counting.result import Result, Round

Strength = Literal["winning-votes", "margin"]


def _link_keys(d: list[list[Any]], strength: Strength) -> dict[tuple[int, int], Any]:
    """The strength of each winning link ``x -> y`` (``d[x, y] > d[y, x]``) as a sortable key.

    Schulze (2011), section 2.1: every link that is not won is as weak as no link at all.
    Winning votes orders won links by support ``d[x, y]``, then by smaller opposition
    ``d[y, x]``; margin orders them by ``d[x, y] - d[y, x]``.
    """
    m = len(d)
    keys: dict[tuple[int, int], Any] = {}
    for x in range(m):
        for y in range(m):
            if d[x][y] > d[y][x]:
                keys[x, y] = (
                    (d[x][y], -d[y][x]) if strength == "winning-votes" else d[x][y] - d[y][x]
                )
    return keys


def _strongest_paths(links: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """``p[x, y]``: the strength of the strongest path from ``x`` to ``y`` (widest path).

    Floyd-Warshall, one candidate as intermediate at a time over the whole matrix
    (Schulze 2011, section 2.3). The diagonal is never read: a cycle through ``x`` is never
    stronger than the path it closes, so it cannot raise any ``p[x, y]``.
    """
    p = links.copy()
    for k in range(p.shape[0]):
        p = np.maximum(p, np.minimum(p[:, k : k + 1], p[k : k + 1, :]))
    return p


@method("schulze")
def schulze(
    ballots: Ballots, seats: int, strength: Strength = "winning-votes", seed: int | None = None
) -> Result:
    """The Schulze method as defined in M. Schulze, "A new monotonic, clone-independent,
    reversal symmetric, and Condorcet-consistent single-winner election method", Social Choice
    and Welfare 36 (2011) 267-303.

    Section 2.1: the strength of the link ``x -> y`` is measured by winning votes (the
    default) or by margin (``strength="margin"``). Section 2.2: ``x`` beats ``y`` when the
    strongest path from ``x`` to ``y`` is stronger than the strongest path back; the winners
    are the candidates nobody beats, and there is always at least one. Several winners are
    separated by lot. ``scores`` counts, for each candidate, how many others it beats.
    """
    single_seat("schulze", ballots, seats, "an STV method")
    if strength not in get_args(Strength):
        raise ValueError(
            f"schulze strength must be one of {', '.join(get_args(Strength))}, got {strength!r}"
        )
    names = ballots.candidates
    m = len(names)
    d = pairwise(ballots)
    keys = _link_keys(d.tolist(), strength)
    levels = sorted(set(keys.values()))
    rank = {key: i + 1 for i, key in enumerate(levels)}
    links = np.zeros((m, m), dtype=np.int64)
    for (x, y), key in keys.items():
        links[x, y] = rank[key]
    p = _strongest_paths(links)
    beats = p > p.T
    scores = tuple(int(n) for n in beats.sum(axis=1))
    unbeaten = [x for x in range(m) if not beats[:, x].any()]
    lots = Lots(seed)
    if len(unbeaten) == 1:
        winner = unbeaten[0]
    else:
        winner, lots = lots.draw(unbeaten, names, 1, "winner")
    elected = (names[winner],)

    def shown(level: int) -> str:
        if level == 0:
            return "none"
        key = levels[level - 1]
        return f"{key[0]}:{-key[1]}" if strength == "winning-votes" else str(key)

    paths = ", ".join(
        f"{names[x]}->{names[y]} {shown(int(p[x, y]))}"
        for x in range(m)
        for y in range(m)
        if x != y
    )
    note = f"contests: {pairwise_note(d, names)}; strongest paths ({strength}): {paths}"
    round = Round(1, scores, action="pairwise", elected=elected, note=note)
    return one_round("schulze", names, 1, round, lots, {"strength": strength, "seed": seed})


Reach = npt.NDArray[np.bool_]
"""``reach[x, y]``: the locked majorities lead from ``x`` to ``y`` (their transitive closure)."""


def _locked(reach: Reach, x: int, y: int) -> Reach:
    """The closure after locking ``x -> y``: whatever reaches ``x`` now reaches all ``y`` does."""
    into = reach[:, x].copy()
    into[x] = True
    out = reach[y].copy()
    out[y] = True
    closed: Reach = reach | np.outer(into, out)
    return closed


def _all_fit(reach: Reach, group: list[tuple[int, int]]) -> bool:
    """Whether every pair of an equal group can be locked, so their order cannot matter."""
    for x, y in group:
        if reach[y, x]:
            return False
        reach = _locked(reach, x, y)
    return True


@method("ranked-pairs")
def ranked_pairs(ballots: Ballots, seats: int, seed: int | None = None) -> Result:
    """Ranked pairs as defined in T. N. Tideman, "Independence of clones as a criterion for
    voting rules", Social Choice and Welfare 4 (1987) 185-206, with equal majorities ordered as
    in T. M. Zavist and T. N. Tideman, "Complete independence of clones in the ranked pairs
    rule", Social Choice and Welfare 6 (1989) 167-173.

    Majorities (margins) are taken from the largest down and each is locked in unless it
    would make a cycle with those already locked; the winner is the candidate no locked
    majority defeats. Equal majorities, and pairs with no majority, are ordered by a
    tie-breaking ranking of the candidates (TBRC): a pair whose winner ranks higher in it comes
    first, and of two pairs with the same winner, the one whose loser ranks lower. Zavist and
    Tideman form the TBRC from randomly chosen voters' rankings; here it is drawn by lot, and
    only when an equality can change what is locked. ``scores`` counts, for each candidate,
    how many others it defeats through locked majorities.
    """
    single_seat("ranked-pairs", ballots, seats, "an STV method")
    names = ballots.candidates
    m = len(names)
    d = pairwise(ballots)
    won = d.tolist()
    margin = [[won[x][y] - won[y][x] for y in range(m)] for x in range(m)]
    pairs = sorted(
        ((x, y) for x in range(m) for y in range(m) if margin[x][y] > 0),
        key=lambda xy: margin[xy[0]][xy[1]],
        reverse=True,
    )
    reach: Reach = np.zeros((m, m), dtype=bool)
    lots = Lots(seed)
    place: dict[int, int] = {}
    steps: list[str] = []

    def tbrc_order(group: list[tuple[int, int]]) -> list[tuple[int, int]]:
        nonlocal lots
        if not place:
            tbrc, lots = lots.order(range(m), names, 1, "tie-breaking ranking")
            place.update((c, i) for i, c in enumerate(tbrc))
        return sorted(group, key=lambda xy: (place[xy[0]], -place[xy[1]]))

    def lock_group(group: list[tuple[int, int]], size: object) -> None:
        nonlocal reach
        if len(group) > 1 and not _all_fit(reach, group):
            group = tbrc_order(group)
        for x, y in group:
            if reach[y, x]:
                steps.append(f"skipped {names[x]}>{names[y]} {size} (cycle)")
            else:
                reach = _locked(reach, x, y)
                steps.append(f"locked {names[x]}>{names[y]} {size}")

    for size, group in groupby(pairs, key=lambda xy: margin[xy[0]][xy[1]]):
        lock_group(list(group), size)
    if sum(not reach[:, c].any() for c in range(m)) > 1:
        even = tbrc_order([(x, y) for x in range(m) for y in range(x + 1, m) if margin[x][y] == 0])
        lock_group([(x, y) if place[x] < place[y] else (y, x) for x, y in even], 0)
    (winner,) = (c for c in range(m) if not reach[:, c].any())
    elected = (names[winner],)
    scores = tuple(int(n) for n in reach.sum(axis=1))
    note = f"contests: {pairwise_note(d, names)}; " + "; ".join(steps)
    round = Round(1, scores, action="pairwise", elected=elected, note=note)
    return one_round("ranked-pairs", names, 1, round, lots, {"seed": seed})
