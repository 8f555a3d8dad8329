"""The ledger commands as a user runs them: a real `soviet` process on a real database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.ledger import raw

CHARTER = REPO / "charters" / "union-federation.toml"
SOVIET = str(Path(sys.executable).with_name("soviet"))


def soviet(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None
           ) -> subprocess.CompletedProcess[str]:
    env = {**(env if env is not None else os.environ), "COLUMNS": "200"}
    return subprocess.run([SOVIET, *args], capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=120, check=False)


def test_init_log_verify_export_import(ledger_url: str, tmp_path: Path) -> None:
    r = soviet("init", "--charter", str(CHARTER), "--name", "Metal Workers", "--db", ledger_url)
    assert r.returncode == 0, r.stderr
    assert "founded 'Metal Workers'" in r.stdout

    r = soviet("init", "--charter", str(CHARTER), "--db", ledger_url)
    assert r.returncode != 0
    assert r.stderr.count("\n") == 1, "one clear line, no traceback"
    assert "already holds the organisation 'Metal Workers'" in r.stderr

    r = soviet("log", "--db", ledger_url)
    assert r.returncode == 0
    assert "organisation.founded" in r.stdout

    r = soviet("verify", "--db", ledger_url)
    assert r.returncode == 0
    assert r.stdout.startswith("ok: 1 events, head 1 ")
    head = r.stdout.split()[-1]
    assert soviet("verify", "--db", ledger_url, "--expect-head", head).returncode == 0
    r = soviet("verify", "--db", ledger_url, "--expect-head", "0" * 64)
    assert r.returncode == 1
    assert "not the expected head" in r.stdout

    dump = tmp_path / "org.jsonl"
    assert soviet("export", str(dump), "--db", ledger_url).returncode == 0
    copy = f"sqlite:///{tmp_path / 'copy.db'}"
    r = soviet("import", str(dump), "--db", copy)
    assert r.returncode == 0, r.stderr
    assert soviet("export", "--db", copy).stdout == dump.read_text()


def test_verify_exits_1_at_the_first_bad_event(ledger_url: str) -> None:
    assert soviet("init", "--charter", str(CHARTER), "--db", ledger_url).returncode == 0
    raw.execute(ledger_url, "UPDATE events SET actor = 'mallory' WHERE seq = 1")
    r = soviet("verify", "--db", ledger_url)
    assert r.returncode == 1
    assert "broken at event 1: event 1 was altered" in r.stdout


def test_log_filters(tmp_path: Path) -> None:
    from soviet.ledger import Act, open_ledger

    url = f"sqlite:///{tmp_path / 'l.db'}"
    with open_ledger(url) as ledger:
        ledger.append_now([Act("member.joined", {"member": f"m{i}"}, f"clerk{i % 2}")
                           for i in range(30)] + [Act("charter.amended", {}, "clerk0")])
    r = soviet("log", "--db", url, "--type", "charter.")
    assert "charter.amended" in r.stdout
    assert "member.joined" not in r.stdout
    r = soviet("log", "--db", url, "--actor", "clerk1", "--last", "3")
    rows = [line for line in r.stdout.splitlines() if "member.joined" in line]
    assert len(rows) == 3
    assert all("clerk1" in line for line in rows)
    assert "m29" in rows[-1]
    r = soviet("log", "--db", url, "--after", "5", "--upto", "7")
    assert [line.split()[0] for line in r.stdout.splitlines() if "member.joined" in line] == [
        "6", "7"]


@pytest.mark.parametrize(
    ("args", "message", "lines"),
    [
        (["verify", "--db", "mysql://x"], "unknown database URL 'mysql://x'", 1),
        (["verify", "--db", "sqlite:////no/such/folder/x.db"], "folder /no/such/folder missing",
         1),
        (["import", "/no/such/file.jsonl", "--db", "sqlite:///{tmp}/x.db"], "No such file", 1),
        (["init", "--charter", "/no/such/charter.toml", "--db", "sqlite:///{tmp}/x.db"],
         "file: cannot be read", 2),
    ],
)
def test_errors_are_clear_lines(args: list[str], message: str, lines: int,
                                tmp_path: Path) -> None:
    """One line per error; a charter's error lists each of its problems on a line of its own."""
    r = soviet(*[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert r.returncode != 0
    assert message in r.stderr
    assert r.stderr.startswith("error: ")
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == lines


def test_default_database_is_soviet_db_or_env(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SOVIET_DB"}
    assert soviet("init", "--charter", str(CHARTER), cwd=tmp_path, env=env).returncode == 0
    assert (tmp_path / "soviet.db").exists()
    env["SOVIET_DB"] = f"sqlite:///{tmp_path / 'env.db'}"
    assert soviet("init", "--charter", str(CHARTER), cwd=tmp_path, env=env).returncode == 0
    assert (tmp_path / "env.db").exists()
    r = soviet("--debug", "verify", "--db", "mysql://x")
    assert "Traceback" in r.stderr
