"""``soviet case ...``: the control commission's cases. A complaint is filed against a member,
both sides are heard, the meeting the charter names for the penalty votes on it (the figures
are entered, the charter's majority decides, and the penalty takes effect with the cascade),
and the member may appeal to the body the charter names, whose vote on a motion to reverse is
recorded."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from soviet.cli.consoles import out
from soviet.cli.options import DbOption, OnOption, day
from soviet.cli.organisation import current, missing, record
from soviet.model.cases import Case
from soviet.model.state import State
from soviet.rules.discipline import SIDES, appeal, decide_appeal, decide_case, file_case, hear
from soviet.service.names import who

app = typer.Typer(name="case", help="Cases before the control commission: file, hear, decide, "
                  "appeal, show, list.", no_args_is_help=True)

CaseArg = Annotated[str, typer.Argument(help="The case (e.g. C1).")]


@app.command("file")
def file_command(
    commission: Annotated[str, typer.Argument(help="The control commission (e.g. cc).")],
    member: Annotated[str, typer.Argument(help="The member complained of.")],
    by: Annotated[str, typer.Option("--by", help="Who brings the complaint (a member or a "
                                    "body).")],
    charges: Annotated[str, typer.Option("--charges", help="What the member is charged "
                                         "with.")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """File a complaint against a member with the control commission."""
    when = day(on)
    record(db, lambda s: file_case(s, commission, member, by, charges, when))


@app.command("hear")
def hear_command(
    case: CaseArg,
    side: Annotated[str, typer.Option("--side", help=f"{' or '.join(SIDES)}.")],
    speaker: Annotated[str, typer.Option("--speaker", help="Who speaks for that side.")],
    statement: Annotated[str, typer.Option("--statement", help="What they said, for the "
                                           "record.")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Record one side's statement; both are heard before the case is decided."""
    when = day(on)
    record(db, lambda s: hear(s, case, side, speaker, statement, when))


@app.command("decide")
def decide_command(
    case: CaseArg,
    penalty: Annotated[str, typer.Option("--penalty", help="The penalty voted on, by the "
                                         "charter's name (e.g. expulsion).")],
    yes: Annotated[int, typer.Option("--yes", min=0, help="Votes for the penalty.")],
    no: Annotated[int, typer.Option("--no", min=0, help="Votes against.")],
    abstain: Annotated[int, typer.Option("--abstain", min=0, help="Abstentions.")] = 0,
    present: Annotated[int | None, typer.Option(
        "--present", min=0, help="Members of the deciding meeting present (default: those "
        "who voted).")] = None,
    until: Annotated[str | None, typer.Option(
        "--until", help="The day a suspension ends (the member is back in good standing "
        "that day), YYYY-MM-DD.")] = None,
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Record the vote of the meeting the charter names for the penalty; carried by the
    charter's majority, the penalty takes effect at once."""
    when = day(on)
    ends = None if until is None else day(until, "--until")
    seen = yes + no + abstain if present is None else present
    record(db, lambda s: decide_case(s, case, penalty, yes, no, abstain, seen, when,
                                     until=ends))


@app.command("appeal")
def appeal_command(
    case: CaseArg,
    grounds: Annotated[str, typer.Option("--grounds", help="Why the decision is wrong.")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Appeal against a penalty, within the charter's time, to the body it names."""
    when = day(on)
    record(db, lambda s: appeal(s, case, grounds, when))


@app.command("decide-appeal")
def decide_appeal_command(
    case: CaseArg,
    motion: Annotated[str, typer.Option("--motion", help="The motion to reverse the decision, "
                                        "voted on by the body appealed to (e.g. MO6).")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Record the appeal's outcome: reversed if the motion was adopted (a suspension is
    lifted, an expelled member rejoins their unit), upheld if it was rejected."""
    when = day(on)
    record(db, lambda s: decide_appeal(s, case, motion, when))


@app.command("show")
def show_command(case: CaseArg, db: DbOption = None) -> None:
    """A case: the charges, both sides' statements, the decision and the appeal."""
    state = current(db)
    c = state.cases.get(case)
    if c is None:
        missing(f"there is no case {case!r}")
    for line in case_lines(state, c):
        out.print(escape(line))


def case_lines(state: State, c: Case) -> list[str]:
    lines = [f"{c.id} against {who(state, c.member)} before {c.commission}, filed {c.on} by "
             f"{who(state, c.by)}", f"charges: {c.charges}"]
    lines += [f"{h.side} ({h.on}), {who(state, h.speaker)}: {h.statement}" for h in c.hearings]
    lines.append(f"decided {c.verdict.on}: {verdict(c)}" if c.verdict else "not yet decided")
    if c.appeal is not None:
        a = c.appeal
        outcome = ("waiting for a decision" if a.reversed is None else
                   f"{'reversed' if a.reversed else 'upheld'} by {a.motion}")
        lines.append(f"appealed to {a.to} on {a.on}: {a.grounds}; {outcome}")
    return lines


def verdict(c: Case) -> str:
    """The penalty voted on and the sentence of the vote."""
    assert c.verdict is not None
    until = f" until {c.verdict.until}" if c.verdict.until else ""
    return f"{c.verdict.penalty}{until}, {c.verdict.sentence}"


@app.command("list")
def list_command(db: DbOption = None) -> None:
    """Every case, with its decision and appeal."""
    state = current(db)
    if not state.cases:
        out.print("no case has been filed")
        return
    table = Table(title="Cases")
    for heading in ("case", "member", "before", "filed", "charges", "decision", "appeal"):
        table.add_column(heading)
    for c in state.cases.values():
        decision = ("" if c.verdict is None else
                    f"{c.verdict.penalty}: {'adopted' if c.verdict.adopted else 'rejected'}")
        appealed = ("" if c.appeal is None else "pending" if c.appeal.reversed is None else
                    "reversed" if c.appeal.reversed else "upheld")
        table.add_row(c.id, escape(who(state, c.member)), c.commission, c.on,
                      escape(c.charges), escape(decision), appealed)
    out.print(table)
