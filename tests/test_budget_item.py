"""The budget item (節) of a cost line (issue 19): its category's usual one unless the line
names its own; declared once, with its words, its category data and one migration."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment

from planner.domain.model import CostLine
from planner.loading import default_catalog
from planner.loading.catalog_files import load_catalog
from tests.test_issue18_ui_dropdown import column_of, open_sample, pick_in_cell
from tests.test_resources import _replace, broken_root  # noqa: F401 - the fixture


def test_a_line_goes_under_its_categorys_usual_budget_item_unless_it_names_one():
    catalog = default_catalog()
    laptop = CostLine(name="貸与PC", category="ict_equipment", unit_price=150_000)
    licence = CostLine(name="Web会議", category="licence", unit_price=2_000)
    assert catalog.budget_item(laptop) == "equipment"  # 17 備品購入費
    assert catalog.budget_item(licence) == "rental"  # 13 使用料及び賃借料
    licence.budget_item = "commission"
    assert catalog.budget_item(licence) == "commission"
    words = catalog.words
    assert words.label("budget_item", "equipment", "ja") == "17 備品購入費"
    assert words.label("budget_item", "rental", "ja") == "13 使用料及び賃借料"


def test_every_cost_category_names_its_budget_item():
    catalog = default_catalog()
    items = {c.id: c.budget_item for c in catalog.cost_categories}
    assert items["allowance"] == "allowances" and items["support"] == "commission"
    assert all(catalog.words.word("budget_item", b) for b in items.values())


def test_a_category_without_a_budget_item_is_named(broken_root):  # noqa: F811
    _replace(broken_root / "catalog" / "costs.toml", 'budget_item = "equipment"\n', "")
    from planner.domain.errors import ResourceError

    with pytest.raises(ResourceError) as e:
        load_catalog(broken_root)
    assert e.value.field == "categories[0].budget_item"


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_step_7_shows_from_the_category_and_takes_a_budget_item_picked(window, qtbot, replies):
    doc = open_sample(window, qtbot)
    page = window.workspace.page(7)
    window.workspace.go(6)
    view, model = page.lines.view, page.lines.model
    column = column_of(model, "budget_item")
    line = doc.plan.adopted_scenario().lines[0]
    assert line.budget_item is None
    cell = model.index(0, column)
    assert cell.data() == "区分から自動"
    item = doc.catalog.words.label("budget_item", doc.catalog.budget_item(line), "ja")
    tip = QTextDocumentFragment.fromHtml(cell.data(Qt.ItemDataRole.ToolTipRole)).toPlainText()
    assert tip.replace("\xa0", " ") == f"区分から自動: {item}"  # as shown (rich text)
    pick_in_cell(qtbot, view, 0, column, "12 委託料")
    assert doc.plan.adopted_scenario().lines[0].budget_item == "commission"
    assert model.index(0, column).data() == "12 委託料"
    doc.undo_stack.undo()
    assert doc.plan.adopted_scenario().lines[0].budget_item is None
