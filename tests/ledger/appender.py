"""A writer process for the concurrency and crash tests.

Appends ``count`` events (``batch`` per transaction), retrying when another writer got in first,
and prints ``seq hash`` of every event only after its commit returned: those lines are the
acknowledged events that must survive anything.
"""

from __future__ import annotations

import sys

from soviet.ledger import Act, ConcurrentAppend, open_ledger


def main(url: str, tag: str, count: int, batch: int) -> None:
    with open_ledger(url) as ledger:
        done = 0
        while done < count:
            n = min(batch, count - done)
            acts = [Act("test.appended", {"by": tag, "n": done + i}, tag) for i in range(n)]
            try:
                events = ledger.append(acts, ledger.head())
            except ConcurrentAppend:
                continue
            sys.stdout.write("".join(f"{e.seq} {e.hash}\n" for e in events))
            sys.stdout.flush()
            done += n


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
