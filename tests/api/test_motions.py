"""What becomes of a motion besides a vote, through the API: the mover withdraws it, the
chair refers it to another body, a member of the minority records their position beside the
decision in their own name; the decision then binds every body below (its directives)."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.api.test_api import logged_in
from tests.api.test_discussion import CHAIR, congress
from tests.rules.sessions import OPENS, sitting


def moved(mover: httpx.Client, seconder: httpx.Client, title: str) -> str:
    """A motion on item 1, moved and supported (so admitted); its id."""
    r = mover.post("/api/sessions/S1/motions", json={
        "item": "1", "title": title, "text": f"{title}, now.", "on": OPENS})
    assert r.status_code == 201, r.text
    motion: str = r.json()[0]["payload"]["motion"]
    assert seconder.post(f"/api/motions/{motion}/support").status_code == 201
    return motion


def test_withdrawn_referred_and_a_minority_recorded(tmp_path: Path) -> None:
    with congress(tmp_path, sitting) as base:
        chair, n1, n2, s1, s2 = (logged_in(base, x)
                                 for x in (CHAIR, "n1m1", "n1m2", "s1m1", "s2m1"))
        day = {"on": OPENS}
        # withdrawn by its mover only
        strike = moved(n1, n2, "Strike")
        r = n2.post(f"/api/motions/{strike}/withdraw", json=day)
        assert r.status_code == 409
        assert r.json()["refused"]["message"] == (
            f"motions: only the mover, n1m1, may withdraw {strike}")
        r = n1.post(f"/api/motions/{strike}/withdraw", json=day)
        assert r.status_code == 201, r.text
        assert (r.json()[0]["type"], r.json()[0]["payload"]["by"]) == ("motion.withdrawn", "n1m1")
        assert n1.get(f"/api/motions/{strike}").json()["status"] == "withdrawn"
        assert n1.post("/api/motions/MO9/withdraw", json=day).status_code == 404
        assert n1.get("/api/motions/MO9").status_code == 404
        # referred by the chair
        housing = moved(n1, n2, "Housing")
        r = n1.post(f"/api/motions/{housing}/refer", json={"to": "north", **day})
        assert r.status_code == 409 and r.json()["refused"]["rule"] == "roles"
        assert chair.post(f"/api/motions/{housing}/refer",
                          json={"to": "nowhere", **day}).status_code == 404
        assert chair.post("/api/motions/MO9/refer", json={"to": "north", **day}
                          ).status_code == 404
        r = chair.post(f"/api/motions/{housing}/refer", json={"to": "north", **day})
        assert r.status_code == 201, r.text
        assert r.json()[0]["payload"] == {"motion": housing, "to": "north", "on": OPENS}
        again = chair.post(f"/api/motions/{housing}/refer", json={"to": "north", **day})
        assert again.status_code == 409 and again.json()["refused"]["rule"] == "motions"
        # adopted by roll call; the minority's position recorded in its own name
        wages = moved(n1, n2, "Wages")
        statement = {"statement": "Wages should follow prices monthly.", **day}
        r = s1.post(f"/api/motions/{wages}/dissents", json=statement)
        assert r.status_code == 409
        assert r.json()["refused"]["reason"].startswith(f"{wages} is admitted: a minority")
        r = chair.post("/api/sessions/S1/polls", json={
            "motion": wages, "secrecy": "named", **day})
        poll = r.json()[0]["payload"]["poll"]
        for voter, choice in ((chair, "yes"), (n1, "yes"), (n2, "yes"), (s1, "no"),
                              (s2, "abstain")):
            assert voter.post(f"/api/polls/{poll}/votes", json={"choice": choice}
                              ).status_code == 201
        assert chair.post(f"/api/polls/{poll}/close", json=day).status_code == 201
        r = n2.post(f"/api/motions/{wages}/dissents", json=statement)
        assert r.status_code == 409
        assert r.json()["refused"]["message"] == (
            f"decisions: n1m2 did not vote against {wages} nor abstain in the roll call "
            f"({poll})")
        assert s1.post("/api/motions/MO9/dissents", json=statement).status_code == 404
        r = s1.post(f"/api/motions/{wages}/dissents", json=statement)
        assert r.status_code == 201, r.text
        assert r.json()[0]["payload"]["by"] == ["s1m1"]
        dissents = n1.get(f"/api/motions/{wages}").json()["dissents"]
        assert [(d["by"], d["statement"]) for d in dissents] == [
            (["s1m1"], "Wages should follow prices monthly.")]
        # the decision binds the councils below the congress
        binding = n1.get("/api/bodies/n1/directives").json()
        assert [(m["id"], m["body"]) for m in binding] == [(wages, "congress")]
        assert n1.get("/api/bodies/congress/directives").json() == []
        assert n1.get("/api/bodies/nowhere/directives").status_code == 404
