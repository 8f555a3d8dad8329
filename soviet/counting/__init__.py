"""Counting engine: ballots in, a Result with every round out. Pure code, no I/O but BLT/CSV.

Importing this package registers every method; ``count(name, ballots, ...)`` runs one.
"""

from soviet.counting import (  # noqa: F401 (imported to register their methods)
    approval,
    borda,
    condorcet,
    irv,
    meek_stv,
    minneapolis_stv,
    party_list,
    pav,
    phragmen,
    plurality,
    scottish_stv,
    wigm_stv,
)
from soviet.counting.ballots import BallotError, Ballots, as_ballots
from soviet.counting.blt import Election, load_blt, parse_blt, write_blt
from soviet.counting.motion import Decision, Majority, Tally, decide
from soviet.counting.registry import METHODS, count
from soviet.counting.result import Result, Round, TieBreak

__all__ = [
    "METHODS",
    "BallotError",
    "Ballots",
    "Decision",
    "Election",
    "Majority",
    "Result",
    "Round",
    "Tally",
    "TieBreak",
    "as_ballots",
    "count",
    "decide",
    "load_blt",
    "parse_blt",
    "write_blt",
]
