"""Motions from below from the command line: the locals' decisions and the congress's sitting
are set up through the service; forwarding, compositing, moving, referring back and reading
what became of each go through the real `soviet` binary, and each refusal is one line naming
the rule (and the charter clause), exit 1, nothing recorded."""

from __future__ import annotations

from pathlib import Path

from soviet.rules import motions, polls
from soviet.service import Organisation
from tests.cli.test_sessions import head, ok, soviet
from tests.rules.sessions import DELEGATES, OPENS, convention, delegates
from tests.rules.test_submissions import DUE, LATE, SHORTER, WEEK, convened, decide, opened
from tests.rules.tree import Tree, build


def refusal(*args: str, db: str) -> str:
    before = head(db)
    r = soviet(*args, db=db)
    assert (r.returncode, r.stdout) == (1, ""), r.stderr
    assert len(r.stderr.splitlines()) == 1, r.stderr
    assert head(db) == before
    return r.stderr


def rows(table: list[str]) -> list[str]:
    """The first column of a printed table: one id a row (a wrapped row's further lines have
    an empty first cell)."""
    return [line.split()[1] for line in table if line.startswith("│ ")
            and line.split()[1] != "│"]


def test_motions_sent_up_composited_moved_referred_back_and_followed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'federation.db'}"
    with Organisation.open(url) as org:
        t = delegates(build(org, convention()))
        s = convened(t)
        shorter, overtime = decide(t, "n2", (SHORTER, "yes"), ("No overtime", "yes"))
        [week] = decide(t, "s1", (WEEK, "yes"))
        decided = {m: t.state.motions[m].decided for m in (shorter, week)}
    [line] = ok("submission", "forward", s, "--from", "n2", "--decision", shorter, "--on",
                "2026-03-01", db=url)
    assert line.endswith(f'SU1: N2 (n2) sends "{SHORTER}" to {s} on its decision {shorter} '
                         f"(event {decided[shorter]})")
    ok("submission", "forward", s, "--from", "s1", "--decision", week, "--title",
       "Thirty-two hours", "--text", "The federation demands a 32-hour week.", "--on", DUE,
       db=url)
    ok("submission", "forward", s, "--from", "n2", "--decision", overtime, "--on", DUE, db=url)
    assert refusal("submission", "forward", s, "--from", "s1", "--decision", week, "--on",
                   LATE, db=url) == (
        f"refused: submissions: motions to session {s} (opening {OPENS}) were due by {DUE}, "
        f"not {LATE}, charter [convention].motion_deadline = 56 days\n")
    hours = ["--title", "Hours of work", "--text", "A 32-hour week and shorter hours for all.",
             "--by", "n1m4", "--on", "2026-04-20"]
    assert refusal("submission", "composite", s, *hours, db=url).startswith(
        "refused: submissions: a composite replaces two or more motions sent up to the "
        "session, and names them: 0 named")
    [line] = ok("submission", "composite", s, "--replaces", "SU1", "--replaces", "SU2",
                "--consent", "SU1=consented", "--consent", "SU2=committee", *hours, db=url)
    assert line.endswith(f'composite CP1 for {s}: "Hours of work", replacing SU1 (consented), '
                         "SU2 (committee)")
    listed = ok("submission", "list", s, db=url)
    assert rows(listed) == ["SU1", "SU2", "SU3", "CP1"]
    assert "composite of SU1, SU2" in "\n".join(listed)

    with Organisation.open(url) as org:
        opened(Tree(org), s)
    assert refusal("submission", "move", "CP1", "1", "--mover", "s2m1", "--on", OPENS,
                   db=url).startswith("refused: submissions: s2m1 is not a delegate of N2 or "
                                      "S1")
    submitted, moved = ok("submission", "move", "CP1", "1", "--mover", "n2m1", "--on", OPENS,
                          db=url)
    assert "motion MO4 on item 1" in submitted and moved.endswith("CP1 moved as MO4")
    [line] = ok("submission", "refer-back", "SU3", "--reason", "The executive negotiates "
                "overtime this year.", "--on", OPENS, db=url)
    assert line.endswith("SU3 referred back: The executive negotiates overtime this year.")
    with Organisation.open(url) as org:
        t = Tree(org)
        t(motions.support, "MO4", "s1m1")
        [p] = t(polls.open_poll, s, OPENS, motion="MO4", secrecy="named")
        for x in DELEGATES:
            t(polls.cast, p.payload["poll"], x, choice="yes")
        [closed] = t(polls.close, p.payload["poll"], OPENS)

    shown = ok("submission", "show", "SU2", db=url)
    assert shown == [
        f"SU2 Thirty-two hours: sent to {s} on {DUE} by S1 (s1), decision {week} (event "
        f"{decided[week]})",
        "text: The federation demands a 32-hour week.",
        "fate: composited into CP1 by the committee's decision, without its body's consent; "
        f"CP1 moved as MO4; MO4 was adopted at event {closed.seq}"]
    assert ok("submission", "show", "CP1", db=url)[1:3] == [
        "replaces SU1 from N2 (n2) with its body's consent",
        "replaces SU2 from S1 (s1) by the committee's decision, without its body's consent"]
    assert rows(ok("submission", "list", s, "--from", "n2", db=url)) == ["SU1", "SU3", "CP1"]
    assert any("MO4" in row for row in ok("decision", "directives", "s1", db=url))
