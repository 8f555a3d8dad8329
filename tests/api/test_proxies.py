"""Proxies through the API: a delegate leaving passes their vote, in their own name, to
another of their delegation present (as the charter allows), and takes it back."""

from __future__ import annotations

from pathlib import Path

from tests.api.test_api import logged_in
from tests.api.test_discussion import CHAIR, congress
from tests.rules.sessions import OPENS, sitting


def test_a_delegate_leaving_passes_their_vote(tmp_path: Path) -> None:
    with congress(tmp_path, sitting) as base:
        chair, leaving = logged_in(base, CHAIR), logged_in(base, "n1m1")
        day = {"on": OPENS}
        r = leaving.post("/api/sessions/S1/proxies", json={"holder": "s1m1", **day})
        assert r.status_code == 409
        assert r.json()["refused"]["message"] == (
            "proxies: s1m1 is not an alternate or another delegate of north's delegation, "
            'charter [convention].proxies = "delegation"')
        r = logged_in(base, "n1m4").post("/api/sessions/S1/proxies",
                                         json={"holder": "n1m2", **day})
        assert r.status_code == 409 and r.json()["refused"]["rule"] == "proxies"
        assert leaving.post("/api/sessions/S9/proxies",
                            json={"holder": "n1m2", **day}).status_code == 404
        r = leaving.post("/api/sessions/S1/proxies", json={"holder": "n1m2", **day})
        assert r.status_code == 201, r.text
        assert r.json()[0]["payload"] == {
            "session": "S1", "giver": "n1m1", "holder": "n1m2", "on": OPENS}
        # giving it is leaving; the giver's share stays with the delegation, by proxy
        session = leaving.get("/api/sessions/S1").json()
        assert session["proxies"] == {"n1m1": "n1m2"} and "n1m1" not in session["present"]
        assert leaving.get("/api/sessions/S1/strength").json()["n1m1"] == "434"
        r = chair.post("/api/sessions/S1/proxies/withdraw", json=day)
        assert r.status_code == 409
        assert r.json()["refused"]["message"] == (
            "proxies: n2m1 has given no proxy at session S1")
        r = leaving.post("/api/sessions/S1/proxies/withdraw", json=day)
        assert r.status_code == 201, r.text
        assert r.json()[0]["payload"]["reason"] == "withdrawn"
        assert leaving.get("/api/sessions/S1").json()["proxies"] == {}
        shares = leaving.get("/api/sessions/S1/strength").json()
        assert "n1m1" not in shares and shares["n1m2"] == "650"
