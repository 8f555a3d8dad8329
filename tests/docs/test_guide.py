"""Every command the user guide shows runs, as a user pastes it, and prints what the page
says it prints (the harness is :mod:`tests.docs.guide`).

Where each page's commands are run:

- docs/getting-started.md: here. Its first organisation in one shell, `soviet serve` in the
  background on a free port (``PORT``), asked by `curl`. Of the two commands, `make test` is
  this test suite, and `make run` cannot end: here its recipe is checked against what the page
  says it does; tests/cli/test_demo.py runs the demo it builds, and the page's own
  `soviet serve` is run here.
- docs/operating.md: here, the whole page, against the throwaway PostgreSQL server of
  tests/conftest.py (``PGHOST``, ``PGPORT``) with two servers on free ports (``PORT``,
  ``PORT2``). Its upgrade steps (`git pull`, reinstalling) are not run.
- docs/counting.md: here, "From the command line" (its other blocks are Python and file
  formats, not commands).
- docs/ledger.md: here, "Commands", against the throwaway server, with the role and database
  its import names made first (the page assumes them; operating.md shows how).
- docs/councils.md: tests/cli/test_council_commands.py.
- docs/sessions.md: tests/cli/test_sessions.py; continued by docs/convention.md in
  tests/cli/test_convention.py.
- docs/executive.md, continued by docs/discipline.md: tests/cli/test_executive.py.
- docs/minutes.md: tests/cli/test_minutes.py.
- docs/charter.md has no commands: tests/charter/test_docs.py checks every field and example.
- docs/congress.md (its `make run`, as make runs it once installed, serving on a free port),
  docs/api.md (the whole page, on a copy of that demo) and README.md (its commands after
  `make run` and `make test`): tests/docs/test_demo_pages.py.
- docs/submissions.md: tests/docs/test_submissions_page.py, its example.

Not run, and why: docs/translating.md (it rewrites the checkout's catalogues:
tests/web/test_languages.py checks them); docs/benchmarks.md (benchmarks, not tests);
docs/scenarios.md (no shell block; tests/scenario plays both scenarios).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import psycopg

from soviet.ledger import Head, open_ledger, verify_rows
from soviet.service import Organisation
from tests.api.server import free_ports
from tests.conftest import REPO
from tests.docs.guide import make_recipe, walk

DOCS = REPO / "docs"
FIRST_ORGANISATION = "Your first organisation in ten minutes"


def server(url: str) -> dict[str, str]:
    """The libpq variables that point ``psql`` and the pages' URLs at the test server."""
    parts = urlsplit(url)
    return {"PGHOST": str(parts.hostname), "PGPORT": str(parts.port)}


def test_getting_started_first_organisation(tmp_path: Path) -> None:
    [port] = free_ports(1)
    blocks, refusals = walk(DOCS / "getting-started.md", tmp_path, part=FIRST_ORGANISATION,
                            env={"PORT": str(port)})
    assert blocks == 10
    assert refusals == []
    [ledger] = tmp_path.glob("*/riverside.db")
    with Organisation.open(f"sqlite:///{ledger}") as org:
        state = org.state()
        assert verify_rows(org.ledger.rows()).sound
    assert sorted(m.holder for m in state.sitting("committee")) == ["ana", "hal"]
    assert state.mandates["M4"].through == "M2"
    assert state.motions["MO1"].status == "adopted"
    assert state.sessions["S1"].closed is not None


def test_make_run_is_what_getting_started_says() -> None:
    """`make run` cannot be run to its end (it serves until stopped): its recipe, as make
    would run it, is the two commands the page says it runs."""
    soviet = make_recipe("run")
    assert soviet == ["soviet demo --fresh", "soviet serve --db sqlite:///demo.db"]
    page = (DOCS / "getting-started.md").read_text(encoding="utf-8")
    assert all(f"`{command}`" in page for command in soviet)


def test_operating(tmp_path: Path, postgres: str) -> None:
    port, port2 = free_ports(2)
    blocks, refusals = walk(DOCS / "operating.md", tmp_path, part=None,
                            env={"PORT": str(port), "PORT2": str(port2), **server(postgres)})
    assert blocks == 8
    assert refusals == [
        "error: a password has at least 10 characters",
        "error: event 3 of the file: event 3 was altered: its content does not match its hash"]
    [folder] = [p.parent for p in tmp_path.glob("*/harbour.db")]
    with open_ledger(f"sqlite:///{folder / 'damaged.db'}") as damaged:
        assert verify_rows(damaged.rows()).bad_seq == 3
    elsewhere = folder / "elsewhere.db"  # the refused import stored nothing
    assert not elsewhere.exists() or head(f"sqlite:///{elsewhere}").seq == 0
    pg = server(postgres)
    for database in ("harbour", "harbour_restored"):
        url = f"postgresql://harbour:change-me@{pg['PGHOST']}:{pg['PGPORT']}/{database}"
        with open_ledger(url) as ledger:
            assert verify_rows(ledger.rows()).sound
        assert head(url).seq == 5


def head(url: str) -> Head:
    with open_ledger(url) as ledger:
        return ledger.head()


def test_counting_from_the_command_line(tmp_path: Path) -> None:
    blocks, refusals = walk(DOCS / "counting.md", tmp_path, part="From the command line")
    assert (blocks, refusals) == (3, [])


def test_the_ledger_commands(tmp_path: Path, postgres: str) -> None:
    """The page imports into ``postgresql://soviet@localhost/union``: the role and the
    database are made first, and libpq's ``PGPORT`` finds the test server's port."""
    with psycopg.connect(f"{postgres}/postgres", autocommit=True) as db:
        db.execute("CREATE ROLE soviet LOGIN")
        db.execute('CREATE DATABASE "union" OWNER soviet')
    blocks, refusals = walk(DOCS / "ledger.md", tmp_path, part="Commands",
                            env={"PGPORT": server(postgres)["PGPORT"]})
    assert (blocks, refusals) == (1, [])
    assert head(f"{postgres}/union") == head(f"sqlite:///{tmp_path / 'union.db'}")
    assert head(f"{postgres}/union").seq == 1
