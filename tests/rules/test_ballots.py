"""Secret ballots on devices: the ledger says who has voted, never how; the box holds ballots
with their receipt codes and nothing naming a voter; the close publishes the box and empties
it, and anyone can recount from what it published. On both backends."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import pytest

from soviet.ledger import LedgerError
from soviet.rules import polls
from soviet.service import Organisation
from soviet.service.ballots import closing, new_receipt
from tests.rules.sessions import OPENS, convention, delegates, sitting
from tests.rules.tree import Tree, build, refused


@pytest.fixture
def ballot(ledger_url: str) -> Iterator[tuple[Tree, str]]:
    with Organisation.open(ledger_url) as org:
        tree = delegates(build(org, convention()))
        s = sitting(tree)
        [opened] = tree(polls.open_poll, s, OPENS, question="Elect the auditor",
                        secrecy="ballot")
        yield tree, opened.payload["poll"]


def test_the_ledger_records_who_voted_and_the_box_how(ballot: tuple[Tree, str]) -> None:
    tree, p = ballot
    receipts = {x: new_receipt() for x in ("n1m1", "n1m2", "s1m1")}
    tree(polls.cast, p, "n1m1", choice="yes", receipt=receipts["n1m1"])
    tree(polls.cast, p, "n1m2", choice="no", receipt=receipts["n1m2"])
    tree(polls.cast, p, "s1m1", parts={"yes": Fraction(100), "abstain": Fraction(250)},
         receipt=receipts["s1m1"])
    rows = list(tree.org.ledger.rows())
    assert not any(r for r in receipts.values() for row in rows if r in row[6])
    assert not any('"yes"' in row[6] for row in rows if row[5] == "vote.cast")
    assert set(tree.state.polls[p].cast) == {"n1m1", "n1m2", "s1m1"}
    box = tree.org.box(p)
    assert [b.receipt for b in box] == sorted(receipts.values())
    assert sorted(b.strength for b in box) == ["350", "433", "434"]
    assert "n1m1" not in repr(box)

    closed = tree.org.execute(closing(tree.org, p, OPENS))
    published = closed[0].payload["ballots"]
    assert [b["receipt"] for b in published] == sorted(receipts.values())
    mine = next(b for b in published if b["receipt"] == receipts["s1m1"])
    assert mine["parts"] == {"yes": "100", "abstain": "250"}
    assert (closed[0].payload["yes"], closed[0].payload["no"]) == ("534", "433")
    assert tree.org.box(p) == []
    poll = tree.state.polls[p]
    assert poll.outcome is not None and len(poll.outcome.ballots) == 3
    recount = polls.tally(poll)
    assert (recount["yes"], recount["no"], recount["abstain"]) == (534, 433, 250)


def test_refusals(ballot: tuple[Tree, str]) -> None:
    tree, p = ballot
    refused(tree, f"polls: poll {p} is a secret ballot: each ballot needs the receipt code",
            polls.cast, p, "n1m1", choice="yes")
    code = new_receipt()
    tree(polls.cast, p, "n1m1", choice="yes", receipt=code)
    refused(tree, f"polls: n1m1 has already voted in poll {p}", polls.cast, p, "n1m1",
            choice="no", receipt=new_receipt())
    refused(tree, f"polls: poll {p} is a secret ballot on devices: its box is counted",
            polls.count, p, ["s2m1"], "hall", {"yes": Fraction(1)}, 1)
    refused(tree, f"polls: 1 voters have voted in poll {p} but its box holds 0 ballots",
            polls.close, p, OPENS)
    # a receipt already in the box: the store refuses, and neither vote nor ballot is kept
    head = tree.org.ledger.head()
    with pytest.raises(LedgerError, match="nothing stored"):
        tree(polls.cast, p, "n1m2", choice="no", receipt=code)
    assert tree.org.ledger.head() == head
    assert len(tree.org.box(p)) == 1 and "n1m2" not in tree.state.polls[p].cast


def test_the_sqlite_box_keeps_no_order_of_arrival(tmp_path: Path) -> None:
    url = tmp_path / "l.db"
    with Organisation.open(f"sqlite:///{url}") as org:
        org.ledger.head()
    db = sqlite3.connect(url)
    columns = [row[1] for row in db.execute("PRAGMA table_info(ballot_box)")]
    assert columns == ["poll", "receipt", "ballot"]
    with pytest.raises(sqlite3.OperationalError, match="rowid"):
        db.execute("SELECT rowid FROM ballot_box")
