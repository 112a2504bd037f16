"""Cost estimate per fiscal year with the special allocation tax measure taken off.

estimated subsidy = round(eligible cost × rate × fiscal-capacity multiplier),
rounded as the year's rule says; net burden = total − subsidy. A year without
its own rule uses the latest earlier rule and is marked *assumed*.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from .catalog import SubsidyRule
from .errors import ValidationError
from .model import CostLine, Plan, Scenario
from .money import round_yen
from .validation import MAX_YEN


@dataclass(frozen=True, slots=True)
class Figures:
    total: int
    eligible: int
    subsidy: int
    net: int


@dataclass(frozen=True, slots=True)
class YearEstimate(Figures):
    fiscal_year: int
    rule: SubsidyRule | None  # None: no rule applies (before the measure began)
    assumed: bool  # the rule of an earlier year is carried forward


@dataclass(frozen=True, slots=True)
class Estimate:
    scenario_id: str
    scenario_name: str
    years: tuple[YearEstimate, ...]
    period: Figures
    multiplier: Fraction

    def year(self, fy: int) -> YearEstimate | None:
        return next((y for y in self.years if y.fiscal_year == fy), None)

    @property
    def assumed_years(self) -> list[int]:
        return [y.fiscal_year for y in self.years if y.assumed]


def rule_for(fiscal_year: int, rules: Sequence[SubsidyRule]) -> tuple[SubsidyRule | None, bool]:
    """The rule that applies to a fiscal year, and whether it is assumed (carried forward)."""
    applicable = [r for r in rules if r.fiscal_year <= fiscal_year]
    if not applicable:
        return None, False
    rule = max(applicable, key=lambda r: r.fiscal_year)
    return rule, rule.fiscal_year != fiscal_year


def line_quantity(line: CostLine, plan: Plan) -> int:
    basis = line.quantity_basis
    if basis == "teleworker":
        return line.quantity * plan.teleworkers()
    if basis == "device_needed":
        return line.quantity * plan.devices_needed()
    return line.quantity  # "fixed", and "organisation" (per body: one body)


def line_years(line: CostLine) -> range:
    last = line.start_fy if line.recurrence == "one_time" else line.end_fy
    return range(line.start_fy, last + 1)


def line_amount(line: CostLine, plan: Plan) -> int:
    """The line's amount in each fiscal year it falls in."""
    amount = line.unit_price * line_quantity(line, plan)
    if amount > MAX_YEN:
        raise _line_over(line, amount, "cost_line.amount")
    return amount


def _line_over(line: CostLine, amount: int, field: str) -> ValidationError:
    return ValidationError(
        field,
        f"「{line.name}」の金額（{amount:,}円）が上限（1兆円）を超えています。単価と数量を確認してください。",
        f"'{line.name}' comes to ¥{amount:,}, over the limit of ¥1 trillion. Check price and quantity.",
    )


def _year_over(fy: int, total: int, field: str) -> ValidationError:
    return ValidationError(
        field,
        f"{fy}年度の事業費（{total:,}円）が上限（1兆円）を超えています。",
        f"The cost of FY{fy} (¥{total:,}) is over the limit of ¥1 trillion.",
    )


def check_estimable(plan: Plan) -> None:
    """The estimate's limits, checked when a plan is validated: a valid plan can be estimated.

    Every scenario (the screen and the PDF compare them all): no line over ¥1 trillion
    a year, no fiscal year over ¥1 trillion. Raises ValidationError naming the line or scenario.
    """
    for i, scenario in enumerate(plan.scenarios):
        totals: dict[int, int] = {}
        for j, line in enumerate(scenario.lines):
            amount = line.unit_price * line_quantity(line, plan)
            if amount > MAX_YEN:
                raise _line_over(line, amount, f"scenarios[{i}].lines[{j}].unit_price")
            for fy in line_years(line):
                totals[fy] = totals.get(fy, 0) + amount
        for fy in sorted(totals):
            if totals[fy] > MAX_YEN:
                raise _year_over(fy, totals[fy], f"scenarios[{i}]")


def is_eligible(line: CostLine, rule: SubsidyRule | None) -> bool:
    if line.eligible_override is not None:
        return line.eligible_override
    return rule is not None and line.category in rule.eligible_categories


def subsidy_for(eligible: int, rule: SubsidyRule | None, multiplier: Fraction) -> int:
    if rule is None:
        return 0
    return round_yen(eligible * rule.rate * multiplier, rule.rounding_unit, rule.rounding_mode)


def estimate_years(plan: Plan, scenario: Scenario) -> list[int]:
    """The plan period, widened to any year a line of the scenario falls in."""
    years = set(plan.fiscal_years)
    for line in scenario.lines:
        years.update(line_years(line))
    return list(range(min(years), max(years) + 1))


def estimate(plan: Plan, scenario: Scenario, rules: Sequence[SubsidyRule]) -> Estimate:
    multiplier = Fraction(plan.fiscal_capacity_multiplier)
    years = estimate_years(plan, scenario)
    applied = {fy: rule_for(fy, rules) for fy in years}
    total = dict.fromkeys(years, 0)
    eligible = dict.fromkeys(years, 0)
    for line in scenario.lines:
        amount = line_amount(line, plan)
        for fy in line_years(line):
            total[fy] += amount
            if is_eligible(line, applied[fy][0]):
                eligible[fy] += amount
    rows = []
    for fy in years:
        rule, assumed = applied[fy]
        if total[fy] > MAX_YEN:
            raise _year_over(fy, total[fy], "costs")
        sub = subsidy_for(eligible[fy], rule, multiplier)
        rows.append(YearEstimate(total[fy], eligible[fy], sub, total[fy] - sub, fy, rule, assumed))
    period = Figures(
        total=sum(r.total for r in rows),
        eligible=sum(r.eligible for r in rows),
        subsidy=sum(r.subsidy for r in rows),
        net=sum(r.net for r in rows),
    )
    return Estimate(scenario.id, scenario.name, tuple(rows), period, multiplier)


def adopted_estimate(plan: Plan, rules: Sequence[SubsidyRule]) -> Estimate | None:
    scenario = plan.adopted_scenario()
    return estimate(plan, scenario, rules) if scenario else None


def compare_scenarios(plan: Plan, rules: Sequence[SubsidyRule]) -> list[Estimate]:
    """Every scenario's estimate, side by side, in the plan's order."""
    return [estimate(plan, s, rules) for s in plan.scenarios]
