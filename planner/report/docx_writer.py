"""The Word writer: a content ``Document`` in, a .docx file out (python-docx).

A third writer of the same content as the PDF and the Markdown text (issue 21 item 4):
the cover, a table of contents (a Word field, with the chapter titles shown until
Word updates it), chapters as Word's built-in ``Heading 1`` (sections ``Heading 2``,
units and roles ``Heading 3``), real tables (header rows repeated on each page,
numbers right-aligned in the Gothic, totals bold, form labels shaded), each chart as
a PNG image drawn by ``charts`` with its data as a table under it (the figures as
numbers, to quote and to edit), the landscape section as a landscape section of its
own. A document without a cover (the council summary) starts with its first chapter.

Every text is data: cleaned (``textsafe.clean_plain``) and escaped by python-docx.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from docx.enum.section import WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Mm, Pt

from . import content as c
from .docx_style import (
    GOTHIC,
    HEAD_FILL,
    LANDSCAPE_WIDTH_MM,
    TEXT_WIDTH_MM,
    TOTAL_FILL,
    add_field,
    add_text,
    grid_table,
    landscape,
    new_document,
    page_numbers,
    portrait,
    repeat_header,
    safe,
    shade,
    update_fields_on_open,
)
from .figures import data_table
from .result import DOCX

CELL_SIZE = 9
SMALL_SIZE = 8.5
CHART_DPI = 200
_ALIGN = {"number": WD_ALIGN_PARAGRAPH.RIGHT, "centred": WD_ALIGN_PARAGRAPH.CENTER}


class DocxWriter:
    """The Word writer: ``write(document, path)`` saves the document as .docx."""

    format = DOCX

    def __init__(self) -> None:
        self.lang = "ja"
        self._width_mm = TEXT_WIDTH_MM

    def write(self, document: c.Document, path: Path) -> None:
        self.render(document).save(str(path))

    def render(self, document: c.Document):  # noqa: ANN201 - a python-docx Document
        self.lang = document.lang
        self.doc = doc = new_document(document.lang)
        props = doc.core_properties
        props.title, props.subject = safe(document.title), safe(document.subject)
        props.author = safe(document.author)
        props.comments = "Telework Planner"
        page_numbers(doc.sections[0])
        if document.cover is not None:
            self.title_page(document.cover)
        if document.contents_title:
            self.contents(document)
        for i, chapter in enumerate(document.chapters):
            self.chapter(chapter, first=i == 0)
        return doc

    # -- the cover and the contents -----------------------------------------------------

    def title_page(self, cover: c.TitlePage) -> None:
        doc = self.doc
        for _ in range(6):
            doc.add_paragraph()
        add_text(doc.add_paragraph(style="Title"), cover.title)
        add_text(doc.add_paragraph(style="Subtitle"), cover.subtitle)
        for _ in range(8):
            doc.add_paragraph()
        for line in (cover.date, *cover.issuer):
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            add_text(p, line, size=12)
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def contents(self, document: c.Document) -> None:
        """A TOC field over the headings; until Word updates it, the chapter titles."""
        doc = self.doc
        add_text(doc.add_paragraph(style="Heading 1"), document.contents_title)
        titles = [safe(ch.title) for ch in document.chapters]
        p = doc.add_paragraph()
        add_field(p, 'TOC \\o "1-1" \\h \\z \\u', "\n".join(titles))
        update_fields_on_open(doc)

    # -- chapters and blocks --------------------------------------------------------------

    def chapter(self, chapter: c.Chapter, *, first: bool) -> None:
        heading = self.doc.add_paragraph(style="Heading 1")
        add_text(heading, chapter.title)
        # a chapter starts a new page, as the PDF's do when little of the page is left
        heading.paragraph_format.page_break_before = not first or None
        self.blocks(chapter.blocks)

    def blocks(self, blocks: Sequence[c.Block]) -> None:
        for block in blocks:
            self.block(block)

    def block(self, block: c.Block) -> None:
        doc = self.doc
        if isinstance(block, c.Paragraph):
            p = doc.add_paragraph()
            self.inline(p, block.text, SMALL_SIZE if block.style != "body" else None,
                        "muted" if block.style == "note" else None)  # fmt: skip
        elif isinstance(block, c.Heading):
            add_text(doc.add_paragraph(style=f"Heading {block.level}"), block.title)
        elif isinstance(block, c.Table):
            self.table(block)
        elif isinstance(block, c.Figure):
            self.figure(block)
        elif isinstance(block, c.Spacer):
            doc.add_paragraph().paragraph_format.space_after = Pt(2)
        elif isinstance(block, c.PageBreak):
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(block, c.Landscape):
            self.landscape(block)
        else:
            raise TypeError(f"no Word rendering for {type(block).__name__}")

    def landscape(self, block: c.Landscape) -> None:
        landscape(self.doc.add_section(WD_SECTION.NEW_PAGE))
        self._width_mm = LANDSCAPE_WIDTH_MM
        try:
            self.blocks(block.blocks)
        finally:
            self._width_mm = TEXT_WIDTH_MM
        portrait(self.doc.add_section(WD_SECTION.NEW_PAGE))

    def inline(self, paragraph, value: c.Text | str, size: float | None = None,
               tone: str | None = None) -> None:  # fmt: skip
        if isinstance(value, str):
            add_text(paragraph, value, size=size, tone=tone)
            return
        for part in value.parts:
            if isinstance(part, str):
                add_text(paragraph, part, size=size, tone=tone)
            else:
                add_text(paragraph, part.text, bold=part.bold, tone=part.tone or tone,
                         size=SMALL_SIZE if part.small else size)  # fmt: skip

    # -- tables and figures -------------------------------------------------------------

    def table(self, table: c.Table) -> None:
        widths = [w * self._width_mm for w in table.widths]
        header = 0 if table.form else 1
        out = grid_table(self.doc, len(table.rows) + header, widths)
        if header:
            row = out.rows[0]
            repeat_header(row)
            for cell, title in zip(row.cells, table.header, strict=True):
                shade(cell, HEAD_FILL)
                add_text(cell.paragraphs[0], title, bold=True, size=CELL_SIZE, font=GOTHIC)
        first_total = len(table.rows) - table.total_rows
        for i, cells in enumerate(table.rows):
            row = out.rows[i + header]
            total = i >= first_total
            for j, (cell, value) in enumerate(zip(row.cells, cells, strict=True)):
                label = table.form and j == 0
                if label or total:
                    shade(cell, HEAD_FILL if label else TOTAL_FILL)
                self.cell(cell, value, bold=total or label)
        self.doc.add_paragraph().paragraph_format.space_after = Pt(0)

    def cell(self, cell, value: c.Cell, *, bold: bool) -> None:
        p = cell.paragraphs[0]
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
        if value.role in _ALIGN:
            p.alignment = _ALIGN[value.role]
        if isinstance(value.value, c.Text):
            for part in value.value.parts:
                if isinstance(part, str):
                    add_text(p, part, bold=bold, size=CELL_SIZE)
                else:
                    add_text(p, part.text, bold=bold or part.bold, tone=part.tone,
                             size=SMALL_SIZE if part.small else CELL_SIZE)  # fmt: skip
        else:
            font = GOTHIC if value.role == "number" else None
            add_text(p, value.value, bold=bold, size=CELL_SIZE, font=font)

    def figure(self, figure: c.Figure) -> None:
        """The chart as a PNG image, and its data as a table under it."""
        if figure.caption:
            add_text(self.doc.add_paragraph(style="Heading 3"), figure.caption)
        width = figure.width * self._width_mm
        height = min(figure.height_mm, 150.0 if self._width_mm == LANDSCAPE_WIDTH_MM else 220.0)
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run().add_picture(io.BytesIO(chart_png(figure.chart, width, height)), width=Mm(width))
        self.table(data_table(figure.chart, self.lang))


def chart_png(chart: c.Chart, width_mm: float, height_mm: float) -> bytes:
    """The chart drawn by ``charts`` (matplotlib), as PNG bytes for an image in Word."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from .charts import matplotlib_family, render

    matplotlib_family()
    fig = render(chart, width_mm, height_mm, safe)
    buf = io.BytesIO()
    fig.set_dpi(CHART_DPI)
    FigureCanvasAgg(fig).print_png(buf)
    return buf.getvalue()
