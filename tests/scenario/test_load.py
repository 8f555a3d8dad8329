"""Scenario files that cannot be played are refused before anything is recorded, naming the act
and the field; an act the rules refuse stops the run, naming the act, its source and the
refusal; an expected refusal is passed over; and one run of the real `soviet` command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from soviet.ledger import verify_rows
from soviet.scenario import ScenarioInvalid, ScenarioStopped, load_scenario, play
from soviet.service import Organisation

CHARTER = Path(__file__).resolve().parents[2] / "charters" / "soviet-1918.toml"
SOVIET = str(Path(sys.executable).with_name("soviet"))
HEAD = f'''title = "A small soviet"

[[act]]
act = "found"
name = "Small Soviet"
charter = "{CHARTER}"

[[act]]
act = "body"
id = "congress"
name = "Congress"
kind = "congress"
on = 1918-01-01
'''


def scenario(tmp_path: Path, acts: str) -> Path:
    path = tmp_path / "s.toml"
    path.write_text(HEAD + acts, encoding="utf-8")
    return path


def refused(tmp_path: Path, acts: str) -> str:
    with pytest.raises(ScenarioInvalid) as e:
        load_scenario(scenario(tmp_path, acts))
    return str(e.value)


def test_an_unknown_act_is_named_with_its_number(tmp_path: Path) -> None:
    assert refused(tmp_path, '[[act]]\nact = "coronation"\n').startswith(
        "act 3: 'coronation' is not a kind of act; one of ")


def test_a_missing_field_is_named_with_the_act(tmp_path: Path) -> None:
    acts = '[[act]]\nact = "body"\nid = "u"\nname = "U"\non = 1918-01-01\n'
    assert refused(tmp_path, acts) == "act 3 (body): missing field 'kind'"


def test_a_field_of_the_wrong_kind_and_an_unknown_field(tmp_path: Path) -> None:
    acts = '[[act]]\nact = "basis"\nbody = "u"\nbasis = "voters"\nfigure = -5\non = 1918-01-01\n'
    assert refused(tmp_path, acts) == ("act 3 (basis): field 'figure' must be a whole number, "
                                       "0 or more, not -5")
    acts = '[[act]]\nact = "expire"\non = 1918-01-01\nwhen = "now"\n'
    assert refused(tmp_path, acts) == "act 3 (expire): unknown field 'when'; it takes on"


def test_a_label_on_an_act_that_creates_nothing(tmp_path: Path) -> None:
    acts = '[[act]]\nact = "expire"\non = 1918-01-01\nas = "x"\n'
    assert "field 'as' labels a record" in refused(tmp_path, acts)


def test_a_refusal_stops_the_run_with_the_act_its_source_and_the_rule(tmp_path: Path) -> None:
    acts = '''
[[act]]
act = "body"
id = "u"
name = "Unit"
kind = "unit_assembly"
parent = "nowhere"
on = 1918-01-01
source = { work = "A work", date = "1918", where = "x.txt:1" }
'''
    with Organisation.open(f"sqlite:///{tmp_path / 'l.db'}") as org:
        with pytest.raises(ScenarioStopped) as e:
            play(load_scenario(scenario(tmp_path, acts)), org)
        assert str(e.value) == ("act 3 (body) [A work, 1918, x.txt:1]: structure: there is no "
                                "body 'nowhere'")
        assert org.state().seq == 2


def test_an_expected_refusal_is_passed_over_and_an_unmet_one_stops(tmp_path: Path) -> None:
    again = '[[act]]\nact = "body"\nid = "congress"\nname = "C"\nkind = "congress"\n' \
            'on = 1918-01-02\nexpect_refusal = "already exists"\n'
    with Organisation.open(f"sqlite:///{tmp_path / 'a.db'}") as org:
        played = play(load_scenario(scenario(tmp_path, again)), org)
        assert played[-1].refusal is not None and played[-1].events == ()
    unmet = '[[act]]\nact = "body"\nid = "u"\nname = "U"\nkind = "unit_assembly"\n' \
            'parent = "congress"\non = 1918-01-02\nexpect_refusal = "anything"\n'
    with Organisation.open(f"sqlite:///{tmp_path / 'b.db'}") as org, \
            pytest.raises(ScenarioStopped, match=r"act 3 .* expected a refusal"):
        play(load_scenario(scenario(tmp_path, unmet)), org)


def test_the_command_tells_the_acts_and_leaves_a_ledger_soviet_verify_accepts(
        tmp_path: Path) -> None:
    acts = '''
[[act]]
act = "body"
id = "town"
name = "Town Soviet"
kind = "unit_assembly"
parent = "congress"
on = 1918-01-01
says = "A town soviet"
source = { work = "A work", date = "1918", where = "x.txt:1" }

[[act]]
act = "members"
unit = "town"
count = 3
on = 1918-01-01
figures = "illustrative"
'''
    db = f"sqlite:///{tmp_path / 'c.db'}"
    env = {**os.environ, "COLUMNS": "120"}
    run = subprocess.run([SOVIET, "scenario", "run", str(scenario(tmp_path, acts)), "--db", db],
                         capture_output=True, text=True, env=env, timeout=60, check=False)
    assert run.returncode == 0, run.stderr
    assert "  3. 1918-01-01 A town soviet" in run.stdout
    assert "source: A work, 1918, x.txt:1" in run.stdout
    assert "3 members joined town" in run.stdout
    assert "ledger verified: 4 events" in run.stdout
    verify = subprocess.run([SOVIET, "verify", "--db", db], capture_output=True, text=True,
                            env=env, timeout=60, check=False)
    assert verify.returncode == 0, verify.stderr
    with Organisation.open(db) as org:
        assert verify_rows(org.ledger.rows()).sound
