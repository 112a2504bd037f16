"""The budget request's summary sheet (集計, issue 20), from the line sheet's figures.

1. Per fiscal year: the cost and its 財源内訳 as a budget sheet states it — 国県支出金 (to
   fill in: the plan does not say which other revenue is a national or prefectural grant),
   その他特定財源 (the lines' other revenue), 一般財源 (the rest). The special allocation
   tax is general revenue the town expects later, not a revenue of the project: it stands
   beside the table as the expected measure, with the net burden after it, never inside
   the 財源内訳.
2. Per budget item (節) and fiscal year: ``SUMIFS`` over the line sheet, so a line moved
   to another 節 moves its amount.
3. The lines under a 債務負担行為 or a 長期継続契約: the contract's period, the first
   year's budget, the later years' payments, and a 債務負担行為's period and limit.
4. 後年度負担: what falls after the plan's last fiscal year (``budget.later_burden``),
   its amounts worked from the line sheet's quantity and price.
"""

from __future__ import annotations

from ..domain import budget
from ..domain.catalog import Catalog
from ..domain.costs import Estimate
from ..domain.fiscal import short_fy_label
from ..domain.model import Plan, Scenario
from ..domain.vocabularies import BUDGET_ITEMS
from .budget_lines import AMOUNT, FY, ITEM, OTHER, PRICE, QTY, SUBSIDY, LinesSheet
from .sheets import Formula, Sheet, ref, span
from .textsafe import clean_plain

WIDTHS = [26.0, 14.0, 22.0, *[14.0] * 11]


def summary_sheet(plan: Plan, catalog: Catalog, scenario: Scenario, est: Estimate,
                  lines: LinesSheet, name: str, adopted: bool) -> Sheet:  # fmt: skip
    sheet = Sheet(name, list(WIDTHS), repeat=(0, 1))
    mark = "（採用）" if adopted else ""
    sheet.put(0, 0, clean_plain(f"予算要求資料　集計　{plan.title}"), "title", across=8)
    sheet.put(1, 0, clean_plain(f"経費シナリオ: {scenario.name}{mark}　（単位: 円）"), "sub",
              across=8)  # fmt: skip
    r = _years(sheet, 3, est, lines)
    r = _items(sheet, r + 1, catalog, est, lines)
    r = _commitments(sheet, r + 1, plan, catalog, scenario, lines)
    _later(sheet, r + 1, plan, catalog, scenario, lines)
    return sheet


def _heading(sheet: Sheet, r: int, text: str) -> None:
    sheet.put(r, 0, text, "heading", across=8)


def _heads(sheet: Sheet, r: int, heads: list[str]) -> None:
    for col, head in enumerate(heads):
        if head:  # "": a gap between two tables side by side
            sheet.put(r, col, head, "head")


def _sums(sheet: Sheet, r: int, first: int, cols: range, figures: list[int]) -> None:
    """A total row: ``SUM`` of each column from ``first`` to the row above."""
    sheet.put(r, 0, "合計", "total_text")
    for col, figure in zip(cols, figures, strict=True):
        value = Formula(f"=SUM({ref(first, col)}:{ref(r - 1, col)})", figure) if r > first else 0
        sheet.put(r, col, value, "total_yen")


# -- 1. per fiscal year, and the 財源内訳 ------------------------------------------------------

YEAR_HEADS = ["年度", "事業費", "国県支出金", "その他特定財源", "一般財源", "",
              "特別交付税措置見込額", "措置後の実質負担額"]  # fmt: skip


