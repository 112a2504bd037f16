"""Chapter 10: the phases from trial to full rollout, and how each is evaluated."""

from __future__ import annotations

from ..content import Block, Column, centred, num
from .common import Context


def blocks(ctx: Context) -> list[Block]:
    return ctx.table([
        Column(ctx.t("段階", "Phase"), 20, lambda ph: centred(ctx.word("phase_kind", ph.kind))),
        Column(ctx.t("名称", "Name"), 45, lambda ph: ph.name),
        Column(ctx.t("期間", "Period"), 42, lambda ph: num(ctx.period(ph.start, ph.end))),
        Column(ctx.t("効果検証の方法", "How it is evaluated"), 58,
               lambda ph: ph.measures or ctx.empty),
    ], ctx.plan.phases)  # fmt: skip
