"""The executive, the control commission and the federation from the command line: the guides'
walkthroughs (docs/executive.md, then docs/discipline.md, which continues it) run as a user
pastes them through the real `soviet` binary, covering factions and a coalition offer declined,
an officer removed by the executive's own no confidence, the whole executive removed by the
congress and re-elected, a case heard on both sides, an expulsion ending a mandate and reversed
on appeal, and an admission examined condition by condition and voted; and the refusals, each
one line naming the rule and the charter clause, exit 1, nothing recorded."""

from __future__ import annotations

from pathlib import Path

import pytest

from soviet.ledger import verify_rows
from soviet.rules import discipline, executive, federation
from soviet.service import Organisation
from tests.cli.test_sessions import head, ok, soviet
from tests.conftest import REPO
from tests.docs.guide import walk
from tests.rules.sessions import NORTH, OPENS, SOUTH, convention, delegates, sitting
from tests.rules.tree import build

EXECUTIVE, DISCIPLINE = REPO / "docs" / "executive.md", REPO / "docs" / "discipline.md"


def test_the_guides_walkthroughs_print_what_they_show(tmp_path: Path) -> None:
    """discipline.md's walkthrough continues executive.md's in the same shell, so they run as
    one guide: executive.md (its walkthrough is its last section) followed by discipline.md's
    walkthrough (its last section too)."""
    blocks, refusals = walk(EXECUTIVE, tmp_path, DISCIPLINE)
    assert blocks >= 10
    assert [r.split(":")[1].strip() for r in refusals] == ["executive", "discipline"]

    [ledger] = tmp_path.glob("*/transit.db")
    with Organisation.open(f"sqlite:///{ledger}") as org:
        state = org.state()
        assert verify_rows(org.ledger.rows()).sound
    offer = state.offers["CO1"]
    assert (offer.accepted, offer.programme, offer.seats) == (False, "MO1", 1)
    assert [(f.name, f.members) for f in state.factions.values()] == [
        ("Unity", ("ada", "bo", "cai", "ivo")), ("Rank and File", ("dag", "jas", "kim"))]
    assert {o.id: (o.portfolio, o.reason) for o in state.offices.values()} == {
        "OF1": ("Secretary", "no-confidence in the executive"),
        "OF2": ("Treasurer", "no-confidence")}
    assert (state.motions["MO2"].against, state.motions["MO3"].against) == ("OF2", "exec")
    assert sorted(m.holder for m in state.sitting("exec")) == ["cai", "dag", "jas"]
    assert sorted(state.elections["E4"].replaces) == ["M10", "M8", "M9"]  # held at once

    case = state.cases["C1"]
    assert [h.side for h in case.hearings] == ["complaint", "defence"]
    assert case.verdict is not None and (case.verdict.penalty, case.verdict.adopted) == (
        "expulsion", True)
    assert case.appeal is not None and (case.appeal.motion, case.appeal.reversed) == (
        "MO4", True)
    bo = state.members["bo"]
    assert (bo.left, bo.unit) == (None, "buses")
    assert state.mandates["M2"].ended is not None  # the seat is not given back:
    assert [(b.electorate, b.replaces) for b in state.by_elections.values()] == [
        ("buses", ("M2",))]  # it waits for its by-election
    assert "bo" not in {m.holder for m in state.sitting("congress")}

    application = state.applications["A1"]
    assert (application.admitted, application.motion) == (True, "MO5")
    assert [(f.number, f.met) for f in application.findings] == [
        (1, True), (2, True), (4, True), (3, False), (3, True)]


def test_a_resignation_and_a_suspension_until_a_day(tmp_path: Path) -> None:
    """Set up through the service: the Treasurer appointed (OF1), a case against s3m5 heard on
    both sides; then through the CLI."""
    url = f"sqlite:///{tmp_path / 'federation.db'}"
    with Organisation.open(url) as org:
        t = delegates(build(org, convention()))
        t.elect("congress", "exec", NORTH)
        t.elect("congress", "cc", SOUTH)
        t(executive.appoint, "exec", "n1m2", "Treasurer", OPENS)
        t(discipline.file_case, "cc", "s1m2", "s1m1", "Strike-breaking.", OPENS)
        t(discipline.hear, "C1", "complaint", "s1m1", "He crossed the picket line.", OPENS)
        t(discipline.hear, "C1", "defence", "s1m2", "I did not.", OPENS)
    [resigned] = ok("officer", "resign", "OF1", "--on", OPENS, db=url)
    assert resigned.endswith("OF1 (Treasurer, Member 2 of n1 (n1m2)) ends: resigned")
    suspended = ok("case", "decide", "C1", "--penalty", "suspension", "--yes", "1", "--no",
                   "0", "--present", "2", "--until", "2026-11-01", "--on", OPENS, db=url)
    assert suspended[0].endswith(
        "case C1, suspension until 2026-11-01: rejected: 1 for of 2 present, at least 2/3 "
        "(1 1/3) required; charter [discipline.penalties[5]].majority = {fraction = 2/3, "
        'comparison = "at-least", base = "present", count_abstentions = false}')
    assert len(suspended) == 1  # rejected: no effect
    with Organisation.open(url) as org:
        state = org.state()
    assert state.offices["OF1"].reason == "resigned"
    assert state.members["s1m2"].suspensions == ()


