"""Telework for business continuity (issue 23, §3).

*Priority work in an emergency* (非常時優先業務) is a mark on a task: suggested by the task
catalog (``TaskDef.priority``) when the unit is made from it, set or cleared by the user.
Each priority task is judged as every task is (``suitability.assess_in_plan``: the plan's
access method, network model, tools and policy): one judged × cannot go on remotely and
needs presence, and the reasons say why; ◎ and ○ can (○ with the conditions said). A
priority task counts whether or not it is selected for everyday telework.

*Capacity* is checked for the plan's last fiscal year, when everything the plan buys is in
place: the staff who would need remote access in an emergency (entered by the user)
against

- devices: the usable devices the town has (step 3) plus the loaned PCs the adopted
  scenario buys (the catalog's ``laptop_pc`` and own ``ict_equipment`` lines counted per
  device needed) — not checked where staff use their own devices (device policy "own");
- licences: the lines of the access method's licence items held that year (the largest,
  as one of them is bought, not all: ``AccessMethod.licence_items``);
- J-LIS: the terminal IDs applied for (entered by the user), where the method is J-LIS.

A shortfall is a warning (``warnings.py``) on every way out: the summary, the CLI and the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .catalog import Catalog
from .costs import basis_counts, line_quantity, line_years
from .fiscal import short_fy_label
from .model import CostLine, Plan, Task, Unit
from .suitability import Assessment, Suitability, assess_in_plan
from .text import L10n

DEVICE_ITEMS = frozenset({"laptop_pc"})


@dataclass(frozen=True, slots=True)
class PriorityTask:
    unit: Unit
    task: Task
    assessment: Assessment

    @property
    def remote(self) -> bool:
        return self.assessment.level < Suitability.UNSUITABLE

    def why(self) -> tuple[L10n, ...]:
        """Why it cannot go on remotely (the × reasons), or the conditions it goes on under."""
        level = Suitability.UNSUITABLE if not self.remote else Suitability.CONDITIONAL
        return tuple(r.text for r in self.assessment.reasons if r.level == level)


def priority_tasks(plan: Plan, catalog: Catalog) -> list[PriorityTask]:
    """The plan's priority tasks, unit by unit in the plan's order."""
    return [
        PriorityTask(u, t, assess_in_plan(plan, t, catalog))
        for u in plan.units
        for t in u.tasks
        if t.priority
    ]


def by_unit(tasks: list[PriorityTask]) -> list[tuple[Unit, list[PriorityTask]]]:
    out: dict[str, tuple[Unit, list[PriorityTask]]] = {}
    for p in tasks:
        out.setdefault(p.unit.id, (p.unit, []))[1].append(p)
    return list(out.values())


@dataclass(frozen=True, slots=True)
class CapacityCheck:
    key: str  # "devices" | "licences" | "jlis_terminal_ids"
    label: L10n
    needed: int
    available: int
    basis: L10n  # what ``available`` counts

    @property
    def shortfall(self) -> int:
        return max(0, self.needed - self.available)

    def line(self, lang: str = "ja") -> str:
        label = self.label.get(lang)
        if lang == "en":
            gap = f"short by {self.shortfall}" if self.shortfall else "enough"
            return f"{label}: {self.available} for {self.needed} staff ({gap})"
        gap = f"{self.shortfall}不足" if self.shortfall else "充足"
        return f"{label}: {self.available}（必要 {self.needed}人）…{gap}"

    def as_dict(self) -> dict[str, Any]:
        return {"check": self.key, "needed": self.needed, "available": self.available,
                "shortfall": self.shortfall, "ja": self.line("ja"), "en": self.line("en"),
                "basis_ja": self.basis.ja, "basis_en": self.basis.en}  # fmt: skip


def _held(line: CostLine, fy: int) -> bool:
    """Whether a line's purchase is there in a fiscal year: bought in or before it (one
    time), or paid for in it (annual, lease)."""
    return line.start_fy <= fy if line.recurrence == "one_time" else fy in line_years(line)


def _counted(plan: Plan, fy: int, wanted: Any) -> int:
    scenario = plan.adopted_scenario()
    if scenario is None:
        return 0
    counts = basis_counts(plan)
    return sum(
        line_quantity(ln, plan, counts) for ln in scenario.lines if wanted(ln) and _held(ln, fy)
    )


def _device_line(line: CostLine) -> bool:
    if line.item_id is not None:
        return line.item_id in DEVICE_ITEMS
    return line.category == "ict_equipment" and line.quantity_basis == "device_needed"


def capacity(plan: Plan, catalog: Catalog) -> list[CapacityCheck]:
    """The checks that apply to the plan (none until the emergency staff are entered)."""
    needed = plan.continuity.emergency_staff
    if needed <= 0:
        return []
    fy = plan.fiscal_years[-1]
    when = L10n(short_fy_label(fy), short_fy_label(fy, "en"))
    out: list[CapacityCheck] = []
    if plan.device_policy != "own":
        bought = _counted(plan, fy, _device_line)
        out.append(CapacityCheck("devices", L10n("端末", "Devices"), needed, plan.existing_devices + bought, L10n(
            f"既存の利用可能端末{plan.existing_devices}台＋採用シナリオで購入・リース{bought}台（{when.ja}時点）",
            f"{plan.existing_devices} existing usable devices + {bought} bought or leased in the adopted scenario ({when.en})",
        )))  # fmt: skip
    method = catalog.access_method(plan.access_method)
    if method.licence_items:
        per_item = [
            _counted(plan, fy, lambda ln, i=i: ln.item_id == i) for i in method.licence_items
        ]
        held = max(per_item, default=0)
        out.append(CapacityCheck("licences", L10n("リモートアクセスのライセンス", "Remote access licences"), needed, held, L10n(
            f"{method.name.ja}の利用者ライセンス（採用シナリオ、{when.ja}）",
            f"user licences for {method.name.en} (adopted scenario, {when.en})",
        )))  # fmt: skip
    if method.terminal_ids:
        ids = plan.continuity.jlis_terminal_ids
        out.append(CapacityCheck("jlis_terminal_ids", L10n("J-LISの端末ID", "J-LIS terminal IDs"), needed, ids, L10n(
            "J-LISに申請した端末ID数、手順7で入力", "terminal IDs applied for with J-LIS, entered in step 7",
        )))  # fmt: skip
    return out


def shortfall_text(check: CapacityCheck) -> L10n:
    """The warning for a check that falls short."""
    return L10n(
        f"非常時にリモートアクセスが必要な職員{check.needed}人に対し、{check.label.ja}が{check.available}で{check.shortfall}不足します（{check.basis.ja}）。",
        f"{check.needed} staff would need remote access in an emergency, but {check.label.en.lower()} number {check.available}: {check.shortfall} short ({check.basis.en}).",
    )  # fmt: skip


def summary_dict(plan: Plan, catalog: Catalog) -> dict[str, Any]:
    """The form of ``summary --json``: the priority tasks and the capacity."""
    tasks = priority_tasks(plan, catalog)
    return {
        "emergency_staff": plan.continuity.emergency_staff,
        "jlis_terminal_ids": plan.continuity.jlis_terminal_ids,
        "access_method": plan.access_method,
        "priority_tasks": [
            {"unit": p.unit.name, "task": p.task.name, "remote": p.remote,
             "mark": p.assessment.level.mark,
             "why_ja": [w.ja for w in p.why()], "why_en": [w.en for w in p.why()]}
            for p in tasks
        ],
        "remote": sum(p.remote for p in tasks),
        "needs_presence": sum(not p.remote for p in tasks),
        "capacity": [c.as_dict() for c in capacity(plan, catalog)],
    }  # fmt: skip
