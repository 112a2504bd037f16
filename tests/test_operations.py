import copy
from datetime import date

import pytest

from planner.domain.builders import new_plan, unit_from_catalog
from planner.domain.errors import ValidationError
from planner.domain.model import CostLine, Member, Phase
from planner.domain.operations import Batch, InsertRow, RemoveRow, SetValue


@pytest.fixture
def plan(catalog, municipality):
    p = new_plan(municipality, catalog)
    unit = unit_from_catalog(catalog.units[2])
    unit.staff = 10
    p.units.append(unit)
    return p


def test_set_and_undo(plan, catalog):
    uid = plan.units[0].id
    inverse = SetValue(("units", uid), "teleworkers", 4).apply(plan, catalog)
    assert plan.units[0].teleworkers == 4
    inverse.apply(plan, catalog)
    assert plan.units[0].teleworkers == 0


def test_invalid_edit_leaves_plan_unchanged(plan, catalog):
    uid = plan.units[0].id
    with pytest.raises(ValidationError) as e:
        SetValue(("units", uid), "teleworkers", 11).apply(plan, catalog)
    assert "超えています" in e.value.text("ja")
    assert plan.units[0].teleworkers == 0
    SetValue(("units", uid), "teleworkers", 8).apply(plan, catalog)
    with pytest.raises(ValidationError):  # staff below teleworkers is refused too
        SetValue(("units", uid), "staff", 5).apply(plan, catalog)
    assert plan.units[0].staff == 10
    with pytest.raises(ValidationError):
        SetValue(("municipality",), "name", "").apply(plan, catalog)
    assert plan.municipality.name == "さくら町"


def test_task_selection_and_checklist(plan, catalog):
    unit = plan.units[0]
    tid = unit.tasks[1].id
    SetValue(("units", unit.id, "tasks", tid), "selected", True).apply(plan, catalog)
    assert [t.name for _, t in plan.selected_tasks()] == [unit.tasks[1].name]
    item = next(iter(plan.steps[4].checklist))
    undo = SetValue(("steps", 4, "checklist", item), "done", True).apply(plan, catalog)
    assert plan.steps[4].checklist[item].done
    undo.apply(plan, catalog)
    assert not plan.steps[4].checklist[item].done


def test_insert_remove_rows_round_trip(plan, catalog):
    undo = InsertRow(("members",), 0, Member("佐藤", "リーダー", "総務課")).apply(plan, catalog)
    assert [x.name for x in plan.members] == ["佐藤"]
    redo = undo.apply(plan, catalog)
    assert plan.members == []
    redo.apply(plan, catalog)
    assert plan.members[0].role == "リーダー"
    with pytest.raises(ValidationError):
        InsertRow(("members",), 0, Member("")).apply(plan, catalog)
    assert len(plan.members) == 1


def test_cost_line_edit_validated(plan, catalog):
    sid = plan.scenarios[0].id
    InsertRow(("scenarios", sid, "lines"), 0, CostLine("PC", "ict_equipment", 100_000)).apply(
        plan, catalog
    )
    lid = plan.scenarios[0].lines[0].id
    with pytest.raises(ValidationError) as e:
        SetValue(("scenarios", sid, "lines", lid), "unit_price", -5).apply(plan, catalog)
    assert e.value.field == "scenarios[0].lines[0].unit_price"
    assert plan.scenarios[0].lines[0].unit_price == 100_000


def test_batch_is_all_or_nothing(plan, catalog):
    unit = plan.units[0]
    ops = [SetValue(("units", unit.id, "tasks", t.id), "selected", True) for t in unit.tasks[:3]]
    bad = SetValue(("units", unit.id), "teleworkers", 99)
    with pytest.raises(ValidationError):
        Batch([*ops, bad]).apply(plan, catalog)
    assert plan.selected_tasks() == []
    undo = Batch(ops).apply(plan, catalog)
    assert len(plan.selected_tasks()) == 3
    undo.apply(plan, catalog)
    assert plan.selected_tasks() == []


def test_phase_dates_in_order(plan, catalog):
    InsertRow(("phases",), 0, Phase("試行", "trial", date(2025, 10, 1), date(2025, 12, 31))).apply(
        plan, catalog
    )
    pid = plan.phases[0].id
    with pytest.raises(ValidationError):
        SetValue(("phases", pid), "end", date(2025, 9, 1)).apply(plan, catalog)
    assert plan.phases[0].end == date(2025, 12, 31)
    RemoveRow(("phases",), pid).apply(plan, catalog)
    assert plan.phases == []


def test_an_edit_of_a_removed_row_is_refused_not_a_crash(plan, catalog):
    with pytest.raises(ValidationError) as e:
        SetValue(("members", 3), "name", "x").apply(plan, catalog)
    assert e.value.text("ja") == "編集対象が見つかりません。"
    with pytest.raises(ValidationError):
        SetValue(("steps", 4, "checklist", "no-such-item"), "done", True).apply(plan, catalog)


def test_the_edits_save_used_to_refuse_are_refused_when_made(plan, catalog):
    """An edit is checked by the same function as a save: six edits the screen used to
    accept and save then refused."""
    from planner.domain.model import Kpi, RuleItem, SecurityItem

    InsertRow(("rules",), 0, RuleItem("実施要綱", id="r1")).apply(plan, catalog)
    InsertRow(("security",), 0, SecurityItem("teleworker", "端末の施錠", id="s1")).apply(
        plan, catalog
    )
    InsertRow(("phases",), 0, Phase("試行", id="p1")).apply(plan, catalog)
    InsertRow(("kpis",), 0, Kpi("利用率", id="k1")).apply(plan, catalog)
    sid = plan.scenarios[0].id
    InsertRow(("scenarios", sid, "lines"), 0, CostLine("PC", "ict_equipment", 1, id="c1")).apply(
        plan, catalog
    )
    edits = [
        (("rules", "r1"), "status", "bogus", "状況の値「bogus」は選択肢にありません。"),
        (("security", "s1"), "role", "x", "役割の値「x」は選択肢にありません。"),
        (("phases", "p1"), "name", "", "段階名を入力してください。"),
        (("phases", "p1"), "kind", "party", "種類の値「party」は選択肢にありません。"),
        (("kpis", "k1"), "fiscal_year", 1999, "年度は2000年度から2100年度の範囲で入力してください（入力値: 1999）。"),
        (("scenarios", sid, "lines", "c1"), "category", "gadgets", "経費区分の値「gadgets」は選択肢にありません。"),
    ]  # fmt: skip
    for path, name, value, message in edits:
        before = copy.deepcopy(plan)
        with pytest.raises(ValidationError) as e:
            SetValue(path, name, value).apply(plan, catalog)
        assert e.value.text("ja") == message
        assert plan == before


def test_removing_the_adopted_scenario_alone_is_refused_but_a_batch_may_adopt_another(
    plan, catalog
):
    from planner.domain.model import Scenario

    InsertRow(("scenarios",), 1, Scenario("案B", id="b")).apply(plan, catalog)
    first = plan.scenarios[0].id
    with pytest.raises(ValidationError) as e:
        RemoveRow(("scenarios",), first).apply(plan, catalog)
    assert e.value.text("ja") == "採用するシナリオを選んでください。"
    assert [s.id for s in plan.scenarios] == [first, "b"]
    Batch([RemoveRow(("scenarios",), first), SetValue((), "adopted_scenario_id", "b")]).apply(
        plan, catalog
    )
    assert [s.id for s in plan.scenarios] == ["b"] and plan.adopted_scenario_id == "b"
