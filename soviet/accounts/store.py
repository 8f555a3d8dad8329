"""Accounts in the ledger's own database (SQLite file or PostgreSQL), in tables of their own.

Passwords are stored as argon2id hashes; one-time codes and session tokens only as SHA-256
digests, so a copy of the database lets nobody log in. A code is spent by the ``DELETE`` that
reads it, so two people typing the same code at once cannot both get in.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

import psycopg
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from soviet.codes import random_code
from soviet.ledger.open import default_url

SCHEMA = """
CREATE TABLE IF NOT EXISTS accounts (
    member   TEXT PRIMARY KEY,
    password TEXT,
    language TEXT
);
CREATE TABLE IF NOT EXISTS login_codes (
    digest  TEXT PRIMARY KEY,
    member  TEXT NOT NULL,
    expires TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS web_sessions (
    digest  TEXT PRIMARY KEY,
    member  TEXT NOT NULL,
    csrf    TEXT NOT NULL,
    expires TEXT NOT NULL
);
"""

SESSION_HOURS = 12
REMEMBER = 5.0
"""Seconds a looked-up session is kept in memory: a storm of votes asks for the same sessions
thousands of times a second. A logout on another server takes this long to reach this one."""
CODE_HOURS = 24

_hasher = PasswordHasher()


@cache
def _dummy() -> str:
    """A hash to check an unknown member's password against (so it takes as long as a known
    one's); made at the first login, not at every command's start."""
    return _hasher.hash("a password nobody has")


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _later(hours: int) -> str:
    return (datetime.now(UTC) + timedelta(hours=hours)).isoformat()


def _now() -> str:
    return datetime.now(UTC).isoformat()


@dataclass(frozen=True)
class Login:
    """A browser session: the member it belongs to, and the token forms must echo (CSRF)."""

    member: str
    csrf: str
    language: str | None
    """Chosen by the member; None until they choose (their browser's is used)."""


class Accounts:
    """The account tables of the database at ``url`` (one connection, used under a lock)."""

    def __init__(self, url: str | None = None) -> None:
        url = url or default_url()
        self._lock = threading.Lock()
        self._remembered: dict[str, tuple[Login, float]] = {}
        self._db: Any
        self.local = url.startswith("sqlite:///")
        """Whether the tables are in a file on this machine, where looking up a session takes
        microseconds (so an event loop may do it itself rather than send it to a thread)."""
        if self.local:
            self._db = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None,
                                       timeout=60, check_same_thread=False)
            self._db.executescript(SCHEMA)
            self._mark = "?"
        else:
            self._db = psycopg.connect(url, autocommit=True)
            with self._db.transaction():
                self._db.execute("SELECT pg_advisory_xact_lock(7318)")
                self._db.execute(SCHEMA)
            self._mark = "%s"

    def _run(self, sql: str, args: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            cur = self._db.execute(sql.replace("?", self._mark), tuple(args))
            return list(cur.fetchall()) if cur.description else []

    def _enrol(self, member: str) -> None:
        """An account row for ``member`` (without a password) if there is none yet."""
        self._run("INSERT INTO accounts (member) VALUES (?) ON CONFLICT (member) DO NOTHING",
                  (member,))

    def set_password(self, member: str, password: str) -> None:
        """Give ``member`` a password (at least 10 characters), replacing any earlier one."""
        if len(password) < 10:
            raise ValueError("a password has at least 10 characters")
        hashed = _hasher.hash(password)
        self._run("INSERT INTO accounts (member, password) VALUES (?, ?) ON CONFLICT (member) "
                  "DO UPDATE SET password = excluded.password", (member, hashed))

    def check_password(self, member: str, password: str) -> bool:
        """Whether ``password`` is ``member``'s; as slow for an unknown member as a known
        one, so timing does not tell which members have accounts."""
        rows = self._run("SELECT password FROM accounts WHERE member = ?", (member,))
        stored = rows[0][0] if rows and rows[0][0] else None
        try:
            return _hasher.verify(stored or _dummy(), password) and stored is not None
        except (VerificationError, InvalidHashError):
            return False

    def issue_code(self, member: str, hours: int = CODE_HOURS) -> str:
        """A one-time login code for ``member`` (shown once; only its digest is kept)."""
        code = random_code(3)
        self._enrol(member)
        self._run("INSERT INTO login_codes (digest, member, expires) VALUES (?, ?, ?)",
                  (_digest(code), member, _later(hours)))
        return code

    def redeem_code(self, code: str) -> str | None:
        """The member a valid, unexpired ``code`` was issued to; the code is spent."""
        rows = self._run("DELETE FROM login_codes WHERE digest = ? RETURNING member, expires",
                         (_digest(code.strip().upper()),))
        if not rows or rows[0][1] < _now():
            return None
        return str(rows[0][0])

    def open_session(self, member: str) -> str:
        """A new browser session for ``member``: the token for its cookie."""
        token = secrets.token_urlsafe(32)
        self._enrol(member)
        self._run("INSERT INTO web_sessions (digest, member, csrf, expires) VALUES (?, ?, ?, ?)",
                  (_digest(token), member, secrets.token_urlsafe(24), _later(SESSION_HOURS)))
        return token

    def remembered(self, token: str) -> Login | None:
        """The session ``token`` opens if it was looked up in the last few seconds, without
        touching the database (so an event loop may ask); None means: ask :meth:`login`."""
        return self._recall(_digest(token))

    def _recall(self, digest: str) -> Login | None:
        kept = self._remembered.get(digest)
        return kept[0] if kept is not None and kept[1] > time.monotonic() else None

    def login(self, token: str) -> Login | None:
        """The live session a cookie's ``token`` opens, if any."""
        digest = _digest(token)
        kept = self._recall(digest)
        if kept is not None:
            return kept
        rows = self._run("SELECT s.member, s.csrf, s.expires, a.language FROM web_sessions s "
                         "JOIN accounts a ON a.member = s.member WHERE s.digest = ?",
                         (digest,))
        if not rows or rows[0][2] < _now():
            return None
        member, csrf, _, language = rows[0]
        login = Login(str(member), str(csrf), None if language is None else str(language))
        if len(self._remembered) > 10_000:
            self._remembered.clear()
        self._remembered[digest] = (login, time.monotonic() + REMEMBER)
        return login

    def end_session(self, token: str) -> None:
        self._remembered.pop(_digest(token), None)
        self._run("DELETE FROM web_sessions WHERE digest = ?", (_digest(token),))

    def set_language(self, member: str, language: str) -> None:
        self._run("UPDATE accounts SET language = ? WHERE member = ?", (language, member))
        self._remembered = {d: kept for d, kept in self._remembered.items()
                            if kept[0].member != member}

    def close(self) -> None:
        self._db.close()
