"""Changes say what changed (issue 12 item 3): targeted refreshes, one estimate per edit,
subscribers that go with their widgets, a document bound once however often it is bound."""

from __future__ import annotations

import sys

import pytest
import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from planner.domain import costs, suitability, warnings
from planner.domain.money import format_yen
from planner.domain.operations import Batch, InsertRow, RemoveRow, SetValue, Touch
from planner.ui.app import install_error_handler
from planner.ui.pages import step04_tasks
from tests.ui_helpers import create_plan, edit_cell


def _button(page, name):
    return page.findChild(QPushButton, name)


def _plan_with_a_laptop_line(window, qtbot, teleworkers="30"):
    doc = create_plan(window, qtbot, fy=2026)  # this fiscal year: the strip shows it
    qtbot.mouseClick(_button(window.workspace.page(4), "addCatalogUnit"), Qt.MouseButton.LeftButton)
    staff = window.workspace.page(5).units.model
    assert edit_cell(staff, 0, "staff", "40")
    assert edit_cell(staff, 0, "teleworkers", teleworkers)
    page = window.workspace.page(7)
    page.catalog_items.setCurrentIndex(page.catalog_items.findData("laptop_pc"))
    qtbot.mouseClick(_button(page, "addCatalogItem"), Qt.MouseButton.LeftButton)
    return doc


def _visit_every_page(window):
    for row in range(11):
        window.workspace.go(row)


# -- operations say where they touched ----------------------------------------------------------


def test_an_operation_reports_its_inverse_and_the_places_it_touched(catalog, municipality):
    from planner.domain.builders import new_plan
    from planner.domain.model import Member

    plan = new_plan(municipality, catalog)
    change = InsertRow(("members",), 99, Member("佐藤", id="m1")).run(plan, catalog)
    assert change.touched == (Touch("insert", ("members",), "m1"),)  # the row, by its id
    assert isinstance(change.inverse, RemoveRow)
    mid = "m1"  # issue 19: members have ids; a change names a row by its id, never its position
    change = Batch(
        [
            SetValue(("members", mid), "role", "長"),
            InsertRow(("members",), 1, Member("鈴木", id="m2")),
        ]
    ).run(plan, catalog)
    assert change.touched == (
        Touch("set", ("members", mid, "role")),
        Touch("insert", ("members",), "m2"),
    )
    undone = change.inverse.run(plan, catalog)
    assert undone.touched == (
        Touch("remove", ("members",), "m2"),
        Touch("set", ("members", mid, "role")),
    )
    assert [m.name for m in plan.members] == ["佐藤"] and plan.members[0].role == ""


# -- after a language switch, edits raise nothing and the totals are right ----------------------


