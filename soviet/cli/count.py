"""``soviet count``: read a ballot file, count it by a named method, print every round.

The file is read whole before anything is counted: a malformed file stops with its line
number and no result. What the file declares (withdrawn and undeclared candidates, droop's
tie order) is handed to the method when it takes it; a method that knows no withdrawal counts
the ballots with the withdrawn candidates struck out.
"""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from soviet.cli.consoles import out
from soviet.counting import METHODS, Election, Result, load_blt
from soviet.counting.arithmetic import show as rounded
from soviet.counting.csv_ballots import load_csv
from soviet.counting.file_count import count_file, csv_election
from soviet.counting.registry import UnknownMethod
from soviet.counting.result import Number

FRACTION_PLACES = 5
"""Places an exact fraction or a float is shown at: a rule of fractions has none of its own."""


def count_command(
    file: Annotated[
        Path, typer.Argument(help="Ballot file: .blt, or .csv (see docs/counting.md).")
    ],
    method: Annotated[str, typer.Option("--method", "-m", help="Counting method.")] = "irv",
    seats: Annotated[
        int | None,
        typer.Option("--seats", "-s", help="Seats to fill [default: the BLT file's, else 1]."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    seed: Annotated[
        int | None, typer.Option("--seed", help="Seed for any lot drawn (recorded in the result).")
    ] = None,
    threshold: Annotated[
        str | None,
        typer.Option("--threshold", help="Party lists: share of the votes a list needs for "
                     "any seat, e.g. 5/100 or 0.05."),
    ] = None,
) -> None:
    """Count a ballot file and print every round."""
    if method not in METHODS:
        raise UnknownMethod(method)
    election = read_ballot_file(file)
    result = count_file(election, method, seats if seats is not None else election.seats, seed,
                       threshold)
    if as_json:
        print(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
    else:
        title = election.title or file.name
        out.print(f"[bold]{escape(title)}[/]: {result.method}, {result.seats} seat(s)")
        for table in rounds_tables(result, out.width):
            out.print(table)
        if result.allocation is not None:
            out.print(seats_table(result))
        out.print(elected_line(result))


def read_ballot_file(path: Path) -> Election:
    """A BLT file, or a CSV file (one seat unless ``--seats`` says otherwise)."""
    if path.suffix.lower() == ".csv":
        return csv_election(load_csv(path))
    return load_blt(path)


def rounds_tables(result: Result, width: int) -> list[Table]:
    """Candidates as rows, rounds as columns, quota and exhausted votes below; as many tables
    as it takes for the rounds to fit ``width`` characters, each repeating the names."""
    marks = _marks(result)
    show = partial(figure, places=result.places)
    cells = [
        [show(r.votes[i]) + marks[i][k] for k, r in enumerate(result.rounds)]
        for i in range(len(result.candidates))
    ]
    quota = [show(r.quota) for r in result.rounds]
    exhausted = [show(r.exhausted) for r in result.rounds]
    headers = [(str(r.number), r.action) for r in result.rounds]
    labels = [*result.candidates, "quota", "exhausted"]
    fixed = max(map(len, labels)) + 4
    spans: list[list[int]] = [[]]
    used = fixed
    for k, (number, action) in enumerate(headers):
        need = max(len(number), len(action), *(len(row[k]) for row in cells), len(quota[k])) + 3
        if spans[-1] and used + need > width:
            spans.append([])
            used = fixed
        spans[-1].append(k)
        used += need
    tables = []
    for ks in spans:
        table = Table()
        table.add_column("candidate")
        for k in ks:
            table.add_column(escape(f"{headers[k][0]}\n{headers[k][1]}"), justify="right")
        for i, name in enumerate(result.candidates):
            style = "bold green" if name in result.elected else ""
            table.add_row(escape(name), *(escape(cells[i][k]) for k in ks), style=style)
        if any(quota):
            table.add_row("quota", *(quota[k] for k in ks), style="italic", end_section=False)
        table.add_row("exhausted", *(exhausted[k] for k in ks), style="italic")
        tables.append(table)
    return tables


def seats_table(result: Result) -> Table:
    """A party-list count's outcome: the seats each list won, with their total."""
    assert result.allocation is not None
    table = Table(title="Seats per list")
    table.add_column("list")
    table.add_column("seats", justify="right")
    for name, won in zip(result.candidates, result.allocation, strict=True):
        table.add_row(escape(name), str(won), style="bold green" if won else "")
    table.add_row("total", str(sum(result.allocation)), style="italic")
    return table


def _marks(result: Result) -> list[list[str]]:
    """`` ✓`` in the round a candidate is elected, `` ✗`` in the round one is defeated."""
    marks = [[""] * len(result.rounds) for _ in result.candidates]
    where = {name: i for i, name in enumerate(result.candidates)}
    done: set[str] = set()
    for k, r in enumerate(result.rounds):
        for names, mark in ((r.elected, " ✓"), (r.defeated, " ✗")):
            for name in set(names) - done:
                marks[where[name]][k] = mark
                done.add(name)
    return marks


def elected_line(result: Result) -> str:
    """Who is elected, in order, and how each tie was broken (✓ elected, ✗ defeated above)."""
    line = "elected: " + (", ".join(escape(n) for n in result.elected) or "nobody")
    for t in result.ties:
        line += (
            f"\ntie in round {t.round} ({t.purpose}) between {escape(', '.join(t.tied))}: "
            f"{escape(t.chosen)} by {t.by}"
        )
    if result.seed is not None:
        line += f"\nseed: {result.seed}"
    return line


def figure(x: Number | None, places: int | None) -> str:
    """A vote figure in plain fixed notation at the ``places`` the rule publishes (exact
    fractions and floats at five; JSON keeps them exact), never in exponent form; zero as 0."""
    if x is None:
        return ""
    if x == 0:
        return "0"
    if isinstance(x, int):
        return str(x)
    return rounded(x, FRACTION_PLACES if places is None else places)
