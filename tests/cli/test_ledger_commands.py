"""The ledger commands as a user runs them: a real `soviet` process on a real database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from soviet.ledger import open_ledger
from tests.api.server import free_port
from tests.conftest import REPO
from tests.ledger import raw

CHARTER = REPO / "charters" / "union-federation.toml"
SOVIET = str(Path(sys.executable).with_name("soviet"))


def soviet(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
           columns: int = 200) -> subprocess.CompletedProcess[str]:
    env = {**(env if env is not None else os.environ), "COLUMNS": str(columns)}
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


def test_hashes_urls_and_paths_are_printed_whole_on_a_narrow_terminal(tmp_path: Path) -> None:
    """A script reads the head hash off ``verify``; on 30 columns (or a pipe's 80) it must
    still be one line, as must the URL and path every ledger command names."""
    folder = tmp_path / "a-folder-whose-name-alone-is-wider-than-the-terminal"
    folder.mkdir()
    url = f"sqlite:///{folder / 'ledger.db'}"
    r = soviet("init", "--charter", str(CHARTER), "--db", url, columns=30)
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("\n") == 1 and url in r.stdout
    with open_ledger(url) as ledger:
        head = ledger.head().hash
    r = soviet("verify", "--db", url, columns=30)
    assert r.stdout == f"ok: 1 events, head 1 {head}\n"
    dump = folder / "org.jsonl"
    r = soviet("export", str(dump), "--db", url, columns=30)
    assert r.stderr == f"exported 1 events to {dump}\n"
    copy = f"sqlite:///{folder / 'copy.db'}"
    r = soviet("import", str(dump), "--db", copy, columns=30)
    assert r.stdout == f"imported 1 events into {copy}\n"


def test_a_password_in_a_database_url_is_never_printed(postgres: str, tmp_path: Path) -> None:
    """init, import (also refused) and serve name the database with its password masked,
    whether the URL holds it before the host or as a parameter."""
    with psycopg.connect(f"{postgres}/postgres", autocommit=True) as db:
        db.execute("CREATE DATABASE secret_one")
        db.execute("CREATE DATABASE secret_two")
    user, host = postgres.split("@")  # the test server trusts its users: any password does
    one = f"{user}:s3cret@{host}/secret_one"
    two = f"{postgres}/secret_two?sslmode=disable&password=s3cret"
    r = soviet("init", "--charter", str(CHARTER), "--db", one)
    assert r.returncode == 0, r.stderr
    assert f"{user}:***@{host}/secret_one " in r.stdout and "s3cret" not in r.stdout
    dump = tmp_path / "org.jsonl"
    assert soviet("export", str(dump), "--db", one).returncode == 0
    r = soviet("import", str(dump), "--db", two)
    assert r.returncode == 0, r.stderr
    assert f"{postgres}/secret_two?sslmode=disable&password=***" in r.stdout
    assert "s3cret" not in r.stdout
    r = soviet("import", str(dump), "--db", one)
    assert r.returncode == 2 and "already holds events" in r.stderr
    assert f"{user}:***@{host}" in r.stderr and "s3cret" not in r.stderr
    serve = subprocess.Popen([SOVIET, "serve", "--port", str(free_port()), "--db", one],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert serve.stdout is not None
        first = serve.stdout.readline()
    finally:
        serve.terminate()
        serve.wait(timeout=10)
    assert first.startswith(f"serving {user}:***@{host}/secret_one: open http://")
