"""Counting benchmark: soviet against pyrankvote and pref_voting on one BLT file, in one run.

Targets (issue #3). From the same BLT file on disk to the result, 1,000,000 ranked ballots over
10 candidates with truncated rankings: IRV and STV (3 seats) >= 20x faster than pyrankvote,
Schulze >= 20x faster than pref_voting. Each peer's time includes a plain Python BLT reader
building that peer's own input objects, as ours includes :func:`load_blt`. From ballots in
memory: IRV on 10,000,000 ballots < 3 s, Scottish STV with 3 seats on 1,000,000 < 3 s,
plurality on 100,000,000 choices < 1 s, memory at most 1 byte per ballot-rank plus a constant.

    python bench/counting.py                 # the full sizes above
    python bench/counting.py --quick         # a tenth of every size, for a smoke test
    python bench/counting.py --peer-ballots 200000   # peers on fewer ballots, scaled linearly

Methods not registered yet in ``soviet.counting.METHODS`` are reported as skipped.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from soviet.counting import METHODS, Ballots, Election, count, load_blt, write_blt

CANDIDATES = 10
SEED = 2026
STV_SEATS = 3


def synthetic_ballots(rows: int, seed: int = SEED) -> Ballots:
    """Plackett-Luce rankings over 10 candidates of unequal support, each cut at a uniform
    length 1..10: most counts then run several rounds. Built in blocks to bound memory."""
    rng = np.random.default_rng(seed)
    support = np.log(np.linspace(1.6, 0.6, CANDIDATES))
    ranks = np.empty((rows, CANDIDATES), dtype=np.int8)
    block = 1_000_000
    for lo in range(0, rows, block):
        hi = min(lo + block, rows)
        keys = support + rng.gumbel(size=(hi - lo, CANDIDATES))
        part = np.argsort(-keys, axis=1).astype(np.int8)
        length = rng.integers(1, CANDIDATES + 1, hi - lo)
        part[np.arange(CANDIDATES)[None, :] >= length[:, None]] = -1
        ranks[lo:hi] = part
    return Ballots(ranks, tuple(f"Candidate {chr(65 + i)}" for i in range(CANDIDATES)))


def plain_blt(path: Path) -> tuple[list[str], list[tuple[int, list[int]]]]:
    """The peers' reader: what a Python user without a vectorised reader writes."""
    with path.open(encoding="utf-8") as f:
        n = int(f.readline().split()[0])
        ballots = []
        for line in f:
            parts = line.split()
            if parts == ["0"]:
                break
            ballots.append((int(parts[0]), [int(p) - 1 for p in parts[1:-1]]))
        names = [f.readline().strip().strip('"') for _ in range(n)]
    return names, ballots


def pyrankvote_count(path: Path, seats: int) -> list[str]:
    from pyrankvote import Ballot, Candidate, instant_runoff_voting, single_transferable_vote

    names, lines = plain_blt(path)
    candidates = [Candidate(name) for name in names]
    ballots = []
    for weight, prefs in lines:
        ballots.extend([Ballot(ranked_candidates=[candidates[c] for c in prefs])] * weight)
    if seats == 1:
        result = instant_runoff_voting(candidates, ballots)
    else:
        result = single_transferable_vote(candidates, ballots, seats)
    return [c.name for c in result.get_winners()]


def pref_voting_schulze(path: Path) -> list[str]:
    from pref_voting.margin_based_methods import beat_path
    from pref_voting.profiles_with_ties import ProfileWithTies

    names, lines = plain_blt(path)
    profile = ProfileWithTies(
        [{c: k + 1 for k, c in enumerate(prefs)} for _, prefs in lines],
        rcounts=[w for w, _ in lines],
        candidates=list(range(len(names))),
    )
    profile.use_extended_strict_preference()  # unranked below ranked, as the ballots mean
    return [names[c] for c in beat_path(profile)]


def ours(path: Path, method: str, seats: int, **options: Any) -> list[str]:
    election = load_blt(path)
    return list(count(method, election.ballots, seats=seats, **options).elected)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    value = fn()
    return time.perf_counter() - t0, value


def machine() -> str:
    cpu = next(
        (
            ln.split(":", 1)[1].strip()
            for ln in Path("/proc/cpuinfo").read_text().splitlines()
            if ln.startswith("model name")
        ),
        platform.processor(),
    )
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{cpu}, {os.cpu_count()} cores, {ram:.0f} GiB RAM; {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}, numpy {np.__version__}"
    )