@pytest.fixture(scope="module")
def refusing(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The rule tests' federation (union-federation charter) with its executive (the north's
    delegates) and control commission (the south's) elected, n1m2 appointed Treasurer (OF1),
    the congress sitting (S1), case C1 against s3m5 heard on both sides, case C2 against s3m6
    decided (a warning) on the congress's opening day, and application A1 with one condition
    examined; set up through the service."""
    url = f"sqlite:///{tmp_path_factory.mktemp('refusals') / 'federation.db'}"
    with Organisation.open(url) as org:
        t = delegates(build(org, convention()))
        t.elect("congress", "exec", NORTH)
        t.elect("congress", "cc", SOUTH)
        t(executive.appoint, "exec", "n1m2", "Treasurer", OPENS)
        sitting(t)
        for member in ("s3m5", "s3m6"):
            [filed] = t(discipline.file_case, "cc", member, "s1m1", "Strike-breaking.", OPENS)
            c = filed.payload["case"]
            t(discipline.hear, c, "complaint", "s1m1", "He crossed the picket line.", OPENS)
            t(discipline.hear, c, "defence", member, "I did not.", OPENS)
        t(discipline.decide_case, "C2", "warning", 2, 0, 0, 2, OPENS)
        t(federation.apply, "Dockers' Union", OPENS)
        t(federation.examine, "A1", 1, True, "", OPENS)
    return url


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["officer", "appoint", "congress", "n1m3", "--portfolio", "Education", "--on", OPENS],
         'refused: executive: Congress does not appoint the officers, charter '
         '[officers].appointed_by = "executive"\n'),
        (["motion", "submit", "S1", "1", "s1m1", "--against", "OF1", "--title", "No confidence",
          "--text", "X", "--on", OPENS],
         "refused: executive: Treasurer (OF1) answers to exec: no confidence is voted by the "
         "body that appointed the officer\n"),
        (["case", "decide", "C1", "--penalty", "suspension", "--yes", "2", "--no", "0",
          "--until", "2028-01-01", "--on", OPENS],
         "refused: discipline: a suspension runs until a day no later than 2027-05-01, charter "
         "[discipline.penalties[5]].max_duration = 1 year\n"),
        (["case", "appeal", "C2", "--grounds", "Unjust.", "--on", "2026-07-01"],
         "refused: discipline: the appeal was due by 2026-06-30, charter "
         "[discipline].appeal_within = 60 days\n"),
        (["admission", "examine", "A1", "9", "--met", "--on", OPENS],
         "refused: federation: the charter has conditions 1 to 8, not 9, charter "
         "[federation].conditions = "),
        (["admission", "decide", "A1", "--motion", "MO1", "--on", OPENS],
         "refused: federation: condition(s) 2, 3, 4, 5, 6, 7, 8 not yet examined: every "
         "condition is examined before the vote, charter [federation].conditions = "),
    ],
    ids=["not-the-appointing-body", "no-confidence-by-the-wrong-body", "suspension-too-long",
         "appeal-too-late", "no-such-condition", "conditions-not-examined"],
)
def test_refusals_are_one_line_and_record_nothing(refusing: str, args: list[str],
                                                  message: str) -> None:
    before = head(refusing)
    r = soviet(*args, db=refusing)
    assert (r.returncode, r.stdout) == (1, "")
    assert r.stderr.startswith(message), r.stderr
    assert len(r.stderr.splitlines()) == 1, r.stderr
    assert head(refusing) == before


def test_the_executive_elected_from_the_faction_lists(tmp_path: Path) -> None:
    charter = convention()
    charter["executive"] = {**charter["executive"], "election": {
        "by": "congress", "method": "dhondt", "seats": 4, "seats_are": "exactly",
        "candidates": 1, "term": "4 years"}}
    url = f"sqlite:///{tmp_path / 'lists.db'}"
    with Organisation.open(url) as org:
        t = delegates(build(org, charter))
        t(executive.register_faction, "congress", "Majority", "P.", NORTH, OPENS)
        t(executive.register_faction, "congress", "Left", "Q.", SOUTH, OPENS)
    lines = ok("faction", "elect", "exec", "--by", "congress", "--votes", "F1=1300",
               "--votes", "F2=700", "--on", OPENS, db=url)
    assert any("dhondt" in line for line in lines), lines
    with Organisation.open(url) as org:
        assert sorted(m.holder for m in org.state().sitting("exec")) == sorted([*NORTH, "s1m1"])
    r = soviet("faction", "elect", "exec", "--by", "congress", "--votes", "F1", db=url)
    assert r.returncode == 2 and "write it NAME=VOTES" in r.stderr
