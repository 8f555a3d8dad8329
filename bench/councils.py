"""Council tree benchmark (issue #4): a whole organisation built, apportioned and elected
through the ledger, then a recall and a question.

Targets on a 2-core machine, for 10,000,000 members in 100,000 base units over 4 levels (units
-> district councils -> regional councils -> congress), built on SQLite through
``Organisation.execute`` with the real rules: apportion all levels < 1 s; elect all delegates of
all levels < 60 s; a recall cascading over 3 levels < 50 ms; "who sits in the congress" < 50 ms;
process memory < 4 GB. There is no peer product, so each figure is printed beside a floor
measured in the same run where one makes sense: the same work without the ledger and the
rules around it (the apportionments by ``apportion_bodies`` on the same figures; for the
elections, the time spent inside the counts themselves; the recall decided but not recorded).

    python bench/councils.py                  # 10,000,000 members, 100,000 units
    python bench/councils.py --quick          # 1/100: 100,000 members, 1,000 units
    python bench/councils.py --members 2000000 --units 20000
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from soviet.apportion import apportion_bodies
from soviet.charter import charter_to_json, load_charter
from soviet.counting import count
from soviet.model.events import DomainEvent
from soviet.model.state import State
from soviet.rules import apportionment, elections, founding, membership, recall, structure
from soviet.service import Organisation
from soviet.service.queries import chain, sitting

T = TypeVar("T")
SEED = 2026
UNITS_PER_DISTRICT = 100
DISTRICTS_PER_REGION = 50
ROLLS_PER_COMMAND = 100
BODIES_PER_COMMAND = 1_000
ELECTIONS_PER_COMMAND = 1_000
FOUNDED, JOINED, APPORTIONED = "2026-01-01", "2026-01-05", "2026-02-01"
VOTED = ("2026-03-01", "2026-03-15", "2026-04-01")  # units, district councils, regional councils
RECALLED = "2026-06-01"
GB = 1 << 30


def charter() -> dict[str, Any]:
    """The union federation's charter with a scale for each level of a four-level tree:
    units send one delegate per 50 members to their district council, district councils one
    per 2,500 members (Sainte-Laguë) to their regional council, the regions share 500 congress
    seats by largest remainder. Elections by Scottish STV with three ranked alternates."""
    text = charter_to_json(load_charter(Path(__file__).resolve().parents[1] / "charters"
                                        / "union-federation.toml"))
    text["representation"]["default_scale"] = "unit"
    text["representation"]["scales"] = {
        "unit": {"basis": "members", "method": "ratio", "one_delegate_per": 50,
                 "remainder": "half", "minimum": 1},
        "district": {"basis": "members", "method": "sainte-lague", "one_delegate_per": 2_500,
                     "remainder": "half", "minimum": 1},
        "region": {"basis": "members", "method": "hamilton", "seats": 500, "minimum": 6},
    }
    return text


@dataclass(frozen=True)
class Tree:
    """The shape of the organisation: body ids per level and each unit's members."""

    units: list[str]
    districts: list[str]
    regions: list[str]
    district_of: np.ndarray  # per unit
    region_of: np.ndarray  # per district
    sizes: np.ndarray  # members per unit
    first: np.ndarray  # the number of each unit's first member

    @staticmethod
    def shape(members: int, units: int) -> Tree:
        rng = np.random.default_rng(SEED)
        districts = max(2, units // UNITS_PER_DISTRICT)
        regions = max(2, districts // DISTRICTS_PER_REGION)
        raw = rng.integers(20, 181, units)  # units of 20..180 members before scaling
        sizes = np.maximum(1, raw * members // raw.sum())
        sizes[: members - int(sizes.sum())] += 1
        return Tree([f"u{i}" for i in range(units)], [f"d{i}" for i in range(districts)],
                    [f"r{i}" for i in range(regions)],
                    np.arange(units) * districts // units,
                    np.arange(districts) * regions // districts,
                    sizes, np.concatenate(([0], np.cumsum(sizes)[:-1])))

    def roll(self, u: int) -> list[tuple[str, str]]:
        lo = int(self.first[u])
        return [(f"m{i}", f"Member {i}") for i in range(lo, lo + int(self.sizes[u]))]


class Clock:
    """Adds up the time spent inside the system (preparing the input is not counted)."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def __call__(self, fn: Callable[[], T]) -> T:
        t0 = time.perf_counter()
        try:
            return fn()
        finally:
            self.seconds += time.perf_counter() - t0


def batches(items: Sequence[T], n: int) -> Iterator[Sequence[T]]:
    for lo in range(0, len(items), n):
        yield items[lo:lo + n]


def record(org: Organisation, clock: Clock, decide: Callable[[State], Sequence[DomainEvent]]
           ) -> None:
    """One command through the service, timed."""
    clock(lambda: org.execute(decide))


def create_bodies(state: State, bodies: Sequence[tuple[str, str, str | None, str | None]]
                  ) -> list[DomainEvent]:
    return [e for body, kind, parent, scale in bodies
            for e in structure.create_body(state, body, body.upper(), kind, parent, FOUNDED,
                                           scale)]


def join_rolls(state: State, rolls: Sequence[tuple[str, list[tuple[str, str]]]]
               ) -> list[DomainEvent]:
    return [e for unit, roll in rolls for e in membership.join(state, unit, roll, JOINED)]


def build(org: Organisation, tree: Tree, clock: Clock) -> None:
    record(org, clock, partial(founding.found, name="Bench Federation", charter=charter()))
    levels: list[list[tuple[str, str, str | None, str | None]]] = [
        [("congress", "congress", None, None)],
        [(r, "council", "congress", "region") for r in tree.regions],
        [(d, "council", tree.regions[int(tree.region_of[i])], "district")
         for i, d in enumerate(tree.districts)],
        [(u, "unit_assembly", tree.districts[int(tree.district_of[i])], None)
         for i, u in enumerate(tree.units)],
    ]
    for level in levels:  # a level's parents must exist before its bodies are created
        for part in batches(level, BODIES_PER_COMMAND):
            record(org, clock, partial(create_bodies, bodies=part))
    for lo in range(0, len(tree.units), ROLLS_PER_COMMAND):
        rolls = [(tree.units[u], tree.roll(u))
                 for u in range(lo, min(lo + ROLLS_PER_COMMAND, len(tree.units)))]
        record(org, clock, partial(join_rolls, rolls=rolls))


def apportion_floor(tree: Tree) -> float:
    """The same three levels of seats computed straight from arrays of the figures with
    ``apportion_bodies``: no ledger, no state, no events."""
    t0 = time.perf_counter()
    scales = charter()["representation"]["scales"]
    unit, district, region = scales["unit"], scales["district"], scales["region"]
    apportion_bodies("ratio", tree.sizes, tree.district_of, ratio=unit["one_delegate_per"],
                     remainder=unit["remainder"], minimum=unit["minimum"])
    members = np.bincount(tree.district_of, weights=tree.sizes).astype(np.int64)
    totals = np.bincount(tree.region_of, weights=members).astype(np.int64)
    whole, rest = np.divmod(totals, district["one_delegate_per"])
    houses = whole + (2 * rest >= district["one_delegate_per"])
    houses = np.maximum(houses, district["minimum"] * np.bincount(tree.region_of))
    apportion_bodies(district["method"], members, tree.region_of, houses,
                     minimum=district["minimum"])
    apportion_bodies(region["method"], totals, np.zeros(len(totals), dtype=np.int64),
                     [region["seats"]], minimum=region["minimum"])
    return time.perf_counter() - t0


def ballots(rng: np.random.Generator, voters: int, candidates: int) -> np.ndarray:
    """Rankings of unequal support (Plackett-Luce), each cut at a uniform length."""
    support = np.log(rng.uniform(0.3, 1.7, candidates))
    ranks = np.argsort(-(support + rng.gumbel(size=(voters, candidates))), axis=1)
    length = rng.integers(1, candidates + 1, voters)
    ranks[np.arange(candidates)[None, :] >= length[:, None]] = -1
    return ranks.astype(np.int8 if candidates < 127 else np.int16)


def unit_polls(state: State, tree: Tree, units: Sequence[int], rng: np.random.Generator
               ) -> list[elections.Poll]:
    """Each unit's assembly: two more candidates than seats, every member votes."""
    polls = []
    for u in units:
        unit = tree.units[u]
        seats = state.apportionments[state.bodies[unit].parent or ""].seats[unit]
        lo, size = int(tree.first[u]), int(tree.sizes[u])
        candidates = [f"m{i}" for i in range(lo, lo + min(size, seats + 2))]
        polls.append(elections.Poll(unit, state.bodies[unit].parent or "", candidates,
                                    ballots(rng, size, len(candidates))))
    return polls


def council_polls(state: State, councils: Sequence[str], extra: int,
                  rng: np.random.Generator) -> list[elections.Poll]:
    """Each council elects from its sitting delegates, who all vote; ``extra`` candidates
    more than seats (a small tree's councils may have fewer delegates than seats above)."""
    polls = []
    for council in councils:
        body = state.bodies[council].parent or ""
        sitting_here = sorted(m.holder for m in state.sitting(council))
        seats = min(state.apportionments[body].seats[council], len(sitting_here) - extra)
        candidates = sitting_here[:seats + extra]
        polls.append(elections.Poll(council, body, candidates,
                                    ballots(rng, len(sitting_here), len(candidates)), seats))
    return polls


def elect_all(org: Organisation, tree: Tree, clock: Clock) -> list[tuple[str, int, float]]:
    """Every level in turn, a round of many polls per command: per level, the electorates'
    name, how many elections and the seconds they took."""
    rng = np.random.default_rng(SEED)
    levels = []
    for name, electorates, on in (("units", tree.units, VOTED[0]),
                                  ("district councils", tree.districts, VOTED[1]),
                                  ("regional councils", tree.regions, VOTED[2])):
        before = clock.seconds
        for part in batches(range(len(electorates)), ELECTIONS_PER_COMMAND):
            state = org.state()
            polls = (unit_polls(state, tree, part, rng) if electorates is tree.units else
                     council_polls(state, [electorates[i] for i in part],
                                   3 if electorates is tree.districts else 5, rng))
            record(org, clock, partial(elections.elect_round, polls=polls, on=on))
        levels.append((name, len(electorates), clock.seconds - before))
    return levels


def recall_through_three_levels(org: Organisation, tree: Tree) -> tuple[float, float, int]:
    """A congress delegate's seat held through a regional and a district seat: their unit
    petitions, signs up to the threshold and votes the recall of the district seat, which
    takes the other two with it (substitutes step in at every level). The vote's command
    time, the rule's own time deciding it on the same state, and the events recorded."""
    state = org.state()
    top = min(state.sitting("congress"), key=lambda m: m.id)
    base = chain(state, top.id)[-1].mandate
    assert len(chain(state, top.id)) == 3, "the congress seat is held through two below"
    u = tree.units.index(base.electorate)
    signers = [f"m{i}" for i in range(int(tree.first[u]), int(tree.first[u] + tree.sizes[u]))
               if f"m{i}" != base.holder]
    org.execute(lambda s: recall.file_petition(s, base.id, signers[0], "bench", RECALLED))
    petition = max(org.state().petitions)
    for member in signers[1:]:
        if org.state().petitions[petition].vote_called is not None:
            break
        org.execute(partial(recall.sign_petition, petition=petition, member=member,
                            on=RECALLED))
    yes = int(tree.sizes[u]) // 2 + 1
    state = org.state()
    t0 = time.perf_counter()
    recall.vote_recall(state, petition, yes, 0, 0, RECALLED)
    decided = time.perf_counter() - t0
    t0 = time.perf_counter()
    events = org.execute(lambda s: recall.vote_recall(s, petition, yes, 0, 0, RECALLED))
    seconds = time.perf_counter() - t0
    ended = {org.state().mandates[e.payload["mandate"]].body for e in events
             if e.type == "mandate.ended" and e.payload["reason"] in ("recalled", "cascade")}
    assert len(ended) == 3, f"the recall ended seats in {sorted(ended)}"
    return seconds, decided, len(events)


def shown(value: float) -> str:
    return f"{value:,.2f}" if value >= 1 else f"{value:.3g}"


def report(what: str, value: float, target: float, unit: str, floor: float | None = None,
           floor_name: str = "floor") -> None:
    """One figure with its target; ``floor`` is the same work done directly, if any."""
    text = (f"{what:<42} {shown(value):>8} {unit:<3}  target < {target:g} {unit:<3}  "
            f"{'MET' if value < target else 'MISSED':<6}")
    if floor is not None:
        text += f"  {floor_name} {shown(floor)} {unit} ({value / floor:.1f}x)"
    print(text, flush=True)


class Counted:
    """Times every ``count`` the election rule calls, to show what counting itself costs
    in the run (the floor of an election: the count of its ballots)."""

    def __init__(self) -> None:
        self.clock = Clock()
        self.real = count  # the function the rule imported

    def __enter__(self) -> Clock:
        real, clock = self.real, self.clock
        setattr(elections, "count", lambda *a, **k: clock(lambda: real(*a, **k)))  # noqa: B010
        return clock

    def __exit__(self, *exc: object) -> None:
        setattr(elections, "count", self.real)  # noqa: B010


def run(members: int, units: int, folder: str) -> None:
    tree = Tree.shape(members, units)
    print(f"{platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"numpy {np.__version__}")
    print(f"{members:,} members in {units:,} units, {len(tree.districts):,} district councils, "
          f"{len(tree.regions):,} regional councils, 1 congress", flush=True)
    path = Path(folder) / "councils.db"
    org = Organisation.open(f"sqlite:///{path}")
    clock = Clock()
    wall = time.perf_counter()
    build(org, tree, clock)
    print(f"built: {org.state().seq:,} events, {clock.seconds:.1f} s in the system "
          f"({time.perf_counter() - wall:.1f} s with input)", flush=True)
    t0 = time.perf_counter()
    org.execute(lambda s: apportionment.apportion_tree(s, APPORTIONED))
    report("apportion all levels", time.perf_counter() - t0, 1, "s", apportion_floor(tree))
    clock = Clock()
    with Counted() as counting:
        levels = elect_all(org, tree, clock)
    report("elect all delegates of all levels", clock.seconds, 60, "s", counting.seconds,
           "of which counting")
    for name, held, seconds in levels:
        print(f"  {held:,} elections by {name}: {seconds:.2f} s")
    print(f"  {len(org.state().mandates):,} mandates (delegates and ranked alternates)")
    seconds, decided, events = recall_through_three_levels(org, tree)
    report("recall cascading over 3 levels", seconds * 1000, 50, "ms", decided * 1000,
           "the rule alone")
    t0 = time.perf_counter()
    congress = sitting(org.state(), "congress")
    report("who sits in the congress", (time.perf_counter() - t0) * 1000, 50, "ms")
    t0 = time.perf_counter()
    before = sitting(org.state(), "congress", on=VOTED[2])
    report("who sat in the congress before the recall", (time.perf_counter() - t0) * 1000, 50,
           "ms")
    print(f"  {len(congress)} delegates now, {len(before)} then; the recall recorded {events} "
          "events")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    report("process memory (peak RSS)", peak / GB, 4, "GiB")
    size = sum(f.stat().st_size for f in Path(folder).glob("councils.db*"))
    print(f"ledger: {org.state().seq:,} events, {size / GB:.2f} GiB on disk")

if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--members", type=int, default=10_000_000)
    p.add_argument("--units", type=int, default=100_000)
    p.add_argument("--quick", action="store_true", help="1/100 of the sizes")
    p.add_argument("--folder", help="where the ledger goes (default: a temporary folder)")
    a = p.parse_args()
    scale = 100 if a.quick else 1
    if a.folder:
        run(a.members // scale, a.units // scale, a.folder)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            run(a.members // scale, a.units // scale, tmp)
