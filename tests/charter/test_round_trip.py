"""The ledger keeps the charter as JSON; it must come back equal, fractions exact."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from soviet.charter import CharterInvalid, charter_from_json, charter_to_json, load_charter
from tests.charter.files import SOVIET_1918, UNION


def _nulls(value: Any) -> bool:
    if isinstance(value, dict):
        return any(item is None or _nulls(item) for item in value.values())
    if isinstance(value, list):
        return any(_nulls(item) for item in value)
    return False


@pytest.mark.parametrize("path", [UNION, SOVIET_1918], ids=lambda p: Path(p).stem)
def test_json_round_trip_is_exact(path: Path) -> None:
    charter = load_charter(path)
    stored = json.loads(json.dumps(charter_to_json(charter)))
    back = charter_from_json(stored)
    assert back == charter
    assert charter_to_json(back) == stored
    assert not _nulls(stored)


def test_values_are_stored_in_plain_words() -> None:
    stored = charter_to_json(load_charter(UNION))
    assert stored["congress"]["quorum"] == "1/2"
    assert stored["unit_assembly"]["quorum"] == "1/20"
    assert stored["executive"]["quorum"] == "8/15"
    assert stored["congress"]["interval"] == "4 years"
    assert stored["convention"]["motion_deadline"] == "56 days"
    assert stored["adopted"] == "2023-06-17"
    assert stored["debate"]["speaking_time"]["point_of_order"] == "1 minute"
    assert stored["discipline"]["penalties"][3]["decided_by"] == ["executive", "control_commission"]


def test_stored_json_is_checked_again(tmp_path: Path) -> None:
    stored = charter_to_json(load_charter(UNION))
    stored["congress"]["quorum"] = "3/2"
    with pytest.raises(CharterInvalid) as caught:
        charter_from_json(stored)
    assert caught.value.source == "charter (JSON)"
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("congress.quorum", "must be a fraction between 0 and 1, got 3/2")
    ]
