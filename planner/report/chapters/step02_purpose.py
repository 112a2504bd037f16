"""Chapter 2: purposes and targets (KPIs)."""

from __future__ import annotations

from ..content import Block
from .common import Context


def blocks(ctx: Context) -> list[Block]:
    out: list[Block] = [ctx.section(ctx.t("導入の目的", "Purposes"))]
    out += ctx.purposes()
    out.append(ctx.section(ctx.t("目標（KPI）", "Targets (KPIs)")))
    rows = [
        [k.name, k.baseline or ctx.empty, k.target or ctx.empty,
         ctx.fy_short(k.fiscal_year) if k.fiscal_year else ctx.empty]
        for k in ctx.plan.kpis
    ]  # fmt: skip
    out += ctx.table([ctx.t("指標", "Indicator"), ctx.t("現状値", "Baseline"),
                      ctx.t("目標値", "Target"), ctx.t("達成年度", "By")],
                     rows, [62, 36, 42, 25])  # fmt: skip
    return out
