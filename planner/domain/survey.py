"""The task survey's replies matched to the plan, and what they would change (issue 20).

Pure: the edge reads a reply workbook into ``ReplySheet`` values (every cell as the
text it holds, with the sheet's origin from its hidden sheet); here each sheet is
matched to a unit of the plan, every cell is cleaned and checked (``survey_values``),
and the changes are computed per unit — tasks added, changed (old → new) and removed,
each with its new suitability mark — as a ``Preview``. ``Preview.operation`` is the one
undoable step that applies them (a ``Batch``).

Matching. A sheet names the plan it was made from (``plan_identity``: the
municipality's name and the plan's first fiscal year — the plan has no id of its own),
the unit (its row id) and the ids of the tasks it was sent with. A row is the task of
its hidden id; a row without one (typed by hand) is the unit's task of the same name,
if any, else a new task — so importing a reply twice adds nothing twice. A task that
was sent and has no row any more is removed; a task added to the plan after the export
is left alone. A reply whose plan is another, or whose unit is not in the plan (it is
then matched by the unit's name), is held back unless the user accepts it.

A cell that holds something else is reported with its place and the allowed words,
and its row is left as the plan has it (a new row is not added); the rest still counts.
A blank cell keeps the plan's value (a new task: the usual default).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field

from .catalog import Catalog
from .checks import catalog_choices, check_record
from .errors import ValidationError
from .model import Plan, Task, TaskFactors, Unit
from .operations import Batch, InsertRow, Operation, RemoveRow, SetValue
from .suitability import assess_in_plan
from .survey_values import (
    Column,
    Message,
    Place,
    clean_int,
    clean_text,
    key,
    match_choice,
    not_a_choice,
    not_a_count,
    task_columns,
    unit_columns,
    word_list,
)
from .text import L10n, shown
from .unit_rules import unit_named
from .words import Words


def plan_identity(plan: Plan) -> str:
    """What names a plan in a survey sheet: 「さくら町／2025」 (municipality, first fiscal
    year). Stable while the plan is edited; a copy saved under another name keeps it."""
    return f"{plan.municipality.name}／{plan.municipality.fiscal_year}"


@dataclass(frozen=True, slots=True)
class Origin:
    """What a sheet's hidden sheet says it was made from."""

    plan: str  # plan_identity at the export
    unit_id: str
    unit_name: str
    exported_at: str = ""  # ISO date and time
    lang: str = "ja"  # the language of its words
    sent: tuple[str, ...] = ()  # the ids of the tasks it was sent with


@dataclass(frozen=True, slots=True)
class ReplyRow:
    row: int  # the sheet's row number
    task_id: str  # the hidden id ("" on a row typed by hand)
    cells: dict[str, str | None]  # by the column's field ("factors.paper")


@dataclass(frozen=True, slots=True)
class ReplySheet:
    """One unit's sheet of a reply, as the edge read it."""

    file: str
    sheet: str
    origin: Origin
    letters: dict[str, str]  # the column letter of each field ("factors.paper": "F")
    unit_cells: dict[str, tuple[int, str | None]] = field(default_factory=dict)  # row, text
    rows: tuple[ReplyRow, ...] = ()
    problems: tuple[Message, ...] = ()  # the edge's (a missing column)


@dataclass(frozen=True, slots=True)
class FieldChange:
    label: L10n
    old: L10n
    new: L10n


@dataclass(frozen=True, slots=True)
class TaskChange:
    """A task added, changed or removed; ``task`` as it will be (as it was, when removed)."""

    task: Task
    mark: L10n  # its new suitability mark, 「◎ 適」
    old_mark: L10n | None = None
    changes: tuple[FieldChange, ...] = ()
    before: Task | None = None  # the plan's task a changed one replaces


@dataclass
class UnitReply:
    """What one sheet would change in its unit, and what could not be taken."""

    file: str
    sheet: str
    unit_name: str
    unit_id: str | None  # None: no unit of the plan to apply it to
    added: list[TaskChange] = field(default_factory=list)
    changed: list[TaskChange] = field(default_factory=list)
    removed: list[TaskChange] = field(default_factory=list)
    unit_changes: dict[str, tuple[FieldChange, int]] = field(default_factory=dict)
    messages: list[Message] = field(default_factory=list)
    mismatch: L10n | None = None  # another plan or unit: applied only if the user accepts
    refused: L10n | None = None  # cannot be applied at all

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.unit_changes)

    def applies(self, accept_mismatch: bool) -> bool:
        return self.refused is None and (self.mismatch is None or accept_mismatch)

    def operations(self) -> list[Operation]:
        assert self.unit_id is not None
        tasks = ("units", self.unit_id, "tasks")
        ops: list[Operation] = [RemoveRow(tasks, c.task.id) for c in self.removed]
        for c in self.changed:
            assert c.before is not None
            for name in ("name", "note", "factors"):
                if getattr(c.task, name) != getattr(c.before, name):
                    ops.append(SetValue((*tasks, c.task.id), name, getattr(c.task, name)))
        ops += [InsertRow(tasks, 10**9, c.task) for c in self.added]  # at the end, in order
        ops += [SetValue(("units", self.unit_id), name, value)
                for name, (_c, value) in self.unit_changes.items()]  # fmt: skip
        return ops


