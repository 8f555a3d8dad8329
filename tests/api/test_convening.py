"""A congress convened, discussed, opened, reported on and closed through the API by the
executive the congress elected; everyone else refused, naming who presides."""

from __future__ import annotations

from pathlib import Path

from soviet.service import Organisation
from tests.api.server import serving
from tests.api.test_api import logged_in, passwords
from tests.rules.sessions import CONVENED, OPENS, PUBLISHED, convention, delegates
from tests.rules.tree import build


def test_the_executive_convenes_opens_and_closes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    with Organisation.open(url) as org:
        tree = delegates(build(org, convention()))
        tree.elect("congress", "exec", ["n2m1"])
    passwords(url, ["n2m1", "n1m1"])
    with serving(url) as base:
        chair, delegate = logged_in(base, "n2m1"), logged_in(base, "n1m1")
        spec = {"title": "Fifth Congress", "opens": OPENS, "on": CONVENED}
        r = delegate.post("/api/bodies/congress/sessions", json=spec)
        assert r.status_code == 409
        assert r.json()["refused"]["message"] == (
            "roles: n1m1 does not preside at congress; the members of exec preside")
        r = chair.post("/api/bodies/congress/sessions", json=spec)
        assert r.status_code == 201, r.text
        s = r.json()[0]["payload"]["session"]
        r = chair.post(f"/api/sessions/{s}/theses", json={
            "title": "Theses", "text": "We propose ...", "on": PUBLISHED})
        assert r.status_code == 201 and r.json()[0]["payload"]["authors"] == ["exec"]
        r = chair.post(f"/api/sessions/{s}/open", json={"on": PUBLISHED})
        assert r.status_code == 409 and r.json()["refused"]["rule"] == "session"
        assert chair.post(f"/api/sessions/{s}/open", json={"on": OPENS}).status_code == 201
        for x in ("n1m1", "n2m1"):
            r = chair.post(f"/api/sessions/{s}/attendance", json={"member": x, "on": OPENS})
            assert r.status_code == 201
        r = chair.post(f"/api/sessions/{s}/credentials", json={"on": OPENS})
        assert r.status_code == 201
        assert sorted(r.json()[0]["payload"]["admitted"]) == ["n1m1", "n2m1"]
        # a congress already convened is not convened again
        assert "Convene a session" not in chair.get("/").text
        page = chair.get(f"/sessions/{s}").text
        assert "Report on credentials" in page and "Close the session" in page
        assert delegate.post(f"/api/sessions/{s}/close", json={"on": OPENS}).status_code == 409
        r = chair.post(f"/api/sessions/{s}/close", json={"on": OPENS})
        assert r.status_code == 201 and r.json()[0]["type"] == "session.closed"
        assert "Convene a session of Congress" in chair.get("/").text
        assert "Convene a session" not in delegate.get("/").text
