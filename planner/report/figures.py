"""The plan's charts as content ``Figure`` nodes: the PDF and the screen's preview draw these.

Everything a chart says (its rows, labels, legend, year labels, the figures of its
bars) is decided here, once, as data; ``charts`` only draws it, and a text writer
prints it as a table. No chart or PDF library is imported here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..domain import costs
from ..domain.catalog import Catalog
from ..domain.model import Plan
from ..loading import words
from .content import (
    BarChart,
    Chart,
    Column,
    Figure,
    GanttChart,
    GanttRow,
    ProgressChart,
    Series,
    ShareChart,
    Table,
    chart_number,
    num,
    table,
)
from .dates import fy_long, fy_short, period, short_date

PHASE_ORDER = ("preparation", "trial", "evaluation", "rollout")
NARROWER = 150 / 165  # the cost charts: a little narrower than the text, centred


def _t(lang: str, ja: str, en: str) -> str:
    return en if lang == "en" else ja


def bar_texts(lang: str) -> dict[str, str]:
    return {
        "subsidy": _t(lang, "特別交付税措置見込額", "Estimated subsidy"),
        "net": _t(lang, "実質負担額", "Net burden"),
        "other": _t(lang, "特定財源", "Other revenue"),
        "unit": _t(lang, "千円", "¥1,000"),
    }


def cost_chart(est: costs.Estimate, lang: str) -> BarChart:
    """Estimated subsidy, net burden and other revenue by fiscal year (千円): each bar is the
    year's cost (assumed years marked ※); other revenue only where there is some."""
    texts = bar_texts(lang)
    series = [
        Series(texts["subsidy"], tuple(y.subsidy / 1000 for y in est.years), "subsidy"),
        Series(texts["net"], tuple(y.net / 1000 for y in est.years), "net"),
    ]
    other = tuple(y.other_revenue / 1000 for y in est.years)  # stacked on top: a bar is the cost
    if any(other):
        series.append(Series(texts["other"], other, "other"))
    labels = tuple(fy_short(y.fiscal_year, lang) + ("※" if y.assumed else "") for y in est.years)
    return BarChart(labels, tuple(series), texts["unit"])


def cost_figure(est: costs.Estimate, lang: str, caption: str | None = None) -> Figure:
    return Figure(cost_chart(est, lang), height_mm=62, width=NARROWER, caption=caption)


def scenario_figure(names: Sequence[str], sub: Sequence[float], net: Sequence[float], lang: str,
                    caption: str | None = None) -> Figure:  # fmt: skip
    """Each scenario's period total: estimated subsidy and net burden (千円), a bar each."""
    texts = bar_texts(lang)
    chart = BarChart(tuple(names), (Series(texts["subsidy"], tuple(sub), "subsidy"),
                                    Series(texts["net"], tuple(net), "net")),
                     texts["unit"], horizontal=True)  # fmt: skip
    return Figure(chart, height_mm=24 + 10 * len(names), width=NARROWER, caption=caption)


def schedule_rows(plan: Plan, catalog: Catalog, lang: str) -> list[GanttRow]:
    """Steps, phases and training as Gantt rows, in the order the plan shows them."""
    rows = []
    for step in catalog.steps:
        rec = plan.steps.get(step.number)
        rows.append(GanttRow(f"{step.number} {step.title.get(lang)}", "step",
                             rec.start if rec else None, rec.end if rec else None))  # fmt: skip
    for ph in plan.phases:
        kind = words.label("phase_kind", ph.kind, lang)
        rows.append(GanttRow(f"{kind}: {ph.name}", ph.kind, ph.start, ph.end))
    for ev in sorted(plan.training, key=lambda e: (e.day is None, e.day or date.min)):
        rows.append(GanttRow(_t(lang, f"研修: {ev.name}", f"Training: {ev.name}"), "training",
                             ev.day, ev.day))  # fmt: skip
    return rows


def gantt_legend(rows: Sequence[GanttRow], lang: str) -> tuple[tuple[str, str], ...]:
    legend = [("step", _t(lang, "手順", "Step"))]
    for kind in PHASE_ORDER:
        if any(r.kind == kind for r in rows):
            legend.append((kind, words.label("phase_kind", kind, lang)))
    if any(r.kind == "training" for r in rows):
        legend.append(("training", _t(lang, "研修・周知", "Training")))
    return tuple(legend)


def gantt_height(rows: int) -> float:
    """What a Gantt chart of ``rows`` rows needs (mm): 6.2 mm a row, and its axes."""
    return 24 + 6.2 * rows


def gantt_figure(rows: Sequence[GanttRow], legend: tuple[tuple[str, str], ...], first_fy: int,
                 years: int, lang: str) -> Figure:  # fmt: skip
    """The schedule over ``years`` fiscal years from ``first_fy``, the text's full width."""
    year_labels = tuple(fy_long(y, lang) for y in range(first_fy, first_fy + years))
    chart = GanttChart(tuple(rows), first_fy, year_labels, legend)
    return Figure(chart, height_mm=gantt_height(len(rows)))


def data_table(chart: Chart, lang: str) -> Table:
    """A chart's data as a table, for a writer that prints figures instead of drawing them:
    a bar's segments and its total (as the chart prints it), a Gantt row's kind and dates."""
    if isinstance(chart, BarChart):
        columns: list[Column] = [Column(chart.unit, 30, lambda i: chart.categories[i])]
        columns += [Column(s.label, 20, lambda i, s=s: num(chart_number(s.values[i])))
                    for s in chart.series]  # fmt: skip
        columns.append(Column(_t(lang, "計", "Total"), 20,
                              lambda i: num(chart_number(chart.totals[i]))))  # fmt: skip
        return table(columns, range(len(chart.categories)))
    if isinstance(chart, ProgressChart):  # issue 23
        return table([
            Column(_t(lang, "指標", "Indicator"), 70, lambda r: r.label),
            Column(_t(lang, "進捗", "Progress"), 20,
                   lambda r: num("—" if r.share is None else f"{r.share * 100:,.0f}%")),
            Column(_t(lang, "状況", "Status"), 30, lambda r: r.status),
        ], chart.rows)  # fmt: skip
    if isinstance(chart, ShareChart):  # issue 23: a question's answers, each share in words
        return table([
            Column(_t(lang, "設問", "Question"), 40, lambda r: r.label),
            Column(chart.unit, 90, lambda r: "　".join(f"{w} {p:.1f}%" for w, p in r.shares)),
        ], chart.rows)  # fmt: skip
    kinds = dict(chart.legend)
    return table([
        Column(_t(lang, "項目", "Item"), 60, lambda r: r.label),
        Column(_t(lang, "区分", "Kind"), 20, lambda r: kinds.get(r.kind, r.kind)),
        Column(_t(lang, "期間・日付", "Period / date"), 40,
               lambda r: num(short_date(r.start, lang) if r.kind == "training"
                             else period(r.start, r.end, lang))),
    ], chart.rows)  # fmt: skip
