"""Cost estimate per fiscal year with the special allocation tax measure taken off.

estimated subsidy = round(eligible base × rate × fiscal-capacity multiplier),
rounded as the year's rule says; net burden = total − other revenue − subsidy.
A year without its own rule uses the latest earlier rule and is marked *assumed*.

Issue 15 (docs/decisions/0005-subsidy-coverage.md):
- Coverage. A rule with ``coverage = "introduction"`` (every bundled year) counts
  one-time costs in the year they fall (an expansion in a later year too) and
  annual costs in their FIRST year only. Later years of an annual line are
  running costs: counted only when the rule says ``introduction_and_running``
  or the plan switches ``running_costs_eligible`` on WITH a reason (a switch
  without a reason is refused by ``checks.running_costs_have_a_reason`` and
  ignored here). What the switch adds is listed per year (``switched``).
- Category. A line counts only if its category is in the rule's list, or its
  ``eligible_override`` says so; the override decides the category question
  only, the coverage rule still applies.
- Other revenue (特定財源). ``CostLine.other_revenue`` is the part of the line's
  cost over its whole period paid from earmarked revenue (a national grant, a
  prefectural subsidy). It pays for the line's earliest costs first: it is
  applied to the line's amount year by year from its first year, never more
  than that year's amount. The part applied in a year is taken off the year's
  total burden and, where the line counts in that year, off the eligible base
  (so the base never goes below 0). An amount larger than the line's whole
  cost is used only up to that cost.
- Leases (issue 20): a ``lease`` line's monthly amount falls in the fiscal years of its
  months (``line_amounts``); its later years are running costs, as an annual line's are.
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass
from fractions import Fraction

from .catalog import SubsidyRule
from .declare import MAX_YEN
from .errors import ValidationError
from .fiscal import lease_months_by_fiscal_year
from .model import CostLine, Plan, Scenario
from .money import round_yen
from .rule_years import Rules, YearRules, latest_rule
from .text import L10n


@dataclass(frozen=True, slots=True)
class Figures:
    total: int
    eligible: int  # the eligible base: eligible cost less other revenue
    subsidy: int
    net: int  # total − other_revenue − subsidy
    _: KW_ONLY
    other_revenue: int = 0  # issue 15: earmarked revenue (特定財源) applied in the year(s)
    running_excluded: int = 0  # issue 15: running costs of eligible lines left out


@dataclass(frozen=True, slots=True)
class LineShare:
    """An amount of one cost line in one year (e.g. what the running-cost switch added)."""

    line_id: str
    name: str
    amount: int


@dataclass(frozen=True, slots=True)
class YearEstimate(Figures):
    fiscal_year: int
    rule: SubsidyRule | None  # None: no rule applies (before the measure began)
    assumed: bool  # the rule of an earlier year is carried forward
    _: KW_ONLY
    # issue 15: the lines whose running cost counts only because of the plan's switch
    switched: tuple[LineShare, ...] = ()

    @property
    def switch_added(self) -> int:
        """Eligible cost the plan's running-cost switch added in this year."""
        return sum(s.amount for s in self.switched)


@dataclass(frozen=True, slots=True)
class Estimate:
    scenario_id: str
    scenario_name: str
    years: tuple[YearEstimate, ...]
    period: Figures
    multiplier: Fraction
    _: KW_ONLY
    running_costs_switch: bool = False  # issue 15: the plan's switch was in force

    def year(self, fy: int) -> YearEstimate | None:
        return next((y for y in self.years if y.fiscal_year == fy), None)

    @property
    def assumed_years(self) -> list[int]:
        return [y.fiscal_year for y in self.years if y.assumed]

    def rules_used(self) -> list[tuple[int, SubsidyRule | None, bool]]:
        """(fiscal year, the rule it used, assumed?) for every year: what the PDF names."""
        return [(y.fiscal_year, y.rule, y.assumed) for y in self.years]


def rule_for(fiscal_year: int, rules: Rules) -> tuple[SubsidyRule | None, bool]:
    """The rule that applies to a fiscal year, and whether it is assumed (carried forward).
    ``rules``: the catalog's rules, or the rules one plan's figures use (issue 19: its
    recorded rules where it says so, ``plan_rules.rules_for``)."""
    if isinstance(rules, YearRules):
        return rules.rule_for(fiscal_year)
    return latest_rule(fiscal_year, rules)


