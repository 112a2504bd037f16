"""Chapter 11: the cost estimate by fiscal year, the cost items and the scenarios compared."""

from __future__ import annotations

from ...domain import costs
from ...domain.errors import PlannerError
from ...domain.money import format_thousand_yen
from ...domain.subsidy_text import rate_text, subsidy_formula
from ..content import Block, Chapter, Num, Spacer, Span, text
from ..figures import cost_figure, scenario_figure
from .common import ASSUMED_EN, ASSUMED_JA, Context


def chapter(ctx: Context) -> Chapter:
    ch = Chapter("costs", ctx.t("第11章　経費見込み", "Chapter 11. Cost estimate"), room_mm=110)
    est, error = ctx.adopted()
    if error:
        ch.blocks.append(ctx.p(Span(error, tone="alert")))
    if est is None:
        if not error:
            ch.blocks.append(ctx.p(ctx.muted_empty()))
        ch.blocks += _scenarios(ctx)
        return ch
    ch.blocks.append(ctx.p(ctx.t(
        f"採用する経費シナリオ「{est.scenario_name}」による年度別の見込みです。",
        f'Estimate by fiscal year for the adopted scenario "{est.scenario_name}".')))  # fmt: skip
    ch.blocks += _years(ctx, est)
    ch.blocks += _notes(ctx, est)
    if est.period.total > 0:
        ch.blocks.append(cost_figure(est, ctx.lang, 150, 62, ctx.t(
            "図 年度別の事業費（特別交付税措置見込額と実質負担額）",
            "Figure: cost by fiscal year (estimated subsidy and net burden)")))  # fmt: skip
    ch.blocks += _lines(ctx)
    ch.blocks += _scenarios(ctx)
    return ch


def _rule_note(ctx: Context, y: costs.YearEstimate) -> str:
    if y.rule is None:
        return ctx.t("措置なし（制度開始前）", "no measure (before it began)")
    rate = rate_text(y.rule.rate)
    base = ctx.t(f"{ctx.fy_short(y.rule.fiscal_year)}の措置（措置率{rate}）",
                 f"rule of FY{y.rule.fiscal_year} (rate {rate})")  # fmt: skip
    if y.assumed:
        return ctx.t(f"{ASSUMED_JA}　{base}を仮定", f"{ASSUMED_EN} {base} carried forward")
    return base


def _years(ctx: Context, est: costs.Estimate) -> list[Block]:
    rows_yen: list[list] = []
    rows_k: list[list] = []
    for y in est.years:
        rows_yen.append([ctx.fy(y.fiscal_year), Num(ctx.yen(y.total)), Num(ctx.yen(y.eligible)),
                         Num(ctx.yen(y.subsidy)), Num(ctx.yen(y.net)), _rule_note(ctx, y)])  # fmt: skip
        rows_k.append([ctx.fy(y.fiscal_year), *(Num(format_thousand_yen(v))
                       for v in (y.total, y.eligible, y.subsidy, y.net))])  # fmt: skip
    p = est.period
    total = ctx.total_label(ctx.t("計画期間計", "Total"))
    rows_yen.append(
        [total, *(Num(ctx.yen(v)) for v in (p.total, p.eligible, p.subsidy, p.net)), ""]
    )
    rows_k.append(
        [total, *(Num(format_thousand_yen(v)) for v in (p.total, p.eligible, p.subsidy, p.net))]
    )
    head = [ctx.t("年度", "Fiscal year"), ctx.t("事業費", "Total cost"),
            ctx.t("うち対象経費", "Eligible"), ctx.t("特別交付税措置見込額", "Est. subsidy"),
            ctx.t("実質負担額", "Net burden")]  # fmt: skip
    out: list[Block] = [
        ctx.section(ctx.t("11.1 年度別の見込み（円）", "11.1 By fiscal year (yen)"))
    ]
    out += ctx.table([*head, ctx.t("備考（適用した措置）", "Rule applied")], rows_yen,
                     [36, 23, 23, 23, 23, 37], total_rows=1)  # fmt: skip
    out.append(Spacer(mm=3))
    out += ctx.table([f"{h}{ctx.t('（千円）', ' (¥1,000)')}" if i else h for i, h in enumerate(head)],
                     rows_k, [45, 30, 30, 30, 30], total_rows=1)  # fmt: skip
    return out


