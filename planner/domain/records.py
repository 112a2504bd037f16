"""The plan's records as the program works with them: each record class with its
declared fields (from ``model.py``), its table in the project file and its rules
across fields.

Everything that depends on the plan's shape reads it from here: the checks
(``checks.py``), the project file's tables and row mapping
(``planner/store/columns.py``, ``rows.py``), the SQLModel tables that
migrations are compared against (``store/tables.py``), the JSON interchange
reader, writer and schema (``store/interchange.py``) and the table editors
(``planner/ui/table_model.py``). A new field is declared once, in ``model.py``;
only a new *record* is added here.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from . import model as m
from .declare import Field, declaration_of
from .model import TaskFactors
from .model_rules import RecordedRule, RuleText
from .model_trial import TrialAnswer, TrialCriterion, TrialResponse

__all__ = ["Field", "Record", "RECORDS", "PLAN", "record_of", "record_at", "field_at"]


@dataclass(frozen=True)
class Record:
    cls: type
    fields: tuple[Field, ...]
    table: str | None = None  # its own table in the project file
    rules: tuple[str, ...] = ()  # names of its checks across fields (in checks.py)

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.cls.__name__} has no field {name!r}")

    def build(self, values: dict[str, Any]) -> Any:
        return self.cls(**values)


RECORDS: dict[type, Record] = {}


def _record(cls: type, table: str | None = None, rules: tuple[str, ...] = ()) -> Record:
    """A record from its class's declared fields; the records it holds come first."""
    declared = sorted(declaration_of(cls), key=lambda f: f.name != "id")  # a row's id first
    fields = tuple(
        dataclasses.replace(f, record=RECORDS[f.of]) if f.of is not None else f for f in declared
    )
    record = Record(cls, fields, table, rules)
    RECORDS[cls] = record
    return record


_record(m.ChecklistEntry, "checklist_entry")
_record(m.StepRecord, "step", ("dates_in_order",))
_record(m.Municipality, rules=("staff_within_all_staff",))
_record(m.Member, "member")
_record(m.Measurement, "kpi_measurement", ("period_part_fits",))  # issue 23
_record(m.Kpi, "kpi")
_record(TaskFactors)
_record(m.Task, "task")
_record(m.WorkForm)
_record(m.Unit, "unit", ("teleworkers_within_staff",))
_record(m.RuleItem, "rule_item")
_record(m.SecurityItem, "security_item")
_record(m.TrainingEvent, "training_event")
_record(m.Phase, "phase", ("dates_in_order",))
_record(m.CostLine, "cost_line", ("years_in_order",))
_record(m.Scenario, "scenario")
_record(m.RelatedPlans)  # issue 21: in the plan's row
_record(m.Eligibility)
_record(m.Continuity)  # issue 23: in the plan's row
_record(RuleText)  # issue 19: a recorded subsidy rule's texts, in its row
_record(RecordedRule, "recorded_rule", ("recorded_rule_is_whole",))
_record(TrialAnswer, "trial_answer")  # issue 23: the trial survey (model_trial.py)
_record(TrialResponse, "trial_response")
_record(TrialCriterion, "trial_criterion")
PLAN = _record(
    m.Plan, "plan", ("plan_is_whole", "running_costs_have_a_reason", "costs_are_estimable",
                     "one_recorded_rule_a_year"),
)  # fmt: skip


def record_of(obj: Any) -> Record | None:
    return RECORDS.get(type(obj))


def record_at(path: tuple) -> Record:
    """The record a path of the plan leads to (``("scenarios", "s1", "lines")`` and
    ``("scenarios", "s1", "lines", "c7")`` both lead to a cost line)."""
    record, parts = PLAN, list(path)
    while parts:
        f = record.field(parts.pop(0))
        if f.type.table:
            if parts:
                parts.pop(0)  # the row's id or key
        elif not f.type.inline:
            raise KeyError(f"{path!r} leads to a value, not a record")
        record = f.record
    return record


def field_at(cls: type, dotted: str) -> Field:
    """The declared field of a record class by a dotted name (``"factors.paper"``)."""
    record = RECORDS[cls]
    *inner, last = dotted.split(".")
    for name in inner:
        record = record.field(name).record
    return record.field(last)
