"""The words a charter may use for bodies, decisions and methods, so a misspelt one is an error."""

from __future__ import annotations

from typing import Literal, get_args

BodyKind = Literal["unit_assembly", "council", "congress", "executive", "control_commission"]
"""Kinds of body; each has its own section of the charter under the same name."""
BODY_KINDS: tuple[BodyKind, ...] = get_args(BodyKind)

DecisionKind = Literal[
    "ordinary",
    "amendment",
    "procedure",
    "no_confidence",
    "charter_change",
    "annulment",
    "admission",
]
"""Kinds of decision a body's majority table may set; any kind left out takes ``ordinary``."""
DECISION_KINDS: tuple[DecisionKind, ...] = get_args(DecisionKind)

ApportionmentMethod = Literal[
    "hamilton",
    "largest-remainder-droop",
    "jefferson",
    "dhondt",
    "webster",
    "sainte-lague",
    "modified-sainte-lague",
    "huntington-hill",
    "adams",
    "ratio",
]
"""How seats are shared among units (the names ``soviet.apportion`` knows): ``hamilton`` is
largest remainder with the Hare quota, ``jefferson``/``dhondt`` and ``webster``/``sainte-lague``
name the same rule twice, ``ratio`` gives each unit one seat per fixed number of its basis."""

Basis = Literal["members", "voters", "inhabitants"]
"""What a unit's seats are counted from."""

COUNTING_METHODS: frozenset[str] = frozenset(
    {
        "plurality",
        "two-round",
        "irv",
        "schulze",
        "ranked-pairs",
        "borda",
        "approval",
        "block-plurality",
        "scottish-stv",
        "meek-stv",
        "wigm-stv",
        "minneapolis-stv",
        "dhondt",
        "sainte-lague",
        "modified-sainte-lague",
        "largest-remainder-hare",
        "largest-remainder-droop",
        "pav",
        "seq-phragmen",
    }
)
"""Counting methods an election in the charter may name: the names the counting engine
(``soviet.counting``) registers its methods under, listed here so that checking a charter does
not depend on which methods a given installation has loaded."""
