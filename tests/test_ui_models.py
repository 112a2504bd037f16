"""Every Qt item model of the program passes pytest-qt's model tester."""

from planner.ui.pages.base import ChecklistModel
from tests.ui_helpers import create_plan


def test_models_pass_the_model_tester(window, qtbot, qtmodeltester, catalog):
    doc = create_plan(window, qtbot)
    page4 = window.workspace.page(4)
    page4.add_catalog_unit()
    qtmodeltester.check(window.workspace.step_model)
    qtmodeltester.check(page4.unit_table.model)
    qtmodeltester.check(page4.task_model)
    qtmodeltester.check(window.workspace.page(7).lines.model)
    qtmodeltester.check(window.workspace.page(8).measures.model)
    qtmodeltester.check(ChecklistModel(doc, catalog.step(3)))
    assert page4.task_model.rowCount() == len(catalog.units[0].tasks)
