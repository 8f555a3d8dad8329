"""A member changes their own password through a real server, as ``soviet account password``
sets one: only with the old password, the new one held to the same rule; a wrong old password
refused and counted against the login limit."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import httpx
import pytest

from soviet.api.limits import TRIES
from soviet.service import Organisation
from tests.api.server import serving
from tests.api.test_api import PASSWORD, logged_in, passwords
from tests.rules.tree import build

NEW = "a new and longer password"


@pytest.fixture
def base(tmp_path: Path) -> Iterator[str]:
    """A server of its own (with a login limit of its own), n1m1 and n1m2 with passwords."""
    url = f"sqlite:///{tmp_path / 'api.db'}"
    with Organisation.open(url) as org:
        build(org)
    passwords(url, ["n1m1", "n1m2"])
    with serving(url) as running:
        yield running


def login(base: str, member: str, password: str) -> int:
    return httpx.post(f"{base}/api/login", json={"member": member, "password": password}
                      ).status_code


def test_a_member_changes_their_own_password(base: str) -> None:
    with closing(logged_in(base, "n1m1")) as member:
        r = member.post("/api/account/password", json={"old": "not my password", "new": NEW})
        assert r.status_code == 403 and r.json()["detail"] == "the old password is wrong"
        r = member.post("/api/account/password", json={"old": PASSWORD, "new": "short"})
        assert r.status_code == 422
        assert r.json()["detail"] == "new: a password has at least 10 characters"
        assert login(base, "n1m1", PASSWORD) == 200
        r = member.post("/api/account/password", json={"old": PASSWORD, "new": NEW})
        assert r.status_code == 204, r.text
    assert login(base, "n1m1", PASSWORD) == 401
    assert login(base, "n1m1", NEW) == 200
    assert login(base, "n1m2", PASSWORD) == 200


def test_only_a_signed_in_member_with_the_csrf_token(base: str) -> None:
    change = {"old": PASSWORD, "new": NEW}
    assert httpx.post(f"{base}/api/account/password", json=change).status_code == 401
    with closing(logged_in(base, "n1m1")) as member:
        del member.headers["X-CSRF-Token"]
        assert member.post("/api/account/password", json=change).status_code == 403
    assert login(base, "n1m1", PASSWORD) == 200


def test_wrong_old_passwords_count_against_the_login_limit(base: str) -> None:
    with closing(logged_in(base, "n1m1")) as member:  # the first try
        for _ in range(TRIES - 1):
            r = member.post("/api/account/password", json={"old": "a guess", "new": NEW})
            assert r.status_code == 403
        r = member.post("/api/account/password", json={"old": PASSWORD, "new": NEW})
        assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
    assert login(base, "n1m1", PASSWORD) == 429
