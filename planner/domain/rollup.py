"""The roll-up of many plans (issue 24, section 1): what is kept of each plan.

A prefecture reads its towns' plans and wants, per plan, where it stands and what the
measure will cost; ``plan_result`` reduces a whole plan to a small frozen record (a few
hundred bytes), so that reading 1,741 plans keeps 1,741 records and never the plans
themselves. Every figure is integer yen, computed by ``costs`` for the adopted scenario
as the town's own screen, PDF and CLI compute it:

* with the rules recorded in the plan (the figures the town sent: "the rules each plan
  was computed with"), and
* where a year's recorded rule differs from the rule this PC has for that year (the
  prefecture's own rule file, imported with ``planner rules import``), the subsidy and
  the net burden with this PC's rule too (``RuleGap``: both figures).

The totals by size class and by fiscal year are ``rollup_totals.py``. The record goes to
JSON and back (``as_data`` / ``from_data``): the process pool that reads the files sends
it as plain data (store/collect.py).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

from .catalog import Catalog
from .costs import Estimate, adopted_estimate
from .model import Plan
from .plan_rules import rule_differences
from .progress import StepState, step_state
from .rule_years import YearRules, rule_of
from .suitability import Suitability, assess_in_plan
from .warnings import plan_warnings

# Size classes by general administrative staff (一般行政職員数), as the national survey
# groups bodies: (code, lowest, highest or None, ja, en).
SIZE_CLASSES: tuple[tuple[str, int, int | None, str, str], ...] = (
    ("0_100", 0, 100, "100人以下", "100 or fewer"),
    ("101_300", 101, 300, "101〜300人", "101–300"),
    ("301_", 301, None, "301人以上", "301 or more"),
)


def size_class(general_staff: int) -> str:
    """The code of the size class a body of ``general_staff`` general staff falls in."""
    for code, low, high, _ja, _en in SIZE_CLASSES:
        if general_staff >= low and (high is None or general_staff <= high):
            return code
    return SIZE_CLASSES[0][0]


@dataclass(frozen=True, slots=True)
class Money:
    """Cost, eligible cost, estimated subsidy and net burden (integer yen)."""

    total: int = 0
    eligible: int = 0
    subsidy: int = 0
    net: int = 0

    def __add__(self, other: Money) -> Money:
        return Money(self.total + other.total, self.eligible + other.eligible,
                     self.subsidy + other.subsidy, self.net + other.net)  # fmt: skip


@dataclass(frozen=True, slots=True)
class YearMoney:
    fiscal_year: int
    money: Money


@dataclass(frozen=True, slots=True)
class RuleUsed:
    """The rule a fiscal year's figures were computed with."""

    fiscal_year: int
    rule_year: int | None  # the fiscal year of the rule (earlier: carried forward); None: none
    source: str  # its source, as the rule file names it (ja)
    rate: str  # "1/2"
    from_plan: bool  # the rule recorded in the plan (else this PC's)


@dataclass(frozen=True, slots=True)
class RuleGap:
    """A fiscal year whose recorded rule differs from this PC's (the prefecture's) rule:
    both rules, and the subsidy and net burden under each."""

    fiscal_year: int
    recorded: str  # "R6 rule — source" of the plan's record
    local: str  # the same of this PC's rule ("" when this PC has none for the year)
    subsidy_recorded: int
    subsidy_local: int
    net_recorded: int
    net_local: int


