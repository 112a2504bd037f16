"""Every row has an id (issue 19, item 5): team members and KPIs too, in the project
file and in JSON; a change names its row by the id, never by its position."""

from __future__ import annotations

import json
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from planner.domain.builders import new_plan
from planner.domain.errors import ValidationError
from planner.domain.model import Kpi, Member
from planner.domain.operations import InsertRow, RemoveRow, SetValue, Touch
from planner.domain.records import RECORDS
from planner.store.interchange import import_json, plan_to_dict
from planner.store.project import open_plan, save_plan
from tests.store_plans import sample_json
from tests.ui_helpers import column_texts, create_plan, edit_cell


def test_every_list_of_rows_has_ids():
    lists = [
        (r.cls.__name__, f.name) for r in RECORDS.values() for f in r.fields if f.kind == "rows"
    ]
    assert ("Plan", "members") in lists and ("Plan", "kpis") in lists
    for record in RECORDS.values():
        for f in record.fields:
            if f.kind == "rows":
                assert f.record.field("id").kind == "id", (record.cls.__name__, f.name)


def test_members_and_kpis_keep_their_ids_in_json_and_in_the_file(tmp_path):
    data = json.loads(sample_json("yamanami-village").read_text(encoding="utf-8"))
    for row in (*data["plan"]["members"], *data["plan"]["kpis"]):
        del row["id"]  # a file from before issue 19, or written by hand
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    plan = import_json(path)
    ids = [r.id for r in (*plan.members, *plan.kpis)]
    assert all(re.fullmatch("[0-9a-f]{12}", i) for i in ids) and len(set(ids)) == len(ids)
    written = plan_to_dict(plan)["plan"]
    assert [m["id"] for m in written["members"]] == [m.id for m in plan.members]
    save_plan(plan, tmp_path / "p.twplan")
    reopened = open_plan(tmp_path / "p.twplan")
    assert [m.id for m in reopened.members] == [m.id for m in plan.members]
    assert [k.id for k in reopened.kpis] == [k.id for k in plan.kpis]


def test_a_change_names_its_row_by_id_never_by_position(catalog, municipality):
    plan = new_plan(municipality, catalog)
    InsertRow(("kpis",), 0, Kpi("利用率", id="k1")).apply(plan, catalog)
    InsertRow(("kpis",), 0, Kpi("実施日数", id="k2")).apply(plan, catalog)
    with pytest.raises(ValidationError) as e:
        SetValue(("kpis", 0), "note", "50%").apply(
            plan, catalog
        )  # a position is not a row's name
    assert e.value.text("ja") == "編集対象が見つかりません。"
    change = RemoveRow(("kpis",), "k1").run(plan, catalog)
    assert [k.id for k in plan.kpis] == ["k2"]
    assert change.touched == (Touch("remove", ("kpis",), "k1"),)
    undone = change.inverse.run(plan, catalog)
    assert [k.id for k in plan.kpis] == ["k2", "k1"]  # back at its place
    assert undone.touched == (Touch("insert", ("kpis",), "k1"),)


def test_a_row_whose_id_is_taken_is_refused(catalog, municipality):
    plan = new_plan(municipality, catalog)
    InsertRow(("members",), 0, Member("佐藤", id="m1")).apply(plan, catalog)
    with pytest.raises(ValidationError) as e:
        InsertRow(("members",), 1, Member("鈴木", id="m1")).apply(plan, catalog)
    assert e.value.text("ja") == "ID「m1」の行はすでにあります。"
    assert [m.name for m in plan.members] == ["佐藤"]


def test_removing_a_member_in_the_table_and_undoing_it(window, qtbot):
    doc = create_plan(window, qtbot)
    table = window.workspace.page(1).members
    for name in ("Sato", "Suzuki", "Takahashi"):
        qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
        assert edit_cell(table.model, table.model.rowCount() - 1, "name", name)
    view = table.view
    cell = view.visualRect(view.model().index(1, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseClick(table.remove_button, Qt.MouseButton.LeftButton)
    assert [m.name for m in doc.plan.members] == ["Sato", "Takahashi"]
    assert column_texts(table.model, "氏名") == ["Sato", "Takahashi"]
    window.findChild(QAction, "actionUndo").trigger()
    assert [m.name for m in doc.plan.members] == ["Sato", "Suzuki", "Takahashi"]
    assert column_texts(table.model, "氏名") == ["Sato", "Suzuki", "Takahashi"]