def _notes(ctx: Context, est: costs.Estimate) -> list[Block]:
    lines = [
        subsidy_formula(ctx.plan, ctx.catalog.subsidy_rules).get(ctx.lang),
        ctx.t("乗率は都道府県から示される財政力補正の率を入力したもので、既定値1.0は補正なしを表します。",
              "The multiplier is the fiscal-capacity correction given by the prefecture; the "
              "default 1.0 means no correction."),
    ]  # fmt: skip
    if est.assumed_years:
        years = "、".join(ctx.fy_short(y) for y in est.assumed_years)
        lines.append(ctx.t(
            f"{ASSUMED_JA}: {years}は当該年度の措置が未公表のため、直近の年度の措置が続くものと仮定しています。",
            f"{ASSUMED_EN}: no rule is published yet for {years}; the latest earlier rule is "
            "assumed to continue."))  # fmt: skip
    lines.append(ctx.t(
        "措置額は概算の見込みであり、交付を保証するものではありません。実際の額は国の算定により決まります。",
        "The subsidy is an estimate, not a guaranteed amount: the actual figure is set by the "
        "national calculation."))  # fmt: skip
    return [ctx.p(x if x.startswith(("※", "*")) else "※ " + x, style="note") for x in lines]


def _eligibility(ctx: Context, override: bool | None) -> str:
    code = "auto" if override is None else ("yes" if override else "no")
    return ctx.word("eligibility", code)


def _lines(ctx: Context) -> list[Block]:
    scenario = ctx.plan.adopted_scenario()
    if scenario is None:
        return []
    rows = []
    for line in scenario.lines:
        try:
            qty = costs.line_quantity(line, ctx.plan)
            amount: str = Num(ctx.yen(costs.line_amount(line, ctx.plan)))
        except PlannerError as e:
            qty, amount = 0, e.text(ctx.lang)
        basis = ctx.word("quantity_basis", line.quantity_basis)
        years = (ctx.fy_short(line.start_fy) if line.recurrence == "one_time"
                 else f"{ctx.fy_short(line.start_fy)}–{ctx.fy_short(line.end_fy)}")  # fmt: skip
        elig = _eligibility(ctx, line.eligible_override)
        name = text(line.name)
        if line.eligible_override is not None and line.override_reason.strip():
            name = text(line.name, Span("\n" + ctx.t(f"※{elig}とした理由: {line.override_reason}",
                                                     f"* {elig}: {line.override_reason}"),
                                        small=True))  # fmt: skip
        cat = ctx.catalog.category_name(line.category).get(ctx.lang)
        fixed = line.quantity_basis == "fixed"
        qty_text = f"{qty:,}" if fixed else ctx.t(f"{qty:,}（{basis}）", f"{qty:,} ({basis})")
        rows.append([name, cat, Num(ctx.yen(line.unit_price)),
                     Num(qty_text) if fixed else qty_text, amount, years, elig])  # fmt: skip
    out: list[Block] = [ctx.section(ctx.t("11.2 経費の内訳", "11.2 Cost items"))]
    out += ctx.table([ctx.t("品目", "Item"), ctx.t("区分", "Category"), ctx.t("単価", "Unit price"),
                      ctx.t("数量", "Qty"), ctx.t("年度額", "Per year"),
                      ctx.t("計上年度", "Years"), ctx.t("措置対象", "Eligible")],
                     rows, [35, 30, 19, 21, 21, 20, 19])  # fmt: skip
    return out


def _scenarios(ctx: Context) -> list[Block]:
    plan = ctx.plan
    if not plan.scenarios:
        return []
    out: list[Block] = [ctx.section(ctx.t("11.3 シナリオの比較（計画期間計）",
                                          "11.3 Scenarios compared (whole period)"))]  # fmt: skip
    adopted = plan.adopted_scenario()
    rows, names, sub, net = [], [], [], []
    for s in plan.scenarios:
        mark = ctx.t("（採用）", " (adopted)") if adopted and s.id == adopted.id else ""
        name = s.name + mark
        try:
            e = costs.estimate(plan, s, ctx.catalog.subsidy_rules)
        except PlannerError as err:
            rows.append([name, err.text(ctx.lang), "", "", ""])
            continue
        p = e.period
        rows.append([name, *(Num(ctx.yen(v)) for v in (p.total, p.eligible, p.subsidy, p.net))])
        names.append(name)
        sub.append(p.subsidy / 1000)
        net.append(p.net / 1000)
    out += ctx.table([ctx.t("シナリオ", "Scenario"), ctx.t("事業費", "Total cost"),
                      ctx.t("うち対象経費", "Eligible"), ctx.t("措置見込額", "Est. subsidy"),
                      ctx.t("実質負担額", "Net burden")], rows, [53, 28, 28, 28, 28])  # fmt: skip
    if len(names) >= 2:
        out.append(scenario_figure(names, sub, net, ctx.lang, ctx.t(
            "図 シナリオ別の事業費（計画期間計）", "Figure: total cost by scenario")))  # fmt: skip
    for s in plan.scenarios:
        if s.note.strip():
            out.append(ctx.p(Span(s.name, bold=True), ": ", s.note))
    return out
