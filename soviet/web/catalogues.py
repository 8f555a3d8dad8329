"""Refreshing the pages' translations from a source checkout, with no Makefile and no pybabel
command line: ``python -m soviet.web.catalogues`` extracts every string babel.cfg names into
``locales/messages.pot``, merges it into each language's ``messages.po`` (new strings empty,
changed ones fuzzy, gone ones dropped) and names what is left to translate. The server reads
the ``.po`` files themselves (:mod:`soviet.web.i18n`), so nothing is compiled."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from soviet.web.i18n import LANGUAGES, LOCALES, catalogue_path

ROOT = Path(__file__).parents[2]
TEMPLATE = LOCALES / "messages.pot"
TRANSLATED = tuple(x for x in LANGUAGES if x != "en")
HEADER = ("# %s of soviet's web pages. Refresh with `python -m soviet.web.catalogues`;\n"
          "# see docs/translating.md.")


def extracted() -> Catalog:
    """Every string of the pages, where it occurs, as babel.cfg says to find them."""
    with (ROOT / "babel.cfg").open() as f:
        method_map, options_map = parse_mapping_cfg(f)  # type: ignore[no-untyped-call]
    template = Catalog(header_comment=HEADER % "The strings", project="soviet",
                       fuzzy=False)
    for path, line, text, comments, context in extract_from_dir(ROOT, method_map, options_map):
        template.add(text, None, [(path, line)], auto_comments=comments, context=context)
    return template


def untranslated(catalogue: Catalog) -> list[str]:
    """The msgids with no translation the pages would use (empty, or fuzzy)."""
    return [str(m.id) for m in catalogue if m.id and (not m.string or m.fuzzy)]


def _write(path: Path, catalogue: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        write_po(f, catalogue, width=100, ignore_obsolete=True)


def _places(catalogue: Catalog) -> list[tuple[object, list[tuple[str, int | None]]]]:
    return [(m.id, sorted(m.locations)) for m in catalogue]


def _write_template(template: Catalog) -> None:
    """Write the .pot, unless it holds the same strings at the same places already: then keep
    it and its date (which the .po files copy), so an unchanged refresh leaves no diff."""
    if TEMPLATE.exists():
        with TEMPLATE.open("rb") as f:
            old = read_po(f)
        if _places(old) == _places(template):
            template.creation_date = old.creation_date
            return
    _write(TEMPLATE, template)


def refresh() -> dict[str, list[str]]:
    """Extract, write the .pot if it changed, merge it into every language's catalogue; what
    each language still lacks."""
    template = extracted()
    _write_template(template)
    missing = {}
    for language in TRANSLATED:
        path = catalogue_path(language)
        if path.exists():
            with path.open("rb") as f:
                catalogue = read_po(f, locale=language)
        else:
            catalogue = Catalog(locale=language, header_comment=HEADER % "Translations",
                                project="soviet", fuzzy=False)
        catalogue.update(template)
        _write(path, catalogue)
        missing[language] = untranslated(catalogue)
    return missing


def main() -> int:
    missing = refresh()
    for language, ids in missing.items():
        where = catalogue_path(language).relative_to(ROOT)
        print(f"{language}: {len(ids)} to translate in {where}")
        for msgid in ids:
            print(f"  {msgid}")
    return 1 if any(missing.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
