"""``soviet demo`` (what ``make run`` shows), run for real: the union federation scenario played
into a fresh ledger, its congress sitting today with every delegate present and a motion
admitted, and the chair and delegate it prints able to log in and put the motion to the vote."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest

from soviet.ledger import verify_rows
from soviet.model.state import State
from soviet.rules.roles import presides
from soviet.service import Organisation
from tests.api.server import serving

SOVIET = str(Path(sys.executable).with_name("soviet"))
LOGIN = re.compile(r"^\s+(chair|delegate):\s+(\S+) / (\S+) \(", re.MULTILINE)
SCENARIO_ENDS = date(2025, 9, 22)
"""The day of the scenario's last act (the recall vote), as the file dates it."""


@dataclass(frozen=True)
class Demo:
    url: str
    stdout: str
    state: State
    sound: bool
    logins: dict[str, tuple[str, str]]
    today: str
    """The day the demo took for today (the command may have run across midnight)."""

    @property
    def moved(self) -> timedelta:
        """How far the demo moved the scenario: to end the day before the congress is
        convened."""
        return date.fromisoformat(self.today) - timedelta(days=91) - SCENARIO_ENDS


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
    before = date.today().isoformat()
    r = subprocess.run([SOVIET, "demo", "--fresh", "--db", url], capture_output=True, text=True,
                       env={**os.environ, "COLUMNS": "120"}, timeout=120, check=False)
    assert r.returncode == 0, r.stderr
    with Organisation.open(url) as org:
        state = org.state()
        sound = verify_rows(org.ledger.rows()).sound
    logins = {role: (member, password) for role, member, password in LOGIN.findall(r.stdout)}
    [today] = [s.opened for s in state.sessions.values() if s.closed is None]
    assert today is not None and before <= today <= date.today().isoformat()
    yield Demo(url, r.stdout, state, sound, logins, today)


def test_the_scenario_is_played_and_told_in_a_few_lines(demo: Demo) -> None:
    assert "40 locals with 60,250 members; 8 regional councils with 241 delegates" in demo.stdout
    opened, closed = date(2025, 6, 12) + demo.moved, date(2025, 6, 14) + demo.moved
    assert f"First National Congress (S1), {opened} to {closed}" in demo.stdout
    assert "against Rosa Mensah (rosa-mensah) in Northern Regional Council: carried" in demo.stdout
    assert len(demo.stdout.splitlines()) < 80, "a summary, not the scenario's every act"
    state = demo.state
    assert sum(1 for b in state.bodies.values() if b.kind == "unit_assembly") == 40
    assert sum(state.unit_sizes.values()) == 60_250
    assert state.petitions["P1"].outcome == "carried"
    assert demo.sound and "ledger verified" in demo.stdout


def test_the_congress_sits_today_after_the_scenario(demo: Demo) -> None:
    state, today = demo.state, demo.today
    [session] = [s for s in state.sessions.values() if s.closed is None]
    assert (session.body, session.kind, session.opened) == ("congress", "regular", today)
    assert (SCENARIO_ENDS + demo.moved).isoformat() < session.on < today
    [theses] = [state.theses[t] for t in session.theses]
    assert theses.authors == ("executive",)
    discussion = state.rules.congress.discussion
    assert discussion is not None
    assert discussion.after(date.fromisoformat(theses.on)) <= date.fromisoformat(today)
    delegates = {m.holder for m in state.sitting("congress")}
    assert len(delegates) == 64
    assert all(m.term_ends is not None and m.term_ends > today
               for m in state.sitting("congress")), "the delegates' terms run past today"
    assert session.present == delegates
    assert set(session.credentials.admitted) == delegates
    assert len(session.agenda) == 3 and session.agenda[0].title == "Strike fund"
    [motion] = [state.motions[m] for m in session.motions]
    assert motion.status == "admitted" and motion.supporters and motion.on == today
    assert sum(session.basis.values()) > 0, "the delegations carry their locals' paid-up members"


def test_the_chair_presides_and_the_delegate_moved_the_motion(demo: Demo) -> None:
    state = demo.state
    [session] = [s for s in state.sessions.values() if s.closed is None]
    chair, delegate = demo.logins["chair"][0], demo.logins["delegate"][0]
    assert state.seat_in(chair, "executive") is not None
    assert presides(state, session, chair)
    assert state.seat_in(delegate, "congress") is not None
    assert not presides(state, session, delegate)
    assert state.motions[session.motions[0]].mover == delegate


def test_the_logins_put_the_motion_to_the_vote(demo: Demo) -> None:
    state = demo.state
    [session] = [s for s in state.sessions.values() if s.closed is None]
    motion = session.motions[0]
    with serving(demo.url) as base, httpx.Client(base_url=base) as chair, \
            httpx.Client(base_url=base) as delegate:
        csrf = {}
        for role, client in (("chair", chair), ("delegate", delegate)):
            member, password = demo.logins[role]
            r = client.post("/api/login", json={"member": member, "password": password})
            assert r.status_code == 200, r.text
            csrf[role] = {"X-CSRF-Token": r.json()["csrf"]}
        refused = delegate.post(f"/api/sessions/{session.id}/polls", json={"motion": motion},
                                headers=csrf["delegate"])
        assert refused.status_code == 409
        assert refused.json()["refused"]["rule"] == "roles"
        opened = chair.post(f"/api/sessions/{session.id}/polls", json={"motion": motion},
                            headers=csrf["chair"])
        assert opened.status_code == 201, opened.text
        [poll] = [e["payload"]["poll"] for e in opened.json() if e["type"] == "poll.opened"]
        voted = delegate.post(f"/api/polls/{poll}/votes", json={"choice": "yes"},
                              headers=csrf["delegate"])
        assert voted.status_code == 201, voted.text
