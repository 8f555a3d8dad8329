"""Terms: a mandate given for a term ends on its ``term_ends`` day.

The seats held through it end with it (the cascade), but nothing fills them: no alternate
steps in and no by-election is called, since the term is over for the whole electorate and the
seat waits for the next regular election.
"""

from __future__ import annotations

from dataclasses import replace

from soviet.model.events import DomainEvent
from soviet.model.state import State
from soviet.rules.mandates import end_with_cascade
from soviet.rules.refusal import Refusal, founded


def expire_terms(state: State, on: str) -> list[DomainEvent]:
    """End every live mandate whose term ends on or before ``on`` (reason ``term``).

    Each ends on its own ``term_ends`` day, and the seats held through it on the same day,
    however late the expiry is recorded. The earliest end comes first, so a seat held through
    a mandate whose term ended earlier falls by the cascade; on the same day the later grant
    comes first, so a seat whose own term ends that day is recorded as ending by its term."""
    founded(state, "terms")
    due = sorted((m.term_ends, -m.granted, m.id) for m in state.mandates.values()
                  if m.ended is None and m.term_ends is not None and m.run_out(on))
    if not due:
        raise Refusal("terms", f"no live mandate's term ends on or before {on}")
    ends = {mid: day for day, _, mid in due}
    return [replace(e, on=ends[e.cause or e.mandate])
            for e in end_with_cascade(state, [mid for _, _, mid in due], "term", on)]
