"""Page layout of the plan: A4 with a binding margin, header, page numbers, styles, tables.

Portrait pages are bound on the left (左綴じ), so the left margin is wider.
The schedule goes on landscape pages whose top edge faces the binding.
Page numbers in the contents are forward references: the contents page draws
a PDF form XObject per chapter, and the form is filled in when the chapter's
heading is placed, so the document is laid out once, not twice.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from .content import Cell, Text
from .font_store import load_font
from .fonts import FILES, GOTHIC, GOTHIC_BOLD, PGOTHIC, PGOTHIC_BOLD, font_file
from .kinsoku import JParagraph, new_export

CHUNK_ROWS = 200  # big tables slow down faster than linearly: lay them out in pieces
LONG_CELL = 600  # characters: a cell this long may need more than a page

PORTRAIT = A4
LANDSCAPE = landscape(A4)
# (left, right, top, bottom)
PORTRAIT_MARGINS = (25 * mm, 20 * mm, 25 * mm, 22 * mm)
LANDSCAPE_MARGINS = (15 * mm, 15 * mm, 25 * mm, 16 * mm)

GRID = colors.HexColor("#808080")
HEAD_BG = colors.HexColor("#E4E9F0")
TOTAL_BG = colors.HexColor("#F3F3F3")
RULE = colors.HexColor("#1F4E79")


# preload() may register the fonts in a background thread while an export starts
_LOCK = threading.Lock()


@cache
def register_reportlab_fonts() -> frozenset[int]:
    """Register the faces with reportlab; return the code points all of them have."""
    with _LOCK:
        return _register_reportlab_fonts()


def _register_reportlab_fonts() -> frozenset[int]:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    covered: frozenset[int] | None = None
    for name in FILES:
        # subset-embedded when used; its tables kept from an earlier run (decision 0024)
        font = load_font(name, font_file(name))
        pdfmetrics.registerFont(font)
        cmap = frozenset(font.face.charToGlyph)
        covered = cmap if covered is None else covered & cmap
    # <b> inside a Paragraph: each family's bold face (there is no italic)
    for family, bold in ((GOTHIC, GOTHIC_BOLD), (PGOTHIC, PGOTHIC_BOLD)):
        addMapping(family, 0, 0, family)
        addMapping(family, 1, 0, bold)
        addMapping(family, 0, 1, family)
        addMapping(family, 1, 1, bold)
    assert covered is not None
    return covered


@cache
def styles_for(lang: str) -> Styles:
    """The styles of one language, made once a process: the lines they keep from the last
    export (``kinsoku.new_export``) serve the next one (issue 25)."""
    return Styles(lang)


class Styles:
    """Paragraph styles for one language: proportional Gothic text, fixed-width figures."""

    def __init__(self, lang: str) -> None:
        wrap = "CJK" if lang == "ja" else None
        base = {"wordWrap": wrap, "splitLongWords": 1, "allowOrphans": 0, "allowWidows": 0}

        def style(name: str, **kw) -> ParagraphStyle:
            return ParagraphStyle(name, **{**base, **kw})

        self.body = style("body", fontName=PGOTHIC, fontSize=10, leading=16.5, spaceAfter=4)
        self.small = style("small", fontName=PGOTHIC, fontSize=8.5, leading=13, spaceAfter=2)
        self.note = style("note", fontName=PGOTHIC, fontSize=8, leading=12, spaceAfter=2,
                          textColor=colors.HexColor("#333333"))  # fmt: skip
        self.h1 = style("h1", fontName=PGOTHIC_BOLD, fontSize=15, leading=21, spaceBefore=10,
                        spaceAfter=8, textColor=RULE, keepWithNext=1)  # fmt: skip
        self.h2 = style("h2", fontName=PGOTHIC_BOLD, fontSize=11.5, leading=16, spaceBefore=9,
                        spaceAfter=4, keepWithNext=1)  # fmt: skip
        self.h3 = style("h3", fontName=PGOTHIC_BOLD, fontSize=10, leading=14, spaceBefore=6,
                        spaceAfter=3, keepWithNext=1)  # fmt: skip
        self.cell = style("cell", fontName=PGOTHIC, fontSize=8.5, leading=12)
        self.cell_r = style("cell_r", parent=self.cell, fontName=GOTHIC, alignment=TA_RIGHT)
        self.cell_c = style("cell_c", parent=self.cell, alignment=TA_CENTER)
        self.cell_head = style("cell_head", fontName=PGOTHIC_BOLD, fontSize=8.5, leading=12,
                               alignment=TA_CENTER)  # fmt: skip
        self.cover_title = style("cover_title", fontName=PGOTHIC_BOLD, fontSize=24, leading=36,
                                 alignment=TA_CENTER)  # fmt: skip
        self.cover_sub = style("cover_sub", fontName=PGOTHIC, fontSize=14, leading=22,
                               alignment=TA_CENTER)  # fmt: skip
        self.cover_meta = style("cover_meta", fontName=PGOTHIC, fontSize=12, leading=20,
                                alignment=TA_CENTER)  # fmt: skip
        self.toc = style("toc", fontName=PGOTHIC, fontSize=11, leading=16, alignment=TA_LEFT)

    def new_export(self) -> Styles:
        """Called as an export begins: see ``kinsoku.new_export``."""
        for style in vars(self).values():
            new_export(style)
        return self


def para(markup: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of *markup*: callers escape user text with TextGuard.para first."""
    return JParagraph(markup, style)


