"""Issue 24 §2: what changed between two versions of a plan — a hand-made pair of plans
with one known difference of each kind, and what the reader is told about it."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest

from planner.domain import model as m
from planner.domain.diff import ADDED, CHANGED, REMOVED, diff_plans
from planner.domain.diff_effects import compare, comparison_data
from planner.domain.diff_text import change_line, figures_line, mark_line
from planner.store.interchange import import_json
from tests.store_plans import CATALOG, sample_json


def _old() -> m.Plan:
    mu = m.Municipality(name="みどり町", prefecture="長野県", general_staff=40, all_staff=60,
                        fiscal_year=2025, department="総務課")  # fmt: skip
    units = [
        m.Unit(name="総務課", staff=10, teleworkers=4, id="u-soumu", tasks=[
            m.Task(name="文書管理", selected=True, id="t-doc"),
            m.Task(name="窓口案内", selected=True, id="t-desk"),
            m.Task(name="例規審査", selected=False, id="t-law"),
        ]),
        m.Unit(name="企画課", staff=8, teleworkers=2, id="u-kikaku",
               tasks=[m.Task(name="広報誌の編集", selected=True, id="t-pr")]),
    ]  # fmt: skip
    lines = [
        m.CostLine(name="貸与PC", category="ict_equipment", unit_price=200_000, quantity=10,
                   start_fy=2025, end_fy=2025, id="c-pc"),
        m.CostLine(name="研修講師", category="training_internal", unit_price=50_000, quantity=1,
                   start_fy=2025, end_fy=2025, id="c-lecture"),
    ]  # fmt: skip
    plan = m.Plan(
        municipality=mu, units=units, access_method="vdi_lgwan", tools=["chat"],
        scenarios=[m.Scenario(name="VDI案", lines=lines, id="s1")], adopted_scenario_id="s1",
        kpis=[m.Kpi(name="実施人数", baseline="0人", target="20人", id="k1")],
        phases=[m.Phase(name="試行", start=date(2025, 10, 1), end=date(2026, 3, 31), id="p1")],
    )  # fmt: skip
    return plan


def _new(old: m.Plan) -> m.Plan:
    """One change of each kind, each one the test below looks for."""
    new = copy.deepcopy(old)
    new.municipality.general_staff = 45  # a count
    new.device_policy = "mixed"  # a choice, by its word
    new.phases[0].start = date(2025, 11, 1)  # a date
    new.units[0].form.max_days = 2  # a record kept in the unit's row (step 5)
    new.units[0].tasks = [t for t in new.units[0].tasks if t.id != "t-law"]  # a task removed
    new.units.append(m.Unit(name="税務課", staff=6, id="u-zeimu"))  # a unit added
    desk = new.units[0].tasks[1]
    desk.factors = m.TaskFactors(counter=True)  # its mark: ◎ → × (counter work)
    pc = new.scenarios[0].lines[0]
    pc.unit_price = 250_000  # money, and the year's figures
    new.scenarios[0].lines = [pc, m.CostLine(name="Web会議ライセンス", category="licence",
                                             unit_price=30_000, start_fy=2025, end_fy=2025,
                                             id="c-web")]  # a line added, one removed  # fmt: skip
    new.kpis.append(m.Kpi(name="紙の削減率", target="30%", id="k2"))  # a list added by issue 19
    new.steps[1].checklist["structure.leader"] = m.ChecklistEntry(done=True)  # ticked
    new.units[1].id = "u-kikaku-2"  # the same unit under another id: matched by name
    new.units[1].staff = 9
    return new


OLD = _old()
NEW = _new(OLD)


def _lines(changes, lang: str = "ja") -> list[str]:
    return [change_line(c, lang) for c in changes]


def test_a_plan_compared_with_itself_or_its_copy_has_no_difference():
    assert diff_plans(OLD, OLD, CATALOG).is_empty
    assert compare(OLD, copy.deepcopy(OLD), CATALOG).is_empty
    sample = import_json(sample_json("kawasemi-town"))
    assert compare(sample, import_json(sample_json("kawasemi-town")), CATALOG).is_empty


def test_each_field_changed_is_told_old_to_new_by_its_kind_and_label():
    lines = _lines(diff_plans(OLD, NEW, CATALOG).changes)
    assert "変更: 団体 › 一般行政職員数: 40 → 45" in lines
    assert "変更: 端末の方針: 貸与端末のみ → 貸与端末と私物端末の併用" in lines  # words, not codes
    assert "変更: 試行 › 開始日: 2025-10-01 → 2025-11-01" in lines
    assert "変更: 総務課 › 実施形態 › 実施日数の上限: 0 → 2" in lines
    assert "変更: VDI案 › 貸与PC › 単価: 200,000円 → 250,000円" in lines  # money as yen
    assert "Changed: VDI案 › 貸与PC › Unit price: ¥200,000 → ¥250,000" in _lines(
        diff_plans(OLD, NEW, CATALOG).changes, "en"
    )


def test_rows_added_and_removed_units_tasks_cost_lines_and_new_lists():
    lines = _lines(diff_plans(OLD, NEW, CATALOG).changes)
    assert "追加: 課「税務課」" in lines
    assert "削除: 総務課 › 業務「例規審査」" in lines
    assert "追加: VDI案 › 経費「Web会議ライセンス」" in lines
    assert "削除: VDI案 › 経費「研修講師」" in lines
    assert "追加: 目標（KPI）「紙の削減率」" in lines  # a list is compared because it is declared


def test_changes_are_grouped_by_the_step_the_field_belongs_to():
    steps = {change_line(c): c.step for c in diff_plans(OLD, NEW, CATALOG).changes}
    assert steps["変更: 団体 › 一般行政職員数: 40 → 45"] == 0
    assert steps["追加: 目標（KPI）「紙の削減率」"] == 2
    assert steps["変更: 企画課 › 課の職員数: 8 → 9"] == 3  # a unit's staff: step 3
    assert steps["削除: 総務課 › 業務「例規審査」"] == 4
    assert steps["変更: 総務課 › 実施形態 › 実施日数の上限: 0 → 2"] == 5
    assert steps["追加: VDI案 › 経費「Web会議ライセンス」"] == 7
    assert steps["変更: 試行 › 開始日: 2025-10-01 → 2025-11-01"] == 10
    ticked = next(c for c in diff_plans(OLD, NEW, CATALOG).changes if c.path[:2] == ("steps", 1))
    assert ticked.step == 1 and ticked.new.ja == "はい"
    assert change_line(ticked) == "変更: 推進の責任者（例：総務課長）を決める › 完了: いいえ → はい"


def test_rows_with_other_ids_are_matched_by_name_and_the_match_is_stated():
    d = diff_plans(OLD, NEW, CATALOG)
    assert [(x.name, x.old_id, x.new_id) for x in d.matches] == [
        ("企画課", "u-kikaku", "u-kikaku-2")
    ]
    assert "名前で対応づけ" in d.matches[0].text() and "u-kikaku-2" in d.matches[0].text()
    assert not any(c.kind in (ADDED, REMOVED) and "企画課" in change_line(c) for c in d.changes)


def test_suitability_marks_that_changed_say_why():
    c = compare(OLD, NEW, CATALOG)
    assert [mark_line(x) for x in c.marks] == [
        "総務課 › 窓口案内: ◎ → × — 窓口での対面業務のため、テレワークには向きません。"
    ]
    later = copy.deepcopy(NEW)
    later.access_method = "none"  # every remaining task waits for a method: ○
    marks = compare(NEW, later, CATALOG).marks
    assert {x.task for x in marks} == {"文書管理", "広報誌の編集"}
    assert all(x.new_mark == "○" and "接続方式が未定" in x.new_reason.ja for x in marks)


def test_each_fiscal_year_total_subsidy_and_net_before_and_after():
    c = compare(OLD, NEW, CATALOG)
    assert [y.fiscal_year for y in c.years] == [2025, 2026, 2027]  # the plan's period
    (y,) = [y for y in c.years if y.changed]
    # 10 PCs at 200,000 → 250,000; the lecture (50,000) out, a licence (30,000) in
    assert y.old[0] == 2_050_000 and y.new[0] == 2_530_000
    assert y.delta()[0] == 480_000
    assert y.new[2] == y.new[0] - y.new[1]  # net = total − subsidy
    assert y.old[1] == 1_000_000 and y.new[1] == 1_265_000  # half the eligible cost (2025)
    assert figures_line(y) == (
        "令和7年度 (2025): 事業費 2,050,000円 → 2,530,000円（+480,000円）、"
        "特別交付税措置見込額 1,000,000円 → 1,265,000円（+265,000円）、"
        "実質負担額 1,050,000円 → 1,265,000円（+215,000円）"
    )


def test_the_json_for_scripts():
    data = json.loads(json.dumps(comparison_data(compare(OLD, NEW, CATALOG)), ensure_ascii=False))
    price = next(x for x in data["changes"] if x["path"][-1] == "unit_price")
    assert price == {
        "kind": "changed", "step": 7, "path": ["scenarios", "s1", "lines", "c-pc", "unit_price"],
        "value_kind": "money", "where": [{"ja": "VDI案", "en": "VDI案"}, {"ja": "貸与PC", "en": "貸与PC"}],
        "label": {"ja": "単価", "en": "Unit price"}, "old": 200000, "new": 250000,
        "old_text": {"ja": "200,000円", "en": "¥200,000"}, "new_text": {"ja": "250,000円", "en": "¥250,000"},
    }  # fmt: skip
    assert data["counts"] == {CHANGED: 8, ADDED: 3, REMOVED: 2}
    assert data["effects"]["years"][0]["delta"]["total"] == 480_000
    assert data["matched_by_name"][0]["new_id"] == "u-kikaku-2"
    assert data["suitability"][0]["new"] == "×"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_change_is_one_line_in_both_languages(lang):
    for c in diff_plans(OLD, NEW, CATALOG).changes:
        line = change_line(c, lang)
        assert "\n" not in line and line.split(":")[0] in (
            "変更",
            "追加",
            "削除",
            "Changed",
            "Added",
            "Removed",
        )
