"""The pages that use the demo `make run` serves at port 8000, run as a user pastes them
(the harness is :mod:`tests.docs.guide`), each on a free port instead:

- docs/congress.md: its `make run`, as make runs it once installed (the recipe
  tests/docs/test_guide.py checks): the demo is built once here, for every test of the module,
  and served; then the pages the page sends chairs and delegates to answer them.
- docs/api.md: the whole page in page order, on a copy of the demo served by `soviet serve`;
  the page's own two servers each get a free port of their own.
- README.md: its commands after `make run` and `make test` (which test_guide.py checks), on a
  copy of the demo.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import httpx
import pytest

from soviet.ledger import verify_rows
from soviet.service import Organisation
from tests.api.server import free_ports, served
from tests.conftest import REPO
from tests.docs.guide import make_recipe, walk

DOCS = REPO / "docs"
SOVIET = str(Path(sys.executable).with_name("soviet"))
LOGIN = re.compile(r"^\s+(chair|delegate):\s+(\S+) / (\S+) \(", re.MULTILINE)


@dataclass(frozen=True)
class Demo:
    folder: Path
    """The checkout stand-in `make run` ran in, with its ``demo.db``."""
    blocks: int
    refusals: list[str]
    """What the harness found running the page (see :func:`tests.docs.guide.walk`)."""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    """docs/congress.md's `make run`: its recipe's commands, the server on a free port."""
    folder = tmp_path_factory.mktemp("make-run")
    [port] = free_ports(1)
    recipe = "\n".join(make_recipe("run")) + f" --port {port}"
    blocks, refusals = walk(DOCS / "congress.md", folder, part=None,
                            rewrite={"make run": recipe, "127.0.0.1:8000": f"127.0.0.1:{port}"})
    return Demo(folder, blocks, refusals)


def copy_of_the_demo(demo: Demo, cwd: Path) -> str:
    """A copy of the demo's ledger as ``demo.db`` in ``cwd`` (a page that changes it changes
    its own); its URL."""
    shutil.copyfile(demo.folder / "demo.db", cwd / "demo.db")
    return f"sqlite:///{cwd / 'demo.db'}"


def test_congress_make_run_prints_what_the_page_shows(demo: Demo) -> None:
    assert (demo.blocks, demo.refusals) == (1, [])
    with Organisation.open(f"sqlite:///{demo.folder / 'demo.db'}") as org:
        assert verify_rows(org.ledger.rows()).sound
        state = org.state()
    first, sitting = state.sessions["S1"], state.sessions["S2"]
    assert first.closed is not None and first.closed < date.today().isoformat()
    assert (sitting.opened, sitting.closed) == (date.today().isoformat(), None)
    assert len(sitting.agenda) == 3
    assert sitting.present == set(sitting.credentials.admitted)
    assert state.motions["MO6"].status == "admitted"


def test_congress_pages_answer_the_chair_and_the_delegate(demo: Demo, tmp_path: Path) -> None:
    """Every path the page names answers; the chair's console is on the session page for the
    chair only, and the delegate is told the votes they carry."""
    page = (DOCS / "congress.md").read_text(encoding="utf-8")
    paths = sorted(set(re.findall(r"`(/[\w/]*)`", page)))
    assert paths == ["/login", "/sessions/S1/minutes", "/sessions/S2", "/sessions/S2/minutes",
                     "/sessions/S2/projector"]
    logins = {role: (member, password) for role, member, password in LOGIN.findall(page)}
    url = copy_of_the_demo(demo, tmp_path)
    with served(url) as base:
        for role, (member, password) in logins.items():
            with httpx.Client(base_url=base) as client:
                r = client.post("/api/login", json={"member": member, "password": password})
                assert r.status_code == 200, r.text
                for path in paths:
                    assert client.get(path).status_code == 200, (role, path)
                session = client.get("/sessions/S2").text
                assert ('id="chair"' in session) == (role == "chair"), role
                assert "You carry" in session, role
    minutes = subprocess.run([SOVIET, "minutes", "S2", "--db", url], capture_output=True,
                             text=True, timeout=60, check=False)
    assert minutes.returncode == 0, minutes.stderr
    assert "Strike fund" in minutes.stdout


def test_api_page_in_page_order(demo: Demo, tmp_path: Path) -> None:
    url = copy_of_the_demo(demo, tmp_path)
    harbour, workers = free_ports(2)
    with served(url) as base:
        port = base.rsplit(":", 1)[1]
        blocks, refusals = walk(DOCS / "api.md", tmp_path, part=None, rewrite={
            "localhost:8000": f"localhost:{port}",
            "sqlite:///harbour.db --port 8000": f"sqlite:///harbour.db --port {harbour}",
            "sqlite:///congress.db --workers 2": f"sqlite:///congress.db --workers 2 --port "
                                                 f"{workers}"})
    assert blocks >= 7 and refusals == []
    assert (tmp_path / "harbour.db").exists() and (tmp_path / "congress.db").exists()
    with Organisation.open(url) as org:
        state = org.state()
    elected = sorted((m.holder, m.role) for m in state.mandates.values()
                     if (m.electorate, m.body) == ("harbour-pilots", "north"))
    assert elected == [("ana", "delegate"), ("ben", "alternate"), ("cy", "delegate")]
    assert [(o.holder, o.portfolio) for o in state.offices.values()] == [
        ("kavya-rao", "Treasurer")]
    assert (state.motions["MO6"].status, state.motions["MO6"].referred_to) == (
        "referred", "executive")
    outcome = state.polls["PO6"].outcome
    assert outcome is not None and not outcome.adopted


def test_readme_commands(demo: Demo, tmp_path: Path) -> None:
    """The README's commands after `make run`: the last reads the demo it built."""
    copy_of_the_demo(demo, tmp_path)
    blocks, refusals = walk(REPO / "README.md", tmp_path, part="What works today")
    assert (blocks, refusals) == (1, [])
    with Organisation.open(f"sqlite:///{tmp_path / 'union.db'}") as org:
        assert org.ledger.head().seq == 1
