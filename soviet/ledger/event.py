"""Events as the ledger stores them, and the canonical encoding their hashes are taken over.

The hash of an event is ``sha256(prev_hash + canonical_json([seq, recorded_at, actor, type,
payload]))``. The sequence number and time are inside the hashed body, so moving, renumbering
or back-dating an event breaks the chain as surely as editing its payload.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from json.encoder import encode_basestring
from typing import Any, NamedTuple

import msgspec

GENESIS_HASH = "0" * 64

JSON = dict[str, Any]


_FAST = msgspec.json.Encoder(order="sorted")
# msgspec writes a float in exponent form as ``1e16`` where ``json.dumps`` writes ``1e+16``;
# everything else (text, integers, other floats, keys in order) comes out byte for byte the same.
_EXPONENT = re.compile(r"[0-9]e[-0-9]")


def canonical_json(value: Any) -> str:
    """The one encoding of a value: ``json.dumps`` with sorted keys, no spaces, UTF-8 text,
    no NaN; a dataclass is written as the object of its fields.

    msgspec writes the same bytes seven times faster, so it goes first; a text that may hold a
    float in exponent form is written again by ``json.dumps``, which stays the definition. (A
    NaN, which the rules never produce, would be written as ``null`` rather than refused.)
    """
    text = _FAST.encode(value).decode()
    if _EXPONENT.search(text) is None:
        return text
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False, default=_fields)


def _fields(value: Any) -> dict[str, Any]:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    raise TypeError(f"{type(value).__name__} is not JSON")


def event_hash(prev_hash: str, seq: int, recorded_at: str, actor: str, type_: str,
               payload_json: str) -> str:
    """Hash of one event, given the canonical JSON text of its payload.

    The envelope is written by hand rather than through ``json.dumps`` so that ``verify`` can
    rehash a million stored events without decoding their payloads; it is the same bytes
    ``canonical_json([seq, recorded_at, actor, type_, payload])`` would produce.
    """
    body = (f"[{seq},{encode_basestring(recorded_at)},{encode_basestring(actor)},"
            f"{encode_basestring(type_)},{payload_json}]")
    return hashlib.sha256((prev_hash + body).encode()).hexdigest()


def now_utc() -> str:
    """Recorded time: UTC, microseconds, fixed width, so text order is time order."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


@dataclass(frozen=True)
class Act:
    """An event a command wants recorded: not yet numbered, timed or hashed. The payload is a
    mapping, or a dataclass whose fields are its keys (a domain event, encoded directly)."""

    type: str
    payload: Any
    actor: str = "system"


class Event(NamedTuple):
    """An event as recorded: numbered, timed and chained to the one before it.

    A named tuple rather than a dataclass: replay builds a million of these per second, and a
    stored row is already a tuple in this order.
    """

    seq: int
    prev_hash: str
    hash: str
    recorded_at: str
    actor: str
    type: str
    payload_json: str

    @property
    def payload(self) -> JSON:
        value: JSON = msgspec.json.decode(self.payload_json)
        return value

    @property
    def time(self) -> datetime:
        return parse_time(self.recorded_at)

    def expected_hash(self) -> str:
        return event_hash(self.prev_hash, self.seq, self.recorded_at, self.actor, self.type,
                          self.payload_json)

    def to_line(self) -> str:
        """One JSON Lines record; ``from_line`` reads it back to the same event, byte for byte."""
        return (f'{{"actor":{encode_basestring(self.actor)},"hash":"{self.hash}",'
                f'"payload":{self.payload_json},"prev_hash":"{self.prev_hash}",'
                f'"recorded_at":{encode_basestring(self.recorded_at)},"seq":{self.seq},'
                f'"type":{encode_basestring(self.type)}}}')

    @staticmethod
    def from_line(line: str) -> Event:
        d = json.loads(line)
        if not isinstance(d, dict):
            raise ValueError("not a JSON object")
        missing = {"seq", "prev_hash", "hash", "recorded_at", "actor", "type", "payload"} - set(d)
        if missing:
            raise ValueError(f"missing field(s): {', '.join(sorted(missing))}")
        return Event(seq=int(d["seq"]), prev_hash=str(d["prev_hash"]), hash=str(d["hash"]),
                     recorded_at=str(d["recorded_at"]), actor=str(d["actor"]),
                     type=str(d["type"]), payload_json=canonical_json(d["payload"]))


def chain(prev_hash: str, first_seq: int, acts: list[Act], recorded_at: str) -> list[Event]:
    """Number, time and hash a command's acts after the event with ``prev_hash``."""
    out: list[Event] = []
    for i, act in enumerate(acts):
        seq = first_seq + i
        payload_json = canonical_json(act.payload)
        h = event_hash(prev_hash, seq, recorded_at, act.actor, act.type, payload_json)
        out.append(Event(seq, prev_hash, h, recorded_at, act.actor, act.type, payload_json))
        prev_hash = h
    return out
