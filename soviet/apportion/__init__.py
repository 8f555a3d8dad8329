"""Seats by population: largest remainder, divisor methods, a fixed ratio; minimums; lots.

``apportion(method, populations, seats, ...)`` returns an :class:`Apportionment` that explains
each unit's figure; ``apportion_bodies`` does the same for many bodies in one vectorised pass
(every council of a tree); ``seat_changes`` says who gains and who loses on a new one.
"""

from soviet.apportion.changes import SeatChange, seat_changes
from soviet.apportion.errors import ApportionmentError, TieRefused
from soviet.apportion.methods import ALIASES, METHODS, apportion, apportion_bodies
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
    "apportion_bodies",
    "seat_changes",
]
