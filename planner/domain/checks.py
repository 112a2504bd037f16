"""The one set of checks of a plan, derived from the declaration in ``records.py``.

``check_record`` checks one record's own fields and its rules across fields: an
edit calls it for the record it changed, and ``check_plan`` (saving, opening,
importing) calls it for every record of the plan. So an edit is refused with
exactly the message that a save would give. Nothing is clipped or corrected:
a value is kept as entered or refused with a message saying how to fix it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from . import model as m
from .costs import check_estimable
from .declare import MAX_ITEMS, MAX_TEXT, Field
from .errors import ValidationError
from .fastcheck import FastTest, fast_test
from .fiscal import check_fiscal_year
from .records import PLAN, Record, record_of
from .text import L10n

Choices = dict[str, Iterable[str]]  # catalog choice lists by name ("cost_category": ids)


def catalog_choices(catalog: Any = None) -> Choices:
    """The catalog's lists that choice fields refer to by name."""
    if catalog is None:
        from .catalog import default_catalog

        catalog = default_catalog()
    return {"cost_category": catalog.category_ids()}


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


# -- one field ----------------------------------------------------------------------------


def check_text(value: object, where: str, label: L10n, *, required: bool) -> str:
    if not isinstance(value, str):
        raise ValidationError(
            where, f"{label.ja}は文字で入力してください。", f"{label.en} must be text."
        )
    if required and not value.strip():
        raise ValidationError(
            where, f"{label.ja}を入力してください。", f"Enter the {label.en.lower()}."
        )
    if len(value) > MAX_TEXT:
        raise ValidationError(
            where,
            f"{label.ja}が長すぎます（{len(value):,}文字、上限{MAX_TEXT:,}文字）。",
            f"The {label.en.lower()} is too long ({len(value):,} characters, at most {MAX_TEXT:,}).",
        )
    return value


