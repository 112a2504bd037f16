"""How far each step is (the warnings that matter before council: warnings.py)."""

from __future__ import annotations

from enum import IntEnum

from .model import Plan
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
