"""Meek's method of STV: every elected candidate keeps a fraction (its keep factor) of each vote
that reaches it and passes the rest on, the keep factors being adjusted until each elected
candidate holds just the quota.

Texts, by ``variant``:

- ``"meek"``: Hill, Wichmann & Woodall, "Algorithm 123: Single Transferable Vote by Meek's
  method", The Computer Journal 30(3), 1987, in the parametric form of the droop reference
  counter's ``meek`` rule: a ballot of weight w gives each candidate it reaches ``w x kf``
  and goes on with ``w x (1 - kf)``, both truncated; the quota is the votes held divided by one
  more than the seats (plus the smallest unit unless the arithmetic is exact, when a candidate
  must exceed it); an iteration ends when a candidate is elected, when the total surplus is at
  most omega (``1/10**omega``) or stops falling, or when sure losers can be defeated together
  (``batch``, see :mod:`soviet.counting.sure_losers`).
- ``"warren"``: the same, with Warren's rule (C.H.E. Warren, "Counting in STV elections",
  Voting matters 1, 1994): a candidate takes ``kf`` of the whole vote, or what is left of it.
- ``"prf"``: the Proportional Representation Foundation's Reference Meek Rule (prfound.org),
  to the letter: nine decimal places, each product rounded up (B.2.a, B.2.f), quota truncated
  plus 0.000000001 (B.2.b), omega 0.000001, no batch defeats, and a defeated candidate's votes
  simply set aside until the next round's distribution.

Ties for defeat: the candidates within the total surplus of the lowest are tied and one is
chosen by the count's lot (``tie_order`` or a seeded draw).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from soviet.counting.arithmetic import Arithmetic, Fixed, Value, Values, arithmetic_named
from soviet.counting.ballots import Ballots
from soviet.counting.contest import Contest, Standing, open_contest
from soviet.counting.papers import exact_totals, whole_counts
from soviet.counting.prf import ReferenceCount
from soviet.counting.registry import method
from soviet.counting.result import Result

VARIANTS = ("meek", "warren", "prf")


@dataclass(frozen=True)
class Settings:
    """The parameters of one Meek count."""

    variant: str
    arith: Arithmetic
    omega: int  # iterate until the total surplus is below 1/10**omega
    batch: bool

    @property
    def prf(self) -> bool:
        return self.variant == "prf"


class MeekCount(ReferenceCount):
    """One Meek count (``exhausted``: the residue, votes held by no candidate)."""

    def __init__(self, ballots: Ballots, contest: Contest, settings: Settings) -> None:
        super().__init__(ballots, contest, settings.arith)
        arith = self.arith
        self.settings = settings
        self.ranks = ballots.ranks
        self.counts = whole_counts(ballots)
        self.kf: list[Value] = [
            arith.integer(1 if s is Standing.HOPEFUL else 0) for s in self.state
        ]
        self.omega = arith.div(arith.integer(1), arith.integer(10**settings.omega))
        self.surplus: Value = arith.integer(0)
        self.quota = self.quota_of(arith.integer(self.papers.valid))

    # -- B.2 iteration ---------------------------------------------------------------------

    def distribute(self) -> None:
        """B.2.a: pass each ballot down its ranking; each candidate keeps its keep factor's
        share of the weight that reaches it, the rest goes on."""
        arith = self.arith
        zero = arith.integer(0)
        weight = arith.full(self.ranks.shape[0], arith.integer(1))
        factor = arith.array([*self.kf, zero])
        kept: list[Any] = [zero] * len(self.votes)
        for column in self.ranks.T:
            live = np.flatnonzero(arith.below(zero, weight) & (column >= 0))
            live = live[factor[column[live]] != 0]
            if not live.size:
                if not arith.below(zero, weight).any():
                    break
                continue
            cands = column[live]
            keep, weight[live] = self.split(weight[live], factor[cands])
            if self.counts is not None:
                keep = keep * self.counts[live]
            got, _ = exact_totals(cands, keep, len(self.votes))
            kept = [a + b for a, b in zip(kept, got, strict=True)]
        for c, s in enumerate(self.state):
            if s in (Standing.HOPEFUL, Standing.ELECTED):
                self.votes[c] = kept[c]
        self.exhausted = arith.integer(self.papers.valid) - self.held()

    def split(self, weight: Values, kf: Values) -> tuple[Values, Values]:
        """What a candidate keeps of ``weight``, and what goes on, by the variant's rule."""
        arith = self.arith
        variant = self.settings.variant
        if variant == "prf":
            keep = arith.mul(weight, kf, up=True)
            return keep, weight - keep
        if variant == "warren":
            keep = np.where(arith.below(kf, weight), kf, weight)
            return keep, weight - keep
        return arith.mul(weight, kf), arith.mul(weight, arith.integer(1) - kf)

    def held(self) -> Value:
        """The votes held by hopeful and elected candidates."""
        return sum(
            (
                v
                for v, s in zip(self.votes, self.state, strict=True)
                if s in (Standing.HOPEFUL, Standing.ELECTED)
            ),
            self.arith.integer(0),
        )

    def iterate(self) -> tuple[str, list[int]]:
        """B.2: distribute and adjust keep factors until a candidate is elected, the surplus
        is below omega or stops falling, or sure losers appear. Returns why, and the losers."""
        arith = self.arith
        last = arith.integer(self.papers.valid)
        while True:
            self.distribute()
            self.quota = self.quota_of(self.held())
            winners = [c for c in self.hopeful() if self.has_quota(c)]
            self.surplus = sum((self.votes[c] - self.quota for c in self.elected), arith.integer(0))
            if self.settings.prf and self.surplus < 0:
                self.surplus = arith.integer(0)
            if winners:
                self.elect(winners)
                return "elected", []
            if self.omega_reached():
                return "omega", []
            if arith.le(last, self.surplus):
                return "stable", []
            if self.settings.batch:
                losers = self.sure_losers(self.surplus)
                if losers:
                    return "batch", losers
            last = self.surplus
            for c in self.elected:
                self.kf[c] = arith.div(
                    arith.mul(self.kf[c], self.quota, up=True), self.votes[c], up=True
                )

    def omega_reached(self) -> bool:
        if self.settings.prf:
            return self.arith.lt(self.surplus, self.omega)
        return self.arith.le(self.surplus, self.omega)

    # -- B.3 defeat, C finish --------------------------------------------------------------

    def defeat_low(self, why: str) -> None:
        """B.3: defeat the lowest hopeful; those within the total surplus of it are tied."""
        arith = self.arith
        hopeful = self.hopeful()
        low = arith.minimum([self.votes[c] for c in hopeful])
        tied = [c for c in hopeful if arith.le(self.votes[c], low + self.surplus)]
        self.defeat([self.by_lot(tied, "defeat")], note=why)

    def defeat(self, cands: Iterable[int], note: str = "") -> None:
        """Defeat each of ``cands`` in turn: its keep factor becomes zero and (except under
        the PRF rule) the votes are distributed again at once."""
        for c in cands:
            super().defeat([c], note)
            self.kf[c] = self.arith.integer(0)
            self.votes[c] = self.arith.integer(0)
            if not self.settings.prf:
                self.distribute()

    def finish(self) -> None:
        """C: elect or defeat the remaining hopefuls, then the residue on the elected alone."""
        self.elect_or_defeat_remaining()
        self.exhausted = self.arith.integer(self.papers.valid) - sum(
            (self.votes[c] for c in self.elected), self.arith.integer(0)
        )
        last = self.sheet.rounds[-1]
        if last.votes != tuple(map(self.arith.number, self.votes)) or last.exhausted != (
            self.arith.number(self.exhausted)
        ):
            self.record("count", note="final tally")

    def run(self) -> None:
        self.first_preferences()
        self.record("begin")
        while not self.over():
            self.stage += 1
            why, losers = self.iterate()
            if why == "elected":
                continue
            if why == "batch":
                self.defeat(losers, note="sure loser")
                continue
            self.defeat_low(why)
        self.finish()


