"""Chapter 11: the cost estimate by fiscal year, the rules it used and what they cover.

Issue 15: the yearly table shows other revenue (特定財源) where a line has it, the
running costs the coverage rule leaves out, and a ◆ beside every figure the plan's
"running costs are eligible too" switch changes. The notes say where the fiscal-capacity
multiplier comes from, when the money arrives, and which rule each year used.
§11.2 and §11.3 (cost items, scenarios) are in ``costs_lines``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...domain import costs
from ...domain.money import thousand_yen_table
from ...domain.plan_rules import rule_differences
from ...domain.rules_text import (
    difference_cell,
    difference_note,
    grouped,
    source_word,
    used_suffix,
)
from ...domain.subsidy_rules import (
    SWITCH_MARK,
    SWITCH_SIGN,
    TIMING,
    coverage_words,
    multiplier_wording,
    plan_multiplier_note,
    rule_year_note,
    switch_added_note,
)
from ...domain.subsidy_text import rate_text, subsidy_formula
from ...domain.text import L10n
from ..content import Block, Cell, Chapter, Column, Spacer, Span, Text, num
from ..figures import cost_figure
from .common import ASSUMED_EN, ASSUMED_JA, Context
from .costs_lines import lines, scenarios


def chapter(ctx: Context) -> Chapter:
    ch = Chapter("costs", ctx.t("第11章　経費見込み", "Chapter 11. Cost estimate"),
                 keep_opening=True)  # fmt: skip
    est, error = ctx.adopted()
    if error:
        ch.blocks.append(ctx.p(Span(error, tone="alert")))
    if est is None:
        if not error:
            ch.blocks.append(ctx.p(ctx.muted_empty()))
        ch.blocks += scenarios(ctx)
        return ch
    ch.blocks.append(ctx.p(ctx.t(
        f"採用する経費シナリオ「{est.scenario_name}」による年度別の見込みです。",
        f'Estimate by fiscal year for the adopted scenario "{est.scenario_name}".')))  # fmt: skip
    ch.blocks += _years(ctx, est)
    ch.blocks += _notes(ctx, est)
    ch.blocks += _rules_used(ctx, est)
    if est.period.total > 0:
        other = ctx.t("・特定財源", ", other revenue") if est.period.other_revenue else ""
        ch.blocks.append(cost_figure(est, ctx.lang, ctx.t(
            f"図 年度別の事業費（特別交付税措置見込額・実質負担額{other}）",
            f"Figure: cost by fiscal year (estimated subsidy, net burden{other})")))  # fmt: skip
    ch.blocks += lines(ctx)
    ch.blocks += scenarios(ctx)
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


def _remarks(ctx: Context, y: costs.YearEstimate) -> str:
    out = [_rule_note(ctx, y)]
    differs = next((d for d in rule_differences(ctx.plan, ctx.rules) if d.fiscal_year == y.fiscal_year),
                   None)  # fmt: skip
    if differs is not None:  # issue 19: the plan's record and this PC disagree on the year
        out.append(difference_cell(differs).get(ctx.lang))
    elif ctx.rules.from_plan(y.fiscal_year):
        out.append(source_word(True, ctx.catalog.words).get(ctx.lang))
    if y.running_excluded:
        out.append(ctx.t(f"運用経費{ctx.yen(y.running_excluded)}は対象外",
                         f"running costs {ctx.yen(y.running_excluded)} not eligible"))  # fmt: skip
    if y.switched:
        out.append(switch_added_note(y.switch_added).get(ctx.lang))
    return "\n".join(out)


def _year_label(ctx: Context, fy: int) -> str:
    """「令和7年度」over「（2025年度）」: the narrow first column never breaks a number."""
    return ctx.t(f"{ctx.fy_short(fy)}\n（{fy}年度）", ctx.fy(fy))


def _marked(value: str, on: bool) -> Cell:
    return num(f"{SWITCH_SIGN}{value}" if on else value)


@dataclass(frozen=True)
class _Year:
    """A row of the yearly tables: a fiscal year's figures, or the period's."""

    label: str | Text
    total: int
    other: int  # other revenue (特定財源)
    eligible: int
    subsidy: int
    net: int
    switched: bool  # the running-cost switch changes the eligible, subsidy and net (◆)
    remarks: str = ""


def _year_columns(ctx: Context, other: bool, thousands: bool) -> list[Column[_Year]]:
    """Fiscal year, total, other revenue (where a line has some), eligible, subsidy, net,
    and the remarks in yen; the ¥1,000 table's figures say their unit in the header."""
    unit = ctx.t("（千円）", " (¥1,000)") if thousands else ""
    money = (lambda v: f"{v:,}") if thousands else ctx.yen

    def w(yen_with_other: float, yen: float, k_with_other: float, k: float) -> float:
        """The column's width in each of the four tables (mm of the A4 text width)."""
        if thousands:
            return k_with_other if other else k
        return yen_with_other if other else yen

    cols = [
        Column(ctx.t("年度", "Fiscal year"), w(22, 24, 40, 45), lambda r: r.label),
        Column(ctx.t("事業費", "Total cost") + unit, w(21, 24, 25, 30),
               lambda r: num(money(r.total))),
        *([Column(ctx.t("特定財源", "Other revenue") + unit, w(19, 0, 25, 0),
                  lambda r: num(money(r.other)))] if other else []),
        Column(ctx.t("うち対象経費", "Eligible") + unit, w(22, 24, 25, 30),
               lambda r: _marked(money(r.eligible), r.switched)),
        Column(ctx.t("特別交付税措置見込額", "Est. subsidy") + unit, w(22, 24, 25, 30),
               lambda r: _marked(money(r.subsidy), r.switched)),
        Column(ctx.t("実質負担額", "Net burden") + unit, w(22, 24, 25, 30),
               lambda r: _marked(money(r.net), r.switched)),
    ]  # fmt: skip
    if not thousands:
        cols.append(Column(ctx.t("備考", "Remarks"), w(37, 45, 0, 0), lambda r: r.remarks))
    return cols


