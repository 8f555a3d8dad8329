"""A congress for the minutes tests, built through the rules on a real ledger: a North council
decision taken first, then the congress from convocation to its close (discussion, attendance,
credentials with a contested mandate, a poll on a bare question, speeches, amendments, roll
calls, an open vote counted by tellers, a secret ballot on a motion full of markup, the
minority's position, and the annulment of North's decision).
"""

from __future__ import annotations

from fractions import Fraction

from soviet.ledger import Event
from soviet.model.state import State
from soviet.rules import convocation, credentials, decisions, discussion, floor, motions, polls
from soviet.rules import sessions as sitting_rules
from soviet.service import Organisation
from tests.rules.sessions import CONVENED, DELEGATES, OPENS, PUBLISHED, SOUTH, convention, delegates
from tests.rules.test_sessions import motion, roll_call
from tests.rules.tree import Tree, build

HOSTILE = ('<script>alert("x")</script> & *all* out #now for $5 _each_ @chair <b> [1](http://x)'
           "\n1. and ~so~ on | `here` \\")
"""A motion's text full of what Markdown, HTML and Typst read as markup."""


class Congress:
    """The sessions built once for every test here, and what the tests look up in them."""

    def __init__(self, t: Tree) -> None:
        self.north, self.annulled = north_decision(t)
        self.session = self.build(t)
        self.state: State = t.state
        self.events: list[Event] = list(t.org.ledger.events())

    def build(self, t: Tree) -> str:
        [convened] = t(convocation.convene, "congress", "Fifth Congress", OPENS, CONVENED)
        s = str(convened.payload["session"])
        [theses] = t(discussion.publish, s, "Theses", "The executive proposes ...", ["exec"],
                     PUBLISHED)
        [counter] = t(discussion.publish, s, "Counter-theses", "We propose instead ...",
                      ["n2m7", "n2m8"], "2026-02-12", counter=True)
        self.theses = (str(theses.payload["theses"]), str(counter.payload["theses"]))
        th, ct = self.theses
        t(discussion.vote, s, "n1", {th: 600, ct: 39}, 11, "2026-03-01")
        t(discussion.vote, s, "s1", {th: 300, ct: 29}, 1, "2026-03-03")
        t(sitting_rules.open_session, s, OPENS)
        for x in [*DELEGATES, "n1m9", "n1m4"]:
            t(sitting_rules.register, s, x, OPENS)
        t(credentials.report, s, OPENS, guests=frozenset({"n1m4"}))
        # a contested mandate, decided by a poll
        t(credentials.contest, s, "n2m1", "s1m1", "elected after the deadline", OPENS)
        [opened] = t(polls.open_poll, s, OPENS, question="Admit n2m1?", kind="procedure")
        self.admit = str(opened.payload["poll"])
        for x, choice in {"n1m1": "yes", "n1m2": "yes", "s1m1": "yes", "s2m1": "no"}.items():
            t(polls.cast, self.admit, x, choice=choice)
        t(polls.close, self.admit, OPENS)
        t(credentials.decide, s, "n2m1", self.admit, "the deadline was met", OPENS)
        # a bare question before the agenda: procedure
        [opened] = t(polls.open_poll, s, OPENS, question="Adopt the standing orders?",
                     kind="procedure")
        self.orders = str(opened.payload["poll"])
        t(polls.count, self.orders, ["n1m4"], "hall", {"yes": Fraction(2000)}, 5)
        t(polls.close, self.orders, OPENS)
        t(sitting_rules.add_item, s, "Programme of action")
        t(sitting_rules.add_item, s, "Any other business")
        # item 1: speeches, two amendments and the motion
        t(floor.request, s, "1", "n1m2", "contribution")
        t(floor.request, s, "1", "s2m1", "point_of_order")
        t(floor.hold, s, "1", "s2m1", "point_of_order", 75)
        t(floor.hold, s, "1", "n1m2", "contribution", 200, "For the programme.")
        self.motion = motion(t, s)
        self.cut = motion(t, s, "s2m1", "s1m1", title="Delete the strike clause",
                          text="Delete 4.", amends=self.motion,
                          amended_text="The federation adopts the programme without 4.")
        self.roll = roll_call(t, self.cut, {"n1m1": "no", "n1m2": "no", "n2m1": "yes",
                                            "s1m1": "no", "s2m1": "yes"})
        t(polls.close, self.roll, OPENS)
        self.deadline = motion(t, s, "n1m2", "n2m1", title="Add a deadline",
                               text="Add: by 2027.", amends=self.motion,
                               amended_text="The federation adopts the programme by 2027.")
        [opened] = t(polls.open_poll, s, OPENS, motion=self.deadline)
        self.hands = str(opened.payload["poll"])
        t(polls.count, self.hands, ["n1m4"], "hall",
          {"yes": Fraction(1300), "no": Fraction(700)}, 5)
        t(polls.close, self.hands, OPENS)
        self.adopt = roll_call(t, self.motion, {"n1m1": "yes", "n1m2": "yes", "n2m1": "yes",
                                                "s1m1": "no", "s2m1": "abstain"})
        t(polls.close, self.adopt, OPENS)
        # item 2: a motion full of markup by secret ballot, and North's strike annulled
        [moved] = t(motions.submit, s, "2", "s1m1", "Hostile *title*", HOSTILE, OPENS)
        self.hostile = str(moved.payload["motion"])
        t(motions.support, self.hostile, "n1m1")
        [opened] = t(polls.open_poll, s, OPENS, motion=self.hostile, secrecy="secret")
        self.secret = str(opened.payload["poll"])
        for x in DELEGATES:
            t(polls.cast, self.secret, x)
        t(polls.count, self.secret, ["n1m4"], "paper",
          {"yes": Fraction(700), "no": Fraction(1300)}, 5)
        t(polls.close, self.secret, OPENS)
        [moved] = t(motions.submit, s, "2", "n1m1", "Annul the North strike",
                       "The congress alone calls a general strike.", OPENS,
                       annuls=self.annulled)
        self.annul = str(moved.payload["motion"])
        t(motions.support, self.annul, "s1m1")
        self.annul_poll = roll_call(t, self.annul, dict.fromkeys(DELEGATES, "yes"))
        t(polls.close, self.annul_poll, OPENS)
        t(decisions.record_dissent, self.motion, SOUTH,
          "The south holds the strike clause premature.", OPENS)
        t(sitting_rules.register, s, "s2m1", OPENS, present=False)
        t(sitting_rules.close_session, s, OPENS)
        return s


def north_decision(t: Tree) -> tuple[str, str]:
    """A session of the North council that calls a strike: the decision the congress annuls."""
    [convened] = t(convocation.convene, "north", "North council", OPENS, "2026-04-01")
    s = str(convened.payload["session"])
    t(sitting_rules.open_session, s, OPENS)
    for x in ["n1m1", "n1m2", "n1m3", "n2m1", "n2m2"]:
        t(sitting_rules.register, s, x, OPENS)
    t(credentials.report, s, OPENS)
    t(sitting_rules.add_item, s, "Strike")
    m = motion(t, s, "n1m1", "n1m2", title="Strike now", text="North strikes on 1 May.")
    p = roll_call(t, m, {"n1m1": "yes", "n1m2": "yes", "n1m3": "yes", "n2m1": "no",
                         "n2m2": "no"})
    t(polls.close, p, OPENS)
    t(sitting_rules.close_session, s, OPENS)
    return s, m


def congress_at(url: str) -> Congress:
    """The congress recorded in a new ledger at ``url``."""
    with Organisation.open(url) as org:
        return Congress(delegates(build(org, convention())))
