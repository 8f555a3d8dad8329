"""Transferable-vote counts worked by hand: Scottish STV, WIGM, Meek, Minneapolis."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from soviet.counting import Result, count

D = Decimal


def counted(
    method: str, profile: list[tuple[int, list[int]]], names: str, seats: int, **options: Any
) -> Result:
    return count(
        method,
        [r for _, r in profile],
        candidates=list(names),
        seats=seats,
        weights=[n for n, _ in profile],
        **options,
    )


def votes(result: Result, stage: int, action: str) -> dict[str, Any]:
    """Votes per candidate at the last round of ``stage`` with ``action``."""
    (r, *_) = [r for r in reversed(result.rounds) if (r.number, r.action) == (stage, action)]
    return dict(zip(result.candidates, r.votes, strict=True))


# --- Scottish STV (SSI 2007/42 Sch. 1 rr. 45-52) ---------------------------------------------

# 21 papers, 2 seats: quota 21 // 3 + 1 = 8. A's surplus of 3 goes on at 3/11 = 0.27272.
SCOTTISH = [(7, [0, 1, 2]), (4, [0, 2]), (3, [1]), (4, [2]), (3, [3, 1])]


def test_scottish_count_by_hand() -> None:
    r = counted("scottish-stv", SCOTTISH, "ABCD", 2)
    assert r.elected == ("A", "B") and r.eliminated == ("D", "C")
    assert r.rounds[0].quota == D("8.00000")
    stage1 = votes(r, 1, "transfer")
    assert (stage1["A"], stage1["B"], stage1["C"]) == (D(8), D("4.90904"), D("5.09088"))
    assert votes(r, 2, "transfer")["B"] == D("7.90904")  # D excluded: 3 papers at full value
    last = r.rounds[-1]
    assert (last.number, last.action, last.elected) == (3, "elect", ("B",))  # rule 52
    # C excluded at stage 3: 4 first preferences and 4 papers at 0.27272 have nowhere to go
    assert last.exhausted == D("5.09088")
    json.dumps(r.to_json())


def test_scottish_exclusion_tie_goes_by_the_latest_stage_where_they_differed() -> None:
    # droop's weak-defeat.blt: after A's exclusion B and C have 3 each; at stage 0 B had 2.
    r = counted("scottish-stv", [(1, [0, 1]), (2, [1]), (3, [2]), (4, [3]), (5, [4])], "ABCDE", 2)
    (tie,) = r.ties
    assert (tie.round, tie.purpose, tie.tied, tie.chosen, tie.by) == (
        2,
        "defeat",
        ("B", "C"),
        "B",
        "earlier-stage",
    )
    assert r.seed is None


def test_scottish_tie_at_every_stage_is_drawn_by_lot_repeatably() -> None:
    level = [(3, [0]), (3, [1]), (5, [2])]
    results = [counted("scottish-stv", level, "ABC", 1, seed=11) for _ in range(3)]
    assert len({r.eliminated for r in results}) == 1
    (tie,) = results[0].ties
    assert tie.by == "lot" and tie.tied == ("A", "B") and results[0].seed == 11
    drawn = {counted("scottish-stv", level, "ABC", 1, seed=s).eliminated[0] for s in range(30)}
    assert drawn == {"A", "B"}


def test_scottish_candidate_at_exactly_the_quota_has_no_surplus_to_transfer() -> None:
    # quota 10 // 3 + 1 = 4: A has exactly 4, so stage 1 excludes D rather than moving A's papers
    r = counted("scottish-stv", [(4, [0, 1]), (3, [1]), (2, [2]), (1, [3, 2])], "ABCD", 2)
    assert [(x.number, x.action) for x in r.rounds][:3] == [
        (0, "begin"),
        (0, "elect"),
        (1, "defeat"),
    ]
    assert r.elected == ("A", "B")


def test_withdrawn_candidates_are_skipped() -> None:
    r = counted("scottish-stv", SCOTTISH, "ABCD", 2, withdrawn=["A"])
    assert "A" not in r.elected + r.eliminated
    assert r.rounds[0].votes[:3] == (0, D(10), D(8))  # A's papers count for B or C
    assert r.rounds[0].quota == D(8)


@pytest.mark.parametrize(
    ("method", "seats", "options", "message"),
    [
        ("scottish-stv", 5, {}, "5 seats to fill but only 4 candidates stand"),
        ("scottish-stv", 4, {"withdrawn": [0]}, "only 3 candidates stand"),
        ("scottish-stv", 2, {"withdrawn": ["Z"]}, "no candidate named 'Z'"),
        ("scottish-stv", 2, {"tie_order": [0, 1]}, "each of the 4 candidates once"),
        ("meek-stv", 2, {"variant": "prf", "omega": 9}, "fixes omega"),
        ("meek-stv", 2, {"variant": "hare"}, "unknown Meek variant 'hare'"),
        ("wigm-stv", 2, {"arithmetic": "float"}, "unknown arithmetic 'float'"),
    ],
)
def test_counts_that_cannot_be_made_are_refused(
    method: str, seats: int, options: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        counted(method, SCOTTISH, "ABCD", seats, **options)


def test_an_option_a_rule_does_not_have_is_refused() -> None:
    with pytest.raises(TypeError, match="precision"):
        counted("scottish-stv", SCOTTISH, "ABCD", 2, precision=4)


# --- WIGM (PRF reference rule) -----------------------------------------------------------------

CASTOR = [(4, [0, 1]), (2, [2])]  # droop's 42.blt: Castor, Pollux, Helen; 2 seats


def test_wigm_four_places_by_hand() -> None:
    r = counted("wigm-stv", CASTOR, "CPH", 2, tie_order=[0, 1, 2])
    assert r.rounds[0].quota == D("2.0001")  # 6 / 3 + 0.0001
    # surplus 1.9999 x 1 / 4 = 0.4999 (truncated) on each of 4 papers
    assert votes(r, 1, "transfer") == {"C": D("2.0001"), "P": D("1.9996"), "H": D(2)}
    assert r.elected == ("C", "H") and r.rounds[-1].exhausted == D("1.9996")


def test_wigm_in_exact_arithmetic_needs_more_than_the_quota() -> None:
    r = counted("wigm-stv", CASTOR, "CPH", 2, arithmetic="rational", tie_order=[1, 2, 0])
    assert r.rounds[0].quota == 2 and isinstance(r.rounds[0].quota, Fraction)
    assert votes(r, 1, "transfer") == {"C": 2, "P": 2, "H": 2}  # then P and H tie: lot
    assert r.ties[0].chosen == "P" and r.elected == ("C", "H")


def test_wigm_batch_defeats_sure_losers_together() -> None:
    profile = [(1, [0]), (1, [1]), (3, [2]), (5, [3]), (6, [4])]
    r = counted("wigm-stv", profile, "ABCDE", 2, batch=True)
    first = next(x for x in r.rounds if x.action == "defeat")
    # quota 16 / 3 + 0.0001: E is elected with 0.6666 to spare; A, B (1 + 1 + 0.6666) cannot
    # reach C's 3, while A, B, C (5 + 0.6666) could reach D's 5
    assert first.defeated == ("A", "B")
    single = counted("wigm-stv", profile, "ABCDE", 2, seed=1)
    assert len(next(x for x in single.rounds if x.action == "defeat").defeated) == 1


# --- Meek --------------------------------------------------------------------------------------


def test_meek_exact_keep_factor_by_hand() -> None:
    r = counted("meek-stv", CASTOR, "CPH", 2, arithmetic="rational", tie_order=[1, 2, 0])
    # C keeps half of each of its 4 votes: 2 = quota; P gets the other halves, level with H
    defeat = votes(r, 2, "defeat")
    assert defeat == {"C": Fraction(2), "P": Fraction(2), "H": Fraction(2)}
    assert r.ties[0].tied == ("P", "H") and r.elected == ("C", "H")


def test_meek_prf_rounds_up_to_nine_places() -> None:
    r = counted("meek-stv", CASTOR, "CPH", 2, variant="prf", tie_order=[0, 1, 2])
    assert r.rounds[0].quota == D("2.000000001")
    # kf = 2.000000001 / 4 rounded up = 0.500000001; C keeps 4 x 0.500000001
    assert votes(r, 2, "defeat")["C"] == D("2.000000004")
    assert votes(r, 2, "defeat")["P"] == D("1.999999996")
    assert r.elected == ("C", "H") and r.ties == ()


def test_warren_takes_the_keep_factor_of_the_whole_vote() -> None:
    r = counted("meek-stv", CASTOR, "CPH", 2, variant="warren", arithmetic="rational")
    assert votes(r, 2, "defeat")["C"] == 2


# --- Minneapolis (ch. 167.70) ------------------------------------------------------------------


def test_minneapolis_by_hand() -> None:
    r = counted("minneapolis-stv", CASTOR, "CPH", 2)
    assert r.rounds[0].quota == D(3)  # 6 / 3 + 1
    steps = [(x.number, x.action, x.elected + x.defeated) for x in r.rounds]
    assert steps == [
        (1, "count", ()),
        (2, "defeat", ("P",)),  # 0 + surplus 1 < 2: mathematically impossible
        (2, "transfer", ()),
        (2, "count", ()),
        (3, "elect", ("C",)),
        (3, "transfer", ()),  # fraction 1/4 = 0.25 of 4 papers: all exhausted (P is out)
        (3, "count", ()),
        (4, "elect", ("H",)),
    ]
    assert r.rounds[-1].exhausted == D(1)


def test_minneapolis_defeats_undeclared_write_ins_in_round_two() -> None:
    profile = [(5, [3, 0, 1]), (2, [2])]
    r = counted("minneapolis-stv", profile, "CPHW", 2, undeclared=["W"], tie_order=[0, 1, 2, 3])
    defeat = next(x for x in r.rounds if x.action == "defeat")
    assert (defeat.number, defeat.defeated) == (2, ("W",))
    assert r.elected == ("C", "H")
