"""Every round of every reference STV count we implement, digit for digit.

The reference counts in ``../shared/peer/stv/dump`` were made by the droop counter. Each file is
named ``BALLOTS-RULE[-oOMEGA]-ARITHMETIC.txt`` and logs every step of the count: the quota, the
votes no candidate holds (non-transferable, or Meek's residual), and each candidate's state and
votes, shown to the file's display precision. We count the same ballots with the method for that
rule and compare, step by step, every figure at that precision and every candidate's state.

How the two logs are aligned: droop logs each candidate elected or defeated on its own line, and
logs ``tie`` and ``unpend`` lines that change no figure; we record simultaneous events as one
round. So both logs are cut into runs of consecutive steps with the same round number and action,
and the last step of each run is compared; ``tie``/``unpend`` lines are left out. The final
``end`` line is compared with our last round when it differs from droop's last step.

Files we do not count are listed in :data:`NOT_IMPLEMENTED` (rules) and :data:`UNREADABLE`
(ballot files): each shows up as a skip or an expected failure with its reason. A file of an
implemented rule is never skipped, and a file of a rule in neither list fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from soviet.counting import Result, count, load_blt
from soviet.counting.arithmetic import show
from soviet.counting.ballots import BallotError

SHARED = Path(__file__).resolve().parents[2] / "../shared/peer/stv"
DUMPS = sorted(SHARED.glob("dump/**/*.txt")) if SHARED.is_dir() else []

if not SHARED.is_dir():
    pytest.skip(f"no STV peer data at {SHARED}", allow_module_level=True)

NAME = re.compile(
    r"^(?P<stem>.+?)-(?P<rule>scotland|wigm-prf-batch|wigm-prf|wigm|mpls|meek-prf|meek|warren"
    r"|cfer-batch|cfer|qpq)(?:-o(?P<omega>\d+))?-(?P<arith>fixed|guarded|rational)"
    r"(?:-p(?P<p>\d+))?(?:-g(?P<g>\d+))?-d(?P<d>\d+)\.txt$"
)

NOT_IMPLEMENTED = {
    "cfer": "the CFER rule is not among the methods of issue #3",
    "cfer-batch": "the CFER rule is not among the methods of issue #3",
    "qpq": "the quota-preferential quotient rule is not among the methods of issue #3",
}

UNREADABLE = {
    "eq1": "equal rankings (b=c) cannot be held in a ranking row; load_blt refuses them",
    "eq2": "equal rankings (b=c) cannot be held in a ranking row; load_blt refuses them",
}

QUIET = {"log", "round", "iterate", "tie", "unpend"}  # lines that change no figure


@dataclass(frozen=True)
class Step:
    """One step of a count as the two logs can both state it, at the reference's precision."""

    stage: str
    action: str
    quota: str
    exhausted: str
    candidates: tuple[tuple[str, str, str], ...]  # name, state (H/E/D), votes

    def figures(self) -> tuple[Any, ...]:
        return self.quota, self.exhausted, self.candidates


def method_for(match: re.Match[str]) -> tuple[str, dict[str, Any]]:
    """The method and options that count what a reference file's name says."""
    rule = match["rule"]
    arith: dict[str, Any] = {"arithmetic": match["arith"]}
    if match["p"]:
        arith["precision"] = int(match["p"])
    if match["g"]:
        arith["guard"] = int(match["g"])
    if rule == "scotland":
        return "scottish-stv", {}
    if rule == "mpls":
        return "minneapolis-stv", {}
    if rule.startswith("wigm"):
        return "wigm-stv", {**arith, "batch": rule.endswith("batch")}
    if rule == "meek-prf":
        return "meek-stv", {"variant": "prf"}
    if rule in ("meek", "warren"):
        return "meek-stv", {**arith, "variant": rule, "omega": int(match["omega"])}
    raise AssertionError(f"rule {rule!r} is neither implemented nor listed as not implemented")


def reference_steps(path: Path) -> tuple[list[Step], Step]:
    """The figure-changing steps of a droop dump, and its final ``end`` line."""
    lines = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    meek = "Residual" in lines[0]
    first, width = (6, 4) if meek else (4, 3)
    steps: list[Step] = []
    for f in lines[1:]:
        if f[1] in QUIET:
            continue
        cells = f[first:]
        cands = tuple(
            (cells[i].strip(), "E" if cells[i + 1] == "e" else cells[i + 1], cells[i + 2])
            for i in range(0, len(cells), width)
        )
        steps.append(Step(f[0], f[1], f[2], f[5] if meek else f[3], cands))
    *body, end = steps
    assert end.action == "end", f"{path.name}: the log does not end with an end line"
    return body, end


