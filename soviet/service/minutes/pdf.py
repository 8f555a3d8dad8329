"""The minutes as PDF, typeset by Typst from the same document the Markdown is written from.

Every string goes into the Typst source as a string literal (``#"..."``), which Typst shows as
text and never reads as markup: a motion's ``#``, ``*``, ``$``, ``_``, ``@``, ``<`` or ``[``
cannot run code, set math or make a label. Only the literal's own ``\\`` and ``"`` (and line
breaks) are escaped. The fonts are Typst's own, so the PDF is the same on every machine.
"""

from __future__ import annotations

import typst

from soviet.service.minutes.document import Block, Document, Items, Para, Quote, Section, Table

_PREAMBLE = """#set page(paper: "a4", margin: 2cm, numbering: "1")
#set text(size: 10pt)
#set par(justify: false)
#set table(inset: 4pt, stroke: 0.5pt + luma(160))
#show heading: set block(above: 1.2em, below: 0.6em)
#show quote.where(block: true): it => block(inset: (left: 8pt, y: 2pt),
  stroke: (left: 2pt + luma(150)), it.body)
"""


def literal(text: str) -> str:
    """A Typst string literal of ``text``."""
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "")
               .replace("\n", "\\n").replace("\t", "\\t"))
    return f'"{escaped}"'


def typst_source(doc: Document) -> str:
    lines = [f"#set document(title: {literal(doc.title)}, date: none)", _PREAMBLE,
             f"#heading(level: 1, {literal(doc.title)})", ""]
    for block in doc.blocks:
        lines += _block(block, 2)
    return "\n".join(lines)


def _block(block: Block, level: int) -> list[str]:
    match block:
        case Section():
            out = [f"#heading(level: {level}, {literal(block.heading)})", ""]
            for inner in block.blocks:
                out += _block(inner, level + 1)
            return out
        case Para():
            lead = f"#strong({literal(block.lead)}) " if block.lead else ""
            return [f"{lead}#{literal(block.text)}", ""]
        case Quote():
            return [f"#quote(block: true, {literal(block.text)})", ""]
        case Items():
            return [f"#list({', '.join(literal(i) for i in block.items)})", ""]
        case Table():
            header = ", ".join(f"strong({literal(h)})" for h in block.header)
            cells = "".join(f", {literal(c)}" for row in block.rows for c in row)
            return [f"#table(columns: {len(block.header)}, table.header({header}){cells})", ""]


def pdf(doc: Document) -> bytes:
    return typst.compile(typst_source(doc).encode(), format="pdf", ignore_system_fonts=True)
