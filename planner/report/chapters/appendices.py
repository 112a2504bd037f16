"""Appendices: A all tasks, B the checklists, C sources and notes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from ...domain.network_model import MODEL_SOURCE
from ...domain.plan_rules import rules_in_use
from ...domain.rule_years import rule_hash
from ...domain.rules_text import source_word
from ...domain.subsidy_rules import rule_date_text
from ...domain.suitability import Suitability
from ..content import Chapter, Column, centred
from .common import Context

if TYPE_CHECKING:
    from ...domain.catalog import ChecklistItemDef
    from ...domain.model import ChecklistEntry, Task, Unit


class _Listed(NamedTuple):
    unit: Unit
    task: Task


def all_tasks(ctx: Context) -> Chapter:
    ch = Chapter("appendix_a", ctx.t("付録A　業務一覧（全業務）", "Appendix A. All tasks"))
    ch.blocks.append(ctx.p(ctx.t(
        "理由欄には条件付き（○）・不適（×）の理由のみを示します。✓は対象として選んだ業務です。",
        "Reasons are shown for ○ and × only. ✓ marks the tasks chosen."), style="note"))  # fmt: skip
    ch.blocks += ctx.table([
        Column(ctx.t("課・係", "Unit"), 32, lambda r: r.unit.name),
        Column(ctx.t("業務", "Task"), 45, lambda r: r.task.name),
        Column(ctx.t("適性", "Suit."), 12, lambda r: centred(ctx.assessment(r.task).level.mark)),
        Column(ctx.t("条件・不適の理由", "Conditions / reasons"), 64,
               lambda r: _not_suitable(ctx, r.task) or "—"),
        Column(ctx.t("対象", "Chosen"), 12, lambda r: centred("✓" if r.task.selected else "")),
    ], [_Listed(u, t) for u in ctx.plan.units for t in u.tasks])  # fmt: skip
    return ch


def _not_suitable(ctx: Context, task) -> str:
    """Why a task is only possible with conditions, or not suitable."""
    reasons = ctx.assessment(task).reasons
    return " ".join(r.text.get(ctx.lang) for r in reasons if r.level > Suitability.SUITABLE)


@dataclass(frozen=True)
class _Check:
    """A checklist item of the catalog and the plan's entry for it (if any)."""

    item: ChecklistItemDef
    entry: ChecklistEntry | None

    @property
    def done(self) -> bool:
        return bool(self.entry and self.entry.done)

    @property
    def note(self) -> str:
        return self.entry.note if self.entry and self.entry.note.strip() else ""


def checklists(ctx: Context) -> Chapter:
    ch = Chapter("appendix_b", ctx.t("付録B　チェックリスト", "Appendix B. Checklists"))
    for step in ctx.catalog.steps:
        rec = ctx.plan.steps.get(step.number)
        entries = rec.checklist if rec else {}
        done = sum(1 for item in step.checklist if entries.get(item.id) and entries[item.id].done)
        ch.blocks.append(ctx.subsection(ctx.t(
            f"第{step.number}章　{step.title.ja}（{done}／{len(step.checklist)}）",
            f"Chapter {step.number}. {step.title.en} ({done}/{len(step.checklist)})")))  # fmt: skip
        ch.blocks += ctx.table([
            Column(ctx.t("済", "Done"), 11, lambda c: centred("■" if c.done else "□")),
            Column(ctx.t("確認項目", "Item"), 109, lambda c: c.item.text.get(ctx.lang)),
            Column(ctx.t("メモ", "Note"), 45, lambda c: c.note),
        ], [_Check(item, entries.get(item.id)) for item in step.checklist])  # fmt: skip
    ch.blocks.append(ctx.p(ctx.t("■ 済　□ 未了", "■ done  □ open"), style="note"))
    return ch


def sources(ctx: Context) -> Chapter:
    ch = Chapter("appendix_c", ctx.t("付録C　出典と注記", "Appendix C. Sources and notes"))
    items = [
        ctx.t("手順とチェックリスト: 総務省「地方公共団体におけるテレワーク推進のための手引き」（令和3年4月）の10の手順を基にまとめたもの。",
              "Steps and checklists: our summary of the ten steps of MIC's guide on promoting telework in local government (April 2021)."),
    ]  # fmt: skip
    rules = ctx.catalog.subsidy_rules
    used = rules_in_use(ctx.plan, ctx.rules)  # only the rules the plan's years use (issue 18)
    for r, from_plan in used:
        origin = "" if r.origin == "bundled" else ctx.t(f"（取り込んだファイル {r.origin}）",
                                                        f" (imported file {r.origin})")  # fmt: skip
        day = rule_date_text(r).get(ctx.lang)
        # issue 19: the plan's record or this PC, and the content's hash (its first 12 digits)
        where = source_word(from_plan, ctx.catalog.words).get(ctx.lang)
        digest = ctx.t(f"（{where}、内容のハッシュ {rule_hash(r)[:12]}）",
                       f" ({where}; content hash {rule_hash(r)[:12]})")  # fmt: skip
        items.append(ctx.t(f"{ctx.fy_short(r.fiscal_year)}の措置: {r.source.ja}（{day}）{origin}{digest}",
                           f"Rule of FY{r.fiscal_year}: {r.source.en} ({day}){origin}{digest}"))  # fmt: skip
    # the latest rule in use: this PC's, or a later one the plan recorded and uses
    latest = max([r.fiscal_year for r in rules[-1:]] + [r.fiscal_year for r, p in used if p],
                 default=0)  # fmt: skip
    if rules and ctx.plan.fiscal_years[-1] > latest:
        last = latest
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
