"""Factions, coalition offers, officers and no confidence through a real server: each act by
whom a real organisation would expect (the faction's own delegates, a member of the offering or
answering faction, the executive's members, the officer), everyone else refused by ``roles``;
the rules' own refusals name rule and clause."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from soviet.service import Organisation
from tests.api.server import serving
from tests.api.test_api import logged_in, passwords
from tests.rules.sessions import NORTH, OPENS, SOUTH, convention, delegates, sitting
from tests.rules.tree import Tree, build

Clients = Callable[[str], httpx.Client]
LOGINS = [*NORTH, *SOUTH, "n1m3"]


@contextmanager
def served(tmp_path: Path, charter: dict[str, Any], setup: Callable[[Tree], object],
           logins: Sequence[str] = ()) -> Iterator[Clients]:
    """A server over the test congress (``setup`` done on it), and a client per login (the
    delegates, n1m3 and ``logins``)."""
    url = f"sqlite:///{tmp_path / 'e.db'}"
    with Organisation.open(url) as org:
        setup(delegates(build(org, charter)))
    passwords(url, [*LOGINS, *logins])
    with serving(url) as base, ExitStack() as stack:
        clients: dict[str, httpx.Client] = {}

        def client(member: str) -> httpx.Client:
            if member not in clients:
                clients[member] = logged_in(base, member)
                stack.callback(clients[member].close)
            return clients[member]
        yield client


@pytest.fixture
def api(tmp_path: Path) -> Iterator[Clients]:
    """The congress with the north's delegates elected to the executive, sitting."""
    def setup(tree: Tree) -> None:
        tree.elect("congress", "exec", NORTH)
        sitting(tree)
    with served(tmp_path, convention(), setup) as clients:
        yield clients


def refused(r: httpx.Response, rule: str, reason: str) -> dict[str, str]:
    assert r.status_code == 409, r.text
    refusal: dict[str, str] = r.json()["refused"]
    assert refusal["rule"] == rule and reason in refusal["reason"], refusal
    return refusal


def test_factions_are_registered_by_their_own_delegates(api: Clients) -> None:
    r = api("s1m1").post("/api/bodies/congress/factions", json={
        "name": "Left", "platform": "Peace first.", "members": SOUTH, "on": OPENS})
    assert r.status_code == 201, r.text
    assert r.json()[0]["payload"]["members"] == SOUTH
    refused(api("n1m3").post("/api/bodies/congress/factions", json={
        "name": "Majority", "platform": "The programme.", "members": NORTH}),
        "roles", "n1m3 may not register this faction: only n1m1, n1m2, n2m1 may")
    assert api("n1m1").post("/api/bodies/congress/factions", json={
        "name": "Majority", "platform": "The programme.", "members": NORTH}).status_code == 201
    refused(api("s1m1").post("/api/bodies/congress/factions", json={
        "name": "Left", "platform": "Again.", "members": ["s1m1"]}),
        "executive", "Congress already has a faction named Left")
    listed = api("n1m3").get("/api/bodies/congress/factions").json()
    assert [(f["id"], f["name"]) for f in listed] == [("F1", "Left"), ("F2", "Majority")]
    assert api("n1m3").get("/api/factions/F2").json()["platform"] == "The programme."
    assert api("n1m3").get("/api/factions/F9").status_code == 404
    assert api("n1m3").get("/api/bodies/nowhere/factions").status_code == 404
    assert api("n1m1").post("/api/bodies/nowhere/factions", json={
        "name": "Majority", "platform": "P.", "members": NORTH}).status_code == 404
    # offers are made and answered in a faction's name by its members
    offer = {"by": "F2", "to": "F1", "seats": 2, "on": OPENS,
             "condition": "that the minority carries out the programme of the congress"}
    refused(api("s1m1").post("/api/bodies/exec/offers", json=offer),
            "roles", "s1m1 is not of the faction Majority (F2)")
    assert api("n1m1").post("/api/bodies/nowhere/offers", json=offer).status_code == 404
    r = api("n1m1").post("/api/bodies/exec/offers", json=offer)
    assert r.status_code == 201 and r.json()[0]["payload"]["offer"] == "CO1"
    refused(api("n1m1").post("/api/bodies/exec/offers", json={**offer, "programme": "MO9"}),
            "executive", "MO9 is not a decision in force of the electing body")
    answer = {"accepted": False, "statement": "We cannot accept the programme."}
    refused(api("n1m2").post("/api/offers/CO1/answer", json=answer),
            "roles", "n1m2 is not of the faction Left (F1)")
    assert api("s2m1").post("/api/offers/CO1/answer", json=answer).status_code == 201
    refused(api("s1m1").post("/api/offers/CO1/answer", json={**answer, "accepted": True}),
            "executive", "offer CO1 was already declined")
    assert api("s1m1").post("/api/offers/CO9/answer", json=answer).status_code == 404
    [made] = api("n1m3").get("/api/offers").json()
    assert (made["by"], made["faction"], made["accepted"]) == ("F2", "F1", False)
    assert api("n1m3").get("/api/offers/CO1").json()["answer"] == answer["statement"]
    assert api("n1m3").get("/api/offers/CO2").status_code == 404


