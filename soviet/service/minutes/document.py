"""The minutes as a document: headed sections of paragraphs, quoted texts, lists and tables.

Every string in it is plain text, never markup: names, motions and statements come from users,
so each renderer (Markdown, Typst) escapes every string it writes, and the structure is said
by the blocks themselves. Both renderers walk this one structure, so the content of the
minutes is decided once.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Para:
    """A paragraph; ``lead`` is set in bold before it (``Decision MO1:``)."""

    text: str
    lead: str = ""


@dataclass(frozen=True)
class Quote:
    """A text as its authors wrote it (a motion, theses, a minority's statement): its line
    breaks are kept."""

    text: str


@dataclass(frozen=True)
class Items:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: tuple[Block, ...]


Block = Para | Quote | Items | Table | Section


@dataclass(frozen=True)
class Document:
    title: str
    blocks: tuple[Block, ...]
