"""Chapter 3: the present state (devices, network segments, rules, staff by unit)."""

from __future__ import annotations

from typing import NamedTuple

from ...domain.network_model import MODEL_SOURCE, is_beta
from ..content import Block, Column, Text, num, text
from .common import Context


class Staff(NamedTuple):
    name: str | Text
    staff: int


def _network_model(ctx: Context) -> Text:
    """The α/α′/β/β′ model and what it means for document work (issue 15) and, under β′,
    for the business systems (issue 18)."""
    model = ctx.plan.network_model
    if model == "beta_prime":
        means = ctx.t(
            "文書・メール等の主な事務に加え、財務会計・人事給与等の業務システムもインターネット接続系で行うため、"
            "インターネット経由の接続方式で在宅等から扱えます。基幹系・マイナンバー利用事務はマイナンバー利用事務系に残ります。",
            "Documents and mail, and the business systems (accounting, payroll) too, sit on the internet-connected "
            "side, so an internet-based access method reaches them; core / My Number work stays on its own.")  # fmt: skip
    elif is_beta(model):
        means = ctx.t(
            "文書・メール等の主な事務はインターネット接続系で行うため、インターネット経由の接続方式で在宅等から扱えます。"
            "財務会計・人事給与等の業務システムはLGWAN接続系、基幹系・マイナンバー利用事務はマイナンバー利用事務系に残ります。",
            "Documents and mail sit on the internet-connected side, so an internet-based access method "
            "reaches them; business systems stay on the LGWAN side and core / My Number work on its own.")  # fmt: skip
    else:
        means = ctx.t(
            "文書・メール等の主な事務はLGWAN接続系で行うため、在宅等から扱うにはLGWAN接続系に届く接続方式が必要です。"
            "基幹系・マイナンバー利用事務はマイナンバー利用事務系にあり、庁外からは扱いません。",
            "Documents and mail sit on the LGWAN-connected side: working on them from home needs an access "
            "method that reaches it. Core / My Number work stays on its own segment, never reached from outside.")  # fmt: skip
    return text(ctx.word("network_model", model), "\n" + means,
                ctx.t(f"（{MODEL_SOURCE.ja}）", f" ({MODEL_SOURCE.en})"))  # fmt: skip


def blocks(ctx: Context) -> list[Block]:
    plan = ctx.plan
    layers = "、".join(ctx.word("network_layer", x) for x in plan.network_layers)
    out: list[Block] = [ctx.fields([
        (ctx.t("既存の端末（持ち出し可能）", "Existing devices"),
         ctx.t(f"{plan.existing_devices:,}台", f"{plan.existing_devices:,}")),
        (ctx.t("ネットワーク構成", "Network segments"), ctx.value(layers)),
        (ctx.t("ネットワークのモデル", "Network model"), _network_model(ctx)),
        (ctx.t("既存の規程", "Existing rules"), ctx.value(plan.existing_rules)),
        (ctx.t("現状の課題・メモ", "Findings"), ctx.value(plan.current_notes)),
    ])]  # fmt: skip
    out.append(ctx.section(ctx.t("課・係ごとの職員数", "Staff by unit")))
    total = Staff(ctx.total_label(ctx.t("合計", "Total")), sum(u.staff for u in plan.units))
    out += ctx.table([
        Column(ctx.t("課・係", "Unit"), 120, lambda r: r.name),
        Column(ctx.t("職員数（人）", "Staff"), 45, lambda r: num(f"{r.staff:,}")),
    ], [Staff(u.name, u.staff) for u in plan.units], [total])  # fmt: skip
    return out
