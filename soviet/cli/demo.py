"""``soviet demo``: a union federation's council tree built, elected, recalled and verified,
and its congress sitting with an open agenda, for ``make run`` to serve.

Every step goes through the same charter, rules, service and ledger as a user's own commands,
and prints what they print. Eight locals in two regions elect their council delegates from
generated ballots, the councils elect the congress, the congress its executive; then one local
recalls a delegate who sits in all three, and the cascade and the substitutes follow. Finally
the congress is convened, its theses discussed, and it opens today with its delegates present;
a member of the executive (who presides) and a delegate get web logins.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import numpy as np
import typer
from rich.console import Console

from soviet.accounts import Accounts
from soviet.charter import Charter, charter_from_json, charter_to_json, load_charter
from soviet.cli.composition import chain_lines, sitting_table
from soviet.cli.receipts import show
from soviet.cli.structure import trees
from soviet.counting import Ballots
from soviet.ledger import verify_rows
from soviet.model.events import (
    DomainEvent,
    ElectionHeld,
    RecallPetitionFiled,
    RecallVoteCalled,
    decode,
)
from soviet.model.state import State
from soviet.rules.apportionment import apportion_seats
from soviet.rules.convocation import convene
from soviet.rules.credentials import report
from soviet.rules.discussion import publish
from soviet.rules.elections import elect
from soviet.rules.founding import found
from soviet.rules.membership import join
from soviet.rules.motions import submit, support
from soviet.rules.recall import file_petition, sign_petition, vote_recall
from soviet.rules.sessions import add_item, open_session, register
from soviet.rules.structure import create_body
from soviet.service import Organisation
from soviet.service.names import who

CHARTER = Path(__file__).resolve().parents[2] / "charters" / "union-federation.toml"
REGIONS = {
    "north": ("Northern Regional Council",
              ("Riverside Nurses", "North Docks", "Tram Depot 4", "City Teachers")),
    "south": ("Southern Regional Council",
              ("Printworks", "Hillside Care", "Metro Cleaners", "Harbour Crane Drivers")),
}
GIVEN = ("Ana", "Ben", "Chiara", "Dmitri", "Efua", "Farid", "Greta", "Hamid", "Ines", "Jonas",
         "Kavya", "Luis", "Maja", "Nikolai", "Olga", "Pavel", "Rosa", "Sami", "Tove", "Yusuf")
FAMILY = ("Andersson", "Baker", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Hassan",
          "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Mensah", "Nowak", "Okafor", "Petrov")
FOUNDED, JOINED, APPORTIONED = "2025-01-01", "2025-01-15", "2025-02-01"
LOCALS_VOTE, COUNCILS_VOTE, CONGRESS_VOTES, RECALL = (
    "2025-03-01", "2025-03-15", "2025-04-05", "2025-06-02")

out = Console(highlight=False, soft_wrap=True)


def demo_charter() -> tuple[Charter, str]:
    """The shipped union federation charter with its numbers scaled to a few thousand members
    (its own are for a federation of hundreds of thousands), and a line saying what changed."""
    scaled: dict[str, Any] = charter_to_json(load_charter(CHARTER))
    scales = scaled["representation"]["scales"]
    scales["local"]["one_delegate_per"] = 100
    scales["region"]["seats"] = 16
    scaled["executive"]["election"].update(seats=5, candidates=2)
    scaled["convention"].update(strength="members-at-date", paid_up_months=None,
                                members_counted_before="1 day")
    change = ("one council delegate per 100 members, a congress of 16 delegates, an executive "
              "of 5 with 2 candidate members, delegations weighted by members on the roll (the "
              "demo has no monthly paid-up reports)")
    return charter_from_json(scaled), change


def demo_command(
    db: Annotated[str, typer.Option("--db", help="Ledger for the demo.")] = "sqlite:///demo.db",
    members: Annotated[int, typer.Option("--members", help="How many members to enrol.")] = 3000,
    fresh: Annotated[bool, typer.Option("--fresh", help="Delete an earlier demo ledger "
                                        "(SQLite file) first.")] = False,
) -> None:
    """Build a demo federation's council tree, elect it, recall a delegate, verify the ledger."""
    if fresh and db.startswith("sqlite:///"):
        for suffix in ("", "-wal", "-shm"):
            Path(db.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
    charter, change = demo_charter()
    rng = random.Random(1917)
    with Organisation.open(db) as org:
        org.execute(lambda s: found(s, "Demo Union Federation", charter_to_json(charter)), "demo")
        _build(org, rng, members)
        out.print(f"[bold]Demo Union Federation[/] at {org.ledger.url}, under the charter "
                  f"{charter.name!r} scaled down: {change}.\n")
        _elect(org, np.random.default_rng(1917))
        state = org.state()
        for tree in trees(state):
            out.print(tree, soft_wrap=False)
        seat = _recall(org, rng)
        state = org.state()
        out.print()
        out.print(sitting_table(state, "congress"))
        out.print("\nWhy the executive seat is held now:")
        for line in chain_lines(state, seat):
            out.print(f"  {line}")
        session = _congress(org, date.today())
        chair, delegate = _logins(org, session)
        verdict = verify_rows(org.ledger.rows())
    out.print(f"\nledger verified: {verdict.checked:,} events, head {verdict.head.hash[:16]}…")
    out.print(f"\nThe congress ({session}) sits today. Web logins (member id and password):")
    out.print(f"  chair:    {chair[0]} / {chair[1]}")
    out.print(f"  delegate: {delegate[0]} / {delegate[1]}")
    out.print("\nExplore it (see docs/councils.md):")
    for command in ("tree", "sits congress", f"sits congress --on {CONGRESS_VOTES}",
                    f"why {seat}", "vacancies", "representation congress", "log --last 20",
                    "verify"):
        out.print(f"  .venv/bin/soviet {command} --db {db}")


def _build(org: Organisation, rng: random.Random, members: int) -> None:
    """The congress and its executive, two regional councils, eight locals and their rolls."""
    org.execute(lambda s: create_body(s, "congress", "National Congress", "congress", None,
                                      FOUNDED), "demo")
    org.execute(lambda s: create_body(s, "executive", "Executive Committee", "executive",
                                      "congress", FOUNDED), "demo")
    locals_ = [(_slug(name), name, region) for region, (_, names) in REGIONS.items()
               for name in names]
    rolls: dict[str, list[tuple[str, str]]] = {unit: [] for unit, _, _ in locals_}
    for i in range(1, members + 1):
        unit = locals_[min(int(rng.expovariate(0.3)), len(locals_) - 1)][0]
        rolls[unit].append((f"m{i:05d}", f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"))
    for region, (council, _) in REGIONS.items():
        org.execute(partial(create_body, body=region, name=council, kind="council",
                            parent="congress", on=FOUNDED, scale="region"), "demo")
    for unit, name, region in locals_:
        org.execute(partial(create_body, body=unit, name=name, kind="unit_assembly",
                            parent=region, on=FOUNDED), "demo")
        org.execute(partial(join, unit_id=unit, members=rolls[unit], on=JOINED), "demo")
    for body in (*REGIONS, "congress"):
        org.execute(partial(apportion_seats, body=body, on=APPORTIONED), "demo")


def _elect(org: Organisation, rng: np.random.Generator) -> None:
    """Every local elects its council delegates, each council its congress delegation, the
    congress its executive: each from ballots generated for its own voters."""
    state = org.state()
    for region in REGIONS:
        for unit in sorted(state.children[region]):
            seats = state.apportionments[region].seats[unit]
            roll = sorted(m.id for m in state.members.values() if m.unit == unit)
            standing = [roll[i] for i in rng.choice(len(roll), seats + 2, replace=False)]
            _poll(org, unit, region, standing, state.unit_sizes[unit], rng, LOCALS_VOTE)
    for region in REGIONS:
        delegates = sorted(m.holder for m in org.state().sitting(region))
        _poll(org, region, "congress", delegates, len(delegates), rng, COUNCILS_VOTE)
    delegates = sorted(m.holder for m in org.state().sitting("congress"))
    _poll(org, "congress", "executive", delegates, len(delegates), rng, CONGRESS_VOTES)


def _poll(org: Organisation, electorate: str, body: str, candidates: Sequence[str],
          voters: int, rng: np.random.Generator, on: str) -> None:
    ballots = Ballots(_ballots(rng, len(candidates), voters), tuple(candidates))
    [event] = [e for e in org.execute(
        lambda s: elect(s, electorate, body, candidates, ballots, on), "demo")
        if e.type == ElectionHeld.TYPE]
    held = decode(event.type, event.payload_json)
    assert isinstance(held, ElectionHeld)
    state = org.state()
    names = ", ".join(state.members[x].name for x in held.elected)
    out.print(f"{state.bodies[electorate].name} → {state.bodies[body].name}: "
              f"{voters:,} ballots, {len(candidates)} candidates, {held.seats} seats "
              f"({held.method}): [green]{names}[/]; {len(held.alternates)} alternates")


def _ballots(rng: np.random.Generator, candidates: int, voters: int) -> np.ndarray[Any, Any]:
    """Ranked ballots with some candidates more popular than others: each voter ranks by the
    candidates' support plus a Gumbel draw of their own (a Plackett-Luce sample), and stops
    after a random number of preferences."""
    support = np.log(rng.uniform(0.2, 1.0, candidates))
    taste = support + rng.gumbel(size=(voters, candidates))
    ranks = np.argsort(-taste, axis=1).astype(np.int8)
    depth = rng.integers(1, candidates + 1, voters)
    ranks[np.arange(candidates) >= depth[:, None]] = -1
    return ranks


def _recall(org: Organisation, rng: random.Random) -> str:
    """The local of an executive member recalls them; returns the executive seat they held,
    now held by a substitute."""
    state = org.state()
    top = min(state.sitting("executive"), key=lambda m: m.id)
    root = top
    while root.through is not None:
        root = state.mandates[root.through]
    unit = root.electorate
    out.print(f"\n{who(state, top.holder)} sits in the executive ({top.id}) through the congress "
              f"and the {state.bodies[root.body].name}, for {state.bodies[unit].name} ({root.id})."
              f" {state.bodies[unit].name} recalls them:")
    voters = sorted(m.id for m in state.members.values() if m.unit == unit and m.id != top.holder)
    signers = rng.sample(voters, len(voters))
    [filed, *_] = org.execute(lambda s: file_petition(s, root.id, signers[0],
                                                      "broke the strike mandate", RECALL), "demo")
    petition = decode(filed.type, filed.payload_json)
    assert isinstance(petition, RecallPetitionFiled)
    name, signed = petition.petition, 1
    while not any(e.type == RecallVoteCalled.TYPE for e in org.execute(
            partial(sign_petition, petition=name, member=signers[signed], on=RECALL), "demo")):
        signed += 1
    size = len(voters) + 1
    yes, no = size * 55 // 100, size * 25 // 100
    recorded = org.execute(lambda s: vote_recall(s, name, yes, no, size // 20, RECALL), "demo")
    out.print(f"petition {name}: {signed + 1} signatures called the vote")
    after = org.state()
    events: list[tuple[int, DomainEvent]] = [(e.seq, decode(e.type, e.payload_json))
                                             for e in recorded]
    show(events, after)
    return _successor(after, top.id)


def _successor(state: State, seat: str) -> str:
    """The live mandate that took ``seat`` over (its substitute), else the ended seat itself."""
    return next((m.id for m in state.mandates.values() if m.substitutes == seat and m.live),
                seat)


CHAIR_PASSWORD, DELEGATE_PASSWORD = "chair-of-the-demo", "delegate-of-the-demo"


def _congress(org: Organisation, today: date) -> str:
    """The regular congress: convened 90 days ago, the executive's theses published 80 days
    ago (the charter's discussion lasts 60), opened today with every delegate present and
    admitted, three items on its agenda and a motion admitted on the first."""
    on, published, opens = (str(today - timedelta(days=90)), str(today - timedelta(days=80)),
                            str(today))
    [convened] = org.execute(lambda s: convene(s, "congress", "Third National Congress", opens,
                                               on), "demo")
    session = str(convened.payload["session"])
    org.execute(lambda s: publish(s, session, "Theses on the strike fund", "The executive "
                                  "proposes a federation-wide strike fund of 1% of dues.",
                                  ["executive"], published), "demo")
    org.execute(lambda s: open_session(s, session, opens), "demo")
    for holder in sorted(m.holder for m in org.state().sitting("congress")):
        org.execute(partial(register, session_id=session, member=holder, on=opens), "demo")
    org.execute(lambda s: report(s, session, opens), "demo")
    for title in ("Strike fund", "Wages policy", "Elections to the executive"):
        org.execute(partial(add_item, session_id=session, title=title), "demo")
    delegates = sorted(m.holder for m in org.state().sitting("congress"))
    [moved] = org.execute(lambda s: submit(
        s, session, "1", delegates[0], "A federation strike fund",
        "The congress establishes a strike fund of 1% of every local's dues, held by the "
        "executive and paid out on the decision of a regional council.", opens), "demo")
    org.execute(lambda s: support(s, str(moved.payload["motion"]), delegates[1]), "demo")
    return session


def _logins(org: Organisation, session: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """A password for one member of the executive (who presides) and for a congress delegate
    outside it."""
    state = org.state()
    board = {m.holder for m in state.sitting("executive")}
    chair = min(board)
    delegate = min(m.holder for m in state.sitting("congress") if m.holder not in board)
    accounts = Accounts(org.ledger.url)
    try:
        accounts.set_password(chair, CHAIR_PASSWORD)
        accounts.set_password(delegate, DELEGATE_PASSWORD)
    finally:
        accounts.close()
    return (chair, CHAIR_PASSWORD), (delegate, DELEGATE_PASSWORD)


def _slug(name: str) -> str:
    return name.lower().replace(" ", "-")
