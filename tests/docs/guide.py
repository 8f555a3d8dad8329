"""Run a page of the guide as a user pastes it: each ```sh block in one bash shell (so `cd`,
`export` and background jobs carry over, as in a terminal), beside the ```text block that
follows it (what the page says the block prints).

The shell starts in a temporary folder that stands for the checkout: ``.venv`` is the
virtualenv running the tests (so ``source .venv/bin/activate`` works, and ``soviet`` is on the
PATH anyway) and ``charters/`` a copy of the shipped charters. ``mktemp`` makes its folders
inside it. A page may say that the test sets an environment variable (a free port, a
throwaway PostgreSQL server): ``env`` sets it, and every other such variable is unset."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO

BIN = Path(sys.executable).parent
MARK = "@@ block done, exit "
UNSET = ("SOVIET_DB", "PORT", "PORT2", "PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGPASSWORD")
"""Variables a page may read: only those the test passes in ``env`` are set."""
TIMEOUT = 300


@dataclass(frozen=True)
class Step:
    script: str
    shown: str | None  # the output the page shows, if it shows any


def section(text: str, title: str | None) -> str:
    """The text of a page's ``## title`` section (up to the next ``## ``); the whole page for
    ``None``."""
    if title is None:
        return text
    head = f"\n## {title}\n"
    assert head in text, f"no section {title!r}"
    return text.split(head, 1)[1].split("\n## ", 1)[0]


def steps(text: str) -> list[Step]:
    """The shell blocks of a text, each with the output block right after it."""
    found: list[Step] = []
    for kind, body in re.findall(r"```(sh|text)\n(.*?)```", text, re.DOTALL):
        if kind == "sh":
            found.append(Step(body, None))
        elif found and found[-1].shown is None:
            found[-1] = Step(found[-1].script, body)
        else:
            raise AssertionError(f"an output block follows no command block:\n{body}")
    return found


def checkout(cwd: Path) -> None:
    """Make ``cwd`` stand for the checkout the pages' commands are pasted in."""
    (cwd / ".venv").symlink_to(BIN.parent, target_is_directory=True)
    shutil.copytree(REPO / "charters", cwd / "charters")


def run(found: list[Step], cwd: Path, env: Mapping[str, str] | None = None
        ) -> list[tuple[str, int]]:
    """Every block in one shell in ``cwd``; each block's output (stdout and stderr) and last
    exit. The shell has a process group of its own, which is ended afterwards: a server a
    page starts in the background never outlives the test."""
    script = "exec 2>&1\n" + "".join(f"{s.script}\necho '{MARK}'$?\n" for s in found)
    environment = {k: v for k, v in os.environ.items() if k not in UNSET}
    environment |= {"PATH": f"{BIN}:{os.environ['PATH']}", "TMPDIR": str(cwd),
                    "COLUMNS": "100", **(env or {})}
    log = cwd / ".guide-output"
    with log.open("w") as out:
        shell = subprocess.Popen(["bash", "-c", script], cwd=cwd, env=environment, stdout=out,
                                 stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                 start_new_session=True)
        try:
            shell.wait(TIMEOUT)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(shell.pid, signal.SIGKILL)
            shell.wait()
    parts = log.read_text(encoding="utf-8").split(MARK)
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


def walk(guide: Path, cwd: Path, *then: Path, part: str | None = "Walkthrough",
         env: Mapping[str, str] | None = None) -> tuple[int, list[str]]:
    """Run the ``part`` section of a page (``None``: the whole page), and then the same
    section of the pages that continue it in the same shell (``then``), and check every
    block: it exits 0, prints no traceback, and prints what the page shows. The number of
    blocks, and the lines that say something was refused (``refused:``) or in error
    (``error:``), for the test to check."""
    found = [step for page in (guide, *then)
             for step in steps(section(page.read_text(encoding="utf-8"), part))]
    checkout(cwd)
    outputs = run(found, cwd, env)
    assert len(outputs) == len(found), outputs[-1:]
    for step, (text, code) in zip(found, outputs, strict=True):
        assert code == 0, f"{step.script}\n{text}"
        assert "Traceback" not in text, text
        if step.shown is not None:
            assert missing_lines(step.shown, text) == [], f"{step.script}\n---\n{text}"
    return len(found), [line for text, _ in outputs for line in text.splitlines()
                        if line.startswith(("refused:", "error:"))]
