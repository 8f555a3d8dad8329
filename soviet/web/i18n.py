"""The pages' languages: English as written in the templates, Swedish and Russian from
gettext catalogues (``locales/<lang>/LC_MESSAGES/messages.po``) read with Babel when the server
starts, so there is no compile step. A member chooses their language; a visitor gets the
best match of their browser's ``Accept-Language``."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

from babel import Locale
from babel.messages.pofile import read_po

LOCALES = Path(__file__).parent / "locales"
LANGUAGES = ("en", "sv", "ru")
NAMES = {code: Locale.parse(code).get_display_name(code) or code for code in LANGUAGES}
"""Each language in its own words (English, svenska, русский), for the menu."""


def catalogue_path(language: str) -> Path:
    """Where ``language``'s translations are kept (and refreshed, :mod:`.catalogues`)."""
    return LOCALES / language / "LC_MESSAGES" / "messages.po"


@cache
def catalogue(language: str) -> dict[str, str]:
    """msgid -> translation for ``language`` (empty for English or a missing catalogue)."""
    path = catalogue_path(language)
    if language == "en" or not path.exists():
        return {}
    with path.open("rb") as f:
        po = read_po(f, locale=language)
    return {str(m.id): str(m.string) for m in po if m.id and m.string and not m.fuzzy}


def translator(language: str) -> Callable[..., str]:
    """``_("text", name=value)``: the translation, with ``%(name)s`` filled in."""
    table = catalogue(language)

    def gettext(text: str, **values: object) -> str:
        out = table.get(text)
        if out is None:
            # a word from the data (point_of_order, unit_assembly) reads as words
            out = text.replace("_", " ") if text.isidentifier() else text
        return out % values if values else out

    return gettext


def chosen(member_language: str | None, accept: str | None) -> str:
    """The member's language, else the first of the browser's we have, else English."""
    if member_language in LANGUAGES:
        return member_language
    for part in (accept or "").split(","):
        tag = part.split(";")[0].strip().replace("-", "_")
        if not tag:
            continue
        try:
            language = Locale.parse(tag).language
        except (ValueError, TypeError):
            continue
        if language in LANGUAGES:
            return language
    return "en"
