"""The budget request's line sheet (経費明細, issue 20): one row per cost line per fiscal year.

Each year's rows are followed by the year's subtotal, where the estimated subsidy is
worked out as the rule works it out: on the year's eligible total, rounded as the rule
says (``rounding_formula``: 1,000円未満切り捨て is ``ROUNDDOWN(x,-3)``), never per line.
Amounts are ``=quantity*price`` (a lease's ``*months``), eligible amounts
``=amount-other revenue`` where the line counts that year, totals ``SUM``. Every formula
carries the figure the program computed (``budget.line_rows``, ``costs.estimate``), so a
viewer that does not recalculate shows the program's figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain import budget
from ..domain.catalog import Catalog, SubsidyRule
from ..domain.costs import Estimate, YearEstimate
from ..domain.fiscal import short_fy_label
from ..domain.model import Plan, Scenario
from ..domain.plan_rules import rules_for
from ..domain.subsidy_text import assumed_rule_words, rate_text
from .sheets import Formula, Sheet, ref
from .textsafe import clean_plain

COLUMNS = (("年度", 11), ("経費項目", 34), ("経費区分", 30), ("節", 20), ("種類", 13),
           ("数量", 8), ("単価", 12), ("月数", 6), ("金額", 14), ("特定財源", 12),
           ("措置の扱い", 19), ("対象経費", 14), ("措置率", 8), ("措置見込額", 14))  # fmt: skip
(FY, NAME, CATEGORY, ITEM, KIND, QTY, PRICE, MONTHS, AMOUNT, OTHER, STATUS, ELIGIBLE, RATE,
 SUBSIDY) = range(len(COLUMNS))  # fmt: skip
HEAD_ROW = 2
MULTIPLIER = (1, RATE)  # the fiscal-capacity multiplier's cell, which every subsidy uses
STATUS_WORDS = {
    "eligible": "対象",
    "not_eligible": "対象外",
    "running": "対象外（運用経費）",
    "switched": "◆対象（運用経費）",
}
ROUNDING_FUNCTIONS = {"down": "ROUNDDOWN", "up": "ROUNDUP", "half_up": "ROUND"}


def rounding_formula(expr: str, unit: int, mode: str) -> str:
    """The rule's rounding as Excel writes it: a unit of 10ⁿ yen is ``ROUNDDOWN(x,-n)``,
    another unit ``ROUNDDOWN((x)/u,0)*u`` (ROUND rounds half away from zero: half_up)."""
    fn = ROUNDING_FUNCTIONS[mode]
    digits = len(str(unit)) - 1
    if unit == 10**digits:
        return f"{fn}({expr},{-digits})"
    return f"{fn}(({expr})/{unit},0)*{unit}"


def rate_cell(rule: SubsidyRule) -> float | Formula:
    """The rule's rate: a number (0.5), or a formula where it has no short decimal (=1/3)."""
    text = rate_text(rule.rate)
    if "/" in text:
        return Formula(f"={text}", float(rule.rate))
    return float(text)


@dataclass
class LinesSheet:
    """The line sheet, and where the summary sheet finds its figures."""

    sheet: Sheet
    subtotal: dict[int, int] = field(default_factory=dict)  # fiscal year → its subtotal row
    rows: dict[str, dict[int, int]] = field(default_factory=dict)  # line id → year → row
    first_row: int = HEAD_ROW + 1
    last_row: int = HEAD_ROW + 1  # the last row of the years (the total row is below it)
    total_row: int = 0
    line_rows: list[budget.LineYear] = field(default_factory=list)  # what the rows show


def lines_sheet(plan: Plan, catalog: Catalog, scenario: Scenario, est: Estimate,
                name: str, adopted: bool) -> LinesSheet:  # fmt: skip
    sheet = Sheet(name, [w for _h, w in COLUMNS], repeat=(0, HEAD_ROW), freeze=(HEAD_ROW + 1, 2))
    out = LinesSheet(sheet)
    mark = "（採用）" if adopted else ""
    sheet.put(0, 0, clean_plain(f"予算要求資料　経費明細　{plan.title}"), "title", across=len(COLUMNS))
    sheet.put(1, 0, clean_plain(f"経費シナリオ: {scenario.name}{mark}　（単位: 円）"), "sub",
              across=STATUS)  # fmt: skip
    sheet.put(1, STATUS, "財政力補正の乗率", "label", across=2)
    sheet.put(*MULTIPLIER, float(plan.fiscal_capacity_multiplier), "multiplier")
    for col, (head, _width) in enumerate(COLUMNS):
        sheet.put(HEAD_ROW, col, head, "head")
    rows = out.line_rows = budget.line_rows(plan, scenario, rules_for(plan, catalog.subsidy_rules))
    r = HEAD_ROW + 1
    for year in est.years:
        first = r
        for row in (x for x in rows if x.fiscal_year == year.fiscal_year):
            _line_row(sheet, catalog, r, row)
            out.rows.setdefault(row.line.id, {})[row.fiscal_year] = r
            r += 1
        _subtotal(sheet, r, first, year)
        out.subtotal[year.fiscal_year] = r
        r += 1
    out.last_row = r - 1
    out.total_row = r
    _total(sheet, r, list(out.subtotal.values()), est)
    _notes(sheet, r + 2, plan, catalog)
    return out


