"""Chapter 11, §11.2 and §11.3: the adopted scenario's cost items and the scenarios compared.

Each cost line shows its resolved quantity (「30台」「40人」「1式」) and its resolved
eligibility with where it comes from (``line_basis``), and its other revenue (特定財源)
where any line has some. Issue 20: a lease shows its monthly amount and its months; the
lines under a 債務負担行為 or a 長期継続契約 follow in a table of their own, with the
contract's period and a 債務負担行為's period and limit (``budget.commitments``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from ...domain import budget, costs
from ...domain.errors import PlannerError
from ...domain.model import CostLine
from ..content import Block, Cell, CellLike, Column, Span, Text, num, text
from ..figures import scenario_figure
from ..line_basis import line_basis_cells, running_text
from .common import Context


class _Item(NamedTuple):
    """A cost line's cells in §11.2."""

    name: str
    category: str
    price: Cell
    quantity: CellLike
    amount: CellLike
    other: CellLike
    years: str
    eligible: Text


def _item(ctx: Context, line: CostLine) -> _Item:
    rules = ctx.rules
    lease = line.recurrence == "lease"
    try:
        yen = ctx.yen(costs.line_amount(line, ctx.plan, ctx.counts))
        amount: CellLike = num(ctx.t(f"月額{yen}", f"{yen}/month") if lease else yen)
    except PlannerError as e:
        amount = e.text(ctx.lang)
    qty_text, elig = line_basis_cells(line, ctx.plan, rules, ctx.lang, ctx.counts)
    years = (ctx.fy_short(line.start_fy) if line.recurrence == "one_time"
             else f"{ctx.fy_short(line.start_fy)}–{ctx.fy_short(line.end_fy)}")  # fmt: skip
    if lease:  # its months, not its end year
        years = budget.lease_period(line.start_fy, line.lease_start_month, line.lease_months,
                                    ctx.lang)  # fmt: skip
    cat = ctx.catalog.category_name(line.category).get(ctx.lang)
    elig = elig[:1].upper() + elig[1:]  # a cell starts with a capital (English)
    running = running_text(line, ctx.plan, rules, ctx.lang, ctx.counts)
    elig_cell = text(elig, Span("\n" + running, small=True) if running else "")
    qty: CellLike
    if line.quantity_basis == "fixed":
        qty = num(qty_text)
    else:  # what the count counts: 「84人」（実施者1人あたり）
        basis = ctx.word("quantity_basis", line.quantity_basis)
        qty = text(qty_text, Span(f"\n{ctx.t(f'（{basis}）', f'({basis})')}", small=True))
    other = num(ctx.yen(line.other_revenue)) if line.other_revenue else ""
    return _Item(line.name, cat, num(ctx.yen(line.unit_price)), qty, amount, other, years,
                 elig_cell)  # fmt: skip


def lines(ctx: Context) -> list[Block]:
    scenario = ctx.plan.adopted_scenario()
    if scenario is None:
        return []
    other = any(line.other_revenue > 0 for line in scenario.lines)

    def w(with_other: float, without: float) -> float:
        return with_other if other else without

    # money columns wide enough for 9,999,999円 on one line
    columns = [
        Column(ctx.t("品目", "Item"), w(26, 28), lambda r: r.name),
        Column(ctx.t("区分", "Category"), w(21, 26), lambda r: r.category),
        Column(ctx.t("単価", "Unit price"), w(20, 21), lambda r: r.price),
        Column(ctx.t("数量", "Qty"), w(15, 17), lambda r: r.quantity),
        Column(ctx.t("年度額", "Per year"), w(21, 22), lambda r: r.amount),
        *([Column(ctx.t("特定財源（総額）", "Other revenue (whole)"), 18, lambda r: r.other)]
          if other else []),
        Column(ctx.t("計上年度", "Years"), w(18, 20), lambda r: r.years),
        Column(ctx.t("措置対象（根拠）", "Eligible (basis)"), w(26, 31), lambda r: r.eligible),
    ]  # fmt: skip
    out: list[Block] = [ctx.section(ctx.t("11.2 経費の内訳", "11.2 Cost items"))]
    out += ctx.table(columns, [_item(ctx, line) for line in scenario.lines])
    return out + _commitments(ctx)


