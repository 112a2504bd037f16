from planner.ui.main_window import MainWindow


def test_main_window_is_titled_with_the_program_name(window):
    assert isinstance(window, MainWindow)
    assert "Telework Planner" in window.windowTitle()
    assert "テレワーク導入計画ウィザード" in window.windowTitle()
    assert window.welcome is not None and window.welcome.isVisible()


def test_bundled_font_is_the_ui_font(app):
    from PySide6.QtGui import QFontInfo, QFontMetricsF

    from planner.ui.fonts import figures_font

    assert app.font().family() == "BIZ UDPGothic"  # proportional for reading
    assert QFontInfo(app.font()).family() == "BIZ UDPGothic"  # and really resolved
    figures = figures_font()
    assert QFontInfo(figures).family() == "BIZ UDGothic"  # fixed width where figures line up
    digits = QFontMetricsF(figures)
    assert len({digits.horizontalAdvance(d) for d in "0123456789,"}) == 1  # columns line up
    assert QFontMetricsF(app.font()).horizontalAdvance("1") < QFontMetricsF(
        app.font()
    ).horizontalAdvance("0")  # the reading face is proportional
    assert figures.pointSizeF() == app.font().pointSizeF()


def test_money_columns_and_the_cost_strip_use_the_fixed_face(window, qtbot):
    from PySide6.QtCore import Qt

    from tests.ui_helpers import create_plan

    create_plan(window, qtbot)
    ws = window.workspace
    assert ws.strip.label.font().family() == "BIZ UDGothic"
    page = ws.page(7)
    model = page.lines.model
    money = [i for i, c in enumerate(model.columns) if c.kind == "money"]
    page.catalog_items.setCurrentIndex(page.catalog_items.findData("laptop_pc"))
    page.findChild(type(ws.back), "addCatalogItem").click()
    assert money and model.rowCount() == 1
    font = model.data(model.index(0, money[0]), Qt.ItemDataRole.FontRole)
    assert font.family() == "BIZ UDGothic"
    name_font = model.data(model.index(0, 0), Qt.ItemDataRole.FontRole)
    assert name_font is None  # text columns keep the proportional UI font
