"""``soviet count``: the real command in a subprocess, as a user runs it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from soviet.cli.count import rounds_tables
from soviet.counting import METHODS
from soviet.counting.result import Result, Round

SOVIET = Path(sys.executable).with_name("soviet")
PEER = Path(__file__).resolve().parents[3] / "shared" / "peer" / "stv"


def soviet(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SOVIET), *map(str, args)],
        capture_output=True,
        text=True,
        env={"COLUMNS": "120", "PATH": "/usr/bin:/bin"},
        check=False,
    )


def test_counts_a_blt_file_and_prints_the_rounds() -> None:
    run = soviet("count", PEER / "blt" / "42.blt", "--method", "plurality", "--seats", "1")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Pollux and Helen should tie: plurality, 1 seat(s)\n")
    assert "Castor" in run.stdout and "4 ✓" in run.stdout and "exhausted" in run.stdout
    assert run.stdout.rstrip().endswith("elected: Castor")


def test_json_is_the_result() -> None:
    run = soviet("count", PEER / "blt" / "513.blt", "-m", "plurality", "-s", "1", "--json")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["method"] == "plurality" and result["elected"] == ["Castor"]
    assert result["rounds"][0]["votes"] == {"Castor": 5, "Pollux": 1, "Helen": 3}


def test_a_malformed_file_is_one_line_naming_its_line_and_nothing_is_counted(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "a-directory-with-a-rather-long-name-so-the-message-passes-80" / "bad.blt"
    bad.parent.mkdir()
    bad.write_text("3 1\n1 1 0\n1 2 4 0\n0\nA\nB\nC\n")
    run = soviet("count", bad, "-m", "plurality")
    assert run.returncode != 0 and run.stdout == ""
    assert run.stderr.count("\n") == 1
    assert run.stderr == f"error: {bad}: line 3: candidate 4 but only 3 candidates declared\n"


def test_unknown_method_lists_the_known_ones() -> None:
    run = soviet("count", PEER / "blt" / "42.blt", "-m", "sortition")
    assert run.returncode != 0 and "unknown counting method 'sortition'" in run.stderr
    assert "plurality" in run.stderr


def test_csv_files_count_too(tmp_path: Path) -> None:
    path = tmp_path / "ballots.csv"
    path.write_text("count,Ada,Bo,Cy\n3,1,2,\n4,,1,2\n2,2,,1\n")
    run = soviet("count", path, "-m", "plurality", "--json")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["elected"] == ["Bo"]


def test_withdrawn_candidates_are_struck_out_for_a_method_without_withdrawal() -> None:
    run = soviet("count", PEER / "blt" / "SCw.blt", "-m", "plurality", "-s", "1", "--json")
    result = json.loads(run.stdout)
    assert "Pat LaMarche" not in result["candidates"] and len(result["candidates"]) == 12
    votes = result["rounds"][0]["votes"]
    assert sum(votes.values()) + result["rounds"][0]["exhausted"] == 94


def test_seed_is_recorded_and_refused_where_no_lot_is_drawn() -> None:
    args = ("count", PEER / "blt" / "42.blt", "-s", "1", "--seed", "7")
    run = soviet(*args, "-m", "plurality", "--json")
    assert json.loads(run.stdout)["options"]["seed"] == 7
    run = soviet(*args, "-m", "motion")
    assert run.returncode != 0 and "motion draws no lots, so --seed has no use" in run.stderr


@pytest.mark.skipif("scottish-stv" not in METHODS, reason="scottish-stv not registered yet")
def test_a_party_list_threshold_is_passed_and_refused_elsewhere(tmp_path: Path) -> None:
    """Red 60, Green 30, Blue 10 for 3 seats: D'Hondt gives 2-1-0; a 35% bar leaves Green out."""
    blt = tmp_path / "lists.blt"
    blt.write_text('3 3\n60 1 0\n30 2 0\n10 3 0\n0\n"Red"\n"Green"\n"Blue"\n"Lists"\n')
    run = soviet("count", blt, "-m", "dhondt", "--json")
    assert json.loads(run.stdout)["allocation"] == {"Red": 2, "Green": 1, "Blue": 0}
    run = soviet("count", blt, "-m", "dhondt", "--threshold", "35/100", "--json")
    result = json.loads(run.stdout)
    assert result["allocation"] == {"Red": 3, "Green": 0, "Blue": 0}
    assert result["options"]["threshold"] == "7/20"
    run = soviet("count", blt, "-m", "irv", "--threshold", "1/5")
    assert run.returncode != 0 and "irv has no threshold" in run.stderr


