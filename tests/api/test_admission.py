"""Admission to the federation through a real server: an application recorded, examined
condition by condition and decided by who administers the congress (the body the charter
names to admit), everyone else refused by ``roles``; the rules' refusals naming rule and
clause; the members due to be examined again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.test_executive import Clients, refused, served
from tests.rules.sessions import DELEGATES, NORTH, OPENS, convention, sitting
from tests.rules.test_executive import carried
from tests.rules.tree import Tree


@pytest.fixture
def api(tmp_path: Path) -> Iterator[Clients]:
    """The congress with its executive (the north's delegates), sitting, with a motion to
    admit the Dockers' Union adopted (MO1)."""
    def setup(tree: Tree) -> None:
        tree.elect("congress", "exec", NORTH)
        carried(tree, sitting(tree), "n1m1", "s1m1", dict.fromkeys(DELEGATES, "yes"),
                kind="admission", title="Admit the Dockers' Union")
    with served(tmp_path, convention(), setup) as clients:
        yield clients


def test_an_application_examined_condition_by_condition_and_decided(api: Clients) -> None:
    chair, delegate = api("n1m1"), api("s1m1")
    applying = {"organisation": "Dockers' Union", "on": OPENS}
    refused(delegate.post("/api/applications", json=applying),
            "roles", "s1m1 does not administer congress for an application to join; the "
            "members of exec do")
    r = chair.post("/api/applications", json=applying)
    assert r.status_code == 201 and r.json()[0]["payload"]["application"] == "A1"
    refused(chair.post("/api/applications", json=applying),
            "federation", "Dockers' Union has application A1 pending")
    # examined condition by condition: a request records all its findings or none
    finding = {"numbers": [1, 2, 3, 5, 6, 7, 9], "met": True, "on": OPENS}
    refusal = refused(chair.post("/api/applications/A1/findings", json=finding),
                      "federation", "the charter has conditions 1 to 8, not 9")
    assert refusal["clause"].startswith("[federation].conditions")
    assert api("n1m3").get("/api/applications/A1").json()["findings"] == []
    refused(delegate.post("/api/applications/A1/findings", json={**finding, "numbers": [1]}),
            "roles", "s1m1 does not administer congress for examining application A1")
    r = chair.post("/api/applications/A1/findings", json={**finding, "numbers": [1, 2, 3, 5, 6,
                                                                                  7]})
    assert [e["payload"]["number"] for e in r.json()] == [1, 2, 3, 5, 6, 7]
    assert chair.post("/api/applications/A1/findings", json={
        "numbers": [4], "met": False, "note": "180 paying members", "on": OPENS}
        ).status_code == 201
    decision = {"motion": "MO1", "on": OPENS}
    refused(chair.post("/api/applications/A1/decision", json=decision),
            "federation", "condition(s) 8 not yet examined")
    assert chair.post("/api/applications/A1/findings", json={**finding, "numbers": [8]}
                      ).status_code == 201
    refusal = refused(chair.post("/api/applications/A1/decision", json=decision),
                      "federation", "condition(s) 4 found not met")
    assert refusal["clause"].startswith("[federation].conditions")
    assert chair.post("/api/applications/A1/findings", json={
        "numbers": [4], "met": True, "note": "210 paying members after the spring drive",
        "on": OPENS}).status_code == 201
    refused(delegate.post("/api/applications/A1/decision", json=decision),
            "roles", "s1m1 does not administer congress for deciding application A1")
    r = chair.post("/api/applications/A1/decision", json=decision)
    assert r.status_code == 201, r.text
    assert r.json()[0]["payload"]["admitted"] is True
    shown = api("n1m3").get("/api/applications/A1").json()
    assert (shown["admitted"], shown["motion"]) == (True, "MO1")
    assert [c["number"] for c in shown["conditions"]] == list(range(1, 9))
    fourth = shown["conditions"][3]
    assert fourth["condition"].startswith("It has at least 200 paying members")
    assert fourth["finding"]["note"] == "210 paying members after the spring drive"
    assert [a["id"] for a in api("n1m3").get("/api/applications").json()] == ["A1"]
    # re-examined when the charter's three years have passed
    assert api("n1m3").get("/api/applications/due?on=2029-04-30").json() == []
    assert [a["id"] for a in api("n1m3").get("/api/applications/due?on=2029-05-01").json()
            ] == ["A1"]
    assert api("n1m3").get("/api/applications/due?on=tomorrow").status_code == 422
    assert api("n1m3").get("/api/applications/A9").status_code == 404
    for act in ("findings", "decision"):
        assert chair.post(f"/api/applications/A9/{act}", json={
            **finding, **decision}).status_code == 404
