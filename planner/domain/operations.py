"""Edits of a plan as small operations, each returning its inverse.

The UI wraps one operation in one QUndoCommand; nothing else changes plan data.
``run`` applies an operation and returns a ``Change``: its inverse and the places
it touched, so views refresh only what changed.
An operation addresses its target by a *path* of field names, ids and dict
keys from the plan (``("units", "3f2a…", "tasks", "9b1c…")``), never by a live
object, so undo and redo stay valid while rows are added and removed.
A value is validated before it is kept: an invalid edit raises ValidationError
and leaves the plan exactly as it was.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import model as m
from . import unit_rules
from . import validation as v
from .errors import ValidationError
from .text import L10n

Path = tuple[Any, ...]


def resolve(plan: m.Plan, path: Path) -> Any:
    obj: Any = plan
    try:
        for part in path:
            if isinstance(obj, dict):
                obj = obj[part]
            elif isinstance(obj, list):
                obj = obj[part] if isinstance(part, int) else _by_id(obj, part)
            else:
                obj = getattr(obj, part)
    except (KeyError, IndexError, AttributeError, TypeError):
        # the row was removed meanwhile (e.g. by an undo): refuse the edit, never crash
        raise ValidationError(
            "path", "編集対象が見つかりません。", "The item to edit no longer exists."
        ) from None
    return obj


def _by_id(rows: list, row_id: str) -> Any:
    for row in rows:
        if getattr(row, "id", None) == row_id:
            return row
    raise ValidationError(
        "id", f"対象の行（ID: {row_id}）が見つかりません。", f"Row {row_id} not found."
    )


def _check_plan_fields(plan: m.Plan) -> None:
    """The plan's own scalar fields (whole-plan validation would be needlessly slow per edit)."""
    v.require_count(
        plan.existing_devices, "existing_devices", "既存の利用可能端末数", "Existing usable devices"
    )
    v.require_count(
        plan.plan_years, "plan_years", "計画期間", "Plan period", maximum=v.MAX_PLAN_YEARS
    )
    if plan.plan_years < 1:
        raise ValidationError(
            "plan_years",
            "計画期間は1年以上にしてください。",
            "The plan period must be at least one year.",
        )
    for name, ja, en in (("leader", "推進責任者", "Leader"), ("meeting_plan", "会議の計画", "Meeting plan"),
                         ("existing_rules", "既存の規程", "Existing rules"), ("current_notes", "メモ", "Notes")):  # fmt: skip
        v.require_text(getattr(plan, name), name, ja, en, required=False)
    v.require_choice(
        plan.device_policy, "device_policy", m.DEVICE_POLICIES, "端末の方針", "Device policy"
    )
    v.validate_costs(plan)


def _check_line(line: m.CostLine) -> None:
    v.validate_cost_line(line, "line")


def _check_unit(unit: m.Unit) -> None:
    v.validate_unit(unit, "unit")


_CHECKS: dict[type, Callable[[Any], None]] = {
    m.Municipality: v.validate_municipality,
    m.Unit: _check_unit,
    m.Task: lambda t: v.validate_task(t, "task"),
    m.WorkForm: lambda f: v.validate_form(f, "form"),
    m.CostLine: _check_line,
    m.Member: lambda x: v.require_text(
        x.name, "member.name", "メンバー名", "Member name", required=True
    ),
    m.Kpi: lambda k: v.require_text(k.name, "kpi.name", "指標名", "KPI name", required=True),
    m.RuleItem: lambda r: v.require_text(r.name, "rule.name", "規程名", "Rule name", required=True),
    m.SecurityItem: lambda s: v.require_text(
        s.text, "security.text", "対策", "Measure", required=True
    ),
    m.TrainingEvent: lambda e: v.require_text(
        e.name, "training.name", "研修名", "Event name", required=True
    ),
    m.Phase: lambda p: v.require_date_order(p.start, p.end, "phase.end"),
    m.StepRecord: lambda s: v.require_date_order(s.start, s.end, "step.end"),
    m.Scenario: lambda s: v.require_text(
        s.name, "scenario.name", "シナリオ名", "Scenario name", required=True
    ),
    m.Plan: _check_plan_fields,
}


