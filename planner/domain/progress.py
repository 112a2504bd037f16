"""How far each step is, and the warnings that matter before the plan goes to council."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from .catalog import Catalog
from .costs import adopted_estimate
from .errors import PlannerError
from .model import Plan
from .suitability import Suitability, assess_in_plan
from .text import L10n


class StepState(IntEnum):
    NOT_STARTED = 0
    IN_PROGRESS = 1
    DONE = 2

    @property
    def mark(self) -> str:
        return ("○", "◐", "●")[self]

    @property
    def label(self) -> L10n:
        return (L10n("未着手", "Not started"), L10n("作業中", "In progress"), L10n("完了", "Done"))[
            self
        ]


def has_inputs(plan: Plan, number: int) -> bool:
    """Whether the step's own required inputs are filled in."""
    p = plan
    return {
        1: lambda: bool(p.leader.strip() and p.members),
        2: lambda: bool((p.purposes or p.custom_purposes) and p.kpis),
        3: lambda: any(u.staff for u in p.units),
        4: lambda: bool(p.selected_tasks()),
        5: lambda: p.teleworkers() > 0,
        6: lambda: bool(p.rules) and any(r.status != "todo" for r in p.rules),
        7: lambda: p.access_method != "none" and any(s.lines for s in p.scenarios),
        8: lambda: any(s.status != "todo" for s in p.security),
        9: lambda: bool(p.training),
        10: lambda: bool(p.phases),
    }[number]()


def has_any_input(plan: Plan, number: int) -> bool:
    """Whether anything of the step's own has been entered (it is then at least in progress)."""
    p = plan
    return {
        1: lambda: bool(p.leader.strip() or p.members or p.meeting_plan.strip()),
        2: lambda: bool(p.purposes or p.custom_purposes or p.kpis),
        3: lambda: (
            bool(p.existing_devices or p.existing_rules.strip() or p.current_notes.strip())
            or has_inputs(p, 3)
        ),
        4: lambda: bool(p.units),
        5: lambda: has_inputs(p, 5),
        6: lambda: has_inputs(p, 6),
        7: lambda: p.access_method != "none" or any(s.lines for s in p.scenarios),
        8: lambda: has_inputs(p, 8),
        9: lambda: has_inputs(p, 9),
        10: lambda: has_inputs(p, 10),
    }[number]()


def step_state(plan: Plan, number: int) -> StepState:
    entries = plan.steps[number].checklist.values()
    ticked = sum(e.done for e in entries)
    if has_inputs(plan, number) and entries and ticked == len(entries):
        return StepState.DONE
    if ticked or has_any_input(plan, number) or plan.steps[number].notes.strip():
        return StepState.IN_PROGRESS
    return StepState.NOT_STARTED


@dataclass(frozen=True, slots=True)
class PlanWarning:
    step: int
    text: L10n


def plan_warnings(plan: Plan, catalog: Catalog) -> list[PlanWarning]:
    out: list[PlanWarning] = []
    for kpi in plan.kpis:
        if not kpi.target.strip():
            out.append(
                PlanWarning(
                    2,
                    L10n(
                        f"指標「{kpi.name}」に目標値がありません。",
                        f"KPI '{kpi.name}' has no target.",
                    ),
                )
            )
    for unit in plan.units:
        if unit.teleworkers > unit.staff:
            out.append(
                PlanWarning(5, L10n(
                    f"{unit.name}: テレワーク実施人数（{unit.teleworkers}人）が課の職員数（{unit.staff}人）を超えています。",
                    f"{unit.name}: teleworkers ({unit.teleworkers}) exceed staff ({unit.staff}).",
                ))
            )  # fmt: skip
        for task in unit.tasks:
            if (
                task.selected
                and assess_in_plan(plan, task, catalog).level == Suitability.UNSUITABLE
            ):
                out.append(
                    PlanWarning(4, L10n(
                        f"{unit.name}「{task.name}」は不適と判定されていますが、対象に選ばれています。",
                        f"{unit.name}: '{task.name}' is selected but judged not suitable.",
                    ))
                )  # fmt: skip
    for scenario in plan.scenarios:
        for line in scenario.lines:
            if line.eligible_override is not None and not line.override_reason.strip():
                out.append(
                    PlanWarning(7, L10n(
                        f"{scenario.name}「{line.name}」: 対象経費の判定を変更した理由が未記入です。",
                        f"{scenario.name}: '{line.name}' overrides eligibility without a reason.",
                    ))
                )  # fmt: skip
    try:
        est = adopted_estimate(plan, catalog.subsidy_rules)
    except PlannerError as err:
        out.append(PlanWarning(7, err.message))
        est = None
    if est is not None:
        for y in est.years:
            if y.rule is None and y.total:
                out.append(PlanWarning(7, L10n(
                    f"{y.fiscal_year}年度には特別交付税措置のルールがありません（措置見込額0円）。",
                    f"No special allocation tax rule covers FY{y.fiscal_year} (estimate ¥0).",
                )))  # fmt: skip
            elif y.assumed and y.total:
                out.append(PlanWarning(7, L10n(
                    f"{y.fiscal_year}年度の措置見込額は{y.rule.fiscal_year}年度のルールを仮定しています。",
                    f"The FY{y.fiscal_year} estimate assumes the FY{y.rule.fiscal_year} rule.",
                )))  # fmt: skip
    return out
