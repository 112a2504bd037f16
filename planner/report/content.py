"""The plan's document as format-neutral content: what is said, not how it is drawn.

The chapters (``planner/report/chapters``) build a ``Document`` of these nodes
from the plan; a writer renders it (``pdf_writer`` with reportlab; a Word
writer can be a second renderer of the same nodes). Like a Sphinx doctree or
a pandoc AST, nodes hold plain text, never markup: a writer escapes every text
itself (the PDF writer through ``textsafe.TextGuard``). A ``"\\n"`` in a text is
a line break.

    Document
      cover: TitlePage (a full page)
      chapters: Chapter(key, title, blocks) -- listed in the contents
    blocks: Paragraph, Heading, Table, Figure, Spacer, PageBreak, Landscape (a section)
    inline text: str or Span (bold, small, a tone); a table cell: Cell (text, number,
    centred or rich); a figure: the chart's data (BarChart, GanttChart), never a drawing

Nothing here knows a page: sizes are fractions of the text width (tables, figures) or a
chart's own height, and page geometry is said by meaning (a landscape section, a title
page, a chapter kept with its opening). Each writer maps that to its own pages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, Literal, TypeVar

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


CellRole = Literal["text", "number", "centred", "rich"]


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell and how it is set.

    ``text``: user or catalog text, wrapped in its column; ``number``: figures,
    right-aligned in the fixed-width face so that digits line up; ``centred``: a short
    mark or status (◎ ○ ×, 済); ``rich``: a ``Text`` with bold, small or toned spans.
    """

    value: str | Text
    role: CellRole = "text"

    @property
    def plain(self) -> str:
        return self.value.plain if isinstance(self.value, Text) else self.value


def num(value: str) -> Cell:
    return Cell(value, "number")


def centred(value: str) -> Cell:
    return Cell(value, "centred")


CellLike = str | Text | Cell


def as_cell(value: CellLike) -> Cell:
    """A plain string is text, a ``Text`` is rich text, a ``Cell`` stays as it is."""
    if isinstance(value, Cell):
        return value
    if isinstance(value, Text):
        return Cell(value, "rich")
    return Cell(value)


ParagraphStyle = Literal["body", "small", "note"]


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: Text
    style: ParagraphStyle = "body"


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading inside a chapter: level 2 (section, 11.1 …) or 3 (a unit, a role)."""

    title: str
    level: Literal[2, 3] = 2


R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Column(Generic[R]):
    """A table column as a chapter declares it: its header, its width and its cell.

    ``width`` is in any unit (mm of the A4 text width, say): a table's widths become
    fractions of the text width. ``cell`` makes the column's cell from a row's record.
    """

    header: str
    width: float
    cell: Callable[[R], CellLike]


@dataclass(frozen=True, slots=True)
class Head:
    """A column as a writer sees it: its title and its width (a fraction of the text width)."""

    title: str
    width: float


@dataclass(frozen=True, slots=True)
class Table:
    """A bordered table with a header row that repeats on every page.

    The last ``total_rows`` rows are totals. ``form=True``: a two-column
    label | value table without a header row (the titles are empty), labels shaded.
    """

    columns: tuple[Head, ...]
    rows: tuple[tuple[Cell, ...], ...]
    total_rows: int = 0
    form: bool = False

    @property
    def header(self) -> tuple[str, ...]:
        return tuple(c.title for c in self.columns)

    @property
    def widths(self) -> tuple[float, ...]:
        return tuple(c.width for c in self.columns)


def widths(*parts: float) -> tuple[float, ...]:
    """Column widths given in any unit (e.g. mm of the A4 text width), as fractions."""
    total = sum(parts)
    return tuple(p / total for p in parts)


def table(columns: Sequence[Column[R]], records: Iterable[R], totals: Iterable[R] = ()) -> Table:
    """A table of one row per record, then one total row per record of ``totals``."""
    heads = tuple(Head(c.header, w) for c, w in zip(columns, widths(*(c.width for c in columns)),
                                                    strict=True))  # fmt: skip
    body = [tuple(as_cell(c.cell(r)) for c in columns) for r in records]
    total = [tuple(as_cell(c.cell(r)) for c in columns) for r in totals]
    return Table(heads, tuple(body + total), total_rows=len(total))


def form(pairs: Sequence[tuple[str, str | Text]], label_width: float) -> Table:
    """Label | value pairs, as in a form; ``label_width`` is the labels' fraction of the width."""
    heads = (Head("", label_width), Head("", 1 - label_width))
    return Table(heads, tuple((Cell(label), as_cell(v)) for label, v in pairs), form=True)


# -- figures: a chart's data, drawn by a writer (``charts`` for the PDF and the screen) ----


SeriesTone = Literal["subsidy", "net", "other"]


@dataclass(frozen=True, slots=True)
class Series:
    """One stacked segment of every bar: its legend label, its values, its colour's role."""

    label: str
    values: tuple[float, ...]
    tone: SeriesTone


@dataclass(frozen=True, slots=True)
class BarChart:
    """Stacked bars, one per category, each bar's total printed at its end.

    Upright bars (``horizontal=False``: fiscal years) or lying ones (scenarios).
    """

    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str
    horizontal: bool = False

    @property
    def totals(self) -> tuple[float, ...]:
        return tuple(sum(v) for v in zip(*(s.values for s in self.series), strict=True))


