"""A limit on login attempts: a few tries per address and per member in a window, then wait.

Kept in the process's memory: with several servers each keeps its own count, so the limit an
attacker meets is this many tries per server (still far too few to guess a password or a code).
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque

TRIES = 10
WINDOW = 300.0


class TooMany(Exception):
    """Too many attempts: ``wait`` seconds until the next is allowed."""

    def __init__(self, wait: int) -> None:
        super().__init__(f"too many login attempts: try again in {wait} s")
        self.wait = wait


class Limiter:
    def __init__(self, tries: int = TRIES, window: float = WINDOW) -> None:
        self.tries = tries
        self.window = window
        self._seen: defaultdict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def attempt(self, *keys: str) -> None:
        """Count an attempt under every key, or raise :class:`TooMany` if any key is spent."""
        now = time.monotonic()
        with self._lock:
            for key in keys:
                seen = self._seen[key]
                while seen and seen[0] <= now - self.window:
                    seen.popleft()
                if len(seen) >= self.tries:
                    raise TooMany(int(seen[0] + self.window - now) + 1)
            for key in keys:
                self._seen[key].append(now)
