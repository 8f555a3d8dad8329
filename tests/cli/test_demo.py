"""``soviet demo`` (what ``make run`` shows): the real command builds, elects and recalls through
the rules, and the ledger it leaves holds a sound council tree."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from soviet.ledger import verify_rows
from soviet.service import Organisation
from soviet.service.queries import chain

SOVIET = str(Path(sys.executable).with_name("soviet"))


def test_the_demo_recalls_a_delegate_through_three_levels(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    r = subprocess.run([SOVIET, "demo", "--fresh", "--db", url], capture_output=True, text=True,
                       env={**os.environ, "COLUMNS": "100"}, timeout=60, check=False)
    assert r.returncode == 0, r.stderr
    ended = [line for line in r.stdout.splitlines() if " ends: " in line]
    assert [line.split(" ends: ")[1] for line in ended][:3] == [
        "recalled", *["cascade with " + ended[0].split()[1]] * 2]
    substitutes = [line for line in r.stdout.splitlines()
                   if line.startswith("#") and "in place of" in line]
    assert len(substitutes) == 3, "an alternate steps in at each of the three levels"
    assert "ledger verified" in r.stdout

    with Organisation.open(url) as org:
        state = org.state()
        assert verify_rows(org.ledger.rows()).sound
    assert sum(state.unit_sizes.values()) == 3000
    seated = Counter(m.body for mids in state.seated.values()
                     for m in map(state.mandates.__getitem__, mids))
    assert seated["executive"] == 5
    for body, apportioned in state.apportionments.items():
        assert seated[body] <= sum(apportioned.seats.values())
    for mids in state.seated.values():
        for mid in mids:
            links = chain(state, mid)
            assert all(link.mandate.live for link in links)
            assert state.bodies[links[-1].electorate].kind == "unit_assembly"
