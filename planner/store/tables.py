"""The tables of a .twplan file (the head schema revision), as SQLModel classes.

One row per list entry; a list's order is the order of the integer primary
key ``pk``. Tasks belong to a unit through ``unit_pk``, cost lines to a
scenario through ``scenario_pk``, checklist entries to a step through
``step_number``. Decimal values are stored as text (``"0.35"``) so they round
trip exactly; dates as ISO text (``"2025-04-01"``), as SQLAlchemy's Date does.

Importing this module imports SQLModel/SQLAlchemy: only the store's functions
do so, when first needed. Every schema change needs a new Alembic revision in
``db/versions`` (see docs/file-format.md); tests compare the two.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Table
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel


class StoreModel(SQLModel, registry=registry()):
    """Base of the project file's tables, with a metadata of their own."""


class FileInfo(StoreModel, table=True):
    __tablename__ = "file_info"
    key: str = Field(primary_key=True)
    value: str


class PlanRow(StoreModel, table=True):
    __tablename__ = "plan"
    pk: int | None = Field(default=None, primary_key=True)
    municipality_name: str
    prefecture: str
    general_staff: int
    all_staff: int
    fiscal_year: int
    author: str
    department: str
    fiscal_capacity_index: str | None = None
    plan_years: int
    leader: str
    meeting_plan: str
    existing_devices: int
    existing_rules: str
    current_notes: str
    access_method: str
    device_policy: str
    adopted_scenario_id: str | None = None
    fiscal_capacity_multiplier: str


class PlanListItem(StoreModel, table=True):
    """Plain string lists of the plan: purposes, custom_purposes, network_layers, tools."""

    __tablename__ = "plan_list_item"
    pk: int | None = Field(default=None, primary_key=True)
    list_name: str
    value: str


class StepRow(StoreModel, table=True):
    __tablename__ = "step"
    number: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    notes: str
    start_date: date | None = None
    end_date: date | None = None


class ChecklistRow(StoreModel, table=True):
    __tablename__ = "checklist_entry"
    pk: int | None = Field(default=None, primary_key=True)
    step_number: int = Field(foreign_key="step.number")
    item_id: str
    done: bool
    note: str


class MemberRow(StoreModel, table=True):
    __tablename__ = "member"
    pk: int | None = Field(default=None, primary_key=True)
    name: str
    role: str
    department: str


class KpiRow(StoreModel, table=True):
    __tablename__ = "kpi"
    pk: int | None = Field(default=None, primary_key=True)
    name: str
    baseline: str
    target: str
    fiscal_year: int | None = None


class UnitRow(StoreModel, table=True):
    __tablename__ = "unit"
    pk: int | None = Field(default=None, primary_key=True)
    id: str
    name: str
    staff: int
    teleworkers: int
    catalog_id: str | None = None
    form_home: bool
    form_satellite: bool
    form_mobile: bool
    form_max_days: int
    form_cap_period: str
    form_time_unit: str
    form_application_days: int  # added in revision 0002


class TaskRow(StoreModel, table=True):
    __tablename__ = "task"
    pk: int | None = Field(default=None, primary_key=True)
    unit_pk: int = Field(foreign_key="unit.pk")
    id: str
    name: str
    selected: bool
    catalog_id: str | None = None
    note: str  # added in revision 0002
    personal_data: str
    network: str
    paper: str
    counter: bool
    onsite: bool
    coordination: str


class RuleRow(StoreModel, table=True):
    __tablename__ = "rule_item"
    pk: int | None = Field(default=None, primary_key=True)
    id: str
    name: str
    status: str
    owner: str
    template_id: str | None = None


class SecurityRow(StoreModel, table=True):
    __tablename__ = "security_item"
    pk: int | None = Field(default=None, primary_key=True)
    id: str
    role: str
    text: str
    status: str
    measure_id: str | None = None


class TrainingRow(StoreModel, table=True):
    __tablename__ = "training_event"
    pk: int | None = Field(default=None, primary_key=True)
    id: str
    name: str
    day: date | None = None
    audience: str
    note: str


class PhaseRow(StoreModel, table=True):
    __tablename__ = "phase"
    pk: int | None = Field(default=None, primary_key=True)
    id: str
    name: str
    kind: str
    start_date: date | None = None
    end_date: date | None = None
    measures: str


class ScenarioRow(StoreModel, table=True):
    __tablename__ = "scenario"
    pk: int | None = Field(default=None, primary_key=True)
    id: str
    name: str
    note: str


class CostLineRow(StoreModel, table=True):
    __tablename__ = "cost_line"
    pk: int | None = Field(default=None, primary_key=True)
    scenario_pk: int = Field(foreign_key="scenario.pk")
    id: str
    name: str
    category: str
    unit_price: int
    quantity: int
    quantity_basis: str
    recurrence: str
    start_fy: int
    end_fy: int
    eligible_override: bool | None = None
    override_reason: str
    item_id: str | None = None
    note: str


def table(model: type[StoreModel]) -> Table:
    return model.__table__  # type: ignore[attr-defined,return-value]


# In the order they are written (parents before children).
MODELS: tuple[type[StoreModel], ...] = (
    FileInfo, PlanRow, PlanListItem, StepRow, ChecklistRow, MemberRow, KpiRow, UnitRow, TaskRow,
    RuleRow, SecurityRow, TrainingRow, PhaseRow, ScenarioRow, CostLineRow,
)  # fmt: skip
TABLES: tuple[Table, ...] = tuple(table(m) for m in MODELS)
metadata = StoreModel.metadata
