"""Rules cite the clause they enforce; the path must exist."""

from __future__ import annotations

import pytest

from soviet.charter import Charter, UnknownClause, load_charter
from tests.charter.files import SOVIET_1918, UNION

union = load_charter(UNION)
soviet = load_charter(SOVIET_1918)


@pytest.mark.parametrize(
    ("path", "citation"),
    [
        ("congress.quorum", "[congress].quorum = 1/2"),
        ("unit_assembly.quorum", "[unit_assembly].quorum = 1/20"),
        ("congress.interval", "[congress].interval = 4 years"),
        ("debate.speaking_time.in_favour", "[debate.speaking_time].in_favour = 3 minutes"),
        ("name", 'name = "Federation of Independent Workers\' Unions"'),
        ("adopted", "adopted = 2023-06-17"),
        ("executive.election.method", '[executive.election].method = "meek-stv"'),
        ("executive.election.candidates", "[executive.election].candidates = 5"),
        (
            "representation.keep_seats_on_reapportionment",
            "[representation].keep_seats_on_reapportionment = true",
        ),
        (
            "representation.scales.local.one_delegate_per",
            "[representation.scales.local].one_delegate_per = 250",
        ),
        (
            "discipline.penalties[4].majority.fraction",
            "[discipline.penalties[4].majority].fraction = 2/3",
        ),
        (
            "discipline.penalties[4].decided_by",
            '[discipline.penalties[4]].decided_by = ["executive", "control_commission"]',
        ),
        (
            "federation.conditions[4]",
            '[federation].conditions[4] = "It has at least 200 paying members."',
        ),
        (
            "congress.majority.ordinary",
            '[congress.majority].ordinary = {fraction = 1/2, comparison = "more-than", '
            'base = "cast", count_abstentions = false}',
        ),
        ("congress.extraordinary", '[congress].extraordinary = {share = 1/3, of = "units"}'),
    ],
)
def test_cite(path: str, citation: str) -> None:
    assert union.cite(path) == citation


def test_an_unset_clause_is_cited_as_such() -> None:
    assert soviet.cite("congress.discussion") == "[congress].discussion = not set"
    assert soviet.cite("debate.supporters") == "[debate].supporters = 0"
    assert (
        soviet.cite("executive.election.seats_are") == '[executive.election].seats_are = "at-most"'
    )


@pytest.mark.parametrize(
    ("charter", "path", "message"),
    [
        (
            union,
            "congress.qourum",
            "no clause 'congress.qourum': [congress] has no 'qourum'; did you mean 'quorum'?",
        ),
        (union, "congres.quorum", "the charter has no 'congres'; did you mean 'congress'?"),
        (union, "discipline.penalties[9].name", "discipline.penalties[9] has no item 9"),
        (union, "discipline.penalties[0].name", "has no item 0"),
        (union, "congress.quorum.fraction", "congress.quorum is a single value"),
        (union, "congress..quorum", "is not a charter path"),
        (union, "representation.scales.national", "[representation.scales] has no 'national'"),
        (soviet, "control_commission.quorum", "this charter has no [control_commission]"),
    ],
)
def test_a_path_that_is_no_clause_is_an_error(charter: Charter, path: str, message: str) -> None:
    with pytest.raises(UnknownClause) as caught:
        charter.cite(path)
    assert message in str(caught.value)


def test_majority_falls_back_to_ordinary_and_says_so() -> None:
    path, majority = union.majority("congress", "no_confidence")
    assert path == "congress.majority.no_confidence"
    assert str(majority) == "more than 1/2 of all seats"
    path, majority = union.majority("executive", "charter_change")
    assert path == "executive.majority.ordinary"
    assert str(majority) == "more than 1/2 of those present"
    assert union.cite(path) == (
        '[executive.majority].ordinary = {fraction = 1/2, comparison = "more-than", '
        'base = "present", count_abstentions = false}'
    )
    _, majority = union.majority("congress", "charter_change")
    assert str(majority) == "at least 2/3 of votes cast, abstentions included"


def test_a_body_the_charter_lacks_is_an_error() -> None:
    with pytest.raises(UnknownClause, match=r"this charter has no \[control_commission\]"):
        soviet.majority("control_commission", "ordinary")
