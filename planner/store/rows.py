"""Plan ⇄ table rows, with strict types when reading rows from a file.

A row read from a file is checked against the column's declared type before
any value reaches the domain: SQLite stores whatever it is given, so a text in
an INTEGER column or 2 in a BOOLEAN column is refused here, naming table,
row and column. Only the columns this program declares are ever read.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from ..domain import model as m
from ..domain.catalog import TaskFactors
from .columns import TABLE_SPECS, TableSpec
from .errors import ProjectFileError, shown
from .values import decimal_text, parse_date, parse_decimal

STRING_LISTS = ("purposes", "custom_purposes", "network_layers", "tools")
Rows = dict[str, list[dict[str, Any]]]


# -- writing ------------------------------------------------------------------------------


def plan_to_rows(plan: m.Plan, info: dict[str, str]) -> Rows:
    mu = plan.municipality
    rows: Rows = {tb.name: [] for tb in TABLE_SPECS}
    rows["file_info"] = [{"key": k, "value": v} for k, v in info.items()]
    rows["plan"] = [
        {
            "pk": 1,
            "municipality_name": mu.name,
            "prefecture": mu.prefecture,
            "general_staff": mu.general_staff,
            "all_staff": mu.all_staff,
            "fiscal_year": mu.fiscal_year,
            "author": mu.author,
            "department": mu.department,
            "fiscal_capacity_index": None
            if mu.fiscal_capacity_index is None
            else decimal_text(mu.fiscal_capacity_index),
            "plan_years": plan.plan_years,
            "leader": plan.leader,
            "meeting_plan": plan.meeting_plan,
            "existing_devices": plan.existing_devices,
            "existing_rules": plan.existing_rules,
            "current_notes": plan.current_notes,
            "access_method": plan.access_method,
            "device_policy": plan.device_policy,
            "adopted_scenario_id": plan.adopted_scenario_id,
            "fiscal_capacity_multiplier": decimal_text(plan.fiscal_capacity_multiplier),
        }
    ]
    items = rows["plan_list_item"]
    for name in STRING_LISTS:
        items.extend({"list_name": name, "value": v} for v in getattr(plan, name))
    for number, rec in plan.steps.items():
        rows["step"].append(
            {"number": number, "notes": rec.notes, "start_date": rec.start, "end_date": rec.end}
        )
        rows["checklist_entry"].extend(
            {"step_number": number, "item_id": k, "done": e.done, "note": e.note}
            for k, e in rec.checklist.items()
        )
    rows["member"] = [
        {"name": x.name, "role": x.role, "department": x.department} for x in plan.members
    ]
    rows["kpi"] = [
        {"name": k.name, "baseline": k.baseline, "target": k.target, "fiscal_year": k.fiscal_year}
        for k in plan.kpis
    ]
    for upk, u in enumerate(plan.units, start=1):
        f = u.form
        rows["unit"].append(
            {
                "pk": upk, "id": u.id, "name": u.name, "staff": u.staff,
                "teleworkers": u.teleworkers, "catalog_id": u.catalog_id,
                "form_home": f.home, "form_satellite": f.satellite, "form_mobile": f.mobile,
                "form_max_days": f.max_days, "form_cap_period": f.cap_period,
                "form_time_unit": f.time_unit, "form_application_days": f.application_days,
            }
        )  # fmt: skip
        for task in u.tasks:
            x = task.factors
            rows["task"].append(
                {
                    "unit_pk": upk, "id": task.id, "name": task.name, "selected": task.selected,
                    "catalog_id": task.catalog_id, "note": task.note,
                    "personal_data": x.personal_data, "network": x.network, "paper": x.paper,
                    "counter": x.counter, "onsite": x.onsite, "coordination": x.coordination,
                }
            )  # fmt: skip
    rows["rule_item"] = [
        {"id": r.id, "name": r.name, "status": r.status, "owner": r.owner,
         "template_id": r.template_id}
        for r in plan.rules
    ]  # fmt: skip
    rows["security_item"] = [
        {"id": s.id, "role": s.role, "text": s.text, "status": s.status,
         "measure_id": s.measure_id}
        for s in plan.security
    ]  # fmt: skip
    rows["training_event"] = [
        {"id": e.id, "name": e.name, "day": e.day, "audience": e.audience, "note": e.note}
        for e in plan.training
    ]
    rows["phase"] = [
        {"id": p.id, "name": p.name, "kind": p.kind, "start_date": p.start, "end_date": p.end,
         "measures": p.measures}
        for p in plan.phases
    ]  # fmt: skip
    for spk, sc in enumerate(plan.scenarios, start=1):
        rows["scenario"].append({"pk": spk, "id": sc.id, "name": sc.name, "note": sc.note})
        rows["cost_line"].extend(
            {
                "scenario_pk": spk, "id": c.id, "name": c.name, "category": c.category,
                "unit_price": c.unit_price, "quantity": c.quantity,
                "quantity_basis": c.quantity_basis, "recurrence": c.recurrence,
                "start_fy": c.start_fy, "end_fy": c.end_fy,
                "eligible_override": c.eligible_override, "override_reason": c.override_reason,
                "item_id": c.item_id, "note": c.note,
            }
            for c in sc.lines
        )  # fmt: skip
    return rows


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


def _decimal(value: str, table: str, column: str) -> Decimal:
    d = parse_decimal(value)
    if d is None:
        raise _bad(table, 1, column, f"数値ではありません（{shown(value, 20)}）", "not a number")
    return d


def rows_to_plan(rows: Rows) -> m.Plan:
    """Build the plan from rows already converted by ``convert_rows``."""
    if len(rows["plan"]) != 1:
        raise ProjectFileError(
            "invalid",
            f"ファイルの内容が不正です（計画の行が{len(rows['plan'])}行あります。1行のはずです）。",
            f"The file's content is invalid (it has {len(rows['plan'])} plan rows, not one).",
        )
    p = rows["plan"][0]
    fci = p["fiscal_capacity_index"]
    plan = m.Plan(
        municipality=m.Municipality(
            name=p["municipality_name"],
            prefecture=p["prefecture"],
            general_staff=p["general_staff"],
            all_staff=p["all_staff"],
            fiscal_year=p["fiscal_year"],
            author=p["author"],
            department=p["department"],
            fiscal_capacity_index=None
            if fci is None
            else _decimal(fci, "plan", "fiscal_capacity_index"),
        ),
        plan_years=p["plan_years"],
        steps={},
        leader=p["leader"],
        meeting_plan=p["meeting_plan"],
        existing_devices=p["existing_devices"],
        existing_rules=p["existing_rules"],
        current_notes=p["current_notes"],
        access_method=p["access_method"],
        device_policy=p["device_policy"],
        adopted_scenario_id=p["adopted_scenario_id"],
        fiscal_capacity_multiplier=_decimal(
            p["fiscal_capacity_multiplier"], "plan", "fiscal_capacity_multiplier"
        ),
    )
    lists: dict[str, list[str]] = {name: [] for name in STRING_LISTS}
    for i, r in enumerate(rows["plan_list_item"], start=1):
        if r["list_name"] not in lists:
            raise _bad("plan_list_item", i, "list_name", "不明な一覧名", "unknown list name")
        lists[r["list_name"]].append(r["value"])
    for name, values in lists.items():
        setattr(plan, name, values)
    for r in rows["step"]:
        plan.steps[r["number"]] = m.StepRecord(
            notes=r["notes"], start=r["start_date"], end=r["end_date"]
        )
    for i, r in enumerate(rows["checklist_entry"], start=1):
        step = plan.steps.get(r["step_number"])
        if step is None:
            raise _bad("checklist_entry", i, "step_number", "手順がありません", "no such step")
        if r["item_id"] in step.checklist:
            raise _bad("checklist_entry", i, "item_id", "項目が重複しています", "duplicate item")
        step.checklist[r["item_id"]] = m.ChecklistEntry(done=r["done"], note=r["note"])
    plan.members = [m.Member(r["name"], r["role"], r["department"]) for r in rows["member"]]
    plan.kpis = [
        m.Kpi(r["name"], r["baseline"], r["target"], r["fiscal_year"]) for r in rows["kpi"]
    ]
    units: dict[int, m.Unit] = {}
    for r in rows["unit"]:
        form = m.WorkForm(
            home=r["form_home"], satellite=r["form_satellite"], mobile=r["form_mobile"],
            max_days=r["form_max_days"], cap_period=r["form_cap_period"],
            time_unit=r["form_time_unit"], application_days=r["form_application_days"],
        )  # fmt: skip
        units[r["pk"]] = m.Unit(
            name=r["name"], staff=r["staff"], teleworkers=r["teleworkers"], form=form,
            catalog_id=r["catalog_id"], id=r["id"],
        )  # fmt: skip
    for i, r in enumerate(rows["task"], start=1):
        unit = units.get(r["unit_pk"])
        if unit is None:
            raise _bad("task", i, "unit_pk", "課がありません", "no such unit")
        factors = TaskFactors(
            personal_data=r["personal_data"], network=r["network"], paper=r["paper"],
            counter=r["counter"], onsite=r["onsite"], coordination=r["coordination"],
        )  # fmt: skip
        unit.tasks.append(
            m.Task(
                name=r["name"], factors=factors, selected=r["selected"],
                catalog_id=r["catalog_id"], note=r["note"], id=r["id"],
            )
        )  # fmt: skip
    plan.units = list(units.values())
    plan.rules = [
        m.RuleItem(r["name"], r["status"], r["owner"], r["template_id"], r["id"])
        for r in rows["rule_item"]
    ]
    plan.security = [
        m.SecurityItem(r["role"], r["text"], r["status"], r["measure_id"], r["id"])
        for r in rows["security_item"]
    ]
    plan.training = [
        m.TrainingEvent(r["name"], r["day"], r["audience"], r["note"], r["id"])
        for r in rows["training_event"]
    ]
    plan.phases = [
        m.Phase(r["name"], r["kind"], r["start_date"], r["end_date"], r["measures"], r["id"])
        for r in rows["phase"]
    ]
    scenarios: dict[int, m.Scenario] = {}
    for r in rows["scenario"]:
        scenarios[r["pk"]] = m.Scenario(name=r["name"], note=r["note"], id=r["id"])
    for i, r in enumerate(rows["cost_line"], start=1):
        sc = scenarios.get(r["scenario_pk"])
        if sc is None:
            raise _bad("cost_line", i, "scenario_pk", "シナリオがありません", "no such scenario")
        sc.lines.append(
            m.CostLine(
                name=r["name"], category=r["category"], unit_price=r["unit_price"],
                quantity=r["quantity"], quantity_basis=r["quantity_basis"],
                recurrence=r["recurrence"], start_fy=r["start_fy"], end_fy=r["end_fy"],
                eligible_override=r["eligible_override"], override_reason=r["override_reason"],
                item_id=r["item_id"], note=r["note"], id=r["id"],
            )
        )  # fmt: skip
    plan.scenarios = list(scenarios.values())
    return plan