def _years(ctx: Context, est: costs.Estimate) -> list[Block]:
    other = est.period.other_revenue > 0
    p = est.period
    s = any(y.switched for y in est.years)
    total = ctx.total_label(ctx.t("計画期間計", "Total"))
    yen = [_Year(_year_label(ctx, y.fiscal_year), y.total, y.other_revenue, y.eligible,
                 y.subsidy, y.net, bool(y.switched), _remarks(ctx, y)) for y in est.years]  # fmt: skip
    yen_total = _Year(total, p.total, p.other_revenue, p.eligible, p.subsidy, p.net, s)
    *k_years, k_period = _thousands(est)
    k = [_Year(ctx.fy(y.fiscal_year), *f, switched=bool(y.switched))
         for y, f in zip(est.years, k_years, strict=True)]  # fmt: skip
    k_total = _Year(total, *k_period, switched=s)
    out: list[Block] = [
        ctx.section(ctx.t("11.1 年度別の見込み（円）", "11.1 By fiscal year (yen)"))
    ]
    out += ctx.table(_year_columns(ctx, other, thousands=False), yen, [yen_total])
    out.append(ctx.p("※ " + TIMING.get(ctx.lang), style="note"))  # beside the net burden
    out.append(Spacer())
    out += ctx.table(_year_columns(ctx, other, thousands=True), k, [k_total])
    out.append(ctx.p(ctx.t(
        "※ 千円の表は、千円未満を年度ごとに四捨五入し、実質負担額は表示した事業費から特定財源と措置見込額を差し引いた額、"
        "計画期間計は各年度の表示額の合計としています（表示単位未満四捨五入のため、11.1の円単位の額とは一致しない場合があります）。",
        "※ The ¥1,000 table rounds each year's figures to the nearest ¥1,000; its net burden is the printed "
        "total less the printed other revenue and subsidy, and its period row is the sum of the printed "
        "years, so its columns add up but may differ from the exact amounts in 11.1."), style="note"))  # fmt: skip
    return out


def _thousands(est: costs.Estimate) -> list[list[int]]:
    """The ¥1,000 table's figures, year rows then the period row: (total, other revenue,
    eligible, subsidy, net). The columns add up (money.thousand_yen_table), and so does each
    row: the net is the printed total less the printed other revenue and subsidy (issue 18)."""
    table = thousand_yen_table(
        [[y.total, y.other_revenue, y.eligible, y.subsidy] for y in est.years]
    )
    return [[t, o, e, sub, t - o - sub] for t, o, e, sub in table]