def without_empty_surplus_stages(steps: list[Step]) -> list[Step]:
    """droop transfers a surplus of zero as a stage of its own; SSI 2007/42 r. 48(1) transfers
    only votes that *exceed* the quota, so such a stage does not exist there. Drop it and
    number the later stages down (no figure changes: the stage moved nothing)."""
    out: list[Step] = []
    shift = 0
    previous: Step | None = None
    for step in steps:
        if (
            step.action == "transfer"
            and previous is not None
            and previous.stage != step.stage
            and step.figures() == previous.figures()
        ):
            shift += 1
        else:
            out.append(Step(str(int(step.stage) - shift), *_after_stage(step)))
        previous = step
    return out


def _after_stage(step: Step) -> tuple[str, str, str, tuple[tuple[str, str, str], ...]]:
    return step.action, step.quota, step.exhausted, step.candidates


def our_steps(result: Result, names: list[str], places: int) -> list[Step]:
    elected: set[str] = set()
    defeated: set[str] = set()
    steps = []
    for r in result.rounds:
        elected |= set(r.elected)
        defeated |= set(r.defeated)
        votes = dict(zip(result.candidates, r.votes, strict=True))
        cands = tuple(
            (
                n.strip(),
                "E" if n in elected else "D" if n in defeated else "H",
                show(votes[n], places),
            )
            for n in names
        )
        assert r.quota is not None
        steps.append(
            Step(str(r.number), r.action, show(r.quota, places), show(r.exhausted, places), cands)
        )
    return steps


def runs(steps: list[Step]) -> list[Step]:
    """The last step of each run of steps with the same stage and action."""
    out: list[Step] = []
    for step in steps:
        if out and (out[-1].stage, out[-1].action) == (step.stage, step.action):
            out[-1] = step
        else:
            out.append(step)
    return out


def blt_for(stem: str) -> Path:
    (path,) = SHARED.glob(f"blt/**/{stem}.blt")
    return path


def test_the_reference_data_is_there() -> None:
    assert len(DUMPS) >= 100, f"expected the full set of reference counts in {SHARED}"


@pytest.mark.parametrize("dump", DUMPS, ids=[d.name for d in DUMPS])
def test_every_round_matches_the_reference(dump: Path) -> None:
    match = NAME.match(dump.name)
    assert match, f"{dump.name}: file name not in the BALLOTS-RULE-ARITHMETIC form"
    if match["rule"] in NOT_IMPLEMENTED:
        pytest.skip(NOT_IMPLEMENTED[match["rule"]])
    method, options = method_for(match)
    ballots_file = blt_for(match["stem"])
    if match["stem"] in UNREADABLE:
        with pytest.raises(BallotError):
            load_blt(ballots_file)
        pytest.xfail(UNREADABLE[match["stem"]])
    election = load_blt(ballots_file)
    if method == "minneapolis-stv":
        options["undeclared"] = election.undeclared
    # droop draws lots by its [tie] order, or else by the order of the candidates
    lot = election.tie_order or tuple(range(len(election.candidates)))
    result = count(
        method,
        election.ballots,
        seats=election.seats,
        withdrawn=election.withdrawn,
        tie_order=lot,
        **options,
    )
    places = int(match["d"])
    names = [n for i, n in enumerate(election.candidates) if i not in election.withdrawn]
    body, end = reference_steps(dump)
    if method == "scottish-stv":
        body = without_empty_surplus_stages(body)
    expected = runs(body)
    if end.figures() != expected[-1].figures():
        expected.append(Step(expected[-1].stage, "end", *_after_stage(end)[1:]))
    got = runs(our_steps(result, names, places))
    for i, (want, have) in enumerate(zip(expected, got, strict=False)):
        if want.action == "end":
            assert want.figures() == have.figures(), f"final tally differs:\n{want}\n{have}"
            continue
        assert want == have, f"step {i} differs:\nreference {want}\nours      {have}"
    assert len(got) == len(expected), (
        f"{len(expected)} reference steps, {len(got)} of ours; first unmatched: "
        f"{(expected + got)[min(len(expected), len(got))]}"
    )