def _line_row(sheet: Sheet, catalog: Catalog, r: int, row: budget.LineYear) -> None:
    line, words = row.line, catalog.words
    put = sheet.put
    put(r, FY, short_fy_label(row.fiscal_year))
    put(r, NAME, clean_plain(line.name))
    put(r, CATEGORY, catalog.category_name(line.category).ja)
    put(r, ITEM, words.label("budget_item", catalog.budget_item(line), "ja"))
    put(r, KIND, words.label("recurrence", line.recurrence, "ja"))
    put(r, QTY, row.quantity, "count")
    put(r, PRICE, line.unit_price, "yen")
    amount = f"={ref(r, QTY)}*{ref(r, PRICE)}"
    if line.recurrence == "lease":
        put(r, MONTHS, row.months, "count")
        amount += f"*{ref(r, MONTHS)}"
    else:
        put(r, MONTHS, None, "count")
    put(r, AMOUNT, Formula(amount, row.amount), "yen")
    put(r, OTHER, row.other_revenue, "yen")
    put(r, STATUS, STATUS_WORDS[row.status])
    counted = row.status in budget.COUNTED
    put(r, ELIGIBLE, Formula(f"={ref(r, AMOUNT)}-{ref(r, OTHER)}", row.eligible) if counted else 0,
        "yen")  # fmt: skip
    put(r, RATE, None, "rate")
    put(r, SUBSIDY, None, "yen")


def _subtotal(sheet: Sheet, r: int, first: int, year: YearEstimate) -> None:
    for col in range(len(COLUMNS)):
        sheet.put(r, col, None, "total_text")
    sheet.put(r, FY, f"{short_fy_label(year.fiscal_year)}計", "total_text")
    for col, figure in ((AMOUNT, year.total), (OTHER, year.other_revenue),
                        (ELIGIBLE, year.eligible)):  # fmt: skip
        value = Formula(f"=SUM({ref(first, col)}:{ref(r - 1, col)})", figure) if r > first else 0
        sheet.put(r, col, value, "total_yen")
    rule = year.rule
    if year.assumed and rule is not None:
        sheet.put(r, STATUS, f"※{assumed_rule_words(rule).ja}", "total_note")
    if rule is None:  # before the measure began
        sheet.put(r, SUBSIDY, 0, "total_yen")
        return
    sheet.put(r, RATE, rate_cell(rule), "total_rate")
    product = f"{ref(r, ELIGIBLE)}*{ref(r, RATE)}*{ref(*MULTIPLIER, fixed=True)}"
    formula = "=" + rounding_formula(product, rule.rounding_unit, rule.rounding_mode)
    sheet.put(r, SUBSIDY, Formula(formula, year.subsidy), "total_yen")


def _total(sheet: Sheet, r: int, subtotals: list[int], est: Estimate) -> None:
    for col in range(len(COLUMNS)):
        sheet.put(r, col, None, "total_text")
    sheet.put(r, FY, "合計", "total_text")
    period = est.period
    for col, figure in ((AMOUNT, period.total), (OTHER, period.other_revenue),
                        (ELIGIBLE, period.eligible), (SUBSIDY, period.subsidy)):  # fmt: skip
        cells = ",".join(ref(s, col) for s in subtotals)
        sheet.put(r, col, Formula(f"=SUM({cells})", figure), "total_yen")


NOTES = (
    "金額＝数量×単価（リースは×その年度の月数）。対象経費＝金額−特定財源（特別交付税措置の対象となる経費・年度のみ）。",
    "措置見込額は年度ごとに、対象経費の年度計×措置率×財政力補正の乗率（上の欄）で求め、措置ルールの端数処理をします（経費ごとには求めません）。",
    "措置の扱い: 「対象外（運用経費）」は、措置ルールが導入経費のみを対象とするため2年度目以降を含めない経費。「◆」は計画の「運用経費も対象とする」設定により含めた経費。",
    "特別交付税措置見込額は見込みであり、実際の交付額は国の算定によって決まり、保証されるものではありません。",
)


def _notes(sheet: Sheet, r: int, plan: Plan, catalog: Catalog) -> None:
    from ..domain.subsidy_text import subsidy_formula

    formula = subsidy_formula(plan, rules_for(plan, catalog.subsidy_rules), catalog.words).ja
    for i, text in enumerate((formula, *NOTES)):
        sheet.put(r + i, 0, clean_plain(text), "note", across=len(COLUMNS))
