"""Charts drawn with matplotlib alone, from the chart data of content ``Figure`` nodes.

``render(chart, width_mm, height_mm, clean)`` returns a ``matplotlib.figure.Figure``
(no pyplot; dpi 72, so one figure pixel is one PDF point) that the PDF draws as
vector graphics and real text (``mplcanvas``) and the screen's preview as PNG.
``clean`` is the writer's text cleaner (the PDF's TextGuard), applied to every text
the chart prints; ``$`` is escaped so that no label is read as mathtext. Labels are
cut to fit in the chart's font, measured from the TrueType file itself (its advance
widths, as the PDF measures them). matplotlib is imported here only, and this module
only when a chart is drawn.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import date
from functools import cache

import matplotlib
from matplotlib.figure import Figure

from .content import BarChart, Chart, GanttChart, GanttRow, ProgressChart, ShareChart, chart_number
from .fonts import PGOTHIC, PGOTHIC_BOLD, font_file

DPI = 72  # figure pixels are PDF points
MM = 1 / 25.4  # inches per millimetre
PT_PER_MM = 72.0 / 2.54 * 0.1  # as the PDF's layout computes it, so labels cut alike
GANTT_LABEL_MM = 58  # the row labels' column of the Gantt chart
BAR_LABEL_MM = 40  # the scenario names beside lying bars

# print-safe colours, distinguishable in greyscale by lightness
STEP_COLOR = "#3B6FB6"
PHASE_COLORS = {
    "preparation": "#9A9A9A",
    "trial": "#E08A3C",
    "evaluation": "#4E9A5B",
    "rollout": "#B8383D",
}
TRAINING_COLOR = "#222222"
TONE_COLORS = {
    "subsidy": "#9DC3E6",
    "net": "#1F4E79",
    "other": "#BFBFBF",  # other earmarked revenue (特定財源)
}


def render(chart: Chart, width_mm: float, height_mm: float,
           clean: Callable[[str], str] = str) -> Figure:  # fmt: skip
    """The chart as a matplotlib figure of ``width_mm`` × ``height_mm``."""
    if isinstance(chart, GanttChart):
        return gantt(chart, width_mm, height_mm, clean)
    if isinstance(chart, ProgressChart):  # issue 23
        return progress_bars(chart, width_mm, height_mm, clean)
    if isinstance(chart, ShareChart):
        return shares(chart, width_mm, height_mm, clean)
    return bars(chart, width_mm, height_mm, clean)


_LOCK = threading.Lock()  # preload() may add the font in a background thread


@cache
def matplotlib_family() -> str:
    """Add the proportional Gothic to matplotlib's font manager and return its family name."""
    with _LOCK:
        from matplotlib import font_manager

        for name in (PGOTHIC, PGOTHIC_BOLD):
            font_manager.fontManager.addfont(str(font_file(name)))
        return font_manager.FontProperties(fname=str(font_file(PGOTHIC))).get_name()


def rc() -> dict:
    return {
        "font.family": [matplotlib_family()],
        "font.size": 8,
        "axes.unicode_minus": False,
        "axes.linewidth": 0.6,
        "xtick.major.width": 0.6,
        "ytick.major.width": 0.6,
        "path.simplify": False,
    }


def _t(text: str) -> str:
    """A label as typed: a ``$`` would otherwise start mathtext."""
    return text.replace("$", r"\$")


# -- fitting labels -------------------------------------------------------------------------


@cache
def _face():
    from matplotlib.ft2font import FT2Font

    face = FT2Font(str(font_file(PGOTHIC)))
    return face, 1000 / face.units_per_EM, {}


def text_width(text: str, size: float) -> float:
    """Width in points of ``text`` in the charts' face: the sum of the glyphs' advance
    widths, without kerning (as the PDF measures text)."""
    from matplotlib.ft2font import LoadFlags

    face, per_1000, widths = _face()
    total = 0.0
    for ch in text:
        cp = 0x20 if ch == "\u00a0" else ord(ch)  # the PDF gives a no-break space a space's width
        w = widths.get(cp)
        if w is None:
            glyph = face.load_glyph(face.get_char_index(cp), LoadFlags.NO_SCALE)
            w = widths[cp] = glyph.horiAdvance * per_1000
        total += w
    return 0.001 * size * total


def fit_text(text: str, size: float, width_mm: float) -> str:
    """Cut a one-line label with … so that it fits ``width_mm``."""
    width = width_mm * PT_PER_MM
    if text_width(text, size) <= width:
        return text
    ell = "…"
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if text_width(text[:mid] + ell, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo] + ell


# -- the charts -----------------------------------------------------------------------------


def _month_pos(day: date, first_fy: int) -> float:
    """Months since 1 April of ``first_fy``, with the day as a fraction of its month."""
    import calendar

    months = (day.year - first_fy) * 12 + (day.month - 4)
    return months + (day.day - 1) / calendar.monthrange(day.year, day.month)[1]


