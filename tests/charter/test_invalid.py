"""Each kind of fault gets its own message at its own field path, and all are reported at once."""

from __future__ import annotations

import re
from datetime import datetime
from fractions import Fraction
from typing import Any

import pytest

from soviet.charter import (
    Charter,
    CharterInvalid,
    Problem,
    charter_from_json,
    load_charter,
    parse_charter,
)
from tests.charter.files import UNION

DELETE = object()
_TOKEN = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _edit(data: dict[str, Any], path: str, value: object) -> None:
    """Set (or delete) the value at a problem-style path, list items counted from 1."""
    keys: list[str | int] = [
        name if name else int(index) - 1 for name, index in _TOKEN.findall(path)
    ]
    parent: Any = data
    for key in keys[:-1]:
        parent = parent[key]
    if value is DELETE:
        del parent[keys[-1]]
    else:
        parent[keys[-1]] = value


def _problems(data: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(CharterInvalid) as caught:
        charter_from_json(data)
    return [(p.path, p.message) for p in caught.value.problems]


MAJORITY = {"fraction": "1/2", "comparison": "more-than", "base": "present"}

CASES: list[tuple[str, object, str, str]] = [
    # fractions
    ("congress.quorum", "3/2", "congress.quorum", "must be a fraction between 0 and 1, got 3/2"),
    ("congress.quorum", "0", "congress.quorum", 'must be more than 0, got "0"'),
    ("congress.quorum", "1/0", "congress.quorum", 'has a zero denominator, got "1/0"'),
    (
        "congress.quorum",
        0.5,
        "congress.quorum",
        'must be a fraction in quotes, such as "1/2", "2/3" or "0.05", got 0.5',
    ),
    (
        "congress.quorum",
        "half",
        "congress.quorum",
        'must be a fraction such as "1/2", "2/3", "0.05" or "5%", got "half"',
    ),
    (
        "recall.petition_threshold",
        "120%",
        "recall.petition_threshold",
        "must be a fraction between 0 and 1, got 120%",
    ),
    (
        "discipline.penalties[3].majority.fraction",
        "-2/3",
        "discipline.penalties[3].majority.fraction",
        'must be a fraction such as "1/2", "2/3", "0.05" or "5%", got "-2/3"',
    ),
    # unknown keys
    ("congress.qourum", "1/2", "congress.qourum", 'is not a charter key; did you mean "quorum"?'),
    ("nme", "x", "nme", 'is not a charter key; did you mean "name"?'),
    (
        "executive.election.sets",
        3,
        "executive.election.sets",
        'is not a charter key; did you mean "seats"?',
    ),
    (
        "discipline.penalties[2].efect",
        "record",
        "discipline.penalties[2].efect",
        'is not a charter key; did you mean "effect"?',
    ),
    (
        "representation.scales.local.colour",
        "red",
        "representation.scales.local.colour",
        "is not a charter key",
    ),
    # periods
    (
        "congress.interval",
        "4 yeers",
        "congress.interval",
        'is not a period like "4 years", "6 months", "30 days" or "P4Y", got "4 yeers"',
    ),
    (
        "congress.interval",
        "PT4H",
        "congress.interval",
        'is clock time; a period counts years, months, weeks and days, got "PT4H"',
    ),
    ("congress.interval", "0 days", "congress.interval", 'must be longer than zero, got "0 days"'),
    (
        "representation.term",
        4,
        "representation.term",
        'must be a period in quotes, such as "4 years" or "30 days", got 4',
    ),
    # names from the vocabulary
    (
        "executive.election.method",
        "meek_stv",
        "executive.election.method",
        'is not a known counting method, got "meek_stv"; did you mean "meek-stv"?',
    ),
    (
        "council.election.method",
        "coin-toss",
        "council.election.method",
        'is not a known counting method, got "coin-toss"; known: ',
    ),
    (
        "representation.scales.region.method",
        "dhont",
        "representation.scales.region.method",
        'must be one of "hamilton", "largest-remainder-droop", "jefferson", "dhondt", '
        '"webster", "sainte-lague", "modified-sainte-lague", "huntington-hill", "adams" or '
        '"ratio", got "dhont"',
    ),
    (
        "discipline.appeal_to",
        "board",
        "discipline.appeal_to",
        'must be one of "unit_assembly", "council", "congress", "executive" or '
        '"control_commission", got "board"',
    ),
    # counts
    (
        "representation.scales.local.minimum",
        -1,
        "representation.scales.local.minimum",
        "must be at least 0, got -1",
    ),
    ("executive.election.seats", 0, "executive.election.seats", "must be at least 1, got 0"),
    (
        "convention.alternates_per_unit",
        True,
        "convention.alternates_per_unit",
        "must be a whole number, got true",
    ),
    (
        "convention.alternates_per_unit",
        "3",
        "convention.alternates_per_unit",
        'must be a whole number, got "3"',
    ),
    (
        "convention.alternates_per_unit",
        2.5,
        "convention.alternates_per_unit",
        "must be a whole number, got 2.5",
    ),
    # shapes and text
    ("name", "  ", "name", "must not be empty"),
    ("name", 7, "name", "must be text in quotes, got 7"),
    ("adopted", "yesterday", "adopted", 'must be a date such as 2024-05-12, got "yesterday"'),
    (
        "adopted",
        datetime(2023, 6, 17, 10, 30),
        "adopted",
        "must be a date such as 2024-05-12, got 2023-06-17 10:30:00",
    ),
    ("federation.conditions", "x", "federation.conditions", 'must be a list [ ... ], got "x"'),
    (
        "congress.majority",
        "1/2",
        "congress.majority",
        'must be a table (a [section] or { key = value, ... }), got "1/2"',
    ),
    (
        "congress.extraordinary.of",
        "regions",
        "congress.extraordinary.of",
        'must be one of "members", "units" or "basis", got "regions"',
    ),
    ("split_votes", True, "split_votes", "is not a charter key"),
    ("convention.split_votes", "yes", "convention.split_votes", 'must be true or false, got "yes"'),
    # durations
    (
        "debate.speaking_time.contribution",
        "5 minuets",
        "debate.speaking_time.contribution",
        'is not a duration like "3 minutes", "90 seconds" or "PT3M", got "5 minuets"',
    ),
    (
        "debate.speaking_time.against",
        "0 seconds",
        "debate.speaking_time.against",
        'must be longer than zero, got "0 seconds"',
    ),
    (
        "debate.speaking_time.point_of_order",
        60,
        "debate.speaking_time.point_of_order",
        'must be a duration in quotes, such as "3 minutes" or "90 seconds", got 60',
    ),
    (
        "debate.speaking_time.for",
        "3 minutes",
        "debate.speaking_time.for",
        "is not a charter key",
    ),
    ("debate.supporters", -1, "debate.supporters", "must be at least 0, got -1"),
    # missing
    ("congress.interval", DELETE, "congress.interval", "is missing: this section must set it"),
    ("recall", DELETE, "recall", "is missing: every charter must have it"),
    (
        "congress.majority.ordinary",
        DELETE,
        "congress.majority.ordinary",
        "is missing: this section must set it",
    ),
    # representation
    (
        "representation.default_scale",
        "national",
        "representation.default_scale",
        'names "national", which is not one of the scales (local, region)',
    ),
    ("representation.scales", {}, "representation.scales", "must define at least one scale"),
    (
        "representation.scales.local.minimum",
        50,
        "representation.scales.local.minimum",
        "is more than maximum (40): no apportionment can give it",
    ),
    (
        "representation.scales.region.minimum",
        300,
        "representation.scales.region.minimum",
        "is more than the 240 seats to share: no apportionment can give it",
    ),
    (
        "representation.scales.local.seats",
        100,
        "representation.scales.local",
        "must set exactly one of seats (a fixed number to share out) and one_delegate_per "
        "(seats that grow with the basis)",
    ),
    (
        "representation.scales.local.remainder",
        DELETE,
        "representation.scales.local.remainder",
        'is required with one_delegate_per: "drop", "half" or "any" '
        "(how a part of the ratio counts)",
    ),
    (
        "representation.scales.region.remainder",
        "half",
        "representation.scales.region.remainder",
        "applies only with one_delegate_per",
    ),
    # majorities
    (
        "congress.majority.ordinary.fraction",
        "1",
        "congress.majority.ordinary.fraction",
        'is 1 with comparison "more-than": nothing is more than all; use "at-least"',
    ),
    (
        "executive.majority.ordinary.count_abstentions",
        True,
        "executive.majority.ordinary.count_abstentions",
        'applies only when base is "cast": with base "present" abstainers are in the base already',
    ),
    (
        "congress.majority.ordinary.comparison",
        "most",
        "congress.majority.ordinary.comparison",
        'must be one of "more-than" or "at-least", got "most"',
    ),
    # bodies referred to
    (
        "executive.election.by",
        "executive",
        "executive.election.by",
        "cannot be the body itself",
    ),
    # recall
    (
        "convention.alternates_per_unit",
        0,
        "recall.vacancy",
        'is "substitute", but convention.alternates_per_unit is 0: '
        "with no alternates there is no one to step in",
    ),
    # discipline
    (
        "discipline.penalties[2].name",
        "Warning",
        "discipline.penalties[2].name",
        'repeats penalty 1 ("warning")',
    ),
    (
        "discipline.penalties[6].effect",
        "record",
        "discipline.penalties[6].effect",
        '"record" comes after a "suspension" penalty: '
        "list penalties from the mildest to the most severe",
    ),
    (
        "discipline.penalties[1].office",
        "executive",
        "discipline.penalties[1].office",
        'applies only to a penalty whose effect is "removal"',
    ),
    (
        "discipline.penalties[3].office",
        "executive",
        "discipline.penalties[4].office",
        "repeats the office of penalty 3: one removal penalty per office",
    ),
    (
        "discipline.penalties[6].max_duration",
        "1 year",
        "discipline.penalties[6].max_duration",
        'applies only to a penalty whose effect is "suspension"',
    ),
    (
        "discipline.penalties[1].decided_by",
        [],
        "discipline.penalties[1].decided_by",
        "must name at least one body",
    ),
    (
        "discipline.penalties[1].decided_by",
        ["control_commission", "control_commission"],
        "discipline.penalties[1].decided_by[2]",
        'names "control_commission" twice',
    ),
    (
        "executive.election.candidates",
        0,
        "discipline.penalties[4].with_candidates",
        "is true, but none of executive, control_commission elects candidate members "
        "(election.candidates is 0 or unset)",
    ),
    ("discipline.penalties", [], "discipline.penalties", "must list at least one penalty"),
    # officers, federation
    (
        "officers.portfolios",
        ["Treasurer", "Education", "treasurer"],
        "officers.portfolios[3]",
        'repeats portfolio 1 ("Treasurer")',
    ),
    ("federation.conditions", [], "federation.conditions", "must list at least one condition"),
    # convention
    (
        "convention.paid_up_months",
        DELETE,
        "convention.paid_up_months",
        'is required when strength is "paid-up-average"',
    ),
    (
        "convention.members_counted_before",
        "90 days",
        "convention.members_counted_before",
        'does not apply when strength is "paid-up-average"',
    ),
    (
        "convention.remainder",
        DELETE,
        "convention.remainder",
        'is required when division is "equal": "chair", "lot" or "lost"',
    ),
    (
        "convention.division",
        "chair",
        "convention.remainder",
        'applies only when division is "equal": the chair carries all',
    ),
    (
        "convention.missing_seats",
        DELETE,
        "convention.missing_seats",
        "is required when strength is counted by membership",
    ),
    (
        "convention.proxy_cap",
        DELETE,
        "convention.proxy_cap",
        'is required when proxies is "delegation"',
    ),
    (
        "convention.proxy_cap",
        0,
        "convention.proxy_cap",
        "must be at least 1, got 0",
    ),
]


@pytest.mark.parametrize(
    ("edit", "value", "path", "message"),
    CASES,
    ids=[f"{edit}={'DELETE' if value is DELETE else value!r}" for edit, value, _, _ in CASES],
)
def test_each_fault_has_its_own_message(
    union_data: dict[str, Any], edit: str, value: object, path: str, message: str
) -> None:
    _edit(union_data, edit, value)
    problems = _problems(union_data)
    assert len(problems) == 1, problems
    found_path, found_message = problems[0]
    assert found_path == path
    if message.endswith("known: "):
        assert found_message.startswith(message)
    else:
        assert found_message == message


def test_a_ratio_scale_needs_its_ratio_and_no_fixed_seats(union_data: dict[str, Any]) -> None:
    union_data["representation"]["scales"]["region"]["method"] = "ratio"
    assert _problems(union_data) == [
        ("representation.scales.region.one_delegate_per", 'is required when method is "ratio"'),
        (
            "representation.scales.region.seats",
            'cannot be set when method is "ratio": the ratio alone gives the seats',
        ),
    ]


def test_a_body_named_must_have_its_section(union_data: dict[str, Any]) -> None:
    del union_data["council"]
    union_data["officers"]["appointed_by"] = "council"
    assert _problems(union_data) == [
        ("officers.appointed_by", 'names "council", but this charter has no [council] section')
    ]


def test_convention_options_that_need_membership_strength(union_data: dict[str, Any]) -> None:
    union_data["convention"]["strength"] = "delegates"
    union_data["recall"]["vacancy"] = "by-election"
    union_data["congress"]["quorum_base"] = "seats"
    expected = [
        f"convention.{key}"
        for key in ("paid_up_months", "strength_cap", "division", "remainder", "missing_seats")
    ] + ["convention.split_votes"]
    assert [path for path, _ in _problems(union_data)] == expected


def test_proxies_to_alternates_need_alternates(union_data: dict[str, Any]) -> None:
    union_data["convention"].update(proxies="alternate", alternates_per_unit=0)
    union_data["recall"]["vacancy"] = "by-election"
    assert _problems(union_data) == [
        (
            "convention.proxies",
            'is "alternate", but alternates_per_unit is 0: there is no alternate to hold a proxy',
        )
    ]


def test_no_proxies_means_no_cap(union_data: dict[str, Any]) -> None:
    union_data["convention"]["proxies"] = "none"
    assert _problems(union_data) == [
        ("convention.proxy_cap", 'applies only when proxies are allowed; proxies is "none"')
    ]


def test_every_problem_is_reported_at_once(union_data: dict[str, Any]) -> None:
    union_data["congress"]["quorum"] = "3/2"
    union_data["congress"]["qourum"] = "1/2"
    union_data["executive"]["election"]["method"] = "meek_stv"
    union_data["discipline"]["penalties"][1]["name"] = "warning"
    union_data["federation"]["admitted_by"] = "council"
    del union_data["council"]
    union_data["unit_assembly"]["majority"]["ordinary"]["base"] = "present"
    union_data["unit_assembly"]["majority"]["ordinary"]["count_abstentions"] = True
    assert [path for path, _ in _problems(union_data)] == [
        "unit_assembly.majority.ordinary.count_abstentions",
        "congress.quorum",
        "congress.qourum",
        "executive.election.method",
        "discipline.penalties[2].name",
        "federation.admitted_by",
    ]


def test_toml_syntax_error_names_the_line() -> None:
    text = UNION.read_text(encoding="utf-8").replace("[recall]\n", "[recall\n")
    line = text.splitlines().index("[recall") + 1
    with pytest.raises(CharterInvalid) as caught:
        parse_charter(text, source="union.toml")
    assert caught.value.problems == (
        Problem(
            f"line {line}",
            "TOML syntax error at column 8: Expected ']' at the end of a table declaration",
        ),
    )
    assert str(caught.value).startswith("union.toml: 1 problem\n")


def test_toml_nested_deeper_than_the_parser_goes() -> None:
    with pytest.raises(CharterInvalid) as caught:
        parse_charter("a = " + "[" * 5000, source="deep.toml")
    assert caught.value.problems == (Problem("file", "is not valid TOML: nested too deeply to "
                                             "read"),)


def test_toml_duplicate_key_names_the_line() -> None:
    with pytest.raises(CharterInvalid) as caught:
        parse_charter('name = "a"\nname = "b"\n')
    assert caught.value.problems[0].path == "line 2"


def test_a_file_that_cannot_be_read(tmp_path: Any) -> None:
    with pytest.raises(CharterInvalid) as caught:
        load_charter(tmp_path / "absent.toml")
    assert caught.value.problems == (Problem("file", "cannot be read: No such file or directory"),)
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe name")
    with pytest.raises(CharterInvalid) as caught:
        load_charter(binary)
    assert caught.value.problems == (Problem("file", "is not UTF-8 text"),)


def test_building_a_charter_directly_runs_the_same_checks() -> None:
    charter = load_charter(UNION)
    with pytest.raises(CharterInvalid) as caught:
        Charter.model_validate({**dict(charter), "control_commission": None})
    assert {p.path for p in caught.value.problems} >= {
        "discipline.penalties[1].decided_by[1]",
        "discipline.penalties[6].decided_by[1]",
    }


def test_a_charter_is_frozen() -> None:
    charter = load_charter(UNION)
    with pytest.raises(ValueError, match="frozen"):
        charter.congress.quorum = Fraction(1)  # type: ignore[misc]
