"""The JSON interchange format of a whole plan (docs/file-format.md, "JSON").

For scripting, for templates a prefecture hands out and for comparing versions
in text. The format is declared once, in ``PLAN_SPEC`` below; the reader, the
defaults of optional keys and the JSON Schema in ``resources/schema/`` all come
from it (a test checks the shipped schema equals ``json_schema()``).

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
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from .. import APP_NAME, version
from ..domain import model as m
from ..domain.catalog import (
    COORDINATION,
    NETWORKS,
    PAPER,
    PERSONAL_DATA,
    QUANTITY_BASES,
    RECURRENCES,
    ROLES,
    Catalog,
    TaskFactors,
    default_catalog,
)
from ..domain.errors import ValidationError
from ..domain.validation import MAX_ITEMS, MAX_TEXT, validate_plan
from .errors import ProjectFileError, shown
from .files import check_output, open_regular, write_failure
from .values import decimal_text, parse_date, parse_decimal

FORMAT = "telework-planner-plan"
FORMAT_VERSION = 1
MAX_JSON_BYTES = 64 * 1024 * 1024
SCHEMA_ID = "https://telework-planner.example/schema/plan-1.json"

__all__ = [
    "FORMAT", "FORMAT_VERSION", "plan_to_dict", "plan_from_dict", "export_json", "import_json",
    "dumps", "loads", "json_schema",
]  # fmt: skip


# -- the format, declared once ------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    """A JSON value: ``t`` is str/text/int/bool/date/decimal; ``nullable`` admits null."""

    t: str
    nullable: bool = False
    enum: tuple[str, ...] = ()
    maximum: int | None = None
    doc: str = ""


@dataclass(frozen=True)
class Arr:
    item: Kind | Obj
    doc: str = ""


@dataclass(frozen=True)
class Obj:
    fields: dict[str, tuple[Kind | Arr | Obj, bool]]  # name -> (kind, required)
    build: Callable[[dict[str, Any]], Any] | None = None
    doc: str = ""


def F(kind: Kind | Arr | Obj, required: bool = False) -> tuple[Kind | Arr | Obj, bool]:  # noqa: N802
    return kind, required


TEXT = Kind("text")
NAME = Kind("text", doc="required, not blank")
ID = Kind("str", doc="stable id of the row (any text; new_id() makes 12 hex digits)")
REF = Kind("str", nullable=True, doc="id in the bundled catalog, or null")
INT = Kind("int")
BOOL = Kind("bool")
DATE = Kind("date", nullable=True)
FY = Kind("int", doc="western year in which the fiscal year starts (2025 = 令和7年度)")


def _steps(items: list[dict[str, Any]]) -> dict[int, m.StepRecord]:
    out: dict[int, m.StepRecord] = {}
    for d in items:
        number = d.pop("number")
        checklist = {c["id"]: m.ChecklistEntry(c.get("done", False), c.get("note", ""))
                     for c in d.pop("checklist", [])}  # fmt: skip
        out[number] = m.StepRecord(checklist=checklist, **d)
    return out


CHECK = Obj({"id": F(Kind("str"), True), "done": F(BOOL), "note": F(TEXT)})
STEP = Obj(
    {
        "number": F(Kind("int", maximum=10), True),
        "notes": F(TEXT),
        "start": F(DATE),
        "end": F(DATE),
        "checklist": F(Arr(CHECK, "in the order shown")),
    }
)
MUNICIPALITY = Obj(
    {
        "name": F(NAME, True),
        "prefecture": F(Kind("str", doc="e.g. 長野県"), True),
        "general_staff": F(INT, True),
        "all_staff": F(INT, True),
        "fiscal_year": F(FY, True),
        "author": F(TEXT),
        "department": F(TEXT),
        "fiscal_capacity_index": F(Kind("decimal", nullable=True, doc='財政力指数, e.g. "0.35"')),
    },
    build=lambda d: m.Municipality(**d),
)
FACTORS = Obj(
    {
        "personal_data": F(Kind("str", enum=PERSONAL_DATA)),
        "network": F(Kind("str", enum=NETWORKS)),
        "paper": F(Kind("str", enum=PAPER)),
        "counter": F(BOOL),
        "onsite": F(BOOL),
        "coordination": F(Kind("str", enum=COORDINATION)),
    },
    build=lambda d: TaskFactors(**d),
)
TASK = Obj(
    {
        "id": F(ID),
        "name": F(NAME, True),
        "selected": F(BOOL),
        "catalog_id": F(REF),
        "note": F(TEXT),
        "factors": F(FACTORS),
    },
    build=lambda d: m.Task(**d),
)
FORM = Obj(
    {
        "home": F(BOOL),
        "satellite": F(BOOL),
        "mobile": F(BOOL),
        "max_days": F(Kind("int", maximum=31, doc="0 = no cap")),
        "cap_period": F(Kind("str", enum=m.CAP_PERIODS)),
        "time_unit": F(Kind("str", enum=m.TIME_UNITS)),
        "application_days": F(Kind("int", maximum=60, doc="days ahead; 0 = same day")),
    },
    build=lambda d: m.WorkForm(**d),
)
UNIT = Obj(
    {
        "id": F(ID),
        "name": F(NAME, True),
        "staff": F(INT),
        "teleworkers": F(INT),
        "catalog_id": F(REF),
        "form": F(FORM),
        "tasks": F(Arr(TASK)),
    },
    build=lambda d: m.Unit(**d),
)
COST_LINE = Obj(
    {
        "id": F(ID),
        "name": F(NAME, True),
        "category": F(Kind("str", doc="cost category id of resources/catalog/costs.toml"), True),
        "unit_price": F(Kind("int", doc="yen, tax included"), True),
        "quantity": F(INT),
        "quantity_basis": F(Kind("str", enum=QUANTITY_BASES)),
        "recurrence": F(Kind("str", enum=RECURRENCES)),
        "start_fy": F(FY),
        "end_fy": F(FY),
        "eligible_override": F(Kind("bool", nullable=True, doc="null: the subsidy rule decides")),
        "override_reason": F(TEXT),
        "item_id": F(REF),
        "note": F(TEXT),
    },
    build=lambda d: m.CostLine(**d),
)
PLAN = Obj(
    {
        "municipality": F(MUNICIPALITY, True),
        "plan_years": F(Kind("int", maximum=10)),
        "steps": F(Arr(STEP, "the ten steps, number 1 to 10")),
        "leader": F(TEXT),
        "members": F(
            Arr(
                Obj(
                    {"name": F(NAME, True), "role": F(TEXT), "department": F(TEXT)},
                    build=lambda d: m.Member(**d),
                )
            )
        ),  # fmt: skip
        "meeting_plan": F(TEXT),
        "purposes": F(Arr(Kind("str", doc="purpose id of resources/steps/steps.toml"))),
        "custom_purposes": F(Arr(TEXT)),
        "kpis": F(
            Arr(
                Obj(
                    {
                        "name": F(NAME, True),
                        "baseline": F(TEXT),
                        "target": F(TEXT),
                        "fiscal_year": F(Kind("int", nullable=True)),
                    },
                    build=lambda d: m.Kpi(**d),
                )
            )
        ),  # fmt: skip
        "existing_devices": F(INT),
        "network_layers": F(Arr(Kind("str", enum=m.NETWORK_LAYERS))),
        "existing_rules": F(TEXT),
        "current_notes": F(TEXT),
        "units": F(Arr(UNIT)),
        "rules": F(
            Arr(
                Obj(
                    {
                        "id": F(ID),
                        "name": F(NAME, True),
                        "status": F(Kind("str", enum=m.RULE_STATUSES)),
                        "owner": F(TEXT),
                        "template_id": F(REF),
                    },
                    build=lambda d: m.RuleItem(**d),
                )
            )
        ),  # fmt: skip
        "access_method": F(
            Kind("str", doc="access method id of resources/catalog/access_methods.toml")
        ),
        "device_policy": F(Kind("str", enum=m.DEVICE_POLICIES)),
        "tools": F(Arr(Kind("str", enum=m.TOOLS))),
        "security": F(
            Arr(
                Obj(
                    {
                        "id": F(ID),
                        "role": F(Kind("str", enum=ROLES), True),
                        "text": F(NAME, True),
                        "status": F(Kind("str", enum=m.MEASURE_STATUSES)),
                        "measure_id": F(REF),
                    },
                    build=lambda d: m.SecurityItem(**d),
                )
            )
        ),  # fmt: skip
        "training": F(
            Arr(
                Obj(
                    {
                        "id": F(ID),
                        "name": F(NAME, True),
                        "day": F(DATE),
                        "audience": F(TEXT),
                        "note": F(TEXT),
                    },
                    build=lambda d: m.TrainingEvent(**d),
                )
            )
        ),  # fmt: skip
        "phases": F(
            Arr(
                Obj(
                    {
                        "id": F(ID),
                        "name": F(NAME, True),
                        "kind": F(Kind("str", enum=m.PHASE_KINDS)),
                        "start": F(DATE),
                        "end": F(DATE),
                        "measures": F(TEXT),
                    },
                    build=lambda d: m.Phase(**d),
                )
            )
        ),  # fmt: skip
        "scenarios": F(
            Arr(
                Obj(
                    {
                        "id": F(ID),
                        "name": F(NAME, True),
                        "note": F(TEXT),
                        "lines": F(Arr(COST_LINE)),
                    },
                    build=lambda d: m.Scenario(**d),
                )
            )
        ),  # fmt: skip
        "adopted_scenario_id": F(Kind("str", nullable=True)),
        "fiscal_capacity_multiplier": F(Kind("decimal", doc='財政力補正の乗率, "1" = none')),
    }
)
DOCUMENT = Obj(
    {
        "format": F(Kind("str", enum=(FORMAT,)), True),
        "format_version": F(Kind("int", doc="1; a reader refuses a higher version"), True),
        "generator": F(Kind("str", doc="program that wrote the file (informational)")),
        "plan": F(PLAN, True),
    }
)


# -- writing ------------------------------------------------------------------------------


def _d(v: Decimal | None) -> str | None:
    return None if v is None else decimal_text(v)


def _day(v: date | None) -> str | None:
    return None if v is None else v.isoformat()


def plan_to_dict(plan: m.Plan) -> dict[str, Any]:
    """The whole plan as plain JSON data, every key present, in the documented order."""
    mu = plan.municipality
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "generator": f"{APP_NAME} {version()}",
        "plan": {
            "municipality": {
                "name": mu.name, "prefecture": mu.prefecture,
                "general_staff": mu.general_staff, "all_staff": mu.all_staff,
                "fiscal_year": mu.fiscal_year, "author": mu.author,
                "department": mu.department, "fiscal_capacity_index": _d(mu.fiscal_capacity_index),
            },
            "plan_years": plan.plan_years,
            "steps": [
                {
                    "number": n, "notes": r.notes, "start": _day(r.start), "end": _day(r.end),
                    "checklist": [{"id": k, "done": e.done, "note": e.note}
                                  for k, e in r.checklist.items()],
                }
                for n, r in sorted(plan.steps.items())
            ],
            "leader": plan.leader,
            "members": [{"name": x.name, "role": x.role, "department": x.department}
                        for x in plan.members],
            "meeting_plan": plan.meeting_plan,
            "purposes": list(plan.purposes),
            "custom_purposes": list(plan.custom_purposes),
            "kpis": [{"name": k.name, "baseline": k.baseline, "target": k.target,
                      "fiscal_year": k.fiscal_year} for k in plan.kpis],
            "existing_devices": plan.existing_devices,
            "network_layers": list(plan.network_layers),
            "existing_rules": plan.existing_rules,
            "current_notes": plan.current_notes,
            "units": [
                {
                    "id": u.id, "name": u.name, "staff": u.staff, "teleworkers": u.teleworkers,
                    "catalog_id": u.catalog_id,
                    "form": {
                        "home": u.form.home, "satellite": u.form.satellite,
                        "mobile": u.form.mobile, "max_days": u.form.max_days,
                        "cap_period": u.form.cap_period, "time_unit": u.form.time_unit,
                        "application_days": u.form.application_days,
                    },
                    "tasks": [
                        {
                            "id": t.id, "name": t.name, "selected": t.selected,
                            "catalog_id": t.catalog_id, "note": t.note,
                            "factors": {
                                "personal_data": t.factors.personal_data,
                                "network": t.factors.network, "paper": t.factors.paper,
                                "counter": t.factors.counter, "onsite": t.factors.onsite,
                                "coordination": t.factors.coordination,
                            },
                        }
                        for t in u.tasks
                    ],
                }
                for u in plan.units
            ],
            "rules": [{"id": r.id, "name": r.name, "status": r.status, "owner": r.owner,
                       "template_id": r.template_id} for r in plan.rules],
            "access_method": plan.access_method,
            "device_policy": plan.device_policy,
            "tools": list(plan.tools),
            "security": [{"id": s.id, "role": s.role, "text": s.text, "status": s.status,
                          "measure_id": s.measure_id} for s in plan.security],
            "training": [{"id": e.id, "name": e.name, "day": _day(e.day),
                          "audience": e.audience, "note": e.note} for e in plan.training],
            "phases": [{"id": p.id, "name": p.name, "kind": p.kind, "start": _day(p.start),
                        "end": _day(p.end), "measures": p.measures} for p in plan.phases],
            "scenarios": [
                {
                    "id": sc.id, "name": sc.name, "note": sc.note,
                    "lines": [
                        {
                            "id": c.id, "name": c.name, "category": c.category,
                            "unit_price": c.unit_price, "quantity": c.quantity,
                            "quantity_basis": c.quantity_basis, "recurrence": c.recurrence,
                            "start_fy": c.start_fy, "end_fy": c.end_fy,
                            "eligible_override": c.eligible_override,
                            "override_reason": c.override_reason, "item_id": c.item_id,
                            "note": c.note,
                        }
                        for c in sc.lines
                    ],
                }
                for sc in plan.scenarios
            ],
            "adopted_scenario_id": plan.adopted_scenario_id,
            "fiscal_capacity_multiplier": decimal_text(plan.fiscal_capacity_multiplier),
        },
    }  # fmt: skip


def dumps(plan: m.Plan) -> str:
    """The JSON text of a plan: UTF-8 Japanese as is, two-space indent, newline at the end."""
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2) + "\n"


def export_json(plan: m.Plan, path: str | os.PathLike[str]) -> None:
    """Write the plan's JSON atomically (a new file beside the target, then os.replace)."""
    target = Path(path)
    check_output(target)
    data = dumps(plan).encode("utf-8")
    tmp = target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    replacing = False
    try:
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
        tmp.unlink(missing_ok=True)


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
        return kind.build(out) if kind.build else out
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
    p = doc["plan"]
    plan = m.Plan(
        municipality=p.pop("municipality"),
        **{k: v for k, v in p.items() if k != "steps"},
    )
    if "steps" in p:
        plan.steps = _steps(p["steps"])
        if len(plan.steps) != len(p["steps"]):
            raise _not_json(name, "手順の番号が重複しています。", "duplicate step numbers.")
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
        if kind is NAME:
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
