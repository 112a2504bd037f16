"""Issue 22 §1: ファイル › 印刷… — a preview of the real pages, and printing through QPrinter.

Printing goes to a QPrinter in PDF output mode (offscreen); what came out is read back:
the page count, A4 in each page's orientation, and the first page's title drawn (dark
pixels in the title area, where the source PDF has them)."""

from __future__ import annotations

import io

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from planner.resources import resource_path
from planner.store.interchange import import_json

pypdf = pytest.importorskip("pypdf")
pdfium = pytest.importorskip("pypdfium2")

A4 = (595.3, 841.9)  # points


@pytest.fixture(scope="module")
def sample_pdfs(catalog):
    """The larger sample's plan and council summary, made as the print command makes them."""
    from planner.ui.printable import make_pdf

    plan = import_json(resource_path("samples") / "kawasemi-town.json")
    return {name: make_pdf(plan, catalog, name, "ja") for name in ("plan", "council")}


def pdf_printer(path, dpi: int = 120):
    from PySide6.QtPrintSupport import QPrinter

    from planner.ui.printing import new_printer

    printer = new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(dpi)  # the test's; the program keeps the printer's own
    return printer


def sizes(path) -> list[tuple[float, float]]:
    return [
        (float(p.mediabox.width), float(p.mediabox.height)) for p in pypdf.PdfReader(path).pages
    ]


def is_a4(size, landscape: bool = False) -> bool:
    w, h = (A4[1], A4[0]) if landscape else A4
    return abs(size[0] - w) < 1.5 and abs(size[1] - h) < 1.5


def dark_pixels(data: bytes, page: int, box: tuple[float, float, float, float]) -> int:
    """Dark pixels in ``box`` (fractions of the page: left, top, right, bottom) at 50 dpi."""
    doc = pdfium.PdfDocument(data)
    try:
        image = doc[page].render(scale=50 / 72, grayscale=True).to_pil()
    finally:
        doc.close()
    w, h = image.size
    crop = image.crop((int(box[0] * w), int(box[1] * h), int(box[2] * w), int(box[3] * h)))
    return sum(crop.point(lambda v: 1 if v < 128 else 0).histogram()[1:])


def test_the_plan_prints_on_a4_with_the_schedule_turned_and_its_title_drawn(
    qapp, sample_pdfs, tmp_path
):
    from planner.ui.printing import PdfPages, print_pages

    pdf = sample_pdfs["plan"]
    pages = PdfPages(pdf.data)
    assert pages.count == pdf.pages == len(pypdf.PdfReader(io.BytesIO(pdf.data)).pages)
    turned = [i for i in range(pages.count) if pages.landscape(i)]
    assert turned, "the schedule is on a landscape page"
    chosen = [0, 1, turned[0] - 1, turned[0], turned[0] + 1]
    out = tmp_path / "printed.pdf"
    assert print_pages(pages, pdf_printer(out), chosen) == 5
    pages.close()
    printed = sizes(out)
    assert len(printed) == 5
    assert [is_a4(s, landscape=i == 3) for i, s in enumerate(printed)] == [True] * 5
    # the cover's title: drawn where the PDF has it, and nothing drawn where the PDF has nothing
    title = (0.05, 0.15, 0.95, 0.45)
    source = dark_pixels(pdf.data, 0, title)
    drawn = dark_pixels(out.read_bytes(), 0, title)
    assert source > 200 and abs(drawn - source) < source * 0.25
    assert dark_pixels(out.read_bytes(), 0, (0.0, 0.0, 1.0, 0.04)) == 0  # no border, no shift


def test_the_council_summary_prints_whole_on_two_a4_pages(qapp, sample_pdfs, tmp_path):
    from planner.ui.printing import PdfPages, print_pages

    pdf = sample_pdfs["council"]
    pages = PdfPages(pdf.data)
    out = tmp_path / "council.pdf"
    assert print_pages(pages, pdf_printer(out), range(pages.count)) == pages.count == 2
    assert all(is_a4(s) for s in sizes(out))
    head = (0.05, 0.03, 0.95, 0.15)
    assert dark_pixels(out.read_bytes(), 0, head) > 100
    text = pypdf.PdfReader(io.BytesIO(pdf.data)).pages[0].extract_text()
    assert "議会説明資料" in text or "かわせみ町" in text


def test_a_printer_is_driven_at_its_own_resolution(qapp, sample_pdfs, tmp_path, monkeypatch):
    from planner.ui import printing

    asked = []
    real = printing.PdfPages.render
    monkeypatch.setattr(printing.PdfPages, "render",
                        lambda self, i, dpi, **kw: asked.append(dpi) or real(self, i, dpi, **kw))  # fmt: skip
    pages = printing.PdfPages(sample_pdfs["council"].data)
    printing.print_pages(pages, pdf_printer(tmp_path / "a.pdf", dpi=300), [0])
    printing.print_pages(pages, pdf_printer(tmp_path / "b.pdf", dpi=1200), [0])
    pages.close()
    assert asked == [300, printing.MAX_PRINT_DPI]


