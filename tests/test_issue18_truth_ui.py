"""Issue 18, item 10 on screen: the plan's date (作成日) is entered in step 1."""

from __future__ import annotations

from datetime import date

from planner.ui.fields import BoundField
from tests.ui_helpers import create_plan, type_into


def _document_date(page) -> BoundField:
    return next(f for f in page.findChildren(BoundField) if f.column.field == "document_date")


def test_step_1_shows_and_edits_the_plans_date(window, qtbot):
    doc = create_plan(window, qtbot)
    assert doc.plan.document_date == date.today()  # a new plan: the day it was made
    field = _document_date(window.workspace.page(1))
    assert field.editor.text() == date.today().isoformat()
    type_into(qtbot, field, "R8.1.15")
    assert doc.plan.document_date == date(2026, 1, 15)
    doc.undo_stack.undo()
    assert doc.plan.document_date == date.today()
    assert field.editor.text() == date.today().isoformat()
