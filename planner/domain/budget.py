"""A budget request's figures (issue 20): each line in each year, and what a plan commits
the town to beyond one fiscal year.

**Lines by year.** ``line_rows`` gives every cost line in every fiscal year it falls in
with its resolved quantity, a lease's months, its amount, the other revenue applied and
how it counts for the measure (``costs.line_status``), as ``costs.estimate`` counts it:
the rows of a year add up to the estimate's year.

**Multi-year contracts.** A cost line may say that its contract runs over several fiscal
years as a 債務負担行為 (地方自治法214条: the council sets a period and a limit for the
payments of later years; the first year's payment is in that year's 歳出予算) or as a
長期継続契約 (地方自治法234条の3: leases and services a by-law names, made without a
債務負担行為). ``commitments`` lists them with their years' amounts: the first year's
budget, the later years' sum (a 債務負担行為's limit) and the contract's period.

**後年度負担.** ``later_burden`` says what falls after the plan's last fiscal year, for one
device life (``Plan.device_life_years``, 5 by default) or longer where a line runs longer:

- ``lease``: a lease's months after the plan's last year;
- ``running``: an annual line that runs to the plan's last year is taken to keep running
  (licences, services), its yearly amount in every later year; one whose end year is
  later runs to that year;
- ``one_time``: a one-time line that falls after the plan's last year;
- ``replacement``: the devices a one-time line buys (category ``ict_equipment``) are
  bought again, at the same price, every ``device_life_years`` after the year they were
  bought; the purchases that fall after the plan's last year are listed. A leased device
  is not bought again here: its lease ends (the remaining months are listed).
"""

from __future__ import annotations

from dataclasses import dataclass

from .costs import (
    basis_counts,
    lease_months,
    line_amount,
    line_amounts,
    line_quantity,
    line_status,
    other_revenue_by_year,
    rule_for,
    running_switch_on,
)
from .fiscal import lease_last_month, month_label, short_fy_label, year_month_label
from .model import CostLine, Plan, Scenario
from .rule_years import Rules
from .text import L10n

DEVICE_CATEGORIES = frozenset({"ict_equipment"})  # what is bought again after its life
COUNTED = ("eligible", "switched")  # the statuses whose amount, less other revenue, counts


@dataclass(frozen=True, slots=True)
class LineYear:
    """One cost line in one fiscal year, as the estimate counts it."""

    fiscal_year: int
    line: CostLine
    quantity: int  # resolved (costs.line_quantity)
    months: int  # a lease's months in this year; 0 for other lines
    amount: int
    other_revenue: int  # the part of the line's other revenue applied in this year
    status: str  # costs.line_status

    @property
    def eligible(self) -> int:
        """What the line adds to the year's eligible base."""
        return self.amount - self.other_revenue if self.status in COUNTED else 0


def line_rows(plan: Plan, scenario: Scenario, rules: Rules) -> list[LineYear]:
    """Every line in every fiscal year it falls in: by year, in the scenario's order."""
    switch = running_switch_on(plan)
    counts = basis_counts(plan)
    out = []
    for line in scenario.lines:
        amounts = line_amounts(line, plan, counts)
        revenue = other_revenue_by_year(line, amounts)
        months = lease_months(line) if line.recurrence == "lease" else {}
        quantity = line_quantity(line, plan, counts)
        for fy, amount in amounts.items():
            status = line_status(line, fy, rule_for(fy, rules)[0], switch)
            out.append(LineYear(fy, line, quantity, months.get(fy, 0), amount, revenue[fy], status))
    return sorted(out, key=lambda r: r.fiscal_year)  # stable: the scenario's order in a year


@dataclass(frozen=True, slots=True)
class Commitment:
    """A cost line under a 債務負担行為 or a 長期継続契約, with its amount in each year."""

    line_id: str
    name: str
    contract: str  # one of vocabularies.CONTRACTS
    amounts: tuple[tuple[int, int], ...]  # (fiscal year, amount), the first year first
    lease: tuple[int, int, int] | None = None  # a lease's (start FY, start month, months)

    @property
    def first_fy(self) -> int:
        return self.amounts[0][0]

    @property
    def last_fy(self) -> int:
        return self.amounts[-1][0]

    @property
    def first_year(self) -> int:
        """The first year's amount: that year's 歳出予算."""
        return self.amounts[0][1]

    @property
    def later(self) -> int:
        """The later years' amounts (翌年度以降の支出予定額)."""
        return sum(a for _fy, a in self.amounts[1:])

    @property
    def total(self) -> int:
        return sum(a for _fy, a in self.amounts)

    @property
    def limit(self) -> int | None:
        """A 債務負担行為's limit (限度額): the later years' amounts. A 長期継続契約 has none."""
        return self.later if self.contract == "debt_burden" else None

    def period_text(self, lang: str = "ja") -> str:
        """The years of the later payments (a 債務負担行為's 期間); "" when there are none."""
        if len(self.amounts) < 2:
            return ""
        first, last = short_fy_label(self.first_fy + 1, lang), short_fy_label(self.last_fy, lang)
        if first == last:
            return first
        return f"{first} to {last}" if lang == "en" else f"{first}から{last}まで"

    def contract_text(self, lang: str = "ja") -> str:
        """The contract's whole period: a lease's months, otherwise its fiscal years."""
        dash = " – " if lang == "en" else "〜"
        if self.lease is not None:
            return lease_period(*self.lease, lang)
        if self.first_fy == self.last_fy:
            return short_fy_label(self.first_fy, lang)
        return f"{short_fy_label(self.first_fy, lang)}{dash}{short_fy_label(self.last_fy, lang)}"