def test_delegates_join_and_leave_factions_in_their_own_name(api: Clients) -> None:
    for member, name in (("s1m1", "Left"), ("n1m1", "Majority")):
        assert api(member).post("/api/bodies/congress/factions", json={
            "name": name, "platform": "P.", "members": [member]}).status_code == 201
    join = {"member": "s2m1", "on": OPENS}
    refused(api("n1m3").post("/api/factions/F1/members", json=join),
            "roles", "n1m3 may not put s2m1 in F1: only s2m1 may")
    r = api("s2m1").post("/api/factions/F1/members", json=join)
    assert r.status_code == 201, r.text
    assert [(e["type"], e["payload"]) for e in r.json()] == [
        ("faction.joined", {"faction": "F1", "member": "s2m1", "on": OPENS})]
    refused(api("n1m3").post("/api/factions/F1/members", json={"member": "n1m3"}),
            "executive", "n1m3 does not sit in Congress: a faction is of its delegates")
    refused(api("s1m1").post("/api/factions/F2/members", json={"member": "s1m1"}),
            "executive", "s1m1 already belongs to the faction Left")
    assert api("s1m1").post("/api/factions/F9/members", json={"member": "s1m1"}
                            ).status_code == 404
    refused(api("s2m1").delete("/api/factions/F1/members/s1m1"),
            "roles", "s2m1 may not take s1m1 out of F1: only s1m1 may")
    assert api("s1m1").delete("/api/factions/F1/members/s1m1?on=May").status_code == 422
    r = api("s1m1").delete(f"/api/factions/F1/members/s1m1?on={OPENS}")
    assert r.status_code == 200, r.text
    assert [(e["type"], e["payload"]) for e in r.json()] == [
        ("faction.left", {"faction": "F1", "member": "s1m1", "on": OPENS})]
    refused(api("s1m1").delete("/api/factions/F1/members/s1m1"),
            "executive", "s1m1 does not belong to the faction Left")
    assert api("s1m1").delete("/api/factions/F9/members/s1m1").status_code == 404
    assert api("n1m3").get("/api/factions/F1").json()["members"] == ["s2m1"]
    assert api("s1m1").post("/api/factions/F2/members", json=join | {"member": "s1m1"}
                            ).status_code == 201
    assert api("n1m3").get("/api/factions/F2").json()["members"] == ["n1m1", "s1m1"]


def test_officers_appointed_by_the_executive_resign_themselves(api: Clients) -> None:
    appointment = {"holder": "n1m2", "portfolio": "Treasurer", "on": OPENS}
    refused(api("s1m1").post("/api/bodies/exec/offices", json=appointment),
            "roles", "s1m1 does not sit on Executive: appointing its officers is for its "
            "members")
    r = api("n1m1").post("/api/bodies/exec/offices", json=appointment)
    assert r.status_code == 201 and r.json()[0]["payload"]["office"] == "OF1"
    refusal = refused(api("n1m1").post("/api/bodies/exec/offices", json={
        **appointment, "portfolio": "Minister"}),
        "executive", "'Minister' is not a portfolio of the charter")
    assert refusal["clause"].startswith("[officers].portfolios")
    assert api("n1m1").post("/api/bodies/nowhere/offices", json=appointment).status_code == 404
    [held] = api("n1m3").get("/api/offices?executive=exec").json()
    assert (held["holder"], held["portfolio"], held["ended"]) == ("n1m2", "Treasurer", None)
    assert api("n1m3").get("/api/offices?executive=north").json() == []
    refused(api("n1m1").post("/api/offices/OF1/resignation", json={"on": OPENS}),
            "roles", "n1m1 may not resign OF1: only n1m2 may")
    assert api("n1m2").post("/api/offices/OF1/resignation", json={"on": OPENS}
                            ).status_code == 201
    assert api("n1m3").get("/api/offices/OF1").json()["reason"] == "resigned"
    refused(api("n1m2").post("/api/offices/OF1/resignation", json={}),
            "executive", "OF1 is not an office held now")
    assert api("n1m2").post("/api/offices/OF9/resignation", json={}).status_code == 404
    assert api("n1m2").get("/api/offices/OF9").status_code == 404


