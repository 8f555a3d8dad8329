"""Before a congress, through the API: units (entered by the executive that administers them)
or members (in their own name, as the charter counts) demand an extraordinary congress until
the charter's share convenes it; members publish counter-theses in their own name; the units'
votes on the theses are entered and added up by level."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from soviet.rules import convocation, discussion
from soviet.service import Organisation
from tests.api.server import serving
from tests.api.test_api import logged_in, passwords
from tests.rules.sessions import CONVENED, OPENS, PUBLISHED, convention, delegates
from tests.rules.tree import Tree, build, charter

CHAIR = "n2m1"
"""A delegate to the congress elected to its executive: presides, and administers every
body below."""
LOGINS = ["n1m1", "n1m2", "n2m1", "s1m1", "s2m1", "n1m4"]


@contextmanager
def congress(tmp_path: Path, seed: Callable[[Tree], object] = lambda _: None,
             charter_json: dict[str, Any] | None = None) -> Iterator[str]:
    """A server over the test tree (delegates elected, CHAIR on the executive) after
    ``seed``, each of LOGINS with a password; its base URL."""
    url = f"sqlite:///{tmp_path / 'api.db'}"
    with Organisation.open(url) as org:
        tree = delegates(build(org, charter_json or convention()))
        tree.elect("congress", "exec", [CHAIR])
        seed(tree)
    passwords(url, LOGINS)
    with serving(url) as base:
        yield base


GROUNDS = {"grounds": "The executive has broken with the programme.", "on": CONVENED}


def test_units_demand_an_extraordinary_congress(tmp_path: Path) -> None:
    with congress(tmp_path) as base:
        chair, member = logged_in(base, CHAIR), logged_in(base, "n1m1")
        found = member.get("/api/bodies/congress/demands").json()
        assert (found["demands"], found["have"], found["need"], found["of"]) == (
            [], "0", "5/3", "units")
        r = member.post("/api/bodies/congress/demands", json=GROUNDS)
        assert r.status_code == 409
        assert r.json()["refused"]["message"] == (
            "convocation: n1m1 is not a live base unit: demands are counted in units, "
            'charter [congress.extraordinary].of = "units"')
        r = member.post("/api/bodies/congress/demands", json={**GROUNDS, "unit": "n1"})
        assert r.status_code == 409
        assert r.json()["refused"]["message"] == (
            "roles: n1m1 does not administer n1 for a demand for an extraordinary congress; "
            "the members of exec do")
        assert chair.post("/api/bodies/congress/demands",
                          json={**GROUNDS, "unit": "nowhere"}).status_code == 404
        assert chair.post("/api/bodies/nowhere/demands", json=GROUNDS).status_code == 404
        assert chair.get("/api/bodies/nowhere/demands").status_code == 404
        r = chair.post("/api/bodies/congress/demands", json={**GROUNDS, "unit": "n1"})
        assert r.status_code == 201, r.text
        assert [(e["type"], e["payload"]["by"]) for e in r.json()] == [
            ("convocation.demanded", "n1")]
        found = member.get("/api/bodies/congress/demands").json()
        assert (found["have"], [d["by"] for d in found["demands"]]) == ("1", ["n1"])
        again = chair.post("/api/bodies/congress/demands", json={**GROUNDS, "unit": "n1"})
        assert again.status_code == 409 and again.json()["refused"]["rule"] == "convocation"
        # the second of five units reaches a third: the congress is convened
        r = chair.post("/api/bodies/congress/demands", json={**GROUNDS, "unit": "s3"})
        assert r.status_code == 201, r.text
        demanded, convened = r.json()
        assert demanded["payload"]["by"] == "s3"
        assert convened["type"] == "session.convened"
        assert (convened["payload"]["kind"], convened["payload"]["demands"]) == (
            "extraordinary", ["DM1", "DM2"])
        found = member.get("/api/bodies/congress/demands").json()
        assert found["have"] == "0"
        assert [d["session"] for d in found["demands"]] == [convened["payload"]["session"]] * 2


def test_members_demand_in_their_own_name(tmp_path: Path) -> None:
    members = charter(congress={"extraordinary": {"share": "1/1000", "of": "members"}},
                      convention=convention()["convention"])
    with congress(tmp_path, charter_json=members) as base:
        member = logged_in(base, "n1m1")
        r = member.post("/api/bodies/congress/demands", json=GROUNDS)
        assert r.status_code == 201, r.text
        assert r.json()[0]["payload"]["by"] == "n1m1"
        r = member.post("/api/bodies/north/demands", json=GROUNDS)
        assert r.status_code == 409
        assert r.json()["refused"]["clause"] == '[congress.extraordinary].of = "members"'
        # a unit's demand is no demand where the charter counts members
        r = logged_in(base, CHAIR).post("/api/bodies/congress/demands",
                                        json={**GROUNDS, "unit": "n1"})
        assert r.status_code == 409
        assert r.json()["refused"]["reason"] == (
            "n1 is not a member in good standing on 2026-02-01: demands are counted in "
            "members")


def convened(tree: Tree) -> None:
    """The congress convened (S1) and the executive's theses (T1) published."""
    tree(convocation.convene, "congress", "Fifth Congress", OPENS, CONVENED)
    tree(discussion.publish, "S1", "Theses", "We propose ...", ["exec"], PUBLISHED)