def gantt(
    chart: GanttChart, width_mm: float, height_mm: float, clean: Callable[[str], str]
) -> Figure:
    """The schedule over ``years`` fiscal years from ``first_fy``: months across, rows down.

    Drawn with few artists (one collection for the grid, plain texts for the
    labels instead of tick objects): a month tick costs more than its label.
    """
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.transforms import blended_transform_factory

    first_fy, years = chart.first_fy, chart.years
    rows = [GanttRow(fit_text(clean(r.label), 8.5, GANTT_LABEL_MM), r.kind, r.start, r.end)
            for r in chart.rows]  # fmt: skip
    year_labels = [clean(y) for y in chart.year_labels]
    legend = {kind: clean(text) for kind, text in chart.legend}
    with matplotlib.rc_context(rc()):
        fig = Figure(figsize=(width_mm * MM, height_mm * MM), dpi=DPI)
        n = max(len(rows), 1)
        months = years * 12
        top_mm, bottom_mm, label_mm = 11.0, 14.0, 64.0
        ax = fig.add_axes((
            label_mm / width_mm,
            bottom_mm / height_mm,
            1 - (label_mm + 2) / width_mm,
            1 - (top_mm + bottom_mm) / height_mm,
        ))  # fmt: skip
        ax.set_xlim(0, months)
        ax.set_ylim(n - 0.5, -0.5)
        ax.set_xticks([])
        ax.set_yticks([])
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        # zebra rows, month grid, heavier lines between fiscal years
        ax.broken_barh([(0, months)], (-0.5, 1), color="none")  # keeps limits honest
        for r in range(1, n, 2):
            ax.broken_barh([(0, months)], (r - 0.5, 1), color="#F0F0F0", zorder=0, lw=0)
        minor = [[(m, -0.5), (m, n - 0.5)] for m in range(months + 1) if m % 12]
        major = [[(m, -0.5), (m, n - 0.5)] for m in range(0, months + 1, 12)]
        ax.add_collection(LineCollection(minor, colors="#C8C8C8", linewidths=0.4, zorder=1))
        ax.add_collection(LineCollection(major, colors="#000000", linewidths=0.8, zorder=1))
        # month numbers under the axis, fiscal-year labels above it
        below = blended_transform_factory(ax.transData, ax.transAxes)
        for m in range(months):
            ax.text(m + 0.5, -0.012, str((m + 3) % 12 + 1), transform=below, ha="center",
                    va="top", fontsize=7.5)  # fmt: skip
        for i, label in enumerate(year_labels[:years]):
            ax.text(i * 12 + 6, 1.012, _t(label), transform=below, ha="center", va="bottom",
                    fontsize=9, fontweight="bold")  # fmt: skip
        # row labels, left-aligned in the margin
        left = blended_transform_factory(fig.transFigure, ax.transData)
        for i, row in enumerate(rows):
            ax.text(3 / width_mm, i, _t(row.label), transform=left, ha="left", va="center",
                    fontsize=8.5)  # fmt: skip
        lo, hi = 0.0, float(months)
        for i, row in enumerate(rows):
            if row.start is None:
                continue
            if row.kind == "training":
                x = _month_pos(row.start, first_fy)
                if lo <= x <= hi:
                    ax.plot([x], [i], marker="D", ms=5.5, color=TRAINING_COLOR, zorder=3)
                continue
            end = row.end or row.start
            x0 = max(lo, _month_pos(row.start, first_fy))
            x1 = min(hi, _month_pos(end, first_fy) + 1 / 30)
            if x1 <= lo or x0 >= hi or x1 <= x0:
                continue
            color = STEP_COLOR if row.kind == "step" else PHASE_COLORS.get(row.kind, "#777777")
            ax.broken_barh([(x0, x1 - x0)], (i - 0.28, 0.56), color=color, lw=0, zorder=2)
        handles = []
        for kind, text in legend.items():
            if kind == "training":
                handles.append(
                    Line2D([], [], marker="D", ls="", color=TRAINING_COLOR, label=_t(text))
                )
            else:
                color = STEP_COLOR if kind == "step" else PHASE_COLORS.get(kind, "#777777")
                handles.append(Patch(color=color, label=_t(text)))
        fig.legend(handles=handles, loc="lower center", ncol=len(handles), frameon=False,
                   fontsize=8, bbox_to_anchor=(0.5, 0.0), handlelength=1.2)  # fmt: skip
        return fig


def _stacked_bars(
    ax, positions, segments: Sequence[tuple[Sequence[float], str, str]], horizontal: bool
) -> float:
    """``segments`` (values, colour, legend) stacked in order, each bar's total written
    at its end. Returns the largest total (for the axis limit)."""
    bar = ax.barh if horizontal else ax.bar
    base = "left" if horizontal else "bottom"
    thickness = {"height": 0.5} if horizontal else {"width": 0.55}
    below = [0.0] * len(positions)
    for values, color, label in segments:
        bar(positions, values, color=color, label=_t(label), **{base: below}, **thickness)
        below = [b + v for b, v in zip(below, values, strict=True)]
    top = max(below, default=0)
    for p, total in zip(positions, below, strict=True):
        if horizontal:
            ax.text(total + top * 0.01, p, chart_number(total), va="center", fontsize=7.5)
        else:
            ax.text(
                p, total + top * 0.02, chart_number(total), ha="center", va="bottom", fontsize=7.5
            )
    return top


