"""The rules a town must make or amend before telework starts, and when (issue 21, 1b).

Five rules, each with its kind, who decides it, the date of the consultation with the
staff union (職員団体との交渉, 地方公務員法55条) and when it is decided (a council
session for an ordinance). The dates are those of the plan's own rules of step 6 that
the rule is recorded under (by the rule's catalog template). Printed in chapter 6
(PDF and Word) and as a document of its own (``papers.amend_document``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...domain.model import RuleItem
from ..content import Block, Column, Text, centred, num, text
from .common import Context


@dataclass(frozen=True)
class Amendment:
    key: str
    templates: tuple[str, ...]  # the step 6 rules (catalog templates) it is recorded under
    name: tuple[str, str]
    kind: tuple[str, str]
    decider: tuple[str, str]  # {head}: 町長, 村長, 市長


AMENDMENTS = (
    Amendment("salary", ("allowance",),
              ("職員の給与に関する条例（在宅勤務等手当の新設、通勤手当の調整）",
               "Salary ordinance (telework allowance; commuting allowance adjusted)"),
              ("条例の改正", "Ordinance, amended"),
              ("議会の議決（{head}が議案を提出）", "The council votes ({head} submits the bill)")),
    Amendment("hours", ("attendance", "overtime"),
              ("職員の勤務時間、休暇等に関する規則・職員服務規程（勤務場所、始業・終業の報告、時間外勤務）",
               "Rules on working hours and on duties (place of work, reporting hours, overtime)"),
              ("規則・訓令の改正", "Regulation and directive, amended"),
              ("{head}（任命権者）", "The {head} (appointing authority)")),
    Amendment("implementing", ("implementing_rules", "application_approval"),
              ("テレワーク実施要綱", "Telework implementing rules (実施要綱)"),
              ("訓令の制定", "Directive (訓令), new"),
              ("{head}（任命権者）", "The {head} (appointing authority)")),
    Amendment("security", ("security_policy",),
              ("情報セキュリティポリシー（庁外からのアクセス、テレワーク端末の管理）",
               "Information security policy (access from outside, telework devices)"),
              ("基本方針・対策基準の改定", "Policy and standards, revised"),
              ("{head}（情報セキュリティ委員会の審議を経て）", "The {head}, after the security committee")),
    Amendment("personal", ("information_handling",),
              ("保有個人情報の適正な管理に関する規程（個人情報保護法66条の安全管理措置、庁外での取扱い）",
               "Rules on personal information (safety measures, 個人情報保護法 Art. 66)"),
              ("訓令の改正", "Directive (訓令), amended"),
              ("{head}", "The {head}")),
)  # fmt: skip


def head_title(ctx: Context) -> str:
    """Who heads the town: 町長, 村長 or 市長 by its name (the mayor in English)."""
    name = ctx.plan.municipality.name.strip()
    if ctx.lang == "en":
        return "mayor"
    for suffix in ("市", "町", "村"):
        if name.endswith(suffix):
            return f"{suffix}長"
    return "首長"


@dataclass(frozen=True)
class AmendRow:
    amendment: Amendment
    rule: RuleItem | None  # the plan's rule of step 6 it is recorded under


def amend_rows(ctx: Context) -> list[AmendRow]:
    rows = []
    for a in AMENDMENTS:
        rule = next((r for r in ctx.plan.rules if r.template_id in a.templates), None)
        rows.append(AmendRow(a, rule))
    return rows


def _name(ctx: Context, row: AmendRow) -> Text | str:
    name = ctx.t(*row.amendment.name)
    if row.amendment.key == "salary" and ctx.plan.home_allowance_staff == 0:
        return text(name, "\n", ctx.t("（手当を設けない計画：通勤手当の調整のみ）",
                                      "(no allowance planned: commuting allowance only)"))  # fmt: skip
    return name


def _union(ctx: Context, row: AmendRow) -> str:
    if row.rule is None or row.rule.union_date is None:
        return ctx.t("未定", "not set")
    return ctx.short_date(row.rule.union_date)


def _decided(ctx: Context, row: AmendRow) -> str:
    if row.rule is None:
        return ctx.t("手順6に未登録", "not in step 6")
    return row.rule.decided_when.strip() or ctx.t("未定", "not set")


def amend_table(ctx: Context) -> list[Block]:
    head = head_title(ctx)
    return ctx.table([
        Column(ctx.t("規程", "Rule"), 52, lambda r: _name(ctx, r)),
        Column(ctx.t("種別", "Kind"), 22, lambda r: ctx.t(*r.amendment.kind)),
        Column(ctx.t("決定", "Decided by"), 28,
               lambda r: ctx.t(*r.amendment.decider).format(head=head)),
        Column(ctx.t("職員団体との交渉", "Union consulted"), 18, lambda r: num(_union(ctx, r))),
        Column(ctx.t("議決・決定の時期", "Decided"), 26, lambda r: _decided(ctx, r)),
        Column(ctx.t("状況", "Status"), 19, lambda r: centred(
            ctx.word("rule_status", r.rule.status) if r.rule else ctx.empty)),
    ], amend_rows(ctx))  # fmt: skip


def amend_blocks(ctx: Context) -> list[Block]:
    """The table with its lead-in, and how hours, health and accidents are handled."""
    out: list[Block] = [ctx.section(ctx.t("制定・改正する規程と時期", "Rules to make or amend, and when"))]
    out.append(ctx.p(ctx.t(
        "勤務条件に関わる規程は、職員団体と交渉（地方公務員法55条）のうえ定めます。"
        "給与条例の改正は議会の議決を要するため、施行日に間に合う定例会に提案します。",
        "Rules on working conditions are made after negotiating with the staff union "
        "(地方公務員法 Art. 55). The salary ordinance is a bill: it goes to a council "
        "session in time for the start."), style="small"))  # fmt: skip
    out += amend_table(ctx)
    out += care_blocks(ctx)
    return out


def care_blocks(ctx: Context) -> list[Block]:
    """How working hours are recorded, health looked after and accidents at work handled."""
    report = ctx.word("attendance_report", ctx.plan.eligibility.attendance)
    return [ctx.fields([
        (ctx.t("勤務時間の把握", "Working hours"), ctx.t(
            f"始業・終業の時刻は、{report}により把握し、記録します（労働安全衛生法66条の8の3）。"
            "時間外・休日・深夜の勤務は原則として命じず、必要な場合は事前に命令します。",
            f"Start and end of work: {report.lower()}, and the times are recorded (労働安全衛生法 "
            "Art. 66-8-3). Overtime, holiday and night work are not ordered in principle, "
            "and only in advance where needed.")),
        (ctx.t("健康への配慮", "Health"), ctx.t(
            "記録した勤務時間から長時間の勤務を把握し、面接指導等の健康管理につなげます。"
            "作業環境は自宅作業環境チェックリストで確認します。",
            "The recorded hours show long working time, which leads to interviews with a "
            "doctor and other health care. The home workplace is checked with the self-check list.")),
        (ctx.t("公務災害", "Accidents at work"), ctx.t(
            "テレワーク中の災害も、公務遂行性・公務起因性が認められれば公務災害として"
            "地方公務員災害補償基金に認定を請求します。私的な行為による災害は対象外です。"
            "発生したときは直ちに所属長に報告します。",
            "An accident while teleworking is claimed as an accident at work from the 地方公務員"
            "災害補償基金 when it arose in and from the work; private activities are not covered. "
            "It is reported to the head of the unit at once.")),
    ])]  # fmt: skip