def test_a_party_list_count_prints_the_seats_of_each_list(tmp_path: Path) -> None:
    blt = tmp_path / "lists.blt"
    blt.write_text('3 3\n60 1 0\n30 2 0\n10 3 0\n0\n"Red"\n"Green"\n"Blue"\n"Lists"\n')
    run = soviet("count", blt, "-m", "dhondt")
    assert run.returncode == 0, run.stderr
    seats = run.stdout[run.stdout.index("Seats per list"):]
    rows = [line.split() for line in seats.splitlines() if line.startswith("│")]
    assert rows == [["│", name, "│", n, "│"] for name, n in
                    (("Red", "2"), ("Green", "1"), ("Blue", "0"), ("total", "3"))]
    assert "Seats per list" not in soviet("count", blt, "-m", "irv", "-s", "1").stdout


WARD = '4 2\n12 1 2 0\n4 1 3 0\n7 2 3 0\n6 3 2 0\n5 4 3 0\n0\n"A"\n"B"\n"C"\n"D"\n"Ward"\n'


def test_figures_are_plain_decimals_at_the_rules_places(tmp_path: Path) -> None:
    """Meek's guarded arithmetic keeps 27 digits but publishes 18 places: no ``0E-27``, no
    guard digits; zero is 0; Scottish figures keep their five places."""
    blt = tmp_path / "ward.blt"
    blt.write_text(WARD)
    for method, places in (("meek-stv", 18), ("scottish-stv", 5)):
        run = soviet("count", blt, "-m", method, "-s", "3")
        assert run.returncode == 0, run.stderr
        figures = re.findall(r"[│ ]([0-9][0-9.E+-]*)(?= [✓✗]? *│)", run.stdout)
        assert figures and "0" in figures
        assert all(f == "0" or re.fullmatch(rf"[1-9]?\d\.\d{{{places}}}", f) for f in figures), \
            (method, figures)
        assert f"16.{'0' * places} ✓" in run.stdout


def test_a_statutory_count_elects_whom_the_reference_count_elects() -> None:
    run = soviet(
        "count", PEER / "blt" / "scotland" / "Govan-2007.blt", "-m", "scottish-stv", "--json"
    )
    assert run.returncode == 0, run.stderr
    dump = (PEER / "dump" / "scotland" / "Govan-2007-scotland-fixed-p5-d5.txt").read_text()
    end = next(ln for ln in dump.splitlines() if ln.startswith("X\tend")).split("\t")[4:]
    elected = {end[i] for i in range(0, len(end), 3) if end[i + 1] == "E"}
    assert set(json.loads(run.stdout)["elected"]) == elected


def test_wide_counts_are_split_into_tables_that_fit() -> None:
    names = ("Ann", "Bartholomew Longname", "Cy")
    rounds = tuple(
        Round(k, (1000.5 + k, 2000.25, 30.0), action="transfer", quota=1500.0) for k in range(12)
    )
    result = Result("test", names, 1, ("Bartholomew Longname",), rounds=rounds)
    console = Console(width=70, record=True, color_system=None)
    tables = rounds_tables(result, 70)
    assert len(tables) > 2
    for table in tables:
        console.print(table)
    text = console.export_text()
    assert max(map(len, text.splitlines())) <= 70
    assert text.count("Bartholomew Longname") == len(tables)
    assert all(f"{1000.5 + k:.5f}" in text for k in range(12))


def test_undeclared_write_ins_reach_the_minneapolis_rule() -> None:
    if "minneapolis-stv" not in METHODS:
        pytest.skip("minneapolis-stv not registered yet")
    run = soviet(
        "count", PEER / "blt" / "mpls" / "undeclared.blt", "-m", "minneapolis-stv", "--json"
    )
    assert run.returncode == 0, run.stderr
    second = json.loads(run.stdout)["rounds"][1]
    assert second["defeated"] == ["Paris"]
