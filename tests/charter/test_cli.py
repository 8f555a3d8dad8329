"""``soviet charter check``: a summary and exit 0, or each problem as ``path: message``, exit 1."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from soviet.cli.main import app
from tests.charter.files import DOCS, ROOT, SOVIET_1918, UNION

runner = CliRunner()


def _broken_union(tmp_path: Path) -> Path:
    """The union charter with the three faults docs/charter.md shows."""
    text = UNION.read_text(encoding="utf-8")
    congress = text.index("[congress]\n")
    text = (
        text[:congress]
        + text[congress:].replace('quorum = "1/2"', 'quorum = "3/2"\nqourum = "1/2"', 1)
    ).replace('method = "meek-stv"', 'method = "meek_stv"')
    broken = tmp_path / "broken.toml"
    broken.write_text(text, encoding="utf-8")
    return broken


def test_a_sound_charter_gets_a_summary() -> None:
    result = runner.invoke(app, ["charter", "check", str(UNION)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "ok: Federation of Independent Workers' Unions, 5 bodies (unit_assembly, council, "
        "congress, executive, control_commission), 2 scales, 6 portfolios, 6 penalties, "
        "8 admission conditions\n"
    )
    result = runner.invoke(app, ["charter", "check", str(SOVIET_1918)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: Russian Socialist Federated Soviet Republic, 4 bodies")


def test_every_problem_is_a_line_and_the_exit_is_1(tmp_path: Path) -> None:
    broken = _broken_union(tmp_path)
    result = runner.invoke(app, ["charter", "check", str(broken)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "congress.quorum: must be a fraction between 0 and 1, got 3/2",
        'congress.qourum: is not a charter key; did you mean "quorum"?',
        'executive.election.method: is not a known counting method, got "meek_stv"; '
        'did you mean "meek-stv"?',
        f"3 problems in {broken}",
    ]


def test_a_syntax_error_is_reported_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "x"\n[congress\n', encoding="utf-8")
    result = runner.invoke(app, ["charter", "check", str(bad)])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "line 2: TOML syntax error at column 10: Expected ']' at the end of a table declaration"
    )


def test_the_docs_show_what_the_command_prints(tmp_path: Path) -> None:
    broken = _broken_union(tmp_path)
    shown = DOCS.read_text(encoding="utf-8")
    block = re.search(r"```\n(\$ soviet charter check .*?)```", shown, re.DOTALL)
    assert block is not None
    good = runner.invoke(app, ["charter", "check", str(UNION)]).output
    bad = runner.invoke(app, ["charter", "check", str(broken)]).output
    expected = (
        "$ soviet charter check charters/union-federation.toml\n"
        + good
        + "\n$ soviet charter check broken.toml\n"
        + bad.replace(str(broken), "broken.toml")
    )
    assert block.group(1) == expected


def test_the_installed_command_exits_0_and_1(tmp_path: Path) -> None:
    soviet = Path(sys.executable).parent / "soviet"
    good = subprocess.run(
        [soviet, "charter", "check", str(SOVIET_1918)],
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert good.returncode == 0, good.stderr
    assert good.stdout.startswith("ok: ")
    bad = subprocess.run(
        [soviet, "charter", "check", str(_broken_union(tmp_path))],
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert bad.returncode == 1
    assert "congress.quorum: must be a fraction between 0 and 1, got 3/2" in bad.stdout.splitlines()
