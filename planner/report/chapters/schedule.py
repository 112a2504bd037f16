"""Chapter 12: the schedule as a list, then as Gantt charts on landscape pages."""

from __future__ import annotations

from ...domain.fiscal import fiscal_year_of
from ..content import Block, Chapter, Column, Landscape, PageBreak, num
from ..figures import gantt_figure, gantt_legend, schedule_rows
from .common import Context

GANTT_MONTHS_PER_PAGE = 36  # three fiscal years per landscape page stay legible
GANTT_ROWS_PER_PAGE = 26


def chapter(ctx: Context) -> Chapter:
    ch = Chapter("schedule", ctx.t("第12章　スケジュール", "Chapter 12. Schedule"))
    rows = schedule_rows(ctx.plan, ctx.catalog, ctx.lang)
    dated = [d for r in rows for d in (r.start, r.end) if d is not None]
    ch.blocks.append(ctx.p(ctx.t(
        "手順、試行・本格導入の段階、研修の日程を年度の月ごとに示します（図は次ページ以降、A4横）。",
        "Steps, phases and training by fiscal-year month (chart on the following landscape "
        "page(s)).")))  # fmt: skip
    ch.blocks += ctx.table([
        Column(ctx.t("項目", "Item"), 115, lambda r: r.label),
        Column(ctx.t("期間・日付", "Period / date"), 50,
               lambda r: num(ctx.period(r.start, r.end) if r.kind != "training"
                             else ctx.short_date(r.start))),
    ], rows)  # fmt: skip
    if not dated:
        ch.blocks.append(ctx.p(ctx.t("日程が未記入のため、工程表は作成していません。",
                                     "No dates entered yet, so there is no chart.")))  # fmt: skip
        return ch
    first = min(min(fiscal_year_of(d) for d in dated), ctx.plan.municipality.fiscal_year)
    last = max(max(fiscal_year_of(d) for d in dated), min(ctx.plan.fiscal_years[-1], first + 2))
    last = min(last, first + 9)  # a stray far-off date must not add pages of empty chart
    legend = gantt_legend(rows, ctx.lang)
    years_per_page = GANTT_MONTHS_PER_PAGE // 12
    pages = []
    for fy0 in range(first, last + 1, years_per_page):
        n_years = min(years_per_page, last - fy0 + 1)
        for r0 in range(0, len(rows), GANTT_ROWS_PER_PAGE):
            pages.append((fy0, n_years, rows[r0 : r0 + GANTT_ROWS_PER_PAGE]))
    blocks: list[Block] = []
    for i, (fy0, n_years, chunk) in enumerate(pages):
        blocks.append(ctx.section(ctx.t(
            f"工程表（{ctx.fy_short(fy0)}〜{ctx.fy_short(fy0 + n_years - 1)}）",
            f"Schedule (FY{fy0}–FY{fy0 + n_years - 1})")))  # fmt: skip
        # the full width of the landscape page; the writer keeps it to the page's height
        blocks.append(gantt_figure(chunk, legend, fy0, n_years, ctx.lang))
        if i < len(pages) - 1:
            blocks.append(PageBreak())
    ch.blocks.append(Landscape(tuple(blocks)))
    return ch
