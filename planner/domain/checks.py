"""The one set of checks of a plan, derived from the declaration in ``records.py``.

``check_record`` checks one record's own fields and its rules across fields: an
edit calls it for the record it changed, and ``check_plan`` (saving, opening,
importing) calls it for every record of the plan. So an edit is refused with
exactly the message that a save would give. Nothing is clipped or corrected:
a value is kept as entered or refused with a message saying how to fix it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from . import model as m
from .catalog import Catalog
from .costs import check_estimable
from .declare import Field
from .errors import ValidationError
from .fastcheck import FastTest, fast_test
from .kinds import refusal
from .model_municipality import staff_within_all_staff
from .records import PLAN, RECORDS, Record, record_of
from .rule_years import one_recorded_rule_a_year, recorded_rule_is_whole
from .text import L10n

Choices = dict[str, Iterable[str]]  # catalog choice lists by name ("cost_category": ids)


def catalog_choices(catalog: Catalog) -> Choices:
    """The catalog's lists that choice fields refer to by name."""
    return {"cost_category": catalog.category_ids()}


# for a record that chooses nothing from the catalog (a municipality, a unit); a field
# that did would refuse every value against it, never accept one
NO_CATALOG_LISTS: Choices = {}


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


# -- one field ----------------------------------------------------------------------------


def check_field(f: Field, value: Any, where: str, choices: Choices) -> None:
    """One scalar field's value against its kind's rule (``kinds.py``)."""
    err = refusal(f, value, where, choices)
    if err is not None:
        raise err


@dataclass(frozen=True, slots=True)
class _Compiled:
    """A record's fields sorted for checking: the scalars with their fast test, the
    records kept in its row, and the fields that hold lists."""

    scalars: tuple[Field, ...]
    fast: FastTest
    inline: tuple[Field, ...]
    lists: tuple[Field, ...]


_COMPILED: dict[int, _Compiled] = {}


def _compiled(record: Record) -> _Compiled:
    found = _COMPILED.get(id(record))
    if found is None:
        scalars = tuple(f for f in record.fields if f.is_scalar)
        found = _COMPILED[id(record)] = _Compiled(
            scalars,
            fast_test(scalars),
            tuple(f for f in record.fields if f.type.inline),
            tuple(f for f in record.fields if f.type.nested and not f.type.inline),
        )
    return found


# -- one record -----------------------------------------------------------------------------


def check_record(obj: Any, where: str, choices: Choices) -> None:
    """Check a record's own fields (nested records included, child lists excepted)
    and its rules across fields. The same call for an edit and for a save.
    ``choices``: the catalog's lists (``catalog_choices``)."""
    record = record_of(obj)
    if record is None:
        return
    _check_own(record, obj, where, choices)


def _check_own(
    record: Record, obj: Any, where: str, choices: Choices, *, rules: bool = True
) -> None:
    compiled = _compiled(record)
    i = compiled.fast(obj, choices, 0)
    while i >= 0:  # the fast pass found a value its rule refuses: word the refusal
        f = compiled.scalars[i]
        check_field(f, getattr(obj, f.name), _join(where, f.name), choices)
        i = compiled.fast(obj, choices, i + 1)
    for f in compiled.inline:
        _check_own(f.record, getattr(obj, f.name), _join(where, f.name), choices)
    for f in compiled.lists:
        f.type.check(f, getattr(obj, f.name), _join(where, f.name), choices)
    if rules:
        _check_rules(record, obj, where)


def _check_rules(record: Record, obj: Any, where: str) -> None:
    for name in record.rules:
        RULES[name](obj, where)


def check_plan(plan: m.Plan, choices: Choices) -> None:
    """Check a whole plan (after loading a file, before saving). Raises the first problem.
    ``choices``: the catalog's lists (``catalog_choices``)."""
    _check_tree(PLAN, plan, "", choices)


def _check_tree(record: Record, obj: Any, where: str, choices: Choices) -> None:
    """Fields first, then the records held, then the rules (which may span those records)."""
    _check_own(record, obj, where, choices, rules=False)
    for f in _compiled(record).lists:
        if not f.type.table:
            continue
        at = _join(where, f.name)
        held = getattr(obj, f.name)
        for place, row in f.type.entries(held):
            _check_tree(f.record, row, f"{at}[{place}]", choices)
        unique_ids(f.type.ids(held), at)
    _check_rules(record, obj, where)


