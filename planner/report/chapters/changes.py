"""変更点一覧 (issue 24 §2): what changed between two versions of the plan, as content —
an appendix of the plan's PDF (``with_changes``), or a paper of its own
(``changes_document``), written by any writer (PDF, Markdown, Word).

The changes by step (項目 | 変更前 | 変更後), the tasks whose suitability mark changed
and why, each fiscal year's figures before and after, and the rows matched by name.
Every text from the plans reaches the page through the writer's text guard
(``report/textsafe.py``), as every chapter's does.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ...domain.diff import CHANGED, Change
from ...domain.diff_effects import Comparison, MarkChange
from ...domain.diff_text import (
    FIGURES,
    KIND_WORDS,
    NOTHING,
    counts_line,
    old_new,
    scenario_line,
    signed_yen,
    what,
    year_label,
)
from ...domain.diff_words import step_title
from ..content import Block, Chapter, Column, Document, centred, num
from .common import Context


@dataclass(frozen=True, slots=True)
class Versions:
    """How the two versions are named on the page: a file name, 「編集中の計画」, a date."""

    old: str
    new: str


@dataclass(frozen=True, slots=True)
class _FigureRow:
    year: str
    figure: str
    old: int | None
    new: int | None


def changes_blocks(ctx: Context, c: Comparison, versions: Versions) -> list[Block]:
    blocks: list[Block] = [
        ctx.p(ctx.t(f"変更前: {versions.old}　→　変更後: {versions.new}",
                    f"Before: {versions.old}  →  after: {versions.new}"), style="note"),
        ctx.p(counts_line(c, ctx.lang), style="note"),
    ]  # fmt: skip
    if c.is_empty:
        return [*blocks, ctx.p(NOTHING.get(ctx.lang))]
    for step, changes in c.diff.by_step():
        blocks.append(ctx.subsection(step_title(step, ctx.catalog).get(ctx.lang)))
        blocks += ctx.table(_change_columns(ctx), changes)
    if c.marks:
        blocks.append(
            ctx.subsection(ctx.t("適性の変わった業務", "Tasks whose suitability changed"))
        )
        blocks += ctx.table(_mark_columns(ctx), list(c.marks))
    blocks += _effects(ctx, c)
    if c.diff.matches:
        blocks.append(ctx.subsection(ctx.t("名前で対応づけた行", "Rows matched by name")))
        blocks.append(ctx.p(ctx.t(
            "IDが異なる行のうち、名前が同じものを同じ行として比べました。",
            "These rows have different ids in the two versions and were matched by their name."),
            style="note"))  # fmt: skip
        blocks += ctx.table([
            Column(ctx.t("一覧", "List"), 40, lambda m: m.list_label.get(ctx.lang)),
            Column(ctx.t("行（名前）", "Row (name)"), 125,
                   lambda m: " › ".join([*(w.get(ctx.lang) for w in m.where), m.name])),
        ], list(c.diff.matches))  # fmt: skip
    return blocks


def _change_columns(ctx: Context) -> list[Column[Change]]:
    return [
        Column(ctx.t("区分", "Kind"), 13, lambda x: centred(KIND_WORDS[x.kind].get(ctx.lang))),
        Column(ctx.t("項目", "Item"), 62, lambda x: what(x, ctx.lang)),
        Column(ctx.t("変更前", "Before"), 45,
               lambda x: old_new(x, ctx.lang)[0] if x.kind == CHANGED else "—"),
        Column(ctx.t("変更後", "After"), 45,
               lambda x: old_new(x, ctx.lang)[1] if x.kind == CHANGED else "—"),
    ]  # fmt: skip


def _mark_columns(ctx: Context) -> list[Column[MarkChange]]:
    return [
        Column(ctx.t("課・業務", "Unit / task"), 55, lambda m: m.where_text(ctx.lang)),
        Column(ctx.t("変更前", "Before"), 14, lambda m: centred(m.old_mark)),
        Column(ctx.t("変更後", "After"), 14, lambda m: centred(m.new_mark)),
        Column(ctx.t("変更後の理由", "Reason now"), 82, lambda m: m.new_reason.get(ctx.lang)),
    ]  # fmt: skip


def _effects(ctx: Context, c: Comparison) -> list[Block]:
    years = [y for y in c.years if y.changed]
    if not years and c.old_scenario == c.new_scenario and not c.notes:
        return [ctx.subsection(ctx.t("経費への影響", "Effect on costs")),
                ctx.p(ctx.t("各年度の事業費・措置見込額・実質負担額に変わりはありません。",
                            "No fiscal year's total, subsidy or net burden changed."))]  # fmt: skip
    blocks: list[Block] = [ctx.subsection(ctx.t("経費への影響", "Effect on costs")),
                           ctx.p(scenario_line(c, ctx.lang), style="note")]  # fmt: skip
    blocks += [ctx.p(n.get(ctx.lang), style="note") for n in c.notes]
    rows = []
    for y in [*years, *([c.period] if c.period and c.period.changed else [])]:
        for i, word in enumerate(FIGURES):
            rows.append(_FigureRow(year_label(y, ctx.lang) if i == 0 else "", word.get(ctx.lang),
                                   y.old[i] if y.old else None, y.new[i] if y.new else None))  # fmt: skip
    blocks += ctx.table([
        Column(ctx.t("年度", "Fiscal year"), 34, lambda r: r.year),
        Column(ctx.t("項目", "Figure"), 40, lambda r: r.figure),
        Column(ctx.t("変更前", "Before"), 32, lambda r: num(_yen(ctx, r.old))),
        Column(ctx.t("変更後", "After"), 32, lambda r: num(_yen(ctx, r.new))),
        Column(ctx.t("増減", "Change"), 27,
               lambda r: num(signed_yen((r.new or 0) - (r.old or 0), ctx.lang))),
    ], rows)  # fmt: skip
    blocks.append(ctx.p(ctx.t(
        "採用シナリオの見込額です。措置見込額は各版が計算に用いる措置ルールによります。",
        "Figures of the adopted scenario; each version's subsidy uses the rules it is computed with."),
        style="note"))  # fmt: skip
    return blocks


def _yen(ctx: Context, amount: int | None) -> str:
    return "—" if amount is None else ctx.yen(amount)


def changes_title(ctx: Context, appendix: bool) -> str:
    if appendix:
        return ctx.t("付録D　変更点一覧", "Appendix D. What changed")
    return ctx.t("変更点一覧", "What changed")


def changes_chapter(ctx: Context, c: Comparison, versions: Versions) -> Chapter:
    """The appendix of the plan's document."""
    return Chapter("appendix_changes", changes_title(ctx, True), changes_blocks(ctx, c, versions))


def with_changes(document: Document, ctx: Context, c: Comparison, versions: Versions) -> Document:
    """The plan's document with the 変更点一覧 as its last appendix."""
    return replace(document, chapters=[*document.chapters, changes_chapter(ctx, c, versions)])


def changes_document(ctx: Context, c: Comparison, versions: Versions) -> Document:
    """The 変更点一覧 on its own: no cover, no contents (a paper, as the council summary)."""
    mu = ctx.plan.municipality
    title = ctx.t(
        f"{mu.name} テレワーク導入実施計画　変更点一覧", f"{mu.name}: what changed in the plan"
    )
    chapter = Chapter("changes", changes_title(ctx, False), changes_blocks(ctx, c, versions))
    return Document(lang=ctx.lang, title=title, subject=title, author=mu.department or mu.name,
                    cover=None, contents_title="", chapters=[chapter])  # fmt: skip
