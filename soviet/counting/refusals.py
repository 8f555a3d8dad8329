"""Counts a method cannot make, refused before any ballot is read, with the reason."""

from __future__ import annotations

from soviet.counting.ballots import Ballots


def single_seat(name: str, ballots: Ballots, seats: int, instead: str) -> None:
    """Refuse a count a single-winner method cannot make: several seats, or nobody standing."""
    if not ballots.candidates:
        raise ValueError(f"{name}: no candidates to elect")
    if seats != 1:
        raise ValueError(f"{name} elects one candidate; for {seats} seats use {instead}")


def enough_candidates(name: str, ballots: Ballots, seats: int) -> None:
    """Refuse a committee count with fewer candidates than seats to fill."""
    if seats > len(ballots.candidates):
        raise ValueError(f"{name}: {seats} seats but only {len(ballots.candidates)} candidates")
