"""Sessions from the command line: the guide's walkthrough (docs/sessions.md) run as a user
pastes it, through the real `soviet` binary; a congress of delegations carrying 2,000 votes
(set up through the service, then sitting through the CLI) with split, phone and hall votes,
a contested mandate and a withdrawn motion; and the refusals, each one line naming the rule and
the charter clause, exit 1, nothing recorded."""

from __future__ import annotations

import os
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest

from soviet.ledger import open_ledger, verify_rows
from soviet.rules import motions, polls, sessions
from soviet.service import Organisation
from tests.conftest import REPO
from tests.docs.guide import walk
from tests.rules.sessions import DELEGATES, NORTH, OPENS, convention, delegates, sitting
from tests.rules.tree import build

SOVIET = str(Path(sys.executable).with_name("soviet"))
GUIDE = REPO / "docs" / "sessions.md"


def soviet(*args: str, db: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "100", "SOVIET_DB": db}
    return subprocess.run([SOVIET, *args], capture_output=True, text=True, env=env,
                          timeout=60, check=False)


def ok(*args: str, db: str) -> list[str]:
    """Run a command that must succeed; its lines of output."""
    r = soviet(*args, db=db)
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""
    return r.stdout.splitlines()


def head(url: str) -> int:
    with open_ledger(url) as ledger:
        return ledger.head().seq


def test_the_guides_walkthroughs_print_what_they_show(tmp_path: Path) -> None:
    """docs/sessions.md's walkthrough, and docs/convention.md's, which continues it in the
    same shell (one run for both: each takes most of a minute)."""
    blocks, refusals = walk(GUIDE, tmp_path, REPO / "docs" / "convention.md")
    assert blocks >= 15
    assert [r.split(":")[1].strip() for r in refusals[:4]] == ["discussion", "floor", "polls",
                                                               "polls"]
    assert refusals[-1].startswith("refused: proxies: ana is not an alternate or another "
                                   "delegate of ferries's delegation")

    [ledger] = tmp_path.glob("*/harbour.db")
    with Organisation.open(f"sqlite:///{ledger}") as org:
        state = org.state()
        assert verify_rows(org.ledger.rows()).sound
    assert [(s.id, s.kind, s.closed) for s in state.sessions.values()][:3] == [
        ("S1", "regular", "2026-03-14"), ("S2", "regular", "2026-04-06"),
        ("S3", "extraordinary", "2026-04-18")]
    mo1, mo2, mo3, mo4 = (state.motions[m] for m in ("MO1", "MO2", "MO3", "MO4"))
    assert (mo1.status, mo2.status, mo3.status, mo3.referred_to) == (
        "adopted", "rejected", "referred", "exec")
    assert [d.by for d in mo1.dissents] == [("luz",)]
    assert mo4.annulled is not None and mo4.annulled.by == "MO5"
    assert state.polls["PO2"].cast["ana"].parts == {"yes": 3, "no": 1}
    assert state.polls["PO4"].cast["ana"].parts == {}  # a secret ballot keeps no choice
    # convention.md's part
    assert state.sessions["S4"].basis == {"cranes": 4, "docks": 7, "ferries": 2}
    assert state.polls["PO5"].outcome is not None and state.polls["PO5"].outcome.adopted
    assert state.paid_up[("docks", "2026-04")] == 6


@pytest.fixture
def congress(tmp_path: Path) -> str:
    """The rule tests' congress (north 1,300 votes, south 700) convened, opened, every
    delegate present and admitted, one item on the agenda: session S1, set up through the
    service; the commands under test then run through the CLI on the same ledger."""
    url = f"sqlite:///{tmp_path / 'congress.db'}"
    with Organisation.open(url) as org:
        sitting(delegates(build(org, convention())))
    return url


