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
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from .. import APP_NAME, version
from ..domain import model as m
from ..domain.catalog import Catalog, default_catalog
from ..domain.declare import MAX_ITEMS, MAX_TEXT, Field
from ..domain.errors import ValidationError
from ..domain.records import PLAN as RECORDS_PLAN
from ..domain.records import Record
from ..domain.validation import validate_plan
from .errors import ProjectFileError, shown
from .files import check_target, open_regular, remove_stale_temporaries, write_failure
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
    return Obj(fields, build=None if key is not None else partial(_build, record))


def _keyed(f: Field, items: list[dict[str, Any]], where: str) -> dict[Any, Any]:
    """A keyed list read from JSON (objects with their key) as the plan's dict."""
    out: dict[Any, Any] = {}
    for i, d in enumerate(items):
        key = d.pop(f.key)
        if key in out:
            raise _Bad(f"{where}[{i}].{f.key}", "番号が重複しています", "duplicate key")
        out[key] = _build(f.record, d, f"{where}[{i}]")  # type: ignore[arg-type]
    return out


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
    data = dumps(plan).encode("utf-8")
    tmp = target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    replacing = False
    try:
        remove_stale_temporaries(target)  # ones a killed export left behind
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        replacing = True
        os.replace(tmp, target)
    except OSError as e:
        raise write_failure(target, e, replacing=replacing) from None
    finally:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:  # a read-only place refuses even this: the write's own error counts
            pass


# -- reading ------------------------------------------------------------------------------


class _Bad(Exception):
    def __init__(self, where: str, ja: str, en: str) -> None:
        super().__init__(en)
        self.where, self.ja, self.en = where or "$", ja, en


_TYPE_JA = {"str": "文字列", "text": "文字列", "int": "整数", "bool": "真偽値 (true/false)",
            "date": "日付 (YYYY-MM-DD)", "decimal": "数値の文字列 (例 \"0.35\")"}  # fmt: skip


def _read(kind: Kind | Arr | Obj, value: Any, where: str) -> Any:
    if isinstance(kind, Obj):
        if not isinstance(value, dict):
            raise _Bad(where, "オブジェクトではありません", "not an object")
        for key in value:
            if key not in kind.fields:
                raise _Bad(f"{where}.{key}", "不明な項目です", "unknown key")
        out = {}
        for key, (sub, required) in kind.fields.items():
            if key in value:
                out[key] = _read(sub, value[key], f"{where}.{key}")
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
        return [_read(kind.item, v, f"{where}[{i}]") for i, v in enumerate(value)]
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
    name = shown(source, 80)
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
        doc = _read(DOCUMENT, data, "$")
    except _Bad as e:
        where = shown(field_path(e.where), 80)
        raise _not_json(name, f"{e.ja}（項目: {where}）", f"{e.en} (field: {where})") from None
    plan = doc["plan"]
    try:
        validate_plan(plan, (catalog or default_catalog()).category_ids())
    except ValidationError as e:
        raise _not_json(
            name, f"{e.text('ja')}（項目: {e.field}）", f"{e.text('en')} (field: {e.field})"
        ) from None
    return plan


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
    """Parse JSON strictly: no NaN/Infinity, no duplicate keys."""
    name = shown(source, 80)
    try:
        return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicates)
    except (ValueError, RecursionError) as e:
        raise _not_json(
            name,
            f"JSONとして読めません（{shown(e, 60)}）。",
            f"not valid JSON ({shown(e, 60)}).",
            "not_json",
        ) from None


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
    return plan_from_dict(loads(text, p.name), catalog, source=p.name)


# -- the JSON Schema ----------------------------------------------------------------------


def _schema(kind: Kind | Arr | Obj) -> dict[str, Any]:
    if isinstance(kind, Obj):
        out: dict[str, Any] = {"type": "object"}
        if kind.doc:
            out["description"] = kind.doc
        out["properties"] = {k: _schema(sub) for k, (sub, _r) in kind.fields.items()}
        out["required"] = [k for k, (_s, r) in kind.fields.items() if r]
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