def test_counter_theses_and_the_units_votes(tmp_path: Path) -> None:
    with congress(tmp_path, convened) as base:
        chair, member = logged_in(base, CHAIR), logged_in(base, "n1m4")
        theses = {"title": "Counter-theses", "text": "We oppose ...", "on": PUBLISHED}
        r = member.post("/api/sessions/S1/counter-theses", json=theses)
        assert r.status_code == 201, r.text
        published = r.json()[0]["payload"]
        assert (published["theses"], published["authors"], published["counter"]) == (
            "T2", ["n1m4"], True)
        r = member.post("/api/sessions/S1/counter-theses", json={**theses, "text": " "})
        assert r.status_code == 409
        assert r.json()["refused"]["message"] == "discussion: theses need a text"
        assert member.post("/api/sessions/S9/counter-theses", json=theses).status_code == 404
        n1 = {"unit": "n1", "votes": {"T1": 600, "T2": 300}, "abstain": 50, "on": PUBLISHED}
        r = member.post("/api/sessions/S1/discussion/votes", json=n1)
        assert r.status_code == 409 and r.json()["refused"]["rule"] == "roles"
        r = chair.post("/api/sessions/S1/discussion/votes", json=n1)
        assert r.status_code == 201, r.text
        assert r.json()[0]["type"] == "theses.voted"
        again = chair.post("/api/sessions/S1/discussion/votes", json=n1)
        assert again.status_code == 409
        assert again.json()["refused"]["message"] == (
            "discussion: N1 has already voted on the theses of session S1")
        r = chair.post("/api/sessions/S1/discussion/votes",
                       json={**n1, "unit": "s3", "votes": {"T1": 101}})
        assert r.status_code == 409
        assert r.json()["refused"]["reason"] == (
            "151 votes from S3, which has 100 members in good standing")
        assert chair.post("/api/sessions/S1/discussion/votes",
                          json={**n1, "unit": "nowhere"}).status_code == 404
        assert chair.post("/api/sessions/S9/discussion/votes", json=n1).status_code == 404
        assert chair.post("/api/sessions/S1/discussion/votes",
                          json={**n1, "abstain": -1}).status_code == 422
        r = chair.post("/api/sessions/S1/discussion/votes",
                       json={"unit": "n2", "votes": {"T2": 200}, "on": PUBLISHED})
        assert r.status_code == 201, r.text
        tallies = member.get("/api/sessions/S1/discussion").json()["tallies"]
        assert tallies["north"]["votes"] == {"T1": 600, "T2": 500}
        assert (tallies["congress"]["abstain"], tallies["congress"]["units"]) == (50, 2)
