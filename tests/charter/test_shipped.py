"""The two charters that ship with soviet load and say what their sources say."""

from __future__ import annotations

from fractions import Fraction

from soviet.charter import Period, load_charter
from tests.charter.files import SOVIET_1918, UNION


def test_soviet_1918_has_the_constitutions_ratios() -> None:
    charter = load_charter(SOVIET_1918)
    town = charter.representation.scales["town"]
    province = charter.representation.scales["province"]
    assert (town.basis, town.method, town.one_delegate_per) == ("voters", "ratio", 25_000)
    assert (province.basis, province.method, province.one_delegate_per) == (
        "inhabitants",
        "ratio",
        125_000,
    )
    assert charter.executive is not None
    assert charter.executive.election.by == "congress"
    assert (charter.executive.election.seats, charter.executive.election.seats_are) == (
        200,
        "at-most",
    )
    assert charter.officers is not None
    assert charter.officers.appointed_by == "executive"
    assert len(charter.officers.portfolios) == 18
    assert charter.recall.vacancy == "by-election"
    assert charter.congress.interval == Period(months=6)
    assert charter.congress.extraordinary.share == Fraction(1, 3)
    assert charter.congress.extraordinary.of == "basis"
    assert list(charter.bodies) == ["unit_assembly", "council", "congress", "executive"]


def test_union_federation_has_every_section() -> None:
    charter = load_charter(UNION)
    assert list(charter.bodies) == [
        "unit_assembly",
        "council",
        "congress",
        "executive",
        "control_commission",
    ]
    assert charter.congress.interval == Period(months=48)
    assert charter.executive is not None
    assert charter.executive.election.method == "meek-stv"
    assert charter.unit_assembly.quorum == Fraction(1, 20)
    assert charter.convention.strength == "paid-up-average"
    assert charter.convention.alternates_per_unit == 3
    assert charter.discipline is not None
    names = [penalty.name for penalty in charter.discipline.penalties]
    assert names[0] == "warning" and names[-1] == "expulsion"
    removal = charter.discipline.penalties[3]
    assert removal.decided_by == ("executive", "control_commission")
    assert removal.with_candidates
    assert removal.majority.fraction == Fraction(2, 3)
    assert charter.federation is not None
    assert len(charter.federation.conditions) == 8


def test_every_key_of_the_shipped_charters_is_commented() -> None:
    for path in (UNION, SOVIET_1918):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            stripped = line.strip()
            is_key = "=" in stripped and not stripped.startswith(("#", "[", '"'))
            if is_key:
                above = lines[number - 1].strip()
                assert above.startswith("#"), (
                    f"{path.name}:{number + 1} {stripped!r} has no comment"
                )
