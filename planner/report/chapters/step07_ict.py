"""Chapter 7: access method, devices and communication tools (costs: chapter 11)."""

from __future__ import annotations

from ..content import Block
from .common import Context


def blocks(ctx: Context) -> list[Block]:
    plan = ctx.plan
    access = ctx.catalog.access_method(plan.access_method)
    tools = "、".join(ctx.word("tool", x) for x in plan.tools)
    method = access.name.get(ctx.lang)
    if access.id != "none":
        method += "\n" + access.description.get(ctx.lang)
    return [
        ctx.fields([
            (ctx.t("接続方式", "Access method"), method),
            (ctx.t("端末", "Devices"), ctx.word("device_policy", plan.device_policy)),
            (ctx.t("端末の台数", "Number of devices"), ctx.t(
                f"実施予定者 {plan.teleworkers():,}人、既存端末 {plan.existing_devices:,}台、"
                f"新たに必要な端末 {plan.devices_needed():,}台",
                f"{plan.teleworkers():,} teleworkers, {plan.existing_devices:,} existing "
                f"devices, {plan.devices_needed():,} new devices needed")),
            (ctx.t("コミュニケーションツール", "Communication tools"), ctx.value(tools)),
        ]),
        ctx.p(ctx.t("経費の見込みは第11章に示します。", "Chapter 11 gives the cost estimate."),
              style="note"),
    ]  # fmt: skip