def _coverage(ctx: Context, est: costs.Estimate) -> list[str]:
    used = {y.rule.coverage for y in est.years if y.rule is not None}
    unconfirmed = any(y.rule is not None and y.rule.coverage == "introduction"
                      and y.rule.coverage_source.startswith("unconfirmed") for y in est.years)  # fmt: skip
    switch = est.running_costs_switch
    head = ctx.t("措置の対象範囲: ", "What the measure covers: ")
    lines = []
    for c in sorted(used):
        if c == "introduction" and unconfirmed and switch:
            # the plan's own assumption (below) replaces the conservative reading
            lines.append(head + _UNCONFIRMED.get(ctx.lang))
            continue
        lines.append(head + coverage_words(c).get(ctx.lang) + ctx.t("。", "."))
        if c == "introduction" and unconfirmed:
            lines[-1] += ctx.t("", " ") + _CONSERVATIVE.get(ctx.lang)
    if switch:  # what the plan assumes, on the basis the user entered (issue 18)
        reason = ctx.plan.running_costs_reason.strip()
        assumed = ctx.t(
            f"本計画では、次の根拠により、運用経費（2年度目以降の毎年の経費）も措置の対象となるものと見込んでいます（根拠: {reason}）。",
            f"This plan assumes that running costs (later years of annual costs) are eligible too, "
            f"on this basis: {reason}.")  # fmt: skip
        if lines and unconfirmed:
            lines[-1] += ctx.t("", " ") + assumed
        else:
            lines.append(assumed)
    left = [y for y in est.years if y.running_excluded]
    if left:
        each = ctx.t("、", ", ").join(f"{ctx.fy_short(y.fiscal_year)} {ctx.yen(y.running_excluded)}"
                                      for y in left)  # fmt: skip
        lines.append(ctx.t(
            f"対象外とした運用経費（2年度目以降の毎年の経費）: {each}（計 {ctx.yen(est.period.running_excluded)}）。",
            f"Running costs left out (later years of annual costs): {each} "
            f"(total {ctx.yen(est.period.running_excluded)})."))  # fmt: skip
    if est.running_costs_switch:
        added = sum(y.switch_added for y in est.years)
        mark = SWITCH_MARK.get(ctx.lang).removeprefix(SWITCH_SIGN).strip()
        lines.append(ctx.t(
            f"{SWITCH_SIGN} {mark}: {SWITCH_SIGN}を付けた額はこの前提により変わるもので、運用経費{ctx.yen(added)}を対象経費に含めています。",
            f"{SWITCH_SIGN} {mark}: figures marked {SWITCH_SIGN} change with this assumption; "
            f"it adds {ctx.yen(added)} of running costs to the eligible base."))  # fmt: skip
    return lines


_CONSERVATIVE = L10n(
    "通知は「職員向けテレワークの導入に係る経費」を対象としており、運用経費が対象となるかは公開資料で確認できていないため、控えめに導入経費のみを見込んでいます。",
    "The notice covers the costs of introducing telework for staff; whether running costs count "
    "could not be confirmed in a public source, so only introduction costs are counted.",
)
_UNCONFIRMED = L10n(
    "通知は「職員向けテレワークの導入に係る経費」を対象としており、運用経費が対象となるかは公開資料で確認できていません。",
    "The notice covers the costs of introducing telework for staff; whether running costs count "
    "could not be confirmed in a public source.",
)


def _notes(ctx: Context, est: costs.Estimate) -> list[Block]:
    lines = [subsidy_formula(ctx.plan, ctx.rules, ctx.catalog.words).get(ctx.lang),
             multiplier_wording().get(ctx.lang)]  # fmt: skip
    out = [ctx.p("※ " + x, style="note") for x in lines]
    warn = plan_multiplier_note(ctx.plan)
    if warn is not None:
        out.append(ctx.p(Span("※ " + warn.get(ctx.lang), bold=True, tone="alert"), style="note"))
    more = _coverage(ctx, est)
    if est.period.other_revenue:
        more.append(ctx.t(
            f"特定財源（国庫補助金・県補助金など）{ctx.yen(est.period.other_revenue)}は、事業費には含めたまま実質負担額から差し引き、"
            "措置の対象となる年度には対象経費からも差し引いています。実質負担額 ＝ 事業費 − 特定財源 − 特別交付税措置見込額。",
            f"Other revenue (national or prefectural grants) of {ctx.yen(est.period.other_revenue)} "
            "stays in the total cost and is taken off the net burden, and off the eligible base in "
            "the years in which the line counts. Net burden = total − other revenue − estimated subsidy."))  # fmt: skip
    more.append(ctx.t(
        "措置額は概算の見込みであり、交付を保証するものではありません。実際の額は国の算定により決まります。",
        "The subsidy is an estimate, not a guaranteed amount: the actual figure is set by the "
        "national calculation."))  # fmt: skip
    out += [ctx.p(x if x.startswith(("※", "*", SWITCH_SIGN)) else "※ " + x, style="note")
            for x in more]  # fmt: skip
    return out


def _rules_used(ctx: Context, est: costs.Estimate) -> list[Block]:
    """Which rule each year used, with its source and date (assumed years said plainly), and
    whether it is the rule recorded in the plan or this PC's (issue 19: where the two
    differ, both are named)."""
    out: list[Block] = [
        ctx.subsection(ctx.t("年度ごとに用いた措置ルール", "The rule each year used"))
    ]
    words = ctx.catalog.words
    for fy, rule, assumed in est.rules_used():
        note = rule_year_note(fy, rule, assumed).get(ctx.lang)
        where = used_suffix(ctx.rules.from_plan(fy), words).get(ctx.lang) if rule else ""
        out.append(ctx.p("・" + note + where, style="small"))
    for group in grouped(rule_differences(ctx.plan, ctx.rules)):
        out.append(ctx.p("※ " + difference_note(group, words).get(ctx.lang), style="small"))
    return out
