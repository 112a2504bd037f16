"""What the differences between two versions of a plan do (issue 24 §2): the suitability
marks that changed and why, and each fiscal year's total, subsidy and net before and
after — the same figures the summary and the PDF give (``costs.adopted_estimate`` with the
rules each plan's figures use, ``plan_rules.rules_for``). ``compare`` puts them together
with the field and row differences (``diff.py``); ``comparison_data`` is its JSON.

    c = compare(old, new, catalog)      # -> Comparison
    c.is_empty                          # nothing changed, and no figure either
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .catalog import Catalog
from .costs import Estimate, adopted_estimate
from .diff import Change, PlanDiff, diff_plans
from .errors import PlannerError
from .model import Plan
from .plan_rules import rules_for
from .suitability import Assessment, assess_in_plan
from .text import L10n


@dataclass(frozen=True, slots=True)
class MarkChange:
    """A task whose suitability mark is not what it was, with the reasons before and after."""

    where: tuple[L10n, ...]  # its unit, by name
    task: str
    old_mark: str
    new_mark: str
    old_reason: L10n
    new_reason: L10n
    selected: bool

    def where_text(self, lang: str = "ja") -> str:
        return " › ".join([*(w.get(lang) for w in self.where), self.task])


@dataclass(frozen=True, slots=True)
class YearEffect:
    """One fiscal year's figures before and after (None: the year is not in that estimate)."""

    fiscal_year: int
    old: tuple[int, int, int] | None  # (total, subsidy, net), integer yen
    new: tuple[int, int, int] | None

    def delta(self) -> tuple[int, int, int]:
        a, b = self.old or (0, 0, 0), self.new or (0, 0, 0)
        return (b[0] - a[0], b[1] - a[1], b[2] - a[2])

    @property
    def changed(self) -> bool:
        return self.old != self.new


@dataclass(frozen=True)
class Comparison:
    diff: PlanDiff
    marks: tuple[MarkChange, ...]
    years: tuple[YearEffect, ...]
    period: YearEffect | None  # fiscal_year 0: the period's sums
    old_scenario: str | None  # the adopted scenario's name
    new_scenario: str | None
    notes: tuple[L10n, ...] = ()  # an estimate that could not be made, and why

    @property
    def changes(self) -> tuple[Change, ...]:
        return self.diff.changes

    @property
    def is_empty(self) -> bool:
        return self.diff.is_empty and not self.marks and not any(y.changed for y in self.years)


def _reason(a: Assessment) -> L10n:
    """The reasons that decide the mark (those at its level)."""
    decisive = [r.text for r in a.reasons if r.level == a.level] or [r.text for r in a.reasons]
    return L10n(" ".join(t.ja for t in decisive), " ".join(t.en for t in decisive))


def mark_changes(old: Plan, new: Plan, diff: PlanDiff, catalog: Catalog) -> list[MarkChange]:
    """The matched tasks whose mark differs: a task's own factors, or the plan's access method,
    tools, network model or policy on sensitive data (the reasons say which)."""
    out = []
    for pair in diff.pairs:
        if pair.record.cls.__name__ != "Task":
            continue
        a, b = assess_in_plan(old, pair.old, catalog), assess_in_plan(new, pair.new, catalog)
        if a.level != b.level:
            out.append(MarkChange(pair.where, pair.name, a.level.mark, b.level.mark,
                                  _reason(a), _reason(b), bool(pair.new.selected)))  # fmt: skip
    return out


def _estimate(plan: Plan, catalog: Catalog, side: L10n) -> tuple[Estimate | None, L10n | None]:
    try:
        return adopted_estimate(plan, rules_for(plan, catalog.subsidy_rules)), None
    except PlannerError as e:  # a plan whose costs cannot be estimated: said, not a crash
        return None, L10n(
            f"{side.ja}の経費を見積もれません: {e.text()}",
            f"{side.en}: no estimate: {e.text('en')}",
        )


def _figures(e: Any) -> tuple[int, int, int]:
    return (e.total, e.subsidy, e.net)


def year_effects(old_est: Estimate | None, new_est: Estimate | None) -> list[YearEffect]:
    """Each fiscal year of either estimate, before and after."""
    a = {y.fiscal_year: _figures(y) for y in old_est.years} if old_est else {}
    b = {y.fiscal_year: _figures(y) for y in new_est.years} if new_est else {}
    return [YearEffect(fy, a.get(fy), b.get(fy)) for fy in sorted(a.keys() | b.keys())]


def compare(old: Plan, new: Plan, catalog: Catalog) -> Comparison:
    """Everything that differs between two versions of a plan, and what it does."""
    diff = diff_plans(old, new, catalog)
    old_est, old_note = _estimate(old, catalog, L10n("変更前", "Before"))
    new_est, new_note = _estimate(new, catalog, L10n("変更後", "After"))
    period = None
    if old_est or new_est:
        period = YearEffect(0, _figures(old_est.period) if old_est else None,
                            _figures(new_est.period) if new_est else None)  # fmt: skip
    return Comparison(
        diff,
        tuple(mark_changes(old, new, diff, catalog)),
        tuple(year_effects(old_est, new_est)),
        period,
        old_est.scenario_name if old_est else None,
        new_est.scenario_name if new_est else None,
        tuple(n for n in (old_note, new_note) if n is not None),
    )


# -- JSON, for scripts -------------------------------------------------------------------------


def _l10n(x: L10n | None) -> dict[str, str] | None:
    return None if x is None else {"ja": x.ja, "en": x.en}


def _figures_json(f: tuple[int, int, int] | None) -> dict[str, int] | None:
    return None if f is None else dict(zip(("total", "subsidy", "net"), f, strict=True))


def _year_json(y: YearEffect) -> dict[str, Any]:
    out: dict[str, Any] = {"fiscal_year": y.fiscal_year} if y.fiscal_year else {}
    return {**out, "old": _figures_json(y.old), "new": _figures_json(y.new),
            "delta": _figures_json(y.delta())}  # fmt: skip


def change_data(c: Change) -> dict[str, Any]:
    return {
        "kind": c.kind, "step": c.step, "path": list(c.path), "value_kind": c.kind_of_value,
        "where": [_l10n(w) for w in c.where], "label": _l10n(c.label),
        "old": c.old_value, "new": c.new_value, "old_text": _l10n(c.old), "new_text": _l10n(c.new),
    }  # fmt: skip


def comparison_data(c: Comparison) -> dict[str, Any]:
    """The comparison as plain JSON data (integer yen; texts in ja and en)."""
    return {
        "changes": [change_data(x) for x in c.changes],
        "counts": c.diff.counts(),
        "matched_by_name": [
            {"list": _l10n(m.list_label), "where": [_l10n(w) for w in m.where], "name": m.name,
             "old_id": m.old_id, "new_id": m.new_id} for m in c.diff.matches
        ],
        "suitability": [
            {"unit": [_l10n(w) for w in x.where], "task": x.task, "old": x.old_mark,
             "new": x.new_mark, "selected": x.selected, "old_reason": _l10n(x.old_reason),
             "new_reason": _l10n(x.new_reason)} for x in c.marks
        ],
        "effects": {
            "old_scenario": c.old_scenario, "new_scenario": c.new_scenario,
            "years": [_year_json(y) for y in c.years],
            "period": _year_json(c.period) if c.period else None,
            "notes": [_l10n(n) for n in c.notes],
        },
    }  # fmt: skip
