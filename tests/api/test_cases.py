"""The control commission's cases through a real server: a complaint filed in the caller's
name, heard and decided by the commission's members, appealed by the member concerned, and
the appeal's outcome entered by who administers the congress; everyone else refused by
``roles``, the rules' own refusals naming rule and clause."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from soviet.rules import discipline
from tests.api.test_executive import Clients, refused, served
from tests.rules.sessions import DELEGATES, NORTH, OPENS, SOUTH, convention, sitting
from tests.rules.test_discipline import case
from tests.rules.test_executive import carried
from tests.rules.tree import Tree

LATER = "2026-06-01"


@pytest.fixture
def api(tmp_path: Path) -> Iterator[Clients]:
    """The congress with its executive (the north's delegates) and control commission (the
    south's), sitting; case C1 against n2m1 decided (a warning), appealed to the congress and
    a motion to reverse it adopted there (MO1)."""
    def setup(tree: Tree) -> None:
        tree.elect("congress", "exec", NORTH)
        tree.elect("congress", "cc", SOUTH)
        c = case(tree, "n2m1")
        tree(discipline.decide_case, c, "warning", 2, 0, 0, 2, OPENS)
        tree(discipline.appeal, c, "The evidence was mistaken.", OPENS)
        carried(tree, sitting(tree), "s1m1", "s2m1", dict.fromkeys(DELEGATES, "yes"),
                title=f"Reverse the decision in case {c}")
    with served(tmp_path, convention(), setup, ["s3m5"]) as clients:
        yield clients


def test_a_case_filed_heard_decided_and_appealed(api: Clients) -> None:
    complaint = {"member": "s3m5", "charges": "Strike-breaking.", "on": OPENS}
    r = api("n1m3").post("/api/bodies/cc/cases", json=complaint)
    assert r.status_code == 201, r.text
    filed = r.json()[0]["payload"]
    assert (filed["case"], filed["by"], filed["member"]) == ("C2", "n1m3", "s3m5")
    refused(api("n1m3").post("/api/bodies/exec/cases", json=complaint),
            "discipline", "Executive is not a control commission")
    assert api("n1m3").post("/api/bodies/nowhere/cases", json=complaint).status_code == 404
    # heard and decided by the commission's members
    heard = {"side": "complaint", "speaker": "n1m3", "statement": "He crossed the picket line.",
             "on": OPENS}
    refused(api("n1m3").post("/api/cases/C2/hearings", json=heard),
            "roles", "n1m3 does not sit on Control Commission: hearing its cases is for its "
            "members")
    assert api("s1m1").post("/api/cases/C2/hearings", json=heard).status_code == 201
    verdict = {"penalty": "suspension", "yes": 2, "no": 0, "until": "2026-12-01", "on": OPENS}
    refused(api("s2m1").post("/api/cases/C2/decision", json=verdict),
            "discipline", "the defence of case C2 has not been heard")
    assert api("s1m1").post("/api/cases/C2/hearings", json={
        **heard, "side": "defence", "speaker": "s3m5", "statement": "I did not."}
        ).status_code == 201
    refused(api("n1m1").post("/api/cases/C2/decision", json=verdict),
            "roles", "n1m1 does not sit on Control Commission: deciding its cases is for its "
            "members")
    refusal = refused(api("s2m1").post("/api/cases/C2/decision", json={
        **verdict, "until": "2028-01-01"}),
        "discipline", "a suspension runs until a day no later than 2027-05-01")
    assert refusal["clause"] == "[discipline.penalties[5]].max_duration = 1 year"
    r = api("s2m1").post("/api/cases/C2/decision", json=verdict)
    assert r.status_code == 201, r.text
    decided = r.json()[0]["payload"]
    assert (decided["adopted"], decided["present"], decided["until"]) == (
        True, 2, "2026-12-01")
    assert [e["type"] for e in r.json()][1:] == ["member.suspended"]
    # appealed by the member concerned, within the charter's time
    grounds = {"grounds": "The picket had ended.", "on": LATER}
    refused(api("n1m3").post("/api/cases/C2/appeal", json=grounds),
            "roles", "n1m3 may not appeal in case C2: only s3m5 may")
    refusal = refused(api("s3m5").post("/api/cases/C2/appeal", json={
        **grounds, "on": "2026-07-01"}), "discipline", "the appeal was due by 2026-06-30")
    assert refusal["clause"] == "[discipline].appeal_within = 60 days"
    r = api("s3m5").post("/api/cases/C2/appeal", json=grounds)
    assert r.status_code == 201 and r.json()[0]["payload"]["to"] == "congress"
    shown = api("n1m3").get("/api/cases/C2").json()
    assert [h["side"] for h in shown["hearings"]] == ["complaint", "defence"]
    assert (shown["verdict"]["penalty"], shown["appeal"]["grounds"]) == (
        "suspension", "The picket had ended.")
    assert [c["id"] for c in api("n1m3").get("/api/cases").json()] == ["C1", "C2"]
    assert api("n1m3").get("/api/cases/C9").status_code == 404
    for act in ("hearings", "decision", "appeal", "appeal/decision"):
        assert api("s1m1").post(f"/api/cases/C9/{act}", json={
            **heard, **verdict, **grounds, "motion": "MO1"}).status_code == 404


def test_the_appeal_decided_by_who_administers_the_congress(api: Clients) -> None:
    outcome = {"motion": "MO1", "on": OPENS}
    refused(api("s1m1").post("/api/cases/C1/appeal/decision", json=outcome),
            "roles", "s1m1 does not administer congress for the appeal in case C1; the "
            "members of exec do")
    refused(api("n1m1").post("/api/cases/C1/appeal/decision", json={**outcome, "motion": "MO9"}),
            "discipline", "MO9 is not a motion congress has voted on")
    r = api("n1m1").post("/api/cases/C1/appeal/decision", json=outcome)
    assert r.status_code == 201, r.text
    assert r.json()[0]["payload"]["reversed"] is True
    assert api("n1m3").get("/api/cases/C1").json()["appeal"]["reversed"] is True
    refused(api("n1m1").post("/api/cases/C1/appeal/decision", json=outcome),
            "discipline", "case C1 has no appeal waiting for a decision")
