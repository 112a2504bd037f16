"""Chapter 11, §11.2 and §11.3: the adopted scenario's cost items and the scenarios compared.

Each cost line shows its resolved quantity (「30台」「40人」「1式」) and its resolved
eligibility with where it comes from (``line_basis``), and its other revenue (特定財源)
where any line has some.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from ...domain import costs
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
    try:
        amount: CellLike = num(ctx.yen(costs.line_amount(line, ctx.plan)))
    except PlannerError as e:
        amount = e.text(ctx.lang)
    qty_text, elig = line_basis_cells(line, ctx.plan, rules, ctx.lang)
    years = (ctx.fy_short(line.start_fy) if line.recurrence == "one_time"
             else f"{ctx.fy_short(line.start_fy)}–{ctx.fy_short(line.end_fy)}")  # fmt: skip
    cat = ctx.catalog.category_name(line.category).get(ctx.lang)
    elig = elig[:1].upper() + elig[1:]  # a cell starts with a capital (English)
    running = running_text(line, ctx.plan, rules, ctx.lang)
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
    return out


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
