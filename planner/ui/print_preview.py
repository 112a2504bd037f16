"""ファイル › 印刷… (Ctrl+P): a preview of the real pages, then the platform's print dialog.

The dialog shows the PDF the export writes (``printable.make_pdf``), drawn by PDFium
(``printing.PdfPages``): a page list, one page at a time with zoom (whole page, page
width, 50–200 %), page navigation (buttons, PageUp/PageDown, Home/End) and a page range
(all, or from–to) that the print dialog starts with. 「印刷…」 opens the platform's
print dialog (``ask_print``, replaced in tests) and prints at the printer's resolution.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import PlannerError
from . import dialogs
from .i18n import lang, t, tx
from .printable import NOT_PRINTABLE, PRINTABLES, PrintablePdf, make_pdf
from .printing import PdfPages, new_printer, print_pages

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from ..domain.catalog import Catalog
    from ..domain.model import Plan

FIT_PAGE, FIT_WIDTH = "page", "width"
ZOOMS: tuple[tuple[str, str, object], ...] = (
    ("ページ全体", "Whole page", FIT_PAGE),
    ("幅に合わせる", "Page width", FIT_WIDTH),
    ("50%", "50%", 0.5),
    ("75%", "75%", 0.75),
    ("100%", "100%", 1.0),
    ("125%", "125%", 1.25),
    ("150%", "150%", 1.5),
    ("200%", "200%", 2.0),
)
TITLE = ("印刷できません", "Cannot print")


@contextmanager
def _busy() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def ask_print(parent: QWidget, printer: QPrinter, pages: int) -> bool:
    """The platform's print dialog for ``printer`` (pages 1..``pages``); True to print."""
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog

    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(t("印刷", "Print"))
    dialog.setMinMax(1, pages)
    options = QAbstractPrintDialog.PrintDialogOption
    dialog.setOption(options.PrintPageRange, True)
    dialog.setOption(options.PrintCurrentPage, True)
    dialog.setOption(options.PrintToFile, True)
    return dialog.exec() == QDialog.DialogCode.Accepted


