"""Chapter 1: who leads the work (推進体制)."""

from __future__ import annotations

from ..content import Block, Column
from .common import Context


def blocks(ctx: Context) -> list[Block]:
    plan = ctx.plan
    out: list[Block] = [ctx.fields([
        (ctx.t("推進責任者", "Responsible leader"), ctx.value(plan.leader)),
        (ctx.t("会議の進め方", "Meetings"), ctx.value(plan.meeting_plan)),
    ])]  # fmt: skip
    out.append(ctx.section(ctx.t("推進チームの構成", "The team")))
    out += ctx.table([
        Column(ctx.t("氏名", "Name"), 45, lambda m: m.name),
        Column(ctx.t("役割", "Role"), 55, lambda m: m.role),
        Column(ctx.t("所属", "Department"), 65, lambda m: m.department),
    ], plan.members)  # fmt: skip
    return out
