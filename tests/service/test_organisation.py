"""The Organisation facade on both backends: decide against current state, record atomically."""

from __future__ import annotations

import psycopg
import pytest

from soviet.model.events import MemberJoined
from soviet.model.state import State
from soviet.rules import membership
from soviet.rules.founding import amend, found
from soviet.rules.refusal import Refusal
from soviet.service import Organisation
from soviet.service.organisation import Decision


def join(member: str) -> Decision:
    return lambda state: membership.join(state, member, member.title(), "u1", "2026-01-01")


def test_found_once_then_refuse(ledger_url: str) -> None:
    with Organisation.open(ledger_url) as org:
        [event] = org.execute(lambda s: found(s, "  Tenants' Union ", {"name": "v1"}), "init")
        assert event.seq == 1
        assert org.state().name == "Tenants' Union"
        with pytest.raises(Refusal, match="founding: this ledger already holds"):
            org.execute(lambda s: found(s, "Other", {}))
        with pytest.raises(Refusal, match="the same as the one in force"):
            org.execute(lambda s: amend(s, {"name": "v1"}, None))
        assert org.ledger.head().seq == 1


def test_a_second_server_sees_the_first_ones_acts(ledger_url: str) -> None:
    """Two facades on one ledger: each decides on state that includes the other's acts."""
    with Organisation.open(ledger_url) as a, Organisation.open(ledger_url) as b:
        a.execute(lambda s: found(s, "Union", {}))
        b.state()
        a.execute(join("ana"))
        with pytest.raises(Refusal, match=r"ana is already a member \(of u1 since 2026-01-01\)"):
            b.execute(join("ana"))
        b.execute(join("ben"))
        assert sorted(a.state().members) == ["ana", "ben"]
        assert a.ledger.head().seq == 3


def test_stale_decision_is_retried_on_fresh_state(ledger_url: str) -> None:
    """b's cached head is stale when it appends; it must re-decide, not fork or overwrite."""
    with Organisation.open(ledger_url) as a, Organisation.open(ledger_url) as b:
        a.execute(lambda s: found(s, "Union", {}))
        b.state()
        seen: list[int] = []

        def decide(state: State) -> list[MemberJoined]:
            seen.append(state.seq)
            if len(seen) == 1:
                a.execute(join("ana"))
            return [MemberJoined(member=f"m{state.seq}", name="X", unit="u", since="2026-01-01")]

        [event] = b.execute(decide)
        assert seen == [1, 2]
        assert event.seq == 3
        assert event.payload["member"] == "m2"


def test_postgres_appends_notify_listeners(postgres: str) -> None:
    url = f"{postgres}/postgres"
    with psycopg.connect(url, autocommit=True) as listener, Organisation.open(url) as org:
        org.ledger.head()
        listener.execute("LISTEN soviet_events")
        org.execute(lambda s: found(s, "Union", {}) if not s.founded else [])
        note = next(listener.notifies(timeout=10, stop_after=1))
        assert note.channel == "soviet_events"
        assert int(note.payload) == org.ledger.head().seq


def test_enrol_is_all_or_nothing(ledger_url: str) -> None:
    with Organisation.open(ledger_url) as org:
        org.execute(lambda s: found(s, "Union", {}))
        org.execute(join("ana"))
        rows = [("ben", "Ben", "u1", "2026-01-01"), ("cy", "Cy", "u2", "2026-01-01")]
        with pytest.raises(Refusal, match="ana is already a member"):
            org.execute(lambda s: membership.enrol(s, [*rows, ("ana", "A", "u1", "2026-01-01")]))
        with pytest.raises(Refusal, match="ben appears twice in the roll"):
            org.execute(lambda s: membership.enrol(s, [*rows, rows[0]]))
        assert org.ledger.head().seq == 2
        assert len(org.execute(lambda s: membership.enrol(s, rows))) == 2
        assert sorted(org.state().members) == ["ana", "ben", "cy"]
