"""Appendices: A all tasks, B the checklists, C sources and notes."""

from __future__ import annotations

from ...domain.network_model import MODEL_SOURCE
from ...domain.subsidy_rules import rule_date_text
from ...domain.subsidy_text import rules_applied
from ...domain.suitability import Suitability
from ..content import Center, Chapter
from .common import Context


def all_tasks(ctx: Context) -> Chapter:
    ch = Chapter("appendix_a", ctx.t("付録A　業務一覧（全業務）", "Appendix A. All tasks"))
    rows = []
    for u in ctx.plan.units:
        for t in u.tasks:
            a = ctx.assessment(t)
            reasons = " ".join(
                r.text.get(ctx.lang) for r in a.reasons if r.level > Suitability.SUITABLE
            )
            rows.append([u.name, t.name, Center(a.level.mark), reasons or "—",
                         Center("✓" if t.selected else "")])  # fmt: skip
    ch.blocks.append(ctx.p(ctx.t(
        "理由欄には条件付き（○）・不適（×）の理由のみを示します。✓は対象として選んだ業務です。",
        "Reasons are shown for ○ and × only. ✓ marks the tasks chosen."), style="note"))  # fmt: skip
    ch.blocks += ctx.table([ctx.t("課・係", "Unit"), ctx.t("業務", "Task"), ctx.t("適性", "Suit."),
                            ctx.t("条件・不適の理由", "Conditions / reasons"), ctx.t("対象", "Chosen")],
                           rows, [32, 45, 12, 64, 12])  # fmt: skip
    return ch


def checklists(ctx: Context) -> Chapter:
    ch = Chapter("appendix_b", ctx.t("付録B　チェックリスト", "Appendix B. Checklists"))
    for step in ctx.catalog.steps:
        rec = ctx.plan.steps.get(step.number)
        entries = rec.checklist if rec else {}
        rows = []
        for item in step.checklist:
            e = entries.get(item.id)
            rows.append([Center("■" if e and e.done else "□"), item.text.get(ctx.lang),
                         e.note if e and e.note.strip() else ""])  # fmt: skip
        done = sum(1 for item in step.checklist if entries.get(item.id) and entries[item.id].done)
        ch.blocks.append(ctx.subsection(ctx.t(
            f"第{step.number}章　{step.title.ja}（{done}／{len(step.checklist)}）",
            f"Chapter {step.number}. {step.title.en} ({done}/{len(step.checklist)})")))  # fmt: skip
        ch.blocks += ctx.table([ctx.t("済", "Done"), ctx.t("確認項目", "Item"), ctx.t("メモ", "Note")],
                               rows, [11, 109, 45])  # fmt: skip
    ch.blocks.append(ctx.p(ctx.t("■ 済　□ 未了", "■ done  □ open"), style="note"))
    return ch


def sources(ctx: Context) -> Chapter:
    ch = Chapter("appendix_c", ctx.t("付録C　出典と注記", "Appendix C. Sources and notes"))
    items = [
        ctx.t("手順とチェックリスト: 総務省「地方公共団体におけるテレワーク推進のための手引き」（令和3年4月）の10の手順を基にまとめたもの。",
              "Steps and checklists: our summary of the ten steps of MIC's guide on promoting telework in local government (April 2021)."),
    ]  # fmt: skip
    rules = ctx.catalog.subsidy_rules
    for r in rules_applied(ctx.plan, rules):  # only the rules the plan's years use (issue 18)
        origin = "" if r.origin == "bundled" else ctx.t(f"（取り込んだファイル {r.origin}）",
                                                        f" (imported file {r.origin})")  # fmt: skip
        day = rule_date_text(r).get(ctx.lang)
        items.append(ctx.t(f"{ctx.fy_short(r.fiscal_year)}の措置: {r.source.ja}（{day}）{origin}",
                           f"Rule of FY{r.fiscal_year}: {r.source.en} ({day}){origin}"))  # fmt: skip
    if rules and ctx.plan.fiscal_years[-1] > rules[-1].fiscal_year:
        last = rules[-1].fiscal_year
        items.append(ctx.t(
            f"{ctx.fy_short(last + 1)}以降の措置の通知は確認できていないため、{ctx.fy_short(last)}のルールが続くものと仮定しています。",
            f"No notice for FY{last + 1} or later has been found, so the FY{last} rule is assumed to continue."))  # fmt: skip
    items += [
        ctx.t("セキュリティ対策: 総務省「テレワークセキュリティガイドライン（第5版）」（令和3年5月）。",
              "Security measures: MIC, telework security guideline, 5th edition (May 2021)."),
        ctx.t(f"ネットワークのモデル（α・α′・β・β′）: {MODEL_SOURCE.ja}。",
              f"Network models (α, α′, β, β′): {MODEL_SOURCE.en}."),
        ctx.t("在宅勤務等手当: 令和5年人事院勧告（令和6年4月1日施行）。",
              "Telework allowance: National Personnel Authority recommendation 2023 (in force 2024-04-01)."),
    ]  # fmt: skip
    items.append(
        ctx.t("全国の導入状況: ", "Adoption figures: ")
        + ctx.catalog.benchmarks.source.get(ctx.lang)
    )
    items.append(ctx.t("書体: BIZ UDPゴシック、BIZ UDゴシック（SIL Open Font License 1.1）。",
                       "Typefaces: BIZ UDPGothic and BIZ UD Gothic (SIL Open Font License 1.1)."))  # fmt: skip
    ch.blocks += [ctx.p("・" + x, style="small") for x in items]
    return ch
