"""Issue 24 §2, the property: diff(A, A) is empty, and applying a plan's own edit operations
(``domain/operations.py``: set a value, insert a row, remove a row) gives exactly the
differences the diff reports — no more, no fewer, at the same places."""

from __future__ import annotations

import copy
import itertools
from dataclasses import is_dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.diff import ADDED, CHANGED, REMOVED, diff_plans
from planner.domain.diff_words import name_field
from planner.domain.errors import ValidationError
from planner.domain.operations import InsertRow, Operation, RemoveRow, SetValue, resolve
from planner.domain.records import PLAN, Record
from planner.store.interchange import import_json
from tests.store_plans import CATALOG, plans, sample_json

BASE = import_json(sample_json("kawasemi-town"))


def _paths(record: Record, obj: Any, path: tuple = ()) -> list[tuple[tuple, Record]]:
    """Every record of the plan and its path (the recorded rules are the program's, not edited)."""
    out = [(path, record)]
    for f in record.fields:
        value = getattr(obj, f.name)
        if f.kind == "rows" and f.name != "recorded_rules":
            for row in value:
                out += _paths(f.record, row, (*path, f.name, row.id))
        elif f.kind == "keyed":
            for key, row in value.items():
                out += _paths(f.record, row, (*path, f.name, key))
        elif f.kind == "record":
            out += _paths(f.record, value, (*path, f.name))
    return out


RECORDS = _paths(PLAN, BASE)
LISTS = [((*p, f.name), f.record) for p, r in RECORDS for f in r.fields
         if f.kind == "rows" and f.name != "recorded_rules"]  # fmt: skip


def _value(draw, f, tag: int) -> Any:
    choices = f.choices if isinstance(f.choices, tuple) else tuple(CATALOG.category_ids())
    by_kind = {
        "text": st.text("あいう abc", max_size=6).map(lambda s: f"{s}#{tag}"),  # never two alike
        "int": st.integers(0, 60), "money": st.integers(0, 10**7), "fy": st.integers(2024, 2030),
        "bool": st.booleans(), "date": st.none() | st.dates(date(2024, 1, 1), date(2028, 12, 31)),
        "decimal": st.sampled_from([Decimal("0.35"), Decimal("1"), Decimal("0.90")]),
        "choice": st.sampled_from(choices), "strings": st.just([]),
    }  # fmt: skip
    return draw(by_kind[f.kind])


_IDS = itertools.count()


def _fresh(record: Record, row: Any, tag: int) -> Any:
    """A copy of a row as a new row: new ids (its own rows' too), a name of its own."""
    row = copy.deepcopy(row)
    row.id = f"new{next(_IDS)}"
    named = name_field(record)
    if named is not None:
        setattr(row, named.name, f"新しい行#{tag}")
    for f in record.fields:
        if f.kind == "rows":
            setattr(row, f.name, [_fresh(f.record, r, tag) for r in getattr(row, f.name)])
    return row


@st.composite
def operation(draw, tag: int) -> tuple[Operation, str, tuple] | None:
    """An operation, what it should make the diff say (its kind) and where."""
    kind = draw(st.sampled_from(["set", "set", "set", "insert", "remove"]))
    if kind == "set":
        path, record = draw(st.sampled_from(RECORDS))
        fields = [f for f in record.fields if f.is_scalar and f.kind in (
            "text", "int", "money", "fy", "bool", "date", "decimal", "choice")]  # fmt: skip
        if not fields:
            return None
        f = draw(st.sampled_from(fields))
        value = _value(draw, f, tag)
        return ("set", path, f.name, value), CHANGED, (*path, f.name)
    path, record = draw(st.sampled_from(LISTS))
    rows = resolve(BASE, path)
    if not rows:
        return None
    row = draw(st.sampled_from(rows))
    if kind == "insert":
        new = _fresh(record, row, tag)
        return ("insert", path, draw(st.integers(0, len(rows))), new), ADDED, (*path, new.id)
    return ("remove", path, row.id), REMOVED, (*path, row.id)


def _op(plan, spec) -> Operation:
    if spec[0] == "insert":
        return InsertRow(spec[1], spec[2], spec[3])
    if spec[0] == "remove":
        return RemoveRow(spec[1], spec[2])
    _, path, name, value = spec
    target = resolve(plan, path)
    if is_dataclass(target) and target.__dataclass_params__.frozen:  # a task's factors: whole
        return SetValue(path[:-1], path[-1], replace(target, **{name: value}))
    return SetValue(path, name, value)


def _exists(plan, path: tuple) -> bool:
    try:
        resolve(plan, path)
    except ValidationError:
        return False
    return True


def _differs(a, b, path: tuple) -> bool:
    *record_path, name = path
    record = RECORDS_BY_CLASS[type(resolve(a, tuple(record_path)))]
    f = record.field(name)
    return not f.equal(getattr(resolve(a, tuple(record_path)), name),
                       getattr(resolve(b, tuple(record_path)), name))  # fmt: skip


RECORDS_BY_CLASS = {r.cls: r for _, r in RECORDS}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_differences_reported_are_exactly_those_the_edits_made(data):
    plan = copy.deepcopy(BASE)
    applied = []
    for tag in range(data.draw(st.integers(1, 6))):
        drawn = data.draw(operation(tag))
        if drawn is None:
            continue
        spec, kind, where = drawn
        try:
            _op(plan, spec).apply(plan, CATALOG)
        except ValidationError:
            continue  # refused: the plan is as it was (test_edits_match_save)
        applied.append((kind, where))
    expected = set()
    for kind, where in applied:
        if kind == CHANGED:
            record_path = where[:-1]
            if _exists(BASE, record_path) and _exists(plan, record_path):
                if _differs(BASE, plan, where):
                    expected.add((kind, where))
        elif kind == ADDED:
            if _exists(plan, where) and not _exists(BASE, where) and _exists(BASE, where[:-1]):
                expected.add((kind, where))
        elif _exists(BASE, where) and not _exists(plan, where) and _exists(plan, where[:-1]):
            expected.add((kind, where))
    d = diff_plans(BASE, plan, CATALOG)
    assert {(c.kind, c.path) for c in d.changes} == expected
    assert not d.matches  # every row kept its id: nothing to match by name
    assert diff_plans(plan, plan, CATALOG).is_empty


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_a_plan_and_its_copy_do_not_differ_and_the_diff_is_symmetric(p):
    assert diff_plans(p, p, CATALOG).is_empty
    assert diff_plans(p, copy.deepcopy(p), CATALOG).is_empty
    other = copy.deepcopy(BASE)
    there, back = diff_plans(p, other, CATALOG).counts(), diff_plans(other, p, CATALOG).counts()
    assert (there[ADDED], there[REMOVED], there[CHANGED]) == (
        back[REMOVED],
        back[ADDED],
        back[CHANGED],
    )
