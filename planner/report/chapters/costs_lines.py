"""Chapter 11, §11.2 and §11.3: the adopted scenario's cost items and the scenarios compared.

Each cost line shows its resolved quantity (「30台」「40人」「1式」) and its resolved
eligibility with where it comes from (``line_basis``), and its other revenue (特定財源)
where any line has some.
"""

from __future__ import annotations

from ...domain import costs
from ...domain.errors import PlannerError
from ..content import Block, Cell, Num, Span, text
from ..figures import scenario_figure
from ..line_basis import line_basis_cells, running_text
from .common import Context


def lines(ctx: Context) -> list[Block]:
    scenario = ctx.plan.adopted_scenario()
    if scenario is None:
        return []
    rules = ctx.catalog.subsidy_rules
    other = any(line.other_revenue > 0 for line in scenario.lines)
    rows = []
    for line in scenario.lines:
        try:
            amount: str = Num(ctx.yen(costs.line_amount(line, ctx.plan)))
        except PlannerError as e:
            amount = e.text(ctx.lang)
        qty: Cell
        qty, elig = line_basis_cells(line, ctx.plan, rules, ctx.lang)
        years = (ctx.fy_short(line.start_fy) if line.recurrence == "one_time"
                 else f"{ctx.fy_short(line.start_fy)}–{ctx.fy_short(line.end_fy)}")  # fmt: skip
        cat = ctx.catalog.category_name(line.category).get(ctx.lang)
        elig = elig[:1].upper() + elig[1:]  # a cell starts with a capital (English)
        running = running_text(line, ctx.plan, rules, ctx.lang)
        elig_cell = text(elig, Span("\n" + running, small=True) if running else "")
        mid = [Num(ctx.yen(line.other_revenue)) if line.other_revenue else ""] if other else []
        if line.quantity_basis == "fixed":
            qty = Num(qty)
        else:  # what the count counts: 「84人」（実施者1人あたり）
            basis = ctx.word("quantity_basis", line.quantity_basis)
            qty = text(qty, Span(f"\n{ctx.t(f'（{basis}）', f'({basis})')}", small=True))
        rows.append([line.name, cat, Num(ctx.yen(line.unit_price)), qty, amount, *mid,
                     years, elig_cell])  # fmt: skip
    head = [ctx.t("品目", "Item"), ctx.t("区分", "Category"), ctx.t("単価", "Unit price"),
            ctx.t("数量", "Qty"), ctx.t("年度額", "Per year"),
            *([ctx.t("特定財源（総額）", "Other revenue (whole)")] if other else []),
            ctx.t("計上年度", "Years"), ctx.t("措置対象（根拠）", "Eligible (basis)")]  # fmt: skip
    # money columns wide enough for 9,999,999円 on one line
    w = [26, 21, 20, 15, 21, 18, 18, 26] if other else [28, 26, 21, 17, 22, 20, 31]
    out: list[Block] = [ctx.section(ctx.t("11.2 経費の内訳", "11.2 Cost items"))]
    out += ctx.table(head, rows, w)
    return out


def scenarios(ctx: Context) -> list[Block]:
    plan = ctx.plan
    if not plan.scenarios:
        return []
    out: list[Block] = [ctx.section(ctx.t("11.3 シナリオの比較（計画期間計）",
                                          "11.3 Scenarios compared (whole period)"))]  # fmt: skip
    adopted = plan.adopted_scenario()
    other = any(line.other_revenue > 0 for s in plan.scenarios for line in s.lines)
    rows, names, sub, net = [], [], [], []
    for s in plan.scenarios:
        mark = ctx.t("（採用）", " (adopted)") if adopted and s.id == adopted.id else ""
        name = s.name + mark
        try:
            e = costs.estimate(plan, s, ctx.catalog.subsidy_rules)
        except PlannerError as err:
            rows.append([name, err.text(ctx.lang), *([""] * (4 if other else 3))])
            continue
        p = e.period
        figures = (p.total, *((p.other_revenue,) if other else ()), p.eligible, p.subsidy, p.net)
        rows.append([name, *(Num(ctx.yen(v)) for v in figures)])
        names.append(name)
        sub.append(p.subsidy / 1000)
        net.append(p.net / 1000)
    head = [ctx.t("シナリオ", "Scenario"), ctx.t("事業費", "Total cost"),
            *([ctx.t("特定財源", "Other revenue")] if other else []),
            ctx.t("うち対象経費", "Eligible"), ctx.t("措置見込額", "Est. subsidy"),
            ctx.t("実質負担額", "Net burden")]  # fmt: skip
    w = [45, 24, 24, 24, 24, 24] if other else [53, 28, 28, 28, 28]
    out += ctx.table(head, rows, w)
    if len(names) >= 2:
        out.append(scenario_figure(names, sub, net, ctx.lang, ctx.t(
            "図 シナリオ別の事業費（計画期間計）", "Figure: total cost by scenario")))  # fmt: skip
    for s in plan.scenarios:
        if s.note.strip():
            out.append(ctx.p(Span(s.name, bold=True), ": ", s.note))
    return out
