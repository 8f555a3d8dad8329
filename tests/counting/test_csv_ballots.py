"""CSV ballots: both layouts, refusals with their row, round trips."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soviet.counting import BallotError, Ballots
from soviet.counting.csv_ballots import format_csv, load_csv, parse_csv, write_csv

BY_RANK = "weight,rank1,rank2,rank3\n12,Adam,Basil,\n3,Charlotte,Adam,Basil\n\n1,Basil\n"
BY_CANDIDATE = "Votes,Adam,Basil,Charlotte\n12,1,2,\n3,2,3,1\n1,,1,0\n"
EXPECTED = [[0, 1, -1], [2, 0, 1], [1, -1, -1]]


def same(a: Ballots, b: Ballots) -> bool:
    return (
        a.candidates == b.candidates
        and np.array_equal(a.ranks, b.ranks)
        and np.array_equal(a.weight_array(), b.weight_array())
    )


@pytest.mark.parametrize("text", [BY_RANK, BY_CANDIDATE], ids=["ranks", "candidates"])
def test_both_layouts_read_the_same_ballots(text: str) -> None:
    b = parse_csv(text)
    assert b.candidates == ("Adam", "Basil", "Charlotte")
    assert b.ranks.tolist() == EXPECTED and b.weight_array().tolist() == [12, 3, 1]


def test_rank_labels_and_unweighted_rows() -> None:
    text = "1st choice, Choice 2 ,3\n Cara ,Abe\nAbe,,\n"
    b = parse_csv(text)
    assert b.candidates == ("Cara", "Abe") and b.weights is None
    assert b.ranks.tolist() == [[0, 1, -1], [1, -1, -1]]
    fixed = parse_csv(text, candidates=["Abe", "Bea", "Cara"])
    assert fixed.candidates == ("Abe", "Bea", "Cara") and fixed.ranks[0].tolist() == [2, 0, -1]


def test_layout_can_be_named_when_names_look_like_ranks() -> None:
    b = parse_csv("1,2\n2,1\n", layout="candidates")
    assert b.candidates == ("1", "2") and b.ranks.tolist() == [[1, 0]]
    assert parse_csv("1,2\n2,1\n").candidates == ("2", "1")


def test_quoted_names_and_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_text('\ufeffrank1,rank2\n"Smith, Jo","Lee ""Al"""\n', encoding="utf-8")
    assert load_csv(path).candidates == ("Smith, Jo", 'Lee "Al"')


REFUSED = {
    "shared rank": ("A,B\n1,2\n1,1\n", "row 3: two candidates share a rank"),
    "skipped rank": ("A,B,C\n1,3,\n", "row 2: a rank is skipped"),
    "not a number": ("A,B\nx,1\n", "row 2, column 'A': 'x' is not a rank number"),
    "named twice": ("rank1,rank2\nA,B\n\nA,A\n", "row 4: ranks a candidate twice"),
    "gap": ("rank1,rank2\n,A\n", "row 2: has a blank rank before a later preference"),
    "long row": ("rank1,rank2\nA,B,C\n", "row 2: 3 cells for 2 header columns"),
    "bad weight": ("count,rank1\n1.5,A\n", "row 2: weight '1.5' is not a whole number"),
    "zero weight": ("count,rank1\n1,A\n0,A\n", "row 3: weight 0"),
    "two weights": ("count,weight,rank1\n1,1,A\n", "row 1: 2 weight columns"),
    "no header": ("", "row 1: the first row must be a header"),
    "only weights": ("weight\n3\n", "row 1: no column to rank"),
}


@pytest.mark.parametrize(("text", "message"), REFUSED.values(), ids=REFUSED.keys())
def test_refusals_name_the_row(text: str, message: str) -> None:
    with pytest.raises(BallotError, match=message):
        parse_csv(text)


def test_unknown_candidates_and_files(tmp_path: Path) -> None:
    with pytest.raises(BallotError, match="row 3: 'Zed' is not a candidate"):
        parse_csv("rank1\nA\nZed\n", candidates=["A"])
    with pytest.raises(BallotError, match="differ from those given"):
        parse_csv("A,B\n1,2\n", candidates=["B", "A"])
    path = tmp_path / "bad.csv"
    path.write_bytes(b"rank1\n\xff\n")
    with pytest.raises(BallotError, match=r"bad\.csv: not UTF-8"):
        load_csv(path)


@st.composite
def profiles(draw: st.DrawFn) -> Ballots:
    n = draw(st.integers(1, 8))
    names = tuple(f"cand {chr(65 + i)}" for i in range(n))
    rankings = draw(
        st.lists(
            st.permutations(range(n)).flatmap(
                lambda p: st.integers(1, len(p)).map(lambda k: p[:k])
            ),
            min_size=1,
            max_size=20,
        )
    )
    depth = max(len(r) for r in rankings)
    ranks = np.full((len(rankings), depth), -1, dtype=np.int8)
    for i, r in enumerate(rankings):
        ranks[i, : len(r)] = r
    weighted = draw(st.booleans())
    weights = np.array([draw(st.integers(2, 99)) for _ in rankings]) if weighted else None
    return Ballots(ranks, names, weights)


@settings(max_examples=100, deadline=None)
@given(ballots=profiles(), layout=st.sampled_from(["ranks", "candidates"]))
def test_round_trip(
    ballots: Ballots, layout: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("csv") / "b.csv"
    write_csv(ballots, path, layout)  # type: ignore[arg-type]
    back = load_csv(path, candidates=ballots.candidates)
    assert same(back, ballots)
    assert same(parse_csv(format_csv(ballots, "candidates")), ballots)