def _commitments(ctx: Context) -> list[Block]:
    """The lines under a 債務負担行為 or a 長期継続契約 (issue 20); nothing when none is."""
    try:
        rows = budget.commitments(ctx.plan, ctx.plan.adopted_scenario())  # type: ignore[arg-type]
    except PlannerError:
        return []  # the line table says why the amounts cannot be worked out
    if not rows:
        return []
    dash = ctx.t("—（不要）", "— (none needed)")

    def limit(c: budget.Commitment) -> CellLike:
        return num(ctx.yen(c.limit)) if c.limit is not None else dash

    columns = [
        Column(ctx.t("事項", "Item"), 40, lambda c: c.name),
        Column(ctx.t("区分", "Kind"), 24, lambda c: ctx.word("contract", c.contract)),
        Column(ctx.t("契約期間", "Contract period"), 38, lambda c: c.contract_text(ctx.lang)),
        Column(ctx.t("債務負担行為の期間", "Period of the act"), 36,
               lambda c: c.period_text(ctx.lang) or "—" if c.limit is not None else dash),
        Column(ctx.t("限度額", "Limit"), 27, limit),
    ]  # fmt: skip
    return [
        ctx.subsection(ctx.t("債務負担行為・長期継続契約", "Debt burden acts and long-term contracts")),
        *ctx.table(columns, rows),
        ctx.p(ctx.t(
            "債務負担行為（地方自治法第214条）は、初年度の支払いをその年度の歳出予算に計上し、翌年度以降の支払いの期間と限度額を定めます。長期継続契約（同法第234条の3）は債務負担行為を要しません。",
            "A debt burden act (Local Autonomy Act, art. 214) sets the period and the limit of the "
            "later years' payments; the first year's payment is in that year's budget. A long-term "
            "continuing contract (art. 234-3) needs no such act.")),  # fmt: skip
    ]


class _Compared(NamedTuple):
    """A scenario of §11.3: its name, and its period figures or why there are none."""

    name: str
    period: costs.Figures | None
    error: str = ""


def scenarios(ctx: Context) -> list[Block]:
    plan = ctx.plan
    if not plan.scenarios:
        return []
    out: list[Block] = [ctx.section(ctx.t("11.3 シナリオの比較（計画期間計）",
                                          "11.3 Scenarios compared (whole period)"))]  # fmt: skip
    adopted = plan.adopted_scenario()
    other = any(line.other_revenue > 0 for s in plan.scenarios for line in s.lines)
    rows: list[_Compared] = []
    for s in plan.scenarios:
        mark = ctx.t("（採用）", " (adopted)") if adopted and s.id == adopted.id else ""
        try:
            e = costs.estimate(plan, s, ctx.rules)
        except PlannerError as err:
            rows.append(_Compared(s.name + mark, None, err.text(ctx.lang)))
            continue
        rows.append(_Compared(s.name + mark, e.period))

    def money(figure: Callable[[costs.Figures], int]) -> Callable[[_Compared], CellLike]:
        return lambda r: num(ctx.yen(figure(r.period))) if r.period else ""

    wide = 24 if other else 28
    out += ctx.table([
        Column(ctx.t("シナリオ", "Scenario"), 45 if other else 53, lambda r: r.name),
        Column(ctx.t("事業費", "Total cost"), wide,
               lambda r: num(ctx.yen(r.period.total)) if r.period else r.error),
        *([Column(ctx.t("特定財源", "Other revenue"), wide, money(lambda p: p.other_revenue))]
          if other else []),
        Column(ctx.t("うち対象経費", "Eligible"), wide, money(lambda p: p.eligible)),
        Column(ctx.t("措置見込額", "Est. subsidy"), wide, money(lambda p: p.subsidy)),
        Column(ctx.t("実質負担額", "Net burden"), wide, money(lambda p: p.net)),
    ], rows)  # fmt: skip
    figures = [r for r in rows if r.period]
    if len(figures) >= 2:
        out.append(scenario_figure([r.name for r in figures],
                                   [r.period.subsidy / 1000 for r in figures],  # type: ignore[union-attr]
                                   [r.period.net / 1000 for r in figures],  # type: ignore[union-attr]
                                   ctx.lang, ctx.t("図 シナリオ別の事業費（計画期間計）",
                                                   "Figure: total cost by scenario")))  # fmt: skip
    for s in plan.scenarios:
        if s.note.strip():
            out.append(ctx.p(Span(s.name, bold=True), ": ", s.note))
    return out
