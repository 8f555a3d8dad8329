"""The charter: the organisation's constitution, holding every number its rules use."""

from __future__ import annotations

from typing import Self

from pydantic import model_validator

from soviet.charter.checks import charter_problems
from soviet.charter.citation import Clause, UnknownClause, find_clause
from soviet.charter.field_types import Day, Text
from soviet.charter.problems import CharterInvalid
from soviet.charter.sections import (
    Body,
    CharterPart,
    Committee,
    Congress,
    Convention,
    Council,
    Debate,
    Discipline,
    Federation,
    Majority,
    Officers,
    Recall,
    Representation,
)
from soviet.charter.vocabulary import BODY_KINDS, BodyKind, DecisionKind


class Charter(CharterPart):
    """A whole, consistent charter. Build one with ``load_charter``, ``parse_charter`` or
    ``charter_from_json``; building it directly runs the same checks and raises
    ``CharterInvalid`` with every problem."""

    name: Text
    adopted: Day | None = None
    representation: Representation
    recall: Recall
    unit_assembly: Body
    council: Council | None = None
    congress: Congress
    executive: Committee | None = None
    control_commission: Committee | None = None
    officers: Officers | None = None
    discipline: Discipline | None = None
    federation: Federation | None = None
    debate: Debate = Debate()
    convention: Convention

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        declared = {name for name, value in self if value is not None}
        problems = charter_problems(dict(self), declared)
        if problems:
            raise CharterInvalid(problems)
        return self

    @property
    def bodies(self) -> dict[BodyKind, Body]:
        """The kinds of body this charter sets up, in order from the base to the top."""
        found: dict[BodyKind, Body] = {}
        for kind in BODY_KINDS:
            body: Body | None = getattr(self, kind)
            if body is not None:
                found[kind] = body
        return found

    def body(self, kind: BodyKind) -> Body:
        """The section for a kind of body; an error if this charter has none."""
        try:
            return self.bodies[kind]
        except KeyError:
            raise UnknownClause(f"this charter has no [{kind}]") from None

    def majority(self, kind: BodyKind, decision: DecisionKind) -> tuple[str, Majority]:
        """The majority ``decision`` needs in ``kind`` and the path of the clause that sets it
        (its own clause, or the body's ``ordinary`` majority when the charter sets none)."""
        source, majority = self.body(kind).majority.of(decision)
        return f"{kind}.majority.{source}", majority

    def clause(self, path: str) -> Clause:
        """The clause at ``path``, e.g. ``congress.quorum``; ``UnknownClause`` if there is none."""
        return find_clause(self, path)

    def cite(self, path: str) -> str:
        """The clause as a refusal quotes it: ``cite("congress.quorum")`` gives
        ``[congress].quorum = 1/2``."""
        return str(self.clause(path))