def test_weighted_votes_split_by_phone_and_in_the_hall(congress: str) -> None:
    url = congress
    shown = ok("session", "show", "S1", db=url)
    assert any("Member 1 of n1 (n1m1)" in line and line.rstrip("│ ").endswith("434")
               for line in shown), shown
    assert ("5 with a deciding vote present, carrying 2000 of 2000 votes (240 seats): quorate"
            in shown)
    assert ok("motion", "submit", "S1", "1", "n1m1", "--title", "Programme", "--text",
              "The federation adopts the programme.", "--on", OPENS, db=url)[0].endswith(
        "motion MO1 on item 1 of S1, moved by Member 1 of n1 (n1m1): Programme")
    assert ok("motion", "support", "MO1", "s1m1", db=url)[1].endswith(
        "MO1 admitted for debate (1 supporter(s))")
    ok("poll", "open", "S1", "--motion", "MO1", "--secrecy", "named", "--on", OPENS, db=url)
    [split] = ok("poll", "vote", "PO1", "n1m1", "--split", "yes=1000/3", "--split",
                 "no=302/3", db=url)
    assert split.endswith("Member 1 of n1 (n1m1) votes yes 333 1/3, no 100 2/3 in PO1 "
                          "(carries 434)")
    ok("poll", "vote", "PO1", "n1m2", "n2m1", "--choice", "yes", db=url)
    ok("poll", "vote", "PO1", "s1m1", "s2m1", "--choice", "no", db=url)
    [closed] = ok("poll", "close", "PO1", "--on", OPENS, db=url)
    assert closed.endswith("poll PO1 closed: adopted: 1199 1/3 for of 2000 cast, more than "
                           "1/2 (1000) required; charter [congress.majority].ordinary = "
                           '{fraction = 1/2, comparison = "more-than", base = "cast", '
                           "count_abstentions = false}")
    shown = ok("poll", "show", "PO1", db=url)
    assert "total: yes 1199 1/3, no 800 2/3, abstain 0" in shown
    ok("decision", "dissent", "MO1", "--by", "s1m1", "--by", "s2m1", "--statement",
       "The south holds it premature.", "--on", OPENS, db=url)
    directives = "\n".join(ok("decision", "directives", "s3", db=url))
    assert "MO1" in directives and "Programme" in directives

    # one delegate votes by phone, the tellers count the four others in the hall
    ok("poll", "open", "S1", "--question", "Adjourn for lunch?", "--kind", "procedure",
       "--on", OPENS, db=url)
    ok("poll", "vote", "PO2", "n1m1", "--choice", "yes", db=url)
    [counted] = ok("poll", "count", "PO2", "--teller", "s1m2", "--teller", "n1m3", "--yes",
                   "866", "--no", "700", "--voters", "4", db=url)
    assert counted.endswith("tellers Member 2 of s1 (s1m2), Member 3 of n1 (n1m3) count the "
                            "hall in PO2: yes 866, no 700, abstain 0 (4 voters)")
    [closed] = ok("poll", "close", "PO2", "--on", OPENS, db=url)
    assert "adopted: 1300 for of 2000 present" in closed, closed
    ok("session", "close", "S1", "--on", OPENS, db=url)

    with Organisation.open(url) as org:
        state = org.state()
    outcome = state.polls["PO1"].outcome
    assert outcome is not None
    assert (outcome.yes, outcome.no) == (Fraction(3598, 3), Fraction(2402, 3))
    assert state.motions["MO1"].dissents[0].by == ("s1m1", "s2m1")
    assert state.sessions["S1"].closed == OPENS


