"""The PDF's charts for the screen: same rows, same chart code, rendered to PNG.

Imported only when the user asks for charts on the summary page, so neither
matplotlib nor reportlab is loaded at start-up.
"""

from __future__ import annotations

import io
from datetime import date

from ..domain import words
from ..domain.catalog import Catalog, default_catalog
from ..domain.costs import adopted_estimate
from ..domain.fiscal import era_year_label
from ..domain.model import Plan


def schedule_rows(plan: Plan, catalog: Catalog, lang: str) -> list:
    """Steps, phases and training as Gantt rows, in the order the plan shows them."""
    from .charts import GanttRow

    def t(ja: str, en: str) -> str:
        return en if lang == "en" else ja

    rows = []
    for step in catalog.steps:
        rec = plan.steps.get(step.number)
        rows.append(GanttRow(f"{step.number} {step.title.get(lang)}", "step",
                             rec.start if rec else None, rec.end if rec else None))  # fmt: skip
    for ph in plan.phases:
        rows.append(
            GanttRow(
                f"{words.label('phase_kind', ph.kind, lang)}: {ph.name}", ph.kind, ph.start, ph.end
            )
        )
    for ev in sorted(plan.training, key=lambda e: (e.day is None, e.day or date.min)):
        rows.append(
            GanttRow(t(f"研修: {ev.name}", f"Training: {ev.name}"), "training", ev.day, ev.day)
        )
    return rows


def _png(fig) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    buf = io.BytesIO()
    fig.set_dpi(110)  # screen resolution; the PDF draws the same figure as vectors
    FigureCanvasAgg(fig).print_png(buf)
    return buf.getvalue()


def chart_images(plan: Plan, *, lang: str = "ja", catalog: Catalog | None = None) -> list[bytes]:
    """PNG images of the cost chart and the schedule, as in the PDF."""
    from . import charts
    from .fonts import matplotlib_family  # noqa: F401 - registers the bundled font

    catalog = catalog or default_catalog()

    def t(ja: str, en: str) -> str:
        return en if lang == "en" else ja

    images = []
    est = adopted_estimate(plan, catalog.subsidy_rules)
    if est is not None:
        labels = [(f"FY{y.fiscal_year}" if lang == "en" else era_year_label(y.fiscal_year)) + ("※" if y.assumed else "")
                  for y in est.years]  # fmt: skip
        fig = charts.cost_bars(
            labels, [y.subsidy / 1000 for y in est.years], [y.net / 1000 for y in est.years],
            {"subsidy": t("特別交付税措置見込額", "Estimated subsidy"), "net": t("実質負担額", "Net burden"),
             "unit": t("千円", "¥1,000")},
            170, 70,
        )  # fmt: skip
        images.append(_png(fig))
    first = plan.municipality.fiscal_year
    years = min(plan.plan_years, 3)
    rows = schedule_rows(plan, catalog, lang)
    legend = {"step": t("手順", "Step")}
    for kind in ("preparation", "trial", "evaluation", "rollout"):
        if any(r.kind == kind for r in rows):
            legend[kind] = words.label("phase_kind", kind, lang)
    if any(r.kind == "training" for r in rows):
        legend["training"] = t("研修・周知", "Training")
    year_labels = [
        (f"FY{y}" if lang == "en" else era_year_label(y)) for y in range(first, first + years)
    ]
    fig = charts.gantt(rows, first, years, year_labels, legend, 260, 24 + 6.2 * len(rows))
    images.append(_png(fig))
    return images
