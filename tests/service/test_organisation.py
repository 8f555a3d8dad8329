"""The Organisation facade on both backends: decide against current state, record atomically."""

from __future__ import annotations

import psycopg
import pytest

from soviet.model.events import MembersJoined
from soviet.model.state import State
from soviet.rules import membership
from soviet.rules.founding import amend, found
from soviet.rules.refusal import Refusal
from soviet.rules.structure import create_body
from soviet.service import Organisation
from soviet.service.organisation import Decision
from tests.conftest import CHARTER_JSON

ON = "2026-01-01"


def join(member: str) -> Decision:
    return lambda state: membership.join(state, "u1", [(member, member.title())], ON)


def founded(org: Organisation) -> None:
    org.execute(lambda s: found(s, "Union", CHARTER_JSON))
    org.execute(lambda s: create_body(s, "congress", "Congress", "congress", None, ON))
    org.execute(lambda s: create_body(s, "u1", "Unit 1", "unit_assembly", "congress", ON))


def test_found_once_then_refuse(ledger_url: str) -> None:
    with Organisation.open(ledger_url) as org:
        [event] = org.execute(lambda s: found(s, "  Tenants' Union ", CHARTER_JSON), "init")
        assert event.seq == 1
        assert org.state().name == "Tenants' Union"
        with pytest.raises(Refusal, match="founding: this ledger already holds"):
            org.execute(lambda s: found(s, "Other", CHARTER_JSON))
        with pytest.raises(Refusal, match="the same as the one in force"):
            org.execute(lambda s: amend(s, CHARTER_JSON, None))
        assert org.ledger.head().seq == 1


def test_a_second_server_sees_the_first_ones_acts(ledger_url: str) -> None:
    """Two facades on one ledger: each decides on state that includes the other's acts."""
    with Organisation.open(ledger_url) as a, Organisation.open(ledger_url) as b:
        founded(a)
        b.state()
        a.execute(join("ana"))
        with pytest.raises(Refusal, match=r"ana is already a member \(of u1 since 2026-01-01\)"):
            b.execute(join("ana"))
        b.execute(join("ben"))
        assert sorted(a.state().members) == ["ana", "ben"]
        assert a.ledger.head().seq == 5


def test_stale_decision_is_retried_on_fresh_state(ledger_url: str) -> None:
    """b's cached head is stale when it appends; it must re-decide, not fork or overwrite."""
    with Organisation.open(ledger_url) as a, Organisation.open(ledger_url) as b:
        founded(a)
        b.state()
        seen: list[int] = []

        def decide(state: State) -> list[MembersJoined]:
            seen.append(state.seq)
            if len(seen) == 1:
                a.execute(join("ana"))
            return [MembersJoined(unit="u1", members=[(f"m{state.seq}", "X")], on=ON)]

        [event] = b.execute(decide)
        assert seen == [3, 4]
        assert event.seq == 5
        assert event.payload["members"] == [["m4", "X"]]


def test_a_roll_joins_all_or_nothing(ledger_url: str) -> None:
    with Organisation.open(ledger_url) as org:
        founded(org)
        org.execute(join("ana"))
        rows = [("ben", "Ben"), ("cy", "Cy")]
        with pytest.raises(Refusal, match="ana is already a member"):
            org.execute(lambda s: membership.join(s, "u1", [*rows, ("ana", "A")], ON))
        with pytest.raises(Refusal, match="ben appears twice in the roll"):
            org.execute(lambda s: membership.join(s, "u1", [*rows, rows[0]], ON))
        assert org.ledger.head().seq == 4
        org.execute(lambda s: membership.join(s, "u1", rows, ON))
        assert sorted(org.state().members) == ["ana", "ben", "cy"]
        assert org.state().unit_sizes["u1"] == 3


def test_postgres_appends_notify_listeners(postgres: str) -> None:
    url = f"{postgres}/postgres"
    with psycopg.connect(url, autocommit=True) as listener, Organisation.open(url) as org:
        org.ledger.head()
        listener.execute("LISTEN soviet_events")
        org.execute(lambda s: found(s, "Union", CHARTER_JSON) if not s.founded else [])
        note = next(listener.notifies(timeout=10, stop_after=1))
        assert note.channel == "soviet_events"
        assert int(note.payload) == org.ledger.head().seq


def test_threads_share_one_organisation(tmp_path: object) -> None:
    """Four threads deciding on one facade: every join lands once, on the state it saw."""
    import threading

    from soviet.ledger import verify_rows

    with Organisation.open(f"sqlite:///{tmp_path}/t.db") as org:
        founded(org)
        errors: list[BaseException] = []

        def work(k: int) -> None:
            try:
                for i in range(20):
                    org.execute(join(f"t{k}-{i}"))
            except BaseException as e:  # pragma: no cover - reported below
                errors.append(e)

        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors
        assert len(org.state().members) == 80
        assert org.state().unit_sizes["u1"] == 80
        assert verify_rows(org.ledger.rows()).checked == 83
