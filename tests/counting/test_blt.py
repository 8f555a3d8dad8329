"""BLT files: the peer files, messy variants, refusals with their line, round trips."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soviet.counting import BallotError, Ballots, Election, load_blt, parse_blt, write_blt
from soviet.counting.blt import format_blt

PEER = Path(__file__).resolve().parents[3] / "shared" / "peer" / "stv" / "blt"
PEER_FILES = sorted(PEER.rglob("*.blt"))
EQUAL_RANKINGS = {"meek/eq1.blt": 4, "meek/eq2.blt": 3}

CLEAN = '3 2\n4 1 2 0\n2 3 0\n1 0\n0\n"Castor"\n"Pollux"\n"Helen"\n"Twins"\n'


def same(a: Election, b: Election) -> bool:
    return (
        np.array_equal(a.ballots.ranks, b.ballots.ranks)
        and np.array_equal(a.ballots.weight_array(), b.ballots.weight_array())
        and (a.candidates, a.seats, a.title) == (b.candidates, b.seats, b.title)
        and (a.withdrawn, a.undeclared, a.tie_order, a.options)
        == (b.withdrawn, b.undeclared, b.tie_order, b.options)
    )


def plain_reading(path: Path) -> tuple[list[list[int]], list[int]]:
    """An independent line-by-line reading of a clean file, as the oracle for the fast one."""
    lines = [ln.split() for ln in path.read_text(encoding="utf-8-sig").splitlines()]
    rows, weights = [], []
    for parts in lines[1:]:
        if not parts or parts[0].startswith(("-", "[")):
            continue
        if parts == ["0"]:
            break
        weights.append(int(parts[0]))
        rows.append([int(p) - 1 for p in parts[1:-1]])
    return rows, weights


def test_the_peer_files_are_all_there() -> None:
    assert len(PEER_FILES) == 49
    assert len([p for p in PEER_FILES if p.parent.name == "scotland"]) == 23


@pytest.mark.parametrize("path", PEER_FILES, ids=lambda p: str(p.relative_to(PEER)))
def test_every_peer_file_loads_and_round_trips(path: Path, tmp_path: Path) -> None:
    name = str(path.relative_to(PEER))
    if name in EQUAL_RANKINGS:
        with pytest.raises(BallotError, match=rf"eq\d\.blt: line {EQUAL_RANKINGS[name]}: equal"):
            load_blt(path)
        return
    election = load_blt(path)
    copy = tmp_path / "copy.blt"
    write_blt(election, copy)
    assert same(load_blt(copy), election)
    if not any(tag in path.read_text(encoding="utf-8-sig") for tag in ("[nick", "=")):
        rows, weights = plain_reading(path)
        assert election.ballots.weight_array().tolist() == weights
        got = [[c for c in r if c >= 0] for r in election.ballots.ranks.tolist()]
        assert got == rows


def test_what_the_peer_files_declare() -> None:
    glasgow = load_blt(PEER / "scotland" / "Anderston-City-2007.blt")
    assert (len(glasgow.candidates), glasgow.seats) == (9, 4)
    assert glasgow.candidates[0] == "Nina Baker" and glasgow.title == "ANDERSTON-CITY"
    assert glasgow.ballots.total_weight() == 6900
    assert load_blt(PEER / "SCw.blt").withdrawn == frozenset({3})
    assert same(load_blt(PEER / "SCwopt.blt"), load_blt(PEER / "SCw.blt"))
    assert load_blt(PEER / "cfer" / "dk1-3-2.blt").withdrawn == frozenset({0, 4})
    assert same(load_blt(PEER / "42ubom.blt"), load_blt(PEER / "42u.blt"))
    assert load_blt(PEER / "42u.blt").candidates[0] == "Cåstor"
    assert load_blt(PEER / "42t.blt").tie_order == (2, 1, 0)
    assert load_blt(PEER / "mpls" / "undeclared.blt").undeclared == frozenset({3})
    assert load_blt(PEER / "mpls" / "tie.blt").options == ("precision=5",)
    m135 = load_blt(PEER / "M135.blt")  # three quoted strings and a table follow the names
    assert m135.title == "M135: Gen v1.1 1 3 45" and m135.candidates[-1] == "C25"
    # a doubled and a trailing space inside quotes are layout, not part of the name
    assert "Kieran Wild" in load_blt(PEER / "scotland" / "Canal-2007.blt").candidates


def test_the_clean_form() -> None:
    e = parse_blt(CLEAN)
    assert e.candidates == ("Castor", "Pollux", "Helen") and e.seats == 2 and e.title == "Twins"
    assert e.ballots.ranks.tolist() == [[0, 1], [2, -1], [-1, -1]]
    assert e.ballots.weight_array().tolist() == [4, 2, 1]
    assert parse_blt("2 1\n1 1 0\n1 2 1 0\n0\nA\nB\nT\n").ballots.weights is None


MESSY = {
    "windows line endings": CLEAN.replace("\n", "\r\n"),
    "old mac line endings": CLEAN.replace("\n", "\r"),
    "byte-order mark": "\ufeff" + CLEAN,
    "bytes": CLEAN.encode(),
    "blank lines and comments": (
        "# exported by hand\n3 2  # candidates seats\n\n4 1 2 0\n# a comment\n2 3 0 # trailing\n"
        '\n1 0\n0\n"Castor"  # first\n\n"Pollux"\n"Helen"\n"Twins"\n'
    ),
    "c comments": '3 2\n/* two\nlines */\n4 1 2 0\n2 3 0 /* x */\n1 0\n0\n"Castor"\n"Pollux"\n'
    '"Helen"\n"Twins"\n',
    "commas, tabs, spaces": '3, 2\n4,1,2,0,\n\t2  3\t0\n 1 , 0\n0\n"Castor"\n"Pollux"\n"Helen"\n'
    '"Twins"\n',
    "unquoted names": "3 2\n4 1 2 0\n2 3 0\n1 0\n0\nCastor\nPollux\nHelen\nTwins\n",
    "names on one line": '3 2\n4 1 2 0\n2 3 0\n1 0\n0\n"Castor" "Pollux" "Helen"\n"Twins"\n',
    "spaces inside quotes": '3 2\n4 1 2 0\n2 3 0\n1 0\n0\n" Castor "\n"Pollux"\n"Helen"\n"Twins"\n',
    "nicknames": "3 2\n[nick c p h]\n4 c p 0\n2 h 0\n1 0\n0\nCastor\nPollux\nHelen\nTwins\n",
    "no final newline": CLEAN.rstrip("\n"),
    "text after the title": CLEAN + '"source"\nFirst prefs 4 0 2\n',
}


@pytest.mark.parametrize("text", MESSY.values(), ids=MESSY.keys())
def test_messy_but_unambiguous_files_read_as_the_clean_one(text: str | bytes) -> None:
    assert same(parse_blt(text), parse_blt(CLEAN))


def test_ballot_ids_stand_for_weight_one() -> None:
    e = parse_blt('3 1\n(a1) 1 2 0\n( b 2 ) 3 0\n0\n"A"\n"B"\n"C"\n"T"\n')
    assert e.ballots.ranks.tolist() == [[0, 1], [2, -1]] and e.ballots.weights is None


def test_withdrawn_options_and_ties() -> None:
    e = parse_blt("4 2\n-2 -4\n[tie 4 3 2 1]\n[undeclared 3]\n[droop meek]\n1 1 0\n0\nA\nB\nC\nD\n")
    assert e.withdrawn == frozenset({1, 3}) and e.undeclared == frozenset({2})
    assert e.tie_order == (3, 2, 1, 0) and e.options == ("meek",) and e.title == ""


AMBIGUOUS = {
    "equal ranking": ("3 1\n1 1 2 0\n2 1=2 0\n0\nA\nB\nC\n", "line 3: equal ranking '1=2'"),
    "candidate out of range": (
        "3 1\n2 1 2 0\n2 1 4 0\n0\nA\nB\nC\n",
        "line 3: candidate 4 but only 3",
    ),
    "candidate twice": ("3 1\n1 0\n2 1 3 1 0\n0\nA\nB\nC\n", "line 3: candidate 1 ranked twice"),
    "no closing 0": ("3 1\n2 1 2 0\n2 1 2\n0\nA\nB\nC\n", "line 3: ballot does not end with 0"),
    "two ballots on a line": ("3 1\n2 1 0 3 2 0\n0\nA\nB\nC\n", "line 2: 0 before the end"),
    "weight alone": ("3 1\n\n5\n0\nA\nB\nC\n", "line 3: a ballot line needs a weight"),
    "weight 0": ("3 1\n0 1 2 0\n0\nA\nB\nC\n", "line 2: weight 0"),
    "fractional weight": ("3 1\n1.5 1 2 0\n0\nA\nB\nC\n", "line 2: .* whole number"),
    "negative preference": ("3 1\n1 -1 0\n0\nA\nB\nC\n", "line 2: negative number"),
    "letters": ("3 1\n1 1 0\n1 x 0\n0\nA\nB\nC\n", "line 3: unexpected 'x'"),
    "no end of ballots": ("3 1\n1 1 0\nA\nB\nC\n", "line 3: unexpected 'A' .*'0' .* missing"),
    "nothing after ballots": ("3 1\n1 1 0\n\n", "line 2: no line '0' ends the ballots"),
    "too few names": ("3 1\n1 1 0\n0\nA\nB\n", "line 5: 2 candidate names for the 3"),
    "same name twice": ("3 1\n1 1 0\n0\nA\nB\nA\nT\n", "line 6: candidate name 'A' also on line 4"),
    "half-quoted name": ('2 1\n1 1 0\n0\n"A\nB\n', "line 4: unclosed quote"),
    "text beside a quoted name": ('2 1\n1 1 0\n0\n"A" B\n"B"\n', "line 4: text outside quotes"),
    "header": ("3\n1 1 0\n0\nA\nB\nC\n", "line 1: expected 'candidates seats'"),
    "no seats": ("3 0\n1 1 0\n0\nA\nB\nC\n", "line 1: 3 candidates for 0 seats"),
    "empty": ("\n\n", "line 1: empty file"),
    "withdrawn out of range": ("3 1\n-4\n1 1 0\n0\nA\nB\nC\n", "line 2: '4' is not a candidate"),
    "withdrawn twice": ("3 1\n-2 -2\n1 1 0\n0\nA\nB\nC\n", "line 2: a candidate is listed twice"),
    "unknown option": ("3 1\n[frobnicate]\n1 1 0\n0\nA\nB\nC\n", "line 2: unknown option"),
    "incomplete tie": ("3 1\n[tie 1 2]\n1 1 0\n0\nA\nB\nC\n", "line 2: \\[tie\\] must list"),
    "short nick list": ("3 1\n[nick a b]\n1 1 0\n0\nA\nB\nC\n", "line 2: \\[nick\\] must give 3"),
    "unknown nickname": ("2 1\n[nick a b]\n1 a c 0\n0\nA\nB\n", "line 3: unexpected 'c'"),
    "ballot id twice": ("2 1\n(7) 1 0\n(7) 2 0\n0\nA\nB\n", "line 3: ballot id '7' appears twice"),
    "huge number": ("2 1\n1234567890123456789 1 0\n0\nA\nB\n", "line 2: number of more than 18"),
    "name not utf-8": (b"2 1\n1 1 0\n0\nA\n\xff\xfe\n", "line 5: name is not UTF-8"),
}


@pytest.mark.parametrize(("text", "message"), AMBIGUOUS.values(), ids=AMBIGUOUS.keys())
def test_ambiguous_files_are_refused_with_their_line(text: str | bytes, message: str) -> None:
    with pytest.raises(BallotError, match=message):
        parse_blt(text)


def test_load_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.blt"
    bad.write_text("2 1\n1 3 0\n0\nA\nB\n")
    with pytest.raises(BallotError, match=r"bad\.blt: line 2: candidate 3"):
        load_blt(bad)


def test_a_large_file_is_read_in_blocks_with_true_line_numbers() -> None:
    rng = np.random.default_rng(7)
    n, rows = 12, 150_000  # several of the reader's 1 MiB blocks
    ranks = np.argsort(rng.random((rows, n)), axis=1)[:, :6].astype(np.int8)
    ranks[rng.random(rows) < 0.3, 3:] = -1
    weights = rng.integers(1, 50, rows)
    election = Election(Ballots(ranks, tuple(f"C{i}" for i in range(n)), weights), seats=3)
    text = format_blt(election)
    assert len(text) > 2 << 20
    assert same(parse_blt(text), election)
    lines = text.split(b"\n")
    lines[123_456] = b"1 2 13 0"  # line 123457 of the file
    with pytest.raises(BallotError, match="line 123457: candidate 13 but only 12"):
        parse_blt(b"\n".join(lines))
    lines[123_456] = b"1 2 3 2 0"
    with pytest.raises(BallotError, match="line 123457: candidate 2 ranked twice"):
        parse_blt(b"\n".join(lines))


def test_the_writer_refuses_what_blt_cannot_hold() -> None:
    quoted = Election(Ballots(np.zeros((1, 1), np.int8), ('say "hi"',)), seats=1)
    with pytest.raises(BallotError, match="double quote"):
        format_blt(quoted)
    halves = Election(Ballots(np.zeros((1, 1), np.int8), ("A",), np.array([0.5])), seats=1)
    with pytest.raises(BallotError, match="whole numbers"):
        format_blt(halves)


NAME = st.text(alphabet="abcdefghij KLMNOPQ-é'.", min_size=1, max_size=12).map(
    lambda s: " ".join(s.split())
)


@st.composite
def elections(draw: st.DrawFn) -> Election:
    names = draw(st.lists(NAME.filter(bool), min_size=1, max_size=12, unique=True))
    n = len(names)
    rankings = draw(
        st.lists(
            st.permutations(range(n)).flatmap(
                lambda p: st.integers(0, len(p)).map(lambda k: p[:k])
            ),
            max_size=25,
        )
    )
    depth = max([len(r) for r in rankings] + [1])
    ranks = np.full((len(rankings), depth), -1, dtype=np.int8)
    for i, r in enumerate(rankings):
        ranks[i, : len(r)] = r
    weights = draw(
        st.none() | st.lists(st.integers(1, 10**12), min_size=len(rankings), max_size=len(rankings))
    )
    w = None if weights is None or all(x == 1 for x in weights) else np.array(weights, np.int64)
    return Election(
        Ballots(ranks, tuple(names), w),
        seats=draw(st.integers(1, n)),
        title=draw(NAME | st.just("")),
        withdrawn=frozenset(draw(st.sets(st.integers(0, n - 1)))),
        undeclared=frozenset(draw(st.sets(st.integers(0, n - 1)))),
        tie_order=tuple(draw(st.none() | st.permutations(range(n))) or ()),
        options=tuple(draw(st.lists(st.sampled_from(["meek", "precision=9"]), max_size=2))),
    )


@settings(max_examples=150, deadline=None)
@given(elections())
def test_round_trip(election: Election) -> None:
    assert same(parse_blt(format_blt(election)), election)


def test_standing_strikes_out_withdrawn_candidates() -> None:
    e = parse_blt("4 1\n-2 -4\n3 2 1 4 3 0\n1 4 2 0\n1 3 0\n0\nA\nB\nC\nD\n")
    b = e.standing()
    assert b.candidates == ("A", "C") and b.ranks.tolist() == [[0, 1], [-1, -1], [1, -1]]
    assert b.weight_array().tolist() == [3, 1, 1]
    clean = parse_blt(CLEAN)
    assert clean.standing() is clean.ballots
