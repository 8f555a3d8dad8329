"""The read pages of the tree and the records, through a real server over the congress of
:mod:`tests.service.congress` (one server for the module): a body's hemicycle and chains of
legitimacy, the ledger browser, the minutes with the minority's position, the pre-congress
discussion's tallies kept live, and recall petitions signed and refused by the recall rule."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from typing import Any, NamedTuple

import httpx
import pytest

from soviet.rules import convocation, discussion
from soviet.service import Organisation
from tests.api.server import serving
from tests.api.test_api import PASSWORD, passwords
from tests.rules.tree import Tree
from tests.service.congress import congress_at

MEMBERS = ("n1m2", "n1m3", "s1m2")


class Site(NamedTuple):
    base: str
    url: str
    session: str
    next_session: str
    theses: str


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The congress, and the next one convened with its theses out and N1's vote in."""
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'ledger.db'}"
    congress = congress_at(url)
    with Organisation.open(url) as org:
        t = Tree(org)
        [convened] = t(convocation.convene, "congress", "Sixth Congress", "2027-05-01",
                       "2027-01-10")
        upcoming = str(convened.payload["session"])
        [theses] = t(discussion.publish, upcoming, "Theses for 2027", "We propose ...",
                     ["exec"], "2027-01-15")
        t(discussion.vote, upcoming, "n1", {str(theses.payload["theses"]): 410}, 7,
          "2027-02-01")
    passwords(url, MEMBERS)
    with serving(url) as base:
        yield Site(base, url, congress.session, upcoming, str(theses.payload["theses"]))


def get(site: Site, path: str) -> str:
    r = httpx.get(site.base + path, timeout=30)
    assert r.status_code == 200, r.text
    return r.text


def logged_in(site: Site, member: str) -> httpx.Client:
    client = httpx.Client(base_url=site.base, timeout=10)
    r = client.post("/api/login", json={"member": member, "password": PASSWORD})
    assert r.status_code == 200, r.text
    client.headers["X-CSRF-Token"] = r.json()["csrf"]
    return client


def element(html: str, id_: str) -> str:
    """The text of the element with ``id_`` up to the next element that has an id."""
    start = html.index(f'id="{id_}"')
    end = html.find(' id="', start + len(id_) + 5)
    return html[start:end if end > 0 else None]


def test_a_body_its_hemicycle_and_each_seats_chain(site: Site) -> None:
    assert 'href="/bodies/congress"' in get(site, "/")
    page = get(site, "/bodies/congress")
    svg = page[page.index("<svg"):page.index("</svg>")]
    # one circle per seat the charter gives the congress: 156 for north, 84 for south
    assert svg.count("<circle") == 240
    assert svg.count('class="empty"') == 235
    assert "5 / 240" in svg
    assert "Member 1 of n1 (n1m1) · North (north)</title>" in svg
    assert re.search(r"North \(north\)</a> <span class=\"muted\">3 of 156 seats", page)
    # n1m1 sits in the congress for north, through the seat N1 gave them in north
    chain = element(page, "seat-M12")
    assert "mandate M12 from" in chain and "held through" in chain
    assert chain.index("North (north)") < chain.index("mandate M1 from")
    assert '<a href="/bodies/n1">N1 (n1)</a>' in chain and "base unit" in chain
    assert "153 of 156 seats of North (north)" in page
    for below in ("exec", "cc", "north", "south"):
        assert f'<a href="/bodies/{below}">' in page
    north = get(site, "/bodies/north")
    assert north[north.index("<svg"):north.index("</svg>")].count("<circle") == 5
    unit = get(site, "/bodies/n1")
    assert "1000 members" in unit and 'href="/bodies/north#seat-M1"' in unit
    assert httpx.get(site.base + "/bodies/nowhere").status_code == 404


def test_the_ledger_newest_first_and_for_scripts(site: Site) -> None:
    head = httpx.get(site.base + "/api/organisation").json()["seq"]
    page = get(site, "/ledger")
    rows = re.findall(r'<tr id="e(\d+)">', page)
    assert int(rows[0]) == head and [int(x) for x in rows] == list(range(head, head - 50, -1))
    newest = element(page, f"e{head}")
    [event] = httpx.get(site.base + f"/api/ledger?after={head - 1}&limit=5").json()
    assert event["type"] in newest and event["hash"][:12] in newest
    older = get(site, "/ledger?before=10")
    assert re.findall(r'<tr id="e(\d+)">', older) == [str(x) for x in range(9, 0, -1)]
    assert "organisation.founded" in element(older, "e1")
    two = httpx.get(site.base + "/api/ledger?after=3&limit=2").json()
    assert [e["seq"] for e in two] == [4, 5] and two[1]["prev_hash"] == two[0]["hash"]
    assert two[0]["payload"]["body"] == "cc"
    assert httpx.get(site.base + "/api/ledger?limit=5000").status_code == 422


