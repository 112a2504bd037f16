"""The plan: municipality, the ten steps' records, units and tasks, cost scenarios.

Plain mutable dataclasses. Every rule about valid values lives in
``validation.py``; every computed figure (suitability, costs) is derived from
these records by pure functions and never stored.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .catalog import TaskFactors
from .errors import ValidationError

STEP_NUMBERS = tuple(range(1, 11))
RULE_STATUSES = ("todo", "in_progress", "done")
MEASURE_STATUSES = ("todo", "in_progress", "done", "not_applicable")
PHASE_KINDS = ("preparation", "trial", "evaluation", "rollout")
TIME_UNITS = ("hour", "half_day", "day")
CAP_PERIODS = ("week", "month")
DEVICE_POLICIES = ("loaned", "own", "mixed")
TOOLS = ("chat", "web_meeting", "groupware", "e_approval", "attendance_system")
NETWORK_LAYERS = ("mynumber", "lgwan", "internet")


def new_id() -> str:
    """12 random hex digits: what ``uuid.uuid4().hex[:12]`` gives (its first six bytes are
    plain os.urandom), without importing uuid (and platform) at every start."""
    return os.urandom(6).hex()


@dataclass
class Municipality:
    name: str
    prefecture: str
    general_staff: int
    all_staff: int
    fiscal_year: int  # first fiscal year of the plan
    author: str = ""
    department: str = ""
    fiscal_capacity_index: Decimal | None = None  # 財政力指数 (3-year average), optional


@dataclass
class ChecklistEntry:
    done: bool = False
    note: str = ""


@dataclass
class StepRecord:
    """What every step has: its checklist, free notes, and its place in the schedule."""

    checklist: dict[str, ChecklistEntry] = field(default_factory=dict)
    notes: str = ""
    start: date | None = None
    end: date | None = None


@dataclass
class Member:
    name: str
    role: str = ""
    department: str = ""


@dataclass
class Kpi:
    name: str
    baseline: str = ""
    target: str = ""
    fiscal_year: int | None = None


@dataclass
class WorkForm:
    """Step 5, per unit: where, how often and in what time unit staff telework."""

    home: bool = True
    satellite: bool = False
    mobile: bool = False
    max_days: int = 0  # 0 = no cap
    cap_period: str = "week"
    time_unit: str = "day"
    application_days: int = 1  # days ahead an application is due; 0 = same day


@dataclass
class Task:
    name: str
    factors: TaskFactors = field(default_factory=TaskFactors)
    selected: bool = False
    catalog_id: str | None = None
    note: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Unit:
    name: str
    staff: int = 0
    teleworkers: int = 0
    tasks: list[Task] = field(default_factory=list)
    form: WorkForm = field(default_factory=WorkForm)
    catalog_id: str | None = None
    id: str = field(default_factory=new_id)


@dataclass
class RuleItem:
    name: str
    status: str = "todo"
    owner: str = ""
    template_id: str | None = None
    id: str = field(default_factory=new_id)


@dataclass
class SecurityItem:
    role: str
    text: str
    status: str = "todo"
    measure_id: str | None = None
    id: str = field(default_factory=new_id)


@dataclass
class TrainingEvent:
    name: str
    day: date | None = None
    audience: str = ""
    note: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Phase:
    name: str
    kind: str = "trial"
    start: date | None = None
    end: date | None = None
    measures: str = ""  # how the phase is evaluated
    id: str = field(default_factory=new_id)


@dataclass
class CostLine:
    """One line of a cost scenario.

    quantity_basis "fixed": ``quantity`` units; otherwise ``quantity`` per
    teleworker / per device needed / per organisation. ``one_time`` lines fall
    in ``start_fy`` only; ``annual`` lines in every year start_fy..end_fy.
    """

    name: str
    category: str
    unit_price: int
    quantity: int = 1
    quantity_basis: str = "fixed"
    recurrence: str = "one_time"
    start_fy: int = 2025
    end_fy: int = 2025
    eligible_override: bool | None = None  # None: the rule's category list decides
    override_reason: str = ""
    item_id: str | None = None
    note: str = ""
    id: str = field(default_factory=new_id)
    # yen over the line's whole period paid from earmarked revenue (特定財源: a national
    # grant, a prefectural subsidy); taken off the eligible base (costs.py)
    other_revenue: int = 0  # issue 15


@dataclass
class Scenario:
    name: str
    lines: list[CostLine] = field(default_factory=list)
    note: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Plan:
    municipality: Municipality
    plan_years: int = 3
    steps: dict[int, StepRecord] = field(
        default_factory=lambda: {n: StepRecord() for n in STEP_NUMBERS}
    )
    # 1 promotion structure
    leader: str = ""
    members: list[Member] = field(default_factory=list)
    meeting_plan: str = ""
    # 2 purpose and targets
    purposes: list[str] = field(default_factory=list)  # catalog purpose ids
    custom_purposes: list[str] = field(default_factory=list)
    kpis: list[Kpi] = field(default_factory=list)
    # 3 current state
    existing_devices: int = 0
    network_layers: list[str] = field(default_factory=lambda: list(NETWORK_LAYERS))
    existing_rules: str = ""
    current_notes: str = ""
    network_model: str = "alpha"  # issue 15: NETWORK_MODELS in network_model.py
    # 4 and 5: units, tasks, teleworkers and forms
    units: list[Unit] = field(default_factory=list)
    home_allowance_staff: int = 0  # issue 15: staff paid the 在宅勤務等手当 (step 5)
    # issue 15: 要配慮個人情報 away from the office: "screen_transfer_only" | "not_allowed"
    personal_data_at_home: str = "not_allowed"
    # 6 rules
    rules: list[RuleItem] = field(default_factory=list)
    # 7 ICT
    access_method: str = "none"
    device_policy: str = "loaned"
    tools: list[str] = field(default_factory=list)
    # 8 security, 9 training, 10 rollout
    security: list[SecurityItem] = field(default_factory=list)
    training: list[TrainingEvent] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)
    # costs
    scenarios: list[Scenario] = field(default_factory=list)
    adopted_scenario_id: str | None = None
    fiscal_capacity_multiplier: Decimal = Decimal(1)
    running_costs_eligible: bool = False  # issue 15: count running costs too (needs a reason)
    running_costs_reason: str = ""  # issue 15: e.g. the prefecture's written answer

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
        for u in self.units:
            if u.id == unit_id:
                return u
        raise ValidationError(
            "unit", f"課（ID: {unit_id}）が見つかりません。", f"Unknown unit (id {unit_id})."
        )

    def adopted_scenario(self) -> Scenario | None:
        for s in self.scenarios:
            if s.id == self.adopted_scenario_id:
                return s
        return self.scenarios[0] if self.scenarios else None
