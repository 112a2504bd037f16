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
from .text import L10n
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
        raise ValidationError(
            "cost_line.amount",
            f"「{line.name}」の金額（{amount:,}円）が上限（1兆円）を超えています。単価と数量を確認してください。",
            f"'{line.name}' comes to ¥{amount:,}, over the limit of ¥1 trillion. Check price and quantity.",
        )
    return amount


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
            raise ValidationError(
                "costs",
                f"{fy}年度の事業費（{total[fy]:,}円）が上限（1兆円）を超えています。",
                f"The cost of FY{fy} (¥{total[fy]:,}) is over the limit of ¥1 trillion.",
            )
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


# -- what one line rests on: its resolved quantity and eligibility ------------------------------

UNIT_WORDS = {  # the counting word of a resolved quantity (English: plural form)
    "teleworker": L10n("人", "people"),
    "device_needed": L10n("台", "devices"),
    "organisation": L10n("式", "sets"),
    "fixed": L10n("", ""),  # a plain count; one is 「1式」
}
_SINGULAR = {"people": "person", "devices": "device", "sets": "set"}


@dataclass(frozen=True, slots=True)
class LineBasis:
    """A cost line resolved against the plan and the rule: what the estimate multiplies.

    ``quantity`` is the line's resolved count (``base`` × ``per_line``, e.g. 30 for 30
    teleworkers); ``eligible`` is decided by the override where there is one (``source``
    "override", with its ``reason``), otherwise by the rule's category list ("category").
    """

    quantity: int
    unit_word: L10n
    base: int  # what the basis counts (teleworkers, devices needed, 1 body)
    per_line: int  # the line's own multiplier (2 licences per teleworker)
    eligible: bool
    source: str  # "category" | "override"
    reason: str
    rule_year: int | None  # the rule the category decision comes from (None: no rule)

    def _count(self, n: int, lang: str) -> str:
        word = self.unit_word.get(lang)
        if not word:  # a fixed quantity
            return L10n("1式", "1 set").get(lang) if n == 1 else f"{n:,}"
        if lang == "en":
            return f"{n:,} {_SINGULAR.get(word, word) if n == 1 else word}"
        return f"{n:,}{word}"

    def quantity_text(self, lang: str = "ja") -> str:
        """「30台」「40人」「1式」; 「80（40人×2）」 where the line counts twice per person."""
        if self.per_line == 1 or not self.unit_word.get(lang):
            return self._count(self.quantity, lang)
        base = self._count(self.base, lang)
        if lang == "en":
            return f"{self.quantity:,} ({base} × {self.per_line})"
        return f"{self.quantity:,}（{base}×{self.per_line}）"

    def eligibility_text(self, lang: str = "ja") -> str:
        word = L10n("対象", "eligible") if self.eligible else L10n("対象外", "not eligible")
        if self.source == "override":
            why = f"：{self.reason}" if lang == "ja" else f": {self.reason}"
            why = why if self.reason.strip() else ""
            src = L10n(f"（個別に変更{why}）", f" (overridden{why})")
        elif self.rule_year is None:
            src = L10n("（措置ルールなし）", " (no rule)")
        else:
            src = L10n("（区分による）", " (by category)")
        return word.get(lang) + src.get(lang)


def eligible_categories(fiscal_year: int, rules: Sequence[SubsidyRule]) -> frozenset[str]:
    """The categories the rule applying to a fiscal year makes eligible."""
    rule, _assumed = rule_for(fiscal_year, rules)
    return rule.eligible_categories if rule else frozenset()


def line_basis(line: CostLine, plan: Plan, rules: Sequence[SubsidyRule]) -> LineBasis:
    """The line's resolved quantity and eligibility (by the rule of its first fiscal year)."""
    rule, _assumed = rule_for(line.start_fy, rules)
    base = {"teleworker": plan.teleworkers(), "device_needed": plan.devices_needed()}
    return LineBasis(
        quantity=line_quantity(line, plan),
        base=base.get(line.quantity_basis, 1),
        unit_word=UNIT_WORDS.get(line.quantity_basis, L10n("", "")),
        per_line=line.quantity,
        eligible=is_eligible(line, rule),
        source="category" if line.eligible_override is None else "override",
        reason=line.override_reason.strip() if line.eligible_override is not None else "",
        rule_year=rule.fiscal_year if rule else None,
    )
