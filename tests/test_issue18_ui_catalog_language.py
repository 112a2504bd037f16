"""Issue 18, item 6: a cost line added from the catalog while the UI was in English kept
its English name in the Japanese plan and its PDF.

Lines (and units) from the catalog take their name in the plan's language: Japanese,
unless the plan was made in English (its texts from the catalog are the English ones).
The PDF is written in the language it is asked for (the CLI: ja unless --lang en; the
GUI: the UI's); names typed or taken into the plan are the plan's own and stay as they are.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from planner.domain.builders import new_plan, plan_language


def open_sample(window, qtbot):
    button = window.welcome.findChild(QPushButton, "sample_kawasemi-town")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.isVisible())
    return window.doc


def add_from_catalog(qtbot, page, item_id: str) -> None:
    page.catalog_items.setCurrentIndex(page.catalog_items.findData(item_id))
    button = page.findChild(QPushButton, "addCatalogItem")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_catalog_line_added_in_english_is_named_in_japanese(window, qtbot, tmp_path):
    window.set_language("en")
    doc = open_sample(window, qtbot)
    page = window.workspace.page(7)
    window.workspace.go(6)
    lines = doc.plan.adopted_scenario().lines
    count = len(lines)
    add_from_catalog(qtbot, page, "mdm_service")
    added = doc.plan.adopted_scenario().lines[count]
    assert added.name == "端末管理（MDM）サービス"
    model = page.lines.model
    assert model.row_object(model.rowCount() - 1).name == "端末管理（MDM）サービス"
    # the Japanese PDF of the plan names it in Japanese
    from pypdf import PdfReader

    from planner.report import export_pdf

    export_pdf(doc.plan, tmp_path / "plan.pdf", lang="ja", catalog=doc.catalog)
    pages = PdfReader(tmp_path / "plan.pdf").pages
    text = "".join(p.extract_text() for p in pages).replace("\n", "")  # cells wrap names
    assert "端末管理（MDM）サービス" in text
    assert "Device management (MDM) service" not in text


def test_a_catalog_unit_added_in_english_is_named_in_japanese(window, qtbot):
    window.set_language("en")
    doc = open_sample(window, qtbot)
    page = window.workspace.page(4)
    window.workspace.go(3)
    page.catalog_units.setCurrentIndex(page.catalog_units.findData("gikai"))
    count = len(doc.plan.units)
    button = page.findChild(QPushButton, "addCatalogUnit")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    names = [u.name for u in doc.plan.units]
    assert len(names) == count  # 議会事務局 is there already: its name is matched in Japanese
    assert "Assembly Secretariat" not in names


def test_the_plans_language(catalog, municipality):
    assert plan_language(new_plan(municipality, catalog, "ja"), catalog) == "ja"
    assert plan_language(new_plan(municipality, catalog, "en"), catalog) == "en"
    edited = new_plan(municipality, catalog, "ja")
    for rule in edited.rules:
        rule.name = "独自の規程"  # texts typed over: still a Japanese plan
    assert plan_language(edited, catalog) == "ja"


def test_a_plan_made_in_english_gets_english_lines(window, qtbot):
    from tests.ui_helpers import create_plan

    window.set_language("en")
    doc = create_plan(window, qtbot)
    window.set_language("ja")  # a Japanese UI on an English plan
    page = window.workspace.page(7)
    window.workspace.go(6)
    add_from_catalog(qtbot, page, "mdm_service")
    assert doc.plan.adopted_scenario().lines[-1].name == "Device management (MDM) service"
