"""Convention practice benchmark (issue #9): a congress of 1,500 delegates from 400 units
representing 1,200,000 members (the organisation of ``tests/rules/convention.py``), built
through the ledger on SQLite.

Targets on a 2-core machine: recompute every delegation's strength after one delegate arrives
< 10 ms; tally a card vote of the 400 delegations (1,500 delegates) < 10 ms. There is no peer
product that weighs delegations, so each figure is printed beside a floor measured in the same
run: the same arithmetic done directly with numpy on arrays of the figures (no state, no rules,
no exact fractions).

    python bench/convention.py
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from soviet.counting.motion import Tally, decide
from soviet.model.sessions import CHOICES
from soviet.rules import credentials, polls, sessions
from soviet.rules.polls import card_roll, tally
from soviet.rules.voters import section, strengths, total
from soviet.service import Organisation
from tests.rules import convention

REPEAT = 30


def best(fn: Callable[[], object]) -> float:
    """The median of ``REPEAT`` runs, in seconds."""
    times = []
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def strength_floor(basis: np.ndarray, present: np.ndarray) -> Callable[[], object]:
    """Every delegation's share and remainder from arrays: one divmod."""
    return lambda: np.divmod(basis, np.maximum(present, 1))


def tally_floor(votes: np.ndarray, choice: np.ndarray) -> Callable[[], object]:
    """The card vote's totals per choice from arrays: one weighted bincount."""
    return lambda: np.bincount(choice, weights=votes, minlength=3)


def report(what: str, seconds: float, floor: float) -> None:
    ms = seconds * 1000
    print(f"{what:<58} {ms:8.3f} ms  target < 10 ms  {'MET' if ms < 10 else 'MISSED':<6}  "
          f"floor {floor * 1000:.3f} ms ({seconds / floor:.0f}x)", flush=True)


def one_vote(org: Organisation, poll: str, electorates: list[str]) -> None:
    """What one delegate's vote costs at this size: the rule deciding it (on one state), and
    the whole command (decide, append to SQLite, fold), each the median of 30 voters; for the
    web issue's 2,000 votes in 2 s. No target of its own in this issue."""
    state = org.state()
    voters = [convention.delegate(e, 2) for e in electorates[:REPEAT]]
    decide_times, record_times = [], []
    for x in voters:
        t0 = time.perf_counter()
        polls.cast(state, poll, x, choice="yes")
        decide_times.append(time.perf_counter() - t0)
    for x in voters:
        t0 = time.perf_counter()
        org.execute(lambda st, x=x: polls.cast(st, poll, x, choice="yes"))
        record_times.append(time.perf_counter() - t0)
    print(f"one vote at 1,500 delegates: decided in {statistics.median(decide_times) * 1000:.3f}"
          f" ms, recorded (decide, append, fold) in "
          f"{statistics.median(record_times) * 1000:.3f} ms", flush=True)


def run(folder: str) -> None:
    print(f"{platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"numpy {np.__version__}")
    with Organisation.open(f"sqlite:///{Path(folder) / 'convention.db'}") as org:
        t0 = time.perf_counter()
        convention.build(org)
        s = convention.open_congress(org, {"a0x4"})
        print(f"built: 1,200,000 members, 400 units, 1,500 delegates, session {s} open; "
              f"{time.perf_counter() - t0:.1f} s", flush=True)
        # a0x4 arrives late: registered, and admitted in a supplement to the credentials report
        org.execute(lambda st: sessions.register(st, s, "a0x4", convention.OPENS))
        org.execute(lambda st: credentials.report(st, s, convention.OPENS))
        state = org.state()
        session = state.sessions[s]
        shares = strengths(state, session)
        assert len(shares) == 1500 and sum(shares.values()) == 1_200_000
        electorates = sorted(session.basis)
        basis = np.array([int(session.basis[e]) for e in electorates], dtype=np.int64)
        present = np.array([4 if e[0] == "a" else 3 for e in electorates], dtype=np.int64)
        report("recompute every delegation's strength after one arrival",
               best(lambda: strengths(state, session)), best(strength_floor(basis, present)))

        [named] = org.execute(lambda st: polls.open_poll(st, s, convention.OPENS,
                                                         question="Adjourn", secrecy="named"))
        one_vote(org, named.payload["poll"], electorates)
        org.execute(lambda st: polls.close(st, named.payload["poll"], convention.OPENS))
        [opened] = org.execute(lambda st: polls.open_poll(st, s, convention.OPENS,
                                                          question="Adopt", secrecy="card"))
        p = opened.payload["poll"]
        chairs = [(e, convention.delegate(e, 1), "yes" if i % 3 else "no")
                  for i, e in enumerate(electorates)]
        org.execute(lambda st: [ev for _, chair, choice in chairs for ev in polls.cast(
            st, p, chair, choice=choice, whole=True)])
        state = org.state()
        session, poll = state.sessions[s], state.polls[p]
        kind, _ = section(state, session)
        _, majority = state.rules.majority(kind, poll.kind)  # type: ignore[arg-type]

        def card_tally() -> object:
            votes = tally(poll)
            _, strength = total(state, session)
            decision = decide(Tally(votes["yes"], votes["no"], votes["abstain"]),
                              majority.rule(), strength, strength)
            return decision, card_roll(poll)

        weights = basis.astype(np.float64)
        choice = np.array([CHOICES.index(c) for _, _, c in chairs], dtype=np.int64)
        report("tally a card vote of 400 delegations (1,500 delegates)", best(card_tally),
               best(tally_floor(weights, choice)))
        t0 = time.perf_counter()
        closed = org.execute(lambda st: polls.close(st, p, convention.OPENS))
        print(f"  closing it through the ledger (rule, record, fold): "
              f"{(time.perf_counter() - t0) * 1000:.1f} ms; {closed[0].payload['sentence']}")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        run(tmp)
