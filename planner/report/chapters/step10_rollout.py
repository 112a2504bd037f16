"""Chapter 10: the phases from trial to full rollout, and how each is evaluated."""

from __future__ import annotations

from ..content import Block, Center, Num
from .common import Context


def blocks(ctx: Context) -> list[Block]:
    rows = [[Center(ctx.word("phase_kind", ph.kind)), ph.name, Num(ctx.period(ph.start, ph.end)),
             ph.measures or ctx.empty] for ph in ctx.plan.phases]  # fmt: skip
    return ctx.table([ctx.t("段階", "Phase"), ctx.t("名称", "Name"), ctx.t("期間", "Period"),
                      ctx.t("効果検証の方法", "How it is evaluated")],
                     rows, [20, 45, 42, 58])  # fmt: skip
