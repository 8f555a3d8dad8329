"""Verification of the hash chain: names the first event that was altered, removed or moved."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from json.encoder import encode_basestring

from soviet.ledger.event import GENESIS_HASH
from soviet.ledger.store import Head, Row


@dataclass(frozen=True)
class Verdict:
    """The outcome of a check: the head reached, and the first fault if there is one."""

    checked: int
    head: Head
    bad_seq: int | None = None
    problem: str = ""

    @property
    def sound(self) -> bool:
        return self.bad_seq is None


def verify_rows(rows: Iterable[Row]) -> Verdict:
    """Walk the chain once, rehashing each event from the stored text.

    Each fault has its own wording so an auditor knows where to look: a gap in the numbers
    is a missing event; a link that does not name its predecessor's hash is a removed,
    inserted or reordered event; a hash that does not match its own content is an altered one.
    """
    sha = hashlib.sha256
    enc = encode_basestring
    prev = GENESIS_HASH
    expect = 1
    checked = 0
    for seq, prev_hash, hash_, recorded_at, actor, type_, payload in rows:
        if seq != expect:
            problem = (f"event {expect} is missing (next stored is {seq})" if seq > expect
                       else f"event {seq} is out of order (expected {expect})")
            return Verdict(checked, Head(expect - 1, prev), min(seq, expect), problem)
        if prev_hash != prev:
            return Verdict(checked, Head(seq - 1, prev), seq,
                           f"event {seq} does not follow event {seq - 1}: its link is "
                           f"{prev_hash[:12]}…, the chain holds {prev[:12]}… (an event was "
                           "removed, inserted or reordered)")
        body = f"[{seq},{enc(recorded_at)},{enc(actor)},{enc(type_)},{payload}]"
        if sha((prev + body).encode()).hexdigest() != hash_:
            return Verdict(checked, Head(seq - 1, prev), seq,
                           f"event {seq} was altered: its content does not match its hash")
        prev = hash_
        expect += 1
        checked += 1
    return Verdict(checked, Head(expect - 1, prev))