def basis_counts(plan: Plan) -> dict[str, int]:
    """What a line's quantity is counted per ("fixed" and "organisation": one body)."""
    return {
        "teleworker": plan.teleworkers(),
        "device_needed": plan.devices_needed(),
        "home_allowance_staff": plan.home_allowance_staff,  # issue 15
    }


def line_quantity(line: CostLine, plan: Plan, counts: dict[str, int] | None = None) -> int:
    """``counts``: ``basis_counts(plan)``, computed once where many lines are counted."""
    per = (counts if counts is not None else basis_counts(plan)).get(line.quantity_basis, 1)
    return line.quantity * per


def lease_months(line: CostLine) -> dict[int, int]:
    """A lease's months in each fiscal year it runs (issue 20)."""
    return lease_months_by_fiscal_year(line.start_fy, line.lease_start_month, line.lease_months)


def line_years(line: CostLine) -> range:
    if line.recurrence == "lease":
        months = lease_months(line)
        return range(line.start_fy, max(months, default=line.start_fy - 1) + 1)
    last = line.start_fy if line.recurrence == "one_time" else line.end_fy
    return range(line.start_fy, last + 1)


def periods(line: CostLine) -> int:
    """How many times the line's amount is paid: its months for a lease, else its years."""
    return line.lease_months if line.recurrence == "lease" else len(line_years(line))


def line_amount(line: CostLine, plan: Plan, counts: dict[str, int] | None = None) -> int:
    """The line's amount in each fiscal year it falls in; a lease's amount in each month."""
    amount = line.unit_price * line_quantity(line, plan, counts)
    if amount > MAX_YEN:
        raise _line_over(line, amount, "cost_line.amount")
    return amount


def line_amounts(line: CostLine, plan: Plan, counts: dict[str, int] | None = None) -> dict[int, int]:
    """The line's amount in each fiscal year it falls in (a lease's: its months there)."""
    out = _spread(line, line_amount(line, plan, counts))
    if max(out.values(), default=0) > MAX_YEN:
        raise _line_over(line, max(out.values()), "cost_line.amount")
    return out


def _spread(line: CostLine, amount: int) -> dict[int, int]:
    """The line's yearly (or a lease's monthly) ``amount`` in each fiscal year it falls in."""
    if line.recurrence != "lease":
        return dict.fromkeys(line_years(line), amount)
    return {fy: amount * months for fy, months in lease_months(line).items()}


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
    counts = basis_counts(plan)
    for i, scenario in enumerate(plan.scenarios):
        totals: dict[int, int] = {}
        for j, line in enumerate(scenario.lines):
            amounts = _spread(line, line.unit_price * line_quantity(line, plan, counts))
            if max(amounts.values(), default=0) > MAX_YEN:
                raise _line_over(line, max(amounts.values()), f"scenarios[{i}].lines[{j}].unit_price")
            for fy, amount in amounts.items():
                totals[fy] = totals.get(fy, 0) + amount
        for fy in sorted(totals):
            if totals[fy] > MAX_YEN:
                raise _year_over(fy, totals[fy], f"scenarios[{i}]")


def is_eligible(line: CostLine, rule: SubsidyRule | None) -> bool:
    """The category question: is this kind of cost covered (or overridden)?"""
    if line.eligible_override is not None:
        return line.eligible_override
    return rule is not None and line.category in rule.eligible_categories


def is_running_year(line: CostLine, fiscal_year: int) -> bool:
    """A later year of an annual line or a lease: a running cost, not an introduction cost."""
    return line.recurrence != "one_time" and fiscal_year > line.start_fy


def line_status(line: CostLine, fy: int, rule: SubsidyRule | None, switch: bool) -> str:
    """How a line's amount in a year counts: "eligible", "not_eligible" (its category),
    "running" (a running cost the coverage rule leaves out) or "switched" (one the plan's
    switch counts). The estimate and the budget workbook's rows (``budget.py``) ask this."""
    if not is_eligible(line, rule):
        return "not_eligible"
    coverage = rule.coverage if rule is not None else "introduction"
    if is_running_year(line, fy) and coverage != "introduction_and_running":
        return "switched" if switch else "running"
    return "eligible"


