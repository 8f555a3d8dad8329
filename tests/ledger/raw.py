"""Direct SQL on a ledger's database, bypassing the ledger: how the tamper tests attack it."""

from __future__ import annotations

import sqlite3
from typing import Any

import psycopg


def execute(url: str, sql: str, *params: Any) -> None:
    """Run ``sql`` with ``?`` placeholders on either backend, committed."""
    if url.startswith("sqlite:///"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
            db.execute(sql, params)
        return
    with psycopg.connect(url, autocommit=True) as pg:
        pg.execute(sql.replace("?", "%s"), params)  # type: ignore[arg-type]
