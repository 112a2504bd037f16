"""The KPIs in the documents (issue 23): a table of each KPI with its unit, baseline,
target and latest value, a small chart of the progress from baseline to target, and a
line of text per KPI (「未測定」 where nothing is measured yet). Chapter 2 of the plan
prints all of it; the council summary its table."""

from __future__ import annotations

from ...domain.kpis import (
    Progress,
    format_value,
    kpi_line,
    period_label,
    progress,
    status_text,
)
from ...domain.model_kpis import Kpi
from ..content import Block, Column, Figure, ProgressChart, ProgressRow
from .common import Context


def value(ctx: Context, kpi: Kpi, v) -> str:  # noqa: ANN001 - a Decimal or None
    return ctx.empty if v is None else format_value(v, kpi.unit, ctx.catalog.words, ctx.lang)


def latest_text(ctx: Context, p: Progress) -> str:
    if p.latest is None:
        return ctx.t("未測定", "not measured yet")
    shown = value(ctx, p.kpi, p.latest.value)
    return ctx.t(
        f"{shown}（{period_label(p.latest)}）", f"{shown} ({period_label(p.latest, 'en')})"
    )


def table(ctx: Context, widths: tuple[float, ...] = (50, 24, 28, 30, 33)) -> list[Block]:
    """The KPI table: indicator, baseline, target (by year), latest, status."""
    rows = [progress(k) for k in ctx.plan.kpis]
    w = widths
    return ctx.table([
        Column(ctx.t("指標", "Indicator"), w[0], lambda p: p.kpi.name),
        Column(ctx.t("現状値", "Baseline"), w[1], lambda p: value(ctx, p.kpi, p.kpi.baseline)),
        Column(ctx.t("目標値（年度）", "Target (by)"), w[2], lambda p: value(ctx, p.kpi, p.kpi.target)
               + (f"（{ctx.fy_short(p.kpi.fiscal_year)}）" if p.kpi.fiscal_year and ctx.lang == "ja"
                  else f" ({ctx.fy_short(p.kpi.fiscal_year)})" if p.kpi.fiscal_year else "")),
        Column(ctx.t("最新の測定値", "Latest"), w[3], lambda p: latest_text(ctx, p)),
        Column(ctx.t("状況", "Status"), w[4], lambda p: status_text(p, ctx.lang)),
    ], rows)  # fmt: skip


def chart(ctx: Context) -> Figure | None:
    """A bar per KPI from its baseline (0%) towards its target (100%), its latest value
    marked; a KPI that cannot be placed (未測定, no baseline or target) says why."""
    rows = []
    for k in ctx.plan.kpis:
        p = progress(k)
        share = None if p.share is None else float(p.share)
        rows.append(ProgressRow(k.name, share, status_text(p, ctx.lang), p.status == "reached"))
    if not rows:
        return None
    chart_ = ProgressChart(tuple(rows), ctx.t("現状", "Baseline"), ctx.t("目標", "Target"))
    return Figure(chart_, height_mm=14 + 7.5 * len(rows), width=1.0,
                  caption=ctx.t("図　指標の進捗（現状値を0%、目標値を100%とした最新の測定値の位置）",
                                "Figure: progress of the KPIs (the latest value between baseline = 0% and target = 100%)"))  # fmt: skip


def blocks(ctx: Context) -> list[Block]:
    """Chapter 2's KPI part: the table, the chart and a line per KPI."""
    out: list[Block] = [ctx.section(ctx.t("目標（KPI）", "Targets (KPIs)"))]
    out += table(ctx)
    if not ctx.plan.kpis:
        return out
    figure = chart(ctx)
    if figure is not None:
        out.append(figure)
    words = ctx.catalog.words
    lines = [f"・{kpi_line(k, words, ctx.lang)}" for k in ctx.plan.kpis]
    out.append(ctx.p("\n".join(lines), style="small"))
    return out
