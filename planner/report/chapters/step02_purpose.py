"""Chapter 2: purposes and targets (KPIs)."""

from __future__ import annotations

from ..content import Block, Column
from .common import Context


def blocks(ctx: Context) -> list[Block]:
    out: list[Block] = [ctx.section(ctx.t("導入の目的", "Purposes"))]
    out += ctx.purposes()
    out.append(ctx.section(ctx.t("目標（KPI）", "Targets (KPIs)")))
    out += ctx.table([
        Column(ctx.t("指標", "Indicator"), 62, lambda k: k.name),
        Column(ctx.t("現状値", "Baseline"), 36, lambda k: k.baseline or ctx.empty),
        Column(ctx.t("目標値", "Target"), 42, lambda k: k.target or ctx.empty),
        Column(ctx.t("達成年度", "By"), 25,
               lambda k: ctx.fy_short(k.fiscal_year) if k.fiscal_year else ctx.empty),
    ], ctx.plan.kpis)  # fmt: skip
    return out