@dataclass
class Preview:
    units: list[UnitReply]
    failures: list[Message]  # files that could not be read at all

    @property
    def mismatched(self) -> list[UnitReply]:
        return [u for u in self.units if u.refused is None and u.mismatch is not None]

    def operation(self, *, accept_mismatch: bool = False) -> Batch | None:
        """The one undoable step that applies every reply that may be applied; None if
        nothing would change."""
        chosen = [u for u in self.units if u.applies(accept_mismatch) and u.has_changes]
        ops = [op for u in chosen for op in u.operations()]
        if not ops:
            return None
        names = "、".join(u.unit_name for u in chosen)
        return Batch(ops, L10n(f"調査票の回答の取り込み（{shown(names, 40)}）",
                               f"Import survey replies ({shown(names, 40)})"))  # fmt: skip


def preview(
    plan: Plan, catalog: Catalog, sheets: Sequence[ReplySheet], failures: Sequence[Message] = ()
) -> Preview:
    """What the replies would change in the plan, unit by unit (the plan is not changed)."""
    identity = key(plan_identity(plan))
    units: list[UnitReply] = []
    seen: dict[str, str] = {}  # unit id -> the file its reply came from
    for sheet in sheets:
        reply = _unit_reply(plan, catalog, sheet, identity)
        if reply.unit_id is not None and reply.refused is None:
            if reply.unit_id in seen:
                other = shown(seen[reply.unit_id], 60)
                reply.refused = L10n(
                    f"この課の回答は「{other}」でも読み込んでいます。1つの課には1つの回答だけ取り込めます。",
                    f"This unit's reply is also in '{other}'. One reply per unit can be imported.",
                )
            else:
                seen[reply.unit_id] = sheet.file
        units.append(reply)
    return Preview(units, list(failures))


def _target(plan: Plan, sheet: ReplySheet, identity: str) -> tuple[Unit | None, UnitReply]:
    origin = sheet.origin
    unit = next((u for u in plan.units if u.id == origin.unit_id), None)
    reply = UnitReply(
        sheet.file, sheet.sheet, origin.unit_name, None, messages=list(sheet.problems)
    )
    why: list[L10n] = []
    if key(origin.plan) != identity:
        other = shown(origin.plan, 60)
        why.append(L10n(f"別の計画（{other}）の調査票です。", f"It was made from another plan ({other})."))  # fmt: skip
    if unit is None:
        unit = unit_named(plan.units, origin.unit_name)
        if unit is None:
            name = shown(origin.unit_name, 40)
            reply.refused = L10n(f"この計画には課「{name}」がありません。",
                                 f"This plan has no unit '{name}'.")  # fmt: skip
            return None, reply
        why.append(L10n(f"この計画の課「{shown(unit.name, 40)}」に宛てた調査票ではありません（同じ名前の別の課）。",
                        f"It was not made for this plan's unit '{shown(unit.name, 40)}' (another unit of that name)."))  # fmt: skip
    if why:
        reply.mismatch = L10n("".join(w.ja for w in why), " ".join(w.en for w in why))
    reply.unit_id, reply.unit_name = unit.id, unit.name
    return unit, reply


def _unit_reply(plan: Plan, catalog: Catalog, sheet: ReplySheet, identity: str) -> UnitReply:
    unit, reply = _target(plan, sheet, identity)
    if unit is None:
        return reply
    _unit_numbers(unit, sheet, reply)
    _tasks(plan, catalog, unit, sheet, reply)
    return reply


def _place(sheet: ReplySheet, row: int | None, column: Column | None = None) -> Place:
    if column is None:
        return Place(sheet.file, sheet.sheet, row)
    return Place(sheet.file, sheet.sheet, row, sheet.letters.get(column.field, ""), column.label)


def _unit_numbers(unit: Unit, sheet: ReplySheet, reply: UnitReply) -> None:
    values: dict[str, int] = {}
    places: dict[str, Place] = {}
    for column in unit_columns():
        row, raw = sheet.unit_cells.get(column.field, (None, None))
        text = clean_text(raw)
        if not text:
            continue
        places[column.field] = _place(sheet, row, column)
        number = clean_int(text)
        if number is None:
            reply.messages.append(Message(places[column.field], not_a_count(text)))
        else:
            values[column.field] = number
    if not values:
        return
    trial = dataclasses.replace(unit, tasks=[], **values)
    try:
        check_record(trial, "", {})
    except ValidationError as e:
        place = places.get(e.field.rsplit(".", 1)[-1]) or next(iter(places.values()))
        reply.messages.append(Message(place, e.message))
        return
    for column in unit_columns():
        old = getattr(unit, column.field)
        new = values.get(column.field, old)
        if new != old:
            change = FieldChange(column.label, L10n(str(old), str(old)), L10n(str(new), str(new)))
            reply.unit_changes[column.field] = (change, new)


