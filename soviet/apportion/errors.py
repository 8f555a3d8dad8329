"""Refusals: an apportionment that cannot be made as asked says which figure is wrong and why."""

from __future__ import annotations


class ApportionmentError(ValueError):
    """A request no apportionment can satisfy (bad populations, minimums over the house, ...)."""


class TieRefused(ApportionmentError):
    """Units tie for the last seats and the caller asked for a refusal rather than a lot."""
