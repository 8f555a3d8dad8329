"""The hash chain on both backends: appends, atomicity, tampering, export and import."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from itertools import pairwise

import pytest

from soviet.ledger import Act, ConcurrentAppend, Event, LedgerError, open_ledger, verify_rows
from soviet.ledger.event import GENESIS_HASH, canonical_json
from soviet.ledger.store import EMPTY
from soviet.ledger.transfer import export_lines, import_lines
from tests.ledger import raw


def fill(url: str, n: int = 10) -> list[Event]:
    with open_ledger(url) as ledger:
        acts = [Act("test.appended", {"n": i, "text": f"événement {i}"}, "alice")
                for i in range(n)]
        return ledger.append(acts, EMPTY)


def verdict(url: str) -> tuple[int | None, str]:
    with open_ledger(url) as ledger:
        v = verify_rows(ledger.rows())
    return v.bad_seq, v.problem


def test_append_chains_and_verifies(ledger_url: str) -> None:
    events = fill(ledger_url)
    assert [e.seq for e in events] == list(range(1, 11))
    assert events[0].prev_hash == GENESIS_HASH
    assert all(b.prev_hash == a.hash for a, b in pairwise(events))
    with open_ledger(ledger_url) as ledger:
        assert list(ledger.events()) == events
        assert ledger.head().seq == 10
        assert verify_rows(ledger.rows()).sound


def test_hash_is_sha256_of_prev_hash_and_canonical_json(ledger_url: str) -> None:
    import hashlib

    e = fill(ledger_url, 1)[0]
    body = canonical_json([e.seq, e.recorded_at, e.actor, e.type, e.payload])
    assert hashlib.sha256((GENESIS_HASH + body).encode()).hexdigest() == e.hash


@dataclass(frozen=True)
class Moved:
    body: str
    to: str | None
    at: tuple[int, ...]


@pytest.mark.parametrize("value", [
    {"z": 1, "a": [True, None, "é\u2028\x01\"\\"], "m": {"b": 0.1, "a": -0.0}},
    {"count": 1e16, "small": 1.5e-07, "name": "m1e5"},  # exponent floats: the slow path
    [123456789012345678.0, 5e-324, 1.0],
])
def test_canonical_json_is_json_dumps_with_sorted_keys(value: object) -> None:
    """The fast encoder and the definition agree, floats in exponent form included."""
    assert canonical_json(value) == json.dumps(value, sort_keys=True, separators=(",", ":"),
                                               ensure_ascii=False, allow_nan=False)


def test_a_dataclass_payload_is_the_object_of_its_fields() -> None:
    plain = {"body": "u1", "to": None, "at": [1, 2]}
    assert canonical_json(Moved("u1", None, (1, 2))) == canonical_json(plain)
    assert canonical_json({"x": Moved("u1", "1e5", (1,)), "f": 2e20}) == \
        '{"f":2e+20,"x":{"at":[1],"body":"u1","to":"1e5"}}'


def test_stale_append_is_refused_whole(ledger_url: str) -> None:
    fill(ledger_url, 3)
    with open_ledger(ledger_url) as ledger:
        stale = ledger.head()
        ledger.append([Act("test.appended", {"n": 99})], stale)
        with pytest.raises(ConcurrentAppend, match="expected to append after event 3") as e:
            ledger.append([Act("test.appended", {"n": 1}), Act("test.appended", {"n": 2})],
                          stale)
        assert e.value.retryable
        assert ledger.head().seq == 4


def test_failed_batch_leaves_nothing(ledger_url: str) -> None:
    """A batch whose second event the database refuses is rolled back with its first."""
    events = fill(ledger_url, 2)
    with open_ledger(ledger_url) as ledger:
        good = Event(3, events[1].hash, "x" * 64, events[1].recorded_at, "a", "t", "{}")
        broken = Event(4, good.hash, "y" * 64, good.recorded_at, "a", "t", None)  # type: ignore[arg-type]
        with pytest.raises(LedgerError, match="nothing stored"):
            ledger.restore([good, broken])
        with pytest.raises(LedgerError, match="cannot store event 5 after event 3"):
            ledger.restore([good, good._replace(seq=5)])
        assert ledger.head().seq == 2
        assert verify_rows(ledger.rows()).sound


@pytest.mark.parametrize(
    ("attack", "bad", "words"),
    [
        ("UPDATE events SET payload = '{\"n\":5,\"text\":\"forged\"}' WHERE seq = 6", 6,
         "altered"),
        ("UPDATE events SET actor = 'mallory' WHERE seq = 4", 4, "altered"),
        ("UPDATE events SET recorded_at = '2001-01-01T00:00:00.000000Z' WHERE seq = 2", 2,
         "altered"),
        ("DELETE FROM events WHERE seq = 5", 5, "missing"),
        ("DELETE FROM events WHERE seq = 1", 1, "missing"),
    ],
)
def test_tampering_is_named(ledger_url: str, attack: str, bad: int, words: str) -> None:
    fill(ledger_url)
    raw.execute(ledger_url, attack)
    seq, problem = verdict(ledger_url)
    assert seq == bad
    assert words in problem


def test_swapped_events_are_named(ledger_url: str) -> None:
    fill(ledger_url)
    raw.execute(ledger_url, "UPDATE events SET seq = -1 WHERE seq = 3")
    raw.execute(ledger_url, "UPDATE events SET seq = 3 WHERE seq = 7")
    raw.execute(ledger_url, "UPDATE events SET seq = 7 WHERE seq = -1")
    assert verdict(ledger_url)[0] == 3


def test_deleted_then_renumbered_is_named(ledger_url: str) -> None:
    """Closing the gap after a deletion does not hide it: the links no longer match."""
    fill(ledger_url)
    raw.execute(ledger_url, "DELETE FROM events WHERE seq = 4")
    raw.execute(ledger_url, "UPDATE events SET seq = seq - 1 WHERE seq > 4")
    seq, problem = verdict(ledger_url)
    assert seq == 4
    assert "does not follow" in problem


def test_inserted_event_is_named(ledger_url: str) -> None:
    events = fill(ledger_url)
    raw.execute(ledger_url, "UPDATE events SET seq = seq + 1000 WHERE seq >= 6")
    raw.execute(ledger_url, "UPDATE events SET seq = seq - 999 WHERE seq >= 1000")
    forged = events[4]
    raw.execute(ledger_url, "INSERT INTO events VALUES (?,?,?,?,?,?,?)", 6, forged.hash,
                "f" * 64, forged.recorded_at, "mallory", "test.appended", "{}")
    seq, problem = verdict(ledger_url)
    assert seq == 6
    assert "altered" in problem


def test_export_import_round_trip_byte_for_byte(ledger_url: str, tmp_path: object) -> None:
    fill(ledger_url, 25)
    first = io.StringIO()
    with open_ledger(ledger_url) as ledger:
        assert export_lines(ledger, first) == 25
    target = f"sqlite:///{tmp_path}/copy.db"  # type: ignore[str-bytes-safe]
    with open_ledger(target) as copy:
        assert import_lines(copy, io.StringIO(first.getvalue())) == 25
        second = io.StringIO()
        export_lines(copy, second)
    assert second.getvalue() == first.getvalue()
    for line in first.getvalue().splitlines():
        assert line == canonical_json(json.loads(line))


def test_import_refuses_a_damaged_file_and_stores_nothing(
    ledger_url: str, tmp_path: object
) -> None:
    source = f"sqlite:///{tmp_path}/source.db"  # type: ignore[str-bytes-safe]
    fill(source, 5)
    text = io.StringIO()
    with open_ledger(source) as ledger:
        export_lines(ledger, text)
    lines = text.getvalue().splitlines(keepends=True)
    damaged = [*lines[:2], lines[2].replace('"n":2', '"n":3'), *lines[3:]]
    with open_ledger(ledger_url) as target:
        with pytest.raises(LedgerError, match="event 3 of the file: event 3 was altered"):
            import_lines(target, damaged)
        with pytest.raises(LedgerError, match="line 2: not a ledger event"):
            import_lines(target, [lines[0], "{not json\n"])
        assert target.head() == EMPTY
        import_lines(target, lines)
        with pytest.raises(LedgerError, match="already holds events"):
            import_lines(target, lines)
