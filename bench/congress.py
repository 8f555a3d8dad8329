"""Congress load benchmark (issue #6): 2,000 delegates on loopback, each holding a live stream,
vote in one poll through the HTTP API of a real server process; on SQLite and on PostgreSQL.

The congress is built through the ordinary rules on a fresh ledger: 500 units of 40 members
each send 4 delegates (one per 10 members) to the congress, all 2,000 arrive and are admitted
by the credentials commission, and one of them, elected to the executive, presides. Each delegation
carries its 40 members, so every delegate casts 10 votes.

The server is ``soviet serve --workers 2`` (a process a core, on one port); this process is
the 2,000 phones and the chair (aiohttp on one event loop). Each delegate opens
``/api/stream``; the chair opens a poll; every delegate votes at a moment drawn (seeded)
uniformly over the first ``--spread`` seconds, on one pool of keep-alive connections; the
chair closes the poll. Latency counts from
the moment a vote was due to be sent, so a client falling behind is counted against us.

Targets on a 2-core machine (client and server share both cores): all 2,000 votes accepted
within 2 s of the first, p99 vote latency < 250 ms, the result on every stream < 1 s after the
close request, and no vote lost or counted twice (checked against the ledger).

The peer is not measured here: the leading assembly software reports about 2,000 voters as its
ceiling and 4 s to close a poll with 200 of 2,000 voting; it is printed beside our figures.

    python bench/congress.py [--backend sqlite|postgresql] [--workers 2] [--spread 1.5]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import platform
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from fractions import Fraction
from functools import partial
from pathlib import Path
from typing import Any

import aiohttp
import psycopg
import uvloop

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from soviet.accounts import Accounts
from soviet.ledger import open_ledger
from soviet.rules import credentials, sessions
from soviet.rules.apportionment import apportion_seats
from soviet.rules.convocation import convene
from soviet.rules.elections import Poll, elect, elect_round
from soviet.rules.founding import found
from soviet.rules.membership import join
from soviet.rules.structure import create_body
from soviet.service import Organisation
from tests.api.server import free_port
from tests.postgres_server import postgres_server
from tests.rules import convention

UNITS, MEMBERS, SEATS = 500, 40, 4
DELEGATES = UNITS * SEATS
CHAIR = convention.delegate("u0", 1)
"""A delegate the congress elected to its executive: presides (and votes like the others)."""

CHOICES = (("yes", 6), ("no", 3), ("abstain", 1))
"""How the delegates vote: weights of a seeded draw."""

ALL_IN, P99, RESULT = 2.0, 0.250, 1.0
"""The targets, in seconds."""

PEER = ("the leading assembly software (its own report, not measured here): about 2,000 "
        "voters at most; 4 s to close a poll with 200 of 2,000 voting")


def charter() -> dict[str, Any]:
    """The convention charter of ``tests.rules.convention`` at one delegate per 10 members."""
    out = convention.charter()
    out["representation"]["scales"]["branch"]["one_delegate_per"] = MEMBERS // SEATS
    return out


def delegates() -> list[str]:
    return [convention.delegate(f"u{i}", r) for i in range(UNITS) for r in range(1, SEATS + 1)]


def build(org: Organisation) -> str:
    """Found, elect, convene and open the congress; every delegate arrives and is admitted.
    The session's id."""
    on, opens = convention.ON, convention.OPENS
    units = [f"u{i}" for i in range(UNITS)]
    org.execute(lambda s: found(s, "Congress Load Federation", charter()))
    org.execute(lambda s: create_body(s, "congress", "Congress", "congress", None, on))
    org.execute(lambda s: create_body(s, "exec", "Executive", "executive", "congress", on))
    org.execute(lambda s: [e for u in units
                           for e in create_body(s, u, u.upper(), "unit_assembly", "congress",
                                                on)])
    for u in units:
        roll = [(convention.delegate(u, i), f"Member {i} of {u}") for i in range(1, MEMBERS + 1)]
        org.execute(partial(join, unit_id=u, members=roll, on=on))
    org.execute(lambda s: apportion_seats(s, "congress", on))
    org.execute(lambda s: elect_round(s, [
        Poll(u, "congress", [convention.delegate(u, r) for r in range(1, SEATS + 1)], None)
        for u in units], on))
    org.execute(lambda s: elect(s, "congress", "exec", [CHAIR], None, on, alternates=0))
    [convened] = org.execute(lambda s: convene(s, "congress", "Congress", opens, on))
    session = str(convened.payload["session"])
    org.execute(lambda s: sessions.open_session(s, session, opens))
    org.execute(lambda s: [e for x in delegates() for e in sessions.register(s, session, x,
                                                                               opens)])
    org.execute(lambda s: credentials.report(s, session, opens))
    return session