def running_switch_on(plan: Plan) -> bool:
    """The plan's "running costs are eligible too" switch, in force only with a reason."""
    return bool(plan.running_costs_eligible) and bool(plan.running_costs_reason.strip())


def other_revenue_by_year(line: CostLine, amounts: dict[int, int]) -> dict[int, int]:
    """The line's other revenue spread over its years, earliest first (see the docstring)."""
    left = max(0, line.other_revenue)
    out = {}
    for fy, amount in amounts.items():
        used = min(left, amount)
        out[fy] = used
        left -= used
    return out


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


def estimate(plan: Plan, scenario: Scenario, rules: Rules) -> Estimate:
    multiplier = Fraction(plan.fiscal_capacity_multiplier)
    years = estimate_years(plan, scenario)
    applied = {fy: rule_for(fy, rules) for fy in years}
    switch = running_switch_on(plan)
    total = dict.fromkeys(years, 0)
    eligible = dict.fromkeys(years, 0)
    other = dict.fromkeys(years, 0)
    excluded = dict.fromkeys(years, 0)
    switched: dict[int, list[LineShare]] = {fy: [] for fy in years}
    counts = basis_counts(plan)
    for line in scenario.lines:
        amounts = line_amounts(line, plan, counts)
        revenue = other_revenue_by_year(line, amounts) if line.other_revenue else None
        for fy, amount in amounts.items():
            paid = revenue[fy] if revenue else 0  # most lines have no other revenue
            total[fy] += amount
            other[fy] += paid
            status = line_status(line, fy, applied[fy][0], switch)
            if status == "not_eligible":
                continue
            base = amount - paid
            if status == "running":
                excluded[fy] += base
                continue
            if status == "switched" and base:
                switched[fy].append(LineShare(line.id, line.name, base))
            eligible[fy] += base
    rows = []
    for fy in years:
        rule, assumed = applied[fy]
        if total[fy] > MAX_YEN:
            raise _year_over(fy, total[fy], "costs")
        sub = subsidy_for(eligible[fy], rule, multiplier)
        rows.append(
            YearEstimate(
                total[fy],
                eligible[fy],
                sub,
                total[fy] - other[fy] - sub,
                fy,
                rule,
                assumed,
                other_revenue=other[fy],
                running_excluded=excluded[fy],
                switched=tuple(switched[fy]),
            )  # fmt: skip
        )
    keys = ("total", "eligible", "subsidy", "net", "other_revenue", "running_excluded")
    period = Figures(**{k: sum(getattr(r, k) for r in rows) for k in keys})  # the years' sums
    return Estimate(
        scenario.id, scenario.name, tuple(rows), period, multiplier, running_costs_switch=switch
    )


def adopted_estimate(plan: Plan, rules: Rules) -> Estimate | None:
    scenario = plan.adopted_scenario()
    return estimate(plan, scenario, rules) if scenario else None


def compare_scenarios(plan: Plan, rules: Rules) -> list[Estimate]:
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


def eligible_categories(fiscal_year: int, rules: Rules) -> frozenset[str]:
    """The categories the rule applying to a fiscal year makes eligible."""
    rule, _assumed = rule_for(fiscal_year, rules)
    return rule.eligible_categories if rule else frozenset()


def line_basis(line: CostLine, plan: Plan, rules: Rules, counts: dict | None = None) -> LineBasis:
    """The line's resolved quantity and eligibility (by its first year's rule); counts: see above."""
    rule, _assumed = rule_for(line.start_fy, rules)
    counts = counts if counts is not None else basis_counts(plan)
    return LineBasis(
        quantity=line_quantity(line, plan, counts),
        base=counts[b] if (b := line.quantity_basis) in ("teleworker", "device_needed") else 1,
        unit_word=UNIT_WORDS.get(line.quantity_basis, L10n("", "")),
        per_line=line.quantity,
        eligible=is_eligible(line, rule),
        source="category" if line.eligible_override is None else "override",
        reason=line.override_reason.strip() if line.eligible_override is not None else "",
        rule_year=rule.fiscal_year if rule else None,
    )