class Heading(JParagraph):
    """A chapter or section heading that is listed in the contents and the PDF outline."""

    def __init__(
        self, markup, style, *, key: str | None = None, outline: str = "", level: int = 0, **kw
    ) -> None:
        super().__init__(markup, style, **kw)
        self.toc_key = key
        self.outline = outline
        self.outline_level = level


class PageRef(Flowable):
    """The page number of a heading, drawn from a form filled in when the heading is placed."""

    def __init__(self, key: str, width: float, height: float = 12) -> None:
        super().__init__()
        self.key = key
        self.width = width
        self.height = height

    def wrap(self, avail_w, avail_h):
        return self.width, self.height

    def draw(self):
        self.canv.saveState()
        self.canv.translate(self.width, 2)
        self.canv.doForm(form_name(self.key))
        self.canv.restoreState()


def form_name(key: str) -> str:
    return "PgRef" + "".join(c if c.isalnum() else "_" for c in key)


class MadeWhenReached(Flowable):
    """Flowables made when the layout reaches them: a big plan's story is never held whole
    (issue 25: the large plan's chapters, made all before the layout, were a peak of ~30 MB)."""

    def __init__(self, make: Callable[[], list[Flowable]]) -> None:
        super().__init__()
        self.make = make

    def wrap(self, avail_w, avail_h):
        return 0, 0

    def draw(self):
        raise AssertionError("made when reached, never drawn")


class _DefineMissingForms(Flowable):
    """Last flowable: any contents entry whose heading never came gets a dash, never a broken PDF."""

    def wrap(self, avail_w, avail_h):
        return 0, 0

    def draw(self):
        doc = self.canv._doctemplate
        for key in doc.expected_refs - doc.placed_refs:
            doc.define_page_form(key, "–")


@dataclass
class Header:
    left: str  # already cleaned text (no markup: drawn with drawString)
    footer_mark: Callable[[int], str] = lambda n: f"- {n} -"


