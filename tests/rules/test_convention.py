"""Convention practice: a card vote at a congress of 1,500 delegates from 400 units representing
1,200,000 members, with absent delegates, a seated alternate, a split vote and a proxy, equal to
the hand computation written out below; and the refusals around proxies and split votes."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import pytest

from soviet.rules import credentials, polls, proxies, recall, sessions
from soviet.rules.membership import report_paid_up
from soviet.rules.polls import card_roll
from soviet.rules.strength import months_before
from soviet.rules.voters import delegation, strengths
from soviet.service import Organisation
from tests.rules import convention
from tests.rules.convention import OPENS, delegate
from tests.rules.sessions import convention as small_charter
from tests.rules.sessions import delegates, sitting
from tests.rules.tree import Tree, build, refused

ABSENT = {"a0x4", "a1x2", "b0x1", "b0x2", "b0x3"}


@pytest.fixture(scope="module")
def congress(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Tree, str]]:
    path = tmp_path_factory.mktemp("convention") / "ledger.db"
    with Organisation.open(f"sqlite:///{path}") as org:
        convention.build(org)
        yield Tree(org), convention.open_congress(org, ABSENT)


def test_the_strength_is_fixed_and_explained(congress: tuple[Tree, str]) -> None:
    t, s = congress
    state = t.state
    session = state.sessions[s]
    assert session.basis_how == "members on 2026-05-31"
    assert (session.basis["a0"], session.basis["b7"]) == (3200, 2400)
    d = delegation(state, session, "a0")
    assert (d.strength, d.seats, d.elected, d.basis, d.capped) == (3200, 4, 4, 3200, False)
    # a0: 3,200 among the three present: 1,066 each and the remainder of 2 to the chair
    shares = strengths(state, session, only="a0x1")
    assert shares == {"a0x1": 1068, "a0x2": 1066, "a0x3": 1066}


def test_a_card_vote_equals_the_hand_computation(congress: tuple[Tree, str]) -> None:
    t, s = congress
    [seated] = t(credentials.seat_alternate, s, "a1x2", OPENS)
    assert seated.payload["alternate"] == "a1x5"
    t(proxies.give, s, "a3x4", "a3x3", OPENS)
    e = refused(t, "proxies: a3x3 already holds 1 proxy", proxies.give, s, "a3x2", "a3x3",
                OPENS)
    assert e.clause == "[convention].proxy_cap = 1"
    [opened] = t(polls.open_poll, s, OPENS, question="Adopt the programme", secrecy="card")
    p = opened.payload["poll"]

    def whole(units: list[str], choice: str) -> None:
        t(lambda st: [ev for u in units for ev in polls.cast(
            st, p, delegate(u, 1), choice=choice, whole=True)])

    whole([f"a{i}" for i in range(4, 200)] + [f"b{i}" for i in range(1, 50)], "yes")
    whole([f"a{i}" for i in range(200, 300)] + [f"b{i}" for i in range(50, 100)], "no")
    whole(["a0"], "yes")  # three present: the chair casts all 3,200
    refused(t, "polls: a1x3 is not the chair of a delegation present", polls.cast, p, "a1x3",
            choice="yes", whole=True)
    for x in ("a1x1", "a1x3", "a1x4"):
        t(polls.cast, p, x, choice="yes")  # 3,200 / 4 = 800 each, the alternate included
    t(polls.cast, p, "a1x5", choice="no")
    refused(t, "polls: a2x1 casts 900 votes but carries 800", polls.cast, p, "a2x1",
            parts={"yes": Fraction(600), "no": Fraction(300)})
    t(polls.cast, p, "a2x1", parts={"yes": Fraction(500), "no": Fraction(300)})
    for x in ("a2x2", "a2x3", "a2x4"):
        t(polls.cast, p, x, choice="no")
    t(polls.cast, p, "a3x1", choice="yes")
    t(polls.cast, p, "a3x2", choice="yes")
    t(polls.cast, p, "a3x3", choice="yes")
    t(polls.cast, p, "a3x3", choice="no", proxy_for="a3x4")
    refused(t, "polls: the chair of a5's delegation cast its whole strength", polls.cast, p,
            "a5x2", choice="no")
    [closed] = t(polls.close, p, OPENS)

    yes = (196 * 3200     # a4 ... a199, by their chairs
           + 49 * 2400    # b1 ... b49, by their chairs
           + 3200         # a0: its chair for the three present
           + 3 * 800      # a1: three delegates
           + 500          # a2: the first delegate's split
           + 3 * 800)     # a3: two delegates, and the holder of the proxy for himself
    no = (100 * 3200      # a200 ... a299
          + 50 * 2400     # b50 ... b99
          + 800           # a1: the seated alternate
          + 300           # a2: the split
          + 3 * 800       # a2: three delegates
          + 800)          # a3: the proxy
    assert (yes, no) == (753_300, 444_300)
    assert yes + no == 1_200_000 - 2400  # everybody but b0, all absent
    assert (closed.payload["yes"], closed.payload["no"]) == (str(yes), str(no))
    assert closed.payload["adopted"] is True
    assert closed.payload["sentence"] == ("adopted: 753300 for of 1197600 cast, more than 1/2 "
                                          "(598800) required")

    roll = card_roll(t.state.polls[p])
    assert len(roll) == 399
    delegates = {c: sum(line.delegates[c] for line in roll) for c in ("yes", "no", "split")}
    # yes: 196 x 4 + 49 x 3 + a0's 3 + a1's 3 + a3's 3; no: 100 x 4 + 50 x 3 + the alternate
    # + a2's 3 + the proxy; split: a2x1
    assert delegates == {"yes": 784 + 147 + 3 + 3 + 3, "no": 400 + 150 + 1 + 3 + 1, "split": 1}
    assert sum(delegates.values()) == 1500 - 4  # a0x4 and b0's three are not there
    [a2] = [line for line in roll if line.electorate == "a2"]
    assert (a2.votes["yes"], a2.votes["no"], a2.by_chair) == (500, 2700, False)


@pytest.fixture
def small(tmp_path: Path) -> Iterator[Tree]:
    with Organisation.open(f"sqlite:///{tmp_path / 'l.db'}") as org:
        yield delegates(build(org, small_charter(proxies="delegation", proxy_cap=1)))


def test_a_recalled_delegates_proxy_cannot_be_used(small: Tree) -> None:
    s = sitting(small)
    small(proxies.give, s, "n1m2", "n1m1", OPENS)
    [opened] = small(polls.open_poll, s, OPENS, question="Adjourn?", secrecy="named")
    small(recall.resign, small.seat("n1m2", "north").id, OPENS)  # ends n1m2's congress seat
    refused(small, r"polls: the proxy of n1m2 ended with their seat: mandate M\d+ from North "
            r"ended on \S+ \(cascade", polls.cast, opened.payload["poll"], "n1m1",
            choice="yes", proxy_for="n1m2")


def test_a_proxy_ends_when_its_giver_returns(small: Tree) -> None:
    s = sitting(small)
    small(proxies.give, s, "n1m2", "n1m1", OPENS)
    assert small.state.sessions[s].proxies == {"n1m2": "n1m1"}
    assert "n1m2" not in small.state.sessions[s].present
    [ended, back] = small(sessions.register, s, "n1m2", OPENS)
    assert (ended.type, ended.payload["reason"], back.type) == (
        "proxy.ended", "returned", "attendance.registered")
    assert small.state.sessions[s].proxies == {}
    e = refused(small, "proxies: s1m1 is not an alternate or another delegate of north's "
                "delegation", proxies.give, s, "n1m2", "s1m1", OPENS)
    assert e.clause == '[convention].proxies = "delegation"'


def test_proxies_the_charter_does_not_allow(tmp_path: Path) -> None:
    with Organisation.open(f"sqlite:///{tmp_path / 'l.db'}") as org:
        t = delegates(build(org, small_charter(proxies="none", proxy_cap=None)))
        s = sitting(t)
        e = refused(t, "proxies: the charter allows no proxies", proxies.give, s, "n1m2",
                    "n1m1", OPENS)
        assert e.clause == '[convention].proxies = "none"'


def test_paid_up_average_from_the_monthly_reports(tmp_path: Path) -> None:
    """The charter's own rule: the average of the twelve months before the opening month,
    a month not reported counting none."""
    with Organisation.open(f"sqlite:///{tmp_path / 'l.db'}") as org:
        t = delegates(build(org))  # the shipped charter: paid-up-average over 12 months
        months = months_before("2026-05-01", 12)
        assert (months[0], months[-1]) == ("2025-05", "2026-04")
        for i, month in enumerate(months):
            t(report_paid_up, "n1", month, 900 + i, "2026-04-30")
            if i < 11:  # n2 forgot to report April
                t(report_paid_up, "n2", month, 250, "2026-04-30")
        t(report_paid_up, "s1", "2026-04", 400, "2026-04-30")
        refused(t, "membership: '2026-13' is not a month", report_paid_up, "n1", "2026-13", 1,
                "2026-04-30")
        refused(t, "membership: the dues of 2026-05 cannot be reported on 2026-04-30",
                report_paid_up, "n1", "2026-05", 1, "2026-04-30")
        s = sitting(t)
        session = t.state.sessions[s]
        assert session.basis_how.startswith("average of paid-up members over 12 months, "
                                            "2025-05 to 2026-04")
        # north: (900 + 901 + ... + 911) + 11 x 250, over 12; south: 400 over 12
        assert session.basis["north"] == Fraction(sum(range(900, 912)) + 11 * 250, 12)
        assert session.basis["south"] == Fraction(400, 12)


def test_the_credentials_report_by_category(small: Tree) -> None:
    s = sitting(small, ["n1m1", "n1m2", "s1m1", "n1m9"])
    small(sessions.register, s, "n2m1", OPENS)
    small(sessions.register, s, "n1m8", OPENS)
    small(credentials.report, s, OPENS, guests=frozenset({"n1m8"}))
    small(sessions.register, s, "n1m2", OPENS, present=False)
    lines, present = credentials.categories(small.state, s)
    assert [(c.name, c.authorised, c.registered, c.attending) for c in lines] == [
        ("delegates with a deciding vote", 240, 4, 3),  # n1m2 left
        ("delegates with a consultative vote", None, 1, 1),  # n1m8, invited
        ("alternates", 0, 0, 0),
        ("guests (no mandate, no vote)", None, 1, 1),  # n1m9, refused a vote
    ]
    assert present == 1300 + 700  # north's between n1m1 and n2m1, south's all with s1m1


def test_paper_counts_per_delegation_beside_phone_votes(small: Tree) -> None:
    """North votes on paper, counted by delegation; n1m1 voted by phone and is not in it."""
    s = sitting(small)
    [opened] = small(polls.open_poll, s, OPENS, question="Adjourn?")
    p = opened.payload["poll"]
    small(polls.cast, p, "n1m1", choice="yes")  # 434 by phone
    refused(small, "polls: 3 voters counted, but only 2 of north's delegation", polls.count, p,
            ["t1"], "paper", {"yes": Fraction(866)}, 3, delegation="north")
    refused(small, "polls: 867 votes counted, more than the 866 those counted carry",
            polls.count, p, ["t1"], "paper", {"yes": Fraction(867)}, 2, delegation="north")
    small(polls.count, p, ["t1", "t2"], "paper", {"yes": Fraction(433), "no": Fraction(433)}, 2,
          delegation="north")
    small(polls.count, p, ["t1", "t2"], "hall", {"no": Fraction(700)}, 2, delegation="south")
    [closed] = small(polls.close, p, OPENS)
    assert (closed.payload["yes"], closed.payload["no"]) == ("867", "1133")
    counts = small.state.polls[p].counts
    assert [(c.delegation, c.channel, c.voters) for c in counts] == [
        ("north", "paper", 2), ("south", "hall", 2)]


def test_one_delegations_strength_read_alone_is_the_same(congress: tuple[Tree, str]) -> None:
    """A vote weighs only its voter's delegation (through the index of delegates by
    electorate); it must agree with the whole congress weighed at once."""
    t, s = congress
    state = t.state
    session = state.sessions[s]
    everyone = strengths(state, session)
    for x in ("a0x1", "a0x2", "a1x5", "a3x3", "a3x4", "b7x3", "a299x4"):
        if x in everyone:
            assert strengths(state, session, only=x)[x] == everyone[x], x
    assert sum(everyone.values()) == 1_200_000 - 2400
