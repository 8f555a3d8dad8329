"""The words the pages translate from data (``_(m.status)``, ``_(p.secrecy)``, ``_(r.kind)``,
``_(body.kind)``, ``_(p.outcome)``, a ballot's choices): no template names them as literals,
so Babel's template extractor cannot find them; babel.cfg hands this module to
:func:`extract` instead, and they reach the catalogues like every other string. The words are
taken from where the rules and records declare them, so a new kind shows up as untranslated."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from soviet.charter.vocabulary import BODY_KINDS
from soviet.model.sessions import CHOICES
from soviet.rules.floor import KINDS as SPEECHES
from soviet.rules.polls import SECRECY

MOTION_STATUSES = ("submitted", "admitted", "withdrawn", "referred", "adopted", "rejected")
"""A motion's ``status`` (:class:`soviet.model.sessions.Motion`), set only by the fold."""

PETITION_OUTCOMES = ("carried", "lost")
"""A recall petition's ``outcome`` once its vote is taken, set only by the fold."""

WORDS: tuple[str, ...] = (*BODY_KINDS, *MOTION_STATUSES, *SECRECY, *SPEECHES, *CHOICES,
                          *PETITION_OUTCOMES)


def extract(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
            ) -> Iterator[tuple[int, None, str, list[str]]]:
    """Babel's extraction method for this module: each word, at the line that gathers them."""
    line = next(n for n, text in enumerate(fileobj, 1) if text.startswith(b"WORDS"))
    for word in WORDS:
        yield line, None, word, []
