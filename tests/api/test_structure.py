"""The charter amended and the tree reshaped through the API: by the executive the congress
elected, which administers every body below it; anyone else refused by rule ``roles``, an
unknown body a 404, and the structure rule's refusals passed on with their clause."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from soviet.rules.membership import join
from soviet.rules.structure import create_body
from soviet.service import Organisation
from tests.api.server import serving
from tests.api.test_api import logged_in, passwords
from tests.conftest import REPO
from tests.rules.sessions import delegates
from tests.rules.tree import ON, Tree, build, roll

CHAIR, MEMBER = "n2m1", "n1m1"
"""A delegate to the congress on the executive it elected (who administers every body), and
a delegate who administers none."""


@contextmanager
def administered(folder: Path, prepare: Callable[[Tree], object] = lambda _: None,
                 logins: tuple[str, ...] = (CHAIR, MEMBER)) -> Iterator[dict[str, httpx.Client]]:
    """The test tree with its delegates and an executive of CHAIR, ``prepare``d, served; a
    logged-in client for each of ``logins``."""
    url = f"sqlite:///{folder / 'org.db'}"
    with Organisation.open(url) as org:
        tree = delegates(build(org))
        tree.elect("congress", "exec", [CHAIR])
        prepare(tree)
    passwords(url, logins)
    with serving(url) as base:
        clients = {member: logged_in(base, member) for member in logins}
        try:
            yield clients
        finally:
            for client in clients.values():
                client.close()


def refused(r: httpx.Response, rule: str) -> dict[str, Any]:
    """The refusal ``r`` answers, which must come from ``rule``."""
    assert r.status_code == 409, r.text
    refusal: dict[str, Any] = r.json()["refused"]
    assert refusal["rule"] == rule, refusal
    return refusal


def test_the_charter_is_amended_by_the_executive(tmp_path: Path) -> None:
    text = (REPO / "charters" / "union-federation.toml").read_text(encoding="utf-8")
    amended = text.replace('name = "Federation of Independent Workers\' Unions"',
                           'name = "Federation of United Workers\' Unions"')
    assert amended != text
    with administered(tmp_path) as clients:
        chair, member = clients[CHAIR], clients[MEMBER]
        assert chair.get("/api/charter").json()["name"] == (
            "Federation of Independent Workers' Unions")
        r = member.post("/api/charter/amendments", json={"charter": amended})
        assert refused(r, "roles")["message"] == (
            "roles: n1m1 does not administer congress for amending the charter; the members "
            "of exec do")
        refused(chair.post("/api/charter/amendments", json={"charter": text}), "charter")
        r = chair.post("/api/charter/amendments", json={"charter": "name = 3\n"})
        assert r.status_code == 422
        assert {"path": "name", "message": "must be text in quotes, got 3"} in r.json()["detail"]
        r = chair.post("/api/charter/amendments", json={"charter": "a = " + "[" * 5000})
        assert r.status_code == 422 and r.json()["detail"] == [
            {"path": "file", "message": "is not valid TOML: nested too deeply to read"}]
        r = chair.post("/api/charter/amendments", json={"charter": amended, "decision": 7})
        assert r.status_code == 201, r.text
        [event] = r.json()
        assert event["type"] == "charter.amended" and event["payload"]["decision"] == 7
        assert chair.get("/api/charter").json()["name"] == "Federation of United Workers' Unions"
        anonymous = httpx.post(chair.base_url.join("/api/charter/amendments"),
                               json={"charter": amended})
        assert anonymous.status_code == 401


def test_bodies_are_set_up_moved_merged_and_dissolved(tmp_path: Path) -> None:
    with administered(tmp_path) as clients:
        chair, member = clients[CHAIR], clients[MEMBER]
        unit = {"body": "n3", "name": "N3", "kind": "unit_assembly", "parent": "north",
                "on": ON}
        refused(member.post("/api/bodies", json=unit), "roles")
        assert chair.post("/api/bodies", json={**unit, "parent": "east"}).status_code == 404
        r = chair.post("/api/bodies", json={**unit, "kind": "executive"})
        assert refused(r, "structure")["clause"] == "[executive.election].by = \"congress\""
        r = chair.post("/api/bodies", json=unit)
        assert r.status_code == 201 and r.json()[0]["payload"]["parent"] == "north"
        refused(chair.post("/api/bodies", json={**unit, "parent": None}), "structure")
        # a move needs its administrator to answer for both places
        refused(member.post("/api/bodies/n3/move", json={"parent": "south"}), "roles")
        assert chair.post("/api/bodies/n9/move", json={"parent": "south"}).status_code == 404
        r = chair.post("/api/bodies/n3/move", json={"parent": "north"})
        assert refused(r, "structure")["reason"] == "N3 already stands under North"
        r = chair.post("/api/bodies/n3/move", json={"parent": "south", "on": ON})
        assert r.status_code == 201 and r.json()[0]["type"] == "body.moved"
        assert chair.get("/api/bodies/n3").json()["parent"] == "south"
        refused(member.post("/api/bodies/s3/merge", json={"units": ["n3"]}), "roles")
        r = chair.post("/api/bodies/s3/merge", json={"units": ["n1"]})
        assert "not units of the same body" in refused(r, "structure")["reason"]
        r = chair.post("/api/bodies/s3/merge", json={"units": ["n3"], "on": ON})
        assert r.status_code == 201 and r.json()[0]["payload"] == {
            "bodies": ["n3"], "into": "s3", "on": ON}
        assert chair.get("/api/bodies/n3").json()["dissolved"] == ON
        r = chair.post("/api/bodies/n3/dissolve", json={})
        assert refused(r, "structure")["reason"] == f"N3 was dissolved on {ON}"
        r = chair.post("/api/bodies/n1/dissolve", json={})
        assert refused(r, "structure")["reason"] == (
            "N1 still has 1000 members: transfer them first")
        assert chair.post("/api/bodies", json={**unit, "body": "n4"}).status_code == 201
        refused(member.post("/api/bodies/n4/dissolve", json={}), "roles")
        assert chair.post("/api/bodies/n9/dissolve", json={}).status_code == 404
        r = chair.post("/api/bodies/n4/dissolve", json={"on": ON})
        assert r.status_code == 201 and r.json()[0]["type"] == "body.dissolved"
        assert chair.get("/api/bodies/n4").json()["dissolved"] == ON


def test_the_seats_below_a_body_are_apportioned(tmp_path: Path) -> None:
    def grow(tree: Tree) -> None:
        tree(create_body, "s4", "S4", "unit_assembly", "south", ON)
        tree(join, "s4", roll("s4", 1, 500), ON)

    with administered(tmp_path, grow) as clients:
        chair, member = clients[CHAIR], clients[MEMBER]
        before = chair.get("/api/bodies/south/seats").json()
        assert "s4" not in before["seats"]
        refused(member.post("/api/bodies/south/seats", json={}), "roles")
        assert chair.post("/api/bodies/east/seats", json={}).status_code == 404
        r = chair.post("/api/bodies/south/seats", json={"on": ON})
        assert r.status_code == 201, r.text
        assert r.json()[0]["type"] == "seats.apportioned"
        after = chair.get("/api/bodies/south/seats").json()
        assert after["basis"]["s4"] == 500 and after["seats"]["s4"] == 2
        assert chair.get("/api/bodies/s4/seats").status_code == 404
        assert chair.get("/api/bodies/east/seats").status_code == 404
