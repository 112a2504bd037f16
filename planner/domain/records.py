"""The plan's records, each field declared once.

For every record of the plan (the dataclasses of ``model.py``) this module says,
field by field: its kind, whether it is required, its bounds, its choice list,
its label (ja, en) and, where it differs from the name, its column in the
project file. Everything else follows from it:

- the checks (``checks.py``): one function checks a record, for an edit and for a save;
- the project file's tables and row mapping (``planner/store/columns.py``, ``rows.py``)
  and the SQLModel tables that migrations are compared against (``store/tables.py``);
- the JSON interchange reader, writer and schema (``planner/store/interchange.py``);
- the editors of table columns (``planner/ui/table_model.py``).

Kinds of scalar field: ``text`` (``required`` = not blank), ``int`` (a count,
0..``maximum``), ``money`` (integer yen), ``bool``, ``date`` (or None),
``decimal``, ``choice`` (one of ``choices``; a catalog list when ``choices`` is
a name), ``fy`` (a fiscal year), ``id`` (a row's stable id), ``ref`` (an id in
the bundled catalog, or None). Kinds that hold other records: ``record`` (one,
stored in the parent's row with ``prefix``), ``rows`` (a list, in the child's
table), ``keyed`` (a dict by ``key``, in the child's table) and ``strings``
(a list of codes or texts, in the shared list table).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from . import model as m
from .catalog import (
    COORDINATION,
    NETWORKS,
    PAPER,
    PERSONAL_DATA,
    QUANTITY_BASES,
    RECURRENCES,
    ROLES,
    TaskFactors,
)
from .text import L10n

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

CATALOG_CHOICES = ("cost_category",)  # choice lists that come from the catalog


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    kind: str
    label: L10n
    required: bool = False  # a JSON key that must be given; a text that must not be blank
    nullable: bool = False
    minimum: int | Decimal = 0
    maximum: int | Decimal | None = None
    choices: tuple[str, ...] | str = ()
    record: Record | None = None  # for record / rows / keyed
    column: str | None = None  # the project file's column, where it differs from ``name``
    prefix: str = ""  # record: prefix of its columns in the parent's row
    key: str = ""  # keyed: the key's name in JSON (its column is ``column``, else the key)
    key_kind: str = "str"  # keyed: "str" or "int"
    hint: L10n | None = None  # the whole message for a bad value, where a general one reads badly
    doc: str = ""  # for the JSON Schema

    @property
    def column_name(self) -> str:
        return self.column or self.name

    @property
    def is_scalar(self) -> bool:
        return self.kind not in ("record", "rows", "keyed", "strings")

    @property
    def upper(self) -> int | Decimal | None:
        """The largest value allowed (counts and money have one by default)."""
        if self.maximum is not None:
            return self.maximum
        return {"int": MAX_STAFF, "money": MAX_YEN}.get(self.kind)


@dataclass(frozen=True)
class Record:
    cls: type
    fields: tuple[Field, ...]
    table: str | None = None  # its own table in the project file
    rules: tuple[Callable[[Any, str], None], ...] = ()  # checks across fields: (record, where)

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.cls.__name__} has no field {name!r}")

    def build(self, values: dict[str, Any]) -> Any:
        return self.cls(**values)


def _f(name: str, kind: str, ja: str, en: str, **kw: Any) -> Field:
    return Field(name, kind, L10n(ja, en), **kw)


def _text(name: str, ja: str, en: str, **kw: Any) -> Field:
    return _f(name, "text", ja, en, **kw)


def _id() -> Field:
    return _f(
        "id", "id", "ID", "Id", doc="stable id of the row (any text; new_id() makes 12 hex digits)"
    )


def _ref(name: str, ja: str, en: str) -> Field:
    return _f(name, "ref", ja, en, nullable=True, doc="id in the bundled catalog, or null")


# -- cross-field rules, each (record, where) -> None or ValidationError ----------------------
# (imported late: checks.py imports this module)


def _rule(name: str) -> Callable[[Any, str], None]:
    def run(obj: Any, where: str) -> None:
        from . import checks

        getattr(checks, name)(obj, where)

    run.__name__ = name
    return run


# -- the declaration ----------------------------------------------------------------------

CHECKLIST_ENTRY = Record(
    m.ChecklistEntry,
    (
        _f("done", "bool", "完了", "Done"),
        _text("note", "メモ", "Note"),
    ),
    table="checklist_entry",
)
STEP = Record(
    m.StepRecord,
    (
        _text("notes", "メモ", "Notes"),
        _f("start", "date", "開始日", "Start date", nullable=True, column="start_date"),
        _f("end", "date", "終了日", "End date", nullable=True, column="end_date"),
        _f("checklist", "keyed", "チェックリスト", "Checklist", record=CHECKLIST_ENTRY,
           key="id", column="item_id", doc="in the order shown"),
    ),
    table="step",
    rules=(_rule("dates_in_order"),),
)  # fmt: skip
MUNICIPALITY = Record(
    m.Municipality,
    (
        _text("name", "団体名", "Municipality name", required=True, column="municipality_name"),
        _f("prefecture", "choice", "都道府県", "Prefecture", required=True, choices=PREFECTURES,
           hint=L10n("都道府県を一覧から選んでください。", "Choose the prefecture from the list."),
           doc="one of the 47 prefectures, e.g. 長野県"),
        _f("general_staff", "int", "一般行政職員数", "General administrative staff", required=True),
        _f("all_staff", "int", "全職員数", "All staff", required=True),
        _f("fiscal_year", "fy", "計画の初年度", "First fiscal year", required=True),
        _text("author", "作成者", "Author"),
        _text("department", "担当部署", "Department"),
        _f("fiscal_capacity_index", "decimal", "財政力指数", "Fiscal capacity index",
           nullable=True, maximum=Decimal(5),
           hint=L10n("財政力指数は0以上5以下の数値で入力してください（例: 0.35）。",
                     "The fiscal capacity index must be a number from 0 to 5 (e.g. 0.35)."),
           doc='財政力指数, e.g. "0.35"'),
    ),
    rules=(_rule("staff_within_all_staff"),),
)  # fmt: skip
MEMBER = Record(
    m.Member,
    (
        _text("name", "メンバー名", "Member name", required=True),
        _text("role", "役割", "Role"),
        _text("department", "所属", "Department"),
    ),
    table="member",
)
KPI = Record(
    m.Kpi,
    (
        _text("name", "指標名", "KPI name", required=True),
        _text("baseline", "現状値", "Baseline"),
        _text("target", "目標値", "Target"),
        _f("fiscal_year", "fy", "目標年度", "Target year", nullable=True),
    ),
    table="kpi",
)
FACTORS = Record(
    TaskFactors,
    (
        _f("personal_data", "choice", "個人情報", "Personal data", choices=PERSONAL_DATA),
        _f("network", "choice", "ネットワーク", "Network", choices=NETWORKS),
        _f("paper", "choice", "紙への依存", "Paper dependence", choices=PAPER),
        _f("counter", "bool", "窓口業務", "Counter work"),
        _f("onsite", "bool", "現地業務", "On-site work"),
        _f("coordination", "choice", "連携の必要性", "Coordination", choices=COORDINATION),
    ),
)
TASK = Record(
    m.Task,
    (
        _id(),
        _text("name", "業務名", "Task name", required=True),
        _f("selected", "bool", "対象", "Selected"),
        _ref("catalog_id", "業務カタログID", "Catalog task id"),
        _text("note", "備考", "Note"),
        _f("factors", "record", "業務の性質", "Task factors", record=FACTORS),
    ),
    table="task",
)
FORM = Record(
    m.WorkForm,
    (
        _f("home", "bool", "在宅勤務", "Home"),
        _f("satellite", "bool", "サテライトオフィス勤務", "Satellite office"),
        _f("mobile", "bool", "モバイルワーク", "Mobile work"),
        _f("max_days", "int", "実施日数の上限", "Day cap", maximum=31, doc="0 = no cap"),
        _f("cap_period", "choice", "上限の単位", "Cap period", choices=m.CAP_PERIODS),
        _f("time_unit", "choice", "時間単位", "Time unit", choices=m.TIME_UNITS),
        _f("application_days", "int", "申請期限", "Application deadline", maximum=60,
           doc="days ahead; 0 = same day"),
    ),
)  # fmt: skip
UNIT = Record(
    m.Unit,
    (
        _id(),
        _text("name", "課の名称", "Unit name", required=True),
        _f("staff", "int", "課の職員数", "Unit staff"),
        _f("teleworkers", "int", "テレワーク実施人数", "Teleworkers"),
        _ref("catalog_id", "課カタログID", "Catalog unit id"),
        _f("form", "record", "実施形態", "Work form", record=FORM, prefix="form_"),
        _f("tasks", "rows", "業務", "Tasks", record=TASK),
    ),
    table="unit",
    rules=(_rule("teleworkers_within_staff"),),
)
RULE_ITEM = Record(
    m.RuleItem,
    (
        _id(),
        _text("name", "規程名", "Rule name", required=True),
        _f("status", "choice", "状況", "Status", choices=m.RULE_STATUSES),
        _text("owner", "担当", "Owner"),
        _ref("template_id", "ひな形ID", "Template id"),
    ),
    table="rule_item",
)
SECURITY_ITEM = Record(
    m.SecurityItem,
    (
        _id(),
        _f("role", "choice", "役割", "Role", required=True, choices=ROLES),
        _text("text", "対策", "Measure", required=True),
        _f("status", "choice", "状況", "Status", choices=m.MEASURE_STATUSES),
        _ref("measure_id", "対策カタログID", "Catalog measure id"),
    ),
    table="security_item",
)
TRAINING_EVENT = Record(
    m.TrainingEvent,
    (
        _id(),
        _text("name", "研修名", "Event name", required=True),
        _f("day", "date", "実施日", "Date", nullable=True),
        _text("audience", "対象者", "Audience"),
        _text("note", "備考", "Note"),
    ),
    table="training_event",
)
PHASE = Record(
    m.Phase,
    (
        _id(),
        _text("name", "段階名", "Phase name", required=True),
        _f("kind", "choice", "種類", "Kind", choices=m.PHASE_KINDS),
        _f("start", "date", "開始日", "Start date", nullable=True, column="start_date"),
        _f("end", "date", "終了日", "End date", nullable=True, column="end_date"),
        _text("measures", "効果検証の方法", "Evaluation"),
    ),
    table="phase",
    rules=(_rule("dates_in_order"),),
)
COST_LINE = Record(
    m.CostLine,
    (
        _id(),
        _text("name", "経費項目名", "Cost item name", required=True),
        _f("category", "choice", "経費区分", "Cost category", required=True,
           choices="cost_category", doc="cost category id of resources/catalog/costs.toml"),
        _f("unit_price", "money", "単価", "Unit price", required=True, doc="yen, tax included"),
        _f("quantity", "int", "数量", "Quantity", maximum=MAX_QUANTITY),
        _f("quantity_basis", "choice", "数量の基準", "Quantity basis", choices=QUANTITY_BASES),
        _f("recurrence", "choice", "発生の種類", "Recurrence", choices=RECURRENCES),
        _f("start_fy", "fy", "開始年度", "Start year"),
        _f("end_fy", "fy", "終了年度", "End year"),
        _f("eligible_override", "bool", "措置対象の変更", "Eligibility override", nullable=True,
           doc="null: the subsidy rule decides"),
        _text("override_reason", "変更理由", "Reason"),
        _ref("item_id", "経費カタログID", "Catalog item id"),
        _text("note", "備考", "Note"),
    ),
    table="cost_line",
    rules=(_rule("years_in_order"),),
)  # fmt: skip
SCENARIO = Record(
    m.Scenario,
    (
        _id(),
        _text("name", "シナリオ名", "Scenario name", required=True),
        _text("note", "備考", "Note"),
        _f("lines", "rows", "経費", "Cost lines", record=COST_LINE),
    ),
    table="scenario",
)
PLAN = Record(
    m.Plan,
    (
        _f("municipality", "record", "団体", "Municipality", required=True, record=MUNICIPALITY),
        _f("plan_years", "int", "計画期間", "Plan period", minimum=1, maximum=MAX_PLAN_YEARS),
        _f("steps", "keyed", "手順", "Steps", record=STEP, key="number", key_kind="int",
           doc="the ten steps, number 1 to 10"),
        _text("leader", "推進責任者", "Leader"),
        _f("members", "rows", "推進チーム", "Team members", record=MEMBER),
        _text("meeting_plan", "会議の計画", "Meeting plan"),
        _f("purposes", "strings", "導入目的", "Purposes",
           doc="purpose id of resources/steps/steps.toml"),
        _f("custom_purposes", "strings", "独自の目的", "Own purposes"),
        _f("kpis", "rows", "目標（KPI）", "KPIs", record=KPI),
        _f("existing_devices", "int", "既存の利用可能端末数", "Existing usable devices"),
        _f("network_layers", "strings", "ネットワーク", "Network layer",
           choices=m.NETWORK_LAYERS),
        _text("existing_rules", "既存の規程", "Existing rules"),
        _text("current_notes", "現状のメモ", "Notes on the current state"),
        _f("units", "rows", "課", "Units", record=UNIT),
        _f("rules", "rows", "規程", "Rules", record=RULE_ITEM),
        _f("access_method", "ref", "リモートアクセスの方式", "Remote access method",
           doc="access method id of resources/catalog/access_methods.toml"),
        _f("device_policy", "choice", "端末の方針", "Device policy", choices=m.DEVICE_POLICIES),
        _f("tools", "strings", "ツール", "Tool", choices=m.TOOLS),
        _f("security", "rows", "情報セキュリティ対策", "Security measures", record=SECURITY_ITEM),
        _f("training", "rows", "研修", "Training", record=TRAINING_EVENT),
        _f("phases", "rows", "段階", "Phases", record=PHASE),
        _f("scenarios", "rows", "シナリオ", "Scenarios", record=SCENARIO),
        _f("adopted_scenario_id", "id", "採用するシナリオ", "Adopted scenario", nullable=True),
        _f("fiscal_capacity_multiplier", "decimal", "財政力補正の乗率",
           "Fiscal capacity multiplier", maximum=Decimal(2),
           hint=L10n("財政力補正の乗率は0以上2以下の数値で入力してください（補正なしは1.0）。",
                     "The fiscal capacity multiplier must be a number from 0 to 2 "
                     "(1.0 = no correction)."),
           doc='財政力補正の乗率, "1" = none'),
    ),
    table="plan",
    rules=(_rule("plan_is_whole"),),
)  # fmt: skip

RECORDS: dict[type, Record] = {
    r.cls: r
    for r in (
        CHECKLIST_ENTRY, STEP, MUNICIPALITY, MEMBER, KPI, FACTORS, TASK, FORM, UNIT, RULE_ITEM,
        SECURITY_ITEM, TRAINING_EVENT, PHASE, COST_LINE, SCENARIO, PLAN,
    )
}  # fmt: skip


def record_of(obj: Any) -> Record | None:
    return RECORDS.get(type(obj))


def field_at(cls: type, dotted: str) -> Field:
    """The declared field of a record class by a dotted name (``"factors.paper"``)."""
    record = RECORDS[cls]
    *inner, last = dotted.split(".")
    for name in inner:
        sub = record.field(name).record
        assert sub is not None, dotted
        record = sub
    return record.field(last)
