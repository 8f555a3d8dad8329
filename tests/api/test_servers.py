"""Several app servers on one database see each other's acts live: an act recorded through
one server process reaches a stream held open on another (PostgreSQL LISTEN/NOTIFY; a shared
SQLite file by the servers' look at its head), and the other's state has it at once."""

from __future__ import annotations

import contextlib
import json
import queue
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from soviet.accounts import Accounts
from soviet.ledger import verify_rows
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


def _processes() -> dict[int, tuple[int, bytes]]:
    """Every process: its parent and its command line."""
    found = {}
    for proc in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError):
            parent = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            found[int(proc.name)] = (parent, (proc / "cmdline").read_bytes())
    return found


def _workers(port: str) -> list[int]:
    """The worker processes of the ``soviet serve`` listening on ``port``."""
    every = _processes()
    [main] = [pid for pid, (_, cmd) in every.items() if f"--port\0{port}\0".encode() in cmd]
    return [pid for pid, (parent, cmd) in every.items()
            if parent == main and b"spawn_main" in cmd and b"resource_tracker" not in cmd]


def test_one_port_served_by_two_processes(tmp_path: Path) -> None:
    """``soviet serve --workers 2``: two processes answer on one port; votes sent at once to
    both are each recorded once, and an act recorded by either reaches a stream on either."""
    url = f"sqlite:///{tmp_path / 'w.db'}"
    voters = ["n1m1", "n1m2", "s1m1", "s2m1"]
    with Organisation.open(url) as org:
        tree = delegates(build(org, convention()))
        tree.elect("congress", "exec", ["n2m1"])
        s = sitting(tree, voters)
    accounts = Accounts(url)
    tokens = {x: accounts.open_session(x) for x in [*voters, "n2m1"]}
    accounts.close()
    with served(url, "--workers", "2") as base:
        assert len(_workers(base.rsplit(":", 1)[1])) == 2
        messages: queue.Queue[dict[str, object]] = queue.Queue()
        ready = threading.Event()
        threading.Thread(target=_listen, args=(base, messages, ready), daemon=True).start()
        assert ready.wait(10)
        r = httpx.post(f"{base}/api/sessions/{s}/polls", json={"question": "Strike?", "on": OPENS},
                       headers={"Authorization": f"Bearer {tokens['n2m1']}"})
        assert r.status_code == 201, r.text
        poll = str(_until(messages, "poll.opened", 5)["payload"]["poll"])  # type: ignore[index]
        with ThreadPoolExecutor(len(voters)) as pool:
            answers = list(pool.map(lambda x: httpx.post(
                f"{base}/api/polls/{poll}/votes", json={"choice": "yes"},
                headers={"Authorization": f"Bearer {tokens[x]}"}), voters))
        assert [a.status_code for a in answers] == [201] * len(voters)
        r = httpx.post(f"{base}/api/polls/{poll}/close", json={"on": OPENS},
                       headers={"Authorization": f"Bearer {tokens['n2m1']}"})
        assert r.status_code == 201, r.text
        assert _until(messages, "poll.closed", 5)["payload"]["adopted"] is True  # type: ignore[index]
    with Organisation.open(url) as org:
        assert sorted(org.state().polls[poll].cast) == sorted(voters)
        assert verify_rows(org.ledger.rows()).sound
