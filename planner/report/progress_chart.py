"""Issue 23: the KPIs' progress chart (``content.ProgressChart``) drawn with matplotlib.

A lying bar per KPI on a scale from its baseline (0%) to its target (100%): a light bar
for the whole way, a dark one up to the latest value (clipped to −10%…120% so that a
value far past either end still shows), a line at the target, and the status beside
it. A KPI that cannot be placed (未測定, no baseline or target) shows its status only.
Imported only when such a chart is drawn (``charts.render``)."""

from __future__ import annotations

from collections.abc import Callable

import matplotlib
from matplotlib.figure import Figure

from .charts import DPI, MM, _t, fit_text, rc
from .content import ProgressChart

WAY_COLOR = "#D9D9D9"
DONE_COLOR = "#1F4E79"
REACHED_COLOR = "#4E9A5B"
LABEL_MM = 52
STATUS_MM = 34
LOW, HIGH = -0.1, 1.2


def progress_bars(chart: ProgressChart, width_mm: float, height_mm: float,
                  clean: Callable[[str], str]) -> Figure:  # fmt: skip
    n = len(chart.rows)
    with matplotlib.rc_context(rc()):
        fig = Figure(figsize=(width_mm * MM, height_mm * MM), dpi=DPI)
        left = LABEL_MM / width_mm
        right = 1 - STATUS_MM / width_mm
        ax = fig.add_axes((left, 9 / height_mm, right - left, 1 - 14 / height_mm))
        for i, row in enumerate(chart.rows):
            ax.barh(i, 1.0, height=0.5, color=WAY_COLOR)
            if row.share is not None:
                done = min(max(row.share, LOW), HIGH)
                color = REACHED_COLOR if row.reached else DONE_COLOR
                ax.barh(i, done, height=0.5, color=color)
            ax.text(HIGH + 0.03, i, _t(fit_text(clean(row.status), 7, STATUS_MM - 3)),
                    va="center", fontsize=7, clip_on=False)  # fmt: skip
        ax.axvline(0, color="#666666", linewidth=0.6)
        ax.axvline(1, color="#B8383D", linewidth=0.9)
        ax.set_xlim(LOW, HIGH)
        ax.set_ylim(n - 0.5, -0.5)
        ax.set_yticks(range(n))
        ax.set_yticklabels([_t(fit_text(clean(r.label), 7, LABEL_MM - 3)) for r in chart.rows],
                           fontsize=7)  # fmt: skip
        ax.set_xticks([0, 0.5, 1])
        ax.set_xticklabels([_t(clean(chart.start_label)) + " 0%", "50%",
                            _t(clean(chart.end_label)) + " 100%"], fontsize=7)  # fmt: skip
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        ax.tick_params(axis="y", length=0)
        return fig
