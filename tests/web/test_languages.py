"""The pages' languages: every string the templates (and the words shown from data) hand to
``_()`` is translated into Swedish and Russian with the same placeholders; a member's choice
beats the browser's, which beats English; and a real server shows a member the page in the
language they chose."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import closing

import httpx
import pytest

from soviet.accounts import Accounts
from soviet.service import Organisation
from soviet.web.catalogues import TRANSLATED, extracted
from soviet.web.i18n import catalogue, chosen, translator
from soviet.web.vocabulary import WORDS
from tests.api.server import serving
from tests.api.test_api import PASSWORD, logged_in
from tests.rules.sessions import convention, delegates, sitting
from tests.rules.tree import build

PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


@pytest.fixture(scope="module")
def msgids() -> list[str]:
    """Every string the pages translate, extracted afresh from the templates and vocabulary."""
    return [str(m.id) for m in extracted() if m.id]


def test_the_extraction_finds_the_templates_and_the_words_from_data(msgids: list[str]) -> None:
    assert {"Log in", "%(n)s have voted", "Minority position"} <= set(msgids)
    assert set(WORDS) <= set(msgids)
    assert {"congress", "adopted", "ballot", "point_of_order", "abstain", "carried"} <= set(WORDS)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_is_translated_with_its_placeholders(language: str,
                                                          msgids: list[str]) -> None:
    table = catalogue(language)
    missing = [x for x in msgids if not table.get(x)]
    assert not missing, f"{language}: untranslated or fuzzy: {missing}"
    wrong = [x for x in msgids if placeholders(x) != placeholders(table[x])]
    assert not wrong, f"{language}: placeholders differ in {wrong}"


def test_a_translation_fills_its_placeholders() -> None:
    assert translator("ru")("%(n)s have voted", n=3) == "проголосовало: 3"
    assert translator("sv")("%(n)s of %(needed)s signatures", n=2, needed=5) == \
        "2 av 5 namnunderskrifter"
    assert translator("sv")("a string nobody wrote") == "a string nobody wrote"
    assert translator("en")("%(n)s present", n=4) == "4 present"


def test_the_members_language_then_the_browsers_then_english() -> None:
    browser = "sv-SE,sv;q=0.9,en;q=0.8"
    assert chosen("ru", browser) == "ru"
    assert chosen(None, browser) == "sv"
    assert chosen("klingon", browser) == "sv"
    assert chosen(None, "de-DE,de;q=0.9,ru;q=0.5") == "ru"
    assert chosen(None, "de-DE,de;q=0.9") == "en"
    assert chosen(None, "") == "en"
    assert chosen(None, None) == "en"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A congress sitting on a SQLite ledger, served; n1m1 has a password."""
    url = f"sqlite:///{tmp_path_factory.mktemp('languages') / 'site.db'}"
    with Organisation.open(url) as org:
        sitting(delegates(build(org, convention())))
    accounts = Accounts(url)
    accounts.set_password("n1m1", PASSWORD)
    accounts.close()
    with serving(url) as base:
        yield base


def test_a_visitor_gets_the_browsers_language(site: str) -> None:
    page = httpx.get(f"{site}/", headers={"Accept-Language": "sv-SE,sv;q=0.9,en;q=0.8"}).text
    assert '<html lang="sv">' in page
    assert "Rådsträdet" in page and "Sammanträden" in page and "Logga in" in page
    english = httpx.get(f"{site}/", headers={"Accept-Language": "de"}).text
    assert "The council tree" in english and "Rådsträdet" not in english


def test_a_member_who_chooses_russian_sees_russian(site: str) -> None:
    with closing(logged_in(site, "n1m1")) as member:
        assert "The council tree" in member.get("/").text
        assert member.post("/api/me/language", json={"language": "de"}).status_code == 422
        r = member.post("/api/me/language", json={"language": "ru"})
        assert r.status_code == 204, r.text
        page = member.get("/", headers={"Accept-Language": "sv"}).text
    assert '<html lang="ru">' in page
    for words in ("Структура советов", "Заседания", "съезд", "Выйти", "Журнал"):
        assert words in page, words
    assert "The council tree" not in page and "Rådsträdet" not in page
