"""The plan's document as format-neutral content: what is said, not how it is drawn.

The chapters (``planner/report/chapters``) build a ``Document`` of these nodes
from the plan; a writer renders it (``pdf_writer`` with reportlab; a Word
writer can be a second renderer of the same nodes). Like a Sphinx doctree or
a pandoc AST, nodes hold plain text, never markup: a writer escapes every text
itself (the PDF writer through ``textsafe.TextGuard``). A ``"\\n"`` in a text is
a line break.

    Document
      cover: blocks of the title page
      chapters: Chapter(key, title, blocks) -- listed in the contents
    blocks: Paragraph, Heading, Table, Figure, Spacer, PageBreak, Landscape
    inline text: str or Span (bold, small, a tone); a table cell: str, Num, Center or Text
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

Tone = Literal["muted", "alert"]


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text set apart: bold, smaller, greyed out (muted) or in red (alert)."""

    text: str
    bold: bool = False
    small: bool = False
    tone: Tone | None = None


Inline = str | Span


@dataclass(frozen=True, slots=True)
class Text:
    """Rich text: a paragraph's content, or a table cell with more than plain text."""

    parts: tuple[Inline, ...]

    @property
    def plain(self) -> str:
        return "".join(p if isinstance(p, str) else p.text for p in self.parts)


def text(*parts: Inline) -> Text:
    return Text(tuple(p for p in parts if p))


class Num(str):
    """A table cell of figures: right-aligned, in the fixed-width face so digits line up."""

    __slots__ = ()


class Center(str):
    """A short table cell printed centred (marks such as ◎ ○ ×, statuses)."""

    __slots__ = ()


Cell = str | Num | Center | Text

ParagraphStyle = Literal[
    "body", "small", "note", "cover_title", "cover_sub", "cover_meta"
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: Text
    style: ParagraphStyle = "body"


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading inside a chapter: level 2 (section, 11.1 …) or 3 (a unit, a role)."""

    title: str
    level: Literal[2, 3] = 2


@dataclass(frozen=True, slots=True)
class Table:
    """A bordered table with a header row that repeats on every page.

    ``widths`` are fractions of the text width (they sum to 1). The last
    ``total_rows`` rows are totals. ``form=True``: a two-column label | value
    table without a header row (``header`` is empty), labels shaded.
    """

    header: tuple[str, ...]
    rows: Sequence[Sequence[Cell]]
    widths: tuple[float, ...]
    total_rows: int = 0
    form: bool = False


def widths(*parts: float) -> tuple[float, ...]:
    """Column widths given in any unit (e.g. mm of the A4 text width), as fractions."""
    total = sum(parts)
    return tuple(p / total for p in parts)


@dataclass(frozen=True, slots=True)
class Figure:
    """A chart: ``make(clean)`` returns a matplotlib Figure of ``width_mm`` × ``height_mm``.

    ``clean`` is the writer's text cleaner, applied to every label the chart
    prints. ``caption``, when given, is kept on the page together with the chart.
    """

    make: Callable[[Callable[[str], str]], Any]
    width_mm: float
    height_mm: float
    caption: str | None = None


@dataclass(frozen=True, slots=True)
class Spacer:
    """Vertical space: ``mm`` millimetres plus ``page`` × the text height of the page."""

    mm: float = 0
    page: float = 0


@dataclass(frozen=True, slots=True)
class PageBreak:
    pass


@dataclass(frozen=True, slots=True)
class Landscape:
    """Blocks on landscape pages of their own (the schedule's Gantt charts)."""

    blocks: tuple[Block, ...]


Block = Paragraph | Heading | Table | Figure | Spacer | PageBreak | Landscape


@dataclass
class Chapter:
    """A chapter: listed in the contents and the bookmarks under ``key``.

    It starts a new page unless ``room_mm`` of the page is still free.
    """

    key: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    room_mm: float = 70


@dataclass
class Document:
    lang: str
    title: str
    subject: str
    author: str
    cover: list[Block]
    contents_title: str
    chapters: list[Chapter]


def plain_texts(document: Document) -> list[str]:
    """Every text of the document in reading order (for tests and for a search index)."""
    out: list[str] = [document.title, *_block_texts(document.cover)]
    for chapter in document.chapters:
        out.append(chapter.title)
        out += _block_texts(chapter.blocks)
    return out


def _cell_text(cell: Cell) -> str:
    return cell.plain if isinstance(cell, Text) else str(cell)


def _block_texts(blocks: Sequence[Block]) -> list[str]:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, Paragraph):
            out.append(b.text.plain)
        elif isinstance(b, Heading):
            out.append(b.title)
        elif isinstance(b, Table):
            out += b.header
            out += [_cell_text(cell) for row in b.rows for cell in row]
        elif isinstance(b, Figure) and b.caption:
            out.append(b.caption)
        elif isinstance(b, Landscape):
            out += _block_texts(b.blocks)
    return out
