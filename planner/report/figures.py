"""The plan's charts as content ``Figure`` nodes: the PDF and the screen's preview draw these.

Everything a chart says (its rows, labels, legend, year labels) is decided
here, once; ``charts`` only draws. matplotlib loads when a figure is made,
not when this module is imported.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from ..domain import costs, words
from ..domain.catalog import Catalog
from ..domain.model import Plan
from .content import Figure
from .dates import fy_long, fy_short

Clean = Callable[[str], str]

GANTT_LABEL_MM = 58  # the row labels' column of the Gantt chart
PHASE_ORDER = ("preparation", "trial", "evaluation", "rollout")


@dataclass(frozen=True, slots=True)
class GanttRow:
    label: str
    kind: str  # "step", a phase kind, or "training" (a milestone on ``start``)
    start: date | None
    end: date | None


def _t(lang: str, ja: str, en: str) -> str:
    return en if lang == "en" else ja


def bar_texts(lang: str) -> dict[str, str]:
    return {
        "subsidy": _t(lang, "特別交付税措置見込額", "Estimated subsidy"),
        "net": _t(lang, "実質負担額", "Net burden"),
        "other": _t(lang, "特定財源", "Other revenue"),
        "unit": _t(lang, "千円", "¥1,000"),
    }


def cost_figure(est: costs.Estimate, lang: str, width_mm: float, height_mm: float,
                caption: str | None = None) -> Figure:  # fmt: skip
    """Estimated subsidy, net burden and other revenue by fiscal year: each bar is the
    year's cost (assumed years marked ※)."""
    labels = [fy_short(y.fiscal_year, lang) + ("※" if y.assumed else "") for y in est.years]
    sub = [y.subsidy / 1000 for y in est.years]
    net = [y.net / 1000 for y in est.years]
    other = [y.other_revenue / 1000 for y in est.years]  # stacked on top: a bar is the cost

    def make(clean: Clean):
        from . import charts

        return charts.cost_bars([clean(x) for x in labels], sub, net, bar_texts(lang),
                                width_mm, height_mm, other)  # fmt: skip

    return Figure(make, width_mm, height_mm, caption)


def scenario_figure(names: Sequence[str], sub: Sequence[float], net: Sequence[float], lang: str,
                    caption: str | None = None) -> Figure:  # fmt: skip
    """Each scenario's period total: estimated subsidy and net burden."""
    width_mm, height_mm = 150, 24 + 10 * len(names)

    def make(clean: Clean):
        from reportlab.lib.units import mm

        from . import charts
        from .fonts import PGOTHIC, register_reportlab_fonts
        from .layout import fit_text

        register_reportlab_fonts()  # the labels are measured in the chart's font
        fitted = [fit_text(clean(n), PGOTHIC, 7.5, 40 * mm) for n in names]
        return charts.scenario_bars(fitted, sub, net, bar_texts(lang), width_mm, height_mm)

    return Figure(make, width_mm, height_mm, caption)


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


def gantt_legend(rows: Sequence[GanttRow], lang: str) -> dict[str, str]:
    legend = {"step": _t(lang, "手順", "Step")}
    for kind in PHASE_ORDER:
        if any(r.kind == kind for r in rows):
            legend[kind] = words.label("phase_kind", kind, lang)
    if any(r.kind == "training" for r in rows):
        legend["training"] = _t(lang, "研修・周知", "Training")
    return legend


def gantt_height(rows: int) -> float:
    return 24 + 6.2 * rows


def gantt_figure(rows: Sequence[GanttRow], legend: dict[str, str], first_fy: int, years: int,
                 lang: str, width_mm: float, height_mm: float) -> Figure:  # fmt: skip
    """The schedule over ``years`` fiscal years from ``first_fy``, row labels cut to fit."""
    year_labels = [fy_long(y, lang) for y in range(first_fy, first_fy + years)]

    def make(clean: Clean):
        from reportlab.lib.units import mm

        from . import charts
        from .fonts import PGOTHIC, register_reportlab_fonts
        from .layout import fit_text

        register_reportlab_fonts()  # the labels are measured in the chart's font
        fitted = [GanttRow(fit_text(clean(r.label), PGOTHIC, 8.5, GANTT_LABEL_MM * mm), r.kind,
                           r.start, r.end) for r in rows]  # fmt: skip
        return charts.gantt(fitted, first_fy, years, [clean(y) for y in year_labels],
                            {k: clean(v) for k, v in legend.items()}, width_mm, height_mm)  # fmt: skip

    return Figure(make, width_mm, height_mm)
