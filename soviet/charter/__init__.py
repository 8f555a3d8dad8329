"""The charter: the organisation's constitution, every number its rules use, loaded from TOML.

``load_charter(path)`` / ``parse_charter(text)`` check a charter and raise ``CharterInvalid``
with every ``Problem`` found; ``Charter.cite(path)`` gives the clause a refusal quotes;
``charter_to_json`` / ``charter_from_json`` keep a charter in the ledger.
"""

from soviet.charter.charter import Charter
from soviet.charter.citation import Clause, UnknownClause
from soviet.charter.loader import charter_from_json, charter_to_json, load_charter, parse_charter
from soviet.charter.period import Duration, Period, PeriodError
from soviet.charter.problems import CharterInvalid, Problem
from soviet.charter.sections import (
    Body,
    Committee,
    CommitteeElection,
    Congress,
    Convention,
    Council,
    Debate,
    DelegateElection,
    Discipline,
    Extraordinary,
    Federation,
    Majorities,
    Majority,
    Officers,
    Penalty,
    Recall,
    Representation,
    Scale,
    SpeakingTimes,
)
from soviet.charter.vocabulary import (
    BODY_KINDS,
    COUNTING_METHODS,
    DECISION_KINDS,
    BodyKind,
    DecisionKind,
)

__all__ = [
    "BODY_KINDS",
    "COUNTING_METHODS",
    "DECISION_KINDS",
    "Body",
    "BodyKind",
    "Charter",
    "CharterInvalid",
    "Clause",
    "Committee",
    "CommitteeElection",
    "Congress",
    "Convention",
    "Council",
    "Debate",
    "DecisionKind",
    "DelegateElection",
    "Discipline",
    "Duration",
    "Extraordinary",
    "Federation",
    "Majorities",
    "Majority",
    "Officers",
    "Penalty",
    "Period",
    "PeriodError",
    "Problem",
    "Recall",
    "Representation",
    "Scale",
    "SpeakingTimes",
    "UnknownClause",
    "charter_from_json",
    "charter_to_json",
    "load_charter",
    "parse_charter",
]
