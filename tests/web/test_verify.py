"""``verify`` from the ledger page and the API, through a real server: sound on a fresh ledger;
after one stored row is altered behind the server's back, both name that event."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx

from soviet.service import Organisation
from tests.api.server import serving
from tests.rules.sessions import convention
from tests.rules.tree import build


def test_verify_is_sound_then_names_the_altered_event(tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    url = f"sqlite:///{path}"
    with Organisation.open(url) as org:
        build(org, convention())
        head = org.ledger.head()
        [north] = [e.seq for e in org.ledger.events() if e.type == "body.created"
                   and e.payload["body"] == "north"]
    with serving(url) as base:
        sound = httpx.get(base + "/api/ledger/verify").json()
        assert sound == {"checked": head.seq, "head": {"seq": head.seq, "hash": head.hash},
                         "bad_seq": None, "problem": "", "sound": True}
        page = httpx.get(base + "/ledger?verify=true").text
        assert f"Sound: {head.seq} events checked, head {head.seq}" in page
        assert "Broken" not in httpx.get(base + "/ledger").text
        with sqlite3.connect(path) as db:
            db.execute("UPDATE events SET payload = replace(payload, '\"North\"', '\"Nord\"') "
                       "WHERE seq = ?", (north,))
        broken = httpx.get(base + "/api/ledger/verify").json()
        assert broken["sound"] is False and broken["bad_seq"] == north
        assert broken["checked"] == north - 1
        assert broken["problem"] == (f"event {north} was altered: its content does not match "
                                     "its hash")
        page = httpx.get(base + "/ledger?verify=true").text
        assert f"Broken at event {north}:" in page and f"event {north} was altered" in page
