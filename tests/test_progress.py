from decimal import Decimal

from planner.domain.builders import cost_line_from_item, new_plan, unit_from_catalog
from planner.domain.model import Kpi, Member
from planner.domain.progress import StepState, step_state
from planner.domain.warnings import plan_warnings


def test_step_state_from_checklist_and_inputs(catalog, municipality):
    plan = new_plan(municipality, catalog)
    assert step_state(plan, 1) == StepState.NOT_STARTED
    plan.leader = "副町長"
    assert step_state(plan, 1) == StepState.IN_PROGRESS  # leader but no members yet
    plan.members.append(Member("佐藤"))
    for entry in plan.steps[1].checklist.values():
        entry.done = True
    assert step_state(plan, 1) == StepState.DONE
    plan.members.clear()
    assert step_state(plan, 1) == StepState.IN_PROGRESS  # ticked, but the inputs are missing


def test_warnings_that_matter(catalog, municipality):
    plan = new_plan(municipality, catalog)
    plan.kpis.append(Kpi("テレワーク実施率"))
    unit = unit_from_catalog(catalog.units[0])
    unit.staff, unit.teleworkers = 5, 2
    plan.units.append(unit)
    elections = next(t for t in unit.tasks if t.catalog_id == "somu.elections")
    elections.selected = True
    line = cost_line_from_item(catalog.cost_item("laptop_pc"), 2025, 2027)
    line.eligible_override = False
    plan.scenarios[0].lines.append(line)
    plan.fiscal_capacity_multiplier = Decimal("0.9")
    texts = [(w.step, w.text.ja) for w in plan_warnings(plan, catalog)]
    assert (2, "指標「テレワーク実施率」に目標値がありません。") in texts
    assert (
        4,
        "総務課「選挙の執行（投票所・開票所の運営）」は不適と判定されていますが、対象に選ばれています。",
    ) in texts
    assert any(step == 7 and "理由が未記入" in text for step, text in texts)
    # the laptop line is in FY2025; no rule for 2025 exists, the FY2024 one is assumed
    assert (7, "2025年度の措置見込額は2024年度のルールを仮定しています。") in texts
    line.override_reason = "既存端末を流用するため"
    elections.selected = False
    plan.kpis[0].target = "30%"
    assert [w.step for w in plan_warnings(plan, catalog)] == [7]