def raise_open_files() -> None:
    """Room for 4,000+ sockets in this process and the server it starts (which inherits it)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = 16_384 if hard == resource.RLIM_INFINITY else hard
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))


def probe(base: str) -> bool:
    """Whether the server answers yet."""
    try:
        with urllib.request.urlopen(f"{base}/api/organisation", timeout=2) as r:
            return bool(r.status == 200)
    except OSError:
        return False


def cpu_seconds(pid: int) -> float:
    """The CPU time a process and its live children (a server's workers) have used, user and
    system, from /proc."""
    total = 0
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if proc.name == str(pid) or fields[1] == str(pid):
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


@contextmanager
def server(url: str, log: Path, workers: int) -> Iterator[tuple[str, int]]:
    """``soviet serve --workers N`` on a free loopback port, in a process of its own; its base
    URL and process id."""
    port = free_port()
    soviet = str(Path(sys.executable).with_name("soviet"))
    with log.open("w") as out:
        process = subprocess.Popen([soviet, "serve", "--port", str(port), "--db", url,
                                    "--workers", str(workers)],
                                   stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while not probe(base):
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"the server did not start:\n{log.read_text()}")
            time.sleep(0.1)
        yield base, process.pid
    finally:
        process.terminate()
        process.wait(timeout=20)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@dataclass
class Hub:
    """What the streams received: when each poll's opening and closing reached each stream,
    and the closing as each stream got it."""

    streams: int
    connected: int = 0
    arrivals: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    closings: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    complete: dict[tuple[str, str], asyncio.Event] = field(default_factory=dict)

    def everywhere(self, kind: str, poll: str) -> asyncio.Event:
        """Set once ``kind`` of ``poll`` has reached every stream."""
        return self.complete.setdefault((kind, poll), asyncio.Event())

    def arrived(self, message: dict[str, Any]) -> None:
        kind = message["type"]
        if kind not in ("poll.opened", "poll.closed"):
            return
        poll = message["payload"]["poll"]
        times = self.arrivals.setdefault((kind, poll), [])
        times.append(time.perf_counter())
        if kind == "poll.closed":
            self.closings.setdefault(poll, []).append(message["payload"])
        if len(times) == self.streams:
            self.everywhere(kind, poll).set()


async def follow(http: aiohttp.ClientSession, base: str, token: str, hub: Hub) -> None:
    """One delegate's live stream, until cancelled."""
    async with http.get(f"{base}/api/stream", headers=bearer(token)) as r:
        r.raise_for_status()
        await r.content.readline()
        hub.connected += 1
        async for line in r.content:
            if line.startswith(b"data: "):
                hub.arrived(json.loads(line[6:]))


@dataclass(frozen=True)
class Vote:
    voter: str
    choice: str
    status: int
    due: float
    answered: float
    receipt: str | None


async def vote(http: aiohttp.ClientSession, base: str, poll: str, voter: str, token: str,
               choice: str, due: float) -> Vote:
    await asyncio.sleep(max(0.0, due - time.perf_counter()))
    async with http.post(f"{base}/api/polls/{poll}/votes", json={"choice": choice},
                         headers=bearer(token)) as r:
        body = await r.json() if r.status == 201 else None
    return Vote(voter, choice, r.status, due, time.perf_counter(),
                body["receipt"] if body else None)


@dataclass(frozen=True)
class Run:
    """One poll: what was sent and seen, for the report and the check against the ledger."""

    poll: str
    secrecy: str
    spread: float
    opened_everywhere: float
    votes: list[Vote]
    close_answered: float
    result_everywhere: float
    closings: list[dict[str, Any]]
    stream_counts: tuple[int, int]
    cpu: tuple[float, float]
    """CPU seconds the server and this process used while the votes were sent and answered."""


async def poll_run(http: aiohttp.ClientSession, base: str, pid: int, session: str,
                   tokens: dict[str, str], hub: Hub, secrecy: str, spread: float,
                   seed: int) -> Run:
    """The chair opens a poll, every delegate votes over ``spread`` seconds, the chair
    closes it; until its result has reached every stream."""
    chair = bearer(tokens[CHAIR])
    t = time.perf_counter()
    async with http.post(f"{base}/api/sessions/{session}/polls", headers=chair, json={
            "question": f"Adopt resolution {seed}", "secrecy": secrecy,
            "on": convention.OPENS}) as r:
        assert r.status == 201, await r.text()
        poll = str((await r.json())[0]["payload"]["poll"])
    await asyncio.wait_for(hub.everywhere("poll.opened", poll).wait(), 60)
    opened = max(hub.arrivals[("poll.opened", poll)]) - t
    rng = random.Random(seed)
    names = [name for name, _ in CHOICES]
    weights = [weight for _, weight in CHOICES]
    # This one process stands for 2,000 phones: its collector's passes over all their
    # streams would stall them all at once, which no phone does, and count against the server.
    gc.collect()
    gc.disable()
    start = time.perf_counter() + 0.1
    cpu = cpu_seconds(pid), time.process_time()
    votes = await asyncio.gather(*(
        vote(http, base, poll, x, tokens[x], rng.choices(names, weights)[0],
             start + rng.uniform(0, spread))
        for x in delegates()))
    cpu = cpu_seconds(pid) - cpu[0], time.process_time() - cpu[1]
    gc.enable()
    t = time.perf_counter()
    async with http.post(f"{base}/api/polls/{poll}/close", headers=chair,
                         json={"on": convention.OPENS}) as r:
        assert r.status == 201, await r.text()
    answered = time.perf_counter() - t
    await asyncio.wait_for(hub.everywhere("poll.closed", poll).wait(), 60)
    result = max(hub.arrivals[("poll.closed", poll)]) - t
    await asyncio.sleep(0.5)  # room for any duplicate message to arrive before counting
    counts = (len(hub.arrivals[("poll.opened", poll)]), len(hub.arrivals[("poll.closed", poll)]))
    return Run(poll, secrecy, spread, opened, votes, answered, result, hub.closings[poll],
               counts, cpu)


async def load(base: str, pid: int, session: str, tokens: dict[str, str],
               plan: list[tuple[str, float]]) -> tuple[float, list[Run]]:
    """Open every delegate's stream, then run the polls of ``plan`` (secrecy, spread) in turn.
    The time to connect all streams, and the runs."""
    hub = Hub(DELEGATES)
    timeout = aiohttp.ClientTimeout(total=None, sock_connect=60)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0, keepalive_timeout=3),
                                     timeout=timeout) as http:
        t = time.perf_counter()
        followers = []
        everyone = delegates()
        for first in range(0, DELEGATES, 250):
            followers += [asyncio.create_task(follow(http, base, tokens[x], hub))
                          for x in everyone[first:first + 250]]
            while hub.connected < min(first + 250, DELEGATES):
                failed = [f for f in followers if f.done()]
                if failed:
                    failed[0].result()
                    raise RuntimeError("a stream ended")
                await asyncio.sleep(0.01)
        connected = time.perf_counter() - t
        runs = [await poll_run(http, base, pid, session, tokens, hub, secrecy, spread, seed)
                for seed, (secrecy, spread) in enumerate(plan, 1)]
        for f in followers:
            f.cancel()
        await asyncio.gather(*followers, return_exceptions=True)
    return connected, runs


