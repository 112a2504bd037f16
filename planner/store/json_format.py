"""The JSON format of a plan (docs/file-format.md, "JSON"), derived from the plan's
one declaration: each field's kind (``planner/domain/kinds``) builds its part of the
format (``json_node``): a value of one JSON form, an object for a record, an array for
a list. The strict reader of that format and the JSON Schema shipped in
``resources/schema/`` (written by ``make regenerate``) follow from it.

``interchange.py`` writes and reads whole files with it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from dataclasses import field as dc_field
from functools import partial
from typing import Any

from ..domain import model as m
from ..domain.builders import catalog_factors
from ..domain.catalog import Catalog
from ..domain.checks import clipped
from ..domain.declare import MAX_ITEMS, Field
from ..domain.jsonvalues import INT, STR, JsonValue, NotOfForm
from ..domain.kpis import from_old_text
from ..domain.model import TaskFactors
from ..domain.records import PLAN as RECORDS_PLAN
from ..domain.records import RECORDS, Record

FORMAT = "telework-planner-plan"
FORMAT_VERSION = 1
SCHEMA_ID = "https://telework-planner.example/schema/plan-1.json"


# -- the format, derived from the plan's declaration ---------------------------------------


@dataclass(frozen=True)
class Value:
    """A JSON value of one form (``planner/domain/jsonvalues.py``) with its JSON Schema,
    as the field's kind states it; ``nullable`` admits null."""

    form: JsonValue
    nullable: bool = False
    schema: dict[str, Any] = dc_field(default_factory=dict)
    doc: str = ""


def _plain(form: JsonValue, doc: str = "", enum: tuple[str, ...] = ()) -> Value:
    """A value of the document itself, not of a declared field."""
    schema = form.schema()
    if enum:
        schema["enum"] = list(enum)
    return Value(form, schema=schema, doc=doc)


@dataclass(frozen=True)
class Arr:
    item: Value | Obj
    doc: str = ""
    collect: Callable[[list[Any], str], Any] | None = None  # the items as read -> the value


@dataclass(frozen=True)
class Obj:
    fields: dict[str, tuple[Value | Arr | Obj, bool]]  # name -> (value, required)
    build: Callable[[dict[str, Any], str], Any] | None = None  # (values, JSON path)
    doc: str = ""
    # issue 18: completes the object as read, before its keys are checked (values, path, catalog)
    fill: Callable[[dict[str, Any], str, Catalog], dict[str, Any]] | None = None
    any_of: tuple[str, ...] = ()  # for the schema: at least one of these keys is given


class _Shapes:
    """What each kind's ``json_node`` builds the format from (``kinds.Shapes``)."""

    def scalar(self, f: Field) -> Value:
        kind = f.type
        return Value(kind.json, f.nullable, kind.schema(f), f.doc or kind.default_doc(f))

    def record(self, record: Record) -> Obj:
        return _obj(record)

    def array(self, item: Value | Obj, f: Field) -> Arr:
        return Arr(item, f.doc)

    def keyed(self, f: Field) -> Arr:
        return Arr(_obj(f.record, key=f), f.doc, collect=partial(_keyed, f))


_SHAPES = _Shapes()


def _node_of(f: Field) -> Value | Arr | Obj:
    return f.type.json_node(f, _SHAPES)


def _obj(record: Record, key: Field | None = None) -> Obj:
    fields: dict[str, tuple[Value | Arr | Obj, bool]] = {}
    if key is not None:  # a keyed list is written as a list of objects with the key first
        fields[key.key] = (_plain(INT if key.key_kind == "int" else STR), True)
    fields.update({f.name: (_node_of(f), f.required) for f in record.fields})
    if record.cls is m.Task:  # issue 18: a task may be named by its catalog id alone
        for name, doc in _TASK_DOCS.items():
            fields[name] = (replace(fields[name][0], doc=doc), False)  # type: ignore[arg-type]
        return Obj(fields, partial(_build, record), fill=_task_from_catalog,
                   any_of=("name", "catalog_id"))  # fmt: skip
    if record.cls is m.Kpi:  # issue 23: a file from before KPIs were numbers
        return Obj(fields, partial(_build, record), fill=_kpi_from_text)
    return Obj(fields, build=None if key is not None else partial(_build, record))


