"""The minutes as Markdown (CommonMark with tables).

Every string of the document is text, so every character Markdown could read as markup is
escaped with a backslash: a motion's ``*``, ``[link](...)`` or ``<script>`` is shown as
written, in this file and in any page made from it.
"""

from __future__ import annotations

import re

from soviet.service.minutes.document import Block, Document, Items, Para, Quote, Section, Table

_INLINE = re.compile(r"([\\`*_\[\]<>&|~#$])")
"""Characters that open or close inline markup (or a table cell, or an entity)."""
_LINE_START = re.compile(r"^(\d+)([.)])|^([-+=])")
"""What opens a list, an ordered list or a heading underline at the start of a line."""


def escape(line: str) -> str:
    """One line of text as Markdown that shows exactly it."""
    line = _INLINE.sub(r"\\\1", line.strip())
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", line)


def _inline(text: str) -> str:
    """Text on one line: a paragraph, a heading, a list item or a table cell."""
    return escape(" ".join(text.split()))


def markdown(doc: Document) -> str:
    lines = [f"# {_inline(doc.title)}", ""]
    for block in doc.blocks:
        lines += _block(block, 2)
    return "\n".join(lines).rstrip("\n") + "\n"


def _block(block: Block, level: int) -> list[str]:
    match block:
        case Section():
            out = [f"{'#' * min(level, 6)} {_inline(block.heading)}", ""]
            for inner in block.blocks:
                out += _block(inner, level + 1)
            return out
        case Para():
            lead = f"**{_inline(block.lead)}** " if block.lead else ""
            return [(lead + _inline(block.text)).rstrip(), ""]
        case Quote():
            return [*_quote(block.text), ""]
        case Items():
            return [*(f"- {_inline(i)}" for i in block.items), ""]
        case Table():
            return [_row(block.header), "|" + " --- |" * len(block.header),
                    *(_row(r) for r in block.rows), ""]


def _row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(_inline(c) for c in cells) + " |"


def _quote(text: str) -> list[str]:
    """A block quote keeping the text's lines: a backslash at the end of a line breaks it
    there; an empty line separates paragraphs."""
    lines = [escape(x) for x in text.splitlines()] or [""]
    return [f"> {x}\\" if x and i + 1 < len(lines) and lines[i + 1] else f"> {x}".rstrip()
            for i, x in enumerate(lines)]
