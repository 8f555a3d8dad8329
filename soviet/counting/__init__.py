"""Counting engine: ballots in, a Result with every round out. Pure code, no I/O but BLT/CSV.

Importing this package registers every method; ``count(name, ballots, ...)`` runs one.
"""

from soviet.counting import irv, meek_stv, minneapolis_stv, scottish_stv, wigm_stv  # noqa: F401
from soviet.counting import party_list  # noqa: F401
from soviet.counting.ballots import BallotError, Ballots, as_ballots
from soviet.counting.blt import Election, load_blt, parse_blt, write_blt
from soviet.counting.registry import METHODS, count
from soviet.counting.result import Result, Round, TieBreak

__all__ = [
    "METHODS",
    "BallotError",
    "Ballots",
    "Election",
    "Result",
    "Round",
    "TieBreak",
    "as_ballots",
    "count",
    "load_blt",
    "parse_blt",
    "write_blt",
]
