"""The subsidy rules a plan's estimate uses, and the record of them the plan keeps (issue
19, item 6; docs/decisions/0012-rules-travel-with-the-plan.md).

Every caller of the estimate (the screen, the PDF, the CLI, the warnings) asks
``rules_for(plan, catalog.subsidy_rules)`` for the rules, so the plan's own choice
(``Plan.subsidy_rules_from``: this PC's rules, or the rules recorded in it) is honoured in
one place. ``with_rules_recorded`` is the plan as it is saved or exported: its record
refreshed to the rules its figures use. ``rule_differences`` says where this PC's rule
and the plan's record disagree, year by year.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .catalog import SubsidyRule
from .costs import estimate_years
from .model import Plan
from .model_rules import RecordedRule
from .rule_years import YearRules, row_of, rule_hash, rule_of


def plan_years(plan: Plan) -> list[int]:
    """Every fiscal year an estimate of the plan covers: its period, widened to the years
    any scenario's lines fall in (the screen and the PDF compare all scenarios)."""
    years = set(plan.fiscal_years)
    for scenario in plan.scenarios:
        years.update(estimate_years(plan, scenario))
    return sorted(years)


def rules_for(plan: Plan, local: Sequence[SubsidyRule]) -> YearRules:
    """The rules this plan's estimate uses: ``local`` (this PC's, the catalog's), and the
    plan's recorded rule for each year it has one when the plan says to use them."""
    recorded = {row.fiscal_year: rule_of(row) for row in plan.recorded_rules}
    return YearRules(tuple(local), recorded, plan.subsidy_rules_from == "plan")


def recorded_rules_used(plan: Plan, local: Sequence[SubsidyRule]) -> list[RecordedRule]:
    """The record as it is saved: for each year of the estimate that has a rule, the rule
    its figures use now (whether recorded before or this PC's)."""
    rules = rules_for(plan, local)
    rows = []
    for fy in plan_years(plan):
        rule, _assumed = rules.rule_for(fy)
        if rule is not None:
            rows.append(row_of(fy, rule))
    return rows


def with_rules_recorded(plan: Plan, local: Sequence[SubsidyRule]) -> Plan:
    """The plan with its record refreshed (a shallow copy: the plan given is not changed)."""
    return replace(plan, recorded_rules=recorded_rules_used(plan, local))


@dataclass(frozen=True, slots=True)
class RuleDifference:
    """A fiscal year whose rule on this PC is not the rule the plan recorded for it."""

    fiscal_year: int
    recorded: SubsidyRule
    local: SubsidyRule | None  # None: this PC has no rule for that year
    local_assumed: bool
    from_plan: bool  # the year's figures use the recorded rule

    @property
    def recorded_assumed(self) -> bool:
        return self.recorded.fiscal_year != self.fiscal_year


def rule_differences(plan: Plan, rules: YearRules) -> list[RuleDifference]:
    """The years of the plan's estimate whose recorded rule differs from this PC's, oldest
    first (same content is the same rule, wherever it came from: bundled or imported)."""
    out = []
    for fy in plan_years(plan):
        recorded = rules.recorded.get(fy)
        if recorded is None:
            continue
        local, assumed = rules.local_rule(fy)
        if local is None or rule_hash(local) != rule_hash(recorded):
            out.append(RuleDifference(fy, recorded, local, assumed, rules.from_plan(fy)))
    return out


def rules_in_use(plan: Plan, rules: YearRules) -> list[tuple[SubsidyRule, bool]]:
    """Each rule the plan's years use, once, oldest first, with whether it comes from the
    plan's record (``True``) or this PC (appendix C names them)."""
    found: dict[tuple[str, bool], tuple[SubsidyRule, bool]] = {}
    for fy in plan.fiscal_years:
        rule, _assumed = rules.rule_for(fy)
        if rule is not None:
            from_plan = rules.from_plan(fy)
            found.setdefault((rule_hash(rule), from_plan), (rule, from_plan))
    return sorted(found.values(), key=lambda pair: (pair[0].fiscal_year, pair[1]))
