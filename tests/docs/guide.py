"""Run a page of the guide as a user pastes it: each ```sh block in one bash shell (so `cd`,
`export` and background jobs carry over, as in a terminal), beside the ```text block that
follows it (what the page says the block prints).

The shell starts in a temporary folder that stands for the checkout: ``.venv`` is the
virtualenv running the tests (so ``source .venv/bin/activate`` works, and ``soviet`` is on the
PATH anyway) and ``charters/`` a copy of the shipped charters. ``mktemp`` makes its folders
inside it. A page may say that the test sets an environment variable (a free port, a
throwaway PostgreSQL server): ``env`` sets it, and every other such variable is unset.

A page that assumes a server at port 8000 (the demo `make run` serves) has its blocks run with
the port the test chose (``rewrite``). A `soviet serve` the page runs in the foreground, in a
terminal of its own until Ctrl-C, is started in the background here, and its block ends once
the server answers."""

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
SERVE = re.compile(r"(?:\S*/)?soviet serve .*")
PORT = re.compile(r"--port (\d+)")


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


def rewritten(found: list[Step], rewrite: Mapping[str, str]) -> list[Step]:
    """The blocks with each ``old`` text replaced by its ``new`` one, in the commands and in
    the output shown; every ``old`` text must be in a block (a rewrite that stopped applying
    would leave the page untested)."""
    for old in rewrite:
        assert any(old in s.script or old in (s.shown or "") for s in found), old

    def text(block: str) -> str:
        for old, new in rewrite.items():
            block = block.replace(old, new)
        return block
    return [Step(text(s.script), None if s.shown is None else text(s.shown)) for s in found]


def in_background(script: str) -> str:
    """A block whose last line serves in the foreground: the server started in the
    background, and not as a job of the shell (it stands for another terminal: a later
    ``wait`` does not wait for it), and the block's exit that of waiting for it to answer at
    its port."""
    *lines, last = script.rstrip("\n").split("\n")
    assert not any(SERVE.fullmatch(line) and not line.endswith("&") for line in lines), script
    if not SERVE.fullmatch(last) or last.endswith("&"):
        return script
    port = PORT.search(last)
    assert port is not None, f"a server in the foreground names its port: {last}"
    return "\n".join([*lines, f"{last} & disown", "curl -s -o /dev/null --retry 30 "
                       f"--retry-connrefused --retry-delay 1 localhost:{port[1]}/api/organisation"
                       ]) + "\n"


def checkout(cwd: Path) -> None:
    """Make ``cwd`` stand for the checkout the pages' commands are pasted in."""
    (cwd / ".venv").symlink_to(BIN.parent, target_is_directory=True)
    shutil.copytree(REPO / "charters", cwd / "charters")


def run(found: list[Step], cwd: Path, env: Mapping[str, str] | None = None
        ) -> list[tuple[str, int]]:
    """Every block in one shell in ``cwd``; each block's output (stdout and stderr) and last
    exit. The shell has a process group of its own, which is ended afterwards: a server a
    page starts in the background never outlives the test."""
    script = "exec 2>&1\n" + "".join(f"{in_background(s.script)}\necho '{MARK}'$?\n"
                                      for s in found)
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


def make_recipe(target: str) -> list[str]:
    """The `soviet` commands ``make TARGET`` runs once the checkout is installed, as
    ``make -n`` prints them."""
    recipe = subprocess.run(["make", "-n", target], cwd=REPO, capture_output=True, text=True,
                            check=True).stdout.splitlines()
    return [line.removeprefix(".venv/bin/") for line in recipe if "bin/soviet " in line]


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
         env: Mapping[str, str] | None = None, rewrite: Mapping[str, str] | None = None
         ) -> tuple[int, list[str]]:
    """Run the ``part`` section of a page (``None``: the whole page), and then the same
    section of the pages that continue it in the same shell (``then``), with the texts of
    ``rewrite`` replaced, and check every block: it exits 0, prints no traceback, and prints
    what the page shows. The number of blocks, and the lines that say something was refused
    (``refused:``) or in error (``error:``), for the test to check."""
    found = rewritten([step for page in (guide, *then)
                       for step in steps(section(page.read_text(encoding="utf-8"), part))],
                      rewrite or {})
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
