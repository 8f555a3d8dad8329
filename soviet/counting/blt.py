"""BLT ballot files: the format of Hill, Wichmann & Woodall (1987), read by droop, OpenSTV/OpaVote
and eSTV, in which real STV elections are published.

Layout, line by line::

    4 2                 candidates, seats
    -2                  optional: withdrawn candidates, each negated
    [tie 3 1 2 4]       optional droop options: [tie], [withdrawn], [undeclared], [nick], [droop]
    3 1 3 4 0           weight (how many voters cast this ranking), preferences 1..n, then 0
    (b17) 2 1 0         a ballot with an OpenSTV ballot id instead of a weight (weight 1)
    0                   the end of the ballots
    "Adam"              one name per candidate, quoted or not
    "Title"             the election's title; anything after it is ignored (droop does the same)

Also accepted, because each has one reading: a UTF-8 byte-order mark, Windows or old Mac line
endings, blank lines, ``#`` and ``/* */`` comments outside quotes, commas or tabs between
numbers, several quoted names on one line, nicknames declared by ``[nick]``. Refused, with the
line number: anything else, in particular equal rankings (``2=3``, which a ranking row cannot
hold), a weight of 0 (droop would read it as the end of the ballots), a candidate number out of
range or repeated, a ballot line not ending in 0, two ballots on one line.

The ballot lines, nearly all of a large file, are read by :mod:`soviet.counting.ballot_lines`
with numpy over the raw bytes: no Python code runs per line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import numpy as np

from soviet.counting.ballot_lines import read_ballot_lines, write_ballot_lines
from soviet.counting.ballots import NO_CANDIDATE, BallotError, Ballots

_BOM = b"\xef\xbb\xbf"
_COMMENT = re.compile(rb'"[^"\n]*"|/\*.*?\*/|#[^\n]*', re.S)
_END_OF_BALLOTS = re.compile(rb"\n[ \t,]*0[ \t,]*(?:\n|\Z)")  # fast: a literal to look for
_BALLOT_ID = re.compile(rb"^[ \t]*\(([^)\n]*)\)", re.M)
_WORD = re.compile(rb"(?<![^\s,=])[^\s,=0-9][^\s,=]*")
_QUOTED = re.compile(rb'"([^"]*)"')
_OPTIONS = ("tie", "withdrawn", "undeclared", "nick", "droop")


@dataclass(frozen=True, eq=False)
class Election:
    """What a BLT file holds. Candidate numbers here are 0-based, as in :class:`Ballots`.

    ``withdrawn`` candidates stand in no round (the ``-N`` line or ``[withdrawn]``);
    ``undeclared`` are write-ins a rule such as Minneapolis's treats apart (``[undeclared]``);
    ``tie_order`` is droop's ``[tie]`` order for breaking ties, empty if the file gives none;
    ``options`` are droop's ``[droop ...]`` counter options, kept as written.
    """

    ballots: Ballots
    seats: int
    title: str = ""
    withdrawn: frozenset[int] = frozenset()
    undeclared: frozenset[int] = frozenset()
    tie_order: tuple[int, ...] = ()
    options: tuple[str, ...] = ()

    @property
    def candidates(self) -> tuple[str, ...]:
        return self.ballots.candidates

    def standing(self) -> Ballots:
        """The ballots among the candidates who stand, for a method with no notion of a
        withdrawal: withdrawn candidates leave the list and every ranking closes up over them."""
        if not self.withdrawn:
            return self.ballots
        ranks = self.ballots.ranks
        out = np.isin(ranks, list(self.withdrawn)) | (ranks == NO_CANDIDATE)
        closed = np.take_along_axis(ranks, np.argsort(out, axis=1, kind="stable"), axis=1)
        stay = [c for c in range(len(self.candidates)) if c not in self.withdrawn]
        renumber = np.full(len(self.candidates) + 1, NO_CANDIDATE, dtype=ranks.dtype)
        renumber[stay] = np.arange(len(stay))
        depth = max(int((~out).sum(axis=1).max(initial=0)), 1)
        return Ballots(
            ranks=renumber[closed[:, :depth]],
            candidates=tuple(self.candidates[c] for c in stay),
            weights=self.ballots.weights,
        )


def load_blt(path: str | Path) -> Election:
    """Read a BLT file; a malformed one raises :class:`BallotError` naming file and line."""
    try:
        return parse_blt(Path(path).read_bytes())
    except BallotError as e:
        raise BallotError(f"{path}: {e}") from None


def write_blt(election: Election, path: str | Path) -> None:
    """Write ``election`` so that :func:`load_blt` reads back the same election."""
    Path(path).write_bytes(format_blt(election))


@dataclass(frozen=True)
class _Line:
    number: int
    start: int
    end: int
    text: bytes


def _lines(raw: bytes, start: int, number: int) -> Iterator[_Line]:
    """The lines of ``raw`` from byte ``start``, which is on line ``number`` (1-based)."""
    while start < len(raw):
        end = raw.find(b"\n", start)
        end = len(raw) if end < 0 else end
        yield _Line(number, start, end, raw[start:end])
        start, number = end + 1, number + 1


def parse_blt(data: str | bytes) -> Election:
    """Parse BLT text; nothing is returned unless the whole file has one reading."""
    raw = data.encode() if isinstance(data, str) else bytes(data)
    raw = raw.removeprefix(_BOM)
    if b"\r" in raw:
        raw = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    if b"#" in raw or b"/*" in raw:
        raw = _COMMENT.sub(_blank_comment, raw)
    lines = _lines(raw, 0, 1)
    header = next((ln for ln in lines if ln.text.strip()), None)
    if header is None:
        raise BallotError("line 1: empty file; expected 'candidates seats'")
    n, seats = _header(header)
    prefix = _Prefix(n)
    first = None
    for ln in lines:
        text = ln.text.strip()
        if not text:
            continue
        if text.startswith(b"["):
            prefix.option(ln.number, text)
        elif text.startswith(b"-"):
            prefix.withdraw(ln.number, text)
        else:
            first = ln
            break
    if first is None:
        raise BallotError(f"line {header.number}: no ballots and no line '0' after the header")
    end = _END_OF_BALLOTS.search(raw, first.start - 1)
    if end is None:
        _refuse_unended(raw[first.start :], first.number, n, prefix.nicks)
    region = _plain_ballots(raw[first.start : end.start() + 1], first.number, prefix.nicks)
    ranks, weights = read_ballot_lines(region, first.number, n)
    names_line = first.number + region.count(b"\n") + 1
    names, title = _names(raw, end.end(), names_line, n, header.number)
    return Election(
        ballots=Ballots(ranks=ranks, candidates=names, weights=weights),
        seats=seats,
        title=title,
        withdrawn=frozenset(prefix.withdrawn),
        undeclared=frozenset(prefix.undeclared),
        tie_order=prefix.tie_order,
        options=prefix.options,
    )


def _blank_comment(m: re.Match[bytes]) -> bytes:
    """Drop a comment but keep its newlines (so line numbers stay true); keep quoted text."""
    text = m.group()
    return text if text.startswith(b'"') else b"\n" * text.count(b"\n")


def _header(line: _Line) -> tuple[int, int]:
    parts = line.text.replace(b",", b" ").split()
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        raise BallotError(
            f"line {line.number}: expected 'candidates seats', got {_show(line.text.strip())}"
        )
    n, seats = int(parts[0]), int(parts[1])
    if n < 1 or seats < 1:
        raise BallotError(f"line {line.number}: {n} candidates for {seats} seats; need at least 1")
    return n, seats


class _Prefix:
    """What the lines between the header and the first ballot declare."""

    def __init__(self, candidates: int) -> None:
        self.n = candidates
        self.withdrawn: set[int] = set()
        self.undeclared: set[int] = set()
        self.tie_order: tuple[int, ...] = ()
        self.options: tuple[str, ...] = ()
        self.nicks: dict[bytes, int] = {}

    def withdraw(self, number: int, text: bytes) -> None:
        parts = text.replace(b",", b" ").split()
        if not all(p.startswith(b"-") and p[1:].isdigit() for p in parts):
            raise BallotError(
                f"line {number}: a withdrawn line holds only negative candidate numbers, "
                f"got {_show(text)}"
            )
        self._add(number, self.withdrawn, [self._candidate(number, p[1:]) for p in parts])

    def option(self, number: int, text: bytes) -> None:
        if not text.endswith(b"]"):
            raise BallotError(f"line {number}: option {_show(text)} has no closing ']' on its line")
        name, *args = text[1:-1].decode(errors="replace").split() or [""]
        if name not in _OPTIONS:
            raise BallotError(
                f"line {number}: unknown option [{name}]; known: {', '.join(_OPTIONS)}"
            )
        if name == "droop":
            self.options += tuple(args)
        elif name == "nick":
            if len(args) != self.n or len(set(args)) != self.n:
                raise BallotError(
                    f"line {number}: [nick] must give {self.n} different nicknames, got {len(args)}"
                )
            self.nicks = {a.encode(): i for i, a in enumerate(args)}
        else:
            found = [self._candidate(number, a.encode()) for a in args]
            if name == "tie":
                if sorted(found) != list(range(self.n)):
                    raise BallotError(f"line {number}: [tie] must list each candidate exactly once")
                self.tie_order = tuple(found)
            else:
                self._add(number, self.withdrawn if name == "withdrawn" else self.undeclared, found)

    def _candidate(self, number: int, token: bytes) -> int:
        if token in self.nicks:
            return self.nicks[token]
        if token.isdigit() and 1 <= int(token) <= self.n:
            return int(token) - 1
        raise BallotError(
            f"line {number}: {_show(token)} is not a candidate (1..{self.n} or a nickname)"
        )

    @staticmethod
    def _add(number: int, into: set[int], found: list[int]) -> None:
        repeated = into.intersection(found) or len(set(found)) != len(found)
        if repeated:
            raise BallotError(f"line {number}: a candidate is listed twice")
        into.update(found)


def _plain_ballots(region: bytes, first_line: int, nicks: dict[bytes, int]) -> bytes:
    """The ballot lines with nicknames and ballot ids replaced by the numbers they stand for."""
    if nicks:
        region = _WORD.sub(lambda m: _nick_number(m, nicks), region)
    if b"(" in region:
        region = _replace_ballot_ids(region, lambda at: first_line + region.count(b"\n", 0, at))
    return region


def _refuse_unended(rest: bytes, first_line: int, n: int, nicks: dict[bytes, int]) -> NoReturn:
    """Ballots with no line '0' after them: name the first line that is not a ballot if any."""
    try:
        read_ballot_lines(_plain_ballots(rest, first_line, nicks) + b"\n", first_line, n)
    except BallotError as e:
        raise BallotError(f"{e} (is the line '0' that ends the ballots missing?)") from None
    last = first_line + rest.rstrip().count(b"\n")
    raise BallotError(f"line {last}: no line '0' ends the ballots")


def _nick_number(m: re.Match[bytes], nicks: dict[bytes, int]) -> bytes:
    word = m.group()
    return str(nicks[word] + 1).encode() if word in nicks else word


def _replace_ballot_ids(region: bytes, line_at: Callable[[int], int]) -> bytes:
    """An OpenSTV ballot id ``(id)`` stands for weight 1; the same id twice is one ballot twice."""
    ids = _BALLOT_ID.findall(region)
    if len(set(ids)) != len(ids):
        seen: set[bytes] = set()
        for m in _BALLOT_ID.finditer(region):
            if m.group(1) in seen:
                raise BallotError(
                    f"line {line_at(m.start(1))}: ballot id {_show(m.group(1))} appears twice"
                )
            seen.add(m.group(1))
    return _BALLOT_ID.sub(b"1", region)


def _names(
    raw: bytes, start: int, first_line: int, n: int, header_line: int
) -> tuple[tuple[str, ...], str]:
    """The ``n`` candidate names and the title after the ballots; later text is ignored."""
    items: list[tuple[int, str]] = []
    last = first_line
    for ln in _lines(raw, start, first_line):
        if len(items) > n:
            break
        text = ln.text.strip()
        last = ln.number
        if not text:
            continue
        if b'"' not in text:
            found = [text]
        elif text.count(b'"') % 2:
            raise BallotError(f"line {ln.number}: unclosed quote in {_show(text)}")
        elif rest := _QUOTED.sub(b"", text).strip():
            raise BallotError(f"line {ln.number}: text outside quotes: {_show(rest)}")
        else:
            found = _QUOTED.findall(text)
        for f in found:
            try:
                items.append((ln.number, " ".join(f.decode().split())))
            except UnicodeDecodeError:
                raise BallotError(f"line {ln.number}: name is not UTF-8 text") from None
    if len(items) < n:
        raise BallotError(
            f"line {last}: {len(items)} candidate names for the {n} candidates declared on line "
            f"{header_line}"
        )
    seen: dict[str, int] = {}
    for number, name in items[:n]:
        if not name:
            raise BallotError(f"line {number}: empty candidate name")
        if name in seen:
            raise BallotError(f"line {number}: candidate name {name!r} also on line {seen[name]}")
        seen[name] = number
    title = items[n][1] if len(items) > n else ""
    return tuple(name for _, name in items[:n]), title


def _show(text: bytes) -> str:
    return repr(text.decode(errors="replace"))


def format_blt(election: Election) -> bytes:
    """The BLT text of ``election``; the ballot lines are built by numpy, not line by line."""
    names = (*election.candidates, election.title)
    for name in names:
        if '"' in name or "\n" in name:
            raise BallotError(f"{name!r}: a BLT name cannot hold a double quote or a newline")
    head = [f"{len(election.candidates)} {election.seats}"]
    if election.withdrawn:
        head.append(" ".join(f"-{c + 1}" for c in sorted(election.withdrawn)))
    if election.undeclared:
        head.append(
            "[undeclared " + " ".join(str(c + 1) for c in sorted(election.undeclared)) + "]"
        )
    if election.tie_order:
        head.append("[tie " + " ".join(str(c + 1) for c in election.tie_order) + "]")
    if election.options:
        head.append("[droop " + " ".join(election.options) + "]")
    tail = ["0", *(f'"{name}"' for name in names)]
    body = write_ballot_lines(election.ballots)
    return ("\n".join(head) + "\n").encode() + body + ("\n".join(tail) + "\n").encode()
