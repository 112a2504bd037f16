"""Edits of a plan as small operations, each returning its inverse.

The UI wraps one operation in one QUndoCommand; nothing else changes plan data.
``run`` applies an operation and returns a ``Change``: its inverse and the places
it touched, so views refresh only what changed.
An operation addresses its target by a *path* of field names, row ids and dict
keys from the plan (``("units", "3f2a…", "tasks", "9b1c…")``), never by a live
object nor by a row's position, so undo and redo stay valid while rows are added
and removed, and a change says which row it touched (issue 19: every row has an id).
A value is validated before it is kept, against the catalog the plan is edited with
(``run(plan, catalog)``): an invalid edit raises ValidationError and leaves the plan
exactly as it was.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from . import model as m
from . import unit_rules
from .catalog import Catalog
from .checks import Choices, catalog_choices, check_record
from .declare import MAX_ITEMS
from .errors import ValidationError
from .records import record_of
from .text import L10n

Path = tuple[Any, ...]


def resolve(plan: m.Plan, path: Path) -> Any:
    obj: Any = plan
    try:
        for part in path:
            if isinstance(obj, dict):
                obj = obj[part]
            elif isinstance(obj, list):
                if not isinstance(part, str):
                    raise KeyError(part)  # a row is named by its id, never by its position
                obj = _by_id(obj, part)
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


def where_of(plan: m.Plan, path: Path) -> str:
    """The plan path of a record as messages name it: ``units[2].tasks[0]``."""
    out, obj = "", plan
    for part in path:
        if isinstance(obj, list):
            row = _by_id(obj, part)
            index = next(i for i, r in enumerate(obj) if r is row)
            out, obj = f"{out}[{index}]", obj[index]
        elif isinstance(obj, dict):
            out, obj = f"{out}[{part}]", obj[part]
        else:
            out, obj = (f"{out}.{part}" if out else str(part)), getattr(obj, part)
    return out


def _check_records(plan: m.Plan, paths: list[Path], choices: Choices) -> None:
    """Check every record an operation touched, as a save would (checks.check_record),
    then the plan's own rules, which span records (unique ids, the ¥1 trillion limits)."""
    for path in dict.fromkeys([*paths, ()]):  # each once, in order
        try:
            target = resolve(plan, path)
        except ValidationError:
            continue  # removed by a later operation of the same batch
        where = where_of(plan, path)
        check_record(target, where, choices)
        for holder in _holders(plan, path):  # their rules may read the record edited
            check_record(resolve(plan, holder), where_of(plan, holder), choices)
        if isinstance(target, m.Unit):  # an edit may not make a second unit of one name
            unit_rules.require_unique_name(plan.units, target, f"{where}.name")


def _holders(plan: m.Plan, path: Path) -> list[Path]:
    """The records that keep ``path``'s record in their own row (a recorded rule its source
    text, issue 19): a rule of theirs may span it, as a save checks it."""
    out: list[Path] = []
    while path and isinstance(path[-1], str):
        record = record_of(resolve(plan, path[:-1]))
        if record is None or not record.field(path[-1]).type.inline:
            break
        path = path[:-1]
        out.append(path)
    return out


@dataclass(frozen=True, slots=True)
class Touch:
    """One place an edit changed: a value (``set``), or a row inserted into / removed from a list.

    ``path`` is the changed value's path including its field name for ``set``, and
    the list's path for ``insert`` / ``remove`` (with the row's id, ``row``).
    """

    kind: str  # "set" | "insert" | "remove"
    path: Path
    row: str | None = None

    def mirrored(self) -> Touch:
        """The same place seen from the undo side (an insert undone is a remove)."""
        kind = {"insert": "remove", "remove": "insert"}.get(self.kind, self.kind)
        return Touch(kind, self.path, self.row)


@dataclass(frozen=True, slots=True)
class Change:
    """What applying an operation did: the operation that undoes it, and where it touched."""

    inverse: Operation
    touched: tuple[Touch, ...]


