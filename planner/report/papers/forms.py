"""The forms staff fill in, as content (issue 21, 2): the application and approval form,
the pledge and the home-environment self-check. Rendered by the Word writer.

Their fields follow the plan: the time units offered are those of step 5's units, the
places those the units allow (and a relative's home when step 5 allows it), the devices
those of step 7's policy, the approver step 5's; the pledge lists the plan's measures for
teleworkers (step 8) and the self-check the catalog's. Every form carries the town's
name and the department.
"""

from __future__ import annotations

from ...domain.model import Plan
from ..chapters.common import Context
from ..content import Block, Chapter, Column, Document, centred, table

BOX = "□"
DATE_BLANK = "令和　　年　　月　　日"
TIME_UNITS = ("day", "half_day", "hour")  # coarsest first: a finer unit allows the coarser


def _document(ctx: Context, title: str, blocks: list[Block]) -> Document:
    mu = ctx.plan.municipality
    head = ctx.p(f"{mu.name}　{mu.department}".strip(), style="note")
    return Document(lang=ctx.lang, title=f"{mu.name} {title}", subject=title,
                    author=mu.department or mu.name, cover=None, contents_title="",
                    chapters=[Chapter("form", title, [head, *blocks])])  # fmt: skip


def time_units(plan: Plan) -> list[str]:
    """The units of time an application may ask for: down to the finest any unit allows."""
    used = [TIME_UNITS.index(u.form.time_unit) for u in plan.units if u.form.time_unit in TIME_UNITS]
    return list(TIME_UNITS[: max(used, default=0) + 1])


def places(ctx: Context) -> list[str]:
    plan = ctx.plan
    out = []
    if any(u.form.home for u in plan.units):
        out.append(ctx.t("自宅", "Home"))
    if any(u.form.satellite for u in plan.units):
        out.append(ctx.t("サテライトオフィス（　　　　　　）", "Satellite office (        )"))
    if any(u.form.mobile for u in plan.units):
        out.append(ctx.t("モバイル（出張先等）", "Mobile (on a trip)"))
    if plan.eligibility.relative_home:
        out.append(ctx.t("親族宅（介護等のため：　　　　　　）", "A relative's home (care:       )"))
    return out


def devices(ctx: Context) -> list[str]:
    loaned = ctx.t("貸与端末（管理番号：　　　　）", "Loaned device (no.      )")
    own = ctx.t("私物端末", "Own device")
    return {"loaned": [loaned], "own": [own]}.get(ctx.plan.device_policy, [loaned, own])


def boxes(items: list[str]) -> str:
    return "　".join(f"{BOX}{x}" for x in items)


def deadline(ctx: Context) -> str:
    days = sorted({u.form.application_days for u in ctx.plan.units})
    if not days:
        return ctx.empty
    longest = days[-1]
    when = ctx.t("当日まで", "the same day") if longest == 0 else ctx.t(
        f"{longest}日前まで", f"{longest} day(s) ahead")  # fmt: skip
    differ = ctx.t("（課により異なります。実施要綱の別表のとおり）", " (by unit: see the rules' table)")
    return ctx.t(f"実施日の{when}", f"by {when}") + (differ if len(days) > 1 else "")


