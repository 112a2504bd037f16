"""Chapter 9: training and information for the staff."""

from __future__ import annotations

from datetime import date

from ..content import Block, Num
from .common import Context


def blocks(ctx: Context) -> list[Block]:
    events = sorted(ctx.plan.training, key=lambda e: (e.day is None, e.day or date.min))
    rows = [[Num(ctx.short_date(e.day)), e.name, e.audience or ctx.empty, e.note]
            for e in events]  # fmt: skip
    return ctx.table([ctx.t("実施日", "Date"), ctx.t("研修・周知", "Event"),
                      ctx.t("対象", "Audience"), ctx.t("備考", "Note")],
                     rows, [24, 60, 36, 45])  # fmt: skip
