"""The Markdown writer: the plan's content as plain text that reads as Markdown.

A second writer of the same content the PDF is written from (``content.Document``),
so every heading, paragraph, table and figure is in it: headings as ``#``, tables
as pipe tables (numbers right-aligned, marks centred), a form table as a list of
label: value, a figure as its data in a table (``figures.data_table``), the
landscape section as an ordinary section. Nothing here knows a page.

Every text is cleaned as for the PDF (``textsafe.clean_plain``: nothing invisible
can reorder or hide what is read) and escaped for Markdown, so a task named
``*urgent*`` or ``# 1`` prints as typed.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import content as c
from .figures import data_table
from .result import TEXT
from .textsafe import clean_plain

_ESCAPE = re.compile(r"([\\`*_\[\]<>|~])")
# what would start a heading, a list or a rule at the beginning of a line: # + = - and 1.
_LINE_START = re.compile(r"^(\s*)([#+=-])", re.MULTILINE)
_NUMBERED = re.compile(r"^(\s*\d+)([.)])(?=\s|$)", re.MULTILINE)
_HARD_BREAK = "  \n"  # two spaces: a line break that reads as one in plain text too


def escape(text: str) -> str:
    """Plain text as Markdown that shows it as typed (line breaks kept as ``\\n``)."""
    out = _ESCAPE.sub(r"\\\1", clean_plain(text))
    out = _LINE_START.sub(r"\1\\\2", out)
    return _NUMBERED.sub(r"\1\\\2", out)


class MarkdownWriter:
    """The text writer: ``write(document, path)`` writes the document as UTF-8 Markdown."""

    format = TEXT

    def __init__(self) -> None:
        self.lang = "ja"

    def write(self, document: c.Document, path: Path) -> None:
        path.write_bytes(self.render(document).encode("utf-8"))

    def render(self, document: c.Document) -> str:
        self.lang = document.lang
        cover = document.cover
        out = [f"# {escape(document.title)}"]
        if cover is not None:
            out = [f"# {escape(cover.title)}", escape(cover.subtitle),
                   _HARD_BREAK.join(escape(x) for x in (cover.date, *cover.issuer))]  # fmt: skip
        if document.contents_title:
            out.append(f"## {escape(document.contents_title)}")
            out.append("\n".join(f"- {escape(ch.title)}" for ch in document.chapters))
        for chapter in document.chapters:
            out.append(f"## {escape(chapter.title)}")
            out += self.blocks(chapter.blocks)
        return "\n\n".join(x for x in out if x) + "\n"

    def blocks(self, blocks: tuple[c.Block, ...] | list[c.Block]) -> list[str]:
        out: list[str] = []
        for block in blocks:
            out += self.block(block)
        return out

    def block(self, block: c.Block) -> list[str]:
        if isinstance(block, c.Paragraph):
            return [self.inline(block.text)]
        if isinstance(block, c.Heading):
            return [f"{'#' * (block.level + 1)} {escape(block.title)}"]
        if isinstance(block, c.Table):
            return [self.form(block) if block.form else self.table(block)]
        if isinstance(block, c.Figure):
            caption = [f"**{escape(block.caption)}**"] if block.caption else []
            return [*caption, self.table(data_table(block.chart, self.lang))]
        if isinstance(block, c.Landscape):
            return self.blocks(block.blocks)  # an ordinary section: text has no pages
        if isinstance(block, c.Spacer | c.PageBreak):
            return []
        raise TypeError(f"no Markdown rendering for {type(block).__name__}")

    # -- text ---------------------------------------------------------------------------

    def inline(self, value: c.Text | str) -> str:
        """Bold spans (and alerts, which the PDF prints in red) as ``**…**``."""
        if isinstance(value, str):
            return escape(value).replace("\n", _HARD_BREAK)
        parts = []
        for part in value.parts:
            if isinstance(part, str):
                parts.append(escape(part))
            else:
                strong = part.bold or part.tone == "alert"
                parts.append(_strong(escape(part.text)) if strong else escape(part.text))
        return "".join(parts).replace("\n", _HARD_BREAK)

    # -- tables -------------------------------------------------------------------------

    def cell(self, cell: c.Cell) -> str:
        text = self.inline(cell.value) if isinstance(cell.value, c.Text) else escape(cell.value)
        return text.replace(_HARD_BREAK, "<br>").replace("\n", "<br>")

    def table(self, table: c.Table) -> str:
        lines = ["| " + " | ".join(escape(h) for h in table.header) + " |",
                 "| " + " | ".join(_rule(table, i) for i in range(len(table.columns))) + " |"]  # fmt: skip
        for row in table.rows:
            lines.append("| " + " | ".join(self.cell(x) for x in row) + " |")
        return "\n".join(lines)

    def form(self, table: c.Table) -> str:
        """Label: value pairs as a list; a value's further lines indented under it."""
        items = []
        for label, value in table.rows:
            text = self.cell(value).replace("<br>", _HARD_BREAK + "  ")
            items.append(f"- **{self.cell(label)}**: {text}")
        return "\n".join(items)


def _strong(text: str) -> str:
    """``**text**``, each line of it (Markdown's emphasis does not cross a line break)."""
    return "\n".join(f"**{line}**" if line.strip() else line for line in text.split("\n"))


def _rule(table: c.Table, i: int) -> str:
    """The column's alignment: right for figures, centred for marks, as the PDF sets them."""
    roles = {row[i].role for row in table.rows if row[i].plain}
    if roles == {"number"}:
        return "---:"
    if roles == {"centred"}:
        return ":---:"
    return "---"
