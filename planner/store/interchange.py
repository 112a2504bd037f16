"""The JSON interchange format of a whole plan (docs/file-format.md, "JSON").

For scripting, for templates a prefecture hands out and for comparing versions
in text. The format is derived from the plan's one declaration (the fields of
``planner/domain/model.py`` as ``records.py`` reads them): the writer, the
strict reader (optional keys take the dataclass defaults) and the JSON Schema in
``resources/schema/`` (a test checks the shipped schema equals ``json_schema()``).

``plan_to_dict`` writes every key in a fixed order, so a plan exported twice
gives the same text; ``plan_from_dict`` is strict (unknown keys, wrong types,
duplicate keys and a newer format version are refused with the JSON path of
the problem) and validates the plan with the domain's rules.

No third-party library: the program needs no JSON Schema validator.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from .. import APP_NAME, version
from ..domain import model as m
from ..domain.builders import catalog_factors
from ..domain.catalog import Catalog, TaskFactors, default_catalog
from ..domain.checks import check_catalog_refs, clipped
from ..domain.declare import MAX_ITEMS, MAX_TEXT, Field
from ..domain.errors import ValidationError
from ..domain.records import PLAN as RECORDS_PLAN
from ..domain.records import RECORDS, Record
from ..domain.validation import validate_plan
from .atomic import write_atomically
from .errors import ProjectFileError, shown
from .files import check_target, open_regular
from .values import decimal_text, parse_date, parse_decimal

FORMAT = "telework-planner-plan"
FORMAT_VERSION = 1
MAX_JSON_BYTES = 64 * 1024 * 1024
SCHEMA_ID = "https://telework-planner.example/schema/plan-1.json"

__all__ = [
    "FORMAT", "FORMAT_VERSION", "plan_to_dict", "plan_from_dict", "export_json", "import_json",
    "dumps", "loads", "json_schema",
]  # fmt: skip


# -- the format, derived from the plan's declaration ---------------------------------------


@dataclass(frozen=True)
class Kind:
    """A JSON value: ``t`` is str/text/int/bool/date/decimal; ``nullable`` admits null."""

    t: str
    nullable: bool = False
    enum: tuple[str, ...] = ()
    maximum: int | None = None
    nonblank: bool = False
    doc: str = ""


@dataclass(frozen=True)
class Arr:
    item: Kind | Obj
    doc: str = ""


@dataclass(frozen=True)
class Obj:
    fields: dict[str, tuple[Kind | Arr | Obj, bool]]  # name -> (kind, required)
    build: Callable[[dict[str, Any], str], Any] | None = None  # (values, JSON path)
    doc: str = ""
    # issue 18: completes the object as read, before its keys are checked (values, path, catalog)
    fill: Callable[[dict[str, Any], str, Catalog], dict[str, Any]] | None = None
    any_of: tuple[str, ...] = ()  # for the schema: at least one of these keys is given


_JSON_KIND = {"text": "text", "id": "str", "ref": "str", "choice": "str", "int": "int",
              "money": "int", "fy": "int", "bool": "bool", "date": "date", "decimal": "decimal"}  # fmt: skip
_NONBLANK = "required, not blank"
_FY_DOC = "western year in which the fiscal year starts (2025 = 令和7年度)"


def _kind_of(f: Field) -> Kind | Arr | Obj:
    if f.kind == "record":
        return _obj(f.record)  # type: ignore[arg-type]
    if f.kind == "rows":
        return Arr(_obj(f.record), f.doc)  # type: ignore[arg-type]
    if f.kind == "keyed":
        return Arr(_obj(f.record, key=f), f.doc)  # type: ignore[arg-type]
    if f.kind == "strings":
        return Arr(Kind("str", enum=f.choices) if f.choices else Kind("text"), f.doc)  # type: ignore[arg-type]
    upper = f.upper if f.kind in ("int", "money") else None
    return Kind(
        _JSON_KIND[f.kind],
        nullable=f.nullable,
        enum=f.choices if isinstance(f.choices, tuple) else (),
        maximum=int(upper) if upper is not None else None,
        nonblank=f.kind == "text" and f.required,
        doc=f.doc
        or (_FY_DOC if f.kind == "fy" else _NONBLANK if f.kind == "text" and f.required else ""),
    )


def _obj(record: Record, key: Field | None = None) -> Obj:
    fields: dict[str, tuple[Kind | Arr | Obj, bool]] = {}
    if key is not None:  # a keyed list is written as a list of objects with the key first
        fields[key.key] = (Kind("int" if key.key_kind == "int" else "str"), True)
    fields.update({f.name: (_kind_of(f), f.required) for f in record.fields})
    if record.cls is m.Task:  # issue 18: a task may be named by its catalog id alone
        for name, doc in _TASK_DOCS.items():
            fields[name] = (replace(fields[name][0], doc=doc), False)  # type: ignore[arg-type]
        return Obj(fields, partial(_build, record), fill=_task_from_catalog,
                   any_of=("name", "catalog_id"))  # fmt: skip
    return Obj(fields, build=None if key is not None else partial(_build, record))


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
            raise _Bad(
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
            raise _Bad(
                _join(where, "catalog_id"),
                f"業務カタログID「{shown_id}」は業務カタログにありません。"
                "この業務を判定する性質（factors）を書くか、正しいIDにしてください。",
                f"the catalog task id '{shown_id}' is not in the task catalog. Give the "
                "factors that judge the task, or the right id.",
            )
        if "name" not in values:
            raise _Bad(
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
    factors = {**_record_dict(RECORDS[TaskFactors], catalog_factors(found)), **own}
    return {**values, "name": values.get("name", found.name.ja), "factors": factors}


_FACTOR_KEYS = len(RECORDS[TaskFactors].fields)


def _build(record: Record, values: dict[str, Any], where: str) -> Any:
    for f in record.fields:
        if f.kind == "keyed" and f.name in values:
            values[f.name] = _keyed(f, values[f.name], _join(where, f.name))
    return record.build(values)


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


PLAN = _obj(RECORDS_PLAN)
DOCUMENT = Obj(
    {
        "format": (Kind("str", enum=(FORMAT,)), True),
        "format_version": (Kind("int", doc="1; a reader refuses a higher version"), True),
        "generator": (Kind("str", doc="program that wrote the file (informational)"), False),
        "plan": (PLAN, True),
    }
)


# -- writing ------------------------------------------------------------------------------


def _value(f: Field, value: Any) -> Any:
    if f.kind == "record":
        return _record_dict(f.record, value)  # type: ignore[arg-type]
    if f.kind == "rows":
        return [_record_dict(f.record, row) for row in value]  # type: ignore[arg-type]
    if f.kind == "keyed":
        return [
            {f.key: key, **_record_dict(f.record, row)}  # type: ignore[arg-type]
            for key, row in (sorted(value.items()) if f.key_kind == "int" else value.items())
        ]
    if f.kind == "strings":
        return list(value)
    if value is None:
        return None
    if f.kind == "decimal":
        return decimal_text(value)
    if f.kind == "date":
        return value.isoformat()
    return value


_PLAIN = frozenset({"text", "id", "ref", "choice", "int", "money", "fy", "bool"})
_WRITERS: dict[int, tuple[tuple[str, Field | None], ...]] = {}


def _record_dict(record: Record, obj: Any) -> dict[str, Any]:
    # (name, None) for values written as they are: most of a plan, thousands of rows
    writers = _WRITERS.get(id(record))
    if writers is None:
        writers = _WRITERS[id(record)] = tuple(
            (f.name, None if f.kind in _PLAIN else f) for f in record.fields
        )
    return {
        name: getattr(obj, name) if f is None else _value(f, getattr(obj, name))
        for name, f in writers
    }


def plan_to_dict(plan: m.Plan) -> dict[str, Any]:
    """The whole plan as plain JSON data, every key present, in the documented order."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "generator": f"{APP_NAME} {version()}",
        "plan": _record_dict(RECORDS_PLAN, plan),
    }