def application_form(ctx: Context) -> Document:
    """実施申請書・承認書: the application, then the approval by the plan's approver."""
    unit_words = [ctx.word("time_unit", u) for u in time_units(ctx.plan)]
    hours = ctx.t("（　　時　　分～　　時　　分）", " (from   :   to   :   )")
    blocks: list[Block] = [
        ctx.p(ctx.t(f"提出日　{DATE_BLANK}", f"Date: {DATE_BLANK}")),
        ctx.p(ctx.t("所属長　様", "To the head of the unit")),
        ctx.p(ctx.t("次のとおりテレワークの実施を申請します。", "I apply to telework as follows.")),
        ctx.fields([
            (ctx.t("所属（課・係）", "Unit"), ""),
            (ctx.t("職名・氏名", "Post and name"), ""),
            (ctx.t("実施日", "Date(s)"), DATE_BLANK),
            (ctx.t("時間単位", "Time unit"), boxes(unit_words) + (hours if "hour" in time_units(ctx.plan) else "")),
            (ctx.t("実施場所", "Place"), boxes(places(ctx))),
            (ctx.t("使用する端末", "Device"), boxes(devices(ctx))),
            (ctx.t("実施する業務", "Work to do"), "\n\n"),
            (ctx.t("連絡先（電話）", "Phone"), ""),
            (ctx.t("申請期限", "Apply"), deadline(ctx)),
        ]),
        ctx.section(ctx.t("承認", "Approval")),
        ctx.fields([
            (ctx.t("承認の区分", "Approved by"), ctx.word("approver", ctx.plan.eligibility.approver)),
            (ctx.t("承認", "Decision"), ctx.t(f"{BOX}承認する　{BOX}承認しない（理由：　　　　）",
                                             f"{BOX} approved  {BOX} not approved (why:     )")),
            (ctx.t("承認日・承認者", "Date, approver"), ctx.t(f"{DATE_BLANK}　　職・氏名", f"{DATE_BLANK}  post, name")),
        ]),
    ]  # fmt: skip
    return _document(ctx, ctx.t("テレワーク実施申請書・承認書", "Telework application and approval"), blocks)


def teleworker_measures(ctx: Context) -> list[str]:
    """The plan's security measures for teleworkers (step 8), as the pledge lists them."""
    return [s.text for s in ctx.plan.security if s.role == "teleworker" and s.status != "not_applicable"]


def pledge(ctx: Context) -> Document:
    """誓約書: the rules kept, and the plan's security measures for teleworkers."""
    fixed = [ctx.t("勤務時間中は職務に専念し、始業・終業を定められた方法で報告します。",
                   "I devote the working hours to my duties and report start and end as set."),
             ctx.t("職務上知り得た秘密を漏らしません（地方公務員法34条）。",
                   "I keep the secrets learned in my work (地方公務員法 Art. 34)."),
             ctx.t("承認された場所以外では業務を行いません。", "I work only at the approved place.")]  # fmt: skip
    items = fixed + teleworker_measures(ctx)
    mu = ctx.plan.municipality
    head = mu.name + ctx.t("長", "") if mu.name.endswith(("市", "町", "村")) else mu.name
    blocks: list[Block] = [
        ctx.p(ctx.t(f"{head}　様", f"To the {head}")),
        ctx.p(ctx.t("私は、テレワークの実施に当たり、次の事項を守ることを誓約します。",
                    "In teleworking, I pledge to keep the following.")),
        ctx.p("\n".join(f"{i}. {x}" for i, x in enumerate(items, 1))),
        ctx.p(ctx.t(f"{DATE_BLANK}\n所属　　　　　　　　職名　　　　　　　　氏名",
                    f"{DATE_BLANK}\nUnit                Post                Name")),
    ]  # fmt: skip
    return _document(ctx, ctx.t("誓約書", "Pledge"), blocks)


def self_check(ctx: Context) -> Document:
    """自宅作業環境チェックリスト: the catalog's measures for teleworkers and the workplace."""
    measures = [m.text.get(ctx.lang) for m in ctx.catalog.security_measures if m.role == "teleworker"]
    place = [ctx.t("作業する場所は家族等から画面をのぞかれない位置にある", "The screen cannot be seen by others"),
             ctx.t("机・椅子・照明が長時間の作業に適している", "Desk, chair and light suit long work"),
             ctx.t("1時間に1回程度、画面から目を離して休憩できる", "A break from the screen every hour or so"),
             ctx.t("通信回線が業務に十分な速さで安定している", "The connection is fast and stable enough")]  # fmt: skip
    rows = [(x,) for x in place + measures]
    blocks: list[Block] = [
        ctx.p(ctx.t("テレワークを始める前と、月1回程度、次の項目を確認してください。",
                    "Check these before you start, and about once a month.")),
        table([Column(ctx.t("確認項目", "Item"), 150, lambda r: r[0]),
               Column(ctx.t("確認", "OK"), 15, lambda r: centred(BOX))], rows),
        ctx.p(ctx.t(f"確認日　{DATE_BLANK}　　所属・氏名", f"Checked on {DATE_BLANK}  unit, name")),
    ]  # fmt: skip
    return _document(ctx, ctx.t("自宅作業環境チェックリスト", "Home workplace self-check"), blocks)
