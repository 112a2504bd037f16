"""An edit is checked by the same function as a save (issue 12, item 2).

Random edits of any declared field of any record of a real plan, with values of
the field's kind and values of the wrong kind or out of bounds: every edit that
is accepted leaves a plan that saves and reopens equal; every edit that is
refused gives exactly the message that saving the same change would give, and
leaves the plan as it was.
"""

from __future__ import annotations

import copy
from dataclasses import is_dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.errors import ValidationError
from planner.domain.operations import SetValue, resolve
from planner.domain.records import PLAN, Field, Record
from planner.domain.validation import validate_plan
from planner.store.interchange import dumps, import_json, plan_from_dict, plan_to_dict
from planner.store.project import open_plan, save_plan
from tests.store_plans import CATALOG, sample_json

BASE = import_json(sample_json("kawasemi-town"))


def record_paths(record: Record, obj: Any, path: tuple = ()) -> list[tuple[tuple, Record]]:
    out = [(path, record)]
    for f in record.fields:
        value = getattr(obj, f.name)
        if f.kind == "rows":
            for i, row in enumerate(value):
                out += record_paths(f.record, row, (*path, f.name, getattr(row, "id", i)))
        elif f.kind == "keyed":
            for key, row in value.items():
                out += record_paths(f.record, row, (*path, f.name, key))
        elif f.kind == "record":
            out += record_paths(f.record, value, (*path, f.name))
    return out


PATHS = record_paths(PLAN, BASE)
texts = st.text(max_size=8) | st.just("") | st.just("   ") | st.just("x" * 10_001)
ints = st.integers(-5, 200) | st.sampled_from([1999, 2025, 2101, 10**12 + 1, 100_001])


def values_for(f: Field) -> st.SearchStrategy[Any]:
    choices = f.choices if isinstance(f.choices, tuple) else ("ict_equipment", "gadgets")
    by_kind = {
        "text": texts,
        "int": ints,
        "money": ints,
        "fy": ints,
        "bool": st.booleans(),
        "date": st.none() | st.dates(date(2024, 1, 1), date(2028, 12, 31)),
        "decimal": st.sampled_from([Decimal("0.35"), Decimal("1"), Decimal("-1"), Decimal("7")]),
        "choice": st.sampled_from([*choices[:3], "bogus"]),
    }
    base = by_kind.get(f.kind, texts)
    return base | st.sampled_from(["12", None, 3])  # wrong kinds too


@st.composite
def edits(draw):
    path, record = draw(st.sampled_from(PATHS))
    fields = [f for f in record.fields if f.is_scalar and f.kind not in ("id", "ref")]
    if not fields:
        return None
    f = draw(st.sampled_from(fields))
    return path, f.name, draw(values_for(f))


def as_operation(plan, path: tuple, name: str, value: Any) -> SetValue:
    """A frozen record (a task's factors) is replaced whole, as the table model does."""
    target = resolve(plan, path)
    if is_dataclass(target) and target.__dataclass_params__.frozen:
        return SetValue(path[:-1], path[-1], replace(target, **{name: value}))
    return SetValue(path, name, value)


def save_would_say(plan, op: SetValue) -> str | None:
    changed = copy.deepcopy(plan)
    setattr(resolve(changed, op.path), op.field, copy.deepcopy(op.value))
    try:
        validate_plan(changed, CATALOG.category_ids())
    except ValidationError as e:
        return e.text("ja")
    return None


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(edits(), min_size=1, max_size=6))
def test_every_edit_is_checked_as_a_save_would_check_it(steps):
    plan = copy.deepcopy(BASE)
    for step in steps:
        if step is None:
            continue
        op = as_operation(plan, *step)
        before = dumps(plan)
        expected = save_would_say(plan, op)
        try:
            op.apply(plan, CATALOG)
        except ValidationError as e:
            assert e.text("ja") == expected
            assert dumps(plan) == before
        else:
            assert expected is None, f"the edit was kept but save says: {expected}"
            assert plan_from_dict(plan_to_dict(plan)) == plan


def test_accepted_edits_save_and_reopen_equal(tmp_path: Path):
    plan = copy.deepcopy(BASE)
    unit = plan.units[0]
    for op in (
        SetValue(("units", unit.id), "staff", unit.staff + 3),
        SetValue(("units", unit.id, "form"), "max_days", 4),
        SetValue(("steps", 10), "notes", "試行は10月から"),
        SetValue(("municipality",), "fiscal_capacity_index", Decimal("0.41")),
    ):
        op.apply(plan, CATALOG)
    save_plan(plan, tmp_path / "p.twplan")
    assert open_plan(tmp_path / "p.twplan") == plan


def test_the_edits_reach_every_kind_of_record_of_the_plan():
    reached = {r.cls.__name__ for _, r in PATHS}
    assert reached >= {
        "Plan", "Municipality", "StepRecord", "ChecklistEntry", "Member", "Kpi", "Unit",
        "WorkForm", "Task", "TaskFactors", "RuleItem", "SecurityItem", "Scenario", "CostLine",
    }  # fmt: skip
