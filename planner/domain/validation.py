"""Rules for valid values. Each check raises ValidationError(field, ja, en).

Nothing is clipped or corrected silently: a value is accepted as entered or
refused with a message that says what is wrong and how to fix it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from . import model as m
from .catalog import (
    COORDINATION,
    NETWORKS,
    PAPER,
    PERSONAL_DATA,
    QUANTITY_BASES,
    RECURRENCES,
    ROLES,
)
from .errors import ValidationError
from .fiscal import check_fiscal_year

MAX_TEXT = 10_000  # characters in any one name or note
MAX_STAFF = 100_000
MAX_YEN = 10**12
MAX_QUANTITY = 1_000_000
MAX_PLAN_YEARS = 10
MAX_ITEMS = 20_000  # rows in any one list of a plan

PREFECTURES = (
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県",
    "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県",
    "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府",
    "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
    "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県",
    "鹿児島県", "沖縄県",
)  # fmt: skip


def require_text(value: object, field: str, label_ja: str, label_en: str, *, required: bool) -> str:
    if not isinstance(value, str):
        raise ValidationError(
            field, f"{label_ja}は文字で入力してください。", f"{label_en} must be text."
        )
    if required and not value.strip():
        raise ValidationError(
            field, f"{label_ja}を入力してください。", f"Enter the {label_en.lower()}."
        )
    if len(value) > MAX_TEXT:
        raise ValidationError(
            field,
            f"{label_ja}が長すぎます（{len(value):,}文字、上限{MAX_TEXT:,}文字）。",
            f"The {label_en.lower()} is too long ({len(value):,} characters, at most {MAX_TEXT:,}).",
        )
    return value


def require_count(
    value: object, field: str, label_ja: str, label_en: str, maximum: int = MAX_STAFF
) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(
            field, f"{label_ja}は整数で入力してください。", f"{label_en} must be a whole number."
        )
    if value < 0:
        raise ValidationError(
            field,
            f"{label_ja}に負の値は入力できません（入力値: {value}）。",
            f"{label_en} cannot be negative ({value}).",
        )
    if value > maximum:
        raise ValidationError(
            field,
            f"{label_ja}が大きすぎます（{value:,}、上限{maximum:,}）。",
            f"{label_en} is too large ({value:,}, at most {maximum:,}).",
        )
    return value


def require_choice(
    value: object, field: str, choices: Iterable[str], label_ja: str, label_en: str
) -> str:
    choices = tuple(choices)
    if value not in choices:
        raise ValidationError(
            field,
            f"{label_ja}の値「{value}」は選択肢にありません。",
            f"'{value}' is not a valid {label_en.lower()}.",
        )
    return value  # type: ignore[return-value]


def require_date_order(start: date | None, end: date | None, field: str) -> None:
    if start and end and end < start:
        raise ValidationError(
            field,
            f"終了日（{end:%Y-%m-%d}）が開始日（{start:%Y-%m-%d}）より前です。",
            f"The end date ({end:%Y-%m-%d}) is before the start date ({start:%Y-%m-%d}).",
        )


def validate_municipality(mu: m.Municipality) -> None:
    require_text(mu.name, "municipality.name", "団体名", "Municipality name", required=True)
    if mu.prefecture not in PREFECTURES:
        raise ValidationError(
            "municipality.prefecture",
            "都道府県を一覧から選んでください。",
            "Choose the prefecture from the list.",
        )
    require_count(
        mu.general_staff,
        "municipality.general_staff",
        "一般行政職員数",
        "General administrative staff",
    )
    require_count(mu.all_staff, "municipality.all_staff", "全職員数", "All staff")
    if mu.general_staff > mu.all_staff:
        raise ValidationError(
            "municipality.general_staff",
            f"一般行政職員数（{mu.general_staff}人）が全職員数（{mu.all_staff}人）を超えています。",
            f"General administrative staff ({mu.general_staff}) exceed all staff ({mu.all_staff}).",
        )
    check_fiscal_year(mu.fiscal_year, "municipality.fiscal_year")
    require_text(mu.author, "municipality.author", "作成者", "Author", required=False)
    require_text(mu.department, "municipality.department", "担当部署", "Department", required=False)
    idx = mu.fiscal_capacity_index
    if idx is not None and (
        not isinstance(idx, Decimal) or not idx.is_finite() or not 0 <= idx <= 5
    ):
        raise ValidationError(
            "municipality.fiscal_capacity_index",
            "財政力指数は0以上5以下の数値で入力してください（例: 0.35）。",
            "The fiscal capacity index must be a number from 0 to 5 (e.g. 0.35).",
        )


def validate_teleworkers(unit: m.Unit, field: str) -> None:
    require_count(unit.teleworkers, f"{field}.teleworkers", "テレワーク実施人数", "Teleworkers")
    if unit.teleworkers > unit.staff:
        raise ValidationError(
            f"{field}.teleworkers",
            f"テレワーク実施人数（{unit.teleworkers}人）が課の職員数（{unit.staff}人）を超えています。",
            f"Teleworkers ({unit.teleworkers}) exceed the unit's staff ({unit.staff}).",
        )


def validate_task(task: m.Task, field: str) -> None:
    require_text(task.name, f"{field}.name", "業務名", "Task name", required=True)
    require_text(task.note, f"{field}.note", "備考", "Note", required=False)
    f = task.factors
    require_choice(
        f.personal_data, f"{field}.personal_data", PERSONAL_DATA, "個人情報", "Personal data"
    )
    require_choice(f.network, f"{field}.network", NETWORKS, "ネットワーク", "Network")
    require_choice(f.paper, f"{field}.paper", PAPER, "紙への依存", "Paper dependence")
    require_choice(
        f.coordination, f"{field}.coordination", COORDINATION, "連携の必要性", "Coordination"
    )


def validate_form(form: m.WorkForm, field: str) -> None:
    require_count(form.max_days, f"{field}.max_days", "実施日数の上限", "Day cap", maximum=31)
    require_choice(
        form.cap_period, f"{field}.cap_period", m.CAP_PERIODS, "上限の単位", "Cap period"
    )
    require_choice(form.time_unit, f"{field}.time_unit", m.TIME_UNITS, "時間単位", "Time unit")
    require_count(
        form.application_days,
        f"{field}.application_days",
        "申請期限",
        "Application deadline",
        maximum=60,
    )


def validate_unit(unit: m.Unit, field: str) -> None:
    require_text(unit.name, f"{field}.name", "課の名称", "Unit name", required=True)
    require_count(unit.staff, f"{field}.staff", "課の職員数", "Unit staff")
    validate_teleworkers(unit, field)
    validate_form(unit.form, f"{field}.form")
    _require_rows(unit.tasks, f"{field}.tasks")
    for i, task in enumerate(unit.tasks):
        validate_task(task, f"{field}.tasks[{i}]")


def validate_cost_line(
    line: m.CostLine, field: str, categories: Iterable[str] | None = None
) -> None:
    require_text(line.name, f"{field}.name", "経費項目名", "Cost item name", required=True)
    if categories is not None:
        require_choice(line.category, f"{field}.category", categories, "経費区分", "Cost category")
    require_count(line.unit_price, f"{field}.unit_price", "単価", "Unit price", maximum=MAX_YEN)
    require_count(line.quantity, f"{field}.quantity", "数量", "Quantity", maximum=MAX_QUANTITY)
    require_choice(
        line.quantity_basis,
        f"{field}.quantity_basis",
        QUANTITY_BASES,
        "数量の基準",
        "Quantity basis",
    )
    require_choice(line.recurrence, f"{field}.recurrence", RECURRENCES, "発生の種類", "Recurrence")
    check_fiscal_year(line.start_fy, f"{field}.start_fy")
    check_fiscal_year(line.end_fy, f"{field}.end_fy")
    if line.end_fy < line.start_fy:
        raise ValidationError(
            f"{field}.end_fy",
            f"終了年度（{line.end_fy}年度）が開始年度（{line.start_fy}年度）より前です。",
            f"The end year (FY{line.end_fy}) is before the start year (FY{line.start_fy}).",
        )
    if line.eligible_override is not None:
        require_text(
            line.override_reason, f"{field}.override_reason", "変更理由", "Reason", required=False
        )


def _require_rows(rows: list, field: str) -> None:
    if len(rows) > MAX_ITEMS:
        raise ValidationError(
            field, f"行数が多すぎます（{len(rows):,}行）。", f"Too many rows ({len(rows):,})."
        )


def _require_unique_ids(ids: list[str], field: str) -> None:
    if len(set(ids)) != len(ids):
        raise ValidationError(field, "IDが重複しています。", "Duplicate ids.")


def validate_plan(plan: m.Plan, categories: Iterable[str] | None = None) -> None:
    """Check a whole plan (after loading a file, before saving). Raises the first problem."""
    validate_municipality(plan.municipality)
    require_count(plan.plan_years, "plan_years", "計画期間", "Plan period", maximum=MAX_PLAN_YEARS)
    if plan.plan_years < 1:
        raise ValidationError(
            "plan_years",
            "計画期間は1年以上にしてください。",
            "The plan period must be at least one year.",
        )
    if sorted(plan.steps) != list(m.STEP_NUMBERS):
        raise ValidationError(
            "steps", "10の手順の記録がそろっていません。", "The ten steps' records are incomplete."
        )
    for n, rec in plan.steps.items():
        require_text(rec.notes, f"steps[{n}].notes", "メモ", "Notes", required=False)
        require_date_order(rec.start, rec.end, f"steps[{n}].end")
        for item_id, entry in rec.checklist.items():
            require_text(
                entry.note, f"steps[{n}].checklist[{item_id}].note", "メモ", "Note", required=False
            )
    for field, label_ja, label_en in (
        ("leader", "推進責任者", "Leader"),
        ("meeting_plan", "会議の計画", "Meeting plan"),
        ("existing_rules", "既存の規程", "Existing rules"),
        ("current_notes", "現状のメモ", "Notes on the current state"),
    ):
        require_text(getattr(plan, field), field, label_ja, label_en, required=False)
    for name, rows in (
        ("members", plan.members), ("kpis", plan.kpis), ("units", plan.units), ("rules", plan.rules),
        ("security", plan.security), ("training", plan.training), ("phases", plan.phases),
        ("scenarios", plan.scenarios),
    ):  # fmt: skip
        _require_rows(rows, name)
    for i, mem in enumerate(plan.members):
        require_text(mem.name, f"members[{i}].name", "メンバー名", "Member name", required=True)
    for i, kpi in enumerate(plan.kpis):
        require_text(kpi.name, f"kpis[{i}].name", "指標名", "KPI name", required=True)
        if kpi.fiscal_year is not None:
            check_fiscal_year(kpi.fiscal_year, f"kpis[{i}].fiscal_year")
    require_count(
        plan.existing_devices, "existing_devices", "既存の利用可能端末数", "Existing usable devices"
    )
    for layer in plan.network_layers:
        require_choice(layer, "network_layers", m.NETWORK_LAYERS, "ネットワーク", "Network layer")
    _require_unique_ids([u.id for u in plan.units], "units")
    _require_unique_ids([t.id for u in plan.units for t in u.tasks], "tasks")
    for i, unit in enumerate(plan.units):
        validate_unit(unit, f"units[{i}]")
    for i, rule in enumerate(plan.rules):
        require_text(rule.name, f"rules[{i}].name", "規程名", "Rule name", required=True)
        require_choice(rule.status, f"rules[{i}].status", m.RULE_STATUSES, "状況", "Status")
    require_choice(
        plan.device_policy, "device_policy", m.DEVICE_POLICIES, "端末の方針", "Device policy"
    )
    for tool in plan.tools:
        require_choice(tool, "tools", m.TOOLS, "ツール", "Tool")
    for i, item in enumerate(plan.security):
        require_choice(item.role, f"security[{i}].role", ROLES, "役割", "Role")
        require_text(item.text, f"security[{i}].text", "対策", "Measure", required=True)
        require_choice(item.status, f"security[{i}].status", m.MEASURE_STATUSES, "状況", "Status")
    for i, ev in enumerate(plan.training):
        require_text(ev.name, f"training[{i}].name", "研修名", "Event name", required=True)
    for i, ph in enumerate(plan.phases):
        require_text(ph.name, f"phases[{i}].name", "段階名", "Phase name", required=True)
        require_choice(ph.kind, f"phases[{i}].kind", m.PHASE_KINDS, "種類", "Kind")
        require_date_order(ph.start, ph.end, f"phases[{i}].end")
    validate_costs(plan, categories)
    from .costs import check_estimable  # costs imports this module's limits

    check_estimable(plan)  # a plan that validates can be summarised and exported


def validate_costs(plan: m.Plan, categories: Iterable[str] | None = None) -> None:
    mult = plan.fiscal_capacity_multiplier
    if not isinstance(mult, Decimal) or not mult.is_finite() or not 0 <= mult <= 2:
        raise ValidationError(
            "fiscal_capacity_multiplier",
            "財政力補正の乗率は0以上2以下の数値で入力してください（補正なしは1.0）。",
            "The fiscal capacity multiplier must be a number from 0 to 2 (1.0 = no correction).",
        )
    cats = tuple(categories) if categories is not None else None
    _require_unique_ids([s.id for s in plan.scenarios], "scenarios")
    for i, sc in enumerate(plan.scenarios):
        require_text(sc.name, f"scenarios[{i}].name", "シナリオ名", "Scenario name", required=True)
        _require_rows(sc.lines, f"scenarios[{i}].lines")
        for j, line in enumerate(sc.lines):
            validate_cost_line(line, f"scenarios[{i}].lines[{j}]", cats)
    if plan.scenarios and plan.adopted_scenario_id not in {s.id for s in plan.scenarios}:
        raise ValidationError(
            "adopted_scenario_id",
            "採用するシナリオを選んでください。",
            "Choose the adopted scenario.",
        )