class Operation:
    """An edit. ``apply`` changes the plan, checks every record it touched with the
    same function a save uses, and returns the operation that undoes it; a refused
    edit leaves the plan exactly as it was."""

    label: L10n

    def apply(self, plan: m.Plan, catalog: Catalog) -> Operation:
        inverse, touched = self.mutate(plan)
        try:
            _check_records(plan, touched, catalog_choices(catalog))
        except ValidationError:
            inverse.mutate(plan)
            raise
        return inverse

    def mutate(self, plan: m.Plan) -> tuple[Operation, list[Path]]:
        """Change the plan without checking; return the inverse and the records touched."""
        raise NotImplementedError

    @property
    def touched(self) -> tuple[Touch, ...]:
        """Where this operation changes the plan when applied."""
        raise NotImplementedError

    def run(self, plan: m.Plan, catalog: Catalog) -> Change:
        """Apply; return the inverse and the exact places touched (a clamped index included)."""
        inverse = self.apply(plan, catalog)
        return Change(inverse, tuple(t.mirrored() for t in reversed(inverse.touched)))


@dataclass
class SetValue(Operation):
    path: Path
    field: str
    value: Any
    label: L10n = field(default_factory=lambda: L10n("値の変更", "Change value"))

    def mutate(self, plan: m.Plan) -> tuple[Operation, list[Path]]:
        target = resolve(plan, self.path)
        old = getattr(target, self.field)
        setattr(target, self.field, copy.deepcopy(self.value))
        return SetValue(self.path, self.field, old, self.label), [self.path]

    @property
    def touched(self) -> tuple[Touch, ...]:
        return (Touch("set", (*tuple(self.path), self.field)),)


@dataclass
class InsertRow(Operation):
    """Insert a row (with its id) at a position of a list (clamped to the list)."""

    path: Path  # a list in the plan
    index: int
    row: Any
    label: L10n = field(default_factory=lambda: L10n("行の追加", "Add row"))

    def mutate(self, plan: m.Plan) -> tuple[Operation, list[Path]]:
        rows = resolve(plan, self.path)
        if len(rows) >= MAX_ITEMS:
            raise ValidationError(
                "rows", "これ以上行を追加できません。", "No more rows can be added."
            )
        if any(r.id == self.row.id for r in rows):  # the id would name two rows
            raise ValidationError(
                "id",
                f"ID「{self.row.id}」の行はすでにあります。",
                f"A row with the id '{self.row.id}' is already there.",
            )
        index = min(max(self.index, 0), len(rows))
        rows.insert(index, copy.deepcopy(self.row))
        touched = [(*self.path, self.row.id), self.path[:-1]]
        return RemoveRow(self.path, self.row.id, self.label), touched

    @property
    def touched(self) -> tuple[Touch, ...]:
        return (Touch("insert", tuple(self.path), self.row.id),)


@dataclass
class RemoveRow(Operation):
    """Remove the row of a list that has this id."""

    path: Path
    row_id: str
    label: L10n = field(default_factory=lambda: L10n("行の削除", "Remove row"))

    def mutate(self, plan: m.Plan) -> tuple[Operation, list[Path]]:
        rows = resolve(plan, self.path)
        index = next((i for i, r in enumerate(rows) if r.id == self.row_id), None)
        if index is None:
            raise ValidationError(
                "path", "編集対象が見つかりません。", "The item to edit no longer exists."
            )
        row = rows.pop(index)
        return InsertRow(self.path, index, row, self.label), [self.path[:-1]]

    @property
    def touched(self) -> tuple[Touch, ...]:
        return (Touch("remove", tuple(self.path), self.row_id),)


@dataclass
class Batch(Operation):
    """Several operations as one undo step (e.g. select all tasks of a unit).
    The records are checked once all have run, so a batch may pass through states
    that a single edit could not leave (remove the adopted scenario, adopt another)."""

    operations: Sequence[Operation]
    label: L10n = field(default_factory=lambda: L10n("まとめて変更", "Change"))

    def mutate(self, plan: m.Plan) -> tuple[Operation, list[Path]]:
        done: list[Operation] = []
        touched: list[Path] = []
        try:
            for op in self.operations:
                inverse, paths = op.mutate(plan)
                done.append(inverse)
                touched += paths
        except ValidationError:
            for inverse in reversed(done):
                inverse.mutate(plan)
            raise
        return Batch(list(reversed(done)), self.label), touched

    @property
    def touched(self) -> tuple[Touch, ...]:
        return tuple(t for op in self.operations for t in op.touched)
