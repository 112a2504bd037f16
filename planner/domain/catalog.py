"""The catalog a plan is read against: its types and lookups (pure, no file reading).

The data comes from the TOML files under ``resources/`` and the user's imported rule
files; reading and checking them is the loader's job, at the edge
(``planner/loading``, decision 0010), which returns a ``Catalog`` value.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .model import TaskFactors
from .text import L10n
from .words import Words


@dataclass(frozen=True, slots=True)
class ChecklistItemDef:
    id: str
    text: L10n


@dataclass(frozen=True, slots=True)
class StepDef:
    number: int
    key: str
    title: L10n
    purpose: L10n
    guidance: L10n
    records: tuple[str, ...]
    checklist: tuple[ChecklistItemDef, ...]


@dataclass(frozen=True, slots=True)
class Option:
    """A choice offered by id with a bilingual text (purposes, rules to prepare)."""

    id: str
    text: L10n


@dataclass(frozen=True, slots=True)
class TaskDef:
    id: str
    name: L10n
    factors: TaskFactors  # works_on "" here; a plan's copy gets ``works_on`` (builders)
    works_on: str = "documents"  # issue 15: one of vocabularies.WORKS_ON
    # issue 15: a statute or rule that keeps the task in the office whatever the method
    # (e.g. questionnaires of statistical surveys under 統計法); None: no such rule
    never_remote: L10n | None = None
    priority: bool = False  # issue 23: suggested as 非常時優先業務 (priority work in an emergency)


@dataclass(frozen=True, slots=True)
class KpiDef:
    """Issue 23: a typical KPI offered in step 2 (resources/catalog/kpis.toml)."""

    id: str
    name: L10n
    unit: str  # one of vocabularies.KPI_UNITS
    direction: str  # "up" or "down" is good
    basis: L10n  # how it is usually measured


@dataclass(frozen=True, slots=True)
class UnitDef:
    id: str
    name: L10n
    tasks: tuple[TaskDef, ...]


@dataclass(frozen=True, slots=True)
class CostCategory:
    id: str
    name: L10n
    budget_item: str  # the budget item (節) such costs are usually budgeted under


@dataclass(frozen=True, slots=True)
class CostItemDef:
    id: str
    name: L10n
    category: str
    unit_price: int
    unit: str
    default_quantity: int
    recurrence: str
    basis: L10n


@dataclass(frozen=True, slots=True)
class AccessMethod:
    id: str
    name: L10n
    reaches: frozenset[str]
    screen_transfer: bool
    description: L10n
    telework_type: str = (
        "none"  # issue 15: one of vocabularies.TELEWORK_TYPES (security guideline 5th ed.)
    )
    # issue 15: the place is inside the body's closed network (a 支所 satellite office):
    # not "access from outside", so even the My Number layer can be in ``reaches``
    inside_network: bool = False
    # issue 23: the cost items that give one user access by this method (bcp.py counts
    # them against the staff needing access in an emergency), and whether access is
    # limited by terminal IDs applied for (J-LIS)
    licence_items: tuple[str, ...] = ()
    terminal_ids: bool = False


@dataclass(frozen=True, slots=True)
class SecurityMeasureDef:
    id: str
    role: str
    group: str
    text: L10n
    basic: bool


@dataclass(frozen=True, slots=True)
class SubsidyRule:
    fiscal_year: int
    rate: Fraction
    eligible_categories: frozenset[str]
    rounding_unit: int
    rounding_mode: str
    source: L10n
    date: date
    note: L10n
    coverage: str = "introduction"  # issue 15: one of vocabularies.COVERAGES
    coverage_source: str = "unconfirmed"  # issue 15: where the coverage is stated
    origin: str = "bundled"  # issue 15: "bundled", or the file name of an imported rule
    date_assumed: bool = False  # issue 18: no document gives the date; it is an assumption


@dataclass(frozen=True, slots=True)
class SizeClass:
    id: str
    min_staff: int
    max_staff: int
    adoption_rate: Decimal
    label: L10n


@dataclass(frozen=True, slots=True)
class Benchmarks:
    as_of: date
    source: L10n
    size_classes: tuple[SizeClass, ...]
    raw: dict[str, Any]


@dataclass(frozen=True)
class Catalog:
    """Everything a plan is read against: the ten steps, the task and cost catalogs, the
    access methods and measures, the subsidy rules (with the ones a user imported), the
    survey figures, and the words for coded values. A value: the loader at the edge reads
    it from the data files (``planner/loading``) and passes it to every check and
    operation; nothing in the domain holds a default one."""

    steps: tuple[StepDef, ...]
    purposes: tuple[Option, ...]
    units: tuple[UnitDef, ...]
    cost_categories: tuple[CostCategory, ...]
    cost_items: tuple[CostItemDef, ...]
    access_methods: tuple[AccessMethod, ...]
    security_measures: tuple[SecurityMeasureDef, ...]
    rule_templates: tuple[Option, ...]
    subsidy_rules: tuple[SubsidyRule, ...]
    benchmarks: Benchmarks
    words: Words  # issue 19: resources/words.toml, read with the catalog
    # issue 15: messages about imported rule files that could not be used
    rule_problems: tuple[L10n, ...] = ()
    typical_kpis: tuple[KpiDef, ...] = ()  # issue 23: resources/catalog/kpis.toml

    def typical_kpi(self, kpi_id: str | None) -> KpiDef | None:
        return next((k for k in self.typical_kpis if k.id == kpi_id), None)

    def task(self, task_id: str | None) -> TaskDef | None:
        """The catalog task of an id (issue 15: the network model needs its ``works_on``)."""
        if not task_id:
            return None
        index = self.__dict__.get("_task_index")
        if index is None:
            index = {t.id: t for u in self.units for t in u.tasks}
            self.__dict__["_task_index"] = index  # frozen: cached beside the fields
        return index.get(task_id)

    def step(self, number: int) -> StepDef:
        return self.steps[number - 1]

    def access_method(self, method_id: str) -> AccessMethod:
        for m in self.access_methods:
            if m.id == method_id:
                return m
        return self.access_methods[0]  # "none": an unknown id means undecided

    def cost_item(self, item_id: str) -> CostItemDef | None:
        return next((i for i in self.cost_items if i.id == item_id), None)

    def category_ids(self) -> frozenset[str]:
        return frozenset(c.id for c in self.cost_categories)

    def budget_item(self, line: Any) -> str:
        """The budget item (節) of a cost line: its own, else its category's usual one."""
        if line.budget_item is not None:
            return line.budget_item
        return next(c.budget_item for c in self.cost_categories if c.id == line.category)

    def category_name(self, category_id: str) -> L10n:
        for c in self.cost_categories:
            if c.id == category_id:
                return c.name
        return L10n(category_id, category_id)