def race(args: argparse.Namespace, rows: int, report: list[str]) -> None:
    """Ours and the peers, each from the BLT file on disk to the winners."""
    peer_rows = min(args.peer_ballots or rows, rows)
    ballots = synthetic_ballots(rows)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.blt"
        write_blt(Election(ballots, seats=STV_SEATS, title="bench"), path)
        peer_path = path
        if peer_rows < rows:
            peer_path = Path(tmp) / "peer.blt"
            part = Ballots(ballots.ranks[:peer_rows], ballots.candidates)
            write_blt(Election(part, seats=STV_SEATS, title="bench"), peer_path)
        size = path.stat().st_size / 2**20
        print(f"\nfile to result: {rows:,} ballots, {CANDIDATES} candidates, {size:.1f} MiB BLT")
        seconds, _ = timed(lambda: load_blt(path))
        print(f"  load_blt alone: {seconds:.2f} s")
        report.append(f"| load_blt, {rows:,} ballots ({size:.1f} MiB) | {seconds:.2f} s | | |")
        contests: list[tuple[str, str, int, dict[str, Any], str, Callable[[Path], list[str]]]] = [
            ("IRV", "irv", 1, {}, "pyrankvote IRV", partial(pyrankvote_count, seats=1)),
            (
                "STV 3 seats",
                "scottish-stv",
                STV_SEATS,
                {},
                "pyrankvote STV",
                partial(pyrankvote_count, seats=STV_SEATS),
            ),
            (
                "Schulze",
                "schulze",
                1,
                {"strength": "margin"},
                "pref_voting beat_path",
                pref_voting_schulze,
            ),
        ]
        for label, method, seats, options, peer, peer_fn in contests:
            if method not in METHODS:
                print(f"  {label}: skipped, {method!r} is not registered yet")
                continue
            mine, our_winners = timed(partial(ours, path, method, seats, **options))
            theirs, peer_winners = timed(partial(peer_fn, peer_path))
            scaled = theirs * rows / peer_rows
            note = (
                f" (run on {peer_rows:,}, scaled x{rows / peer_rows:g})" if peer_rows < rows else ""
            )
            agree = (
                ""
                if peer_rows < rows
                else (
                    ", same winners"
                    if sorted(our_winners) == sorted(peer_winners)
                    else f", winners differ: ours {our_winners}, peer {peer_winners}"
                )
            )
            print(
                f"  {label}: soviet {method} {mine:.2f} s, {peer} {scaled:.2f} s{note}: "
                f"{scaled / mine:.0f}x{agree}"
            )
            report.append(
                f"| {label}: soviet `{method}` vs {peer}{note} | {mine:.2f} s | "
                f"{scaled:.2f} s | **{scaled / mine:.0f}x** |"
            )


def in_memory(scale: float, report: list[str]) -> None:
    """The in-memory targets, each on ballots built before the clock starts."""
    print("\nfrom ballots in memory:")
    targets = [
        ("IRV", "irv", 1, int(10_000_000 * scale), 3.0),
        ("Scottish STV, 3 seats", "scottish-stv", STV_SEATS, int(1_000_000 * scale), 3.0),
    ]
    for label, method, seats, rows, limit in targets:
        if method not in METHODS:
            print(f"  {label}: skipped, {method!r} is not registered yet")
            continue
        ballots = synthetic_ballots(rows)
        seconds, _ = timed(partial(count, method, ballots, seats=seats))
        cells = ballots.rows * ballots.depth
        tracemalloc.start()
        count(method, ballots, seats=seats)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        per = (ballots.ranks.nbytes + peak) / cells
        print(
            f"  {label} on {rows:,} ballots: {seconds:.2f} s (target < {limit:g} s); "
            f"memory {ballots.ranks.nbytes / cells:.2f} B/ballot-rank held + "
            f"{peak / 2**20:.0f} MiB counting peak = {per:.2f} B/ballot-rank"
        )
        report.append(
            f"| {label}, {rows:,} ballots in memory (target < {limit:g} s) | "
            f"{seconds:.2f} s | | {per:.2f} B per ballot-rank incl. count peak |"
        )
        del ballots
    if "plurality" in METHODS:
        choices = int(100_000_000 * scale)
        rng = np.random.default_rng(SEED)
        ranks = rng.integers(0, CANDIDATES, (choices, 1), dtype=np.int8)
        ballots = Ballots(ranks, tuple(f"C{i}" for i in range(CANDIDATES)))
        seconds, _ = timed(lambda: count("plurality", ballots))
        print(f"  plurality on {choices:,} choices: {seconds:.2f} s (target < 1 s)")
        report.append(
            f"| plurality, {choices:,} choices in memory (target < 1 s) | {seconds:.2f} s | | |"
        )
    else:
        print("  plurality: skipped, not registered yet")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of every size")
    parser.add_argument(
        "--peer-ballots",
        type=int,
        default=None,
        help="run the peers on this many ballots and scale their time linearly",
    )
    args = parser.parse_args()
    scale = 0.1 if args.quick else 1.0
    print(machine())
    print(f"registered methods: {', '.join(sorted(METHODS))}")
    report = ["| what | soviet | peer | ratio / memory |", "|---|---|---|---|"]
    race(args, int(1_000_000 * scale), report)
    in_memory(scale, report)
    print("\nmarkdown:\n" + "\n".join(report))


if __name__ == "__main__":
    main()
