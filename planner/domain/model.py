"""The plan: municipality, the ten steps' records, units and tasks (tasks and their
factors in ``model_tasks.py``, cost scenarios in ``model_costs.py``, code lists in
``vocabularies.py``). Plain mutable dataclasses; each field is declared once, beside its
type and default (``declared``: kind, bounds, choices, label — see ``declare.py``). The
checks, the project file, the JSON format and the table editors follow from these
declarations (``records.py``). Computed figures (suitability, costs) are never stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from . import model_trial as _trial
from .declare import MAX_PLAN_YEARS, MAX_QUANTITY, check_shape, declared
from .declare import catalog_ref as _ref
from .declare import free_text as _text
from .declare import new_id as new_id  # re-exported: ``m.new_id``
from .declare import row_id as _id
from .errors import ValidationError
from .model_continuity import Continuity
from .model_costs import CostLine as CostLine  # re-exported with the plan's records
from .model_costs import Scenario
from .model_documents import Eligibility as Eligibility  # re-exported, as CostLine
from .model_documents import RelatedPlans as RelatedPlans
from .model_documents import plan_record
from .model_kpis import Kpi as Kpi  # issue 23: KPIs as numbers, re-exported
from .model_kpis import Measurement as Measurement
from .model_municipality import Municipality as Municipality  # re-exported, as CostLine
from .model_rules import RecordedRule, recorded_rules, rules_from
from .model_tasks import Task
from .model_tasks import TaskFactors as TaskFactors  # re-exported with the plan's records
from .text import L10n
from .vocabularies import (
    CAP_PERIODS,
    DEVICE_POLICIES,
    MEASURE_STATUSES,
    NETWORK_LAYERS,
    NETWORK_MODELS,
    PERSONAL_DATA_POLICIES,
    PHASE_KINDS,
    ROLES,
    RULE_STATUSES,
    STEP_NUMBERS,
    TIME_UNITS,
    TOOLS,
)


@dataclass
class ChecklistEntry:
    done: bool = declared("bool", "完了", "Done", default=False)
    note: str = _text("メモ", "Note")


@dataclass
class StepRecord:
    """What every step has: its checklist, free notes, and its place in the schedule."""

    notes: str = _text("メモ", "Notes")
    start: date | None = declared(
        "date", "開始日", "Start date", default=None, nullable=True, column="start_date"
    )
    end: date | None = declared(
        "date", "終了日", "End date", default=None, nullable=True, column="end_date"
    )
    checklist: dict[str, ChecklistEntry] = declared(
        "keyed",
        "チェックリスト",
        "Checklist",
        factory=dict,
        of=ChecklistEntry,
        key="id",
        column="item_id",
        doc="in the order shown",
    )


@dataclass
class Member:
    name: str = declared("text", "メンバー名", "Member name", required=True)
    role: str = _text("役割", "Role")
    department: str = _text("所属", "Department")
    id: str = _id()  # issue 19


@dataclass
class WorkForm:
    """Step 5, per unit: where, how often and in what time unit staff telework."""

    home: bool = declared("bool", "在宅勤務", "Home", default=True)
    satellite: bool = declared("bool", "サテライトオフィス勤務", "Satellite office", default=False)
    mobile: bool = declared("bool", "モバイルワーク", "Mobile work", default=False)
    max_days: int = declared(
        "int", "実施日数の上限", "Day cap", default=0, maximum=31, doc="0 = no cap"
    )
    cap_period: str = declared(
        "choice",
        "上限の単位",
        "Cap period",
        default="week",
        choices=CAP_PERIODS,
        words="cap_period",
    )
    time_unit: str = declared(
        "choice", "時間単位", "Time unit", default="day", choices=TIME_UNITS, words="time_unit"
    )
    application_days: int = declared(
        "int",
        "申請期限",
        "Application deadline",
        default=1,
        maximum=60,
        doc="days ahead an application is due; 0 = same day",
    )


@dataclass
class Unit:
    name: str = declared("text", "課の名称", "Unit name", required=True)
    staff: int = declared("int", "課の職員数", "Unit staff", default=0)
    teleworkers: int = declared("int", "テレワーク実施人数", "Teleworkers", default=0)
    catalog_id: str | None = _ref("課カタログID", "Catalog unit id")
    form: WorkForm = declared(
        "record", "実施形態", "Work form", factory=WorkForm, of=WorkForm, prefix="form_"
    )
    tasks: list[Task] = declared("rows", "業務", "Tasks", factory=list, of=Task)
    id: str = _id()


@dataclass
class RuleItem:
    name: str = declared("text", "規程名", "Rule name", required=True)
    status: str = declared(
        "choice", "状況", "Status", default="todo", choices=RULE_STATUSES, words="rule_status"
    )
    owner: str = _text("担当", "Owner")
    template_id: str | None = _ref("ひな形ID", "Template id")
    id: str = _id()
    # issue 21: 職員団体との交渉 (地方公務員法55条) and when the rule is decided
    union_date: date | None = declared("date", "職員団体との交渉日", "Union consulted on",
                                       default=None, nullable=True)  # fmt: skip
    decided_when: str = _text("議決・決定の時期", "Decided (council session or date)")


@dataclass
class SecurityItem:
    role: str = declared("choice", "役割", "Role", required=True, choices=ROLES, words="role")
    text: str = declared("text", "対策", "Measure", required=True)
    status: str = declared(
        "choice", "状況", "Status", default="todo", choices=MEASURE_STATUSES, words="measure_status"
    )
    measure_id: str | None = _ref("対策カタログID", "Catalog measure id")
    id: str = _id()


@dataclass
class TrainingEvent:
    name: str = declared("text", "研修名", "Event name", required=True)
    day: date | None = declared("date", "実施日", "Date", default=None, nullable=True)
    audience: str = _text("対象者", "Audience")
    note: str = _text("備考", "Note")
    id: str = _id()


@dataclass
class Phase:
    name: str = declared("text", "段階名", "Phase name", required=True)
    kind: str = declared(
        "choice", "種類", "Kind", default="trial", choices=PHASE_KINDS, words="phase_kind"
    )
    start: date | None = declared(
        "date", "開始日", "Start date", default=None, nullable=True, column="start_date"
    )
    end: date | None = declared(
        "date", "終了日", "End date", default=None, nullable=True, column="end_date"
    )
    measures: str = _text("効果検証の方法", "Evaluation")  # how the phase is evaluated
    id: str = _id()


def _all_steps() -> dict[int, StepRecord]:
    return {n: StepRecord() for n in STEP_NUMBERS}


@dataclass
class Plan:
    municipality: Municipality = declared(
        "record", "団体", "Municipality", required=True, of=Municipality
    )
    plan_years: int = declared("int", "計画期間", "Plan period", default=3, minimum=1, maximum=MAX_PLAN_YEARS)  # fmt: skip
    plan_id: str = declared("id", "計画ID", "Plan id", factory=new_id, doc="the plan's own id: versions of one plan share it (issue 24)")  # fmt: skip
    document_date: date | None = declared(
        "date",
        "作成日",
        "Date of the plan",
        default=None,
        nullable=True,
        doc="date of the plan document (作成日), printed on the cover; null (files from before "
        "issue 18): the day of export, with a warning",
    )  # issue 18; new plans get today (builders.new_plan)
    steps: dict[int, StepRecord] = declared(
        "keyed",
        "手順",
        "Steps",
        factory=_all_steps,
        of=StepRecord,
        key="number",
        key_kind="int",
        doc="the ten steps, number 1 to 10",
    )
    # 1 promotion structure
    leader: str = _text("推進責任者", "Leader")
    members: list[Member] = declared("rows", "推進チーム", "Team members", factory=list, of=Member)
    meeting_plan: str = _text("会議の計画", "Meeting plan")
    # 2 purpose and targets
    purposes: list[str] = declared(
        "strings",
        "導入目的",
        "Purposes",
        factory=list,
        doc="purpose id of resources/steps/steps.toml",
    )
    custom_purposes: list[str] = declared("strings", "独自の目的", "Own purposes", factory=list)
    kpis: list[Kpi] = declared("rows", "目標（KPI）", "KPIs", factory=list, of=Kpi)
    related_plans: RelatedPlans = plan_record(RelatedPlans, "関連する計画", "Related plans",
                                              "related_")  # issue 21  # fmt: skip
    # 3 current state
    existing_devices: int = declared("int", "既存の利用可能端末数", "Existing usable devices", default=0)  # fmt: skip
    network_layers: list[str] = declared(
        "strings",
        "ネットワーク",
        "Network layer",
        factory=lambda: list(NETWORK_LAYERS),
        choices=NETWORK_LAYERS,
        words="network_layer",
    )
    existing_rules: str = _text("既存の規程", "Existing rules")
    current_notes: str = _text("現状のメモ", "Notes on the current state")
    network_model: str = declared(
        "choice",
        "ネットワークのモデル",
        "Network model",
        default="alpha",
        choices=NETWORK_MODELS,
        words="network_model",
        doc="α / α′ / β / β′ model of the policy guideline (October 2024)",
    )  # issue 15
    # 4 and 5: units, tasks, teleworkers and forms
    units: list[Unit] = declared("rows", "課", "Units", factory=list, of=Unit)
    home_allowance_staff: int = declared(
        "int",
        "在宅勤務等手当の対象職員数",
        "Staff paid the telework allowance",
        default=0,
        maximum=MAX_QUANTITY,
    )  # issue 15 (step 5)
    personal_data_at_home: str = declared(
        "choice",
        "在宅等での要配慮個人情報の取扱い",
        "Sensitive personal data at home or on the move",
        default="not_allowed",
        choices=PERSONAL_DATA_POLICIES,
        words="personal_data_policy",
    )  # issue 15 (steps 5 and 8)
    eligibility: Eligibility = plan_record(Eligibility, "対象者・承認・勤怠", "Eligibility, approval, attendance",
                                           "eligibility_")  # issue 21  # fmt: skip
    # 6 rules
    rules: list[RuleItem] = declared("rows", "規程", "Rules", factory=list, of=RuleItem)
    # 7 ICT
    access_method: str = declared(
        "ref",
        "リモートアクセスの方式",
        "Remote access method",
        default="none",
        doc="access method id of resources/catalog/access_methods.toml",
    )
    device_policy: str = declared(
        "choice",
        "端末の方針",
        "Device policy",
        default="loaned",
        choices=DEVICE_POLICIES,
        words="device_policy",
    )
    tools: list[str] = declared(
        "strings", "ツール", "Tool", factory=list, choices=TOOLS, words="tool"
    )
    # 8 security, 9 training, 10 rollout
    security: list[SecurityItem] = declared(
        "rows", "情報セキュリティ対策", "Security measures", factory=list, of=SecurityItem
    )
    training: list[TrainingEvent] = declared(
        "rows", "研修", "Training", factory=list, of=TrainingEvent
    )
    phases: list[Phase] = declared("rows", "段階", "Phases", factory=list, of=Phase)
    trial_responses: list[_trial.TrialResponse] = _trial.responses()  # issue 23: model_trial.py
    trial_criteria: list[_trial.TrialCriterion] = _trial.criteria()
    # costs
    scenarios: list[Scenario] = declared("rows", "シナリオ", "Scenarios", factory=list, of=Scenario)
    adopted_scenario_id: str | None = declared(
        "id", "採用するシナリオ", "Adopted scenario", default=None, nullable=True
    )
    fiscal_capacity_multiplier: Decimal = declared(
        "decimal",
        "財政力補正の乗率",
        "Fiscal capacity multiplier",
        default=Decimal(1),
        maximum=Decimal(2),
        hint=L10n(
            "財政力補正の乗率は0以上2以下の数値で入力してください（補正なしは1.0）。",
            "The fiscal capacity multiplier must be a number from 0 to 2 (1.0 = no correction).",
        ),
        doc='財政力補正の乗率, "1" = none',
    )
    running_costs_eligible: bool = declared(
        "bool", "運用経費も対象とする", "Count running costs as eligible too", default=False
    )  # issue 15: needs a reason (checks.running_costs_have_a_reason)
    running_costs_reason: str = _text("運用経費も対象とする根拠", "Reason for counting running costs")  # issue 15  # fmt: skip
    recorded_rules: list[RecordedRule] = recorded_rules()  # issue 19: model_rules.py
    subsidy_rules_from: str = rules_from()
    device_life_years: int = declared("int", "端末の更新年数", "Device life (years)", default=5, minimum=1, maximum=15)  # issue 20: 後年度負担 (budget.py)  # fmt: skip
    continuity: Continuity = plan_record(Continuity, "業務継続（BCP）", "Business continuity", "bcp_")  # issue 23: bcp.py  # fmt: skip

    # -- derived views, used everywhere -------------------------------------------------

    @property
    def fiscal_years(self) -> list[int]:
        first = self.municipality.fiscal_year
        return list(range(first, first + self.plan_years))

    @property
    def title(self) -> str:
        return f"{self.municipality.name} テレワーク導入実施計画"

    def teleworkers(self) -> int:
        return sum(u.teleworkers for u in self.units)

    def devices_needed(self) -> int:
        return max(0, self.teleworkers() - self.existing_devices)

    def selected_tasks(self) -> list[tuple[Unit, Task]]:
        return [(u, t) for u in self.units for t in u.tasks if t.selected]

    def unit(self, unit_id: str) -> Unit:
        if (found := next((u for u in self.units if u.id == unit_id), None)) is not None:
            return found
        raise ValidationError("unit", f"課（ID: {unit_id}）が見つかりません。", f"Unknown unit (id {unit_id}).")  # fmt: skip

    def adopted_scenario(self) -> Scenario | None:
        chosen = (s for s in self.scenarios if s.id == self.adopted_scenario_id)
        return next(chosen, self.scenarios[0] if self.scenarios else None)


check_shape(Plan)  # a record the project file cannot keep fails here, at import
