"""The minutes as a standalone web page: the Markdown rendered by markdown-it with raw HTML
turned off (the Markdown escapes every character anyway), in a page with its own small
stylesheet, so it can be mailed, archived or printed as one file."""

from __future__ import annotations

from html import escape

from markdown_it import MarkdownIt

from soviet.service.minutes.document import Document
from soviet.service.minutes.markdown import markdown

_RENDER = MarkdownIt("commonmark", {"html": False}).enable("table")

STYLE = """
body { font-family: Georgia, "Times New Roman", serif; line-height: 1.45; color: #111;
       max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3, h4 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.2; }
h2 { border-bottom: 1px solid #999; padding-bottom: .2rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid #bbb; padding: .2rem .5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
blockquote { margin: .5rem 0 1rem; padding: .2rem 1rem; border-left: 4px solid #b22;
             background: #f7f3f3; }
@media print { body { margin: 0; max-width: none; } }
"""


def html_page(doc: Document) -> str:
    body = _RENDER.render(markdown(doc))
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(doc.title)}</title>\n<style>{STYLE}</style>\n</head>\n"
            f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n")