def test_no_confidence_is_moved_where_the_body_that_chose_them_sits(api: Clients) -> None:
    assert api("n1m1").post("/api/bodies/exec/offices", json={
        "holder": "n1m1", "portfolio": "General Secretary", "on": OPENS}).status_code == 201
    motion = {"item": "1", "title": "No confidence", "text": "It has failed.", "on": OPENS}
    refused(api("s1m1").post("/api/sessions/S1/no-confidence", json={
        **motion, "against": "OF1"}),
        "executive", "General Secretary (OF1) answers to exec: no confidence is voted by the "
        "body that appointed the officer")
    refused(api("n1m3").post("/api/sessions/S1/no-confidence", json={
        **motion, "against": "exec"}), "motions", "only those with a deciding vote")
    r = api("s1m1").post("/api/sessions/S1/no-confidence", json={**motion, "against": "exec"})
    assert r.status_code == 201, r.text
    assert (r.json()[0]["payload"]["against"], r.json()[0]["payload"]["mover"]) == (
        "exec", "s1m1")
    assert api("s1m1").post("/api/sessions/S9/no-confidence", json={
        **motion, "against": "exec"}).status_code == 409


def test_the_executive_elected_from_the_factions_lists(tmp_path: Path) -> None:
    """D'Hondt over the lists for the three of four seats n2m1 leaves free: 1,300 and 700
    votes give two to the Majority, one to the Left; entered by who administers the congress
    (n2m1, who sits on its executive)."""
    base = convention()
    base["executive"] = {**base["executive"], "election": {
        "by": "congress", "method": "dhondt", "seats": 4, "seats_are": "exactly",
        "candidates": 1, "term": "4 years"}}
    with served(tmp_path, base, lambda tree: tree.elect("congress", "exec", ["n2m1"])) as api:
        lists = {"name": "Majority", "platform": "P.", "members": ["n1m1", "n1m2"]}
        assert api("n1m1").post("/api/bodies/congress/factions", json=lists).status_code == 201
        assert api("s1m1").post("/api/bodies/congress/factions", json={
            **lists, "name": "Left", "members": SOUTH}).status_code == 201
        votes = {"by": "congress", "votes": {"F1": 1300, "F2": 700}, "on": OPENS}
        refused(api("s1m1").post("/api/bodies/exec/list-elections", json=votes),
                "roles", "s1m1 does not administer congress for electing exec; the members "
                "of exec do")
        refused(api("n2m1").post("/api/bodies/exec/list-elections", json={
            **votes, "votes": {"F9": 1}}), "elections", "F9 is not a faction of Congress")
        assert api("n2m1").post("/api/bodies/nowhere/list-elections", json=votes
                                ).status_code == 404
        r = api("n2m1").post("/api/bodies/exec/list-elections", json=votes)
        assert r.status_code == 201, r.text
        held = r.json()[0]["payload"]
        assert (held["elected"], held["result"]["allocation"]) == (
            ["n1m1", "n1m2", "s1m1"], {"F1": 2, "F2": 1})
        sitting = api("n1m3").get("/api/bodies/exec").json()["sitting"]
        assert sorted(m["holder"] for m in sitting) == ["n1m1", "n1m2", "n2m1", "s1m1"]


def test_a_list_election_needs_the_charter_to_say_so(api: Clients) -> None:
    r = api("n1m1").post("/api/bodies/congress/factions", json={
        "name": "All", "platform": "P.", "members": NORTH})
    assert r.status_code == 201
    refusal = refused(api("n1m1").post("/api/bodies/exec/list-elections", json={
        "by": "congress", "votes": {"F1": 10}}),
        "elections", "Executive is elected by meek-stv, not by faction lists")
    assert refusal["clause"] == '[executive.election].method = "meek-stv"'