def open_sample(window, qtbot):
    button = window.welcome.findChild(QPushButton, "sample_kawasemi-town")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.isVisible())
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    return window.doc


def test_ctrl_p_previews_the_samples_pages_and_prints_the_range_chosen(
    window, qtbot, tmp_path, monkeypatch
):
    from planner.ui import print_preview
    from planner.ui.print_preview import PrintPreview

    assert not next(a for a in window._menu_actions if a.objectName() == "actionPrint").isEnabled()
    open_sample(window, qtbot)
    QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.findChild(PrintPreview, "printPreview") is not None)
    preview = window.findChild(PrintPreview, "printPreview")
    qtbot.waitExposed(preview)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is preview)  # the keys go to it
    assert preview.document.currentText() == "実施計画書"
    reader = pypdf.PdfReader(io.BytesIO(preview.pdf.data))
    assert preview.pagelist.count() == len(reader.pages) == preview.pdf.pages > 20
    assert "かわせみ町" in reader.pages[0].extract_text()
    wide = [i for i, p in enumerate(reader.pages) if p.mediabox.width > p.mediabox.height]
    assert [i for i in range(preview.pagelist.count())
            if "（横）" in preview.pagelist.item(i).text()] == wide  # fmt: skip
    assert preview.of.text() == f"/ {len(reader.pages)}"
    # the first page is shown, whole, as a page: wider than 300 px, taller than wide
    shown = preview.view.pixmap()
    assert shown.height() > shown.width() > 300 and preview.page.value() == 1
    # navigation: the button, then the keys
    qtbot.mouseClick(preview.next, Qt.MouseButton.LeftButton)
    assert preview.page.value() == 2 and preview.pagelist.currentRow() == 1
    QTest.keyClick(preview, Qt.Key.Key_PageDown)
    assert preview.current == 2
    preview.pagelist.setCurrentRow(wide[0])
    assert preview.page.value() == wide[0] + 1
    assert preview.view.pixmap().width() > preview.view.pixmap().height()  # the schedule, turned
    # zoom: 100 % is the page's real size on the screen
    preview.zoom.setCurrentIndex(preview.zoom.findData(1.0))
    ratio = preview.devicePixelRatioF()
    assert abs(preview.view.pixmap().width() / ratio - 297 / 25.4 * preview.logicalDpiX()) < 3
    QTest.keyClick(preview, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert preview.zoom.currentData() == 1.25
    # the range: pages 2 to 3, then the print dialog says yes; what the printer got
    qtbot.mouseClick(preview.some_pages, Qt.MouseButton.LeftButton)
    preview.first.setValue(2)
    preview.last.setValue(3)
    assert preview.status.text().startswith(f"{len(reader.pages)}ページ中 2ページ")
    out = tmp_path / "printed.pdf"
    seen = {}

    def say_yes(_parent, printer, count):
        seen.update(range=(printer.fromPage(), printer.toPage()), count=count,
                    size=printer.pageLayout().pageSize().id())  # fmt: skip
        from PySide6.QtPrintSupport import QPrinter

        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(100)
        return True

    monkeypatch.setattr(print_preview, "ask_print", say_yes)
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    from PySide6.QtGui import QPageSize

    assert seen == {"range": (2, 3), "count": len(reader.pages), "size": QPageSize.PageSizeId.A4}
    assert len(sizes(out)) == 2 and all(is_a4(s) for s in sizes(out))
    assert preview.status.text() == "2ページを印刷しました"
    # cancelled: nothing printed
    monkeypatch.setattr(print_preview, "ask_print", lambda *_a: False)
    assert preview.print_document() == 0
    # the council summary, the other document with a PDF
    preview.document.setCurrentIndex(preview.document.findData("council"))
    assert preview.pagelist.count() == 2 and preview.page.value() == 1
    assert preview.document.currentText() == "議会説明資料"
    preview.close()


def test_the_preview_speaks_english(window, qtbot):
    from planner.ui.print_preview import PrintPreview

    window.set_language("en")
    open_sample(window, qtbot)
    next(a for a in window._menu_actions if a.objectName() == "actionPrint").trigger()
    preview = window.findChild(PrintPreview, "printPreview")
    assert preview.document.currentText() == "Implementation plan"
    assert preview.pagelist.item(0).text() == "Page 1"
    text = pypdf.PdfReader(io.BytesIO(preview.pdf.data)).pages[1].extract_text()
    assert "Contents" in text or "contents" in text.lower()
    preview.close()