def chart_number(value: float) -> str:
    """A figure as a chart prints it (a bar's total): whole units, thousands separated."""
    return f"{value:,.0f}"


@dataclass(frozen=True, slots=True)
class GanttRow:
    label: str
    kind: str  # "step", a phase kind, or "training" (a milestone on ``start``)
    start: date | None
    end: date | None


@dataclass(frozen=True, slots=True)
class GanttChart:
    """The schedule over ``len(year_labels)`` fiscal years from ``first_fy``, a row each.

    ``legend``: (kind, label) for every kind the chart shows, in order.
    """

    rows: tuple[GanttRow, ...]
    first_fy: int
    year_labels: tuple[str, ...]
    legend: tuple[tuple[str, str], ...]

    @property
    def years(self) -> int:
        return len(self.year_labels)


@dataclass(frozen=True, slots=True)
class ProgressRow:
    """Issue 23: one KPI: its name, how far from baseline (0) to target (1) its latest
    value is (None: it cannot be placed), and the status said beside it."""

    label: str
    share: float | None
    status: str
    reached: bool


@dataclass(frozen=True, slots=True)
class ProgressChart:
    """Issue 23: a bar per KPI from its baseline to its target, its latest value marked."""

    rows: tuple[ProgressRow, ...]
    start_label: str  # 現状
    end_label: str  # 目標


@dataclass(frozen=True, slots=True)
class ShareRow:
    """A question's answers: (option's words, percent) from the lowest score to the highest."""

    label: str
    shares: tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class ShareChart:
    """Each question's answers as one bar of 100%, options from the lowest score (left) to
    the highest (right), each segment's share written on it (issue 23: the trial survey)."""

    rows: tuple[ShareRow, ...]
    unit: str


Chart = BarChart | GanttChart | ShareChart | ProgressChart


@dataclass(frozen=True, slots=True)
class Figure:
    """A chart and its size: ``width`` a fraction of the text width, ``height_mm`` the
    chart's own height (what its rows or bars need to be legible; a writer may cut it
    to the page). ``caption``, when given, is kept on the page together with the chart.
    """

    chart: Chart
    height_mm: float
    width: float = 1.0
    caption: str | None = None


@dataclass(frozen=True, slots=True)
class Spacer:
    """A little space between two blocks that belong apart (a note and the next table)."""


@dataclass(frozen=True, slots=True)
class PageBreak:
    pass


@dataclass(frozen=True, slots=True)
class Landscape:
    """Blocks in a landscape section: pages of their own, turned (the Gantt charts)."""

    blocks: tuple[Block, ...]


Block = Paragraph | Heading | Table | Figure | Spacer | PageBreak | Landscape


@dataclass(frozen=True, slots=True)
class TitlePage:
    """The cover, a full page: the title, the period under it, and lower down the
    date and who issues the plan (one line each)."""

    title: str
    subtitle: str
    date: str
    issuer: tuple[str, ...]


@dataclass
class Chapter:
    """A chapter: listed in the contents and the bookmarks under ``key``.

    ``keep_opening``: the heading is kept on one page with the chapter's opening
    (its first paragraphs and table), not only with its first lines.
    """

    key: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    keep_opening: bool = False


@dataclass
class Document:
    """The whole document. A short paper (the council summary) has no cover
    (``cover=None``) and no contents (``contents_title=""``): it starts with its text."""

    lang: str
    title: str
    subject: str
    author: str
    cover: TitlePage | None
    contents_title: str
    chapters: list[Chapter]


def plain_texts(document: Document) -> list[str]:
    """Every text of the document in reading order (for tests and for a search index)."""
    c = document.cover
    out: list[str] = [document.title]
    if c is not None:
        out += [c.title, c.subtitle, c.date, *c.issuer]
    for chapter in document.chapters:
        out.append(chapter.title)
        out += _block_texts(chapter.blocks)
    return out


def _block_texts(blocks: Sequence[Block]) -> list[str]:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, Paragraph):
            out.append(b.text.plain)
        elif isinstance(b, Heading):
            out.append(b.title)
        elif isinstance(b, Table):
            out += b.header
            out += [cell.plain for row in b.rows for cell in row]
        elif isinstance(b, Figure):
            out += [b.caption] if b.caption else []
            out += chart_texts(b.chart)
        elif isinstance(b, Landscape):
            out += _block_texts(b.blocks)
    return out


def chart_texts(chart: Chart) -> list[str]:
    """Every word a chart prints (not its figures)."""
    if isinstance(chart, BarChart):
        return [*chart.categories, *(s.label for s in chart.series), chart.unit]
    if isinstance(chart, ProgressChart):
        return [chart.start_label, chart.end_label, *(t for r in chart.rows for t in (r.label, r.status))]  # fmt: skip
    if isinstance(chart, ShareChart):
        return [*(r.label for r in chart.rows), *(w for r in chart.rows for w, _p in r.shares),
                chart.unit]  # fmt: skip
    return [*chart.year_labels, *(text for _kind, text in chart.legend),
            *(r.label for r in chart.rows)]  # fmt: skip
