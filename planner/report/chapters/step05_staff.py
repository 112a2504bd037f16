"""Chapter 5: who teleworks, where, how often and how it is applied for."""

from __future__ import annotations

from ...domain.model import Unit
from ..content import Block, Num
from .common import Context


def _forms(ctx: Context, unit: Unit) -> tuple[str, str, str, str]:
    f = unit.form
    where = [x for x, on in ((ctx.t("在宅", "home"), f.home),
                             (ctx.t("サテライト", "satellite"), f.satellite),
                             (ctx.t("モバイル", "mobile"), f.mobile)) if on]  # fmt: skip
    places = "・".join(where) if where else ctx.empty
    if f.max_days:
        per = ctx.word("cap_period", f.cap_period)
        cap = ctx.t(f"{per}{f.max_days}日まで", f"{f.max_days} days a {per}")
    else:
        cap = ctx.t("上限なし", "no cap")
    if f.application_days == 0:
        deadline = ctx.t("当日可", "same day")
    elif f.application_days == 1:
        deadline = ctx.t("前日まで", "day before")
    else:
        deadline = ctx.t(f"{f.application_days}日前まで", f"{f.application_days} days ahead")
    return places, cap, ctx.word("time_unit", f.time_unit), deadline


def blocks(ctx: Context) -> list[Block]:
    plan = ctx.plan
    out: list[Block] = [ctx.p(ctx.t(
        f"テレワークの実施予定者は{plan.teleworkers():,}人です。課ごとの実施形態は次のとおりです。",
        f"{plan.teleworkers():,} staff are planned to telework. The forms by unit:"))]  # fmt: skip
    rows: list[list] = []
    for u in plan.units:
        places, cap, unit_label, deadline = _forms(ctx, u)
        rows.append([u.name, Num(f"{u.staff:,}"), Num(f"{u.teleworkers:,}"), places, cap,
                     unit_label, deadline])  # fmt: skip
    if rows:
        rows.append([ctx.total_label(ctx.t("合計", "Total")),
                     Num(f"{sum(u.staff for u in plan.units):,}"),
                     Num(f"{plan.teleworkers():,}"), "", "", "", ""])  # fmt: skip
    out += ctx.table(
        [ctx.t("課・係", "Unit"), ctx.t("職員数", "Staff"), ctx.t("実施者", "Tele-workers"),
         ctx.t("実施場所", "Where"), ctx.t("上限", "Cap"), ctx.t("単位", "Unit of time"),
         ctx.t("申請期限", "Apply")],
        rows, [44, 15, 15, 28, 22, 20, 21], total_rows=1 if rows else 0)  # fmt: skip
    return out
