"""The congress sitting today: the acts that take an organisation, once a scenario has told its
story, to its next congress, in session on the day they are played, for the web app to show a
congress at work. They are a scenario of their own, built from the state (who sits where, what
the locals last reported) and dated back from today, and played like a file's acts.

Its executive convenes it ninety days ahead and publishes its theses eighty days ahead (the
charter's discussion must run its course before the opening); the day before it opens, each
local reports the paid-up members its delegation carries, as many as it last reported; on the
day every delegate registers, the credentials commission reports, three items are put on the
agenda, and a delegate outside the executive moves a motion that another supports, so that it
is admitted and a chair can put it to the vote at once."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from soviet.model.state import State
from soviet.rules.roles import presidium
from soviet.rules.strength import counted_on
from soviet.scenario.load import Scenario, scenario_from

CONVENED, PUBLISHED = timedelta(days=90), timedelta(days=80)
"""How long before the opening the congress is convened and its theses published."""
ITEMS = ("Strike fund", "Wages policy: a year of the single rate", "Report of the executive")
SESSION = "today"
"""The label of the session the acts convene."""


def congress_today(state: State, today: date, path: Path) -> Scenario:
    """The acts that convene the congress to open ``today`` and bring it to its first motion
    admitted; ``path`` is the scenario the state was played from (for the acts' messages)."""
    congress = next(b for b in state.bodies.values()
                    if b.kind == "congress" and b.dissolved is None)
    executives = presidium(state, congress.id)
    board = {m.holder for e in executives for m in state.sitting(e)}
    mover, supporter = [m.holder for m in sorted(state.sitting(congress.id),
                                                 key=lambda m: m.granted)
                        if m.holder not in board][:2]
    opens = today.isoformat()
    at = f"@{SESSION}"
    acts: list[dict[str, Any]] = [
        {"act": "convene", "body": congress.id, "title": f"{congress.name} {today.year}",
         "opens": opens, "on": today - CONVENED, "as": SESSION,
         "says": f"The executive convenes the {congress.name} to open today"},
        {"act": "theses", "session": at, "title": "Theses on a strike fund",
         "text": "The executive proposes a federation-wide strike fund of 1% of dues.",
         "authors": executives, "on": today - PUBLISHED,
         "says": "The executive publishes its theses; the pre-congress discussion begins"},
        *_paid_up(state, today),
        {"act": "open", "session": at, "on": opens, "says": "The congress opens"},
        {"act": "attend", "session": at, "members": [{"from": congress.id}], "on": opens,
         "says": "Every delegate registers as present"},
        {"act": "credentials", "session": at, "on": opens,
         "says": "The credentials commission reports on everyone registered"},
        *({"act": "agenda", "session": at, "title": title, "says": f"On the agenda: {title}"}
          for title in ITEMS),
        {"act": "motion", "session": at, "item": "1", "mover": mover,
         "title": "A federation strike fund",
         "text": "The congress establishes a strike fund of 1% of every local's dues, held by "
                 "the executive and paid out on the decision of a regional council.",
         "on": opens, "as": "strike-fund", "says": "A delegate moves a strike fund"},
        {"act": "support", "motion": "@strike-fund", "members": [supporter],
         "says": "Another delegate supports it, and it is admitted for debate"},
    ]
    return scenario_from({"title": f"The {congress.name} sits today", "act": acts}, path)


def _paid_up(state: State, today: date) -> list[dict[str, Any]]:
    """Each local's paid-up members for the months the charter averages a delegation's
    strength over, as many as in its last report (none where strength is counted otherwise)."""
    convention = state.rules.convention
    if convention.strength != "paid-up-average" or convention.paid_up_months is None:
        return []
    last = {unit: n for (unit, _), n in sorted(state.paid_up.items())}
    if not last:
        return []
    return [{"act": "paid_up", "units": last, "months": convention.paid_up_months,
             "before": counted_on(state, today.isoformat()), "on": today - timedelta(days=1),
             "says": f"The locals report their paid-up members for the "
                     f"{convention.paid_up_months} months before the congress, as many as "
                     "they last reported: a delegation votes with the average",
             "figures": "illustrative"}]
