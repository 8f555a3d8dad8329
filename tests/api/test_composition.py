"""Who sits where, through a real server, as ``soviet sits``, ``vacancies`` and
``representation`` show it: N1 elects three delegates to the north council and ranks two
alternates, N2 elects two; then a delegate of each gives up the seat, N1's first alternate
taking it, N2's left to a by-election."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from soviet.counting import as_ballots
from soviet.rules import elections, recall
from soviet.service import Organisation
from tests.api.server import serving
from tests.rules.sessions import convention
from tests.rules.tree import ON, build

N1 = ["n1m1", "n1m2", "n1m3", "n1m4", "n1m5"]
BEFORE = "2026-02-01"
"""A day before either seat was given up."""


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """Reads need no login, as the tree's do: a client with none."""
    url = f"sqlite:///{tmp_path_factory.mktemp('composition') / 'api.db'}"
    with Organisation.open(url) as org:
        tree = build(org, convention())
        ballots = as_ballots([[0, 1, 2, 3, 4]] * 5 + [[1, 2, 3, 0]] * 3 + [[2, 0]] * 2
                             + [[3]] + [[4]], N1)
        tree(elections.elect, "n1", "north", N1, ballots, ON, alternates=2)  # M1-M3; M4, M5
        tree.elect("n2", "north", ["n2m1", "n2m2"])  # M6, M7
        tree(recall.resign, "M1", "2026-03-01")  # n1m4 takes the seat: M8
        tree(recall.resign, "M7", "2026-03-02")  # N2 has no alternate: by-election E3
    with serving(url) as base, httpx.Client(base_url=base, timeout=10) as client:
        yield client


def seats(answer: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [(m["id"], m["holder"], m["electorate"]) for m in answer["sitting"]]


def test_who_sits_now_with_the_alternates_waiting(api: httpx.Client) -> None:
    r = api.get("/api/bodies/north/sitting")
    assert r.status_code == 200, r.text
    now = r.json()
    assert now["on"] is None
    assert seats(now) == [("M8", "n1m4", "n1"), ("M2", "n1m2", "n1"), ("M3", "n1m3", "n1"),
                          ("M6", "n2m1", "n2")]
    assert now["sitting"][0]["substitutes"] == "M1"
    assert [(a["id"], a["holder"], a["rank"], a["role"]) for a in now["alternates"]] == [
        ("M5", "n1m5", 2, "alternate")]


def test_who_sat_on_a_past_day(api: httpx.Client) -> None:
    then = api.get("/api/bodies/north/sitting", params={"on": BEFORE}).json()
    assert then["on"] == BEFORE and "alternates" not in then
    assert seats(then) == [("M1", "n1m1", "n1"), ("M2", "n1m2", "n1"), ("M3", "n1m3", "n1"),
                           ("M6", "n2m1", "n2"), ("M7", "n2m2", "n2")]
    assert seats(api.get("/api/bodies/north/sitting", params={"on": "2025-12-31"}).json()) == []


def test_the_seats_left_empty(api: httpx.Client) -> None:
    r = api.get("/api/bodies/north/vacancies")
    assert r.status_code == 200, r.text
    assert r.json() == [{"body": "north", "electorate": "n2", "seats": 2, "held": 1,
                         "vacant": 1, "pending_by_election": "E3"}]
    everywhere = api.get("/api/vacancies").json()
    assert [v for v in everywhere if v["body"] == "north"] == r.json()
    assert {(v["body"], v["electorate"], v["vacant"]) for v in everywhere} >= {
        ("congress", "north", 156), ("south", "s3", 2), ("exec", "congress", 15)}
    assert api.get("/api/bodies/n1/vacancies").json() == []


def test_representation_against_the_fair_share(api: httpx.Client) -> None:
    r = api.get("/api/bodies/north/representation")
    assert r.status_code == 200, r.text
    assert r.json() == [
        {"unit": "n1", "basis": 1000, "apportioned": 3, "held": 3, "ideal": "50/13",
         "deviation": "-11/13", "ratio": "39/50"},
        {"unit": "n2", "basis": 300, "apportioned": 2, "held": 1, "ideal": "15/13",
         "deviation": "-2/13", "ratio": "13/15"}]


def test_unknown_bodies_days_and_unapportioned_seats(api: httpx.Client) -> None:
    for path in ("sitting", "vacancies", "representation"):
        r = api.get(f"/api/bodies/nowhere/{path}")
        assert r.status_code == 404 and r.json()["detail"] == "there is no body 'nowhere'"
    r = api.get("/api/bodies/n1/representation")
    assert r.status_code == 404
    assert r.json()["detail"] == "there is no apportionment of seats in 'n1'"
    r = api.get("/api/bodies/north/sitting", params={"on": "1 May"})
    assert r.status_code == 422 and "YYYY-MM-DD" in r.json()["detail"]