def test_a_contested_mandate_a_departure_and_a_withdrawn_motion(congress: str) -> None:
    url = congress
    [contested] = ok("credentials", "contest", "S1", "n1m2", "--by", "s1m1", "--grounds",
                     "elected after the deadline", "--on", OPENS, db=url)
    assert contested.endswith("Member 2 of n1 (n1m2)'s mandate contested by Member 1 of s1 "
                              "(s1m1): elected after the deadline")
    shown = "\n".join(ok("session", "show", "S1", db=url))
    assert "contested: elected after the deadline" in shown
    ok("poll", "open", "S1", "--question", "Admit n1m2?", "--kind", "procedure", "--on", OPENS,
       db=url)
    ok("poll", "vote", "PO1", "n1m1", "n2m1", "s1m1", "s2m1", "--choice", "yes", db=url)
    ok("poll", "close", "PO1", "--on", OPENS, db=url)
    [decided] = ok("credentials", "decide", "S1", "n1m2", "--poll", "PO1", "--reason",
                   "the deadline was met", "--on", OPENS, db=url)
    assert "Member 2 of n1 (n1m2) admitted on M" in decided and decided.endswith(
        "by PO1: the deadline was met")

    [left] = ok("attend", "S1", "s2m1", "--leave", "--on", OPENS, db=url)
    assert left.endswith("Member 1 of s2 (s2m1) left S1")
    ok("motion", "submit", "S1", "1", "n1m1", "--title", "Programme", "--text", "Adopt it.",
       "--on", OPENS, db=url)
    ok("motion", "support", "MO1", "s1m1", db=url)
    ok("motion", "submit", "S1", "1", "n1m2", "--title", "Amend", "--text", "Delete 4.",
       "--amends", "MO1", "--on", OPENS, db=url)
    ok("motion", "support", "MO2", "s1m1", db=url)
    assert [line.split(" ", 1)[1] for line in ok("motion", "withdraw", "MO1", "--by", "n1m1",
                                                 "--on", OPENS, db=url)] == [
        "MO1 withdrawn by Member 1 of n1 (n1m1)", "MO2 lapses with MO1"]


@pytest.fixture(scope="module")
def refusing(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A congress where only the south's 700 of 2,000 votes are left present, with motion MO1
    and its amendment MO2 before it, and poll PO1 (a question) closed."""
    url = f"sqlite:///{tmp_path_factory.mktemp('refusals') / 'congress.db'}"
    with Organisation.open(url) as org:
        tree = delegates(build(org, convention()))
        s = sitting(tree)
        tree(motions.submit, s, "1", "n1m1", "Programme", "Adopt it.", OPENS)
        tree(motions.support, "MO1", "s1m1")
        tree(motions.submit, s, "1", "s2m1", "Amend", "Delete 4.", OPENS, amends="MO1")
        tree(motions.support, "MO2", "s1m1")
        tree(polls.open_poll, s, OPENS, question="Adjourn?")
        for x in DELEGATES:
            tree(polls.cast, "PO1", x, choice="no")
        tree(polls.close, "PO1", OPENS)
        for x in NORTH:
            tree(sessions.register, s, x, OPENS, present=False)
    return url


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["poll", "open", "S1", "--question", "Strike?", "--on", OPENS], 1,
         "refused: quorum: 700 of 2000 votes present, 1000 needed, charter "
         "[congress].quorum = 1/2\n"),
        (["poll", "close", "PO1"], 1,
         "refused: polls: poll PO1 was closed at event "),
        (["poll", "open", "S1", "--motion", "MO1", "--on", OPENS], 1,
         "refused: polls: amendment MO2 to MO1 is still before the body: amendments are voted "
         "before the motion\n"),
        (["session", "demand", "congress", "--by", "n1m1", "--grounds", "x", "--on", OPENS], 1,
         "refused: convocation: n1m1 is not a live base unit: demands are counted in units, "
         'charter [congress.extraordinary].of = "units"\n'),
        (["theses", "vote", "S1", "n1", "--for", "T1=5"], 1,
         "refused: discussion: the discussion ended when session S1 opened on 2026-05-01\n"),
        (["floor", "hold", "S1", "1", "s1m1", "--seconds", "10"], 1,
         "refused: floor: s1m1 has not asked for a contribution on item 1\n"),
        (["poll", "vote", "PO1", "s1m1", "--split", "yes=lots"], 2,
         "error: --split yes lots: not a number of votes (e.g. 12 or 200/3)\n"),
        (["session", "show", "S9"], 1, "error: there is no session 'S9'\n"),
    ],
    ids=["no-quorum", "poll-closed-twice", "amendment-first", "demand-by-a-member",
         "discussion-over", "floor-not-asked", "bad-figure", "no-session"],
)
def test_refusals_are_one_line_and_record_nothing(refusing: str, args: list[str], code: int,
                                                  message: str) -> None:
    before = head(refusing)
    r = soviet(*args, db=refusing)
    assert (r.returncode, r.stdout) == (code, "")
    assert r.stderr.startswith(message), r.stderr
    assert len(r.stderr.splitlines()) == 1, r.stderr
    assert head(refusing) == before
