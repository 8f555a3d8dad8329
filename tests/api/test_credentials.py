"""Contested mandates through the API: an admitted delegate contests another's in their own
name, the congress votes, and whoever presides enters the decision as the poll went."""

from __future__ import annotations

from pathlib import Path

from tests.api.test_api import logged_in
from tests.api.test_discussion import CHAIR, congress
from tests.rules.sessions import OPENS, sitting


def test_a_mandate_contested_and_decided(tmp_path: Path) -> None:
    with congress(tmp_path, sitting) as base:
        chair, n1, n2, s2 = (logged_in(base, x) for x in (CHAIR, "n1m1", "n1m2", "s2m1"))
        grounds = {"member": "s1m1", "grounds": "Elected after the deadline.", "on": OPENS}
        r = logged_in(base, "n1m4").post("/api/sessions/S1/contests", json=grounds)
        assert r.status_code == 409
        assert r.json()["refused"]["message"] == (
            "credentials: n1m4 is not an admitted delegate: only delegates contest a mandate")
        assert n1.post("/api/sessions/S9/contests", json=grounds).status_code == 404
        assert n1.post("/api/sessions/S1/contests",
                       json={**grounds, "member": "nobody"}).status_code == 404
        r = n1.post("/api/sessions/S1/contests", json=grounds)
        assert r.status_code == 201, r.text
        assert (r.json()[0]["type"], r.json()[0]["payload"]["by"]) == (
            "credentials.contested", "n1m1")
        assert n1.get("/api/sessions/S1").json()["credentials"]["contested"] == {
            "s1m1": "Elected after the deadline."}
        r = chair.post("/api/sessions/S1/polls", json={
            "question": "Admit s1m1", "secrecy": "named", "on": OPENS})
        assert r.status_code == 201, r.text
        poll = r.json()[0]["payload"]["poll"]
        decision = {"poll": poll, "reason": "The election stands.", "on": OPENS}
        r = chair.post("/api/sessions/S1/contests/s1m1/decision", json=decision)
        assert r.status_code == 409
        assert r.json()["refused"]["reason"] == (
            f"{poll} is not a closed poll of session S1: the body decides a contested mandate "
            "by a vote")
        for voter in (chair, n1, n2, s2):
            assert voter.post(f"/api/polls/{poll}/votes",
                              json={"choice": "yes"}).status_code == 201
        assert chair.post(f"/api/polls/{poll}/close", json={"on": OPENS}).status_code == 201
        r = n1.post("/api/sessions/S1/contests/s1m1/decision", json=decision)
        assert r.status_code == 409 and r.json()["refused"]["rule"] == "roles"
        assert chair.post("/api/sessions/S1/contests/nobody/decision",
                          json=decision).status_code == 404
        r = chair.post("/api/sessions/S1/contests/s1m1/decision", json=decision)
        assert r.status_code == 201, r.text
        decided = r.json()[0]["payload"]
        assert (decided["admitted"], decided["poll"]) == (True, poll)
        assert "s1m1" in n1.get("/api/sessions/S1").json()["credentials"]["admitted"]
        again = chair.post("/api/sessions/S1/contests/s1m1/decision", json=decision)
        assert again.status_code == 409
        assert again.json()["refused"]["reason"] == "s1m1's mandate is not contested at session S1"