@dataclass(frozen=True, slots=True)
class PlanResult:
    """What the roll-up keeps of one plan file."""

    path: str
    plan_id: str
    saved_at: str  # ISO date-time the file was saved (or its modification time)
    municipality: str
    prefecture: str
    general_staff: int
    all_staff: int
    size_class: str
    steps: str  # one mark a step, ● done / ◐ in progress / ○ not started
    network_model: str  # code (words.toml: network_model)
    access_method: str  # ja name of the access method
    access_method_en: str
    teleworkers: int
    tasks: int
    selected: tuple[int, int, int]  # selected tasks ◎, ○, ×
    scenario: str  # the adopted scenario's name ("" when the plan has no cost scenario)
    years: tuple[YearMoney, ...]
    period: Money
    rules: tuple[RuleUsed, ...]
    gaps: tuple[RuleGap, ...]
    warnings: tuple[tuple[str, str], ...]  # (ja, en) of each warning (notes left out)

    @property
    def steps_done(self) -> int:
        return self.steps.count(StepState.DONE.mark)

    def year(self, fy: int) -> Money:
        return next((y.money for y in self.years if y.fiscal_year == fy), Money())

    @property
    def period_local(self) -> Money:
        """The period's figures with this PC's rule in the years that differ."""
        d_sub = sum(g.subsidy_local - g.subsidy_recorded for g in self.gaps)
        p = self.period
        return replace(p, subsidy=p.subsidy + d_sub, net=p.net - d_sub)

    def as_data(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_data(cls, d: dict[str, Any]) -> PlanResult:
        return cls(**{
            **d,
            "selected": tuple(d["selected"]),
            "years": tuple(YearMoney(y["fiscal_year"], Money(**y["money"])) for y in d["years"]),
            "period": Money(**d["period"]),
            "rules": tuple(RuleUsed(**r) for r in d["rules"]),
            "gaps": tuple(RuleGap(**g) for g in d["gaps"]),
            "warnings": tuple(tuple(w) for w in d["warnings"]),
        })  # fmt: skip


def _money(f: Any) -> Money:
    return Money(f.total, f.eligible, f.subsidy, f.net)


def _rule_text(rule: Any) -> str:
    if rule is None:
        return ""
    return f"{rule.fiscal_year}年度のルール（{rule.source.ja}）"


def plan_result(plan: Plan, catalog: Catalog, *, path: str, saved_at: str) -> PlanResult:
    """The roll-up's record of one plan, computed with the rules recorded in it."""
    recorded = {row.fiscal_year: rule_of(row) for row in plan.recorded_rules}
    rules = YearRules(catalog.subsidy_rules, recorded, True)
    est = adopted_estimate(plan, rules)
    local_est = adopted_estimate(plan, YearRules(catalog.subsidy_rules))
    levels = {id(task): assess_in_plan(plan, task, catalog).level
              for _unit, task in plan.selected_tasks()}  # fmt: skip
    marks = [0, 0, 0]
    for _unit, task in plan.selected_tasks():
        marks[levels[id(task)]] += 1

    def judge(task: Any) -> Suitability:  # each selected task judged once, for both
        level = levels.get(id(task))
        return assess_in_plan(plan, task, catalog).level if level is None else level

    mu = plan.municipality
    method = catalog.access_method(plan.access_method).name
    scenario = plan.adopted_scenario()
    return PlanResult(
        path=path, plan_id=plan.plan_id, saved_at=saved_at,
        municipality=mu.name, prefecture=mu.prefecture,
        general_staff=mu.general_staff, all_staff=mu.all_staff,
        size_class=size_class(mu.general_staff),
        steps="".join(step_state(plan, s).mark for s in catalog.steps),
        network_model=plan.network_model, access_method=method.ja, access_method_en=method.en,
        teleworkers=plan.teleworkers(), tasks=sum(len(u.tasks) for u in plan.units),
        selected=(marks[Suitability.SUITABLE], marks[Suitability.CONDITIONAL],
                  marks[Suitability.UNSUITABLE]),
        scenario="" if scenario is None else scenario.name,
        years=() if est is None else tuple(YearMoney(y.fiscal_year, _money(y)) for y in est.years),
        period=Money() if est is None else _money(est.period),
        rules=_rules_used(est, rules),
        gaps=_gaps(plan, rules, est, local_est),
        warnings=tuple((w.text.ja, w.text.en)
                       for w in plan_warnings(plan, catalog, judge=judge) if not w.is_note),
    )  # fmt: skip


def _rules_used(est: Estimate | None, rules: YearRules) -> tuple[RuleUsed, ...]:
    if est is None:
        return ()
    out = []
    for fy, rule, _assumed in est.rules_used():
        rate = "" if rule is None else f"{rule.rate.numerator}/{rule.rate.denominator}"
        out.append(RuleUsed(fy, None if rule is None else rule.fiscal_year,
                            "" if rule is None else rule.source.ja, rate, rules.from_plan(fy)))  # fmt: skip
    return tuple(out)


def _gaps(plan: Plan, rules: YearRules, est: Estimate | None,
          local: Estimate | None) -> tuple[RuleGap, ...]:  # fmt: skip
    if est is None or local is None:
        return ()
    out = []
    for d in rule_differences(plan, rules):
        mine, theirs = est.year(d.fiscal_year), local.year(d.fiscal_year)
        if mine is None or theirs is None:
            continue  # a year of another scenario than the adopted one
        out.append(RuleGap(d.fiscal_year, _rule_text(d.recorded), _rule_text(d.local),
                           mine.subsidy, theirs.subsidy, mine.net, theirs.net))  # fmt: skip
    return tuple(out)
