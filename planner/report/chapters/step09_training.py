"""Chapter 9: training and information for the staff."""

from __future__ import annotations

from datetime import date

from ..content import Block, Column, num
from .common import Context


def blocks(ctx: Context) -> list[Block]:
    events = sorted(ctx.plan.training, key=lambda e: (e.day is None, e.day or date.min))
    return ctx.table([
        Column(ctx.t("実施日", "Date"), 24, lambda e: num(ctx.short_date(e.day))),
        Column(ctx.t("研修・周知", "Event"), 60, lambda e: e.name),
        Column(ctx.t("対象", "Audience"), 36, lambda e: e.audience or ctx.empty),
        Column(ctx.t("備考", "Note"), 45, lambda e: e.note),
    ], events)  # fmt: skip
