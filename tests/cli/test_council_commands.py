"""The council tree from the command line: the guide's walkthrough (docs/councils.md) run as a
user pastes it, through the real `soviet` binary, and the refusals, each one line and a non-zero
exit that records nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from soviet.cli.elections import ballots_for
from soviet.cli.receipts import describe
from soviet.counting import Ballots
from soviet.ledger import open_ledger, verify_rows
from soviet.model.events import SeatsApportioned
from soviet.model.state import State
from soviet.rules.apportionment import apportion_seats
from soviet.rules.elections import elect
from soviet.rules.founding import found
from soviet.rules.membership import join
from soviet.rules.recall import file_petition
from soviet.rules.structure import create_body
from soviet.service import Organisation
from soviet.service.queries import chain, sitting
from tests.conftest import CHARTER_JSON, REPO
from tests.docs.guide import walk

SOVIET = str(Path(sys.executable).with_name("soviet"))
GUIDE = REPO / "docs" / "councils.md"


def soviet(*args: str, db: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "100", "SOVIET_DB": db}
    return subprocess.run([SOVIET, *args], capture_output=True, text=True, env=env,
                          timeout=60, check=False)


def test_the_guide_walkthrough_prints_what_it_shows(tmp_path: Path) -> None:
    blocks, refusals = walk(GUIDE, tmp_path)
    assert blocks >= 15
    assert len(refusals) == 2

    [ledger] = tmp_path.glob("*/harbour.db")
    with Organisation.open(f"sqlite:///{ledger}") as org:
        state = org.state()
        assert verify_rows(org.ledger.rows()).sound
    assert state.mandates["M2"].ended is not None
    assert state.mandates["M2"].ended.reason == "recalled"
    assert [(m, state.mandates[m].ended.reason if state.mandates[m].ended else None)
            for m in ("M6", "M10")] == [("M6", "cascade"), ("M10", "cascade")]
    assert [m.holder for m in sitting(state, "congress")] == ["luz", "chi", "hal"]
    assert [link.mandate.id for link in chain(state, "M16")] == ["M16", "M14"]
    assert state.mandates["M14"].substitutes == "M2"
    assert sorted(state.by_elections) == ["E10", "E11", "E8", "E9"]
    assert state.bodies["tugs"].dissolved == "2026-05-12"
    assert state.members["far"].unit == "cranes"


def founded_ledger(path: Path) -> str:
    """A federation (the shipped charter) with a council and its docks local, whose two seats
    Ana and Ben fill; a petition P1 to recall Ana with one signature of the two needed; and a
    new local, the pilots, with no members yet."""
    url = f"sqlite:///{path}"
    with Organisation.open(url) as org:
        acts = [
            lambda s: found(s, "Harbour Workers", CHARTER_JSON),
            lambda s: create_body(s, "congress", "Congress", "congress", None, "2026-01-01"),
            lambda s: create_body(s, "west", "West Bank Council", "council", "congress",
                                  "2026-01-01", "region"),
            lambda s: create_body(s, "docks", "Docks Local", "unit_assembly", "west",
                                  "2026-01-01"),
            lambda s: join(s, "docks", [(x, x.title()) for x in
                                        ("ana", "ben", "chi", "dmi", "efu", "far", "gre")],
                           "2026-01-02"),
            lambda s: apportion_seats(s, "west", "2026-01-03"),
            lambda s: elect(s, "docks", "west", ["ana", "ben"], None, "2026-01-04"),
            lambda s: file_petition(s, "M1", "chi", "absent", "2026-02-01"),
            lambda s: create_body(s, "pilots", "Pilots", "unit_assembly", "west", "2026-02-01"),
        ]
        for act in acts:
            org.execute(act)
    return url


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> str:
    return founded_ledger(tmp_path_factory.mktemp("refusals") / "harbour.db")


def head(url: str) -> int:
    with open_ledger(url) as ledger:
        return ledger.head().seq


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["elect", "docks", "west", "--candidates", "chi", "--on", "2026-03-01"], 1,
         "refused: elections: Docks Local may fill 0 seat(s) in West Bank Council now"),
        (["elect", "docks", "west", "--candidates", "chi", "--method", "sortition"], 1,
         "refused: elections: unknown counting method 'sortition'; known: "),
        (["recall", "vote", "P1", "--yes", "5", "--no", "1"], 1,
         "refused: recall: petition P1 has 1 of the 2 signatures it needs for a vote"),
        (["recall", "sign", "P1", "--member", "nobody", "--member", "dmi"], 1,
         "refused: recall: nobody is not a member"),
        (["body", "dissolve", "docks"], 1,
         "refused: structure: Docks Local still has 7 members: transfer them first"),
        (["why", "M99"], 1, "error: there is no mandate 'M99'"),
        (["member", "suspend", "ana", "--on", "2026-13-01"], 2,
         "error: --on 2026-13-01: not a date (YYYY-MM-DD)"),
    ],
    ids=["seats-full", "unknown-method", "too-few-signatures", "signer-unknown",
         "dissolve-with-members", "no-mandate", "bad-date"],
)
def test_refusals_are_one_line_and_record_nothing(ledger: str, args: list[str], code: int,
                                                  message: str) -> None:
    before = head(ledger)
    r = soviet(*args, db=ledger)
    assert r.returncode == code
    assert r.stderr.startswith(message), r.stderr
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert r.stdout == ""
    assert head(ledger) == before


def test_bad_files_are_named_with_the_line(ledger: str, tmp_path: Path) -> None:
    """A ballot file whose candidates are not those standing, a roll without its header: one
    line naming the file (and line), exit 2, nothing recorded."""
    before = head(ledger)
    blt = tmp_path / "four.blt"
    blt.write_text('4 1\n1 1 2 0\n0\n"A"\n"B"\n"C"\n"D"\n"four"\n', encoding="utf-8")
    r = soviet("elect", "pilots", "west", "--candidates", "ana,ben", "--ballots", str(blt),
               db=ledger)
    assert (r.returncode, r.stderr) == (
        2, f"error: {blt} has 4 candidates (A, B, C, D) but --candidates names 2\n")
    roll = tmp_path / "roll.csv"
    roll.write_text("member,full name\nx1,Xenia\n", encoding="utf-8")
    r = soviet("member", "join", "pilots", "--roll", str(roll), db=ledger)
    assert (r.returncode, r.stderr) == (
        2, f"error: {roll} line 1: the header must name the columns id and name\n")
    assert head(ledger) == before


def test_an_empty_ledger_has_no_tree(tmp_path: Path) -> None:
    r = soviet("tree", db=f"sqlite:///{tmp_path / 'empty.db'}")
    assert r.returncode == 1
    assert r.stderr.strip() == ("error: no organisation has been founded in this ledger "
                                "(see soviet init)")


def test_signatures_basis_and_dissolution(tmp_path: Path) -> None:
    """What the walkthrough leaves out: several signatures in one command (the vote is called
    at the threshold), a reported basis, and a unit dissolved."""
    url = founded_ledger(tmp_path / "more.db")
    script = (f"{SOVIET} recall sign P1 --member dmi --member efu --on 2026-02-02\n"
              f"{SOVIET} body basis pilots --voters 1200 --on 2026-02-03\n"
              f"{SOVIET} body dissolve pilots --on 2026-02-04\n")
    r = subprocess.run(["bash", "-e", "-c", script], capture_output=True, text=True,
                       env={**os.environ, "SOVIET_DB": url, "COLUMNS": "100"},
                       timeout=60, check=False)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [
        "#12 Dmi (dmi) signed P1",
        "#13 2 signatures, 2 needed: a recall vote on P1 is called",
        "#14 Efu (efu) signed P1",
        "#15 pilots reports 1,200 voters",
        "#16 pilots dissolved",
    ]
    with Organisation.open(url) as org:
        state = org.state()
    assert state.petitions["P1"].signatures == {"chi", "dmi", "efu"}
    assert state.basis[("pilots", "voters")] == 1200
    assert state.bodies["pilots"].dissolved == "2026-02-04"


def test_ballot_files_map_to_the_candidates_by_name_or_by_place(tmp_path: Path) -> None:
    """A file naming exactly the ids is matched by name, in any order; any other by place; a
    candidate the BLT file withdraws does not stand."""
    def read(ballots: Ballots) -> list[list[str]]:
        return [[ballots.candidates[c] for c in row if c >= 0] for row in ballots.ranks]

    by_name = tmp_path / "ids.csv"
    by_name.write_text("weight,1,2\n3,c,a\n1,b,c\n", encoding="utf-8")
    profile = ballots_for(by_name, ["a", "b", "c"])
    assert profile.candidates == ("a", "b", "c")
    assert read(profile) == [["c", "a"], ["b", "c"]]
    assert profile.weights is not None and profile.weights.tolist() == [3, 1]

    by_place = tmp_path / "names.blt"
    by_place.write_text('3 1\n-2\n1 1 2 3 0\n1 2 3 0\n0\n"Xena"\n"Yann"\n"Zoe"\n"t"\n',
                        encoding="utf-8")
    profile = ballots_for(by_place, ["x", "y", "z"])
    assert profile.candidates == ("x", "z")
    assert read(profile) == [["x", "z"], ["z"]]


def test_mandate_expire_ends_the_terms_that_are_over(tmp_path: Path) -> None:
    """Before the term's end there is nothing to expire (one line, nothing recorded); from it,
    both seats end, and no by-election is called."""
    url = founded_ledger(tmp_path / "terms.db")
    before = head(url)
    r = soviet("mandate", "expire", "--on", "2028-01-03", db=url)
    assert (r.returncode, r.stdout) == (1, "")
    assert r.stderr == ("refused: terms: no live mandate's term ends on or before "
                        "2028-01-03\n")
    assert head(url) == before
    r = soviet("mandate", "expire", "--on", "2028-01-04", db=url)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["#12 M2 (Ben (ben) in west) ends: term",
                                     "#13 M1 (Ana (ana) in west) ends: term"]
    with Organisation.open(url) as org:
        state = org.state()
    assert list(state.sitting("west")) == []
    assert not state.by_elections


def test_an_apportionment_receipt_carries_its_note() -> None:
    event = SeatsApportioned(body="west", scale="local", method="hamilton",
                             seats={"docks": 6, "pilots": 0}, basis={"docks": 7, "pilots": 0},
                             on="2026-01-03", note="no seats for pilots: a basis of 0")
    assert describe(event, State()) == ("seats in west apportioned (hamilton): 6 for 2 bodies; "
                                        "no seats for pilots: a basis of 0")