def dumps(plan: m.Plan) -> str:
    """The JSON text of a plan: UTF-8 Japanese as is, two-space indent, newline at the end."""
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2) + "\n"


def export_json(plan: m.Plan, path: str | os.PathLike[str]) -> None:
    """Write the plan's JSON atomically (a new file beside the target, then os.replace)."""
    target = Path(path)
    check_target(target, suffix=".json")  # not a plan, not one someone has open, not too long
    write_atomically(target, dumps(plan).encode("utf-8"))


# -- reading ------------------------------------------------------------------------------


class _Bad(Exception):
    def __init__(self, where: str, ja: str, en: str) -> None:
        super().__init__(en)
        self.where, self.ja, self.en = where or "$", ja, en


_TYPE_JA = {"str": "文字列", "text": "文字列", "int": "整数", "bool": "真偽値 (true/false)",
            "date": "日付 (YYYY-MM-DD)", "decimal": "数値の文字列 (例 \"0.35\")"}  # fmt: skip


def _read(kind: Kind | Arr | Obj, value: Any, where: str, catalog: Catalog) -> Any:
    if isinstance(kind, Obj):
        if not isinstance(value, dict):
            raise _Bad(where, "オブジェクトではありません", "not an object")
        if kind.fill is not None:
            value = kind.fill(value, where, catalog)
        for key in value:
            if key not in kind.fields:
                raise _Bad(f"{where}.{key}", "不明な項目です", "unknown key")
        out = {}
        for key, (sub, required) in kind.fields.items():
            if key in value:
                out[key] = _read(sub, value[key], f"{where}.{key}", catalog)
            elif required:
                raise _Bad(f"{where}.{key}", "必須の項目がありません", "required key is missing")
        return kind.build(out, where) if kind.build else out
    if isinstance(kind, Arr):
        if not isinstance(value, list):
            raise _Bad(where, "配列ではありません", "not an array")
        if len(value) > MAX_ITEMS:
            raise _Bad(
                where, f"要素が多すぎます（{len(value):,}）", f"too many items ({len(value):,})"
            )
        return [_read(kind.item, v, f"{where}[{i}]", catalog) for i, v in enumerate(value)]
    if value is None:
        if kind.nullable:
            return None
        raise _Bad(where, "null は使えません", "null is not allowed")
    ok: Any = None
    if kind.t in ("str", "text"):
        ok = value if isinstance(value, str) and len(value) <= MAX_TEXT else None
        if isinstance(value, str) and ok is None:
            raise _Bad(
                where,
                f"文字数が多すぎます（{len(value):,}文字）",
                f"text too long ({len(value):,})",
            )
    elif kind.t == "int":
        ok = value if type(value) is int else None
    elif kind.t == "bool":
        ok = value if isinstance(value, bool) else None
    elif kind.t == "date":
        ok = parse_date(value) if isinstance(value, str) else None
    elif kind.t == "decimal":
        ok = parse_decimal(value) if isinstance(value, str) else None
    if ok is None:
        raise _Bad(where, f"{_TYPE_JA[kind.t]}ではありません", f"expected {kind.t}")
    return ok


