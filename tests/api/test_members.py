"""Members joined, transferred, suspended, reinstated and leaving, and paid-up reports, through
the API: recorded by those who administer the unit (the congress's executive here); a member
resigns in their own name; anyone else refused by rule ``roles``, an unknown unit or member a
404, the membership rule's refusals passed on."""

from __future__ import annotations

from pathlib import Path

from tests.api.test_structure import CHAIR, MEMBER, administered, refused
from tests.rules.tree import ON

LATER = "2026-03-01"


def test_a_roll_joins_and_members_move_are_suspended_and_leave(tmp_path: Path) -> None:
    with administered(tmp_path, logins=(CHAIR, MEMBER, "s3m5")) as clients:
        chair, member, s3m5 = clients[CHAIR], clients[MEMBER], clients["s3m5"]
        roll = {"members": [{"id": "ana", "name": "Ana"}, {"id": "ben", "name": "Ben"}],
                "on": ON}
        refused(member.post("/api/bodies/s3/members", json=roll), "roles")
        assert chair.post("/api/bodies/s9/members", json=roll).status_code == 404
        r = chair.post("/api/bodies/south/members", json=roll)
        assert refused(r, "membership")["reason"] == (
            "members belong to base units; South is a council")
        r = chair.post("/api/bodies/s3/members", json=roll)
        assert r.status_code == 201 and r.json()[0]["payload"]["members"] == [
            ["ana", "Ana"], ["ben", "Ben"]]
        r = chair.post("/api/bodies/s2/members", json={"members": [{"id": "ben", "name": "B"}]})
        assert refused(r, "membership")["reason"].startswith("ben is already a member")
        assert chair.get("/api/members/ana").json()["unit"] == "s3"
        assert chair.get("/api/members/zed").status_code == 404

        # a transfer is for those who administer both units
        refused(member.post("/api/members/ana/transfer", json={"to": "s2"}), "roles")
        assert chair.post("/api/members/zed/transfer", json={"to": "s2"}).status_code == 404
        assert chair.post("/api/members/ana/transfer", json={"to": "s9"}).status_code == 404
        r = chair.post("/api/members/ana/transfer", json={"to": "s2", "on": LATER})
        assert r.status_code == 201 and r.json()[0]["type"] == "member.transferred"
        assert chair.get("/api/members/ana").json()["unit"] == "s2"

        # suspended until a day, then reinstated
        spec = {"reason": "dues unpaid", "until": "2026-06-01", "on": LATER}
        refused(member.post("/api/members/ana/suspend", json=spec), "roles")
        r = chair.post("/api/members/ana/suspend", json={**spec, "until": "2026-01-01"})
        assert "must end after it starts" in refused(r, "membership")["reason"]
        r = chair.post("/api/members/ana/suspend", json=spec)
        assert r.status_code == 201 and r.json()[0]["payload"]["until"] == "2026-06-01"
        assert chair.get("/api/members/ana").json()["suspensions"] == [
            {"since": LATER, "until": "2026-06-01", "reason": "dues unpaid"}]
        assert chair.post("/api/members/ana/suspend", json={"until": "June"}).status_code == 422
        refused(member.post("/api/members/ana/reinstate", json={"on": LATER}), "roles")
        r = chair.post("/api/members/ben/reinstate", json={"on": LATER})
        assert refused(r, "membership")["reason"] == f"ben is not suspended on {LATER}"
        assert chair.post("/api/members/zed/reinstate", json={}).status_code == 404
        r = chair.post("/api/members/ana/reinstate", json={"on": "2026-04-01"})
        assert r.status_code == 201 and r.json()[0]["type"] == "member.reinstated"

        # a member resigns in their own name; anything else is their unit's administrators'
        refused(member.post("/api/members/ben/leave", json={}), "roles")
        refused(s3m5.post("/api/members/s3m5/leave", json={"reason": "expelled"}), "roles")
        r = chair.post("/api/members/ben/leave", json={"reason": "moved away"})
        assert "not 'moved away'" in refused(r, "membership")["reason"]
        assert chair.post("/api/members/zed/leave", json={}).status_code == 404
        r = s3m5.post("/api/members/s3m5/leave", json={"on": LATER})
        assert r.status_code == 201 and r.json()[0]["payload"]["reason"] == "resigned"
        r = chair.post("/api/members/ben/leave", json={"reason": "lapsed", "on": LATER})
        assert r.status_code == 201 and r.json()[0]["payload"]["reason"] == "lapsed"
        assert chair.get("/api/members/ben").json()["left"] == LATER
        r = chair.post("/api/members/ben/leave", json={"reason": "lapsed"})
        assert refused(r, "membership")["reason"] == "ben is not a member"


def test_a_unit_reports_its_paid_up_members(tmp_path: Path) -> None:
    with administered(tmp_path) as clients:
        chair, member = clients[CHAIR], clients[MEMBER]
        report = {"month": "2026-02", "members": 90, "on": LATER}
        refused(member.post("/api/bodies/s3/paid-up", json=report), "roles")
        assert chair.post("/api/bodies/s9/paid-up", json=report).status_code == 404
        r = chair.post("/api/bodies/s3/paid-up", json={**report, "month": "2026-13"})
        assert refused(r, "membership")["reason"] == "'2026-13' is not a month: write it YYYY-MM"
        r = chair.post("/api/bodies/s3/paid-up", json={**report, "month": "2026-04"})
        assert "before the month begins" in refused(r, "membership")["reason"]
        assert chair.post("/api/bodies/s3/paid-up", json=report).status_code == 201
        r = chair.post("/api/bodies/s3/paid-up", json={**report, "members": 95})
        assert r.status_code == 201 and r.json()[0]["payload"]["members"] == 95
        assert chair.get("/api/bodies/s3/paid-up").json() == {"2026-02": 95}
        assert chair.get("/api/bodies/s9/paid-up").status_code == 404
