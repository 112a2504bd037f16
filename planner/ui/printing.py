"""A PDF's pages drawn with PDFium (pypdfium2), for the print preview and for the printer.

``PdfPages`` opens the PDF bytes once and renders a page to a QImage at any resolution:
the preview asks for its zoom, ``print_pages`` for the printer's own resolution (decision
0015). Each page goes onto the paper with its own orientation, as in the PDF: A4 portrait,
the schedule's pages A4 landscape. PDFium is not thread-safe: everything here runs on the
GUI thread. pypdfium2 is imported when the first document is opened, never at start-up.

    pages = PdfPages(pdf_bytes)
    image = pages.render(0, dpi=96)                 # the preview
    print_pages(pages, printer, range(pages.count)) # the printer (after its dialog)
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

POINTS_PER_INCH = 72
MAX_PRINT_DPI = 600  # a page at 1200 dpi is 140 million pixels; 600 dpi prints as sharp


class PdfPages:
    """The pages of one PDF (bytes): count, size in points, and rendering to a QImage."""

    def __init__(self, data: bytes) -> None:
        import pypdfium2

        self._data = data  # PDFium reads from this buffer for as long as the document lives
        self._pdf = pypdfium2.PdfDocument(data)
        self.count = len(self._pdf)
        self._sizes: list[tuple[float, float]] = []
        for i in range(self.count):
            page = self._pdf[i]
            try:
                self._sizes.append(page.get_size())
            finally:
                page.close()

    def size(self, index: int) -> tuple[float, float]:
        """(width, height) in points (1/72 inch)."""
        return self._sizes[index]

    def landscape(self, index: int) -> bool:
        width, height = self._sizes[index]
        return width > height

    def render(self, index: int, dpi: float, *, grayscale: bool = False) -> QImage:
        """The page as an image of its own (a copy), ``dpi`` pixels per inch, white paper."""
        page = self._pdf[index]
        try:
            bitmap = page.render(
                scale=dpi / POINTS_PER_INCH,
                grayscale=grayscale,
                optimize_mode="print" if dpi > 200 else None,
                may_draw_forms=False,
            )
            fmt = {
                "BGR": QImage.Format.Format_BGR888,
                "RGB": QImage.Format.Format_RGB888,
                "BGRX": QImage.Format.Format_RGB32,
                "BGRA": QImage.Format.Format_ARGB32,
                "L": QImage.Format.Format_Grayscale8,
            }[bitmap.mode]
            view = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, fmt)
            return view.copy()  # the bitmap's memory is PDFium's, freed below
        finally:
            page.close()

    def close(self) -> None:
        self._pdf.close()


def page_layout(pages: PdfPages, index: int) -> QPageLayout:
    """A4 in the page's orientation, no margins: the PDF page already has its own."""
    orientation = (
        QPageLayout.Orientation.Landscape
        if pages.landscape(index)
        else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0))


def new_printer() -> QPrinter:
    """A printer set for the documents: A4 portrait, high resolution, the whole paper."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # coordinates from the paper's corner; the PDF has its margins
    return printer


def print_dpi(printer: QPrinter) -> int:
    return max(72, min(printer.resolution(), MAX_PRINT_DPI))


def print_pages(pages: PdfPages, printer: QPrinter, indices: Iterable[int]) -> int:
    """Draw the pages (0-based ``indices``) on ``printer`` at its resolution; pages printed.

    Each page is rendered at the printer's resolution (at most ``MAX_PRINT_DPI``) and
    drawn over the whole paper; a landscape page turns the paper for that page only."""
    indices = list(indices)
    if not indices:
        return 0
    printer.setFullPage(True)
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    order = [i for _ in range(copies) for i in indices]
    gray = printer.colorMode() == QPrinter.ColorMode.GrayScale
    printer.setPageLayout(page_layout(pages, order[0]))
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for n, index in enumerate(order):
            if n:
                printer.setPageLayout(page_layout(pages, index))  # takes effect on the new page
                printer.newPage()
            _draw_page(painter, printer, pages, index, gray)
    finally:
        painter.end()
    return len(order)


def _draw_page(
    painter: QPainter, printer: QPrinter, pages: PdfPages, index: int, gray: bool
) -> None:
    dpi = print_dpi(printer)
    image = pages.render(index, dpi, grayscale=gray)
    paper = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
    # the paper chosen in the dialog may not be A4: fit the page, centred, never cropped
    size = QSizeF(image.width(), image.height()).scaled(
        paper.size(), Qt.AspectRatioMode.KeepAspectRatio
    )
    target = QRectF(
        paper.x() + (paper.width() - size.width()) / 2,
        paper.y() + (paper.height() - size.height()) / 2,
        size.width(),
        size.height(),
    )
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(target, image)
