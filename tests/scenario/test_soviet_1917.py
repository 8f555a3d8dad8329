"""scenarios/soviet-1917.toml played into a real SQLite ledger: the figures the texts give, the
composition of the bodies after each step, and a ledger that verifies."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rich.console import Console

from soviet.cli.receipts import describe
from soviet.ledger import verify_rows
from soviet.model.events import CaseDecided, DissentRecorded, PollClosed
from soviet.model.state import State
from soviet.scenario import Played, load_scenario, play
from soviet.scenario.narrate import Narrator
from soviet.service import Organisation
from soviet.service.queries import discussion_tallies

SCENARIO = Path(__file__).resolve().parents[2] / "scenarios" / "soviet-1917.toml"
WATCHED = ("congress", "cec", "cc", "ccc")


@dataclass
class Run:
    """What the scenario left: every act played, the sizes of the bodies and the discussion's
    tally after each act (by its ``says``), the narrative, and the ledger's URL."""

    url: str
    played: list[Played] = field(default_factory=list)
    sizes: dict[str, dict[str, int]] = field(default_factory=dict)
    tallies: dict[str, dict[str, int]] = field(default_factory=dict)
    text: str = ""
    state: State | None = None
    sound: bool = False
    checked: int = 0


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    url = f"sqlite:///{tmp_path_factory.mktemp('1917') / '1917.db'}"
    out = io.StringIO()
    narrator = Narrator(Console(file=out, width=200), describe)
    result = Run(url)

    def watch(p: Played, state: State) -> None:
        narrator(p, state)
        result.sizes[p.act.says] = {b: len(state.seated.get(b, ())) for b in WATCHED}
        s = next((x for x in state.sessions.values() if x.title == "Fifteenth Congress"), None)
        if s is not None and s.theses:
            top = discussion_tallies(state, s.id).get("congress")
            if top is not None:
                result.tallies[p.act.says] = {state.theses[t].title: n
                                              for t, n in top.votes.items()}

    with Organisation.open(url) as org:
        result.played = play(load_scenario(SCENARIO), org, watch)
        verdict = verify_rows(org.ledger.rows())
        result.state = org.state()
    result.sound, result.checked = verdict.sound, verdict.checked
    result.text = out.getvalue()
    yield result


def final(run: Run) -> State:
    assert run.state is not None
    return run.state


def after(run: Run, says: str) -> dict[str, int]:
    return run.sizes[next(k for k in run.sizes if k.startswith(says))]


def test_the_ledger_it_leaves_verifies(run: Run) -> None:
    assert run.sound
    assert run.checked == final(run).seq > 8000


def test_brest_litovsk_roll_call_and_the_left_communists_declaration(run: Run) -> None:
    [closed] = [e for p in run.played if p.act.says == "The treaty is ratified"
                for e in p.events if isinstance(e, PollClosed)]
    assert (closed.yes, closed.no, closed.abstain, closed.adopted) == ("784", "261", "115", True)
    state = final(run)
    poll = state.polls[closed.poll]
    assert poll.secrecy == "named" and len(poll.cast) == 1160
    assert poll.cast["bukharin"].parts == {"abstain": 1}
    assert poll.cast["kamkov"].parts == {"no": 1}
    [dissent] = [e for p in run.played for e in p.events if isinstance(e, DissentRecorded)
                 and e.motion == poll.motion]
    assert dissent.by == ["bukharin", "osinsky", "lomov", "stukov", "sapronov", "mantsev",
                          "yakovleva"]
    assert "special declaration" in dissent.statement
    assert "784 for of 1045 cast" in run.text
    assert "001_57a5e7fdb55d5ea9.txt:17886-17889" in run.text


def test_the_bodies_after_each_step(run: Run) -> None:
    assert after(run, "The Black Earth provinces 38")["congress"] == 650
    assert after(run, "The Congress elects the Central Executive Committee")["cec"] == 101
    assert after(run, "The Bolshevik Central Committee of 21")["cc"] == 21
    assert after(run, "The soldiers recall him")["congress"] == 649
    assert after(run, "A by-election returns a Bolshevik")["congress"] == 650
    assert after(run, "On 4 (17) November Kamenev")["cc"] == 16
    assert after(run, "The deputies' three-month terms") == dict.fromkeys(WATCHED, 0)
    assert after(run, "The Black Earth provinces 156")["congress"] == 1160
    assert after(run, "and a Central Control Commission of 163") == {
        "congress": 632, "cec": 0, "cc": 63, "ccc": 163}
    assert after(run, "The joint plenum of 226 removes Trotsky")["cc"] == 62


def test_the_cec_by_faction_and_the_government(run: Run) -> None:
    state = final(run)
    cec = {m.holder for x in state.in_body["cec"] if (m := state.mandates[x]).election == "E10"}
    by_faction = {f.name: len(cec & set(f.members)) for f in state.factions.values()}
    assert by_faction == {"Bolsheviks": 62, "Left Socialist-Revolutionaries": 29,
                          "Menshevik-Internationalists and other groups": 10}
    [offer] = state.offers.values()
    assert offer.accepted is False and offer.seats == 3
    ended = sorted(o.holder for o in state.offices.values() if o.ended is not None)
    assert ended == ["milyutin", "nogin", "rykov", "trotsky"]
    assert len(state.offices) == 13


def test_the_1927_discussion_adds_up_to_the_reported_totals(run: Run) -> None:
    by_5_november = run.tallies[next(k for k in run.tallies if k.startswith("By 5 November"))]
    assert by_5_november == {"Theses of the Central Committee": 135_100,
                             "Counter-theses of the opposition": 1_200}
    final = run.tallies[next(k for k in run.tallies if k.startswith("Up to 2 December"))]
    assert final == {"Theses of the Central Committee": 724_000,
                     "Counter-theses of the opposition": 4_200}
    refused = [p for p in run.played if p.refusal is not None]
    assert [p.act.kind for p in refused] == ["theses_vote"]
    assert "has already voted" in (refused[0].refusal or "")


def test_the_removal_by_two_thirds_and_the_appeal(run: Run) -> None:
    state = final(run)
    [case] = state.cases.values()
    assert case.member == "trotsky" and case.verdict is not None and case.verdict.adopted
    [decided] = [e for p in run.played for e in p.events if isinstance(e, CaseDecided)]
    assert (decided.seats, decided.present, decided.yes, decided.adopted) == (226, 200, 190, True)
    assert "at least 2/3" in decided.sentence
    assert case.appeal is not None and case.appeal.reversed is False
    assert state.seat_in("trotsky", "cc") is None
    assert state.seat_in("stalin", "cc") is not None
