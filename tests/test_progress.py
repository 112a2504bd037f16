from dataclasses import replace
from decimal import Decimal

import pytest

from planner.domain.builders import cost_line_from_item, new_plan, unit_from_catalog
from planner.domain.model import Kpi, Member, RuleItem
from planner.domain.progress import (
    RECORDS,
    StepState,
    declared_records,
    step_progress,
    step_state,
)
from planner.domain.warnings import plan_warnings


def test_step_state_from_checklist_and_inputs(catalog, municipality):
    plan = new_plan(municipality, catalog)
    step1 = catalog.step(1)
    assert step_state(plan, step1) == StepState.NOT_STARTED
    plan.leader = "副町長"
    assert step_state(plan, step1) == StepState.IN_PROGRESS  # leader but no members yet
    plan.members.append(Member("佐藤"))
    for entry in plan.steps[1].checklist.values():
        entry.done = True
    assert step_state(plan, step1) == StepState.DONE  # the meeting plan is optional ("?")
    plan.members.clear()
    assert step_state(plan, step1) == StepState.IN_PROGRESS  # ticked, but the inputs are missing


def test_progress_says_what_is_missing_and_how_done_is_reached(catalog, municipality):
    plan = new_plan(municipality, catalog)
    plan.leader = "副町長"
    ids = [item.id for item in catalog.step(1).checklist]
    for item_id in ids[:8]:
        plan.steps[1].checklist[item_id].done = True
    progress = step_progress(plan, catalog.step(1))
    assert len(ids) == 11
    assert progress.state == StepState.IN_PROGRESS
    assert progress.detail().ja == "チェックリスト 8/11・未入力: 推進チームの構成員"
    assert progress.detail().en == "checklist 8/11; not entered: team members"
    assert progress.condition().ja == (
        "完了の条件: 推進責任者、推進チームの構成員を入力し、チェックリストの11項目をすべて確認する"
    )
    plan.members.append(Member("佐藤"))
    for item_id in ids:
        plan.steps[1].checklist[item_id].done = True
    progress = step_progress(plan, catalog.step(1))
    assert (progress.state, progress.detail().ja) == (StepState.DONE, "チェックリスト 11/11")


def test_the_steps_declaration_drives_the_state(catalog, municipality):
    """What steps.toml declares in ``records`` decides; nothing is hard-coded per step."""
    plan = new_plan(municipality, catalog)
    for entry in plan.steps[6].checklist.values():
        entry.done = True
    step6 = catalog.step(6)
    assert step6.records == ("rules",)
    assert step_progress(plan, step6).missing[0].ja.startswith("規程の整備状況")
    plan.rules.append(RuleItem("在宅勤務実施要綱", status="in_progress"))
    assert step_state(plan, step6) == StepState.DONE
    # declared differently, the same plan is judged differently
    stricter = replace(step6, records=("rules", "training_events"))
    assert step_state(plan, stricter) == StepState.IN_PROGRESS
    assert [m.ja for m in step_progress(plan, stricter).missing] == ["研修・周知の予定"]
    optional = replace(step6, records=("rules", "training_events?"))
    assert step_state(plan, optional) == StepState.DONE
    with pytest.raises(KeyError, match="unknown record 'typo'"):
        step_state(plan, replace(step6, records=("typo",)))


def test_every_declared_record_is_known_and_each_step_needs_one(catalog):
    used = set()
    for step in catalog.steps:
        records = declared_records(step)  # raises on a name progress.py does not know
        assert any(required for _name, required in records), step.number
        used |= {name for name, _required in records}
    assert used == set(RECORDS)  # no record is defined that no step declares


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
    assert (7, "令和7年度の措置見込額は令和6年度のルールを仮定しています。") in texts
    line.override_reason = "既存端末を流用するため"
    elections.selected = False
    plan.kpis[0].target = Decimal("30")
    assert [w.step for w in plan_warnings(plan, catalog)] == [7]
