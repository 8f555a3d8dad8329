"""Several processes at once, and a process killed mid-append, on both backends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from soviet.ledger import open_ledger, verify_rows

REPO = Path(__file__).resolve().parents[2]


def writer(url: str, tag: str, count: int, batch: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.ledger.appender", url, tag, str(count), str(batch)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def acknowledged(output: str) -> dict[int, str]:
    """Events the writer reported as committed; a line cut short by the kill is not a report."""
    complete = output[: output.rfind("\n") + 1]
    return {int(s): h for s, h in (line.split() for line in complete.splitlines())}


def test_concurrent_writers_make_one_unbroken_chain(ledger_url: str) -> None:
    open_ledger(ledger_url).close()  # create the schema before the race
    procs = [writer(ledger_url, f"w{i}", 40, 1 + i % 3) for i in range(6)]
    acks: dict[int, str] = {}
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        mine = acknowledged(out)
        assert len(mine) == 40
        assert not acks.keys() & mine.keys(), "two writers were told they got the same seq"
        acks |= mine
    with open_ledger(ledger_url) as ledger:
        stored = {e.seq: e for e in ledger.events()}
        v = verify_rows(ledger.rows())
    assert v.sound, v.problem
    assert v.checked == 240
    assert {s: e.hash for s, e in stored.items()} == acks
    per_writer: dict[str, list[int]] = {}
    for e in stored.values():
        per_writer.setdefault(e.actor, []).append(e.payload["n"])
    assert all(sorted(ns) == list(range(40)) for ns in per_writer.values())


def test_kill_9_loses_no_acknowledged_event(ledger_url: str) -> None:
    open_ledger(ledger_url).close()
    p = writer(ledger_url, "victim", 1_000_000, 7)
    assert p.stdout is not None
    seen: list[str] = []
    deadline = time.monotonic() + 60
    while len(seen) < 300 and time.monotonic() < deadline:
        seen.append(p.stdout.readline())
    os.kill(p.pid, signal.SIGKILL)
    rest, _ = p.communicate()
    acks = acknowledged("".join(seen) + rest)
    assert len(acks) >= 300
    with open_ledger(ledger_url) as ledger:
        stored = {e.seq: e.hash for e in ledger.events()}
        v = verify_rows(ledger.rows())
    assert v.sound, v.problem
    assert all(stored.get(s) == h for s, h in acks.items())
    assert len(stored) % 7 == 0, "a half-applied batch was stored"
