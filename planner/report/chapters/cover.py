"""The title page and the overview chapter (計画の概要)."""

from __future__ import annotations

from datetime import date

from ...domain.benchmarks import benchmark_position
from ...domain.suitability import Suitability
from ..content import Chapter, Text, TitlePage
from .common import Context
from .warnings import warnings_section


def title(ctx: Context) -> str:
    name = ctx.plan.municipality.name.strip() or ctx.empty
    return ctx.t(
        f"{name}テレワーク導入実施計画（案）", f"{name} Telework Implementation Plan (draft)"
    )


def cover(ctx: Context) -> TitlePage:
    mu = ctx.plan.municipality
    years = ctx.plan.fiscal_years
    period = f"{ctx.fy(years[0])} – {ctx.fy(years[-1])}" if years else ctx.empty
    issuer = [f"{mu.prefecture}　{mu.name}".strip()]
    if mu.department.strip():
        issuer.append(mu.department)
    return TitlePage(
        title(ctx),
        ctx.t(f"計画期間　{period}", f"Plan period: {period}"),
        # the plan's own date; a file from before issue 18 has none: the day of export (warned)
        ctx.date_label(ctx.plan.document_date or date.today()),
        tuple(issuer),
    )


def _count_line(ctx: Context) -> str:
    selected = ctx.plan.selected_tasks()
    counts = {lv: 0 for lv in Suitability}
    for _u, task in selected:
        counts[ctx.assessment(task).level] += 1
    s, c, u = (counts[Suitability.SUITABLE], counts[Suitability.CONDITIONAL],
               counts[Suitability.UNSUITABLE])  # fmt: skip
    return ctx.t(f"{len(selected)}件（◎適 {s}件・○条件付き {c}件・×不適 {u}件）",
                 f"{len(selected)} (◎ {s}, ○ {c}, × {u})")  # fmt: skip


def overview(ctx: Context) -> Chapter:
    plan, mu = ctx.plan, ctx.plan.municipality
    ch = Chapter("overview", ctx.t("計画の概要", "Overview"))
    years = plan.fiscal_years
    period = f"{ctx.fy(years[0])} – {ctx.fy(years[-1])}"
    access = ctx.catalog.access_method(plan.access_method)
    fci = mu.fiscal_capacity_index
    rows: list[tuple[str, Text | str]] = [
        (ctx.t("団体名", "Municipality"), ctx.value(f"{mu.prefecture} {mu.name}".strip())),
        (ctx.t("担当部署・作成者", "Department, author"),
         ctx.value("　".join(x for x in (mu.department, mu.author) if x.strip()))),
        (ctx.t("計画期間", "Plan period"), period),
        (ctx.t("職員数", "Staff"), ctx.t(
            f"一般行政職員 {mu.general_staff:,}人（全職員 {mu.all_staff:,}人）",
            f"{mu.general_staff:,} general administrative staff ({mu.all_staff:,} in all)")),
        (ctx.t("財政力指数", "Fiscal capacity index"),
         str(fci) if fci is not None else ctx.value("")),
        (ctx.t("テレワーク実施予定者", "Planned teleworkers"),
         ctx.t(f"{plan.teleworkers():,}人（{len(plan.units)}課）",
               f"{plan.teleworkers():,} in {len(plan.units)} units")),
        (ctx.t("対象業務", "Target tasks"), _count_line(ctx)),
        (ctx.t("接続方式", "Access method"), access.name.get(ctx.lang)),
    ]  # fmt: skip
    est, error = ctx.adopted()
    if est is not None:
        p = est.period
        other = ctx.t(f"特定財源 {ctx.yen(p.other_revenue)}、", f"other revenue "
                      f"{ctx.yen(p.other_revenue)}, ") if p.other_revenue else ""  # fmt: skip
        left = ctx.t(f"。運用経費 {ctx.yen(p.running_excluded)} は措置の対象外として見込んでいます",
                     f"; running costs of {ctx.yen(p.running_excluded)} are not counted as eligible"
                     ) if p.running_excluded else ""  # fmt: skip
        rows.append((
            ctx.t("経費見込み（計画期間）", "Costs over the period"),
            ctx.t(f"事業費 {ctx.yen(p.total)}、{other}特別交付税措置見込額 {ctx.yen(p.subsidy)}、"
                  f"実質負担額 {ctx.yen(p.net)}（概算）{left}（第11章）",
                  f"cost {ctx.yen(p.total)}, {other}estimated subsidy {ctx.yen(p.subsidy)}, "
                  f"net burden {ctx.yen(p.net)} (estimate){left} (chapter 11)"),
        ))  # fmt: skip
    elif error:
        rows.append((ctx.t("経費見込み", "Costs"), error))
    ch.blocks.append(ctx.fields(rows))
    ch.blocks += warnings_section(ctx)
    ch.blocks.append(ctx.section(ctx.t("導入の目的", "Purposes")))
    ch.blocks += ctx.purposes()
    ch.blocks.append(ctx.section(ctx.t("全国の導入状況との比較", "Compared with other bodies")))
    bench = ctx.catalog.benchmarks
    ch.blocks.append(ctx.p(benchmark_position(mu.general_staff, bench).text.get(ctx.lang)))
    lines = []
    for item in bench.raw.get("overall", []):
        if item.get("previous_year"):
            continue
        label = item.get("label", {}).get(ctx.lang, "")
        try:
            pct = f"{float(item.get('adoption_rate')) * 100:.1f}%"
        except (TypeError, ValueError):
            continue
        lines.append(ctx.t(f"{label}: {item.get('bodies', 0):,}団体（{pct}）",
                           f"{label}: {item.get('bodies', 0):,} bodies ({pct})"))  # fmt: skip
    if lines:
        ch.blocks.append(ctx.p("\n".join("・" + x for x in lines), style="small"))
    ch.blocks.append(ctx.p(ctx.t("出典: ", "Source: ") + bench.source.get(ctx.lang), style="note"))
    return ch
