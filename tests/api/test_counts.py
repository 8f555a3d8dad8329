"""The tellers' count of a show of hands, entered through the API by whoever presides, and
the poll closed on it."""

from __future__ import annotations

from pathlib import Path

from tests.api.test_api import logged_in
from tests.api.test_discussion import CHAIR, congress
from tests.rules.sessions import OPENS, sitting


def test_the_tellers_count_the_hall(tmp_path: Path) -> None:
    with congress(tmp_path, sitting) as base:
        chair, delegate = logged_in(base, CHAIR), logged_in(base, "n1m1")
        r = chair.post("/api/sessions/S1/polls", json={
            "question": "Adjourn for lunch", "secrecy": "open", "on": OPENS})
        poll = r.json()[0]["payload"]["poll"]
        count = {"tellers": ["n1m4", "s3m2"], "voters": 5, "yes": "1300", "no": "700"}
        r = delegate.post(f"/api/polls/{poll}/counts", json=count)
        assert r.status_code == 409 and r.json()["refused"]["rule"] == "roles"
        assert chair.post("/api/polls/PO9/counts", json=count).status_code == 404
        r = chair.post(f"/api/polls/{poll}/counts", json={**count, "channel": "phone"})
        assert r.status_code == 409
        assert r.json()["refused"]["message"] == (
            "polls: 'phone' is not a way of voting: hall or paper")
        for figure in ("1/0", "1e5", "-3"):
            assert chair.post(f"/api/polls/{poll}/counts",
                              json={**count, "yes": figure}).status_code == 422
        r = chair.post(f"/api/polls/{poll}/counts", json={**count, "voters": 6})
        assert r.status_code == 409 and r.json()["refused"]["rule"] == "polls"
        r = chair.post(f"/api/polls/{poll}/counts", json=count)
        assert r.status_code == 201, r.text
        entered = r.json()[0]
        assert entered["type"] == "count.entered"
        assert entered["payload"]["parts"] == {"yes": "1300", "no": "700", "abstain": "0"}
        counted = delegate.get(f"/api/polls/{poll}").json()
        assert counted["counts"][0]["tellers"] == ["n1m4", "s3m2"]
        assert counted["tally"] == {"yes": "1300", "no": "700", "abstain": "0"}
        r = chair.post(f"/api/polls/{poll}/close", json={"on": OPENS})
        assert r.status_code == 201 and r.json()[0]["payload"]["adopted"] is True
