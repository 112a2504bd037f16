"""Writes a ``sheets.Book`` as an .xlsx file with XlsxWriter (issue 20).

XlsxWriter stores each formula with its result (openpyxl writes the formula alone, and
readers that do not recalculate show a blank: see pitfalls.md), so the workbook shows
the program's figures as soon as it opens, in Excel, LibreOffice or a previewer. Imported
only when a workbook is written. Every text is written as a string (never read as a
formula or a number); A4 landscape, fitted to the page's width, the sheet's title rows
repeated on every page, page numbers at the foot.
"""

from __future__ import annotations

import math
import unicodedata
from pathlib import Path

from .result import XLSX
from .sheets import Book, Formula, Put, Sheet

FONT = "BIZ UDゴシック"
HEAD_FILL, TOTAL_FILL, INPUT_FILL = "#DDE6F0", "#F2F2F2", "#FFF6D5"
YEN, COUNT, RATE, MULTIPLIER = "#,##0", "#,##0", "0.0##", "0.00##"
BORDERED = {"border": 1, "border_color": "#888888", "valign": "top"}
STYLES: dict[str, dict[str, object]] = {
    "title": {"bold": True, "font_size": 14},
    "sub": {},
    "heading": {"bold": True, "font_size": 11},
    "label": {"align": "right"},
    "note": {"font_size": 9, "text_wrap": True, "valign": "top"},
    "head": {**BORDERED, "bold": True, "bg_color": HEAD_FILL, "align": "center",
             "valign": "vcenter", "text_wrap": True},
    "text": BORDERED,  # one line: a long name runs under the next cell only while it is empty
    "wrap": {**BORDERED, "text_wrap": True},
    "yen": {**BORDERED, "num_format": YEN},
    "input_yen": {**BORDERED, "num_format": YEN, "bg_color": INPUT_FILL},
    "count": {**BORDERED, "num_format": COUNT},
    "rate": {**BORDERED, "num_format": RATE},
    "multiplier": {**BORDERED, "num_format": MULTIPLIER, "bg_color": INPUT_FILL},
    "total_text": {**BORDERED, "bold": True, "bg_color": TOTAL_FILL},
    "total_yen": {**BORDERED, "bold": True, "bg_color": TOTAL_FILL, "num_format": YEN},
    "total_rate": {**BORDERED, "bg_color": TOTAL_FILL, "num_format": RATE},
    "total_note": {**BORDERED, "bg_color": TOTAL_FILL, "font_size": 9, "text_wrap": True},
}  # fmt: skip
LINE_POINTS = 13.5  # a line of 10-point text


class XlsxBookWriter:
    """The writer seam's Excel writer: ``write(book, path)`` (``export.Writer``)."""

    format = XLSX

    def write(self, book: Book, path: Path) -> None:
        import xlsxwriter
        from xlsxwriter.exceptions import FileCreateError

        options = {"strings_to_formulas": False, "strings_to_numbers": False,
                   "strings_to_urls": False}  # fmt: skip
        wb = xlsxwriter.Workbook(str(path), options)
        wb.set_properties({"title": book.title, "author": "Telework Planner"})
        formats = {name: wb.add_format({"font_name": FONT, "font_size": 10, **style})
                   for name, style in STYLES.items()}  # fmt: skip
        for sheet in book.sheets:
            _sheet(wb.add_worksheet(sheet.name), sheet, formats)
        try:
            wb.close()
        except FileCreateError as e:  # the OS error, for the one mapping of write failures
            raise (e.args[0] if e.args and isinstance(e.args[0], OSError) else OSError(str(e))) from None


def _sheet(ws, sheet: Sheet, formats: dict) -> None:  # noqa: ANN001 - an XlsxWriter worksheet
    for col, width in enumerate(sheet.widths):
        ws.set_column(col, col, width)
    heights = dict(sheet.heights)
    for (r, c), put in sorted(sheet.cells.items()):
        fmt = formats[put.style]
        if put.across > 1:
            ws.merge_range(r, c, r, c + put.across - 1, "", fmt)
        if isinstance(put.value, str) and STYLES[put.style].get("text_wrap"):
            lines = _lines(put.value, sum(sheet.widths[c:c + put.across]))
            if lines > 1:  # neither Excel nor LibreOffice fits a row whose height is not stored
                heights[r] = max(heights.get(r, 0), lines * LINE_POINTS + 3)
        _cell(ws, r, c, put, fmt)
    for r, height in sorted(heights.items()):
        ws.set_row(r, height)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)  # the page's width; as many pages down as it takes
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    ws.set_footer("&C&P / &N")
    if sheet.repeat is not None:
        ws.repeat_rows(*sheet.repeat)
    if sheet.freeze is not None:
        ws.freeze_panes(*sheet.freeze)


def _cell(ws, r: int, c: int, put: Put, fmt) -> None:  # noqa: ANN001
    value = put.value
    if isinstance(value, Formula):
        ws.write_formula(r, c, value.text, fmt, value.result)
    elif isinstance(value, str):
        ws.write_string(r, c, value, fmt)
    elif value is None:
        ws.write_blank(r, c, None, fmt)
    else:
        ws.write_number(r, c, value, fmt)


def _lines(text: str, width: float) -> int:
    """How many lines a wrapped text takes in a column ``width`` units wide, in Excel: a unit
    is the default font's digit (7 px); a wide character of 10 points is 13.3 px, 1.9 units."""
    chars = sum(1.9 if unicodedata.east_asian_width(ch) in "WF" else 1.0 for ch in text)
    return max(1, math.ceil(chars / max(1.0, width - 0.5)))
