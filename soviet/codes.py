"""Codes people read aloud and type: the receipts of secret ballots and one-time login codes.

Five random bits a character, drawn in one read of the system's randomness: a congress draws
two thousand receipts in seconds, and a read per character cost more than counting the vote.
"""

from __future__ import annotations

import base64
import secrets

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
"""Letters and digits that cannot be misread for one another (no I/1, O/0): 32 of them."""

_FROM_BASE32 = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", ALPHABET)


def random_code(groups: int) -> str:
    """``groups`` groups of four characters of :data:`ALPHABET` (20 random bits a group),
    joined by hyphens."""
    chars = 4 * groups
    raw = base64.b32encode(secrets.token_bytes((chars * 5 + 7) // 8)).decode()
    code = raw[:chars].translate(_FROM_BASE32)
    return "-".join(code[i:i + 4] for i in range(0, chars, 4))
