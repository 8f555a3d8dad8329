"""The HTTP API through a real server: reading the tree and a session, arriving, voting with
weighted delegations, refusals as JSON naming rule and clause, closing a poll."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

import httpx
import pytest

from soviet.accounts import Accounts
from soviet.rules import polls
from soviet.service import Organisation
from tests.api.server import served, serving
from tests.rules.sessions import OPENS, convention, delegates, sitting
from tests.rules.tree import build

PASSWORD = "a long enough password"


def passwords(url: str, members: Iterable[str]) -> None:
    """Give each of ``members`` the tests' password."""
    accounts = Accounts(url)
    for member in members:
        accounts.set_password(member, PASSWORD)
    accounts.close()


def logged_in(base: str, member: str) -> httpx.Client:
    """A client logged in as ``member`` by password, sending the CSRF token it was given."""
    client = httpx.Client(base_url=base, timeout=10)
    r = client.post("/api/login", json={"member": member, "password": PASSWORD})
    assert r.status_code == 200, r.text
    client.headers["X-CSRF-Token"] = r.json()["csrf"]
    return client


class Api(NamedTuple):
    client: httpx.Client
    session: str
    url: str


@pytest.fixture
def api(tmp_path: Path) -> Iterator[Api]:
    """A congress sitting with a named poll open; n2m1 (of the executive) presides, and the
    client is logged in as n1m1."""
    url = f"sqlite:///{tmp_path / 'api.db'}"
    with Organisation.open(url) as org:
        tree = delegates(build(org, convention()))
        tree.elect("congress", "exec", ["n2m1"])
        s = sitting(tree, ["n1m1", "n1m2", "s1m1", "s2m1"])
        tree(polls.open_poll, s, OPENS, question="Adopt the programme", secrecy="named")
    passwords(url, ["n1m1", "n1m2", "n2m1", "s1m1", "s2m1"])
    with serving(url) as base:
        client = logged_in(base, "n1m1")
        yield Api(client, s, url)
        client.close()


def test_reading_the_tree_and_a_session(api: Api) -> None:
    client, s, _ = api
    org = client.get("/api/organisation").json()
    assert org["name"] == "Federation" and org["seq"] > 0
    congress = client.get("/api/bodies/congress").json()
    assert congress["kind"] == "congress"
    assert sorted(m["holder"] for m in congress["sitting"]) == [
        "n1m1", "n1m2", "n2m1", "s1m1", "s2m1"]
    session = client.get(f"/api/sessions/{s}").json()
    assert session["basis"] == {"north": "1300", "south": "700"}
    assert sorted(session["present"]) == ["n1m1", "n1m2", "s1m1", "s2m1"]
    assert client.get(f"/api/sessions/{s}/strength").json() == {
        "n1m1": "650", "n1m2": "650", "s1m1": "350", "s2m1": "350"}
    assert client.get("/api/bodies/nowhere").status_code == 404
    assert client.get("/api/polls/PO9").status_code == 404


def test_arriving_voting_and_closing(api: Api) -> None:
    client, s, url = api
    base = str(client.base_url)
    chair, s1, s2 = (logged_in(base, x) for x in ("n2m1", "s1m1", "s2m1"))
    # only those presiding register arrivals
    r = client.post(f"/api/sessions/{s}/attendance", json={"member": "n2m1", "on": OPENS})
    assert r.status_code == 409 and r.json()["refused"]["rule"] == "roles"
    assert "the members of exec preside" in r.json()["refused"]["reason"]
    r = chair.post(f"/api/sessions/{s}/attendance", json={"member": "n2m1", "on": OPENS})
    assert r.status_code == 201 and r.json()[0]["type"] == "attendance.registered"
    # n2m1 has not been through the credentials commission yet
    r = chair.post("/api/polls/PO1/votes", json={"choice": "yes"})
    assert r.status_code == 409
    assert r.json()["refused"]["rule"] == "polls"
    assert "credentials have not been admitted" in r.json()["refused"]["reason"]
    r = client.post("/api/polls/PO1/votes", json={"choice": "yes"})
    assert r.status_code == 201
    assert r.json()["recorded"][0]["payload"]["strength"] == "650"
    assert r.json()["recorded"][0]["payload"]["voter"] == "n1m1"
    assert r.json()["receipt"] is None
    r = s1.post("/api/polls/PO1/votes", json={"parts": {"yes": "100", "no": "250"}})
    assert r.status_code == 201
    r = s2.post("/api/polls/PO1/votes", json={"parts": {"no": "x"}})
    assert r.status_code == 422
    r = s2.post("/api/polls/PO1/votes", json={"choice": "no"})
    assert r.status_code == 201
    r = client.post("/api/polls/PO1/close", json={"on": OPENS})
    assert r.status_code == 409 and r.json()["refused"]["rule"] == "roles"
    r = chair.post("/api/polls/PO1/close", json={"on": OPENS})
    assert r.status_code == 201
    closed = r.json()[0]["payload"]
    assert (closed["yes"], closed["no"], closed["adopted"]) == ("750", "600", True)
    again = chair.post("/api/polls/PO1/close", json={"on": OPENS})
    assert again.status_code == 409
    assert again.json()["refused"]["message"].startswith("polls: poll PO1 was closed at event")
    poll = client.get("/api/polls/PO1").json()
    assert poll["tally"] == {"yes": "750", "no": "600", "abstain": "0"}
    assert poll["cast"]["s1m1"]["parts"] == {"yes": "100", "no": "250"}
    with Organisation.open(url) as org:
        rows = list(org.ledger.rows())
    assert [r[4] for r in rows if r[5] == "vote.cast"] == ["n1m1", "s1m1", "s2m1"]


def test_the_openapi_document_lists_every_route(api: Api) -> None:
    client = api.client
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/organisation", "/api/bodies", "/api/bodies/{body}", "/api/sessions/{session}",
            "/api/sessions/{session}/strength", "/api/sessions/{session}/attendance",
            "/api/polls/{poll}", "/api/polls/{poll}/votes", "/api/polls/{poll}/close"} <= set(
        paths)


def test_soviet_serve_answers_on_its_port(tmp_path: Path) -> None:
    """The command a user runs: a separate process serving the API and the pages."""
    url = f"sqlite:///{tmp_path / 'serve.db'}"
    with Organisation.open(url) as org:
        build(org, convention())
    with served(url) as base:
        assert httpx.get(f"{base}/api/organisation").json()["name"] == "Federation"
        assert "Federation" in httpx.get(f"{base}/").text
