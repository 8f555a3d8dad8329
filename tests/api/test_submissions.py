"""Motions from below through the API: the executive that administers two locals sends their
decisions up to the congress by the charter's deadline; whoever presides at the congress
enters the standing-orders committee's composite and refers one back; a delegate of a local
that sent it moves the composite in their own name; anyone reads what became of each."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.api.test_api import logged_in
from tests.api.test_discussion import CHAIR, congress
from tests.rules.sessions import DELEGATES, OPENS
from tests.rules.test_submissions import DUE, LATE, SHORTER, WEEK, convened, decide
from tests.rules.tree import Tree

SENT = "2026-03-01"


def meetings(t: Tree) -> None:
    """The congress convened (S1); N2 adopts two motions (MO1, MO2), S1 one (MO3)."""
    convened(t)
    assert decide(t, "n2", (SHORTER, "yes"), ("Housing", "yes")) == ["MO1", "MO2"]
    assert decide(t, "s1", (WEEK, "yes")) == ["MO3"]


def opened(chair: httpx.Client) -> None:
    """The congress opened, every delegate admitted, one item on its agenda."""
    day = {"on": OPENS}
    assert chair.post("/api/sessions/S1/open", json=day).status_code == 201
    for x in DELEGATES:
        assert chair.post("/api/sessions/S1/attendance",
                          json={"member": x, **day}).status_code == 201
    assert chair.post("/api/sessions/S1/credentials", json=day).status_code == 201
    assert chair.post("/api/sessions/S1/agenda", json={"title": "Hours"}).status_code == 201


def test_sent_up_composited_moved_and_referred_back(tmp_path: Path) -> None:
    with congress(tmp_path, meetings) as base:
        chair, n1, s1 = (logged_in(base, x) for x in (CHAIR, "n1m1", "s1m1"))
        shorter = {"from_body": "n2", "decision": "MO1", "on": SENT}
        r = n1.post("/api/sessions/S1/submissions", json=shorter)
        assert r.status_code == 409
        assert r.json()["refused"]["message"] == (
            "roles: n1m1 does not administer n2 for sending its decision to S1; the members "
            "of exec do")
        assert chair.post("/api/sessions/S1/submissions",
                          json={**shorter, "from_body": "n9"}).status_code == 404
        assert chair.post("/api/sessions/S9/submissions", json=shorter).status_code == 404
        r = chair.post("/api/sessions/S1/submissions", json=shorter)
        assert r.status_code == 201, r.text
        assert (r.json()[0]["type"], r.json()[0]["payload"]["submission"]) == (
            "submission.forwarded", "SU1")
        week = {"from_body": "s1", "decision": "MO3", "title": "Thirty-two hours"}
        r = chair.post("/api/sessions/S1/submissions", json={**week, "on": LATE})
        assert r.status_code == 409
        assert r.json()["refused"]["clause"] == "[convention].motion_deadline = 56 days"
        assert chair.post("/api/sessions/S1/submissions",
                          json={**week, "on": DUE}).status_code == 201
        assert chair.post("/api/sessions/S1/submissions", json={
            "from_body": "n2", "decision": "MO2", "on": DUE}).status_code == 201
        listed = n1.get("/api/sessions/S1/submissions").json()
        assert [(x["id"], x["title"], x["fate"]) for x in listed] == [
            ("SU1", SHORTER, "waits to be moved in session S1"),
            ("SU2", "Thirty-two hours", "waits to be moved in session S1"),
            ("SU3", "Housing", "waits to be moved in session S1")]
        assert [x["id"] for x in n1.get("/api/sessions/S1/submissions",
                                         params={"from_body": "s1"}).json()] == ["SU2"]
        assert n1.get("/api/sessions/S9/submissions").status_code == 404
        # the standing-orders committee's composite, entered by the chair
        composite = {"title": "Hours of work", "text": "A 32-hour week and shorter hours.",
                     "replaces": ["SU1", "SU2"], "by": ["n1m4", "s2m2"],
                     "consent": {"SU1": "consented", "SU2": "committee"}, "on": "2026-04-20"}
        r = n1.post("/api/sessions/S1/composites", json=composite)
        assert r.status_code == 409 and r.json()["refused"]["rule"] == "roles"
        r = chair.post("/api/sessions/S1/composites", json={**composite, "replaces": ["SU1"]})
        assert r.status_code == 409 and r.json()["refused"]["rule"] == "submissions"
        r = chair.post("/api/sessions/S1/composites", json=composite)
        assert r.status_code == 201, r.text
        assert r.json()[0]["payload"]["composite"] == "CP1"
        su1 = n1.get("/api/submissions/SU1").json()
        assert (su1["senders"], su1["composited"], su1["fate"]) == (
            ["n2"], "CP1", "composited into CP1 with its body's consent; CP1 waits to be "
            "moved in session S1")
        assert n1.get("/api/submissions/CP1").json()["senders"] == ["n2", "s1"]
        assert n1.get("/api/submissions/SU9").status_code == 404
        # referred back, only once the congress sits
        back = {"reason": "The executive negotiates housing this year.", "on": OPENS}
        r = chair.post("/api/submissions/SU3/refer-back", json=back)
        assert r.status_code == 409
        assert r.json()["refused"]["message"] == "submissions: session S1 has not been opened"
        opened(chair)
        r = n1.post("/api/submissions/SU3/refer-back", json=back)
        assert r.status_code == 409 and r.json()["refused"]["rule"] == "roles"
        assert chair.post("/api/submissions/SU9/refer-back", json=back).status_code == 404
        r = chair.post("/api/submissions/SU3/refer-back", json=back)
        assert r.status_code == 201 and r.json()[0]["type"] == "submission.referred_back"
        assert n1.get("/api/submissions/SU3").json()["fate"] == (
            f"referred back on {OPENS}: The executive negotiates housing this year.")
        # moved by a delegate of a local that sent it, in their own name
        move = {"item": "1", "on": OPENS}
        r = n1.post("/api/submissions/CP1/move", json=move)
        assert r.status_code == 409
        assert r.json()["refused"]["message"] == (
            "submissions: n1m1 is not a delegate of N2 or S1: a motion from below is moved by "
            "a delegate of a body that sent it")
        assert s1.post("/api/submissions/SU9/move", json=move).status_code == 404
        r = s1.post("/api/submissions/CP1/move", json=move)
        assert r.status_code == 201, r.text
        submitted, moved = r.json()
        assert (submitted["payload"]["mover"], moved["type"]) == ("s1m1", "submission.moved")
        assert n1.get("/api/submissions/SU2").json()["fate"].endswith(
            f"CP1 moved as {moved['payload']['motion']}; {moved['payload']['motion']} is "
            "before session S1 (submitted)")