def field_path(where: str) -> str:
    """A JSON path in the one style of every message: ``scenarios[0].lines[2].unit_price``."""
    for prefix in ("$.plan.", "$."):
        if where.startswith(prefix):
            return where[len(prefix) :]
    return where


def _not_json(name: str, ja: str, en: str, reason: str = "invalid") -> ProjectFileError:
    return ProjectFileError(
        reason, f"「{name}」を読み込めません: {ja}", f"'{name}' cannot be imported: {en}"
    )


def plan_from_dict(data: Any, catalog: Catalog | None = None, *, source: str = "JSON") -> m.Plan:
    """Read and validate a plan document. Raises ProjectFileError naming the JSON path."""
    refuse_surrogates(data, source)
    return _plan_from_data(data, catalog, source)


def refuse_surrogates(data: Any, source: str) -> None:
    """Issue 18: a lone surrogate would fail at every later encode (save, print, PDF)."""
    bad = lone_surrogate(data)
    if bad is not None:
        where, code = shown(field_path(bad[0]), 80), f"U+{bad[1]:04X}"
        raise _not_json(
            shown(source, 80),
            f"文字として扱えない符号（{code}）が含まれています。（項目: {where}）",
            f"it contains a code that is not a character ({code}) (field: {where})",
        )


def _plan_from_data(data: Any, catalog: Catalog | None, source: str) -> m.Plan:
    """A plan document whose strings are known to be whole characters, read and validated."""
    name = shown(source, 80)
    catalog = catalog or default_catalog()
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _not_json(
            name,
            'テレワーク導入計画のJSONファイルではありません（"format" がありません）。',
            'this is not a plan JSON file (no "format": "telework-planner-plan").',
            "not_ours",
        )
    fv = data.get("format_version")
    if type(fv) is int and fv > FORMAT_VERSION:
        raise _not_json(
            name,
            f"新しいバージョンのプログラムで書き出された形式です（形式の版 {fv}）。プログラムを更新してください。",
            f"it was written by a newer version of the program (format version {fv}). Update the program.",
            "newer",
        )
    if fv != FORMAT_VERSION:
        raise _not_json(name, "形式の版（format_version）が不正です。", "invalid format_version.")
    try:
        doc = _read(DOCUMENT, data, "$", catalog)
    except _Bad as e:
        where = shown(field_path(e.where), 80)
        raise _not_json(name, f"{e.ja}（項目: {where}）", f"{e.en} (field: {where})") from None
    plan = doc["plan"]
    try:
        validate_plan(plan, catalog.category_ids())
        check_catalog_refs(plan, catalog)  # issue 18: ids that decide a figure or a judgement
    except ValidationError as e:
        raise _not_json(
            name, f"{e.text('ja')}（項目: {e.field}）", f"{e.text('en')} (field: {e.field})"
        ) from None
    return plan


