"""Seats by population: largest remainder, divisor methods, a fixed ratio; minimums; lots.

``apportion(method, populations, seats, ...)`` returns an :class:`Apportionment` that explains
each unit's figure; ``seat_changes`` says who gains and who loses on a new apportionment.
"""

from soviet.apportion.changes import SeatChange, seat_changes
from soviet.apportion.errors import ApportionmentError, TieRefused
from soviet.apportion.methods import ALIASES, METHODS, apportion
from soviet.apportion.result import Apportionment, Tie, UnitFigure

__all__ = [
    "ALIASES",
    "METHODS",
    "Apportionment",
    "ApportionmentError",
    "SeatChange",
    "Tie",
    "TieRefused",
    "UnitFigure",
    "apportion",
    "seat_changes",
]