def _kpi_from_text(values: dict[str, Any], where: str, catalog: Catalog) -> dict[str, Any]:
    return from_old_text(values)


_TASK_DOCS = {
    "name": "not blank; required unless catalog_id names a task of the task catalog "
    "(the name is then the catalog's, in Japanese)",
    "factors": "each factor left out is the catalog task's when catalog_id names one, "
    "else the default",
}


def _keyed(f: Field, items: list[dict[str, Any]], where: str) -> dict[Any, Any]:
    """A keyed list read from JSON (objects with their key) as the plan's dict."""
    out: dict[Any, Any] = {}
    first: dict[Any, int] = {}
    for i, d in enumerate(items):
        key = d.pop(f.key)
        if key in out:  # issue 18: name the key and both places
            at = field_path(where)
            a, b, shown_key = f"{at}[{first[key]}]", f"{at}[{i}]", clipped(key)
            word = ("番号", "number") if f.key_kind == "int" else ("ID", "id")
            raise BadValue(
                f"{where}[{i}].{f.key}",
                f"{word[0]}「{shown_key}」が重複しています（{a} と {b}）。",
                f"the {word[1]} '{shown_key}' is used twice ({a} and {b}).",
            )
        first[key] = i
        out[key] = _build(f.record, d, f"{where}[{i}]")  # type: ignore[arg-type]
    return out


def _task_from_catalog(values: dict[str, Any], where: str, catalog: Catalog) -> dict[str, Any]:
    """A task named by its catalog id takes the catalog's name and factors (and what it
    works on) where the file gives none; each factor the file gives is kept (issue 18).

    An id the catalog does not know is kept when the file says what decides the task's
    suitability (its factors): a newer catalog or another body's may hold it. Without
    factors there is nothing to judge the task by, and the defaults would make it ◎.
    """
    task_id = values.get("catalog_id")
    found = catalog.task(task_id) if isinstance(task_id, str) else None
    if found is None:
        if isinstance(task_id, str) and "factors" not in values:
            shown_id = clipped(task_id)
            raise BadValue(
                _join(where, "catalog_id"),
                f"業務カタログID「{shown_id}」は業務カタログにありません。"
                "この業務を判定する性質（factors）を書くか、正しいIDにしてください。",
                f"the catalog task id '{shown_id}' is not in the task catalog. Give the "
                "factors that judge the task, or the right id.",
            )
        if "name" not in values:
            raise BadValue(
                _join(where, "name"),
                "業務名（name）がありません。業務カタログの業務なら業務カタログID（catalog_id）を、"
                "独自の業務なら業務名を書いてください。",
                "the task has no name. Give the catalog task id (catalog_id) of a catalog task, "
                "or the name of an own task.",
            )
        return values
    own = values.get("factors", {})
    if not isinstance(own, dict) or ("name" in values and len(own) == _FACTOR_KEYS):
        return values  # refused as it is read, or complete (as every exported file)
    factors = {**record_dict(RECORDS[TaskFactors], catalog_factors(found)), **own}
    return {**values, "name": values.get("name", found.name.ja), "factors": factors}


_FACTOR_KEYS = len(RECORDS[TaskFactors].fields)


def _build(record: Record, values: dict[str, Any], where: str) -> Any:
    return record.build(values)


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


PLAN = _obj(RECORDS_PLAN)
DOCUMENT = Obj(
    {
        "format": (_plain(STR, enum=(FORMAT,)), True),
        "format_version": (_plain(INT, doc="1; a reader refuses a higher version"), True),
        "generator": (_plain(STR, doc="program that wrote the file (informational)"), False),
        "plan": (PLAN, True),
    }
)


