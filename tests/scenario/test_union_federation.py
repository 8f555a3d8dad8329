"""scenarios/union-federation.toml played into a real SQLite ledger: the seats apportioned, the
delegates elected by STV, the congress's motion as amended, the executive it elected, the
disciplinary case and its appeal, the admission condition by condition, the recall's cascade,
and a ledger that verifies."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest
from rich.console import Console

from soviet.cli.receipts import describe
from soviet.ledger import verify_rows
from soviet.model.events import ElectionHeld, MandateEnded, MandateGranted, PollClosed
from soviet.model.state import State
from soviet.scenario import Played, load_scenario, play
from soviet.scenario.ballots import listed
from soviet.scenario.narrate import Narrator
from soviet.scenario.stage import ActFailed
from soviet.service import Organisation

SCENARIO = Path(__file__).resolve().parents[2] / "scenarios" / "union-federation.toml"


@dataclass
class Run:
    played: list[Played] = field(default_factory=list)
    text: str = ""
    state: State | None = None
    sound: bool = False
    checked: int = 0
    box_left: int = -1


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    url = f"sqlite:///{tmp_path_factory.mktemp('federation') / 'federation.db'}"
    out = io.StringIO()
    result = Run()
    with Organisation.open(url) as org:
        result.played = play(load_scenario(SCENARIO), org,
                             Narrator(Console(file=out, width=200), describe))
        verdict = verify_rows(org.ledger.rows())
        result.state = org.state()
        result.box_left = len(org.box("PO5"))
    result.sound, result.checked = verdict.sound, verdict.checked
    result.text = out.getvalue()
    yield result


def final(run: Run) -> State:
    assert run.state is not None
    return run.state


def act(run: Run, kind: str, says: str) -> Played:
    return next(p for p in run.played if p.act.kind == kind and p.act.says.startswith(says))


def closed(run: Run, says: str) -> PollClosed:
    return next(e for e in act(run, "close_poll", says).events if isinstance(e, PollClosed))


def test_the_ledger_it_leaves_verifies(run: Run) -> None:
    assert run.sound
    assert run.checked == final(run).seq > 1600
    assert "The local votes to recall her" in run.text


def test_forty_locals_of_about_sixty_thousand_members(run: Run) -> None:
    state = final(run)
    units = [b for b in state.bodies.values() if b.kind == "unit_assembly"]
    assert len(units) == 40
    assert sum(state.unit_sizes[u.id] for u in units) == 60_250


def test_seats_apportioned_by_membership(run: Run) -> None:
    a = final(run).apportionments
    assert dict(a["north"].seats) == {"north-docks": 9, "northern-postal": 7, "paper-mill": 4,
                                      "riverside-nurses": 3, "tram-depot": 4}
    assert dict(a["capital"].seats) == {"call-centres": 9, "city-teachers": 14,
                                        "city-transit": 11, "hospital-porters": 4,
                                        "metro-cleaners": 6}
    assert a["east"].seats["foundry"] == 2  # 530 members: the charter's minimum of two
    assert sum(sum(a[r].seats.values()) for r in a if r != "congress") == 241
    assert dict(a["congress"].seats) == {"capital": 12, "coast": 7, "east": 9, "highlands": 6,
                                         "midlands": 8, "north": 7, "south": 8, "west": 7}


def test_delegates_elected_by_stv_with_ranked_alternates(run: Run) -> None:
    held = [e for p in run.played if p.act.kind == "stv" for e in p.events
            if isinstance(e, ElectionHeld)]
    assert len(held) == 50  # 40 locals, 8 councils, the executive, the control commission
    locals_ = [e for e in held if e.electorate not in ("congress",) and e.body not in
               ("congress", "executive", "control")]
    assert {e.method for e in locals_} == {"scottish-stv"}
    assert all(len(e.alternates) == 3 for e in locals_)
    riverside = next(e for e in held if e.electorate == "riverside-nurses")
    assert riverside.elected[0] == "rosa-mensah" and riverside.seats == 3


def test_who_sits_in_the_congress(run: Run) -> None:
    state = final(run)
    sitting = list(state.sitting("congress"))
    assert len(sitting) == 64
    north = sorted(m.holder for m in sitting if m.electorate == "north")
    assert north == ["jonas-eriksen", "north-docks-000010", "northern-postal-000005",
                     "northern-postal-000009", "paper-mill-000001", "paper-mill-000006",
                     "tram-depot-000004"]
    for who in ("ines-costa", "kavya-rao", "dmitri-nowak", "efua-okafor"):
        assert state.seat_in(who, "congress") is not None
    # every congress seat is held through its holder's seat in their regional council
    assert all(state.mandates[m.through].body == m.electorate for m in sitting
               if m.through is not None)


def test_the_executive_elected_by_secret_ranked_ballot(run: Run) -> None:
    [held] = [e for e in act(run, "stv", "The congress elects the executive").events
              if isinstance(e, ElectionHeld)]
    assert held.method == "meek-stv" and held.seats == 15
    assert held.elected == ["kavya-rao", "rosa-mensah", "dmitri-nowak", "efua-okafor",
                            "paper-mill-000006", "hillside-care-000006", "city-teachers-000014",
                            "port-south-000003", "city-teachers-000006", "ines-costa",
                            "hospital-porters-000002", "northern-postal-000009",
                            "printworks-000002", "call-centres-000001", "jonas-eriksen"]
    assert held.alternates == ["printworks-000007", "vineyard-000006", "vineyard-000001",
                               "northern-postal-000005", "north-docks-000010"]
    assert len(list(final(run).sitting("control"))) == 5


def test_the_motion_as_amended_and_adopted_by_card_vote(run: Run) -> None:
    first = closed(run, "The first amendment is carried")
    assert (first.yes, first.no, first.abstain, first.adopted) == ("33974", "16802", "2980",
                                                                   True)
    second = closed(run, "The second amendment is lost")
    assert (second.yes, second.no, second.adopted) == ("14648", "37618", False)
    motion = closed(run, "The wages motion, as amended, is adopted")
    assert (motion.yes, motion.no, motion.abstain, motion.adopted) == ("44187", "7334", "2235",
                                                                       True)
    assert "[congress.majority].ordinary" in motion.clause
    wages = final(run).motions["MO1"]
    assert wages.status == "adopted"
    assert wages.wording == ("Every local claims a minimum rate of 15 an hour in its next "
                             "negotiations, rising each year with consumer prices.")
    assert [d.by for d in wages.dissents] == [("kavya-rao",)]
    refused = act(run, "poll", "Putting the motion before its amendments")
    assert refused.refusal is not None and not refused.events


def test_the_delegations_carry_their_paid_up_members_capped(run: Run) -> None:
    assert "capital 10174" in run.text  # 93% of 10,940 members, before the 8,000 cap
    assert "votes yes in PO2 with 666" in run.text  # 8,000 capped, shared among 12


def test_the_disciplinary_case_and_the_appeal_by_secret_ballot(run: Run) -> None:
    case = final(run).cases["C1"]
    assert case.member == "pavel-petrov"
    assert case.verdict is not None and case.verdict.penalty == "suspension"
    assert case.verdict.adopted and case.verdict.until == "2025-12-12"
    assert "4 for of 5 present, at least 2/3" in case.verdict.sentence
    appeal = closed(run, "The box is opened")
    assert (appeal.yes, appeal.no, appeal.abstain, appeal.adopted) == ("31192", "19584",
                                                                       "2980", True)
    assert len(appeal.ballots) == 64 and run.box_left == 0
    assert case.appeal is not None and case.appeal.reversed is True
    assert final(run).members["pavel-petrov"].suspended_on("2025-07-01") is None


def test_the_admission_condition_by_condition(run: Run) -> None:
    application = final(run).applications["A1"]
    assert application.organisation == "Couriers and Riders Union"
    assert sorted(f.number for f in application.findings) == list(range(1, 9))
    assert all(f.met for f in application.findings)
    early = act(run, "admit", "The application cannot yet be put")
    assert early.refusal is not None and "condition(s) 7 not yet examined" in early.refusal
    vote = next(e for p in run.played if p.act.kind == "close_poll" for e in p.events
                if isinstance(e, PollClosed) and e.poll == "PO4")
    assert (vote.yes, vote.no, vote.adopted) == ("42188", "9333", True)
    assert "2/3" in vote.majority
    assert application.admitted is True


def test_the_recall_cascades_and_the_alternates_take_the_seats(run: Run) -> None:
    events = act(run, "recall_vote", "The local votes to recall her").events
    state = final(run)
    ended = {(state.mandates[e.mandate].body, e.reason) for e in events
             if isinstance(e, MandateEnded) and state.mandates[e.mandate].holder == "rosa-mensah"}
    assert ended == {("north", "recalled"), ("congress", "cascade"), ("executive", "cascade")}
    taken = {e.body: e.holder for e in events if isinstance(e, MandateGranted)}
    assert taken == {"north": "riverside-nurses-000002", "congress": "tram-depot-000004",
                     "executive": "printworks-000007"}
    assert not any(m.holder == "rosa-mensah" for b in ("north", "congress", "executive")
                   for m in state.sitting(b))
    assert [len(list(state.sitting(b))) for b in ("north", "congress", "executive")] == [27, 64, 15]


def test_listed_ballots_are_read_as_rankings_with_their_counts() -> None:
    b = listed({"ana > ben": 30, "ben": 12, "cai > ana > ben": 5}, ["ana", "ben", "cai"])
    assert b.ranks.tolist() == [[0, 1, -1], [1, -1, -1], [2, 0, 1]]
    assert b.weights is not None and b.weights.tolist() == [30, 12, 5]
    assert np.array_equal(b.candidates, ("ana", "ben", "cai"))
    with pytest.raises(ActFailed, match="dan, who do not stand"):
        listed({"ana > dan": 1}, ["ana", "ben"])
