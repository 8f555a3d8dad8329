"""Ranked ballots in CSV, in the two shapes spreadsheets and survey tools export.

``ranks`` layout: one column per preference, the cells name candidates::

    weight,rank1,rank2,rank3
    12,Adam,Basil,
    3,Charlotte,Adam,Basil

``candidates`` layout: one column per candidate, the cells hold rank numbers::

    weight,Adam,Basil,Charlotte
    12,1,2,
    3,2,3,1

The first row is always a header. A column headed ``weight``, ``count`` or ``votes`` (any case)
says how many voters cast the row; without it each row is one voter. The layout is the
``ranks`` one when every other header cell is a rank label (``1``, ``rank 1``, ``Choice 2``,
``3rd preference``...) and the ``candidates`` one otherwise; pass ``layout`` when the
candidates' names themselves look like rank labels. In the ``ranks`` layout the candidates are
those named, in order of first appearance, unless ``candidates`` lists them. A blank cell (or
rank 0) ranks nothing. Refused, with the row: a candidate ranked twice, two candidates given
the same rank, a skipped rank, an unknown candidate, a weight that is not a whole number of at
least 1, a row longer than the header.

Rows are parsed by the standard library's C reader and converted by numpy and C-level maps:
no Python code runs per row.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from itertools import chain
from pathlib import Path
from typing import Literal

import numpy as np
import numpy.typing as npt

from soviet.counting.ballots import (
    NO_CANDIDATE,
    BallotError,
    Ballots,
    gap_row,
    rank_dtype,
    repeated_row,
)

Layout = Literal["ranks", "candidates"]
WEIGHT_HEADERS = ("weight", "count", "votes")
_RANK_LABEL = re.compile(
    r"(rank|choice|preference|pref)?\s*#?\s*\d+\s*(st|nd|rd|th)?\s*(rank|choice|preference|pref)?",
    re.I,
)


def load_csv(
    path: str | Path, candidates: Sequence[str] | None = None, layout: Layout | None = None
) -> Ballots:
    """Read a CSV ballot file; a malformed one raises :class:`BallotError` naming file and row."""
    try:
        return parse_csv(Path(path).read_text(encoding="utf-8-sig"), candidates, layout)
    except BallotError as e:
        raise BallotError(f"{path}: {e}") from None
    except UnicodeDecodeError as e:
        raise BallotError(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})") from None


def parse_csv(
    text: str, candidates: Sequence[str] | None = None, layout: Layout | None = None
) -> Ballots:
    """Ballots from CSV text (see the module docstring for the two layouts)."""
    records = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    if not records or not any(records[0]):
        raise BallotError("row 1: the first row must be a header")
    header = [cell.strip() for cell in records[0]]
    weight_at = [i for i, h in enumerate(header) if h.lower() in WEIGHT_HEADERS]
    if len(weight_at) > 1:
        raise BallotError(f"row 1: {len(weight_at)} weight columns; at most one")
    body = list(filter(None, records[1:]))
    row_number = 2 + np.flatnonzero(np.fromiter(map(bool, records[1:]), bool, len(records) - 1))
    width = len(header)
    lengths = np.fromiter(map(len, body), np.int64, len(body))
    if lengths.size and int(lengths.max()) > width:
        k = int(np.argmax(lengths > width))
        raise BallotError(f"row {row_number[k]}: {lengths[k]} cells for {width} header columns")
    cells = np.full((len(body), width), "", dtype=object)
    row = np.repeat(np.arange(len(body)), lengths)
    cells[row, np.arange(row.size) - np.repeat(np.cumsum(lengths) - lengths, lengths)] = list(
        map(str.strip, chain.from_iterable(body))
    )
    weights = _weights(cells[:, weight_at[0]], row_number) if weight_at else None
    kept = [i for i in range(width) if i not in weight_at]
    if not kept:
        raise BallotError("row 1: no column to rank candidates in")
    labels = [header[i] for i in kept]
    cells = cells[:, kept]
    if layout is None:
        layout = "ranks" if all(_RANK_LABEL.fullmatch(h) for h in labels) else "candidates"
    if layout == "ranks":
        names, ranks = _by_rank(cells, candidates, row_number)
    else:
        if candidates is not None and tuple(candidates) != tuple(labels):
            raise BallotError("row 1: the header's candidates differ from those given")
        names, ranks = tuple(labels), _by_candidate(cells, labels, row_number)
    for find, problem in (
        (repeated_row, "ranks a candidate twice"),
        (gap_row, "has a blank rank before a later preference"),
    ):
        bad = find(ranks)
        if bad is not None:
            raise BallotError(f"row {row_number[bad]}: {problem}")
    return Ballots(ranks=ranks, candidates=names, weights=weights)


def _weights(
    column: npt.NDArray[np.object_], row_number: npt.NDArray[np.intp]
) -> npt.NDArray[np.int64] | None:
    text = column.astype(str)
    whole = np.char.isdigit(text)
    if not whole.all():
        k = int(np.argmax(~whole))
        raise BallotError(f"row {row_number[k]}: weight {str(text[k])!r} is not a whole number")
    weights = text.astype(np.int64)
    if weights.size and int(weights.min()) < 1:
        raise BallotError(f"row {row_number[int(np.argmin(weights))]}: weight 0")
    return None if bool((weights == 1).all()) else weights


def _by_rank(
    cells: npt.NDArray[np.object_],
    candidates: Sequence[str] | None,
    row_number: npt.NDArray[np.intp],
) -> tuple[tuple[str, ...], npt.NDArray[np.signedinteger]]:
    """Cells name candidates, one column per preference."""
    flat = cells.reshape(-1)
    named = flat[flat != ""]
    names = tuple(candidates) if candidates is not None else tuple(dict.fromkeys(named))
    index = {name: i for i, name in enumerate(names)}
    unknown = set(named.tolist()).difference(index)
    if unknown:
        k = int(np.argmax(np.isin(cells, list(unknown)).any(axis=1)))
        who = sorted(unknown & set(cells[k].tolist()))[0]
        raise BallotError(f"row {row_number[k]}: {who!r} is not a candidate")
    index[""] = NO_CANDIDATE
    codes = np.fromiter(map(index.__getitem__, flat), rank_dtype(len(names)), flat.size)
    return names, codes.reshape(cells.shape)


def _by_candidate(
    cells: npt.NDArray[np.object_], labels: Sequence[str], row_number: npt.NDArray[np.intp]
) -> npt.NDArray[np.signedinteger]:
    """Cells hold rank numbers, one column per candidate; the order of numbers is the ranking."""
    text = cells.astype(str)
    text[text == ""] = "0"
    whole = np.char.isdigit(text)
    if not whole.all():
        r, c = np.argwhere(~whole)[0]
        raise BallotError(
            f"row {row_number[r]}, column {labels[c]!r}: {str(text[r, c])!r} is not a rank number"
        )
    number = text.astype(np.int64)
    ranked = number > 0
    order = np.sort(np.where(ranked, number, 0), axis=1)
    expected = np.arange(order.shape[1]) - (~ranked).sum(axis=1, keepdims=True) + 1
    wrong = ((order != expected) & (order > 0)).any(axis=1)
    if wrong.any():
        r = int(np.argmax(wrong))
        used = sorted(int(x) for x in number[r] if x > 0)
        problem = (
            "two candidates share a rank" if len(set(used)) < len(used) else "a rank is skipped"
        )
        raise BallotError(f"row {row_number[r]}: {problem} (ranks {used})")
    by_rank = np.argsort(np.where(ranked, number, np.iinfo(np.int64).max), axis=1, kind="stable")
    depth = max(int(ranked.sum(axis=1).max(initial=0)), 1)
    ranks = by_rank[:, :depth].astype(rank_dtype(len(labels)))
    ranks[np.arange(depth) >= ranked.sum(axis=1, keepdims=True)] = NO_CANDIDATE
    return ranks


def write_csv(ballots: Ballots, path: str | Path, layout: Layout = "ranks") -> None:
    """Write ``ballots`` so that :func:`load_csv` reads them back."""
    Path(path).write_text(format_csv(ballots, layout), encoding="utf-8")


def format_csv(ballots: Ballots, layout: Layout = "ranks") -> str:
    """CSV text of ``ballots``: a ``weight`` column only when some weight is not 1."""
    if layout == "ranks":
        header = [f"rank{j + 1}" for j in range(ballots.depth)]
        names = np.array([*ballots.candidates, ""], dtype=object)
        body = names[ballots.ranks]
    else:
        header = list(ballots.candidates)
        number = np.zeros((ballots.rows, len(ballots.candidates)), dtype=np.int64)
        r, j = np.nonzero(ballots.ranks != NO_CANDIDATE)
        number[r, ballots.ranks[r, j]] = j + 1
        body = np.where(number > 0, number.astype(str), "").astype(object)
    if ballots.weights is not None:
        header.insert(0, "weight")
        body = np.column_stack([ballots.weights.astype(str).astype(object), body])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(body.tolist())
    return out.getvalue()
