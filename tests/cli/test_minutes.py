"""``soviet minutes`` through the real binary: the congress of :mod:`tests.service.congress` as
Markdown (the same text the service writes), a web page and a PDF in files, the refusals each
one line; and the walkthrough of docs/minutes.md as a user pastes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from soviet.service.minutes import minutes
from tests.cli.test_council_commands import soviet
from tests.conftest import REPO
from tests.docs.guide import walk
from tests.service.congress import Congress, congress_at

GUIDE = REPO / "docs" / "minutes.md"


@pytest.fixture(scope="module")
def congress(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Congress]:
    url = f"sqlite:///{tmp_path_factory.mktemp('minutes') / 'congress.db'}"
    return url, congress_at(url)


def test_markdown_on_the_standard_output(congress: tuple[str, Congress]) -> None:
    url, c = congress
    r = soviet("minutes", c.session, db=url)
    assert (r.returncode, r.stderr) == (0, "")
    assert r.stdout == minutes(c.state, c.events, c.session)
    assert r.stdout.startswith("# Minutes: Fifth Congress\n")


def test_a_web_page_and_a_pdf_in_files(congress: tuple[str, Congress], tmp_path: Path
                                       ) -> None:
    url, c = congress
    page, paper = tmp_path / "congress.html", tmp_path / "congress.pdf"
    r = soviet("minutes", c.session, "--format", "html", "-o", str(page), db=url)
    assert (r.returncode, r.stdout) == (0, "")
    assert r.stderr == f"wrote the minutes of {c.session} (html) to {page}\n"
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<h2>Item 1: Programme of action</h2>" in html
    assert "&lt;script&gt;" in html and "<script>" not in html
    r = soviet("minutes", c.session, "--format", "pdf", "--output", str(paper), db=url)
    assert (r.returncode, r.stdout) == (0, "")
    assert r.stderr == f"wrote the minutes of {c.session} (pdf) to {paper}\n"
    made = paper.read_bytes()
    assert made.startswith(b"%PDF-") and len(made) > 10_000


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--format", "pdf"], 2, "error: --format pdf writes a binary file: give -o FILE"),
        (["--format", "docx"], 2, "error: "),
    ],
    ids=["pdf-to-stdout", "unknown-format"],
)
def test_refusals_are_one_line(congress: tuple[str, Congress], args: list[str], code: int,
                               message: str) -> None:
    url, c = congress
    r = soviet("minutes", c.session, *args, db=url)
    assert r.returncode == code
    assert r.stderr.startswith(message) and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert r.stdout == ""


def test_no_such_session(congress: tuple[str, Congress], tmp_path: Path) -> None:
    url, _ = congress
    r = soviet("minutes", "S99", db=url)
    assert (r.returncode, r.stdout, r.stderr) == (1, "", "error: there is no session 'S99'\n")
    r = soviet("minutes", "S1", db=f"sqlite:///{tmp_path / 'empty.db'}")
    assert r.returncode == 1
    assert r.stderr.startswith("error: no organisation has been founded in this ledger")


def test_the_guide_walkthrough_prints_what_it_shows(tmp_path: Path) -> None:
    """Pasted in the project's folder, for which the harness stands in."""
    blocks, refusals = walk(GUIDE, tmp_path)
    assert blocks == 3
    assert refusals == ["error: --format pdf writes a binary file: give -o FILE"]
    [folder] = [p.parent for p in tmp_path.glob("*/branch.db")]
    assert (folder / "spring-meeting.pdf").read_bytes().startswith(b"%PDF-")
    assert "<h1>Minutes: Spring meeting</h1>" in (folder / "spring-meeting.html").read_text(
        encoding="utf-8")