def recorded(url: str, poll: str) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """The poll's ``vote.cast`` payloads and its ``poll.closed`` payload, read from the ledger."""
    cast, closed = [], None
    with open_ledger(url) as ledger:
        for e in ledger.events():
            if e.type in ("vote.cast", "poll.closed") and e.payload["poll"] == poll:
                if e.type == "vote.cast":
                    cast.append(e.payload)
                else:
                    closed = e.payload
    return cast, closed


def problems(url: str, run: Run) -> list[str]:
    """Every way the ledger and the streams disagree with the votes accepted."""
    accepted = [v for v in run.votes if v.status == 201]
    cast, closed = recorded(url, run.poll)
    if closed is None:
        return ["no poll.closed in the ledger"]
    out = []
    voters = [c["voter"] for c in cast]
    if len(voters) != len(set(voters)):
        out.append(f"{len(voters) - len(set(voters))} voters recorded twice")
    if set(voters) != {v.voter for v in accepted}:
        out.append("the voters recorded are not those whose votes were accepted")
    strength = {c["voter"]: Fraction(c["strength"]) for c in cast}
    expected = {name: sum((strength.get(v.voter, Fraction(0)) for v in accepted
                           if v.choice == name), Fraction(0)) for name, _ in CHOICES}
    if {name: Fraction(closed[name]) for name, _ in CHOICES} != expected:
        out.append(f"the tally {closed['yes']}/{closed['no']}/{closed['abstain']} is not "
                   f"the votes accepted {'/'.join(str(x) for x in expected.values())}")
    if run.secrecy == "ballot":
        published = {b["receipt"]: b["parts"] for b in closed["ballots"]}
        mine = {v.receipt: {v.choice: str(strength.get(v.voter))} for v in accepted}
        if len(closed["ballots"]) != len(accepted) or published != mine:
            out.append("the published ballots are not the ballots accepted, by receipt")
    shown = {k: x for k, x in closed.items() if k != "ballots"}
    if any(c != shown for c in run.closings):
        out.append("a stream was sent a result other than the ledger's")
    if run.stream_counts != (DELEGATES, DELEGATES):
        out.append(f"streams got {run.stream_counts} openings and closings, not one each")
    return out


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def report(url: str, run: Run) -> dict[str, float]:
    """Print one poll's figures, targets and the check against the ledger; the figures."""
    accepted = [v for v in run.votes if v.status == 201]
    refused = len(run.votes) - len(accepted)
    first = min(v.due for v in run.votes)
    window = max(v.answered for v in run.votes) - first
    latency = sorted(v.answered - v.due for v in run.votes)
    p50 = statistics.median(latency)
    p99 = statistics.quantiles(latency, n=100, method="inclusive")[98]
    how = f"over {run.spread:g} s" if run.spread else "all at once"
    found = problems(url, run)
    print(f"  {run.secrecy} poll {run.poll}, votes sent {how}: opening on every stream "
          f"{run.opened_everywhere * 1000:.0f} ms after the request", flush=True)
    print(f"    {len(accepted):,} votes accepted, {refused} refused, all answered "
          f"{window:.2f} s after the first was due ({len(accepted) / window:,.0f} /s); "
          f"latency p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, max "
          f"{latency[-1] * 1000:.0f} ms")
    print(f"    CPU meanwhile: server {run.cpu[0]:.2f} s ({run.cpu[0] / len(run.votes) * 1000:.2f}"
          f" ms a vote), these 2,000 clients {run.cpu[1]:.2f} s")
    print(f"    close answered in {run.close_answered * 1000:.0f} ms; the result on all "
          f"{DELEGATES:,} streams {run.result_everywhere * 1000:.0f} ms after the close "
          f"request")
    agree = "every accepted vote recorded once; the tally and every stream agree"
    print(f"    ledger: {'; '.join(found) or agree}")
    print(f"    targets: all accepted within {ALL_IN:g} s "
          f"{verdict(not refused and window < ALL_IN)}; p99 < {P99 * 1000:.0f} ms "
          f"{verdict(p99 < P99)}; result everywhere < {RESULT:g} s "
          f"{verdict(run.result_everywhere < RESULT)}; none lost or doubled "
          f"{verdict(not found)}", flush=True)
    return {"window": window, "p50": p50, "p99": p99, "result": run.result_everywhere}


