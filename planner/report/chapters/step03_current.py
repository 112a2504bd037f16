"""Chapter 3: the present state (devices, network segments, rules, staff by unit)."""

from __future__ import annotations

from ..content import Block, Num
from .common import Context


def blocks(ctx: Context) -> list[Block]:
    plan = ctx.plan
    layers = "、".join(ctx.word("network_layer", x) for x in plan.network_layers)
    out: list[Block] = [ctx.fields([
        (ctx.t("既存の端末（持ち出し可能）", "Existing devices"),
         ctx.t(f"{plan.existing_devices:,}台", f"{plan.existing_devices:,}")),
        (ctx.t("ネットワーク構成", "Network segments"), ctx.value(layers)),
        (ctx.t("既存の規程", "Existing rules"), ctx.value(plan.existing_rules)),
        (ctx.t("現状の課題・メモ", "Findings"), ctx.value(plan.current_notes)),
    ])]  # fmt: skip
    out.append(ctx.section(ctx.t("課・係ごとの職員数", "Staff by unit")))
    rows: list[list] = [[u.name, Num(f"{u.staff:,}")] for u in plan.units]
    if rows:
        rows.append([ctx.total_label(ctx.t("合計", "Total")),
                     Num(f"{sum(u.staff for u in plan.units):,}")])  # fmt: skip
    out += ctx.table([ctx.t("課・係", "Unit"), ctx.t("職員数（人）", "Staff")], rows, [120, 45],
                     total_rows=1 if rows else 0)  # fmt: skip
    return out