def lone_surrogate(data: Any) -> tuple[str, int] | None:
    """The JSON path and code of a lone surrogate in any string or key of ``data``
    (``json.loads`` lets ``"\\ud800"`` through). Iterative: the nesting ``loads`` allows
    may be near the recursion limit."""
    stack: list[tuple[Any, str]] = [(data, "$")]
    while stack:
        value, where = stack.pop()
        if isinstance(value, str):
            code = _surrogate_in(value)
            if code is not None:
                return where, code
            continue
        if not isinstance(value, dict | list):
            continue
        is_dict = isinstance(value, dict)
        for key, item in value.items() if is_dict else enumerate(value):
            if is_dict and isinstance(key, str) and (code := _surrogate_in(key)) is not None:
                return f"{where}.{_escaped(key)}", code
            if isinstance(item, str) and _surrogate_in(item) is None:
                continue  # most values: no path string is built for them
            if isinstance(item, str | dict | list):
                stack.append((item, f"{where}.{key}" if is_dict else f"{where}[{key}]"))
    return None


def _surrogate_in(text: str) -> int | None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        return ord(text[e.start])
    return None


def _escaped(text: str) -> str:
    """A key with surrogates, printable in a message (``\\ud83d``)."""
    return "".join(f"\\u{ord(c):04x}" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise ValueError(f"duplicate key {k!r}")
        out[k] = v
    return out


def loads(text: str | bytes, source: str = "JSON") -> Any:
    """Parse JSON strictly: no NaN/Infinity, no duplicate keys, no lone surrogates."""
    name = shown(source, 80)
    try:
        data = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicates)
    except (ValueError, RecursionError) as e:
        raise _not_json(
            name,
            f"JSONとして読めません（{shown(e, 60)}）。",
            f"not valid JSON ({shown(e, 60)}).",
            "not_json",
        ) from None
    if _may_hold_surrogates(text):  # the walk costs ~10 ms per MB; the test, a regex
        refuse_surrogates(data, source)
    return data


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _may_hold_surrogates(text: str | bytes) -> bool:
    """Whether parsed ``text`` can hold a surrogate: from str, only by an escape such as
    ``\\ud800`` or one already in the text; bytes are decoded by json with surrogatepass."""
    if isinstance(text, bytes):
        return True
    return _SURROGATE_ESCAPE.search(text) is not None or _surrogate_in(text) is not None


def import_json(path: str | os.PathLike[str], catalog: Catalog | None = None) -> m.Plan:
    """Read a plan JSON file (UTF-8) and validate it. Raises ProjectFileError."""
    p = Path(path)
    name = shown(p.name, 80)
    with open_regular(p) as f:  # a folder or a FIFO is refused before a byte is read
        try:
            too_big = os.fstat(f.fileno()).st_size > MAX_JSON_BYTES
            raw = b"" if too_big else f.read(MAX_JSON_BYTES + 1)
        except OSError as e:
            raise _not_json(name, f"読み込めません（{shown(e.strerror or e, 40)}）。",
                            f"cannot read it ({shown(e.strerror or e, 40)}).", "unreadable") from None  # fmt: skip
    if too_big or len(raw) > MAX_JSON_BYTES:
        raise _not_json(name, "ファイルが大きすぎます。", "the file is too large.", "too_large")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _not_json(
            name, "UTF-8のテキストではありません。", "it is not UTF-8 text.", "not_json"
        ) from None
    return _plan_from_data(loads(text, p.name), catalog, p.name)  # loads refused surrogates


# -- the JSON Schema ----------------------------------------------------------------------


def _schema(kind: Kind | Arr | Obj) -> dict[str, Any]:
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
    base: dict[str, Any]
    if kind.t in ("str", "text"):
        base = {"type": "string", "maxLength": MAX_TEXT}
        if kind.nonblank:
            base["pattern"] = r"\S"
    elif kind.t == "int":
        base = {"type": "integer", "minimum": 0}
        if kind.maximum is not None:
            base["maximum"] = kind.maximum
    elif kind.t == "bool":
        base = {"type": "boolean"}
    elif kind.t == "date":
        base = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    else:
        base = {"type": "string", "pattern": r"^[0-9]{1,6}(\.[0-9]{1,12})?$"}
    if kind.enum:
        base["enum"] = list(kind.enum)
    if kind.nullable:
        base["type"] = [base["type"], "null"]
        if "enum" in base:
            base["enum"].append(None)
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
