"""Ballot lines ``weight pref pref ... 0`` to and from numpy arrays, without a Python loop per line.

A BLT file of a large election is millions of such lines; reading them one by one in Python
takes longer than counting them. Here every step is one numpy operation over all the bytes or
all the numbers, and a check that fails goes back to the text only to name the line.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from soviet.counting.ballots import NO_CANDIDATE, BallotError, Ballots, rank_dtype, repeated_row

_SEPARATOR, _DIGIT, _NEWLINE, _OTHER = 0, 1, 2, 3
_BYTE_CLASS = np.full(256, _OTHER, dtype=np.uint8)
_BYTE_CLASS[list(b"0123456789")] = _DIGIT
_BYTE_CLASS[list(b" ,\t\v\f")] = _SEPARATOR
_BYTE_CLASS[ord("\n")] = _NEWLINE
_BLOCK = 1 << 20  # bytes of ballot lines read at once
_DIGITS_MAX = 18  # an int64 holds every number of up to 18 digits

Ranks = npt.NDArray[np.signedinteger]
Weights = npt.NDArray[np.int64]


def read_ballot_lines(text: bytes, first_line: int, n: int) -> tuple[Ranks, Weights | None]:
    """Rankings (0-based, padded with -1) and weights (None when every weight is 1).

    ``text`` is whole lines, each blank or one ballot, ending with a newline; numbers are
    separated by spaces, tabs or commas; candidates are numbered 1..``n``. ``first_line`` is
    the number of the first line, for errors. The text is read in blocks of whole lines so
    that the working arrays stay a few times a block, whatever the size of the file.
    """
    parts: list[tuple[Ranks, Weights | None]] = []
    start = 0
    while start < len(text) or not parts:
        end = text.find(b"\n", min(start + _BLOCK, len(text)) - 1) + 1 or len(text)
        ranks, weights, lines = _read_block(text[start:end], first_line, n)
        parts.append((ranks, weights))
        first_line += lines
        start = end
    if len(parts) == 1:
        return parts[0]
    depth = max(r.shape[1] for r, _ in parts)
    ranks = np.full((sum(r.shape[0] for r, _ in parts), depth), NO_CANDIDATE, rank_dtype(n))
    row = 0
    for r, _ in parts:
        ranks[row : row + r.shape[0], : r.shape[1]] = r
        row += r.shape[0]
    if all(w is None for _, w in parts):
        return ranks, None
    return ranks, np.concatenate([np.ones(len(r), np.int64) if w is None else w for r, w in parts])


def _read_block(text: bytes, first_line: int, n: int) -> tuple[Ranks, Weights | None, int]:
    """One block of whole lines, and how many lines it holds: every step is one array
    operation over all of its bytes or all of its numbers."""
    a = np.frombuffer(text, dtype=np.uint8)
    digit = (a - np.uint8(48)) < 10
    newline = a == 10

    def line_at(offset: int) -> int:
        return first_line + text.count(b"\n", 0, offset)

    if not (digit | newline | (a == 32)).all():  # the byte table only when a file is unusual
        kind = _BYTE_CLASS[a]
        if int(kind.max()) == _OTHER:
            at = int(np.argmax(kind == _OTHER))
            raise BallotError(f"line {line_at(at)}: {_unexpected(text, at)}")
    head = digit.copy()
    head[1:] &= ~digit[:-1]
    starts = np.flatnonzero(head)
    if starts.size == 0:
        return np.full((0, 1), NO_CANDIDATE, dtype=rank_dtype(n)), None, text.count(b"\n")
    values = _numbers(a, digit, starts, line_at)
    line_of = np.cumsum(newline, dtype=np.int32)
    token_line = line_of[starts]
    first = np.empty(starts.size, dtype=bool)
    first[0] = True
    np.not_equal(token_line[1:], token_line[:-1], out=first[1:])
    row_first = np.flatnonzero(first)
    row_count = np.diff(row_first, append=starts.size)
    row_last = row_first + row_count - 1
    ballot_line = token_line[row_first]

    def refuse(bad_rows: npt.NDArray[np.bool_], problem: str) -> None:
        if bad_rows.any():
            raise BallotError(f"line {first_line + ballot_line[np.argmax(bad_rows)]}: {problem}")

    def refuse_token(bad_token: int, problem: str) -> None:
        row = int(np.searchsorted(row_first, bad_token, side="right")) - 1
        raise BallotError(f"line {first_line + ballot_line[row]}: {problem}")

    refuse(row_count < 2, "a ballot line needs a weight, its preferences and a closing 0")
    refuse(values[row_last] != 0, "ballot does not end with 0")
    weights = values[row_first]
    refuse(weights == 0, "weight 0 (a lone 0 ends the ballots; a weight is at least 1)")
    values[row_first] = 0
    if np.count_nonzero(values == 0) != 2 * row_first.size:
        ends = np.zeros(values.size, dtype=bool)
        ends[row_first] = ends[row_last] = True
        refuse_token(
            int(np.argmax((values == 0) & ~ends)), "0 before the end of the ballot (one per line)"
        )
    if int(values.max()) > n:
        k = int(np.argmax(values > n))
        refuse_token(k, f"candidate {values[k]} but only {n} candidates declared")
    width = max(int(row_count.max()), 3)
    grid = np.zeros((row_first.size, width), dtype=rank_dtype(n))
    place = np.repeat(np.arange(row_first.size) * width - row_first, row_count)
    place += np.arange(values.size)
    grid.reshape(-1)[place] = values.astype(grid.dtype)  # weight and closing 0 are 0 now
    ranks = grid[:, 1 : width - 1] - 1
    twice = repeated_row(ranks)
    if twice is not None:
        ranked, times = np.unique(ranks[twice], return_counts=True)
        again = int(ranked[(times > 1) & (ranked != NO_CANDIDATE)][0]) + 1
        raise BallotError(f"line {first_line + ballot_line[twice]}: candidate {again} ranked twice")
    return ranks, None if bool((weights == 1).all()) else weights, int(line_of[-1])


def _numbers(
    a: npt.NDArray[np.uint8],
    digit: npt.NDArray[np.bool_],
    starts: npt.NDArray[np.intp],
    line_at: Callable[[int], int],
) -> npt.NDArray[np.int64]:
    """The value of each run of digits: one pass per digit position, over the runs that are
    still that long (the text ends with a newline, so no run reads past it)."""
    values = a[starts].astype(np.int64)
    values -= 48
    longer = np.flatnonzero(digit[1:][starts])
    k = 1
    while longer.size:
        at = starts[longer]
        if k == _DIGITS_MAX:
            raise BallotError(f"line {line_at(int(at[0]))}: number of more than {k} digits")
        values[longer] = values[longer] * 10 + (a[k:][at] - 48)
        k += 1
        longer = longer[digit[k:][at]]
    return values


def _unexpected(text: bytes, at: int) -> str:
    char = text[at : at + 1]
    if char == b"-":
        return "negative number in a ballot (withdrawn candidates go on the line after the header)"
    if char == b".":
        return "a weight or candidate number must be a whole number"
    if char == b"=":
        line = text[text.rfind(b"\n", 0, at) + 1 :].split(b"\n", 1)[0]
        word = next(w for w in line.split() if b"=" in w).decode(errors="replace")
        return f"equal ranking {word!r}: a ballot here must rank one candidate per preference"
    found = text[at:].split(None, 1)[0].decode(errors="replace")
    return f"unexpected {found!r} in a ballot line"


def write_ballot_lines(ballots: Ballots) -> bytes:
    """``weight pref ... 0`` per row, 1-based. Every column is written as fixed-width digits
    into one byte matrix, and the padding bytes are dropped in one step at the end."""
    if ballots.rows == 0:
        return b""
    weights = ballots.weight_array()
    if not np.issubdtype(weights.dtype, np.integer) or bool((weights < 1).any()):
        raise BallotError("ballot weights must be whole numbers of at least 1 to be written")
    ones = np.ones(ballots.rows, dtype=bool)
    columns = [(weights.astype(np.int64), ones)]
    columns += [(col.astype(np.int64) + 1, col != NO_CANDIDATE) for col in ballots.ranks.T]
    columns.append((np.zeros(ballots.rows, dtype=np.int64), ones))
    chunks, keep = [], []
    for j, (col, present) in enumerate(columns):
        power = 10 ** np.arange(len(str(int(col.max()))) - 1, -1, -1, dtype=np.int64)
        chunks.append(((col[:, None] // power) % 10 + 48).astype(np.uint8))
        keep.append(((col[:, None] >= power) | (power == 1)) & present[:, None])
        chunks.append(np.full((ballots.rows, 1), 10 if j == len(columns) - 1 else 32, np.uint8))
        keep.append(present[:, None])
    return bytes(np.hstack(chunks)[np.hstack(keep)].tobytes())
