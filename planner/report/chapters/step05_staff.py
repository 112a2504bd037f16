"""Chapter 5: who teleworks, where, how often and how it is applied for."""

from __future__ import annotations

from typing import NamedTuple

from ...domain.model import Unit
from ...domain.sensitive import PERSONAL_DATA_POLICY_LABEL
from ..content import Block, Column, Text, num, text
from .common import Context

ALLOWANCE_MONTH = 3_000  # the national 在宅勤務等手当 (NPA 2023, in force 2024-04-01)


def _allowance(ctx: Context) -> Text:
    """Staff count × ¥3,000 × 12, and the salary ordinance it needs (issue 15)."""
    n = ctx.plan.home_allowance_staff
    if n == 0:
        return text(ctx.t("0人（手当を設けない）", "0 (no allowance)"))
    year = n * ALLOWANCE_MONTH * 12
    return text(ctx.t(
        f"{n:,}人 × 月額{ALLOWANCE_MONTH:,}円 × 12か月 ＝ 年額{year:,}円\n"
        "1か月に10日を超えて継続的に在宅勤務等を命じられる職員が対象（国の在宅勤務等手当、令和5年人事院勧告・令和6年4月1日施行にならう）。"
        "通勤手当は調整されます。手当を設けるには給与条例の改正（議会の議決）が必要です。",
        f"{n:,} staff × ¥{ALLOWANCE_MONTH:,} a month × 12 = ¥{year:,} a year\n"
        "For staff ordered to work mainly from home (more than 10 days a month, continuing), after "
        "the national allowance (NPA 2023, in force 2024-04-01); the commuting allowance is adjusted. "
        "It needs an amendment of the salary ordinance (給与条例), a bill the council votes on."))  # fmt: skip


def _personal_data(ctx: Context) -> Text:
    policy = ctx.plan.personal_data_at_home
    means = ctx.t(
        "要配慮個人情報を扱う業務は、画面転送方式（端末にデータを残さない方式）の接続に限り庁外で実施します。",
        "Tasks with sensitive personal data are done outside the office only over screen transfer "
        "(no data left on the device).",
    ) if policy == "screen_transfer_only" else ctx.t(
        "要配慮個人情報を扱う業務は、庁外（在宅・モバイル）では実施しません。",
        "Tasks with sensitive personal data are not done outside the office (home, mobile).",
    )  # fmt: skip
    return text(ctx.word("personal_data_policy", policy), "\n" + means)


class _Forms(NamedTuple):
    where: str
    cap: str
    time_unit: str
    deadline: str


def _forms(ctx: Context, unit: Unit) -> _Forms:
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
    return _Forms(places, cap, ctx.word("time_unit", f.time_unit), deadline)


class _Row(NamedTuple):
    name: str | Text
    staff: int
    teleworkers: int
    forms: _Forms = _Forms("", "", "", "")


def blocks(ctx: Context) -> list[Block]:
    plan = ctx.plan
    out: list[Block] = [ctx.p(ctx.t(
        f"テレワークの実施予定者は{plan.teleworkers():,}人です。課ごとの実施形態は次のとおりです。",
        f"{plan.teleworkers():,} staff are planned to telework. The forms by unit:"))]  # fmt: skip
    rows = [_Row(u.name, u.staff, u.teleworkers, _forms(ctx, u)) for u in plan.units]
    total = _Row(ctx.total_label(ctx.t("合計", "Total")), sum(u.staff for u in plan.units),
                 plan.teleworkers())  # fmt: skip
    out += ctx.table([
        Column(ctx.t("課・係", "Unit"), 44, lambda r: r.name),
        Column(ctx.t("職員数", "Staff"), 15, lambda r: num(f"{r.staff:,}")),
        Column(ctx.t("実施者", "Tele-workers"), 15, lambda r: num(f"{r.teleworkers:,}")),
        Column(ctx.t("実施場所", "Where"), 28, lambda r: r.forms.where),
        Column(ctx.t("上限", "Cap"), 22, lambda r: r.forms.cap),
        Column(ctx.t("単位", "Unit of time"), 20, lambda r: r.forms.time_unit),
        Column(ctx.t("申請期限", "Apply"), 21, lambda r: r.forms.deadline),
    ], rows, [total])  # fmt: skip
    out.append(ctx.fields([
        (ctx.t("在宅勤務等手当", "Telework allowance"), _allowance(ctx)),
        (PERSONAL_DATA_POLICY_LABEL.get(ctx.lang), _personal_data(ctx)),
    ]))  # fmt: skip
    return out
