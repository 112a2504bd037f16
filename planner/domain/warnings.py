"""The plan's warnings: points to check before the plan goes to council.

One list for every way out: the summary page shows it, ``planner validate`` and
``planner summary`` list it (``summary --json`` as ``"warnings"``), ``export-pdf``
prints it on stderr, and the PDF lists those a council reader needs
(``for_council``). A warning never stops a save or an export; ``validate --strict``
makes them fail a scripted check (notes — facts such as an assumed subsidy rule,
which the user cannot change — do not).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from .bcp import capacity, shortfall_text
from .builders import catalog_factors
from .catalog import Catalog
from .checks import unknown_refs
from .costs import adopted_estimate, line_amount
from .errors import PlannerError
from .fiscal import short_fy_label
from .model import Plan, Task, TaskFactors, Unit
from .plan_rules import rule_differences, rules_for
from .records import field_at
from .rules_text import difference_note, grouped
from .subsidy_rules import other_revenue_note, plan_multiplier_note
from .suitability import Suitability, assess_in_plan
from .text import L10n
from .unit_rules import duplicate_unit_names
from .words import Words


@dataclass(frozen=True, slots=True)
class PlanWarning:
    code: str  # stable machine-readable kind, e.g. "override_without_reason"
    step: int  # the step (1–10) where it is fixed
    field: (
        str  # the field path, in the style of validation: "scenarios[0].lines[2].override_reason"
    )
    text: L10n
    for_council: bool = False  # listed in the PDF too
    severity: str = "warning"  # "warning": to fix or explain; "note": a fact to know (not fixable)

    @property
    def is_note(self) -> bool:
        return self.severity == "note"

    def as_dict(self) -> dict[str, object]:
        """The form of ``summary --json``: code, step, field and the text in both languages."""
        return {"code": self.code, "severity": self.severity, "step": self.step,
                "field": self.field, "ja": self.text.ja, "en": self.text.en}  # fmt: skip


def plan_warnings(
    plan: Plan, catalog: Catalog, *, judge: Callable[[Task], Suitability] | None = None
) -> list[PlanWarning]:
    """``judge``: the level of a task of this plan, where the caller has judged the
    selected tasks already (the roll-up); by default ``assess_in_plan``."""
    if judge is None:
        judge = lambda task: assess_in_plan(plan, task, catalog).level  # noqa: E731
    out: list[PlanWarning] = []
    if plan.document_date is None:  # a file from before issue 18: the cover shows the export day
        out.append(PlanWarning("document_date_missing", 1, "document_date", L10n(
            "作成日が未入力のため、表紙には書き出した日の日付を表示します。手順1の「作成日」に計画書の日付を入力してください。",
            "No date of the plan is entered, so the cover shows the date of export. Enter the plan's date in step 1.",
        )))  # fmt: skip
    for i, kpi in enumerate(plan.kpis):
        if kpi.target is None:
            out.append(PlanWarning("kpi_without_target", 2, f"kpis[{i}].target", L10n(
                f"指標「{kpi.name}」に目標値がありません。",
                f"KPI '{kpi.name}' has no target.",
            )))  # fmt: skip
    out += _continuity(plan, catalog)  # issue 23
    for i, unit in enumerate(plan.units):
        if unit.teleworkers > unit.staff:
            out.append(PlanWarning("teleworkers_over_staff", 5, f"units[{i}].teleworkers", L10n(
                f"{unit.name}: テレワーク実施人数（{unit.teleworkers}人）が課の職員数（{unit.staff}人）を超えています。",
                f"{unit.name}: teleworkers ({unit.teleworkers}) exceed staff ({unit.staff}).",
            ), True))  # fmt: skip
        for j, task in enumerate(unit.tasks):
            if task.selected and judge(task) == Suitability.UNSUITABLE:
                out.append(PlanWarning("unsuitable_selected", 4, f"units[{i}].tasks[{j}].selected", L10n(
                    f"{unit.name}「{task.name}」は不適と判定されていますが、対象に選ばれています。",
                    f"{unit.name}: '{task.name}' is selected but judged not suitable.",
                ), True))  # fmt: skip
            differs = _differs_from_catalog(plan, unit, task, catalog)
            if differs is not None:  # issue 18
                field = f"units[{i}].tasks[{j}].factors"
                out.append(PlanWarning("factors_differ_from_catalog", 4, field, differs, True))
    for i, scenario in enumerate(plan.scenarios):
        for j, line in enumerate(scenario.lines):
            if line.eligible_override is not None and not line.override_reason.strip():
                field = f"scenarios[{i}].lines[{j}].override_reason"
                out.append(PlanWarning("override_without_reason", 7, field, L10n(
                    f"{scenario.name}「{line.name}」: 対象経費の判定を変更した理由が未記入です。",
                    f"{scenario.name}: '{line.name}' overrides eligibility without a reason.",
                ), True))  # fmt: skip
            if line.other_revenue:  # issue 18: the step 7 note, on every way out
                try:
                    note = other_revenue_note(line, line_amount(line, plan))
                except PlannerError:  # a plan being edited; estimate_failed says so
                    note = None
                if note is not None:
                    field = f"scenarios[{i}].lines[{j}].other_revenue"
                    out.append(PlanWarning("other_revenue_over_cost", 7, field, L10n(
                        f"{scenario.name}{note.ja}", f"{scenario.name}: {note.en}"
                    ), True))  # fmt: skip
    for ref in unknown_refs(plan, catalog):  # issue 18: ids kept (or a .twplan's) said
        out.append(PlanWarning("unknown_catalog_id", ref.step, ref.field, ref.text))
    for name in duplicate_unit_names(plan):  # files from before names were kept apart
        out.append(PlanWarning("duplicate_unit_name", 4, "units", L10n(
            f"課「{name}」が2つ以上あります。1つにまとめてください（業務と人数は課ごとに集計されます）。",
            f"There is more than one unit named '{name}'. Merge them (tasks and staff are counted per unit).",
        ), True))  # fmt: skip
    note = plan_multiplier_note(plan)
    if note is not None:  # an index entered, the multiplier left at 1.0 (issue 15)
        out.append(PlanWarning("multiplier_not_checked", 7, "fiscal_capacity_multiplier", note))
    rules = rules_for(plan, catalog.subsidy_rules)
    for group in grouped(rule_differences(plan, rules)):  # issue 19: the record and this PC
        fy = group[0].fiscal_year
        index = next(i for i, r in enumerate(plan.recorded_rules) if r.fiscal_year == fy)
        out.append(PlanWarning("recorded_rule_differs", 7, f"recorded_rules[{index}]",
                               difference_note(group, catalog.words), severity="note"))  # fmt: skip
    try:
        est = adopted_estimate(plan, rules)
    except PlannerError as err:  # a plan being edited; a validated plan always estimates
        out.append(PlanWarning("estimate_failed", 7, "scenarios", err.message, True))
        est = None
    if est is not None:
        for y in est.years:
            if y.rule is None and y.total:
                out.append(PlanWarning("no_subsidy_rule", 7, "adopted_scenario_id", L10n(
                    f"{short_fy_label(y.fiscal_year)}には特別交付税措置のルールがありません（措置見込額0円）。",
                    f"No special allocation tax rule covers FY{y.fiscal_year} (estimate ¥0).",
                ), True))  # fmt: skip
            elif y.assumed and y.total:
                out.append(PlanWarning("assumed_rule", 7, "adopted_scenario_id", L10n(
                    f"{short_fy_label(y.fiscal_year)}の措置見込額は{short_fy_label(y.rule.fiscal_year)}のルールを仮定しています。",
                    f"The FY{y.fiscal_year} estimate assumes the FY{y.rule.fiscal_year} rule.",
                ), severity="note"))  # fmt: skip
    return out


def _continuity(plan: Plan, catalog: Catalog) -> list[PlanWarning]:
    """Issue 23: emergency staff not entered while priority tasks are marked; a capacity
    shortfall (devices, licences, J-LIS terminal IDs)."""
    if plan.continuity.emergency_staff <= 0:
        if not any(t.priority for u in plan.units for t in u.tasks):
            return []
        return [PlanWarning("emergency_staff_missing", 7, "continuity.emergency_staff", L10n(
            "非常時優先業務がありますが、非常時にリモートアクセスが必要な職員数が未入力のため、端末・ライセンスの過不足を確認できません（手順7）。",
            "Priority work in an emergency is marked, but the staff needing remote access in an emergency are not entered, so devices and licences cannot be checked (step 7).",
        ))]  # fmt: skip
    field = {"devices": "existing_devices", "licences": "scenarios",
             "jlis_terminal_ids": "continuity.jlis_terminal_ids"}  # fmt: skip
    return [
        PlanWarning(f"bcp_{c.key}_short", 7, field[c.key], shortfall_text(c), True)
        for c in capacity(plan, catalog)
        if c.shortfall
    ]


_FACTORS = ("personal_data", "paper", "counter", "onsite", "coordination", "works_on")


def _differs_from_catalog(plan: Plan, unit: Unit, task: Task, catalog: Catalog) -> L10n | None:
    """Issue 18: a catalog task whose own factors make it judged better than the catalog's
    factors would, naming the factors that differ. A task more cautious than its catalog
    entry is the body's own judgement, not flagged."""
    found = catalog.task(task.catalog_id)
    if found is None or _as_in_catalog(task.factors, found.factors, found.works_on):
        return None
    theirs = catalog_factors(found)
    ours = task.factors
    if not ours.works_on:  # not said: the catalog's decides (files from before issue 15)
        ours = replace(ours, works_on=theirs.works_on)
    diffs = [name for name in _FACTORS if getattr(ours, name) != getattr(theirs, name)]
    if not diffs:
        return None  # the network follows from works_on for a catalog task
    got = assess_in_plan(plan, task, catalog).level
    want = assess_in_plan(plan, replace(task, factors=theirs), catalog).level
    if got >= want:
        return None
    words = catalog.words
    listed = [
        (_factor(n, theirs, words), _factor(n, ours, words), field_at(TaskFactors, n).label)
        for n in diffs
    ]
    ja = "、".join(f"{label.ja}: カタログ {a.ja}・計画 {b.ja}" for a, b, label in listed)
    en = "; ".join(f"{label.en}: catalog {a.en}, plan {b.en}" for a, b, label in listed)
    return L10n(
        f"{unit.name}「{task.name}」: 業務の性質が業務カタログと異なり、カタログどおりなら{want.mark}のところ"
        f"{got.mark}と判定されています（{ja}）。カタログの性質に合わせてください。この団体では性質が異なる業務なら、独自の業務として登録し直してください。",
        f"{unit.name}: '{task.name}': its factors differ from the task catalog and make it {got.mark} "
        f"where the catalog gives {want.mark} ({en}). Use the catalog's factors; if the task "
        "differs in this body, enter it as an own task.",
    )  # fmt: skip


def _as_in_catalog(ours: TaskFactors, catalogs: TaskFactors, works_on: str) -> bool:
    """No factor differs from the catalog task's (what ``_differs_from_catalog`` finds
    with the factors rebuilt, without rebuilding them: it is asked for every task)."""
    if (ours.works_on or works_on) != works_on:
        return False
    return all(getattr(ours, n) == getattr(catalogs, n) for n in _FACTORS if n != "works_on")


def _factor(name: str, factors: TaskFactors, words: Words) -> L10n:
    value = getattr(factors, name)
    if isinstance(value, bool):
        return L10n("あり", "yes") if value else L10n("なし", "no")
    return words.word(name, value) or L10n(value, value)


def warning_line(w: PlanWarning, lang: str = "ja") -> str:
    """One line for a list or a terminal: ``手順7: …`` / ``Step 7: …``."""
    if lang == "en":
        return f"Step {w.step}{' (note)' if w.is_note else ''}: {w.text.en}"
    return f"手順 {w.step}{'（参考）' if w.is_note else ''}: {w.text.ja}"