def _years(sheet: Sheet, r: int, est: Estimate, lines: LinesSheet) -> int:
    _heading(sheet, r, "1　年度別の事業費と財源内訳")
    sheet.put(r + 1, 2, "財源内訳", "head", across=3)
    sheet.put(r + 1, 6, "（参考）財源外の見込み", "head", across=2)
    _heads(sheet, r + 2, YEAR_HEADS)
    first = r = r + 3
    on = lines.sheet.name
    for year in est.years:
        sub = lines.subtotal[year.fiscal_year]
        sheet.put(r, 0, short_fy_label(year.fiscal_year))
        sheet.put(r, 1, Formula(f"={ref(sub, AMOUNT, sheet=on)}", year.total), "yen")
        sheet.put(r, 2, 0, "input_yen")  # 国県支出金: finance fills it in
        sheet.put(r, 3, Formula(f"={ref(sub, OTHER, sheet=on)}", year.other_revenue), "yen")
        general = year.total - year.other_revenue
        sheet.put(r, 4, Formula(f"={ref(r, 1)}-{ref(r, 2)}-{ref(r, 3)}", general), "yen")
        sheet.put(r, 6, Formula(f"={ref(sub, SUBSIDY, sheet=on)}", year.subsidy), "yen")
        sheet.put(r, 7, Formula(f"={ref(r, 4)}-{ref(r, 6)}", year.net), "yen")
        r += 1
    p = est.period
    _sums(sheet, r, first, range(1, 5), [p.total, 0, p.other_revenue, p.total - p.other_revenue])
    _sums(sheet, r, first, range(6, 8), [p.subsidy, p.net])
    for i, text in enumerate(YEAR_NOTES):
        sheet.put(r + 1 + i, 0, text, "note", across=8)
    return r + 1 + len(YEAR_NOTES)


YEAR_NOTES = (
    "財源内訳: 計画には特定財源の種類が記録されていないため、経費ごとの特定財源（経費明細の「特定財源」）を"
    "その他特定財源に計上しています。国・県の補助金等は国県支出金の欄に入力し、その額をその他特定財源から除いてください。"
    "一般財源＝事業費−国県支出金−その他特定財源。",
    "特別交付税措置見込額は、この事業の財源ではなく、後に一般財源として交付が見込まれる額です（地方交付税法第15条第2項により"
    "12月と3月に決定）。財源内訳には含めず、参考として右に示します。措置後の実質負担額＝一般財源−特別交付税措置見込額。",
)


# -- 2. per budget item (節) ----------------------------------------------------------------


def _items(sheet: Sheet, r: int, catalog: Catalog, est: Estimate, lines: LinesSheet) -> int:
    _heading(sheet, r, "2　節別・年度別の事業費")
    years = [y.fiscal_year for y in est.years]
    head = r + 1
    _heads(sheet, head, ["節", *(short_fy_label(fy) for fy in years), "合計"])
    by_item: dict[str, dict[int, int]] = {}
    for row in lines.line_rows:
        per_year = by_item.setdefault(catalog.budget_item(row.line), dict.fromkeys(years, 0))
        per_year[row.fiscal_year] += row.amount
    on, a, b = lines.sheet.name, lines.first_row, lines.last_row
    amounts, fys, items = (span(a, c, b, c, sheet=on) for c in (AMOUNT, FY, ITEM))
    first = r = head + 1
    for item in (i for i in BUDGET_ITEMS if i in by_item):
        sheet.put(r, 0, catalog.words.label("budget_item", item, "ja"))
        for k, fy in enumerate(years, 1):
            sumifs = f"=SUMIFS({amounts},{fys},{ref(head, k, fixed=True)},{items},{ref(r, 0)})"
            sheet.put(r, k, Formula(sumifs, by_item[item][fy]), "yen")
        total = sum(by_item[item].values())
        sheet.put(r, len(years) + 1,
                  Formula(f"=SUM({ref(r, 1)}:{ref(r, len(years))})", total), "yen")  # fmt: skip
        r += 1
    totals = [y.total for y in est.years] + [est.period.total]
    _sums(sheet, r, first, range(1, len(years) + 2), totals)
    return r + 1


# -- 3. 債務負担行為 and 長期継続契約 ----------------------------------------------------------

COMMITMENT_HEADS = ["事項", "区分", "節", "契約期間", "債務負担行為の期間", "初年度の予算額",
                    "翌年度以降の支出予定額", "限度額"]  # fmt: skip


