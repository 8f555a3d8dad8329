"""A contested election from ranked ballots: listed in the file (``"a > b > c" = 40``) or
generated for a number of voters (the candidates named by id being the favourites), and counted
by the charter's method through the same rule a user's ``elect`` calls. Generated ballots are
drawn from a seeded generator, so a scenario elects the same delegates every time it is
played."""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from functools import partial
from typing import Any

import numpy as np

from soviet.counting import Ballots
from soviet.counting.ballots import NO_CANDIDATE
from soviet.model.events import DomainEvent
from soviet.rules import elections
from soviet.scenario.stage import ActFailed, Stage

Fields = Mapping[str, Any]
FAVOURITE = 2.0
"""The popularity of a candidate named by id when ballots are generated; those a selector picks
are drawn between ``OTHERS`` (see :func:`generated`)."""
OTHERS = (0.2, 0.8)


def stv(stage: Stage, f: Fields) -> list[DomainEvent]:
    """The electorate elects to the body from the candidates named, counting the ballots
    listed (``ballots``) or generated for ``voters`` voters."""
    candidates = stage.pick(f["candidates"])
    if ("ballots" in f) == ("voters" in f):
        raise ActFailed("give the ballots, or the number of voters to generate them for")
    if "ballots" in f:
        profile = listed(f["ballots"], candidates)
    else:
        favourites = {x for x in f["candidates"] if isinstance(x, str)}
        profile = generated(candidates, favourites, f["voters"], f.get("seed", 0))
    return stage.decide(partial(elections.elect, electorate_id=f["electorate"],
                                body_id=f["body"], candidates=candidates, ballots=profile,
                                on=f["on"], seats=f.get("seats")))


def listed(ballots: Mapping[str, int], candidates: Sequence[str]) -> Ballots:
    """Ballots written as rankings of candidates' ids (``"a > b > c"``) with how many voters
    cast each."""
    index = {x: i for i, x in enumerate(candidates)}
    rows: list[list[int]] = []
    for ranking in ballots:
        names = [x.strip() for x in ranking.split(">")]
        unknown = [x for x in names if x not in index]
        if unknown:
            raise ActFailed(f"ballot {ranking!r} ranks {', '.join(unknown)}, who do not stand")
        rows.append([index[x] for x in names])
    ranks = np.full((len(rows), max(map(len, rows))), NO_CANDIDATE, dtype=np.int16)
    for i, row in enumerate(rows):
        ranks[i, :len(row)] = row
    return Ballots(ranks, tuple(candidates), np.array(list(ballots.values()), dtype=np.int64))


def generated(candidates: Sequence[str], favourites: Set[str], voters: int, seed: int
              ) -> Ballots:
    """``voters`` ballots in which the ``favourites`` are the most popular candidates and the
    others are more or less popular at random: each voter ranks by each candidate's popularity
    plus a random taste of their own (Gumbel noise, so the rankings follow a Plackett-Luce
    model), and stops after a random number of preferences."""
    rng = np.random.default_rng(seed)
    n = len(candidates)
    popularity = np.log([FAVOURITE if x in favourites else rng.uniform(*OTHERS)
                         for x in candidates])
    ranks = np.argsort(-(popularity + rng.gumbel(size=(voters, n))), axis=1).astype(np.int16)
    depth = rng.integers(1, n + 1, voters)
    ranks[np.arange(n) >= depth[:, None]] = NO_CANDIDATE
    return Ballots(ranks, tuple(candidates))