def check_count(value: object, where: str, label: L10n, maximum: int, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(
            where, f"{label.ja}は整数で入力してください。", f"{label.en} must be a whole number."
        )
    if value < 0:
        raise ValidationError(
            where,
            f"{label.ja}に負の値は入力できません（入力値: {value}）。",
            f"{label.en} cannot be negative ({value}).",
        )
    if value < minimum:
        raise ValidationError(
            where,
            f"{label.ja}は{minimum:,}以上で入力してください（入力値: {value}）。",
            f"{label.en} must be at least {minimum:,} ({value}).",
        )
    if value > maximum:
        raise ValidationError(
            where,
            f"{label.ja}が大きすぎます（{value:,}、上限{maximum:,}）。",
            f"{label.en} is too large ({value:,}, at most {maximum:,}).",
        )
    return value


def check_choice(value: object, where: str, choices: Iterable[str], label: L10n) -> str:
    if value not in tuple(choices):
        raise ValidationError(
            where,
            f"{label.ja}の値「{value}」は選択肢にありません。",
            f"'{value}' is not a valid {label.en.lower()}.",
        )
    return value  # type: ignore[return-value]


def _check_decimal(f: Field, value: object, where: str) -> None:
    ok = (
        isinstance(value, Decimal)
        and value.is_finite()
        and f.minimum <= value <= (f.upper if f.upper is not None else value)
    )
    if not ok:
        hint = f.hint or L10n(
            f"{f.label.ja}は{f.minimum}以上{f.upper}以下の数値で入力してください。",
            f"{f.label.en} must be a number from {f.minimum} to {f.upper}.",
        )
        raise ValidationError(where, hint.ja, hint.en)


def _check_id(f: Field, value: object, where: str) -> None:
    if value is None and f.nullable:
        return
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise ValidationError(
            where, f"{f.label.ja}が不正です。", f"The {f.label.en.lower()} is invalid."
        )


def check_field(f: Field, value: Any, where: str, choices: Choices) -> None:
    """One scalar field's value against its declaration."""
    if value is None and f.nullable:
        return
    kind = f.kind
    if kind == "text":
        check_text(value, where, f.label, required=f.required)
    elif kind in ("int", "money"):
        check_count(value, where, f.label, int(f.upper or 0), int(f.minimum))
    elif kind == "bool":
        if not isinstance(value, bool):
            raise ValidationError(
                where, f"{f.label.ja}の値が不正です。", f"The {f.label.en.lower()} is invalid."
            )
    elif kind == "date":
        if not isinstance(value, date):
            raise ValidationError(
                where, f"{f.label.ja}は日付で入力してください。", f"{f.label.en}: enter a date."
            )
    elif kind == "decimal":
        _check_decimal(f, value, where)
    elif kind == "choice":
        options = choices.get(f.choices, ()) if isinstance(f.choices, str) else f.choices
        if f.hint and value not in tuple(options):
            raise ValidationError(where, f.hint.ja, f.hint.en)
        check_choice(value, where, options, f.label)
    elif kind == "fy":
        check_fiscal_year(value, where)
    else:  # id, ref
        _check_id(f, value, where)


@dataclass(frozen=True, slots=True)
class _Compiled:
    """A record's fields sorted for checking: the scalars with their fast test, the rest."""

    scalars: tuple[Field, ...]
    fast: FastTest
    others: tuple[Field, ...]


_COMPILED: dict[int, _Compiled] = {}


def _compiled(record: Record) -> _Compiled:
    found = _COMPILED.get(id(record))
    if found is None:
        scalars = tuple(f for f in record.fields if f.is_scalar)
        found = _COMPILED[id(record)] = _Compiled(
            scalars, fast_test(scalars), tuple(f for f in record.fields if not f.is_scalar)
        )
    return found


def _check_strings(f: Field, values: Any, where: str) -> None:
    _check_rows(values, where)
    for value in values:
        if f.choices:
            check_choice(value, where, f.choices, f.label)  # type: ignore[arg-type]
        else:
            check_text(value, where, f.label, required=False)


def _check_rows(rows: Any, where: str) -> None:
    if len(rows) > MAX_ITEMS:
        raise ValidationError(
            where, f"行数が多すぎます（{len(rows):,}行）。", f"Too many rows ({len(rows):,})."
        )


# -- one record -----------------------------------------------------------------------------


def check_record(obj: Any, where: str = "", choices: Choices | None = None) -> None:
    """Check a record's own fields (nested records included, child lists excepted)
    and its rules across fields. The same call for an edit and for a save."""
    record = record_of(obj)
    if record is None:
        return
    choices = catalog_choices() if choices is None else choices
    _check_own(record, obj, where, choices)


def _check_own(
    record: Record, obj: Any, where: str, choices: Choices, *, rules: bool = True
) -> None:
    compiled = _compiled(record)
    i = compiled.fast(obj, choices, 0)
    while i >= 0:  # the full check words the refusal (and is the judge)
        f = compiled.scalars[i]
        check_field(f, getattr(obj, f.name), _join(where, f.name), choices)
        i = compiled.fast(obj, choices, i + 1)
    for f in compiled.others:
        value = getattr(obj, f.name)
        at = _join(where, f.name)
        if f.kind == "record":
            _check_own(f.record, value, at, choices)  # type: ignore[arg-type]
        elif f.kind == "strings":
            _check_strings(f, value, at)
        else:
            _check_rows(value, at)
    if rules:
        _check_rules(record, obj, where)


def _check_rules(record: Record, obj: Any, where: str) -> None:
    for rule in record.rules:
        rule(obj, where)


def check_plan(plan: m.Plan, choices: Choices | None = None) -> None:
    """Check a whole plan (after loading a file, before saving). Raises the first problem."""
    choices = catalog_choices() if choices is None else choices
    _check_tree(PLAN, plan, "", choices)


def _check_tree(record: Record, obj: Any, where: str, choices: Choices) -> None:
    """Fields first, then the records held, then the rules (which may span those records)."""
    _check_own(record, obj, where, choices, rules=False)
    for f in _compiled(record).others:
        if f.kind == "rows":
            at = _join(where, f.name)
            rows = getattr(obj, f.name)
            for i, row in enumerate(rows):
                _check_tree(f.record, row, f"{at}[{i}]", choices)  # type: ignore[arg-type]
            unique_ids([getattr(row, "id", i) for i, row in enumerate(rows)], at)
        elif f.kind == "keyed":
            for key, row in getattr(obj, f.name).items():
                _check_tree(f.record, row, f"{_join(where, f.name)}[{key}]", choices)  # type: ignore[arg-type]
    _check_rules(record, obj, where)


def unique_ids(ids: list[Any], where: str) -> None:
    if len(set(ids)) != len(ids):
        raise ValidationError(where, "IDが重複しています。", "Duplicate ids.")


# -- rules across fields (named in records.py) ------------------------------------------------


def dates_in_order(obj: Any, where: str) -> None:
    start: date | None = obj.start
    end: date | None = obj.end
    if start and end and end < start:
        raise ValidationError(
            _join(where, "end"),
            f"終了日（{end:%Y-%m-%d}）が開始日（{start:%Y-%m-%d}）より前です。",
            f"The end date ({end:%Y-%m-%d}) is before the start date ({start:%Y-%m-%d}).",
        )


def years_in_order(line: m.CostLine, where: str) -> None:
    if line.end_fy < line.start_fy:
        raise ValidationError(
            _join(where, "end_fy"),
            f"終了年度（{line.end_fy}年度）が開始年度（{line.start_fy}年度）より前です。",
            f"The end year (FY{line.end_fy}) is before the start year (FY{line.start_fy}).",
        )


def staff_within_all_staff(mu: m.Municipality, where: str) -> None:
    if mu.general_staff > mu.all_staff:
        raise ValidationError(
            _join(where, "general_staff"),
            f"一般行政職員数（{mu.general_staff}人）が全職員数（{mu.all_staff}人）を超えています。",
            f"General administrative staff ({mu.general_staff}) exceed all staff ({mu.all_staff}).",
        )


def teleworkers_within_staff(unit: m.Unit, where: str) -> None:
    if unit.teleworkers > unit.staff:
        raise ValidationError(
            _join(where, "teleworkers"),
            f"テレワーク実施人数（{unit.teleworkers}人）が課の職員数（{unit.staff}人）を超えています。",
            f"Teleworkers ({unit.teleworkers}) exceed the unit's staff ({unit.staff}).",
        )


def running_costs_have_a_reason(plan: m.Plan, where: str) -> None:
    """The switch "running costs are eligible too" needs a reason (issue 15)."""
    if plan.running_costs_eligible and not plan.running_costs_reason.strip():
        raise ValidationError(
            _join(where, "running_costs_reason"),
            "運用経費（2年目以降のライセンス料等）も対象とする場合は、その根拠（例：県からの回答）を入力してください。",
            "To count running costs (licences in later years) as eligible, enter the reason "
            "(e.g. the prefecture's written answer).",
        )


def costs_are_estimable(plan: m.Plan, where: str) -> None:
    """A plan that validates can be estimated, summarised and exported (¥1 trillion limits)."""
    check_estimable(plan)


def plan_is_whole(plan: m.Plan, where: str) -> None:
    if sorted(plan.steps) != list(m.STEP_NUMBERS):
        raise ValidationError(
            _join(where, "steps"),
            "10の手順の記録がそろっていません。",
            "The ten steps' records are incomplete.",
        )
    unique_ids([t.id for u in plan.units for t in u.tasks], _join(where, "tasks"))
    if plan.scenarios and plan.adopted_scenario_id not in {s.id for s in plan.scenarios}:
        raise ValidationError(
            _join(where, "adopted_scenario_id"),
            "採用するシナリオを選んでください。",
            "Choose the adopted scenario.",
        )
