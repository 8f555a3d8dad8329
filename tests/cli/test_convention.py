"""Convention practice from the command line: the strength table, a proxy, a card vote cast by
a chair, a proxy vote, the roll by delegation, and paid-up reports; refusals one line."""

from __future__ import annotations

from pathlib import Path

from soviet.service import Organisation
from tests.cli.test_sessions import head, ok, soviet
from tests.rules.sessions import convention, delegates, sitting
from tests.rules.tree import build


def test_a_card_vote_with_a_proxy_from_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'convention.db'}"
    with Organisation.open(url) as org:
        s = sitting(delegates(build(org, convention(proxies="delegation", proxy_cap=1))))
    table = "\n".join(ok("strength", s, db=url))
    assert "counted as members on 2026-04-30" in table
    assert "Member 1 of n1 (n1m1) 434" in table  # 1,300 among three, the remainder to n1m1
    ok("proxy", "give", s, "n1m2", "n1m1", "--on", "2026-05-01", db=url)
    table = "\n".join(ok("strength", s, db=url))
    assert "(n1m2) (proxy) 433" in table
    r = soviet("proxy", "give", s, "n2m1", "n1m1", db=url)
    assert (r.returncode, r.stdout) == (1, "")
    assert r.stderr.strip() == ("refused: proxies: n1m1 already holds 1 proxy(ies), charter "
                                "[convention].proxy_cap = 1")
    [opened] = ok("poll", "open", s, "--question", "Adopt the programme", "--secrecy", "card",
                  "--on", "2026-05-01", db=url)
    assert "card" in opened
    ok("poll", "vote", "PO1", "s1m1", "--choice", "no", "--whole", db=url)
    ok("poll", "vote", "PO1", "n1m1", "n2m1", "--choice", "yes", db=url)
    ok("poll", "vote", "PO1", "n1m1", "--proxy-for", "n1m2", "--split", "yes=400",
       "--split", "no=33", db=url)
    before = head(url)
    r = soviet("poll", "vote", "PO1", "s2m1", "--choice", "yes", db=url)
    assert r.returncode == 1 and head(url) == before
    assert "the chair of south's delegation cast its whole strength" in r.stderr
    roll = "\n".join(ok("poll", "roll", "PO1", db=url))
    assert "in votes: yes 1267, no 733, abstain 0; in delegates: yes 2, no 2, abstain 0, " \
           "split 1" in roll
    ok("poll", "close", "PO1", "--on", "2026-05-01", db=url)
    ok("paid-up", "report", "n1", "2026-04", "880", "--on", "2026-04-30", db=url)
    r = soviet("paid-up", "report", "n1", "April", "880", db=url)
    assert r.returncode == 1 and "'April' is not a month" in r.stderr


def test_receipts_of_convention_practice(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'convention.db'}"
    with Organisation.open(url) as org:
        s = sitting(delegates(build(org, convention(proxies="delegation", proxy_cap=1))))
    [given] = ok("proxy", "give", s, "n1m2", "n1m1", db=url)
    assert given.endswith("Member 2 of n1 (n1m2) leaves S1; Member 1 of n1 (n1m1) holds their "
                          "proxy")
    ok("poll", "open", s, "--question", "Adjourn?", "--secrecy", "card", db=url)
    [whole] = ok("poll", "vote", "PO1", "s1m1", "--choice", "no", "--whole", db=url)
    assert whole.endswith("Member 1 of s1 (s1m1) for the whole of south's delegation votes no "
                          "in PO1 with 700")
    [proxy] = ok("poll", "vote", "PO1", "n1m1", "--proxy-for", "n1m2", "--choice", "yes",
                 db=url)
    assert proxy.endswith("Member 1 of n1 (n1m1) by proxy for Member 2 of n1 (n1m2) votes yes "
                          "in PO1 with 433")
    [back] = ok("attend", s, "n1m2", db=url)[:1]
    assert back.endswith("the proxy of Member 2 of n1 (n1m2) ends (returned)")


def test_the_credentials_summary(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'summary.db'}"
    with Organisation.open(url) as org:
        s = sitting(delegates(build(org, convention())), ["n1m1", "s1m1", "n1m9"])
    lines = ok("credentials", "summary", s, db=url)
    rows = [[cell.strip() for cell in line.split("│")[1:-1]] for line in lines
            if line.startswith("│")]
    assert ["delegates with a deciding vote", "240", "2", "2"] in rows, rows
    assert ["guests (no mandate, no vote)", "", "1", "1"] in rows, rows
    assert lines[-1] == "voting strength present: 2000"