def unique_ids(ids: list[Any], where: str, place: Callable[[int], str] | None = None) -> None:
    """Refuse a list with an id twice, naming the id and both places (``units[2]``, or what
    ``place`` makes of a position)."""
    if len(set(ids)) == len(ids):
        return
    place = place or (lambda i: f"{where}[{i}]")
    first: dict[Any, int] = {}
    for i, x in enumerate(ids):
        if x in first:
            a, b, shown = place(first[x]), place(i), clipped(x)
            raise ValidationError(
                where,
                f"ID「{shown}」が重複しています（{a} と {b}）。",
                f"The id '{shown}' is used twice ({a} and {b}).",
            )
        first[x] = i


def clipped(value: object, limit: int = 40) -> str:
    """A value from a file, short enough to quote in a one-line message."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


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


def period_part_fits(row: m.Measurement, where: str) -> None:
    """Issue 23: a month is 1–12, a fiscal quarter 1–4 (a fiscal year's value has none)."""
    high = {"month": 12, "quarter": 4}.get(row.period)
    if high is not None and not 1 <= row.part <= high:
        ja, en = (
            ("月は1〜12", "a month is 1–12") if high == 12 else ("四半期は1〜4", "a quarter is 1–4")
        )
        raise ValidationError(_join(where, "part"), f"{ja}で入力してください（入力値: {row.part}）。",
                              f"The month or quarter does not fit: {en} (entered: {row.part}).")  # fmt: skip


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


def _task_place(plan: m.Plan, k: int) -> str:
    """The path of the k-th task of the plan, counted over all units."""
    for i, unit in enumerate(plan.units):
        if k < len(unit.tasks):
            return f"units[{i}].tasks[{k}]"
        k -= len(unit.tasks)
    return "tasks"


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
    unique_ids(
        [t.id for u in plan.units for t in u.tasks],
        _join(where, "tasks"),
        lambda k: _join(where, _task_place(plan, k)),
    )
    if plan.scenarios and plan.adopted_scenario_id not in {s.id for s in plan.scenarios}:
        raise ValidationError(
            _join(where, "adopted_scenario_id"),
            "採用するシナリオを選んでください。",
            "Choose the adopted scenario.",
        )


RULES: dict[str, Callable[[Any, str], None]] = {
    rule.__name__: rule
    for rule in (
        dates_in_order, years_in_order, staff_within_all_staff, teleworkers_within_staff,
        running_costs_have_a_reason, costs_are_estimable, plan_is_whole, recorded_rule_is_whole,
        one_recorded_rule_a_year, period_part_fits,
    )
}  # fmt: skip
_unknown = {name for r in RECORDS.values() for name in r.rules} - RULES.keys()
if _unknown:  # a programming error: records.py names a rule this module does not have
    raise NameError(f"records.py names unknown rules: {', '.join(sorted(_unknown))}")


# -- ids of the catalog (issue 18; docs/file-format.md, "Ids of the catalog") -----------------


@dataclass(frozen=True, slots=True)
class UnknownRef:
    """An id of the catalog that a plan holds and the catalog does not know.

    ``refusal`` is set for an id that decides a figure or a judgement (an import refuses
    it); ``text`` says what the program does with the plan as it is (a warning)."""

    field: str
    step: int
    text: L10n
    refusal: L10n | None = None


def unknown_refs(plan: m.Plan, catalog: Catalog) -> list[UnknownRef]:
    """Every id of the plan that the catalog does not know, in the plan's order."""
    out = _unknown_checklist(plan, catalog)
    purposes = {o.id for o in catalog.purposes}
    for i, purpose in enumerate(plan.purposes):
        if purpose not in purposes:
            v = clipped(purpose)
            out.append(UnknownRef(f"purposes[{i}]", 2, L10n(
                f"導入目的「{v}」は導入目的の一覧にありません。書かれたとおりに表示します。",
                f"The purpose '{v}' is not one of the program's purposes; it is shown as written.",
            )))  # fmt: skip
    unit_ids = {u.id for u in catalog.units}
    for i, unit in enumerate(plan.units):
        if unit.catalog_id is not None and unit.catalog_id not in unit_ids:
            v = clipped(unit.catalog_id)
            out.append(UnknownRef(f"units[{i}].catalog_id", 4, L10n(
                f"課「{unit.name}」: 課カタログID「{v}」は業務カタログにありません。課と業務は書かれたとおりに使います。",
                f"Unit '{unit.name}': catalog unit id '{v}' is not in the task catalog; the unit and its tasks are used as written.",
            )))  # fmt: skip
        for j, task in enumerate(unit.tasks):
            if task.catalog_id is not None and catalog.task(task.catalog_id) is None:
                v = clipped(task.catalog_id)
                out.append(UnknownRef(f"units[{i}].tasks[{j}].catalog_id", 4, L10n(
                    f"{unit.name}「{task.name}」: 業務カタログID「{v}」は業務カタログにありません。この業務は書かれた性質で判定しています。",
                    f"{unit.name}: '{task.name}': catalog task id '{v}' is not in the task catalog; the task is judged by its own factors.",
                )))  # fmt: skip
    rest = _unknown_rule_items(plan, catalog) + _unknown_method(plan, catalog)
    return out + rest + _unknown_lines(plan, catalog)


def _unknown_method(plan: m.Plan, catalog: Catalog) -> list[UnknownRef]:
    known = [a.id for a in catalog.access_methods]
    if plan.access_method in known:
        return []
    v = clipped(plan.access_method)
    return [UnknownRef("access_method", 7, L10n(
        f"接続方式「{v}」は接続方式の一覧にありません。適性は接続方式が未定として判定しています。手順7で接続方式を選んでください。",
        f"The access method '{v}' is not one of the program's access methods; suitability is judged as if none were chosen. Choose one in step 7.",
    ), refusal=L10n(
        f"接続方式「{v}」は接続方式の一覧にありません（使える値: {'、'.join(known)}）。",
        f"The access method '{v}' is not one of the program's access methods (known: {', '.join(known)}).",
    ))]  # fmt: skip


def _unknown_checklist(plan: m.Plan, catalog: Catalog) -> list[UnknownRef]:
    out = []
    for step in catalog.steps:
        record = plan.steps.get(step.number)
        known = {c.id for c in step.checklist}
        for item_id in record.checklist if record is not None else ():
            if item_id in known:
                continue
            v, n = clipped(item_id), step.number
            ja = f"チェックリストの項目「{v}」は手順{n}のチェックリストにありません"
            en = f"The checklist item '{v}' is not in step {n}'s checklist"
            out.append(UnknownRef(f"steps[{n}].checklist[{v}]", n, L10n(
                f"{ja}。チェックリストの件数が正しく数えられません。",
                f"{en}; the checklist counts are not right.",
            ), refusal=L10n(f"{ja}。", f"{en}.")))  # fmt: skip
    return out


def _unknown_rule_items(plan: m.Plan, catalog: Catalog) -> list[UnknownRef]:
    out = []
    templates = {t.id for t in catalog.rule_templates}
    for i, rule in enumerate(plan.rules):
        if rule.template_id is not None and rule.template_id not in templates:
            v = clipped(rule.template_id)
            out.append(UnknownRef(f"rules[{i}].template_id", 6, L10n(
                f"規程「{rule.name}」: ひな形ID「{v}」は規程のひな形にありません。規程は書かれたとおりに使います。",
                f"Rule '{rule.name}': template id '{v}' is not one of the rule templates; the rule is used as written.",
            )))  # fmt: skip
    measures = {d.id for d in catalog.security_measures}
    for i, item in enumerate(plan.security):
        if item.measure_id is not None and item.measure_id not in measures:
            v, text = clipped(item.measure_id), clipped(item.text, 30)
            out.append(UnknownRef(f"security[{i}].measure_id", 8, L10n(
                f"情報セキュリティ対策「{text}」: 対策カタログID「{v}」は対策の一覧にありません。対策は書かれたとおりに使います。",
                f"Security measure '{text}': catalog measure id '{v}' is not in the catalog of measures; the measure is used as written.",
            )))  # fmt: skip
    return out


def _unknown_lines(plan: m.Plan, catalog: Catalog) -> list[UnknownRef]:
    out = []
    items = {c.id for c in catalog.cost_items}
    for i, scenario in enumerate(plan.scenarios):
        for j, line in enumerate(scenario.lines):
            if line.item_id is not None and line.item_id not in items:
                v = clipped(line.item_id)
                out.append(UnknownRef(f"scenarios[{i}].lines[{j}].item_id", 7, L10n(
                    f"{scenario.name}「{line.name}」: 経費カタログID「{v}」は経費カタログにありません。経費区分・単価・数量は行に書かれた値を使います。",
                    f"{scenario.name}: '{line.name}': catalog item id '{v}' is not in the cost catalog; the line's own category, price and quantity are used.",
                )))  # fmt: skip
    return out


def check_catalog_refs(plan: m.Plan, catalog: Catalog) -> None:
    """Refuse the first unknown id that decides a figure or a judgement (a file imported)."""
    for ref in unknown_refs(plan, catalog):
        if ref.refusal is not None:
            raise ValidationError(ref.field, ref.refusal.ja, ref.refusal.en)