def _check(obj: Any, parent: Any = None) -> None:
    check = _CHECKS.get(type(obj))
    if check:
        check(obj)
    if isinstance(obj, m.Task | m.WorkForm) and isinstance(parent, m.Unit):
        _check_unit(parent)
    if isinstance(obj, m.Unit) and isinstance(parent, m.Plan):  # a rename
        unit_rules.require_unique_name(parent.units, obj)


@dataclass(frozen=True, slots=True)
class Touch:
    """One place an edit changed: a value (``set``), or a row inserted into / removed from a list.

    ``path`` is the changed value's path including its field name for ``set``, and
    the list's path for ``insert`` / ``remove`` (with the row's ``index``).
    """

    kind: str  # "set" | "insert" | "remove"
    path: Path
    index: int | None = None

    def mirrored(self) -> Touch:
        """The same place seen from the undo side (an insert undone is a remove)."""
        kind = {"insert": "remove", "remove": "insert"}.get(self.kind, self.kind)
        return Touch(kind, self.path, self.index)


@dataclass(frozen=True, slots=True)
class Change:
    """What applying an operation did: the operation that undoes it, and where it touched."""

    inverse: Operation
    touched: tuple[Touch, ...]


class Operation:
    label: L10n

    def apply(self, plan: m.Plan) -> Operation:
        """Change the plan; return the operation that undoes the change."""
        raise NotImplementedError

    @property
    def touched(self) -> tuple[Touch, ...]:
        """Where this operation changes the plan when applied."""
        raise NotImplementedError

    def run(self, plan: m.Plan) -> Change:
        """Apply; return the inverse and the exact places touched (a clamped index included)."""
        inverse = self.apply(plan)
        return Change(inverse, tuple(t.mirrored() for t in reversed(inverse.touched)))


@dataclass
class SetValue(Operation):
    path: Path
    field: str
    value: Any
    label: L10n = field(default_factory=lambda: L10n("値の変更", "Change value"))

    def apply(self, plan: m.Plan) -> Operation:
        target = resolve(plan, self.path)
        old = getattr(target, self.field)
        setattr(target, self.field, copy.deepcopy(self.value))
        try:
            _check(target, resolve(plan, self.path[:-2]) if len(self.path) >= 2 else None)
        except ValidationError:
            setattr(target, self.field, old)
            raise
        return SetValue(self.path, self.field, old, self.label)

    @property
    def touched(self) -> tuple[Touch, ...]:
        return (Touch("set", (*tuple(self.path), self.field)),)


@dataclass
class InsertRow(Operation):
    path: Path  # a list in the plan
    index: int
    row: Any
    label: L10n = field(default_factory=lambda: L10n("行の追加", "Add row"))

    def apply(self, plan: m.Plan) -> Operation:
        rows = resolve(plan, self.path)
        if len(rows) >= v.MAX_ITEMS:
            raise ValidationError(
                "rows", "これ以上行を追加できません。", "No more rows can be added."
            )
        row = copy.deepcopy(self.row)
        _check(row)
        if isinstance(row, m.Unit) and tuple(self.path) == ("units",):
            unit_rules.require_unique_name(rows, row)
        index = min(max(self.index, 0), len(rows))
        rows.insert(index, row)
        return RemoveRow(self.path, index, self.label)

    @property
    def touched(self) -> tuple[Touch, ...]:
        return (Touch("insert", tuple(self.path), self.index),)


@dataclass
class RemoveRow(Operation):
    path: Path
    index: int
    label: L10n = field(default_factory=lambda: L10n("行の削除", "Remove row"))

    def apply(self, plan: m.Plan) -> Operation:
        rows = resolve(plan, self.path)
        row = rows.pop(self.index)
        return InsertRow(self.path, self.index, row, self.label)

    @property
    def touched(self) -> tuple[Touch, ...]:
        return (Touch("remove", tuple(self.path), self.index),)


@dataclass
class Batch(Operation):
    """Several operations as one undo step (e.g. select all tasks of a unit)."""

    operations: Sequence[Operation]
    label: L10n = field(default_factory=lambda: L10n("まとめて変更", "Change"))

    def apply(self, plan: m.Plan) -> Operation:
        done: list[Operation] = []
        try:
            for op in self.operations:
                done.append(op.apply(plan))
        except ValidationError:
            for inverse in reversed(done):
                inverse.apply(plan)
            raise
        return Batch(list(reversed(done)), self.label)

    @property
    def touched(self) -> tuple[Touch, ...]:
        return tuple(t for op in self.operations for t in op.touched)
