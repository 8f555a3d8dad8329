"""docs/charter.md documents every field, and its examples are charters that check."""

from __future__ import annotations

import re
import tomllib

import pytest
from pydantic import BaseModel

from soviet.charter import Charter, parse_charter, sections
from tests.charter.files import DOCS

TEXT = DOCS.read_text(encoding="utf-8")
MODELS = [
    model
    for model in vars(sections).values()
    if isinstance(model, type)
    and issubclass(model, BaseModel)
    and model.__module__ == sections.__name__
] + [Charter]


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_every_field_is_documented(model: type[BaseModel]) -> None:
    forms = ("`{}`", "`[{}]`", "`{}.", ".{}`")
    missing = [
        name for name in model.model_fields if not any(form.format(name) in TEXT for form in forms)
    ]
    assert not missing, f"{model.__name__}: {missing} not in docs/charter.md"


def test_every_toml_example_is_valid_toml() -> None:
    blocks = re.findall(r"```toml\n(.*?)```", TEXT, re.DOTALL)
    assert len(blocks) >= 8
    for block in blocks:
        tomllib.loads(block)


def test_the_minimal_charter_checks() -> None:
    section = TEXT.split("## A complete minimal charter", 1)[1]
    block = re.search(r"```toml\n(.*?)```", section, re.DOTALL)
    assert block is not None
    charter = parse_charter(block.group(1), source="docs/charter.md")
    assert charter.name == "Riverside Tenants' Union"
    assert charter.convention.strength == "delegates"
