"""Run the walkthrough of docs/councils.md as a user pastes it: each ```sh block in a shell,
beside the ```text block that follows it (what the guide says the block prints)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO

GUIDE = REPO / "docs" / "councils.md"
BIN = Path(sys.executable).parent
MARK = "@@ block done, exit "


@dataclass(frozen=True)
class Step:
    script: str
    shown: str | None  # the output the guide shows, if it shows any


def steps(text: str) -> list[Step]:
    """The walkthrough's shell blocks, each with the output block right after it."""
    section = text.split("\n## Walkthrough\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```(sh|text)\n(.*?)```", section, re.DOTALL)
    found: list[Step] = []
    for kind, body in blocks:
        if kind == "sh":
            found.append(Step(body, None))
        elif found and found[-1].shown is None:
            found[-1] = Step(found[-1].script, body)
        else:
            raise AssertionError(f"an output block follows no command block:\n{body}")
    return found


def run(found: list[Step], cwd: Path) -> list[tuple[str, int]]:
    """Every block in one shell (so `cd` and `export` carry over, as in a terminal), in
    ``cwd`` as the temporary folder; each block's output (stdout and stderr) and last exit."""
    script = "exec 2>&1\n" + "".join(f"{s.script}\necho '{MARK}'$?\n" for s in found)
    env = {**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}", "TMPDIR": str(cwd),
           "COLUMNS": "100"}
    env.pop("SOVIET_DB", None)
    done = subprocess.run(["bash", "-c", script], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300, check=False, stdin=subprocess.DEVNULL)
    parts = done.stdout.split(MARK)
    outputs = []
    for i, part in enumerate(parts[:-1]):
        text = part if i == 0 else part.split("\n", 1)[1]
        code = int(parts[i + 1].split("\n", 1)[0])
        outputs.append((text, code))
    return outputs


def missing_lines(shown: str, actual: str) -> list[str]:
    """The shown lines not found, in order, among the actual ones (``…`` stands for any text;
    blank lines and lines of ``…`` alone skip nothing and are not looked for)."""
    lines = [line.rstrip() for line in actual.splitlines()]
    at = 0
    missing = []
    for want in shown.splitlines():
        if not want.strip() or want.strip() == "…":
            continue
        pattern = re.compile(".*".join(map(re.escape, want.rstrip().split("…"))))
        hit = next((i for i in range(at, len(lines)) if pattern.fullmatch(lines[i])), None)
        if hit is None:
            missing.append(want)
        else:
            at = hit + 1
    return missing


def walk(guide: Path, cwd: Path, *then: Path) -> tuple[int, list[str]]:
    """Run a guide's walkthrough, and then the walkthroughs of the guides that continue it in
    the same shell (``then``), and check every block: it exits 0, prints no traceback, and
    prints what the guide shows. The number of blocks, and the lines that say something was
    refused (``refused:``) or in error (``error:``), for the test to check."""
    text = guide.read_text(encoding="utf-8") + "".join(
        g.read_text(encoding="utf-8").split("\n## Walkthrough\n", 1)[1] for g in then)
    found = steps(text)
    outputs = run(found, cwd)
    assert len(outputs) == len(found)
    for step, (text, code) in zip(found, outputs, strict=True):
        assert code == 0, f"{step.script}\n{text}"
        assert "Traceback" not in text, text
        if step.shown is not None:
            assert missing_lines(step.shown, text) == [], f"{step.script}\n---\n{text}"
    return len(found), [line for text, _ in outputs for line in text.splitlines()
                        if line.startswith(("refused:", "error:"))]
