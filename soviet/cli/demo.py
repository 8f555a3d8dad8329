"""``soviet demo``: a small union federation founded, enrolled, an election counted, verified.

It is what ``make run`` shows until the web app exists: every step goes through the same
charter loader, rules, service and ledger as a user's own commands.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from soviet.charter import charter_to_json, load_charter
from soviet.counting import count
from soviet.ledger import verify_rows
from soviet.model import Member
from soviet.rules.founding import found
from soviet.rules.membership import join
from soviet.rules.structure import create_body
from soviet.service import Organisation

CHARTER = Path(__file__).resolve().parents[2] / "charters" / "union-federation.toml"
LOCALS = ("Riverside Nurses", "North Docks", "Tram Depot 4", "City Teachers",
          "Printworks", "Hillside Care", "Metro Cleaners", "Harbour Crane Drivers")
GIVEN = ("Ana", "Ben", "Chiara", "Dmitri", "Efua", "Farid", "Greta", "Hamid", "Ines", "Jonas",
         "Kavya", "Luis", "Maja", "Nikolai", "Olga", "Pavel", "Rosa", "Sami", "Tove", "Yusuf")
FAMILY = ("Andersson", "Baker", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Hassan",
          "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Mensah", "Nowak", "Okafor", "Petrov")

out = Console(highlight=False)


def demo_command(
    db: Annotated[str, typer.Option("--db", help="Ledger for the demo.")] = "sqlite:///demo.db",
    members: Annotated[int, typer.Option("--members", help="How many members to enrol.")] = 3000,
    fresh: Annotated[bool, typer.Option("--fresh", help="Delete an earlier demo ledger "
                                        "(SQLite file) first.")] = False,
) -> None:
    """Found a demo union federation, enrol members, count a delegate election, verify."""
    if fresh and db.startswith("sqlite:///"):
        for suffix in ("", "-wal", "-shm"):
            Path(db.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
    charter = load_charter(CHARTER)
    rng = random.Random(1917)
    roll = [(f"m{i:05d}", f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
             LOCALS[min(int(rng.expovariate(0.45)), len(LOCALS) - 1)], "2025-01-15")
            for i in range(1, members + 1)]
    with Organisation.open(db) as org:
        org.execute(lambda s: found(s, "Demo Union Federation", charter_to_json(charter)), "demo")
        org.execute(lambda s: create_body(s, "congress", "National Congress", "congress", None,
                                          "2025-01-01"), "demo")
        org.execute(lambda s: create_body(s, "north", "Northern Regional Council", "council",
                                          "congress", "2025-01-01", "region"), "demo")
        for local in LOCALS:
            org.execute(partial(create_body, body=_slug(local), name=local,
                                kind="unit_assembly", parent="north", on="2025-01-01"), "demo")
            members_of = [(m, name) for m, name, unit, _ in roll if unit == local]
            org.execute(partial(join, unit_id=_slug(local), members=members_of,
                                on="2025-01-15"), "demo")
        state = org.state()
        out.print(f"[bold]{state.name}[/] founded under the charter "
                  f"{charter.name!r} at {org.ledger.url}")
        _show_locals(state.members.values())
        _show_election(rng, [m for m in roll if m[2] == LOCALS[0]])
        verdict = verify_rows(org.ledger.rows())
    out.print(f"\nledger verified: {verdict.checked} events, head {verdict.head.hash[:16]}…")
    out.print("\nExplore it:")
    for command in (f"soviet log --db {db} --last 10", f"soviet verify --db {db}",
                    f"soviet export demo.jsonl --db {db}",
                    "soviet charter check charters/union-federation.toml",
                    "soviet count ../shared/peer/stv/blt/scotland/Govan-2007.blt "
                    "--method scottish-stv"):
        out.print(f"  .venv/bin/{command}")


def _slug(name: str) -> str:
    return name.lower().replace(" ", "-")


def _show_locals(members: Iterable[Member]) -> None:
    sizes = Counter(m.unit for m in members)
    table = Table("local", "members", title="Members by local")
    for unit in LOCALS:
        table.add_row(unit, f"{sizes.get(_slug(unit), 0):,}")
    out.print(table)


def _show_election(rng: random.Random, voters: list[tuple[str, str, str, str]]) -> None:
    """The largest local elects 3 delegates by Scottish STV from 7 candidates."""
    candidates = rng.sample(sorted({name for _, name, _, _ in voters}), 7)
    ballots = [rng.sample(range(7), rng.randint(1, 5)) for _ in voters]
    result = count("scottish-stv", ballots, candidates=candidates, seats=3)
    out.print(f"\n{LOCALS[0]} elects 3 delegates to the regional council by Scottish STV "
              f"({len(voters):,} ballots, {len(result.rounds)} stages):")
    for place, name in enumerate(result.elected, 1):
        out.print(f"  {place}. {name}")
