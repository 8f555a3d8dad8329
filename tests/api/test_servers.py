"""Several app servers on one database see each other's acts live: an act recorded through
one server process reaches a stream held open on another (PostgreSQL LISTEN/NOTIFY; a shared
SQLite file by the servers' look at its head), and the other's state has it at once."""

from __future__ import annotations

import json
import queue
import threading
import time

import httpx

from soviet.accounts import Accounts
from soviet.rules import polls
from soviet.service import Organisation
from tests.api.server import served
from tests.rules.sessions import OPENS, convention, delegates, sitting
from tests.rules.tree import build


def _listen(base: str, into: queue.Queue[dict[str, object]], ready: threading.Event) -> None:
    """Read ``base``'s stream (votes counted too) into ``into`` until the server goes."""
    try:
        with httpx.stream("GET", f"{base}/api/stream?votes=true", timeout=30) as r:
            for line in r.iter_lines():
                if line.startswith(": connected"):
                    ready.set()
                if line.startswith("data: "):
                    into.put(json.loads(line[6:]))
    except httpx.HTTPError:
        return


def _until(messages: queue.Queue[dict[str, object]], kind: str, within: float
           ) -> dict[str, object]:
    deadline = time.monotonic() + within
    while True:
        message = messages.get(timeout=max(0.01, deadline - time.monotonic()))
        if message["type"] == kind:
            return message


def test_two_servers_see_each_others_acts(ledger_url: str) -> None:
    with Organisation.open(ledger_url) as org:
        tree = delegates(build(org, convention()))
        tree.elect("congress", "exec", ["n2m1"])
        s = sitting(tree, ["n1m1", "n1m2", "s1m1", "s2m1"])
    accounts = Accounts(ledger_url)
    chair, voter = accounts.open_session("n2m1"), accounts.open_session("n1m1")
    accounts.close()
    with served(ledger_url) as one, served(ledger_url) as two:
        messages: queue.Queue[dict[str, object]] = queue.Queue()
        ready = threading.Event()
        threading.Thread(target=_listen, args=(one, messages, ready), daemon=True).start()
        assert ready.wait(10)
        started = time.monotonic()
        r = httpx.post(f"{two}/api/sessions/{s}/polls", json={"question": "Strike?", "on": OPENS},
                       headers={"Authorization": f"Bearer {chair}"})
        assert r.status_code == 201, r.text
        opened = _until(messages, "poll.opened", 5)
        assert s in opened["topics"]  # type: ignore[operator]
        poll = str(opened["payload"]["poll"])  # type: ignore[index]
        seen_after = time.monotonic() - started
        r = httpx.post(f"{two}/api/polls/{poll}/votes", json={"choice": "yes"},
                       headers={"Authorization": f"Bearer {voter}"})
        assert r.status_code == 201, r.text
        counted = _until(messages, "votes", 5)
        assert counted["payload"] == {"poll": poll, "voted": 1}
        # the first server's own state has the vote the second recorded
        assert "n1m1" in httpx.get(f"{one}/api/polls/{poll}").json()["cast"]
        r = httpx.post(f"{one}/api/polls/{poll}/close", json={"on": OPENS},
                       headers={"Authorization": f"Bearer {chair}"})
        assert r.status_code == 201, r.text
        closed = _until(messages, "poll.closed", 5)
        assert closed["payload"]["adopted"] is True  # type: ignore[index]
        assert "ballots" not in closed["payload"]  # type: ignore[operator]
    assert seen_after < (2.0 if ledger_url.startswith("sqlite") else 1.5)
    with Organisation.open(ledger_url) as org:
        assert polls.tally(org.state().polls[poll])["yes"] == 650