def _finish(ax, value_axis, unit: str) -> None:
    """Thousands on the value axis, its unit, no top/right frame, the legend above."""
    value_axis.set_major_formatter(_formatter())
    ax.tick_params(axis="x" if value_axis is ax.xaxis else "y", labelsize=7)
    value_axis.set_label_text(_t(unit), fontsize=7.5)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, frameon=False, fontsize=7.5)


def bars(chart: BarChart, width_mm: float, height_mm: float, clean: Callable[[str], str]) -> Figure:
    """Stacked bars, upright per fiscal year or lying per scenario, in 千円."""
    segments = [(s.values, TONE_COLORS[s.tone], clean(s.label)) for s in chart.series]
    unit = clean(chart.unit)
    with matplotlib.rc_context(rc()):
        fig = Figure(figsize=(width_mm * MM, height_mm * MM), dpi=DPI)
        positions = list(range(len(chart.categories)))
        if chart.horizontal:  # the names beside the bars, cut to fit
            names = [fit_text(clean(x), 7.5, BAR_LABEL_MM) for x in chart.categories]
            ax = fig.add_axes((0.3, 12 / height_mm, 0.62, 1 - 22 / height_mm))
            top = _stacked_bars(ax, positions, segments, horizontal=True)
            ax.set_xlim(0, top * 1.2 if top else 1)
            ax.set_yticks(positions)
            ax.set_yticklabels([_t(x) for x in names], fontsize=7.5)
            ax.set_ylim(len(names) - 0.5, -0.5)
            _finish(ax, ax.xaxis, unit)
        else:
            ax = fig.add_axes((0.12, 0.2, 0.86, 0.68))
            top = _stacked_bars(ax, positions, segments, horizontal=False)
            ax.set_ylim(0, top * 1.18 if top else 1)
            ax.set_xticks(positions)
            ax.set_xticklabels([_t(clean(x)) for x in chart.categories], fontsize=7.5)
            _finish(ax, ax.yaxis, unit)
        return fig


def _formatter():
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: chart_number(v))


# issue 23: the trial survey's answers. Options from the lowest score to the highest, dark
# red to dark blue through grey: print-safe, told apart in greyscale by lightness
SHARE_COLORS = {
    2: ("#1F4E79", "#BFBFBF"),
    3: ("#B8383D", "#CFCFCF", "#1F4E79"),
    4: ("#B8383D", "#E8A39B", "#9DC3E6", "#1F4E79"),
    5: ("#B8383D", "#E8A39B", "#CFCFCF", "#9DC3E6", "#1F4E79"),
}
SHARE_LABEL_MM = 44  # the questions' column


def shares(chart: ShareChart, width_mm: float, height_mm: float,
           clean: Callable[[str], str]) -> Figure:  # fmt: skip
    """A bar of 100% a question; on each segment its words and share where they fit."""
    with matplotlib.rc_context(rc()):
        fig = Figure(figsize=(width_mm * MM, height_mm * MM), dpi=DPI)
        left = SHARE_LABEL_MM / width_mm
        ax = fig.add_axes((left, 13 / height_mm, 0.97 - left, 1 - 16 / height_mm))
        bar_mm = (0.97 - left) * width_mm / 100  # one percent, in mm
        for y, row in enumerate(chart.rows):
            colors = SHARE_COLORS.get(len(row.shares), SHARE_COLORS[5])
            start = 0.0
            for i, (word, pct) in enumerate(row.shares):
                color = colors[min(i, len(colors) - 1)]
                ax.barh(y, pct, left=start, height=0.6, color=color, edgecolor="white",
                        linewidth=0.5)  # fmt: skip
                room = pct * bar_mm - 1
                label = f"{clean(word)} {pct:.1f}%"
                if text_width(label, 6.5) > room * PT_PER_MM:
                    label = (
                        f"{pct:.1f}%" if text_width(f"{pct:.1f}%", 6.5) <= room * PT_PER_MM else ""
                    )
                if label:
                    dark = color in ("#1F4E79", "#B8383D")
                    ax.text(start + pct / 2, y, _t(label), ha="center", va="center", fontsize=6.5,
                            color="white" if dark else "#222222")  # fmt: skip
                start += pct
        ax.set_yticks(range(len(chart.rows)))
        ax.set_yticklabels([_t(fit_text(clean(r.label), 7.5, SHARE_LABEL_MM - 3))
                            for r in chart.rows], fontsize=7.5)  # fmt: skip
        ax.set_ylim(len(chart.rows) - 0.5, -0.5)
        ax.set_xlim(0, 100)
        ax.set_xticks([0, 20, 40, 60, 80, 100])
        ax.tick_params(axis="x", labelsize=7)
        ax.set_xlabel(_t(clean(chart.unit)), fontsize=7)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        return fig


# -- issue 23: the KPIs' progress, a lying bar per KPI from baseline (0%) to target (100%) --

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