def backend(url: str, folder: Path, plan: list[tuple[str, float]], workers: int) -> None:
    """Build the congress on the ledger at ``url``, serve it, and run the polls of ``plan``."""
    t = time.perf_counter()
    with Organisation.open(url) as org:
        session = build(org)
    accounts = Accounts(url)
    tokens = {x: accounts.open_session(x) for x in delegates()}
    accounts.close()
    print(f"  built: {UNITS * MEMBERS:,} members, {DELEGATES:,} delegates admitted, session "
          f"{session} sitting, {len(tokens):,} tokens; {time.perf_counter() - t:.1f} s",
          flush=True)
    with server(url, folder / "server.log", workers) as (base, pid):
        connected, runs = uvloop.run(load(base, pid, session, tokens, plan))
    print(f"  {DELEGATES:,} streams open in {connected:.1f} s")
    for run in runs:
        report(url, run)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--workers", type=int, default=2,
                        help="server processes (soviet serve --workers): one per core")
    parser.add_argument("--spread", type=float, default=1.5,
                        help="seconds over which the delegates' votes are due")
    args = parser.parse_args()
    raise_open_files()
    plan = [("named", args.spread), ("ballot", args.spread), ("named", 0.0)]
    print(f"{platform.machine()}, {os.cpu_count()} cores, Linux {platform.release()}, Python "
          f"{sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}, aiohttp "
          f"{aiohttp.__version__}; soviet serve --workers {args.workers}")
    print(f"peer: {PEER}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.backend in ("sqlite", "both"):
            print("SQLite (WAL, synchronous=FULL)", flush=True)
            backend(f"sqlite:///{folder / 'congress.db'}", folder, plan, args.workers)
        if args.backend in ("postgresql", "both"):
            with postgres_server() as root:
                with psycopg.connect(f"{root}/postgres", autocommit=True) as db:
                    db.execute("CREATE DATABASE congress")
                    version = db.info.server_version
                print(f"PostgreSQL {version // 10000}.{version % 10000} on loopback (fsync=on)",
                      flush=True)
                backend(f"{root}/congress", folder, plan, args.workers)


if __name__ == "__main__":
    main()
