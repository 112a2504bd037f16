"""Chapter 1: who leads the work (推進体制)."""

from __future__ import annotations

from ..content import Block
from .common import Context


def blocks(ctx: Context) -> list[Block]:
    plan = ctx.plan
    out: list[Block] = [ctx.fields([
        (ctx.t("推進責任者", "Responsible leader"), ctx.value(plan.leader)),
        (ctx.t("会議の進め方", "Meetings"), ctx.value(plan.meeting_plan)),
    ])]  # fmt: skip
    out.append(ctx.section(ctx.t("推進チームの構成", "The team")))
    rows = [[m.name, m.role, m.department] for m in plan.members]
    out += ctx.table([ctx.t("氏名", "Name"), ctx.t("役割", "Role"), ctx.t("所属", "Department")],
                     rows, [45, 55, 65])  # fmt: skip
    return out