def settings_for(
    variant: str,
    arithmetic: str | None,
    precision: int | None,
    guard: int | None,
    omega: int | None,
    batch: bool | None,
) -> Settings:
    """The count's parameters, with the droop counter's defaults; refuses what the PRF
    reference rule fixes."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown Meek variant {variant!r}; known: {', '.join(VARIANTS)}")
    if variant == "prf":
        given = {
            "arithmetic": arithmetic,
            "precision": precision,
            "guard": guard,
            "omega": omega,
            "batch": batch,
        }
        fixed = [k for k, v in given.items() if v is not None]
        if fixed:
            raise ValueError(
                f"the PRF reference Meek rule fixes {', '.join(fixed)} (nine places, omega 6, "
                "no batch defeats)"
            )
        return Settings("prf", Fixed(9), 6, False)
    kind = arithmetic or "guarded"
    if kind == "guarded":
        precision = 18 if precision is None else precision
        default_omega = precision // 2
    elif kind == "fixed":
        precision = 9 if precision is None else precision
        default_omega = precision * 2 // 3
    else:
        default_omega = 10
    arith = arithmetic_named(kind, precision, guard)
    return Settings(
        variant, arith, default_omega if omega is None else omega, True if batch is None else batch
    )


@method("meek-stv")
def meek(
    ballots: Ballots,
    seats: int,
    *,
    variant: str = "meek",
    arithmetic: str | None = None,
    precision: int | None = None,
    guard: int | None = None,
    omega: int | None = None,
    batch: bool | None = None,
    withdrawn: Iterable[int | str] = (),
    tie_order: Sequence[int | str] | None = None,
    seed: int | None = None,
) -> Result:
    """Count by Meek's method (see the module docstring for each ``variant``'s text).

    Defaults follow the droop counter: guarded arithmetic with 18 places and 9 guard digits,
    omega half the places (fixed: two thirds; rational: 10), batch defeat of sure losers.
    """
    settings = settings_for(variant, arithmetic, precision, guard, omega, batch)
    contest = open_contest(ballots, seats, withdrawn, tie_order, seed)
    count = MeekCount(ballots, contest, settings)
    count.run()
    options = {
        "variant": settings.variant,
        "arithmetic": settings.arith.name,
        "omega": settings.omega,
        "batch": settings.batch,
    }
    return count.result("meek-stv", options)
