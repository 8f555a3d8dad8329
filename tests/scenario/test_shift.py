"""A scenario moved in time (``soviet.scenario.shift``): every date an act is played on moves,
the dates in an expected refusal move with them, and sources keep theirs."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from soviet.scenario import load_scenario
from soviet.scenario.shift import ending_on, shifted

UNION = Path(__file__).resolve().parents[2] / "scenarios" / "union-federation.toml"


def test_every_day_field_moves_and_nothing_else() -> None:
    scenario = load_scenario(UNION)
    moved = shifted(scenario, timedelta(days=400))
    convene = next(a for a in moved.acts if a.kind == "convene")
    assert (convene.fields["on"], convene.fields["opens"]) == ("2026-04-05", "2026-06-09")
    paid_up = next(a for a in moved.acts if a.kind == "paid_up")
    assert paid_up.fields["before"] == "2026-07-17"
    assert paid_up.fields["units"] == next(
        a for a in scenario.acts if a.kind == "paid_up").fields["units"]
    assert convene.source == next(a for a in scenario.acts if a.kind == "convene").source
    assert [a.says for a in moved.acts] == [a.says for a in scenario.acts]


def test_an_expected_refusal_names_the_moved_days() -> None:
    moved = shifted(load_scenario(UNION), timedelta(days=1))
    assert [a.expect_refusal for a in moved.acts if a.expect_refusal and "until" in
            a.expect_refusal] == ["lasts until 2025-05-10"]


def test_ending_on_puts_the_last_dated_act_on_the_day() -> None:
    moved = ending_on(load_scenario(UNION), date(2030, 1, 31))
    assert max(a.fields["on"] for a in moved.acts if "on" in a.fields) == "2030-01-31"
    assert min(a.fields["on"] for a in moved.acts if "on" in a.fields) == "2028-05-20"
