"""Plan ⇄ table rows, with strict types when reading rows from a file.

A row read from a file is checked against the column's declared type before
any value reaches the domain: SQLite stores whatever it is given, so a text in
an INTEGER column or 2 in a BOOLEAN column is refused here, naming table,
row and column. Only the columns this program declares are ever read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Any

from ..domain import model as m
from ..domain.records import PLAN, Field, Record
from .columns import PLACES, TABLE_SPECS, Place, TableSpec, scalar_columns
from .errors import ProjectFileError, shown
from .values import parse_date

STRING_LISTS = tuple(f for f in PLAN.fields if f.type.list_items)
# each table's child tables (a unit's tasks, a step's checklist), looked up once
_CHILDREN: dict[int, tuple[Place, ...]] = {
    id(p): tuple(c for c in PLACES if c.parent is p) for p in PLACES
}
Rows = dict[str, list[dict[str, Any]]]


# -- writing ------------------------------------------------------------------------------


Getter = tuple[str, Callable[[Any], Any], Callable[[Any], Any] | None]
_GETTERS: dict[int, tuple[Getter, ...]] = {}


def _getters(record: Record) -> tuple[Getter, ...]:
    """(column, getter, the kind's conversion to the column or None) for each column of
    a record's row, nested ones too."""
    found = _GETTERS.get(id(record))
    if found is None:
        found = _GETTERS[id(record)] = tuple(
            (c.column, attrgetter(".".join(f.name for f in c.path)), _to_cell(c.path[-1]))
            for c in scalar_columns(record)
        )
    return found


def _to_cell(f: Field) -> Callable[[Any], Any] | None:
    return f.type.to_cell if f.type.converts_cell else None  # most columns hold the value


def _row_values(record: Record, obj: Any) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for column, get, convert in _getters(record):
        value = get(obj)
        row[column] = value if convert is None else convert(value)
    return row


def plan_to_rows(plan: m.Plan, info: dict[str, str]) -> Rows:
    rows: Rows = {tb.name: [] for tb in TABLE_SPECS}
    rows["file_info"] = [{"key": k, "value": v} for k, v in info.items()]
    root = PLACES[0]
    rows["plan"] = [{"pk": 1, **_row_values(PLAN, plan)}]
    rows["plan_list_item"] = [
        {"pk": i, "list_name": name, "value": v}
        for i, (name, v) in enumerate(
            ((f.name, v) for f in STRING_LISTS for v in getattr(plan, f.name)), start=1
        )
    ]
    _write_children(root, plan, None, rows)
    return rows


def _write_children(parent: Place, obj: Any, parent_key: Any, rows: Rows) -> None:
    for place in _CHILDREN[id(parent)]:
        owner: Field = place.owner  # type: ignore[assignment]
        table = rows[place.spec.name]
        for key, child in owner.type.entries(getattr(obj, owner.name)):
            row: dict[str, Any] = {}
            if place.spec.primary_key == "pk":
                row["pk"] = len(table) + 1
            if place.parent_column:
                row[place.parent_column] = parent_key
            if place.key_column:
                row[place.key_column] = key
            row.update(_row_values(place.record, child))
            table.append(row)
            _write_children(place, child, row[place.spec.primary_key], rows)


# -- reading ------------------------------------------------------------------------------


def _bad(table: str, row: int, column: str, ja: str, en: str) -> ProjectFileError:
    return ProjectFileError(
        "invalid",
        f"ファイルの内容が不正です（表「{table}」の{row}行目、列「{column}」: {ja}）。",
        f"The file's content is invalid (table '{table}', row {row}, column '{column}': {en}).",
    )


_PROBLEMS = {
    "bool": ("真偽値ではありません", "not a boolean"),
    "int": ("整数ではありません", "not an integer"),
    "date": ("日付ではありません", "not a date"),
    "str": ("文字列ではありません", "not text"),
}


def convert_rows(table: TableSpec, raw: Iterable[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """Rows as dicts, each value checked against its column's declared type."""
    names = table.column_names
    kinds = [(c.kind, c.nullable) for c in table.columns]
    out = []
    for i, values in enumerate(raw, start=1):
        row: dict[str, Any] = {}
        for name, (kind, nullable), v in zip(names, kinds, values, strict=True):
            t = type(v)
            if v is None:
                if not nullable:
                    raise _bad(table.name, i, name, "値がありません", "missing value")
            elif kind == "str":
                if t is not str:
                    raise _bad(table.name, i, name, *_PROBLEMS[kind])
            elif kind == "int":
                if t is not int:
                    raise _bad(table.name, i, name, *_PROBLEMS[kind])
            elif kind == "bool":
                if t is not int or v not in (0, 1):
                    raise _bad(table.name, i, name, *_PROBLEMS[kind])
                v = v == 1
            else:
                v = parse_date(v) if t is str else None
                if v is None:
                    raise _bad(table.name, i, name, *_PROBLEMS[kind])
            row[name] = v
        out.append(row)
    return out


def _from_cell(f: Field, value: Any, where: tuple[str, int], column: str) -> Any:
    try:
        return f.type.from_cell(value)
    except ValueError:
        raise _bad(
            where[0], where[1], column, f"数値ではありません（{shown(value, 20)}）", "not a number"
        ) from None


Reader = tuple[str, Any, Field | None]
_READERS: dict[tuple[int, str], tuple[Reader, ...]] = {}


def _readers(record: Record, prefix: str = "") -> tuple[Reader, ...]:
    """(field name, its column or the nested record's readers, the field where its kind
    converts the cell) of a record."""
    found = _READERS.get((id(record), prefix))
    if found is None:
        out: list[Reader] = []
        for f in record.fields:
            if f.type.inline:
                out.append((f.name, (f.record, _readers(f.record, prefix + f.prefix)), None))
            elif f.is_scalar:
                out.append((f.name, prefix + f.column_name, f if f.type.converts_cell else None))
        found = _READERS[(id(record), prefix)] = tuple(out)
    return found


def _record_values(record: Record, row: dict[str, Any], where: tuple[str, int]) -> dict[str, Any]:
    """The record's field values from its row, nested records built (a task's factors)."""
    return _values(_readers(record), row, where)


def _values(
    readers: tuple[Reader, ...], row: dict[str, Any], where: tuple[str, int]
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, source, converts in readers:
        if type(source) is str:
            value = row[source]
            if converts is not None:
                value = _from_cell(converts, value, where, source)
            values[name] = value
        else:
            sub, sub_readers = source
            values[name] = sub.build(_values(sub_readers, row, where))
    return values


def rows_to_plan(rows: Rows) -> m.Plan:
    """Build the plan from rows already converted by ``convert_rows``."""
    if len(rows["plan"]) != 1:
        raise ProjectFileError(
            "invalid",
            f"ファイルの内容が不正です（計画の行が{len(rows['plan'])}行あります。1行のはずです）。",
            f"The file's content is invalid (it has {len(rows['plan'])} plan rows, not one).",
        )
    root = PLACES[0]
    values = _record_values(PLAN, rows["plan"][0], ("plan", 1))
    lists: dict[str, list[str]] = {f.name: [] for f in STRING_LISTS}
    for i, r in enumerate(rows["plan_list_item"], start=1):
        if r["list_name"] not in lists:
            raise _bad("plan_list_item", i, "list_name", "不明な一覧名", "unknown list name")
        lists[r["list_name"]].append(r["value"])
    values.update(lists)
    children = _read_children(rows)
    for place in _CHILDREN[id(root)]:
        values[place.owner.name] = children[place.spec.name].get(None, _empty(place))  # type: ignore[union-attr]
    return PLAN.build(values)


def _empty(place: Place) -> Any:
    return place.owner.type.empty()  # type: ignore[union-attr]


def _read_children(rows: Rows) -> dict[str, dict[Any, Any]]:
    """Per table: the records built from its rows, grouped by their parent's key
    (None for lists of the plan itself). Children are read first, then their parents."""
    out: dict[str, dict[Any, Any]] = {}
    for place in reversed(PLACES[1:]):
        name, groups = place.spec.name, {}
        keyed = bool(place.key_column)
        known = _parent_keys(place, rows)
        subs = _CHILDREN[id(place)]
        for i, r in enumerate(rows[name], start=1):
            values = _record_values(place.record, r, (name, i))
            own_key = r[place.spec.primary_key]
            for sub in subs:
                values[sub.owner.name] = out[sub.spec.name].get(own_key, _empty(sub))  # type: ignore[union-attr]
            group_key = r[place.parent_column] if place.parent_column else None
            if known is not None and group_key not in known:
                raise _bad(name, i, place.parent_column, "親の行がありません", "no such parent row")
            group = groups.setdefault(group_key, _empty(place))
            record = place.record.build(values)
            if keyed:
                key = r[place.key_column]
                if key in group:
                    raise _bad(name, i, place.key_column, "項目が重複しています", "duplicate item")
                group[key] = record
            else:
                group.append(record)
        out[name] = groups
    return out


def _parent_keys(place: Place, rows: Rows) -> set[Any] | None:
    if place.parent is None or place.parent.parent is None:
        return None
    return {r[place.parent.spec.primary_key] for r in rows[place.parent.spec.name]}
