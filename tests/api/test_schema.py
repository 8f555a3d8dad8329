"""Schemathesis against the API's own OpenAPI document: no generated request, valid or not,
gets a 5xx.

A real server on a SQLite ledger holds a sitting congress (every delegate present and admitted,
a motion admitted and one waiting for support, a named poll and a secret ballot open, one
ballot in the box), and every request comes from n2m1, a delegate of the executive who
presides: so generated requests reach the rules, not only the login check. Each generated
id, date or choice is, half the time, swapped for one that exists, so the rules see
well-formed acts on real records as well as nonsense.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error

from soviet.accounts import Accounts
from soviet.api import create_app
from soviet.rules import motions, polls, recall
from soviet.service import Organisation
from tests.api.server import serving
from tests.rules.sessions import DELEGATES, OPENS, convention, delegates, sitting
from tests.rules.tree import build

CHAIR = "n2m1"
"""A delegate to the congress who sits on the executive, so presides."""

RECEIPT = "ABCD-EFGH-JKLM-NPQR"
"""The receipt of the one ballot in the secret ballot's box."""

MEMBERS = [*DELEGATES, "n1m3", "s3m2", "nobody"]
KNOWN: dict[str, list[Any]] = {
    "session": ["S1"], "poll": ["PO1", "PO2"], "motion": ["MO1", "MO2"], "amends": ["MO1"],
    "mandate": ["M5", "M12", "M17"], "petition": ["P1"],
    "body": ["congress", "exec", "north", "n1", "s3"], "member_id": MEMBERS,
    "member": MEMBERS, "speaker": MEMBERS, "proxy_for": MEMBERS, "receipt": [RECEIPT],
    "item": ["1"], "on": [OPENS, "2026-05-02"], "opens": [OPENS, "2027-05-01"],
    "choice": ["yes", "no", "abstain"], "parts": [{"yes": "100", "no": "200/3"}],
    "secrecy": list(polls.SECRECY), "kind": ["ordinary", "debate", "point_of_order"],
    "language": ["en", "sv", "ru"]}
"""Ids, dates and choices that exist in the seeded congress, by the name of the field or path
parameter that carries them."""


class Server(NamedTuple):
    base: str
    token: str
    accounts: Accounts


def _seed(url: str) -> None:
    """The congress the requests act on, with the ids :data:`KNOWN` names (a petition to
    recall n2m2 from the north council, which CHAIR, of the same unit, may sign)."""
    with Organisation.open(url) as org:
        tree = delegates(build(org, convention()))
        tree.elect("congress", "exec", [CHAIR])
        s = sitting(tree)
        tree(motions.submit, s, "1", "n1m1", "Programme", "We adopt it.", OPENS)
        tree(motions.support, "MO1", "n1m2")
        tree(motions.submit, s, "1", "s1m1", "Amnesty", "We grant it.", OPENS)
        tree(polls.open_poll, s, OPENS, question="Adopt the programme", secrecy="named")
        tree(polls.open_poll, s, OPENS, question="Elect the bureau", secrecy="ballot")
        tree(polls.cast, "PO2", "n1m1", choice="yes", receipt=RECEIPT)
        tree(recall.file_petition, "M5", "n2m3", "Never reports back.", OPENS)
        state = org.state()
    assert s == "S1" and state.motions["MO1"].status == "admitted"
    assert state.motions["MO2"].status == "submitted" and set(state.polls) == {"PO1", "PO2"}
    assert [(state.mandates[m].holder, state.mandates[m].body) for m in ("M5", "M12", "M17")
            ] == [("n2m2", "north"), ("n1m1", "congress"), (CHAIR, "exec")]
    assert state.petitions["P1"].mandate == "M5"


@contextmanager
def _serving_seeded(folder: Path) -> Iterator[Server]:
    url = f"sqlite:///{folder / 'api.db'}"
    _seed(url)
    accounts = Accounts(url)
    try:
        with serving(url) as base:
            yield Server(base, accounts.open_session(CHAIR), accounts)
    finally:
        accounts.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with _serving_seeded(tmp_path_factory.mktemp("schema")) as running:
        yield running


@pytest.fixture
def chair(tmp_path: Path) -> Iterator[httpx.Client]:
    """A client of a freshly seeded server, authenticated as the chair."""
    with _serving_seeded(tmp_path) as running, httpx.Client(
            base_url=running.base, headers={"Authorization": f"Bearer {running.token}"},
            timeout=30) as client:
        yield client


def _sometimes_known(values: Any) -> st.SearchStrategy[Any]:
    """``values`` with each field that names a record either as generated or one that
    exists."""
    if not isinstance(values, dict):
        return st.just(values)
    return st.fixed_dictionaries({
        k: st.one_of(st.just(v), st.sampled_from(KNOWN[k])) if k in KNOWN else st.just(v)
        for k, v in values.items()})


# The document the application itself publishes (building it opens no ledger). /api/stream
# answers an endless event stream: a request to it never completes, so it has no response to
# judge.
schema = schemathesis.openapi.from_dict(create_app().openapi()).exclude(path="/api/stream")
SESSION_CLOSE = {"method": "POST", "path": "/api/sessions/{session}/close"}
"""Closing the session ends every act of its floor, so it goes last: the other operations
meet a sitting congress."""


@schema.hook
def flatmap_path_parameters(_: Any, path_parameters: Any) -> st.SearchStrategy[Any]:
    return _sometimes_known(path_parameters)


@schema.hook
def flatmap_body(_: Any, body: Any) -> st.SearchStrategy[Any]:
    return _sometimes_known(body)


EXAMPLES = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def _call(case: schemathesis.Case, server: Server) -> None:
    # a logout ends the session it is sent with: give it one of its own
    token = (server.accounts.open_session(CHAIR) if case.operation.path == "/api/logout"
             else server.token)
    case.call_and_validate(base_url=server.base, headers={"Authorization": f"Bearer {token}"},
                           checks=[not_a_server_error])


@schema.exclude(**SESSION_CLOSE).parametrize()
@EXAMPLES
def test_no_request_gets_a_server_error(case: schemathesis.Case, server: Server) -> None:
    _call(case, server)


@schema.include(**SESSION_CLOSE).parametrize()
@EXAMPLES
def test_closing_the_session_gets_no_server_error(case: schemathesis.Case, server: Server
                                                  ) -> None:
    _call(case, server)


# What the generated requests found, kept as plain requests so that each stays checked.

def test_a_vote_figure_must_be_digits(chair: httpx.Client) -> None:
    """``1e100000`` was read by ``Fraction`` and its refusal could not write the number out
    (500); ``1e999999999`` would have kept the server busy building a billion digits."""
    for figure in ("1e100000", "1e999999999", "-1", " 12", "1_000", "nan"):
        r = chair.post("/api/polls/PO1/votes", json={"parts": {"yes": figure}})
        assert r.status_code == 422, (figure, r.text)
    r = chair.post("/api/polls/PO1/votes", json={"parts": {"yes": "200/3"}})
    assert r.status_code == 201, r.text


def test_a_poll_closes_after_a_voter_has_left(chair: httpx.Client) -> None:
    """Found by schemathesis: a delegate who voted and left was counted as present twice (their
    share, handed to their delegation's others, and their vote), more than the seats (500)."""
    r = chair.post("/api/sessions/S1/attendance",
                   json={"member": "n1m1", "present": False, "on": OPENS})
    if r.status_code != 201:  # not the failure this test expects
        pytest.fail(r.text)
    r = chair.post("/api/polls/PO2/close", json={"on": OPENS})
    assert r.status_code == 201, r.text
    assert r.json()[0]["payload"]["present"] == "2000"