# -- writing ------------------------------------------------------------------------------


def _value(f: Field, value: Any) -> Any:
    return f.type.to_json(f, value, record_dict)


_WRITERS: dict[int, tuple[tuple[str, Field | None], ...]] = {}


def record_dict(record: Record, obj: Any) -> dict[str, Any]:
    # (name, None) for values written as they are: most of a plan, thousands of rows
    writers = _WRITERS.get(id(record))
    if writers is None:
        writers = _WRITERS[id(record)] = tuple(
            (f.name, None if f.is_scalar and f.type.json.plain else f) for f in record.fields
        )
    return {
        name: getattr(obj, name) if f is None else _value(f, getattr(obj, name))
        for name, f in writers
    }


# -- reading ------------------------------------------------------------------------------


class BadValue(Exception):
    def __init__(self, where: str, ja: str, en: str) -> None:
        super().__init__(en)
        self.where, self.ja, self.en = where or "$", ja, en


def read_value(kind: Value | Arr | Obj, value: Any, where: str, catalog: Catalog) -> Any:
    """A JSON value read strictly as the format says (BadValue names where it is not)."""
    if isinstance(kind, Obj):
        if not isinstance(value, dict):
            raise BadValue(where, "オブジェクトではありません", "not an object")
        if kind.fill is not None:
            value = kind.fill(value, where, catalog)
        for key in value:
            if key not in kind.fields:
                raise BadValue(f"{where}.{key}", "不明な項目です", "unknown key")
        out = {}
        for key, (sub, required) in kind.fields.items():
            if key in value:
                out[key] = read_value(sub, value[key], f"{where}.{key}", catalog)
            elif required:
                raise BadValue(
                    f"{where}.{key}", "必須の項目がありません", "required key is missing"
                )
        return kind.build(out, where) if kind.build else out
    if isinstance(kind, Arr):
        if not isinstance(value, list):
            raise BadValue(where, "配列ではありません", "not an array")
        if len(value) > MAX_ITEMS:
            raise BadValue(
                where, f"要素が多すぎます（{len(value):,}）", f"too many items ({len(value):,})"
            )
        items = [read_value(kind.item, v, f"{where}[{i}]", catalog) for i, v in enumerate(value)]
        return kind.collect(items, where) if kind.collect else items
    if value is None:
        if kind.nullable:
            return None
        raise BadValue(where, "null は使えません", "null is not allowed")
    try:
        return kind.form.read(value)
    except NotOfForm as e:
        raise BadValue(where, e.ja, e.en) from None


def field_path(where: str) -> str:
    """A JSON path in the one style of every message: ``scenarios[0].lines[2].unit_price``."""
    for prefix in ("$.plan.", "$."):
        if where.startswith(prefix):
            return where[len(prefix) :]
    return where


# -- the JSON Schema ----------------------------------------------------------------------


def _schema(kind: Value | Arr | Obj) -> dict[str, Any]:
    if isinstance(kind, Obj):
        out: dict[str, Any] = {"type": "object"}
        if kind.doc:
            out["description"] = kind.doc
        out["properties"] = {k: _schema(sub) for k, (sub, _r) in kind.fields.items()}
        out["required"] = [k for k, (_s, r) in kind.fields.items() if r]
        if kind.any_of:
            out["anyOf"] = [{"required": [k]} for k in kind.any_of]
        out["additionalProperties"] = False
        return out
    if isinstance(kind, Arr):
        out = {"type": "array", "maxItems": MAX_ITEMS, "items": _schema(kind.item)}
        if kind.doc:
            out["description"] = kind.doc
        return out
    base = dict(kind.schema)
    if kind.doc:
        base["description"] = kind.doc
    return base


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the format, as shipped in resources/schema/."""
    out = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Telework Planner plan (テレワーク導入計画)",
        "description": "A whole plan of Telework Planner, format version 1. See docs/file-format.md.",
    }
    out.update(_schema(DOCUMENT))
    return out