def _commitments(sheet: Sheet, r: int, plan: Plan, catalog: Catalog, scenario: Scenario,
                 lines: LinesSheet) -> int:  # fmt: skip
    _heading(sheet, r, "3　債務負担行為・長期継続契約")
    rows = budget.commitments(plan, scenario)
    if not rows:
        sheet.put(r + 1, 0, "複数年度にわたる契約（債務負担行為・長期継続契約）とした経費はありません。",
                  "note", across=8)  # fmt: skip
        return r + 2
    _heads(sheet, r + 1, COMMITMENT_HEADS)
    r += 2
    on = lines.sheet.name
    lines_by_id = {line.id: line for line in scenario.lines}
    for c in rows:
        at = lines.rows[c.line_id]
        line = lines_by_id[c.line_id]
        sheet.put(r, 0, clean_plain(c.name), "wrap")
        sheet.put(r, 1, catalog.words.label("contract", c.contract, "ja"))
        sheet.put(r, 2, catalog.words.label("budget_item", catalog.budget_item(line), "ja"))
        sheet.put(r, 3, c.contract_text(), "wrap")
        sheet.put(r, 4, c.period_text() if c.contract == "debt_burden" else "—", "wrap")
        sheet.put(r, 5, Formula(f"={ref(at[c.first_fy], AMOUNT, sheet=on)}", c.first_year), "yen")
        later = ",".join(ref(at[fy], AMOUNT, sheet=on) for fy, _a in c.amounts[1:])
        sheet.put(r, 6, Formula(f"=SUM({later})", c.later) if later else 0, "yen")
        limit = Formula(f"={ref(r, 6)}", c.later) if c.limit is not None else "—"
        sheet.put(r, 7, limit, "yen")
        r += 1
    sheet.put(r, 0, COMMITMENT_NOTE, "note", across=8)
    return r + 1


COMMITMENT_NOTE = (
    "債務負担行為（地方自治法第214条）: 初年度の支払いはその年度の歳出予算に計上し、翌年度以降の支払いの期間と限度額を"
    "債務負担行為として定めます。長期継続契約（同法第234条の3、条例で定める契約）は債務負担行為を要しません（限度額「—」）。"
)


# -- 4. 後年度負担 --------------------------------------------------------------------------


def _later(sheet: Sheet, r: int, plan: Plan, catalog: Catalog, scenario: Scenario,
           lines: LinesSheet) -> int:  # fmt: skip
    burden = budget.later_burden(plan, scenario)
    last = short_fy_label(burden.last_plan_year)
    _heading(sheet, r, f"4　後年度負担（計画期間の最終年度 {last} より後）")
    years = burden.years
    head = r + 1
    _heads(sheet, head, ["経費項目", "区分", "内容", *(short_fy_label(fy) for fy in years), "合計"])
    first = r = head + 1
    on = lines.sheet.name
    for row in burden.rows:
        at = lines.rows[row.line_id]
        source = at[row.bought] if row.kind == "replacement" else min(at.values())
        each = f"{ref(source, QTY, sheet=on)}*{ref(source, PRICE, sheet=on)}"
        sheet.put(r, 0, clean_plain(row.name), "wrap")
        sheet.put(r, 1, budget.BURDEN_KINDS[row.kind].ja)
        sheet.put(r, 2, burden.note(row), "wrap")
        for k, amount in enumerate(row.amounts):
            sheet.put(r, k + 3, _burden_cell(row, k, amount, each), "yen")
        sheet.put(r, len(years) + 3,
                  Formula(f"=SUM({ref(r, 3)}:{ref(r, len(years) + 2)})", row.total), "yen")  # fmt: skip
        r += 1
    _sums(sheet, r, first, range(3, len(years) + 4), [*burden.totals, burden.total])
    sheet.put(r + 1, 0, LATER_NOTE.format(life=burden.device_life), "note", across=8)
    return r + 2


def _burden_cell(row: budget.BurdenRow, k: int, amount: int, each: str) -> Formula | None:
    """A year's amount as a formula of the line's quantity and price (a lease's × months)."""
    if not amount:
        return None
    if row.kind == "lease":
        return Formula(f"={each}*{row.lease_months[k]}", amount)
    return Formula(f"={each}", amount)


LATER_NOTE = (
    "後年度負担の見込み: リースは計画期間後に残る月数、毎年度の経費は計画期間の最終年度まで計上したものが以後も続くとした額、"
    "端末（ICT機器）は購入した年度から{life}年ごとに同じ価格で更新するとした額です（年数は計画の設定）。"
    "リース期間終了後の再リースは含みません。"
)
