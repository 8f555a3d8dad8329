"""``soviet session show``: a session as the chair sees it, from the state at the ledger's head:
where it stands, its theses and agenda, who is present with what credentials and how many
votes, whether the body is quorate, and what became of its motions and polls."""

from __future__ import annotations

from fractions import Fraction

from rich.markup import escape
from rich.table import Table

from soviet.cli.session_receipts import SECRECY
from soviet.counting.motion import figure
from soviet.model.sessions import CHOICES, Motion, Session
from soviet.model.state import State
from soviet.rules.polls import tally
from soviet.rules.refusal import Refusal
from soviet.rules.voters import DELEGATE_BODIES, quorum, strengths, total
from soviet.service.names import who


def session_view(state: State, s: Session) -> list[str | Table]:
    """What ``soviet session show`` prints, part by part."""
    body = state.bodies[s.body]
    where = (f"sitting since {s.opened}" if s.sitting else
             f"opened {s.opened}, closed {s.closed}" if s.opened else "not yet opened")
    parts: list[str | Table] = [escape(
        f"{s.id} {s.title}: {s.kind} session of {body.name} [{body.id}], convened {s.on} "
        f"to open {s.opens}; {where}")]
    parts += [escape(f"  demanded by {d.by} on {d.on} ({d.id}): {d.grounds}")
              for d in (state.demands[x] for x in s.demands)]
    for t in (state.theses[x] for x in s.theses):
        what = "counter-theses" if t.counter else "theses"
        parts.append(escape(f"{what} {t.id}: {t.title}, by {', '.join(t.authors)} ({t.on})"))
    parts += [escape(f"item {i.id}: {i.title}") for i in s.agenda]
    carry, line = votes(state, s)
    if s.registered:
        parts.append(attendance(state, s, carry))
    if line:
        parts.append(escape(line))
    if s.motions:
        parts.append(motions_table([state.motions[m] for m in s.motions]))
    if s.polls:
        parts.append(polls_table(state, s))
    return parts


def votes(state: State, s: Session) -> tuple[dict[str, Fraction], str]:
    """The votes each voter present carries, and a line saying whether they make a quorum
    (nothing before the session opens)."""
    if not s.sitting:
        return {}, ""
    try:
        carry = strengths(state, s)
        seats, strength = total(state, s)
    except Refusal as why:
        return {}, f"votes cannot be counted: {why}"
    whole = f"{figure(strength)} votes" + (f" ({figure(seats)} seats)"
                                           if seats != strength else "")
    line = (f"{len(carry)} with a deciding vote present, carrying "
            f"{figure(sum(carry.values(), Fraction(0)))} of {whole}")
    try:
        quorum(state, s)
    except Refusal as why:
        return carry, f"{line}: not quorate ({why})"
    return carry, f"{line}: quorate"


def attendance(state: State, s: Session, carry: dict[str, Fraction]) -> Table:
    """Everyone registered: while it sits, whether still here and the votes they carry; at a
    council or the congress, their credentials."""
    checks = state.bodies[s.body].kind in DELEGATE_BODIES
    table = Table(title=f"Attendance at {s.id}")
    table.add_column("member")
    if s.sitting:
        table.add_column("present")
    if checks:
        table.add_column("credentials")
    if s.sitting:
        table.add_column("votes", justify="right")
    for x in s.registered:
        row = [escape(who(state, x))]
        if s.sitting:
            row.append("yes" if x in s.present else "left")
        if checks:
            row.append(escape(credentials(s, x)))
        if s.sitting:
            row.append(figure(carry[x]) if x in carry else "")
        table.add_row(*row)
    return table


def credentials(s: Session, member: str) -> str:
    """What the credentials commission (or the body) found for ``member``."""
    c = s.credentials
    if member in c.admitted:
        return f"admitted ({c.admitted[member]})"
    for heading, table in (("consultative", c.consultative), ("contested", c.contested),
                           ("refused", c.refused)):
        if member in table:
            return f"{heading}: {table[member]}"
    return "not reported on"


def status(m: Motion) -> str:
    """What became of a motion, in a word or two."""
    if m.annulled is not None:
        return f"adopted, annulled by {m.annulled.by}"
    if m.status == "referred":
        return f"referred to {m.referred_to}"
    return m.status


def motions_table(found: list[Motion]) -> Table:
    table = Table(title="Motions")
    for heading in ("motion", "item", "title", "mover", "kind", "amends / annuls",
                    "supporters", "status"):
        table.add_column(heading)
    for m in found:
        table.add_row(m.id, m.item, escape(m.title), m.mover, m.kind.replace("_", " "),
                      m.amends or m.annuls or "", str(len(m.supporters)), escape(status(m)))
    return table


def polls_table(state: State, s: Session) -> Table:
    table = Table(title="Polls")
    for heading in ("poll", "on", "ballot", "majority", *CHOICES, "result"):
        table.add_column(heading, justify="right" if heading in CHOICES else "left")
    for p in (state.polls[x] for x in s.polls):
        counted = tally(p)
        result = ("open" if p.outcome is None else
                  "adopted" if p.outcome.adopted else "rejected")
        table.add_row(p.id, escape(p.motion or p.question), SECRECY[p.secrecy],
                      p.kind.replace("_", " "),
                      *(figure(counted[c]) for c in CHOICES), result)
    return table
