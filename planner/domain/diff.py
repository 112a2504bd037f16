"""What changed between two versions of a plan (issue 24 §2): fields changed, old → new, by
step, and rows added or removed.

The comparison walks the plan's one declaration (``records.py``), not a list of its own:
every field of every record, so a field or a list declared tomorrow is compared without a
change here. Each value is compared by its kind (``Field.equal``: 0.9 and 0.90 are one
number, None is not False) and shown by its kind with the catalog's words
(``diff_words.show``); a change is labelled with the field's declared label and put in the
step the field belongs to (``diff_words``).

Rows are matched by their ids (every row has one since issue 19). Where two plans come from
different files, a row may have another id in each: the rows left over are then matched by
their name, when that name is unique among the rows left on both sides, and the match is
stated (``Match``). Entries of a dict by key (the steps, a step's checklist) are matched by
key; an entry missing on one side is compared with an empty one (an unticked item).
The order of rows in a list is not a change.

    d = diff_plans(old, new, catalog)     # -> PlanDiff; d.changes, d.matches
    d.is_empty                            # diff_plans(p, p) is empty

What the changes do to suitability and to the fiscal years' figures: ``diff_effects.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .catalog import Catalog
from .declare import Field
from .diff_words import (
    BASICS,
    json_value,
    keyed_name,
    name_field,
    row_name,
    shown,
    step_of_plan_field,
    step_of_row_field,
)
from .model import Plan
from .records import PLAN, Record
from .text import L10n

ADDED, REMOVED, CHANGED = "added", "removed", "changed"


@dataclass(frozen=True, slots=True)
class Change:
    """One difference. ``path`` names it in the plan as an operation does (field names, row
    ids of the new plan, dict keys): for a changed value, the field's path; for a row added
    or removed, the list's path and the row's id."""

    kind: str  # CHANGED | ADDED | REMOVED
    step: int  # 0: the plan's basics; 1–10: the steps
    path: tuple[Any, ...]
    where: tuple[L10n, ...]  # the rows and records it is in, by name ("総務課", "業務の性質")
    label: L10n  # the field's declared label; for a row, its list's label
    old: L10n | None = None  # shown by its kind (None: a row added)
    new: L10n | None = None
    old_value: Any = None  # as the plan's JSON keeps it
    new_value: Any = None
    kind_of_value: str = ""  # the field's kind ("money", "choice", ...); "row" for a row

    def where_text(self, lang: str = "ja") -> str:
        return " › ".join(w.get(lang) for w in self.where)


@dataclass(frozen=True, slots=True)
class Match:
    """Two rows with different ids taken for the same row because they have the same name."""

    list_label: L10n
    where: tuple[L10n, ...]
    name: str
    old_id: str
    new_id: str

    def text(self, lang: str = "ja") -> str:
        place = " › ".join(w.get(lang) for w in self.where)
        place = f"{place} › " if place else ""
        if lang == "en":
            return (f"{self.list_label.en} '{place}{self.name}': matched by name "
                    f"(id {self.old_id} → {self.new_id})")  # fmt: skip
        return f"{self.list_label.ja}「{place}{self.name}」: 名前で対応づけ（ID {self.old_id} → {self.new_id}）"


@dataclass(frozen=True, slots=True)
class RowPair:
    """Two rows taken for the same row (by id or by name), for what follows from them."""

    record: Record
    old: Any
    new: Any
    where: tuple[L10n, ...]  # the rows that hold it, by name
    name: str


@dataclass(frozen=True)
class PlanDiff:
    changes: tuple[Change, ...]
    matches: tuple[Match, ...] = ()
    pairs: tuple[RowPair, ...] = field(default=(), repr=False, compare=False)

    @property
    def is_empty(self) -> bool:
        return not self.changes

    def by_step(self) -> list[tuple[int, list[Change]]]:
        """The changes grouped by step, in step order (each group in the plan's order)."""
        steps: dict[int, list[Change]] = {}
        for c in self.changes:
            steps.setdefault(c.step, []).append(c)
        return sorted(steps.items())

    def counts(self) -> dict[str, int]:
        out = {CHANGED: 0, ADDED: 0, REMOVED: 0}
        for c in self.changes:
            out[c.kind] += 1
        return out


def diff_plans(old: Plan, new: Plan, catalog: Catalog | None = None) -> PlanDiff:
    """Every difference between two plans, in the order of the plan's declaration."""
    walk = _Walk(catalog, _row_names(PLAN, old, {}), _row_names(PLAN, new, {}))
    walk.record(PLAN, old, new, (), (), BASICS)
    return PlanDiff(tuple(walk.changes), tuple(walk.matches), tuple(walk.pairs))


def _row_names(record: Record, obj: Any, out: dict[str, str]) -> dict[str, str]:
    """Every row's name by its id (an id field that refers to a row shows the row's name)."""
    for f in record.fields:
        if f.type.inline:
            _row_names(f.record, getattr(obj, f.name), out)
        elif f.type.table:
            value = getattr(obj, f.name)
            for row in value.values() if f.kind == "keyed" else value:
                if f.kind != "keyed":
                    out.setdefault(row.id, row_name(f.record, row))
                _row_names(f.record, row, out)
    return out


class _Walk:
    def __init__(self, catalog: Catalog | None, old_names: dict, new_names: dict) -> None:
        self.catalog = catalog
        self.names = (old_names, new_names)
        self.changes: list[Change] = []
        self.matches: list[Match] = []
        self.pairs: list[RowPair] = []

    def record(self, record: Record, a: Any, b: Any, path: tuple, where: tuple, step: int) -> None:
        for f in record.fields:
            if f.kind == "id" and f.name == "id":
                continue  # a row's id names it; rows are matched by it
            here = (
                step_of_plan_field(f.name)
                if record is PLAN
                else step_of_row_field(record, f.name, step)
            )
            x, y = getattr(a, f.name), getattr(b, f.name)
            if f.type.inline:
                self.record(f.record, x, y, (*path, f.name), (*where, f.label), here)
            elif f.kind == "keyed":
                self.keyed(f, x, y, (*path, f.name), where, here)
            elif f.type.table:
                self.rows(f, x, y, (*path, f.name), where, here)
            elif not f.equal(x, y):
                self.changes.append(Change(
                    CHANGED, here, (*path, f.name), where, f.label,
                    self.shown(f, x, 0), self.shown(f, y, 1),
                    json_value(f, x), json_value(f, y), f.kind,
                ))  # fmt: skip

    def shown(self, f: Field, value: Any, side: int) -> L10n:
        """A value by its kind; an id that refers to a row (the adopted scenario) by its name."""
        name = self.names[side].get(value) if f.kind == "id" and isinstance(value, str) else None
        return L10n(name, name) if name else shown(f, value, self.catalog)

    def rows(self, f: Field, olds: list, news: list, path: tuple, where: tuple, step: int) -> None:
        record: Record = f.record
        old_by_id = {r.id: r for r in olds}
        new_ids = {r.id for r in news}
        paired = {r.id: old_by_id[r.id] for r in news if r.id in old_by_id}
        left_old = [r for r in olds if r.id not in new_ids]
        left_new = [r for r in news if r.id not in old_by_id]
        for n, o in self._by_name(record, left_old, left_new):
            paired[n.id] = o
            self.matches.append(Match(f.label, where, row_name(record, n), o.id, n.id))
        taken = {id(o) for o in paired.values()}
        for r in news:
            name = row_name(record, r)
            if r.id in paired:
                o = paired[r.id]
                inner = (*where, L10n(name, name))
                self.pairs.append(RowPair(record, o, r, where, name))
                self.record(record, o, r, (*path, r.id), inner, step)
            else:
                self.changes.append(Change(ADDED, step, (*path, r.id), where, f.label, None,
                                           L10n(name, name), None, name, "row"))  # fmt: skip
        for r in olds:
            if id(r) not in taken:
                name = row_name(record, r)
                self.changes.append(Change(REMOVED, step, (*path, r.id), where, f.label,
                                           L10n(name, name), None, name, None, "row"))  # fmt: skip

    @staticmethod
    def _by_name(record: Record, olds: list, news: list) -> list[tuple[Any, Any]]:
        """Rows left over on both sides with the same name, unique on each side."""
        if not olds or not news or name_field(record) is None:
            return []

        def unique(rows: list) -> dict[str, Any]:
            seen: dict[str, list] = {}
            for r in rows:
                seen.setdefault(row_name(record, r), []).append(r)
            return {k: v[0] for k, v in seen.items() if len(v) == 1}

        old_names = unique(olds)
        return [(r, old_names[k]) for k, r in unique(news).items() if k in old_names]

    def keyed(self, f: Field, olds: dict, news: dict, path: tuple, where: tuple, step: int) -> None:
        record: Record = f.record
        for key in [*news, *(k for k in olds if k not in news)]:
            here = key if f.name == "steps" and isinstance(key, int) else step
            o, n = olds.get(key), news.get(key)
            name = keyed_name(f, key, self.catalog, here)
            if o is None or n is None:
                try:
                    empty = record.cls()
                except TypeError:  # a record with required values: whole entries come and go
                    kind, text = (ADDED, None) if o is None else (REMOVED, name)
                    self.changes.append(Change(kind, here, (*path, key), where, f.label, text,
                                               name if o is None else None, None, None, "row"))  # fmt: skip
                    continue
                o, n = (empty, n) if o is None else (o, empty)
            inner = where if f.name == "steps" else (*where, name)  # its group says the step
            self.record(record, o, n, (*path, key), inner, here)