def test_the_minutes_with_the_minoritys_position(site: Site) -> None:
    page = get(site, f"/sessions/{site.session}/minutes")
    decisions = element(page, "decisions")
    programme = decisions[decisions.index("Programme of action"):]
    assert "The federation adopts the programme by 2027." in programme
    assert "Minority position" in programme
    assert "Member 1 of s1 (s1m1), Member 1 of s2 (s2m1)" in programme
    assert "The south holds the strike clause premature." in programme
    minutes = element(page, "minutes")
    assert "Minutes: Fifth Congress" in minutes and "Pre-congress discussion" in minutes
    # users' text is shown as written, never as markup
    assert "&lt;script&gt;alert(" in minutes and "<script>alert(" not in page
    api = f"{site.base}/api/sessions/{site.session}/minutes"
    md = httpx.get(api + "?format=md")
    assert md.headers["content-type"].startswith("text/markdown")
    assert "The south holds the strike clause premature." in md.text
    html = httpx.get(api + "?format=html")
    assert html.text.startswith("<!DOCTYPE html>") and "Minority position" in html.text
    pdf = httpx.get(api + "?format=pdf", timeout=60)
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content[:5] == b"%PDF-"
    assert httpx.get(api.replace(site.session, "S99")).status_code == 404


def test_the_discussion_tallies_by_unit_and_level_live(site: Site) -> None:
    done = get(site, f"/sessions/{site.session}/discussion")
    assert "Counter-theses" in done and "by Member 7 of n2 (n2m7)" in done
    cells = re.findall(r'<td class="n">(\d+)</td>', element(done, "tally-n1"))
    assert cells == ["1", "600", "39", "11"]
    assert re.findall(r'<td class="n">(\d+)</td>', element(done, "tally-congress")) == [
        "2", "900", "68", "12"]
    s = site.next_session
    page = get(site, f"/sessions/{s}/discussion")
    assert f'data-part="tallies" data-topics="{s}"' in page
    assert "tally-s1" not in page
    listener = Listener(site)
    with Organisation.open(site.url) as org:
        Tree(org)(discussion.vote, s, "s1", {site.theses: 300}, 20, "2027-02-03")
    act = listener.first()
    assert act["type"] == "theses.voted" and s in act["topics"]
    part = get(site, f"/sessions/{s}/discussion?part=tallies")
    assert part.startswith('<section class="card" data-part="tallies"')
    assert re.findall(r'<td class="n">(\d+)</td>', element(part, "tally-s1")) == [
        "1", "300", "20"]
    assert re.findall(r'<td class="n">(\d+)</td>', element(part, "tally-congress")) == [
        "2", "710", "27"]


class Listener:
    """The server's stream of acts, open from when this is made, in a thread."""

    def __init__(self, site: Site) -> None:
        self.ready, self.got = threading.Event(), threading.Event()
        self.acts: list[dict[str, Any]] = []
        threading.Thread(target=self.listen, args=(site.base,), daemon=True).start()
        assert self.ready.wait(10)

    def listen(self, base: str) -> None:
        with httpx.stream("GET", base + "/api/stream", timeout=10) as r:
            for line in r.iter_lines():
                if line.startswith(": connected"):
                    self.ready.set()
                elif line.startswith("data: "):
                    self.acts.append(json.loads(line[6:]))
                    self.got.set()
                    return

    def first(self) -> dict[str, Any]:
        assert self.got.wait(10)
        return self.acts[0]


def test_signing_and_filing_recall_petitions(site: Site) -> None:
    n1m2, n1m3, s1m2 = (logged_in(site, x) for x in MEMBERS)
    form = n1m2.get("/recall?mandate=M1").text
    assert '<option value="M1" selected>' in form
    assert 'value="M6"' not in form  # s1m1's seat, given by S1
    r = n1m2.post("/api/mandates/M1/petitions", json={"grounds": "Voted against the strike."})
    assert r.status_code == 201, r.text
    filed = r.json()[0]
    assert filed["type"] == "recall.filed" and filed["payload"]["by"] == "n1m2"
    petition = filed["payload"]["petition"]
    page = get(site, "/recall")
    assert "1 of 200 signatures" in element(page, f"petition-{petition}")
    assert "Voted against the strike." in page
    r = n1m3.post(f"/api/petitions/{petition}/signatures", json={})
    assert r.status_code == 201 and r.json()[0]["payload"]["member"] == "n1m3"
    assert "2 of 200 signatures" in get(site, "/recall")
    assert "You have signed." in n1m3.get("/recall").text
    # an outsider is refused by the recall rule, with its reason
    r = s1m2.post(f"/api/petitions/{petition}/signatures", json={})
    assert r.status_code == 409
    refused = r.json()["refused"]
    assert refused["rule"] == "recall"
    assert refused["reason"] == ("s1m2 is a member of s1: only members of N1, which elected "
                                 "n1m1, may petition (recall)")
    again = n1m3.post(f"/api/petitions/{petition}/signatures", json={})
    assert again.status_code == 409 and "already signed" in again.json()["refused"]["reason"]
    assert httpx.post(f"{site.base}/api/petitions/{petition}/signatures",
                      json={}).status_code == 401
    listed = httpx.get(f"{site.base}/api/petitions/{petition}").json()
    assert listed["signatures"] == ["n1m2", "n1m3"] and listed["threshold"] == 200
    assert listed["holder"] == "n1m1" and listed["electorate"] == "n1"
    for client in (n1m2, n1m3, s1m2):
        client.close()


def test_the_routes_are_in_the_openapi_document(site: Site) -> None:
    paths = httpx.get(site.base + "/openapi.json").json()["paths"]
    assert {"/api/ledger", "/api/ledger/verify", "/api/sessions/{session}/minutes",
            "/api/sessions/{session}/discussion", "/api/petitions",
            "/api/petitions/{petition}", "/api/petitions/{petition}/signatures",
            "/api/mandates/{mandate}/petitions"} <= set(paths)
    assert not any(p.startswith(("/bodies", "/ledger", "/recall")) for p in paths)
