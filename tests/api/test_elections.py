"""Elections entered from ranked ballots, mandates given up and terms ended, and recall votes,
through the API: results entered by those who administer the electorate (the congress's
executive here), a mandate given up only by its holder; anyone else refused by rule ``roles``,
unknown records a 404, the rules' refusals passed on with their clause."""

from __future__ import annotations

from pathlib import Path

from soviet.rules import recall
from soviet.rules.apportionment import apportion_seats
from soviet.rules.membership import join
from soviet.rules.structure import create_body
from tests.api.test_structure import CHAIR, MEMBER, administered, refused
from tests.rules.tree import ON, Tree, roll

LATER = "2026-03-01"


def new_unit(tree: Tree) -> None:
    """S4, ten members with two seats in the south council, none filled."""
    tree(create_body, "s4", "S4", "unit_assembly", "south", ON)
    tree(join, "s4", roll("s4", 1, 10), ON)
    tree(apportion_seats, "south", ON)


def test_an_election_is_counted_from_ranked_ballots(tmp_path: Path) -> None:
    with administered(tmp_path, new_unit) as clients:
        chair, member = clients[CHAIR], clients[MEMBER]
        ballots = [{"ranking": ["s4m1", "s4m2"], "count": 5},
                   {"ranking": ["s4m2", "s4m1"], "count": 4},
                   {"ranking": ["s4m3"]}]
        election = {"body": "south", "candidates": ["s4m1", "s4m2", "s4m3"],
                    "ballots": ballots, "on": LATER}
        refused(member.post("/api/bodies/s4/elections", json=election), "roles")
        assert chair.post("/api/bodies/s9/elections", json=election).status_code == 404
        r = chair.post("/api/bodies/s4/elections", json={
            **election, "ballots": [{"ranking": ["s4m1", "s4m9"]}]})
        assert r.status_code == 422 and "s4m9" in r.json()["detail"]
        r = chair.post("/api/bodies/s4/elections", json={
            **election, "ballots": [{"ranking": ["s4m1", "s4m1"]}]})
        assert r.status_code == 422
        r = chair.post("/api/bodies/s4/elections", json={**election, "method": "lottery"})
        refusal = refused(r, "elections")
        assert refusal["reason"].startswith("unknown counting method 'lottery'; known: ")
        assert refusal["clause"] == '[council.election].method = "scottish-stv"'
        r = chair.post("/api/bodies/s4/elections", json={**election, "seats": 3})
        refusal = refused(r, "elections")
        assert refusal["reason"] == "S4 may fill 2 seat(s) in South now, not 3"
        assert refusal["clause"] is not None
        r = chair.post("/api/bodies/s4/elections", json=election)
        assert r.status_code == 201, r.text
        held, *granted = r.json()
        assert held["type"] == "election.held"
        assert held["payload"]["elected"] == ["s4m1", "s4m2"]
        assert held["payload"]["alternates"] == ["s4m3"]
        assert [(e["payload"]["holder"], e["payload"]["role"]) for e in granted] == [
            ("s4m1", "delegate"), ("s4m2", "delegate"), ("s4m3", "alternate")]
        e = held["payload"]["election"]
        view = chair.get(f"/api/elections/{e}").json()
        assert view["elected"] == ["s4m1", "s4m2"] and view["electorate"] == "s4"
        assert chair.get("/api/elections/E999").status_code == 404
        r = chair.post("/api/bodies/s4/elections", json=election)
        assert refused(r, "elections")["reason"].startswith("S4 may fill 0 seat(s)")


def test_a_mandate_is_given_up_by_its_holder_and_terms_end(tmp_path: Path) -> None:
    with administered(tmp_path, logins=(CHAIR, MEMBER, "s3m1")) as clients:
        chair, member, holder = clients[CHAIR], clients[MEMBER], clients["s3m1"]
        [seat] = [m["id"] for m in chair.get("/api/bodies/south").json()["sitting"]
                  if m["holder"] == "s3m1"]
        r = member.post(f"/api/mandates/{seat}/resignation", json={})
        assert refused(r, "roles")["reason"] == (
            f"n1m1 does not hold mandate {seat}: only its holder, s3m1, may give it up")
        assert holder.post("/api/mandates/M999/resignation", json={}).status_code == 404
        r = holder.post(f"/api/mandates/{seat}/resignation", json={"on": LATER})
        assert r.status_code == 201, r.text
        assert [e["type"] for e in r.json()] == ["mandate.ended", "by_election.called"]
        assert chair.get(f"/api/mandates/{seat}").json()["ended"]["reason"] == "resigned"
        r = holder.post(f"/api/mandates/{seat}/resignation", json={"on": LATER})
        assert refused(r, "recall")["reason"].startswith(f"mandate {seat} already ended")
        assert chair.get("/api/mandates/M999").status_code == 404

        refused(member.post("/api/mandates/expire", json={"on": "2028-01-02"}), "roles")
        r = chair.post("/api/mandates/expire", json={"on": LATER})
        assert refused(r, "terms")["reason"] == (
            f"no live mandate's term ends on or before {LATER}")
        r = chair.post("/api/mandates/expire", json={"on": "2028-01-02"})
        assert r.status_code == 201, r.text
        # the executive's seats, held through congress seats whose term is over, fall with them
        assert {e["payload"]["reason"] for e in r.json()} == {"term", "cascade"}
        assert chair.get("/api/bodies/south").json()["sitting"] == []


def test_a_recall_vote_is_entered(tmp_path: Path) -> None:
    seats: dict[str, str] = {}

    def petitions(tree: Tree) -> None:
        """P1 against s3m2's seat in the south council, signed by a fifth of S3 (20 of 100):
        the vote is called; P2 against s3m1's, signed by its filer alone."""
        seats.update(s3m1=tree.seat("s3m1", "south").id, s3m2=tree.seat("s3m2", "south").id)
        tree(recall.file_petition, seats["s3m2"], "s3m3", "Never reports back.", ON)
        for i in range(4, 23):
            tree(recall.sign_petition, "P1", f"s3m{i}", ON)
        tree(recall.file_petition, seats["s3m1"], "s3m3", "Votes against the mandate.", ON)

    with administered(tmp_path, petitions) as clients:
        chair, member = clients[CHAIR], clients[MEMBER]
        assert chair.get("/api/petitions/P1").json()["vote_called"] is not None
        vote = {"yes": 30, "no": 10, "abstain": 2, "on": LATER}
        refused(member.post("/api/petitions/P1/vote", json=vote), "roles")
        assert chair.post("/api/petitions/P9/vote", json=vote).status_code == 404
        refusal = refused(chair.post("/api/petitions/P2/vote", json=vote), "recall")
        assert refusal["clause"] == "[recall].petition_threshold = 1/5"
        r = chair.post("/api/petitions/P1/vote", json={**vote, "yes": 200})
        assert refused(r, "recall")["reason"] == "212 votes from an electorate of 100"
        r = chair.post("/api/petitions/P1/vote", json=vote)
        assert r.status_code == 201, r.text
        taken, ended, *_ = r.json()
        assert taken["type"] == "recall.voted" and taken["payload"]["carried"] is True
        assert ended["payload"] == {**ended["payload"], "mandate": seats["s3m2"],
                                    "reason": "recalled"}
        assert chair.get("/api/petitions/P1").json()["outcome"] == "carried"