def lease_period(fy: int, month: int, months: int, lang: str = "ja") -> str:
    """A lease's months: 令和7年10月〜令和12年9月（60か月） / Oct 2025 – Sep 2030 (60 months)."""
    end = year_month_label(*lease_last_month(fy, month, months), lang)
    if lang == "en":
        return f"{month_label(fy, month, lang)} – {end} ({months} months)"
    return f"{month_label(fy, month, lang)}〜{end}（{months}か月）"


def commitments(plan: Plan, scenario: Scenario) -> list[Commitment]:
    """The scenario's lines under a multi-year contract, in the scenario's order."""
    counts = basis_counts(plan)
    out = []
    for line in scenario.lines:
        amounts = tuple(line_amounts(line, plan, counts).items()) if line.contract else ()
        if not amounts:  # no contract (or no year: a line being edited)
            continue
        lease = (line.start_fy, line.lease_start_month, line.lease_months)
        out.append(Commitment(line.id, line.name, line.contract, amounts,  # type: ignore[arg-type]
                              lease if line.recurrence == "lease" else None))  # fmt: skip
    return out


# -- 後年度負担 --------------------------------------------------------------------------------

BURDEN_KINDS = {
    "lease": L10n("リースの残り", "Remaining lease"),
    "running": L10n("継続する経費", "Continuing cost"),
    "one_time": L10n("計画期間後の経費", "Cost after the plan"),
    "replacement": L10n("端末の更新", "Device replacement"),
}


@dataclass(frozen=True, slots=True)
class BurdenRow:
    """One line's amounts in the years after the plan (``LaterBurden.years``)."""

    kind: str  # a key of BURDEN_KINDS
    line_id: str
    name: str
    amounts: tuple[int, ...]
    lease_months: tuple[int, ...] = ()  # lease: its months in each of those years
    bought: int = 0  # replacement: the fiscal year the devices were bought

    @property
    def total(self) -> int:
        return sum(self.amounts)

    @property
    def months(self) -> int:
        """A lease's months after the plan's last year."""
        return sum(self.lease_months)


@dataclass(frozen=True, slots=True)
class LaterBurden:
    last_plan_year: int
    device_life: int
    years: tuple[int, ...]  # the fiscal years after the plan, one device life or more
    rows: tuple[BurdenRow, ...]

    @property
    def totals(self) -> tuple[int, ...]:
        return tuple(sum(r.amounts[i] for r in self.rows) for i in range(len(self.years)))

    @property
    def total(self) -> int:
        return sum(r.total for r in self.rows)

    def note(self, row: BurdenRow, lang: str = "ja") -> str:
        """What a row rests on: 「残り30か月」「毎年度（計画期間後も継続）」「令和7年度購入分を5年で更新」."""
        en = lang == "en"
        if row.kind == "lease":
            return f"{row.months} months left" if en else f"残り{row.months}か月"
        if row.kind == "running":
            return "every year (continues after the plan)" if en else "毎年度（計画期間後も継続）"
        if row.kind == "replacement":
            bought = short_fy_label(row.bought, lang)
            return (f"bought {bought}, replaced every {self.device_life} years" if en
                    else f"{bought}購入分を{self.device_life}年ごとに更新")  # fmt: skip
        return "after the plan" if en else "計画期間後に計上"


def _running_to(line: CostLine, last: int, horizon_end: int) -> int:
    """The last year an annual line is paid: to the horizon when it runs to the plan's end."""
    return horizon_end if line.end_fy == last else line.end_fy


def later_burden(plan: Plan, scenario: Scenario) -> LaterBurden:
    """What the scenario commits the town to after the plan's last fiscal year."""
    last = plan.fiscal_years[-1]
    life = plan.device_life_years
    counts = basis_counts(plan)
    amounts = {line.id: line_amounts(line, plan, counts) for line in scenario.lines}
    end = max([last + life, *(max(a, default=last) for a in amounts.values())])
    years = tuple(range(last + 1, end + 1))
    rows: list[BurdenRow] = []
    for line in scenario.lines:
        by_year = dict(amounts[line.id])
        if line.recurrence == "annual" and line.end_fy >= last:
            each = line_amount(line, plan, counts)
            by_year = {fy: each for fy in range(line.start_fy, _running_to(line, last, end) + 1)}
        after = tuple(by_year.get(fy, 0) for fy in years)
        if not any(after):
            continue
        kind = "running" if line.recurrence == "annual" else line.recurrence
        months = lease_months(line) if kind == "lease" else {}
        rows.append(BurdenRow(kind, line.id, line.name, after,
                              tuple(months.get(fy, 0) for fy in years) if months else ()))  # fmt: skip
    for line in scenario.lines:
        if line.recurrence != "one_time" or line.category not in DEVICE_CATEGORIES:
            continue
        again = {line.start_fy + k * life for k in range(1, (end - line.start_fy) // life + 1)}
        after = tuple(line_amount(line, plan, counts) if fy in again else 0 for fy in years)
        if any(fy in again for fy in years):
            rows.append(BurdenRow("replacement", line.id, line.name, after, bought=line.start_fy))
    return LaterBurden(last, life, years, tuple(rows))
