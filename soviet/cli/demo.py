"""``soviet demo``: the union federation of ``scenarios/union-federation.toml``, with its next
congress sitting today and an open agenda, for ``make run`` to serve.

The scenario is played as ``soviet scenario run`` plays it, its dates moved to end just before
today (see :mod:`soviet.scenario.shift`) (its forty locals elect their
councils, the councils the congress, the First Congress its executive; a recall cascades) and
told in a few lines; then the acts of :mod:`soviet.scenario.sitting_today` bring the congress
into session today, each told as it is recorded. A member of the executive (who presides) and
the delegate who moved the motion get web logins.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from soviet.accounts import Accounts
from soviet.cli.consoles import err, out
from soviet.cli.receipts import describe
from soviet.ledger import verify_rows
from soviet.ledger.open import masked_url
from soviet.model.events import SessionConvened
from soviet.model.state import State
from soviet.rules.roles import presidium
from soviet.scenario import Played, Scenario, ScenarioStopped, load_scenario, play
from soviet.scenario.narrate import Narrator
from soviet.scenario.shift import ending_on
from soviet.scenario.sitting_today import CONVENED, congress_today
from soviet.service import Organisation
from soviet.service.names import who

SCENARIO = Path(__file__).resolve().parents[2] / "scenarios" / "union-federation.toml"
CHAIR_PASSWORD, DELEGATE_PASSWORD = "chair-of-the-demo", "delegate-of-the-demo"


def demo_command(
    db: Annotated[str, typer.Option("--db", help="Ledger for the demo.")] = "sqlite:///demo.db",
    fresh: Annotated[bool, typer.Option("--fresh", help="Delete an earlier demo ledger "
                                        "(SQLite file) first.")] = False,
) -> None:
    """Play the union federation scenario, bring its congress into session today, give a
    chair and a delegate web logins, verify the ledger."""
    if fresh and db.startswith("sqlite:///"):
        for suffix in ("", "-wal", "-shm"):
            Path(db.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
    today = date.today()
    # The story moved to end the day before the congress is convened, so that it is recent
    # whatever day the demo is made: the delegates it elects are within their terms today.
    scenario = ending_on(load_scenario(SCENARIO), today - CONVENED - timedelta(days=1))
    with Organisation.open(db) as org:
        played = _played(scenario, org, None)
        out.print(f"[bold]{escape(scenario.title)}[/]")
        for line in _told(played, org.state()):
            out.print(f"  {escape(line)}")
        sitting = congress_today(org.state(), today, SCENARIO)
        out.print(f"\n[bold]{escape(sitting.title)}[/]")
        session = next(e.session for p in _played(sitting, org, Narrator(out, describe))
                       for e in p.events if isinstance(e, SessionConvened))
        state = org.state()
        chair, delegate = _logins(org, state, session)
        verdict = verify_rows(org.ledger.rows())
    out.print(f"\nledger verified: {verdict.checked:,} events, head {verdict.head.hash[:16]}…")
    out.print(f"\nThe congress ({session}) sits today. Web logins (member id and password):")
    out.print(f"  chair:    {chair} / {CHAIR_PASSWORD} ({escape(state.members[chair].name)})")
    out.print(f"  delegate: {delegate} / {DELEGATE_PASSWORD} "
              f"({escape(state.members[delegate].name)})")
    held = [s.id for s in state.sessions.values() if s.closed is not None]
    out.print("\nExplore it (see docs/congress.md and docs/councils.md):")
    for command in ("tree", "sits congress", f"session show {session}",
                    *(f"minutes {s}" for s in held), "log --last 20", "verify"):
        out.print(escape(f"  .venv/bin/soviet {command} --db {masked_url(db)}"))


def _played(scenario: Scenario, org: Organisation, narrator: Narrator | None) -> list[Played]:
    """The scenario's acts played; a refusal it does not expect stops the demo (exit 1)."""
    try:
        return play(scenario, org, narrator)
    except ScenarioStopped as e:
        err.print(f"[bold red]{escape(scenario.title)} stopped at {escape(str(e))}[/]")
        raise typer.Exit(1) from None


def _told(played: list[Played], state: State) -> list[str]:
    """The scenario in a few lines: its span, the tree it built, its sessions, recalls and
    admissions, as the ledger now holds them."""
    days = sorted(str(p.act.fields["on"]) for p in played if "on" in p.act.fields)
    refused = sum(1 for p in played if p.refusal is not None)
    units = [b for b in state.bodies.values() if b.kind == "unit_assembly"]
    councils = [b.id for b in state.bodies.values() if b.kind == "council"]
    above = [b for b in state.bodies.values() if b.kind not in ("unit_assembly", "council")]
    lines = [
        f"{len(played)} acts, {days[0]} to {days[-1]}, each through the charter's rules "
        f"({refused} refused, as the scenario expects)",
        f"{len(units)} locals with {sum(state.unit_sizes.values()):,} members; "
        f"{len(councils)} regional councils with "
        f"{sum(len(state.seated.get(c, ())) for c in councils)} delegates; "
        + ", ".join(f"{b.name} {len(state.seated.get(b.id, ()))}" for b in above),
    ]
    for s in state.sessions.values():
        motions = [state.motions[m] for m in s.motions]
        adopted = sum(1 for m in motions if m.status == "adopted")
        lines.append(f"{s.title} ({s.id}), {s.opened} to {s.closed}: {len(motions)} motions, "
                     f"{adopted} adopted")
    for c in state.cases.values():
        verdict = f": {c.verdict.penalty} on {c.verdict.on}" if c.verdict else ""
        appeal = ("" if c.appeal is None or c.appeal.reversed is None else
                  f", {'reversed' if c.appeal.reversed else 'upheld'} on appeal")
        lines.append(f"case {c.id} against {who(state, c.member)}{verdict}{appeal}")
    for a in state.applications.values():
        decided = {True: "admitted", False: "refused", None: "pending"}[a.admitted]
        lines.append(f"{a.organisation} applies to join on {a.on}: {decided}")
    for p in state.petitions.values():
        seat = state.mandates[p.mandate]
        lines.append(f"recall petition {p.id} against {who(state, seat.holder)} in "
                     f"{state.bodies[seat.body].name}: {p.outcome or 'not voted'}")
    return lines


def _logins(org: Organisation, state: State, session: str) -> tuple[str, str]:
    """Passwords for the first member of the executive the congress elected (who presides) and
    for the delegate who moved the motion."""
    body = state.sessions[session].body
    chair = min((m for e in presidium(state, body) for m in state.sitting(e)),
                key=lambda m: m.granted).holder
    delegate = state.motions[state.sessions[session].motions[0]].mover
    accounts = Accounts(org.ledger.url)
    try:
        accounts.set_password(chair, CHAIR_PASSWORD)
        accounts.set_password(delegate, DELEGATE_PASSWORD)
    finally:
        accounts.close()
    return chair, delegate