def _tasks(plan: Plan, catalog: Catalog, unit: Unit, sheet: ReplySheet, reply: UnitReply) -> None:
    columns = task_columns()
    lang = sheet.origin.lang
    by_id = {t.id: t for t in unit.tasks}
    matched: dict[int, Task] = {}  # a row's number -> the plan's task it is
    first_row: dict[str, int] = {}
    for r in sheet.rows:  # by id first: a task typed again by hand must not take its row
        task = by_id.get(r.task_id)
        if task is not None and task.id not in first_row and _filled(r):
            matched[r.row], first_row[task.id] = task, r.row
    taken = set(first_row)
    for r in sheet.rows:
        if r.row in matched or not _filled(r):
            continue
        if r.task_id and r.task_id in first_row:
            reply.messages.append(Message(_place(sheet, r.row), L10n(
                f"{first_row[r.task_id]}行目と同じ業務の行です。別の業務として扱います。",
                f"A copy of row {first_row[r.task_id]}: taken as another task.")))  # fmt: skip
        name = clean_text(r.cells.get("name"))
        same = next((t for t in unit.tasks if t.id not in taken and key(t.name) == key(name)), None)
        if name and same is not None:
            matched[r.row] = same
            taken.add(same.id)
    choices = catalog_choices(catalog)
    for r in sheet.rows:
        if _filled(r):
            _row(plan, catalog, sheet, r, matched.get(r.row), columns, lang, choices, reply)
    for task in unit.tasks:
        if task.id in sheet.origin.sent and task.id not in taken:
            mark = _mark(plan, catalog, task)
            reply.removed.append(TaskChange(task, mark))


def _filled(r: ReplyRow) -> bool:
    """A row with anything written in it (a row cleared of its values counts as deleted)."""
    return any(clean_text(v) for v in r.cells.values())


def _row(plan: Plan, catalog: Catalog, sheet: ReplySheet, r: ReplyRow, old: Task | None,
         columns: tuple[Column, ...], lang: str, choices, reply: UnitReply) -> None:  # fmt: skip
    words = catalog.words
    bad = False
    factors: dict[str, object] = {}
    name, note = clean_text(r.cells.get("name")), clean_text(r.cells.get("note"))
    if not name:
        reply.messages.append(Message(_place(sheet, r.row, columns[0]), L10n(
            "業務名がありません。この行は取り込みません。", "No task name: this row is not imported.")))  # fmt: skip
        bad = True
    for column in columns:
        if not column.field.startswith("factors."):
            continue
        text = clean_text(r.cells.get(column.field))
        if not text:
            continue
        code = match_choice(text, column, words)
        if code is None:
            allowed = word_list(words, column, lang)
            reply.messages.append(
                Message(_place(sheet, r.row, column), not_a_choice(text, allowed, lang))
            )
            bad = True
        else:
            factors[column.field.split(".", 1)[1]] = (
                (code == "yes") if column.kind == "bool" else code
            )
    if bad:
        return
    if old is None:
        task = Task(name=name, note=note, factors=TaskFactors(**factors))  # type: ignore[arg-type]
    else:
        new_factors = dataclasses.replace(old.factors, **factors)  # type: ignore[arg-type]
        task = dataclasses.replace(old, name=name, note=note, factors=new_factors)
    try:
        check_record(task, "", choices)
    except ValidationError as e:
        column = next((c for c in columns if e.field.endswith(c.field)), None)
        reply.messages.append(Message(_place(sheet, r.row, column), e.message))
        return
    mark = _mark(plan, catalog, task)
    if old is None:
        reply.added.append(TaskChange(task, mark))
        return
    changes = _changes(old, task, columns, words)
    if changes:
        reply.changed.append(TaskChange(task, mark, _mark(plan, catalog, old), changes, old))


def _changes(
    old: Task, new: Task, columns: tuple[Column, ...], words: Words
) -> tuple[FieldChange, ...]:
    out = []
    for column in columns:
        a, b = _value(old, column.field), _value(new, column.field)
        if a != b:
            out.append(
                FieldChange(column.label, _shown(column, a, words), _shown(column, b, words))
            )
    return tuple(out)


def _value(task: Task, dotted: str) -> object:
    obj: object = task
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


def _shown(column: Column, value: object, words: Words) -> L10n:
    if column.kind == "bool":
        found = words.word(column.words, "yes" if value else "no")
    elif column.kind == "choice":
        found = words.word(column.words, str(value)) if value else L10n("（空欄）", "(blank)")
    else:
        text = shown(value, 40) if value else ""
        found = L10n(text or "（空欄）", text or "(blank)")
    return found or L10n(str(value), str(value))


def _mark(plan: Plan, catalog: Catalog, task: Task) -> L10n:
    level = assess_in_plan(plan, task, catalog).level
    word = catalog.words.word("suitability", level.key) or L10n(level.key, level.key)
    return L10n(f"{level.mark} {word.ja}", f"{level.mark} {word.en}")