class PrintPreview(QDialog):
    """The preview of one printable document at a time; the document can be switched."""

    def __init__(
        self,
        parent: QWidget | None,
        plan: Plan,
        catalog: Catalog,
        make: Callable[[Plan, Catalog, str, str], PrintablePdf] = make_pdf,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(t("印刷プレビュー", "Print preview"))
        self.plan, self.catalog, self.make = plan, catalog, make
        self.pdf: PrintablePdf | None = None
        self.pages: PdfPages | None = None
        self.current = 0
        self._made: dict[str, PrintablePdf] = {}
        self._cache: dict[tuple[int, int], QPixmap] = {}
        self._build()

    # -- layout ----------------------------------------------------------------------

    def _build(self) -> None:
        top = QHBoxLayout()
        self.document = QComboBox(objectName="printDocument")
        for p in PRINTABLES:
            self.document.addItem(tx(p.title), p.name)
        self.document.setAccessibleName(t("印刷する書類", "Document to print"))
        label = QLabel(t("書類(&D):", "&Document:"))
        label.setBuddy(self.document)
        note = QLabel(tx(NOT_PRINTABLE), objectName="printNote")
        note.setWordWrap(True)
        top.addWidget(label)
        top.addWidget(self.document)
        top.addWidget(note, 1)

        bar = QHBoxLayout()
        self.prev = QPushButton(t("◀ 前のページ", "◀ Previous"), objectName="printPrev")
        self.page = QSpinBox(objectName="printPage")
        self.page.setAccessibleName(t("ページ", "Page"))
        self.of = QLabel()
        self.next = QPushButton(t("次のページ ▶", "Next ▶"), objectName="printNext")
        self.zoom = QComboBox(objectName="printZoom")
        for ja, en, value in ZOOMS:
            self.zoom.addItem(t(ja, en), value)
        self.zoom.setAccessibleName(t("表示倍率", "Zoom"))
        zoom_label = QLabel(t("倍率(&Z):", "&Zoom:"))
        zoom_label.setBuddy(self.zoom)
        for w in (self.prev, self.page, self.of, self.next):
            bar.addWidget(w)
        bar.addSpacing(16)
        bar.addWidget(zoom_label)
        bar.addWidget(self.zoom)
        bar.addSpacing(16)
        bar.addWidget(QLabel(t("印刷範囲:", "Print range:")))
        self.all_pages = QRadioButton(t("すべて(&A)", "&All"), objectName="printAll")
        self.some_pages = QRadioButton(t("ページ指定(&R)", "Pa&ges"), objectName="printSome")
        self.all_pages.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.all_pages)
        group.addButton(self.some_pages)
        self.first = QSpinBox(objectName="printFrom")
        self.last = QSpinBox(objectName="printTo")
        self.first.setAccessibleName(t("印刷する最初のページ", "First page to print"))
        self.last.setAccessibleName(t("印刷する最後のページ", "Last page to print"))
        for w in (self.all_pages, self.some_pages, self.first, QLabel("〜"), self.last):
            bar.addWidget(w)
        bar.addStretch(1)

        self.pagelist = QListWidget(objectName="printPages")
        self.pagelist.setAccessibleName(t("ページの一覧", "Pages"))
        self.view = QLabel(objectName="printView")
        self.view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.setAccessibleName(t("ページの表示", "Page"))
        self.scroll = QScrollArea(objectName="printScroll")
        self.scroll.setAccessibleName(t("印刷プレビュー", "Print preview"))
        self.scroll.setWidget(self.view)
        self.scroll.setWidgetResizable(True)
        self.scroll.setStyleSheet("QScrollArea { background: #808080; }")
        self.view.setStyleSheet("background: #808080;")
        split = QSplitter()
        split.addWidget(self.pagelist)
        split.addWidget(self.scroll)
        split.setStretchFactor(1, 1)

        bottom = QHBoxLayout()
        self.status = QLabel(objectName="printStatus")
        self.print_button = QPushButton(t("印刷(&P)…", "&Print…"), objectName="printButton")
        self.print_button.setDefault(True)
        close = QPushButton(t("閉じる", "Close"), objectName="printClose")
        close.clicked.connect(self.reject)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

        self.document.currentIndexChanged.connect(self._document_chosen)
        self.prev.clicked.connect(lambda: self.go(self.current - 1))
        self.next.clicked.connect(lambda: self.go(self.current + 1))
        self.page.valueChanged.connect(lambda v: self.go(v - 1))
        self.pagelist.currentRowChanged.connect(self.go)
        self.zoom.currentIndexChanged.connect(self._show)
        self.some_pages.toggled.connect(self._range_changed)
        self.first.valueChanged.connect(self._range_changed)
        self.last.valueChanged.connect(self._range_changed)
        self.print_button.clicked.connect(self.print_document)
        keys = (
            (QKeySequence.StandardKey.MoveToNextPage, lambda: self.go(self.current + 1)),
            (QKeySequence.StandardKey.MoveToPreviousPage, lambda: self.go(self.current - 1)),
            (QKeySequence("Ctrl+Home"), lambda: self.go(0)),
            (QKeySequence("Ctrl+End"), lambda: self.go(self.count - 1)),
            (QKeySequence.StandardKey.ZoomIn, lambda: self._step_zoom(+1)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self._step_zoom(-1)),
        )
        for key, slot in keys:
            QShortcut(key, self, slot)
        self.resize(1100, 800)

    # -- the document ------------------------------------------------------------------

    @property
    def count(self) -> int:
        return self.pages.count if self.pages else 0

    def load(self, name: str) -> bool:
        """Make (once) and show the document ``name``; False, with a message, if it fails."""
        pdf = self._made.get(name)
        if pdf is None:
            try:
                with _busy():
                    pdf = self.make(self.plan, self.catalog, name, lang())
            except PlannerError as err:
                dialogs.show_error(self, t(*TITLE), err.text(lang()))
                return False
            self._made[name] = pdf
        if self.pages is not None:
            self.pages.close()
        self.pdf, self.pages = pdf, PdfPages(pdf.data)
        self._cache.clear()
        index = self.document.findData(name)
        if index != self.document.currentIndex():
            self.document.blockSignals(True)
            self.document.setCurrentIndex(index)
            self.document.blockSignals(False)
        n = self.count
        self.pagelist.blockSignals(True)
        self.pagelist.clear()
        for i in range(n):
            turn = t("（横）", " (landscape)") if self.pages.landscape(i) else ""
            self.pagelist.addItem(t(f"{i + 1}ページ{turn}", f"Page {i + 1}{turn}"))
        self.pagelist.blockSignals(False)
        metrics = self.pagelist.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.pagelist.item(i).text()) for i in range(n)),
                     default=0)  # fmt: skip
        self.pagelist.setFixedWidth(widest + 40)
        for box in (self.page, self.first, self.last):
            box.blockSignals(True)
            box.setRange(1, max(1, n))
            box.blockSignals(False)
        self.first.setValue(1)
        self.last.setValue(max(1, n))
        self.of.setText(f"/ {n}")
        self.current = -1
        self.go(0)
        self._range_changed()
        return True

    def _document_chosen(self) -> None:
        previous = self.pdf.name if self.pdf else PRINTABLES[0].name
        if not self.load(self.document.currentData()):
            self.document.blockSignals(True)
            self.document.setCurrentIndex(self.document.findData(previous))
            self.document.blockSignals(False)

    # -- pages and zoom ----------------------------------------------------------------

    def go(self, index: int) -> None:
        if not self.count:
            return
        index = max(0, min(index, self.count - 1))
        if index == self.current:
            return
        self.current = index
        for box, value in ((self.page, index + 1), (self.pagelist, index)):
            box.blockSignals(True)
            if box is self.page:
                box.setValue(value)
            else:
                box.setCurrentRow(value)
            box.blockSignals(False)
        self.prev.setEnabled(index > 0)
        self.next.setEnabled(index < self.count - 1)
        self._show()

    def zoom_factor(self) -> float:
        """The chosen zoom as a factor of the page's real size (1.0 = 100 %)."""
        value = self.zoom.currentData()
        if not isinstance(value, str) or not self.pages:
            return float(value or 1.0)
        width, height = self.pages.size(self.current)
        area = self.scroll.viewport().size()
        dpi = self.logicalDpiX()
        fx = (area.width() - 16) / (width / 72 * dpi)
        fy = (area.height() - 16) / (height / 72 * dpi)
        return max(0.1, fx if value == FIT_WIDTH else min(fx, fy))

    def _step_zoom(self, step: int) -> None:
        first = 2  # the percentages start after the two fits
        index = max(first, min(self.zoom.currentIndex() + step, self.zoom.count() - 1))
        if self.zoom.currentIndex() < first:
            index = self.zoom.findData(1.0)
        self.zoom.setCurrentIndex(index)

    def _show(self) -> None:
        if not self.pages or self.current < 0:
            return
        ratio = self.devicePixelRatioF()
        dpi = round(self.logicalDpiX() * self.zoom_factor() * ratio)
        key = (self.current, dpi)
        pixmap = self._cache.get(key)
        if pixmap is None:
            if len(self._cache) > 12:
                self._cache.clear()
            pixmap = QPixmap.fromImage(self.pages.render(self.current, dpi))
            pixmap.setDevicePixelRatio(ratio)
            self._cache[key] = pixmap
        self.view.setPixmap(pixmap)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if isinstance(self.zoom.currentData(), str):
            self._show()

    # -- printing ----------------------------------------------------------------------

    def page_range(self) -> tuple[int, int]:
        """(first, last), 1-based, of the pages to print."""
        if self.all_pages.isChecked():
            return 1, self.count
        first, last = self.first.value(), self.last.value()
        return min(first, last), max(first, last)

    def _range_changed(self) -> None:
        some = self.some_pages.isChecked()
        self.first.setEnabled(some)
        self.last.setEnabled(some)
        first, last = self.page_range()
        self.status.setText(
            t(f"{self.count}ページ中 {last - first + 1}ページを印刷します（A4）",
              f"Prints {last - first + 1} of {self.count} pages (A4)")
        )  # fmt: skip

    def print_document(self) -> int:
        """The print dialog, then the pages it says; the number of pages sent to the printer."""
        if not self.pages:
            return 0
        from PySide6.QtPrintSupport import QPrinter

        printer = new_printer()
        printer.setDocName(tx(next(p.title for p in PRINTABLES if p.name == self.pdf.name)))
        first, last = self.page_range()
        printer.setFromTo(first, last)
        if self.some_pages.isChecked():
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
        if not ask_print(self, printer, self.count):
            return 0
        mode = printer.printRange()
        if mode == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = printer.fromPage(), min(printer.toPage() or self.count, self.count)
        elif mode == QPrinter.PrintRange.CurrentPage:
            first = last = self.current + 1
        elif mode == QPrinter.PrintRange.AllPages:
            first, last = 1, self.count
        with _busy():
            printed = print_pages(self.pages, printer, range(first - 1, last))
        self.status.setText(
            t(f"{printed}ページを印刷しました", f"Sent {printed} pages to the printer")
        )
        return printed

    def done(self, result: int) -> None:  # noqa: D401 - Qt's name
        if self.pages is not None:
            self.pages.close()
            self.pages = None
        super().done(result)


def open_print_preview(window, name: str = "plan") -> PrintPreview | None:  # noqa: ANN001
    """The preview of the open plan's document ``name``, shown beside the window."""
    doc = window.doc
    if doc is None:
        return None
    preview = PrintPreview(window, doc.plan, doc.catalog)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if not preview.load(name):
        preview.deleteLater()
        return None
    preview.open()
    preview.activateWindow()  # the keys (PageDown, Ctrl++) go to the preview at once
    preview.scroll.setFocus()
    return preview
