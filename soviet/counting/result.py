"""What a count returns: the outcome, every round, and every tie broken, in one JSON-ready value.

Vote figures keep the arithmetic the rule prescribes (``int``, ``Fraction``, ``Decimal`` or
``float``); :meth:`Result.to_json` writes exact figures as decimal strings (``"1234.56789"``) or
``"p/q"`` for fractions, so a published count can be checked digit for digit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

Number = int | float | Fraction | Decimal


def number_json(x: Number | None) -> int | float | str | None:
    """Exact figures as strings so JSON never rounds them; ints and floats as they are."""
    if type(x) is Decimal:  # fixed point's figures, most of a report: tested first
        return str(x)
    if x is None or isinstance(x, int | float):
        return x
    if isinstance(x, Fraction):
        return str(x.numerator) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"
    return str(x)


@dataclass(frozen=True)
class TieBreak:
    """A tie the rule had to break: who was level, who was chosen, and by which provision."""

    round: int
    purpose: str  # "elect", "defeat", "surplus", "winner", ...
    tied: tuple[str, ...]
    chosen: str
    by: str  # "earlier-round", "lot", "candidate-order", ...

    def to_json(self) -> dict[str, Any]:
        return {
            "round": self.round,
            "purpose": self.purpose,
            "tied": list(self.tied),
            "chosen": self.chosen,
            "by": self.by,
        }


@dataclass(frozen=True)
class Round:
    """One stage of a count: the votes each candidate holds at its end and what it decided.

    ``votes`` is aligned with :attr:`Result.candidates`; ``transfers`` holds the change from
    the previous round per candidate when the method transfers votes.
    """

    number: int
    votes: tuple[Number, ...]
    action: str = "count"  # "count", "elect", "transfer", "defeat", ...
    quota: Number | None = None
    exhausted: Number = 0
    elected: tuple[str, ...] = ()
    defeated: tuple[str, ...] = ()
    transfers: tuple[Number, ...] | None = None
    note: str = ""

    def to_json(self, candidates: tuple[str, ...]) -> dict[str, Any]:
        out: dict[str, Any] = {
            "number": self.number,
            "action": self.action,
            "quota": number_json(self.quota),
            "votes": {c: number_json(v) for c, v in zip(candidates, self.votes, strict=True)},
            "exhausted": number_json(self.exhausted),
            "elected": list(self.elected),
            "defeated": list(self.defeated),
        }
        if self.transfers is not None:
            out["transfers"] = {
                c: number_json(v) for c, v in zip(candidates, self.transfers, strict=True)
            }
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True)
class Result:
    """The outcome of a count.

    ``elected`` is in order of election. ``allocation`` is set by methods that give several
    seats to one candidate (party lists): seats per candidate, aligned with ``candidates``.
    ``scores`` holds a final figure per candidate where the method has one (Borda points,
    approval counts, Schulze wins) so a user sees why the order is what it is.
    """

    method: str
    candidates: tuple[str, ...]
    seats: int
    elected: tuple[str, ...]
    eliminated: tuple[str, ...] = ()
    rounds: tuple[Round, ...] = ()
    ties: tuple[TieBreak, ...] = ()
    seed: int | None = None
    allocation: tuple[int, ...] | None = None
    scores: tuple[Number, ...] | None = None
    options: dict[str, Any] = field(default_factory=dict)
    places: int | None = None  # decimal places a report prints the figures at (Arithmetic's)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "method": self.method,
            "candidates": list(self.candidates),
            "seats": self.seats,
            "elected": list(self.elected),
            "eliminated": list(self.eliminated),
            "rounds": [r.to_json(self.candidates) for r in self.rounds],
            "ties": [t.to_json() for t in self.ties],
            "seed": self.seed,
            "options": self.options,
        }
        if self.allocation is not None:
            out["allocation"] = dict(zip(self.candidates, self.allocation, strict=True))
        if self.scores is not None:
            out["scores"] = {
                c: number_json(s) for c, s in zip(self.candidates, self.scores, strict=True)
            }
        return out
