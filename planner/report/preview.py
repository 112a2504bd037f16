"""The PDF's charts for the screen: the same Figure content, rendered to PNG.

Imported only when the user asks for charts on the summary page, so neither
matplotlib nor reportlab is loaded at start-up. The charts (rows, labels,
legend) are the PDF's, from ``figures``; only the size and resolution differ.
"""

from __future__ import annotations

import io

from ..domain.catalog import Catalog
from ..domain.costs import adopted_estimate
from ..domain.model import Plan
from ..domain.plan_rules import rules_for
from ..loading import default_catalog
from .chapters.common import Context
from .chapters.kpis import chart as kpi_chart
from .content import Figure, GanttChart, ProgressChart
from .figures import cost_figure, gantt_figure, gantt_legend, schedule_rows

SCREEN_DPI = 110  # the PDF draws the same figures as vectors
SCREEN_WIDTH_MM = 170  # a cost chart on the summary page (its PDF size, a little larger)
SCREEN_GANTT_MM = 260  # the schedule: as wide as on the PDF's landscape page


def screen_size(figure: Figure) -> tuple[float, float]:
    """(width, height) in mm of a figure on the summary page."""
    if isinstance(figure.chart, GanttChart):
        return SCREEN_GANTT_MM, figure.height_mm
    if isinstance(figure.chart, ProgressChart):  # its height grows with the KPIs
        return SCREEN_WIDTH_MM, figure.height_mm
    return SCREEN_WIDTH_MM, 70


def png(figure: Figure, clean=str) -> bytes:
    """A content Figure as PNG bytes at screen resolution."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from .charts import matplotlib_family, render

    matplotlib_family()  # the bundled font, before the figure is made
    fig = render(figure.chart, *screen_size(figure), clean)
    buf = io.BytesIO()
    fig.set_dpi(SCREEN_DPI)
    FigureCanvasAgg(fig).print_png(buf)
    return buf.getvalue()


def chart_figures(plan: Plan, *, lang: str = "ja", catalog: Catalog | None = None) -> list[Figure]:
    """The cost chart (when there is an adopted estimate), the KPIs' progress (when there
    are KPIs, issue 23) and the schedule's first years."""
    catalog = catalog or default_catalog()
    figures = []
    est = adopted_estimate(plan, rules_for(plan, catalog.subsidy_rules))
    if est is not None:
        figures.append(cost_figure(est, lang))
    kpis = kpi_chart(Context(plan, catalog, lang))
    if kpis is not None:
        figures.append(kpis)
    rows = schedule_rows(plan, catalog, lang)
    years = min(plan.plan_years, 3)
    figures.append(gantt_figure(rows, gantt_legend(rows, lang), plan.municipality.fiscal_year,
                                years, lang))  # fmt: skip
    return figures


def chart_images(plan: Plan, *, lang: str = "ja", catalog: Catalog | None = None) -> list[bytes]:
    """PNG images of the cost chart and the schedule, as in the PDF."""
    return [png(f) for f in chart_figures(plan, lang=lang, catalog=catalog)]