def test_after_switching_to_english_twenty_edits_raise_nothing(window, qtbot, replies, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_error_handler(window)
    doc = _plan_with_a_laptop_line(window, qtbot)
    _visit_every_page(window)  # every page built and listening
    old = window.workspace
    window.findChild(QAction, "actionEnglish").trigger()
    qtbot.waitUntil(lambda: not shiboken6.isValid(old))  # the Japanese pages are gone
    _visit_every_page(window)
    window.workspace.go(6)
    lines = window.workspace.page(7).lines.model
    units = window.workspace.page(5).units.model
    members = window.workspace.page(1).members
    for i in range(10):
        assert edit_cell(lines, 0, "unit_price", f"{150_000 + 1_000 * i:,}")
        assert edit_cell(units, 0, "teleworkers", str(20 + i))
    members.add_row()
    assert replies["errors"] == []  # no 予期しないエラー
    # 29 teleworkers, no devices of their own: 29 laptops at ¥159,000 = ¥4,611,000; half of it
    page = window.workspace.page(7)
    years = page.years
    assert [years.item(0, c).text() for c in (1, 3, 4, 5)] == [
        format_yen(4_611_000, "en"),
        format_yen(4_611_000, "en"),
        format_yen(2_305_000, "en"),
        format_yen(2_306_000, "en"),
    ]
    strip = window.workspace.strip.label.text()
    assert f"Cost {format_yen(4_611_000, 'en')}" in strip
    assert f"Est. subsidy {format_yen(2_305_000, 'en')}" in strip
    window.workspace.go(10)
    summary = window.workspace.summary.years
    assert summary.item(0, 1).text() == format_yen(4_611_000, "en")
    assert doc.plan.scenarios[0].lines[0].unit_price == 159_000


# -- after three Save As, one edit moves autosave by one ----------------------------------------


def test_after_three_save_as_one_edit_counts_once(window, qtbot, replies, tmp_path):
    doc = _plan_with_a_laptop_line(window, qtbot)
    for n in range(3):
        replies["save"] = tmp_path / f"plan{n}.twplan"
        assert window.files.save_as()
    assert window.autosave.edits == 0
    assert edit_cell(window.workspace.page(7).lines.model, 0, "unit_price", "99,000")
    assert window.autosave.edits == 1
    assert doc.path == tmp_path / "plan2.twplan" and doc.dirty


# -- one price edit runs the estimate once ------------------------------------------------------


def test_one_price_edit_runs_the_estimate_once(window, qtbot, monkeypatch):
    doc = _plan_with_a_laptop_line(window, qtbot)
    page = window.workspace.page(7)
    qtbot.mouseClick(page.scenario_name, Qt.MouseButton.LeftButton)  # a second scenario
    page.scenario_box.setCurrentIndex(0)
    _visit_every_page(window)  # every page built and listening, the summary too
    window.workspace.go(6)
    calls, assessed = [], []
    real, real_assess = costs.estimate, suitability.assess_in_plan

    def counted(plan, scenario, rules):
        calls.append(scenario.id)
        return real(plan, scenario, rules)

    def counted_assess(plan, task, catalog):
        assessed.append(task.name)
        return real_assess(plan, task, catalog)

    monkeypatch.setattr(costs, "estimate", counted)
    for module in (suitability, warnings, step04_tasks):
        monkeypatch.setattr(module, "assess_in_plan", counted_assess)
    assert edit_cell(page.lines.model, 0, "unit_price", "170,000")
    assert calls == [doc.plan.scenarios[0].id]  # the other scenario's estimate is unchanged
    assert assessed == []  # a price says nothing about the tasks
    assert page.years.item(0, 1).text() == "5,100,000円"  # 30 × 170,000
    assert "5,100,000円" in window.workspace.strip.label.text()
    calls.clear()
    assert edit_cell(window.workspace.page(5).units.model, 0, "teleworkers", "10")
    assert len(calls) == 2  # a plan-wide change: each scenario once
    assert page.years.item(0, 1).text() == "1,700,000円"


# -- a cell edit is one cell, not a reset ----------------------------------------------------------


def test_a_cell_edit_refreshes_that_row_only(window, qtbot):
    _plan_with_a_laptop_line(window, qtbot)
    page = window.workspace.page(7)
    page.lines.model.add_row()
    models = {
        "lines": page.lines.model,
        "units": window.workspace.page(5).units.model,
        "tasks": window.workspace.page(4).task_model,
        "members": window.workspace.page(1).members.model,
    }
    seen = {name: [] for name in models}
    for name, model in models.items():
        model.modelReset.connect(lambda n=name: seen[n].append("reset"))
        model.rowsInserted.connect(lambda _p, first, _l, n=name: seen[n].append(("insert", first)))
        model.dataChanged.connect(
            lambda tl, br, _r=(), n=name: seen[n].append(("data", tl.row(), br.row()))
        )
    assert edit_cell(models["lines"], 1, "unit_price", "5,000")
    assert seen["lines"] and all(s == ("data", 1, 1) for s in seen["lines"]), seen["lines"]
    assert "reset" not in seen["units"] + seen["tasks"] + seen["members"]
    assert seen["members"] == []  # no computed column, nothing touched
    for s in seen.values():
        s.clear()
    members = window.workspace.page(1).members
    members.add_row()
    assert seen["members"] == [("insert", 0)]
    assert "reset" not in seen["lines"] + seen["units"] + seen["tasks"]
    members.add_row()
    members.add_row()
    models["members"].rowsRemoved.connect(
        lambda _p, first, _l: seen["members"].append(("remove", first))
    )
    seen["members"].clear()
    assert models["members"].remove_rows([0, 2])
    assert seen["members"] == [("remove", 2), ("remove", 0)]
    window.doc.undo_stack.undo()
    assert seen["members"][2:] == [("insert", 0), ("insert", 2)]
    assert models["members"].rowCount() == 3


# -- subscribers -------------------------------------------------------------------------------


class _Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.got = []

    def changed(self, touched) -> None:
        self.got.append(touched)


def test_binding_twice_binds_once_and_lambdas_are_refused(window, qtbot):
    doc = create_plan(window, qtbot)
    receiver = _Receiver()
    doc.subscribe(receiver.changed)
    doc.subscribe(receiver.changed)
    doc.apply(SetValue((), "leader", "田中"))
    assert receiver.got == [(Touch("set", ("leader",)),)]
    with pytest.raises(TypeError):
        doc.subscribe(lambda: None)
    doc.unsubscribe(receiver.changed)
    doc.undo_stack.undo()
    assert len(receiver.got) == 1 and doc.plan.leader == ""


def test_a_deleted_table_takes_its_model_and_its_subscription_along(window, qtbot):
    doc = create_plan(window, qtbot)
    model = window.workspace.page(1).members.model
    receivers = doc.receivers("2changed(PyObject)")
    window.set_language("en")  # every page is rebuilt; the old ones are deleted
    qtbot.waitUntil(lambda: not shiboken6.isValid(model))
    window.workspace.page(1)
    assert doc.receivers("2changed(PyObject)") <= receivers
    assert doc.apply(SetValue((), "leader", "田中")) is None
