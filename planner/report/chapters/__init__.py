"""The plan's document as content: cover, overview, chapters 1–12 (13: the trial's results), appendices.

One module per chapter, mirroring ``planner/ui/pages``; each returns content
nodes (``planner.report.content``), which a writer renders (``pdf_writer``).

    doc = build_document(plan, catalog, "ja")   # -> content.Document
"""

from __future__ import annotations

from collections.abc import Callable

from ...domain.catalog import Catalog, StepDef
from ...domain.model import Plan
from ..content import Block, Chapter, Document
from . import (
    appendices,
    continuity,
    costs,
    cover,
    schedule,
    step01_structure,
    step02_purpose,
    step03_current,
    step04_tasks,
    step05_staff,
    step06_rules,
    step07_ict,
    step08_security,
    step09_training,
    step10_rollout,
    trial,
)
from .common import Context

STEP_CHAPTERS: dict[int, Callable[[Context], list[Block]]] = {
    1: step01_structure.blocks,
    2: step02_purpose.blocks,
    3: step03_current.blocks,
    4: step04_tasks.blocks,
    5: step05_staff.blocks,
    6: step06_rules.blocks,
    7: lambda ctx: step07_ict.blocks(ctx) + continuity.blocks(ctx),  # issue 23: BCP section
    8: step08_security.blocks,
    9: step09_training.blocks,
    10: step10_rollout.blocks,
}


def step_chapter(ctx: Context, n: int, step: StepDef | None) -> Chapter:
    """Chapter n: the step's purpose, its period and checklist count, its content, its notes."""
    title = step.title.get(ctx.lang) if step else str(n)
    ch = Chapter(f"step{n}", ctx.t(f"第{n}章　{title}", f"Chapter {n}. {title}"))
    record = ctx.plan.steps.get(n)
    if step:
        ch.blocks.append(ctx.p(step.purpose.get(ctx.lang), style="small"))
    if record is not None:
        done = sum(1 for e in record.checklist.values() if e.done)
        total = len(step.checklist) if step else len(record.checklist)
        period = ctx.long_period(record.start, record.end)
        ch.blocks.append(ctx.p(ctx.t(
            f"実施期間: {period}　／　チェックリスト: {total}項目中 {done}項目完了（付録B）",
            f"Period: {period}  /  checklist: {done} of {total} done (appendix B)"),
            style="note"))  # fmt: skip
    ch.blocks += STEP_CHAPTERS[n](ctx)
    if record is not None and record.notes.strip():
        ch.blocks.append(ctx.section(ctx.t("メモ", "Notes")))
        ch.blocks.append(ctx.p(record.notes))
    return ch


def build_document(plan: Plan, catalog: Catalog, lang: str) -> Document:
    ctx = Context(plan, catalog, lang)
    steps = {s.number: s for s in catalog.steps}
    chapters = [cover.overview(ctx)]
    chapters += [step_chapter(ctx, n, steps.get(n)) for n in range(1, 11)]
    chapters += [costs.chapter(ctx), schedule.chapter(ctx)]
    chapters += trial.chapters(ctx)  # issue 23: 第13章 試行結果報告, once there are answers
    chapters += [appendices.all_tasks(ctx), appendices.checklists(ctx), appendices.sources(ctx)]
    mu = plan.municipality
    return Document(
        lang=lang,
        title=cover.title(ctx),
        subject=ctx.t("テレワーク導入実施計画", "Telework implementation plan"),
        author=mu.department or mu.name,
        cover=cover.cover(ctx),
        contents_title=ctx.t("目　次", "Contents"),
        chapters=chapters,
    )
