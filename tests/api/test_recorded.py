"""The vote route's answer is written straight from the stored payloads: it must be the same
JSON as every other route's ``recorded`` (built from the decoded events), for every kind of
event a sitting records — arrivals, polls, named, split and secret votes, the close."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

from soviet.api.acting import recorded, recorded_json
from soviet.rules import polls
from soviet.service import Organisation
from tests.rules.sessions import OPENS, convention, delegates, sitting
from tests.rules.tree import build


def test_the_answer_from_stored_payloads_is_the_decoded_one(tmp_path: Path) -> None:
    with Organisation.open(f"sqlite:///{tmp_path / 'r.db'}") as org:
        tree = delegates(build(org, convention(split_votes=True)))
        s = sitting(tree, ["n1m1", "n1m2", "s1m1", "s2m1"])
        for secrecy, receipt in (("named", None), ("ballot", "R1")):
            [opened] = tree(polls.open_poll, s, OPENS, question="Adopt", secrecy=secrecy)
            poll = opened.payload_json.split('"poll":"')[1].split('"')[0]
            tree(polls.cast, poll, "n1m1", choice="yes", receipt=receipt)
            if secrecy == "named":
                tree(polls.cast, poll, "s1m1", parts={"yes": Fraction(1, 3),
                                                      "no": Fraction(2, 3)})
        events = list(org.ledger.events())
    kinds = {e.type for e in events}
    assert {"vote.cast", "poll.opened", "session.opened"} <= kinds
    assert json.loads(recorded_json(events)) == [r.model_dump() for r in recorded(events)]
