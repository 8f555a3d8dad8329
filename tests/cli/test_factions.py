"""Delegates joining and leaving a faction through the real `soviet` binary: one receipt line
each, the faction's list as it then stands, and each refusal one line naming the rule, exit 1,
nothing recorded."""

from __future__ import annotations

from pathlib import Path

from soviet.rules import executive
from soviet.service import Organisation
from tests.cli.test_sessions import head, ok, soviet
from tests.rules.sessions import OPENS, SOUTH, convention, delegates
from tests.rules.tree import build


def test_delegates_join_and_leave_a_faction(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'factions.db'}"
    with Organisation.open(url) as org:
        t = delegates(build(org, convention()))
        t(executive.register_faction, "congress", "Majority", "P.", ["n1m1", "n1m2"], OPENS)
        t(executive.register_faction, "congress", "Left", "Q.", SOUTH, OPENS)
    before = head(url)
    [joined] = ok("faction", "join", "F1", "n2m1", "--on", OPENS, db=url)
    assert joined == f"#{before + 1} Member 1 of n2 (n2m1) joined Majority (F1)"
    [left] = ok("faction", "leave", "F1", "n1m1", "--on", OPENS, db=url)
    assert left == f"#{before + 2} Member 1 of n1 (n1m1) left Majority (F1)"
    listed = "\n".join(ok("faction", "list", "congress", db=url))
    assert "Member 2 of n1 (n1m2), Member 1 of n2 (n2m1)" in listed, listed
    with Organisation.open(url) as org:
        assert org.state().factions["F1"].members == ("n1m2", "n2m1")

    for args, message in [
        (["join", "F1", "s1m1"], "refused: executive: s1m1 already belongs to the faction Left"),
        (["join", "F2", "n1m3"], "refused: executive: n1m3 does not sit in Congress: a faction "
         "is of its delegates"),
        (["leave", "F1", "n1m1"], "refused: executive: n1m1 does not belong to the faction "
         "Majority"),
        (["leave", "F9", "n1m1"], "refused: executive: there is no faction 'F9'"),
    ]:
        r = soviet("faction", *args, "--on", OPENS, db=url)
        assert (r.returncode, r.stdout, r.stderr) == (1, "", message + "\n"), args
    assert head(url) == before + 2
