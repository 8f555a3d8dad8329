"""Checks that relate fields to each other, within a section or across sections.

They run on whatever sections passed their own field checks, so a charter with a bad fraction in
one section still gets every cross-field problem of the others reported in the same run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet

from soviet.charter.problems import Problem
from soviet.charter.sections import (
    Body,
    Committee,
    Convention,
    Discipline,
    Federation,
    Majority,
    Officers,
    Recall,
    Representation,
    Scale,
)
from soviet.charter.vocabulary import BODY_KINDS, DECISION_KINDS

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SEVERITY = {"record": 0, "removal": 1, "suspension": 2, "expulsion": 3}


def charter_problems(sections: Mapping[str, object], declared: AbstractSet[str]) -> list[Problem]:
    """Every cross-field problem among ``sections`` (those that validated, by name);
    ``declared`` names every section the charter has, valid or not, for references to bodies."""
    found: list[Problem] = []
    representation = sections.get("representation")
    if isinstance(representation, Representation):
        found += _representation(representation)
    convention = sections.get("convention")
    if isinstance(convention, Convention):
        found += _convention(convention)
    recall = sections.get("recall")
    if isinstance(recall, Recall):
        found += _majority("recall.majority", recall.majority)
        if (
            recall.vacancy == "substitute"
            and isinstance(convention, Convention)
            and convention.alternates_per_unit == 0
        ):
            found.append(
                Problem(
                    "recall.vacancy",
                    'is "substitute", but convention.alternates_per_unit is 0: '
                    "with no alternates there is no one to step in",
                )
            )
    for kind in BODY_KINDS:
        body = sections.get(kind)
        if isinstance(body, Body):
            found += _body(kind, body, declared)
    officers = sections.get("officers")
    if isinstance(officers, Officers):
        found += _reference("officers.appointed_by", officers.appointed_by, declared)
        found += _distinct("officers.portfolios", officers.portfolios, "portfolio")
    discipline = sections.get("discipline")
    if isinstance(discipline, Discipline):
        found += _discipline(discipline, sections, declared)
    federation = sections.get("federation")
    if isinstance(federation, Federation):
        found += _reference("federation.admitted_by", federation.admitted_by, declared)
        found += _distinct("federation.conditions", federation.conditions, "condition")
    return found


def _reference(path: str, kind: str, declared: AbstractSet[str]) -> Iterator[Problem]:
    if kind not in declared:
        yield Problem(path, f'names "{kind}", but this charter has no [{kind}] section')


def _distinct(path: str, items: Sequence[str], noun: str, field: str = "") -> Iterator[Problem]:
    if not items:
        yield Problem(path, f"must list at least one {noun}")
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        key = item.strip().casefold()
        if key in first:
            yield Problem(
                f"{path}[{index + 1}]{field}",
                f'repeats {noun} {first[key] + 1} ("{items[first[key]]}")',
            )
        else:
            first[key] = index


def _majority(path: str, majority: Majority) -> Iterator[Problem]:
    if majority.comparison == "more-than" and majority.fraction == 1:
        yield Problem(
            f"{path}.fraction",
            'is 1 with comparison "more-than": nothing is more than all; use "at-least"',
        )
    if majority.count_abstentions and majority.base != "cast":
        yield Problem(
            f"{path}.count_abstentions",
            f'applies only when base is "cast": with base "{majority.base}" '
            "abstainers are in the base already",
        )


def _representation(representation: Representation) -> Iterator[Problem]:
    scales = representation.scales
    if not scales:
        yield Problem("representation.scales", "must define at least one scale")
    elif representation.default_scale not in scales:
        yield Problem(
            "representation.default_scale",
            f'names "{representation.default_scale}", which is not one of the scales '
            f"({', '.join(sorted(scales))})",
        )
    for name, scale in scales.items():
        yield from _scale(f"representation.scales.{name}", name, scale)


def _scale(path: str, name: str, scale: Scale) -> Iterator[Problem]:
    if not _BARE_KEY.fullmatch(name):
        yield Problem(path, "a scale name may use only letters, digits, - and _")
    if scale.method == "ratio":
        if scale.one_delegate_per is None:
            yield Problem(f"{path}.one_delegate_per", 'is required when method is "ratio"')
        if scale.seats is not None:
            yield Problem(
                f"{path}.seats",
                'cannot be set when method is "ratio": the ratio alone gives the seats',
            )
    elif (scale.seats is None) == (scale.one_delegate_per is None):
        yield Problem(
            path,
            "must set exactly one of seats (a fixed number to share out) and "
            "one_delegate_per (seats that grow with the basis)",
        )
    if scale.one_delegate_per is not None and scale.remainder is None:
        yield Problem(
            f"{path}.remainder",
            'is required with one_delegate_per: "drop", "half" or "any" '
            "(how a part of the ratio counts)",
        )
    if scale.one_delegate_per is None and scale.remainder is not None:
        yield Problem(f"{path}.remainder", "applies only with one_delegate_per")
    if scale.maximum is not None and scale.minimum > scale.maximum:
        yield Problem(
            f"{path}.minimum",
            f"is more than maximum ({scale.maximum}): no apportionment can give it",
        )
    if scale.seats is not None and scale.minimum > scale.seats:
        yield Problem(
            f"{path}.minimum",
            f"is more than the {scale.seats} seats to share: no apportionment can give it",
        )


def _body(kind: str, body: Body, declared: AbstractSet[str]) -> Iterator[Problem]:
    for decision in DECISION_KINDS:
        majority: Majority | None = getattr(body.majority, decision)
        if majority is not None:
            yield from _majority(f"{kind}.majority.{decision}", majority)
    if isinstance(body, Committee):
        by = body.election.by
        if by == kind:
            yield Problem(f"{kind}.election.by", "cannot be the body itself")
        else:
            yield from _reference(f"{kind}.election.by", by, declared)


def _convention(convention: Convention) -> Iterator[Problem]:
    path = "convention"
    by_membership = {
        "members_counted_before": convention.members_counted_before,
        "paid_up_months": convention.paid_up_months,
        "strength_cap": convention.strength_cap,
        "division": convention.division,
        "remainder": convention.remainder,
        "missing_seats": convention.missing_seats,
    }
    if convention.strength == "delegates":
        for field, value in by_membership.items():
            if value is not None:
                yield Problem(
                    f"{path}.{field}",
                    'applies only when strength is counted by membership; strength is "delegates"',
                )
        if convention.split_votes:
            yield Problem(
                f"{path}.split_votes",
                'needs delegates who carry more than one vote; strength is "delegates" (one each)',
            )
    else:
        needed = {
            "members-at-date": ("members_counted_before", "paid_up_months"),
            "paid-up-average": ("paid_up_months", "members_counted_before"),
        }[convention.strength]
        required, excluded = needed
        if by_membership[required] is None:
            yield Problem(
                f"{path}.{required}", f'is required when strength is "{convention.strength}"'
            )
        if by_membership[excluded] is not None:
            yield Problem(
                f"{path}.{excluded}", f'does not apply when strength is "{convention.strength}"'
            )
        for field in ("division", "missing_seats"):
            if by_membership[field] is None:
                yield Problem(
                    f"{path}.{field}", "is required when strength is counted by membership"
                )
        if convention.division == "equal" and convention.remainder is None:
            yield Problem(
                f"{path}.remainder",
                'is required when division is "equal": "chair", "lot" or "lost"',
            )
        if convention.division == "chair" and convention.remainder is not None:
            yield Problem(
                f"{path}.remainder", 'applies only when division is "equal": the chair carries all'
            )
    if convention.proxies == "none":
        if convention.proxy_cap is not None:
            yield Problem(
                f"{path}.proxy_cap", 'applies only when proxies are allowed; proxies is "none"'
            )
    elif convention.proxy_cap is None:
        yield Problem(f"{path}.proxy_cap", f'is required when proxies is "{convention.proxies}"')
    if convention.proxies == "alternate" and convention.alternates_per_unit == 0:
        yield Problem(
            f"{path}.proxies",
            'is "alternate", but alternates_per_unit is 0: there is no alternate to hold a proxy',
        )


def _discipline(
    discipline: Discipline, sections: Mapping[str, object], declared: AbstractSet[str]
) -> Iterator[Problem]:
    yield from _reference("discipline.appeal_to", discipline.appeal_to, declared)
    penalties = discipline.penalties
    yield from _distinct("discipline.penalties", [p.name for p in penalties], "penalty", ".name")
    removals: dict[str | None, int] = {}
    worst = "record"
    for index, penalty in enumerate(penalties):
        path = f"discipline.penalties[{index + 1}]"
        if _SEVERITY[penalty.effect] < _SEVERITY[worst]:
            yield Problem(
                f"{path}.effect",
                f'"{penalty.effect}" comes after a "{worst}" penalty: '
                "list penalties from the mildest to the most severe",
            )
        else:
            worst = penalty.effect
        yield from _joint_meeting(
            path, penalty.decided_by, penalty.with_candidates, sections, declared
        )
        yield from _majority(f"{path}.majority", penalty.majority)
        if penalty.effect == "removal":
            if penalty.office in removals:
                yield Problem(
                    f"{path}.office",
                    f"repeats the office of penalty {removals[penalty.office] + 1}: "
                    "one removal penalty per office",
                )
            removals.setdefault(penalty.office, index)
            if penalty.office is not None:
                yield from _reference(f"{path}.office", penalty.office, declared)
        elif penalty.office is not None:
            yield Problem(f"{path}.office", 'applies only to a penalty whose effect is "removal"')
        if penalty.max_duration is not None and penalty.effect != "suspension":
            yield Problem(
                f"{path}.max_duration", 'applies only to a penalty whose effect is "suspension"'
            )


def _joint_meeting(
    path: str,
    bodies: Sequence[str],
    with_candidates: bool,
    sections: Mapping[str, object],
    declared: AbstractSet[str],
) -> Iterator[Problem]:
    if not bodies:
        yield Problem(f"{path}.decided_by", "must name at least one body")
    yield from _distinct_bodies(f"{path}.decided_by", bodies)
    for index, kind in enumerate(bodies):
        yield from _reference(f"{path}.decided_by[{index + 1}]", kind, declared)
    if with_candidates and all(kind in sections for kind in bodies):
        committees = [sections[kind] for kind in bodies]
        if not any(isinstance(c, Committee) and c.election.candidates > 0 for c in committees):
            yield Problem(
                f"{path}.with_candidates",
                f"is true, but none of {', '.join(bodies)} elects candidate members "
                "(election.candidates is 0 or unset)",
            )


def _distinct_bodies(path: str, bodies: Sequence[str]) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, kind in enumerate(bodies):
        if kind in seen:
            yield Problem(f"{path}[{index + 1}]", f'names "{kind}" twice')
        seen.add(kind)
