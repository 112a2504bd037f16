"""Chapter 7's BCP section (issue 23 §3): the priority work that continues remotely, the
work that needs presence (and why), and the capacity gap (``domain/bcp.py``)."""

from __future__ import annotations

from ...domain.bcp import capacity, priority_tasks
from ..content import Block, Column
from .common import Context


def blocks(ctx: Context) -> list[Block]:
    plan, catalog = ctx.plan, ctx.catalog
    tasks = priority_tasks(plan, catalog)
    if not tasks and plan.continuity.emergency_staff <= 0:
        return []
    out: list[Block] = [
        ctx.section(
            ctx.t(
                "業務継続（非常時のテレワーク）", "Business continuity (telework in an emergency)"
            )
        )
    ]
    why = lambda p: " ".join(w.get(ctx.lang) for w in p.why()) or ctx.t("—", "—")  # noqa: E731
    remote = [p for p in tasks if p.remote]
    present = [p for p in tasks if not p.remote]
    out.append(
        ctx.subsection(
            ctx.t("テレワークで継続できる非常時優先業務", "Priority work that continues remotely")
        )
    )
    out += ctx.table([
        Column(ctx.t("課", "Unit"), 35, lambda p: p.unit.name),
        Column(ctx.t("業務", "Task"), 60, lambda p: p.task.name),
        Column(ctx.t("条件", "Conditions"), 70, why),
    ], remote)  # fmt: skip
    out.append(
        ctx.subsection(ctx.t("出勤が必要な非常時優先業務", "Priority work that needs presence"))
    )
    out += ctx.table([
        Column(ctx.t("課", "Unit"), 35, lambda p: p.unit.name),
        Column(ctx.t("業務", "Task"), 60, lambda p: p.task.name),
        Column(ctx.t("理由", "Why"), 70, why),
    ], present)  # fmt: skip
    out.append(ctx.subsection(ctx.t("端末・ライセンスの過不足", "Devices and licences")))
    staff = plan.continuity.emergency_staff
    if staff <= 0:
        out.append(ctx.p(ctx.t("非常時にリモートアクセスが必要な職員数は未記入です。", "The staff needing remote access in an emergency are not entered.")))  # fmt: skip
        return out
    out.append(ctx.p(ctx.t(f"非常時にリモートアクセスが必要な職員: {staff}人", f"Staff needing remote access in an emergency: {staff}")))  # fmt: skip
    out += ctx.table([
        Column(ctx.t("項目", "Item"), 45, lambda c: c.label.get(ctx.lang)),
        Column(ctx.t("確保数", "Available"), 20, lambda c: f"{c.available:,}"),
        Column(ctx.t("不足", "Short"), 20, lambda c: f"{c.shortfall:,}" if c.shortfall else ctx.t("なし", "none")),
        Column(ctx.t("内訳", "Basis"), 80, lambda c: c.basis.get(ctx.lang)),
    ], capacity(plan, catalog))  # fmt: skip
    return out
