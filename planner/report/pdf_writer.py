"""The PDF writer: a content ``Document`` in, a PDF file out (reportlab).

The one place where content becomes PDF: every text goes through ``TextGuard``
here (``para`` for paragraph markup, ``clean`` for plain strings drawn directly),
styles and page geometry come from ``layout``. The content's semantic geometry
becomes A4 here: a landscape section is A4 landscape pages, the title page is laid
out down the page, a chapter kept with its opening starts a new page unless about
half a page is free, figure widths are fractions of the frame's width.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from . import content as c
from .chart_replay import chart_flowable
from .fonts import GOTHIC
from .layout import (
    GRID,
    HEAD_BG,
    LONG_CELL,
    RULE,
    Header,
    Heading,
    MadeWhenReached,
    PageRef,
    PlanDoc,
    data_table,
    para,
    styles_for,
)
from .result import PDF
from .textsafe import TextGuard

_TONES = {"muted": "#888888", "alert": "#B00000"}
SMALL_SIZE = 7.5
CHAPTER_ROOM_MM = 70  # a chapter starts a new page unless this much of the page is free
OPENING_ROOM_MM = 110  # ... or this much, for a chapter kept with its opening
CAPTION_ROOM_MM = 12  # what a figure leaves of its page for the heading above it
GAP_MM = 2  # a content Spacer


class PdfWriter:
    """The PDF's Writer: ``write(document, path)`` lays the document out once into ``path``."""

    format = PDF

    def __init__(self, guard: TextGuard) -> None:
        self.guard = guard
        self.pages = 0
        self._landscape = False

    def write(self, document: c.Document, path: Path) -> None:
        guard = self.guard
        title = guard.clean(document.title)
        self.doc = doc = PlanDoc(
            str(path),
            Header(left=title),
            title=title,
            author=guard.clean(document.author),
            subject=guard.clean(document.subject),
            creator="Telework Planner",
            lang="ja-JP" if document.lang == "ja" else "en",
            invariant=0,
            # the canvas starts in our font: no page refers to Helvetica, not even its preamble
            initialFontName=GOTHIC,
            initialFontSize=10,
            initialLeading=12,
        )
        self.s = styles_for(document.lang).new_export()
        # the build's list holds the story alone: a table laid out and drawn is freed
        story = doc.finish_story(self.story(document))
        from reportlab import rl_config

        a85 = rl_config.useA85
        rl_config.useA85 = 0  # binary streams: smaller files, no pure-Python ASCII85 pass
        try:
            doc.build(story)
        finally:
            rl_config.useA85 = a85
        self.pages = doc.page

    # -- text -------------------------------------------------------------------------

    def markup(self, value: c.Text | str) -> str:
        """Paragraph markup of a text: every part escaped, spans marked up."""
        if isinstance(value, str):
            return self.guard.para(value)
        out = []
        for part in value.parts:
            if isinstance(part, str):
                out.append(self.guard.para(part))
                continue
            m = self.guard.para(part.text)
            if part.bold:
                m = f"<b>{m}</b>"
            if part.small:
                m = f'<font size="{SMALL_SIZE}">{m}</font>'
            if part.tone:
                m = f'<font color="{_TONES[part.tone]}">{m}</font>'
            out.append(m)
        return "".join(out)

    # -- the document -----------------------------------------------------------------

    def story(self, document: c.Document) -> list[Flowable]:
        toc = [(chapter.key, chapter.title) for chapter in document.chapters]
        body = [MadeWhenReached(partial(self.chapter, chapter)) for chapter in document.chapters]
        if document.cover is None:  # a short paper: its text from the first page on
            self.doc._firstPageTemplateIndex = 1  # "portrait", with the header
            contents = self.contents(document.contents_title, toc) if document.contents_title else []
            return [*contents, *body]
        cover = [NextPageTemplate("portrait"), *self.title_page(document.cover), PageBreak()]
        return [*cover, *self.contents(document.contents_title, toc), *body]

    def title_page(self, cover: c.TitlePage) -> list[Flowable]:
        """The title a fifth of the way down, the period under it, the issuer lower down."""
        page, s, esc = self.doc.portrait_height, self.s, self.guard.para
        return [Spacer(1, 0.22 * page), para(esc(cover.title), s.cover_title),
                Spacer(1, 10 * mm), para(esc(cover.subtitle), s.cover_sub),
                Spacer(1, 0.25 * page), para(esc(cover.date), s.cover_meta),
                Spacer(1, 4 * mm), *(para(esc(x), s.cover_meta) for x in cover.issuer)]  # fmt: skip

    def contents(self, title: str, toc: Sequence[tuple[str, str]]) -> list[Flowable]:
        width = self.doc.portrait_width
        rows = []
        for key, text in toc:
            self.doc.expected_refs.add(key)
            rows.append([para(self.guard.para(text), self.s.toc), PageRef(key, 16 * mm)])
        table = Table(rows, colWidths=[width - 20 * mm, 20 * mm], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), GOTHIC, 11, 16),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#BBBBBB")),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))  # fmt: skip
        return [para(self.guard.para(title), self.s.h1), _Rule(width), Spacer(1, 4 * mm), table,
                PageBreak()]  # fmt: skip

    def chapter(self, chapter: c.Chapter) -> list[Flowable]:
        """The heading (listed in the contents and the outline), a rule, the blocks."""
        heading = Heading(self.guard.para(chapter.title), self.s.h1, key=chapter.key,
                          outline=self.guard.clean(chapter.title))  # fmt: skip
        room = OPENING_ROOM_MM if chapter.keep_opening else CHAPTER_ROOM_MM
        return [CondPageBreak(room * mm), heading, _Rule(self.doc.portrait_width),
                *self.blocks(chapter.blocks)]  # fmt: skip

    def blocks(self, blocks: Sequence[c.Block]) -> list[Flowable]:
        out: list[Flowable] = []
        for block in blocks:
            out += self.block(block)
        return out

    def block(self, block: c.Block) -> list[Flowable]:
        if isinstance(block, c.Paragraph):
            return [para(self.markup(block.text), getattr(self.s, block.style))]
        if isinstance(block, c.Heading):
            style = self.s.h2 if block.level == 2 else self.s.h3
            return [para(self.guard.para(block.title), style)]
        if isinstance(block, c.Table):
            return [self.form(block)] if block.form else self.table(block)
        if isinstance(block, c.Figure):
            return [self.figure(block)]
        if isinstance(block, c.Spacer):
            return [Spacer(1, GAP_MM * mm)]
        if isinstance(block, c.PageBreak):
            return [PageBreak()]
        if isinstance(block, c.Landscape):
            self._landscape = True
            try:
                inner = self.blocks(block.blocks)
            finally:
                self._landscape = False
            return [NextPageTemplate("landscape"), PageBreak(), *inner,
                    NextPageTemplate("portrait"), PageBreak()]  # fmt: skip
        raise TypeError(f"no PDF rendering for {type(block).__name__}")

    # -- tables and figures -----------------------------------------------------------

    def table(self, table: c.Table) -> list[Flowable]:
        width = self.doc.portrait_width
        return data_table(table.header, table.rows, [w * width for w in table.widths], self.s,
                          self.guard.para, self.markup, total_rows=table.total_rows)  # fmt: skip

    def form(self, table: c.Table) -> Flowable:
        """Label | value pairs, as in a form: labels shaded, no header row."""
        width = self.doc.portrait_width
        data, long = [], False
        for label, value in table.rows:
            m = self.markup(value.value)
            long = long or len(m) > LONG_CELL
            data.append([para(self.markup(label.value), self.s.cell_head), para(m, self.s.cell)])
        out = Table(data, colWidths=[w * width for w in table.widths], hAlign="LEFT",
                    splitInRow=int(long))  # fmt: skip
        out.spaceAfter = 6
        out.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), GOTHIC, 8.5, 12),
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))  # fmt: skip
        return out

    def figure(self, figure: c.Figure) -> Flowable:
        """The chart at its width of the frame, no taller than the page leaves it."""
        doc = self.doc
        frame_w, frame_h = ((doc.landscape_width, doc.landscape_height) if self._landscape
                            else (doc.portrait_width, doc.portrait_height))  # fmt: skip
        w_mm = figure.width * round(frame_w / mm, 3)
        h_mm = min(figure.height_mm, round(frame_h / mm, 3) - CAPTION_ROOM_MM)
        chart = chart_flowable(figure.chart, w_mm, h_mm, self.guard.clean)
        if figure.caption is None:
            return chart
        return KeepTogether([para(self.guard.para(figure.caption), self.s.h3), chart])


class _Rule(Flowable):
    """A thin coloured line under a chapter heading."""

    def __init__(self, width: float) -> None:
        super().__init__()
        self.width = width

    def wrap(self, avail_w, avail_h):
        return min(self.width, avail_w), 5 * mm

    def draw(self):
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(1.2)
        self.canv.line(0, 4 * mm, self.width, 4 * mm)