class PlanDoc(BaseDocTemplate):
    """A4 portrait pages (cover, body) and landscape pages, with header and page number."""

    def __init__(self, filename, header: Header, **kw) -> None:
        super().__init__(filename, pagesize=PORTRAIT, **kw)
        self.header = header
        self.expected_refs: set[str] = set()
        self.placed_refs: set[str] = set()
        pl, pr, pt, pb = PORTRAIT_MARGINS
        pw, ph = PORTRAIT
        ll, lr, lt, lb = LANDSCAPE_MARGINS
        lw, lh = LANDSCAPE
        self.portrait_width = pw - pl - pr
        self.portrait_height = ph - pt - pb
        self.landscape_width = lw - ll - lr
        self.landscape_height = lh - lt - lb
        frame = dict(leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates(
            [
                PageTemplate(
                    "cover",
                    [Frame(pl, pb, self.portrait_width, self.portrait_height, id="cover", **frame)],
                    pagesize=PORTRAIT,
                ),  # fmt: skip
                PageTemplate(
                    "portrait",
                    [Frame(pl, pb, self.portrait_width, self.portrait_height, id="body", **frame)],
                    onPage=self._decorate,
                    pagesize=PORTRAIT,
                ),  # fmt: skip
                PageTemplate(
                    "landscape",
                    [
                        Frame(
                            ll, lb, self.landscape_width, self.landscape_height, id="wide", **frame
                        )
                    ],
                    onPage=self._decorate,
                    pagesize=LANDSCAPE,
                ),  # fmt: skip
            ]
        )

    def _decorate(self, canv: Canvas, doc) -> None:
        w, h = canv._pagesize
        portrait = w < h
        left, right, top, _bottom = PORTRAIT_MARGINS if portrait else LANDSCAPE_MARGINS
        canv.saveState()
        canv.setFont(PGOTHIC, 8)
        canv.setFillColor(colors.HexColor("#555555"))
        y = h - top + 6 * mm
        canv.drawString(left, y, fit_text(self.header.left, PGOTHIC, 8, w - left - right))
        canv.setStrokeColor(colors.HexColor("#999999"))
        canv.setLineWidth(0.5)
        canv.line(left, y - 2 * mm, w - right, y - 2 * mm)
        canv.setFont(GOTHIC, 9)
        canv.setFillColor(colors.black)
        canv.drawCentredString(left + (w - left - right) / 2, 9 * mm,
                               self.header.footer_mark(canv.getPageNumber()))  # fmt: skip
        canv.restoreState()

    def define_page_form(self, key: str, text: str) -> None:
        canv = self.canv
        canv.beginForm(form_name(key), lowerx=-80, lowery=-6, upperx=4, uppery=16)
        canv.setFont(GOTHIC, 11)
        canv.drawRightString(0, 0, text)
        canv.endForm()
        self.placed_refs.add(key)

    def afterFlowable(self, flowable) -> None:  # noqa: N802 - reportlab's name
        key = getattr(flowable, "toc_key", None)
        if key is None or key in self.placed_refs:
            return
        canv = self.canv
        self.define_page_form(key, str(canv.getPageNumber()))
        canv.bookmarkPage(form_name(key))
        canv.addOutlineEntry(flowable.outline, form_name(key), level=flowable.outline_level)

    def handle_flowable(self, flowables) -> None:
        # make what is reached, also where reportlab looks ahead to keep flowables together
        i = 0
        while i < len(flowables):
            f = flowables[i]
            if isinstance(f, MadeWhenReached):
                flowables[i : i + 1] = f.make()
            elif f is not None and f.getKeepWithNext():
                i += 1
            else:
                break
        super().handle_flowable(flowables)

    def finish_story(self, story: list) -> list:
        return [*story, _DefineMissingForms()]


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """Cut a one-line text with … so that it fits ``width`` (headers, chart labels)."""
    if stringWidth(text, font, size) <= width:
        return text
    ell = "…"
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if stringWidth(text[:mid] + ell, font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo] + ell


# -- tables ---------------------------------------------------------------------------


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    styles: Styles,
    esc: Callable[[str], str],
    markup: Callable[[Text], str],
    *,
    total_rows: int = 0,
) -> list[Flowable]:
    """A bordered table with a repeated header row, chunked every CHUNK_ROWS rows.

    ``widths`` in points. Text cells are user or catalog text: escaped with ``esc``
    and wrapped in a Paragraph; rich cells become markup with ``markup``. Number and
    centred cells are drawn as plain strings (fast, no wrapping; numbers in the
    fixed-width face, so figures line up). The last ``total_rows`` rows are shaded
    as totals.
    """
    head = [para(esc(h), styles.cell_head) for h in header]
    out: list[Flowable] = []
    for start in range(0, max(len(rows), 1), CHUNK_ROWS):
        chunk = rows[start : start + CHUNK_ROWS]
        data: list[list] = [head]
        cmds = [
            ("FONT", (0, 0), (-1, -1), GOTHIC, 8.5, 12),
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        for r, row in enumerate(chunk, start=1):
            out_row: list = []
            for c, cell in enumerate(row):
                value = cell.value
                if isinstance(value, Text):
                    out_row.append(para(markup(value), styles.cell))
                elif cell.role == "text":
                    out_row.append(para(esc(value), styles.cell))
                else:
                    right = cell.role == "number"
                    if "\n" in value or stringWidth(value, GOTHIC, 8.5) > widths[c] - 6:
                        # too wide for a plain string: wrap it like any other text
                        out_row.append(para(esc(value), styles.cell_r if right else styles.cell_c))
                    else:
                        out_row.append(value)
                        cmds.append(("ALIGN", (c, r), (c, r), "RIGHT" if right else "CENTER"))
            data.append(out_row)
        last_chunk = start + CHUNK_ROWS >= len(rows)
        if total_rows and last_chunk:
            first_total = len(data) - total_rows
            cmds.append(("BACKGROUND", (0, first_total), (-1, -1), TOTAL_BG))
            cmds.append(("FONT", (0, first_total), (-1, -1), GOTHIC_BOLD, 8.5, 12))
        # rows may split across pages only in tables with texts too long for one page;
        # elsewhere a row moves to the next page whole, which reads better
        split = int(any(len(c.plain) > LONG_CELL for row in chunk for c in row))
        table = Table(data, colWidths=widths, repeatRows=1, splitInRow=split, hAlign="LEFT")
        table.setStyle(TableStyle(cmds))
        table.spaceAfter = 6
        out.append(table)
    return out
