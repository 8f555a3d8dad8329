"""A ballot file counted on its own through a real server, as ``soviet count`` counts it: the
same report as the CLI's ``--json`` for a real Glasgow ward; CSV files, party lists with a
threshold; every file or count the method cannot take a 422 saying why, a file over the limit
a 413 naming it; and no count without a login."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from soviet.api.ballot_files import MAX_BYTES
from soviet.service import Organisation
from tests.api.server import serving
from tests.api.test_api import logged_in, passwords
from tests.rules.tree import build

SOVIET = Path(sys.executable).with_name("soviet")
WARD = Path(__file__).resolve().parents[3] / "shared" / "peer" / "stv" / "blt" / "scotland" \
    / "Calton-2007.blt"
NORTH_WARD = """4 2
12 1 2 0
4 1 3 0
7 2 3 0
6 3 2 0
5 4 3 0
0
"Adam"
"Basil"
"Charlotte"
"Donald"
"North Ward"
"""
"""The ward of docs/counting.md."""
LISTS = "votes,rank1\n600,Red\n300,Green\n100,Blue\n"
"""Party-list ballots: each row one list, cast by ``votes`` voters."""


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('counts') / 'api.db'}"
    with Organisation.open(url) as org:
        build(org)
    passwords(url, ["n1m1"])
    with serving(url) as running:
        yield running


@pytest.fixture(scope="module")
def api(base: str) -> Iterator[httpx.Client]:
    """A member, logged in once (logins are limited)."""
    client = logged_in(base, "n1m1")
    yield client
    client.close()


def count(api: httpx.Client, data: str | bytes, **params: str | int) -> httpx.Response:
    return api.post("/api/counts/ballots", content=data, params=params,
                    headers={"content-type": "text/plain"})


def test_the_same_report_as_the_cli(api: httpx.Client) -> None:
    r = count(api, WARD.read_bytes(), method="scottish-stv")
    assert r.status_code == 200, r.text
    cli = subprocess.run([str(SOVIET), "count", str(WARD), "--method", "scottish-stv",
                          "--json"], capture_output=True, text=True, check=True)
    report = r.json()
    assert report.pop("title") == "CALTON"
    assert report == json.loads(cli.stdout)
    assert report["seats"] == 3 and len(report["elected"]) == 3


def test_the_files_seats_or_those_asked_for(api: httpx.Client) -> None:
    report = count(api, NORTH_WARD, method="scottish-stv").json()
    assert (report["title"], report["seats"], report["elected"]) == (
        "North Ward", 2, ["Adam", "Charlotte"])
    assert report["rounds"][0]["quota"] == "12.00000"
    assert report["rounds"][0]["votes"]["Adam"] == "16.00000"
    runoff = count(api, NORTH_WARD, method="irv", seats=1).json()
    assert (runoff["elected"], runoff["eliminated"]) == (["Charlotte"], ["Donald", "Basil"])


def test_a_csv_file_and_party_lists(api: httpx.Client) -> None:
    r = count(api, "weight,rank1,rank2\n3,Ann,Bo\n3,Bo,\n2,Cy,Bo\n", method="irv",
              format="csv")
    assert r.status_code == 200, r.text
    assert (r.json()["title"], r.json()["elected"]) == ("", ["Bo"])
    r = count(api, LISTS, method="dhondt", format="csv", seats=10)
    assert r.json()["allocation"] == {"Red": 6, "Green": 3, "Blue": 1}
    r = count(api, LISTS, method="dhondt", format="csv", seats=10, threshold="15/100")
    assert r.status_code == 200, r.text
    assert r.json()["allocation"] == {"Red": 7, "Green": 3, "Blue": 0}


@pytest.mark.parametrize(("data", "params", "says"), [
    ("4 2\n12 1 2 0\n4 1 9 0\n0\nA\nB\nC\nD\n", {"method": "meek-stv"},
     "line 3: candidate 9 but only 4 candidates declared"),
    (NORTH_WARD, {"method": "lottery"}, "method: unknown counting method 'lottery'; known: "
     "approval, block-plurality"),
    (NORTH_WARD, {"method": "irv"}, "instant runoff fills one seat, not 2; use an STV method"),
    (NORTH_WARD, {"method": "meek-stv", "seats": 5}, "5 seats to fill but only 4 candidates stand"),
    (NORTH_WARD, {"method": "irv", "seats": 1, "threshold": "5/100"},
     "irv has no threshold, so --threshold has no use"),
    (NORTH_WARD, {"method": "dhondt", "threshold": "5/0"}, "String should match pattern"),
    (NORTH_WARD, {"method": "dhondt", "threshold": "1e999999999"}, "String should match"),
    (b"rank1\n\xff\n", {"method": "irv", "format": "csv"}, "can't decode byte 0xff"),
    (NORTH_WARD, {"method": "irv", "format": "xml"}, "Input should be 'blt' or 'csv'"),
])
def test_what_cannot_be_counted_is_a_422_saying_why(
        api: httpx.Client, data: str | bytes, params: dict[str, str | int], says: str) -> None:
    r = count(api, data, **params)
    assert r.status_code == 422, r.text
    assert says in json.dumps(r.json()["detail"])


def test_a_file_over_the_limit_is_a_413_naming_it(api: httpx.Client) -> None:
    large = b"1 1\n" + b"1 1 0\n" * (MAX_BYTES // 6) + b"0\nA\n"
    assert len(large) > MAX_BYTES
    r = count(api, large, method="plurality")
    assert r.status_code == 413
    assert r.json()["detail"] == "a ballot file is at most 10,485,760 bytes (10 MiB)"
    # sent in chunks, with no length declared: refused when the limit is passed
    chunks = (large[i:i + 2**20] for i in range(0, len(large), 2**20))
    r = api.post("/api/counts/ballots", content=chunks, params={"method": "plurality"})
    assert r.status_code == 413 and "10 MiB" in r.json()["detail"]
    lines = (MAX_BYTES - 8) // 6
    full = b"1 1\n" + b"\n" * ((MAX_BYTES - 8) % 6) + b"1 1 0\n" * lines + b"0\nA\n"
    assert len(full) == MAX_BYTES
    r = count(api, full, method="plurality")
    assert r.status_code == 200, r.text
    assert r.json()["rounds"][0]["votes"] == {"A": lines}


def test_counting_needs_a_login(base: str) -> None:
    r = httpx.post(f"{base}/api/counts/ballots", content=NORTH_WARD,
                   params={"method": "scottish-stv"})
    assert r.status_code == 401
