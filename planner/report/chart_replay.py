"""Charts drawn once per content and size, then replayed (issue 25).

Building a chart's matplotlib figure and walking its artists is nearly half of a warm
export of the sample plan (8 charts: ~125 ms building, ~150 ms drawing). What reaches
the PDF is only a sequence of reportlab canvas calls, and it depends on nothing but the
chart's data and its size. So the first time a chart is drawn, the canvas calls are
kept as they pass to the real canvas; the next export of the same chart (the print
preview after an export, an export after an edit elsewhere in the plan) makes the
same calls again without matplotlib: the same page content, byte for byte.

The chart's texts still go through the export's TextGuard each time, so a character
the fonts lack is warned about as before. Recordings are also kept on disk between runs
(``chart_store``): the first export of a day then imports no matplotlib at all, which is
why it is imported here only when a chart is drawn.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from . import chart_store
from .chart_store import FrozenPath
from .content import Chart

MAX_CHARTS = 48  # kept, most recently used first
MAX_CALLS = chart_store.MAX_CALLS  # a chart drawing more canvas calls than this is not kept


@dataclass(frozen=True, slots=True)
class Recording:
    """A chart's canvas calls, its texts as the guard was given them, and its size."""

    calls: tuple[tuple[str, tuple, dict], ...]
    texts: tuple[str, ...]
    width: float
    height: float


class _PathCalls:
    """A path being built, kept as calls (``moveTo``, ``lineTo``, ...) to make it again."""

    __slots__ = ("calls",)

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple]] = []

    def __getattr__(self, name: str):
        def call(*args):
            self.calls.append((name, args))

        return call


class RecordingCanvas:
    """Stands in for the canvas while a chart is drawn: passes every call on, keeps it."""

    def __init__(self, canv) -> None:
        self._canv = canv
        self.calls: list[tuple[str, tuple, dict]] = []

    def beginPath(self) -> _PathCalls:  # noqa: N802 - reportlab's name
        return _PathCalls()

    def __getattr__(self, name: str):
        method = getattr(self._canv, name)

        def call(*args, **kw):
            args = tuple(_frozen(a) for a in args)
            self.calls.append((name, args, kw))
            return method(*_made(args, self._canv), **kw)

        return call


def _frozen(arg):
    if isinstance(arg, _PathCalls):
        return FrozenPath(tuple(arg.calls))
    if isinstance(arg, list):
        return tuple(arg)
    return arg


def _made(args: tuple, canv) -> tuple:
    return tuple(a.made_on(canv) if isinstance(a, FrozenPath) else a for a in args)


def replay(recording: Recording, canv) -> None:
    for name, args, kw in recording.calls:
        getattr(canv, name)(*_made(args, canv), **kw)


class _ChartBox(Flowable):
    """A chart's place on the page: its own size, centred in the frame."""

    def __init__(self, width: float, height: float) -> None:
        super().__init__()
        self.width = width
        self.height = height
        self.hAlign = "CENTER"

    def wrap(self, avail_w, avail_h):
        return self.width, self.height


class RecordedChart(_ChartBox):
    """A chart drawn from its recording."""

    def __init__(self, recording: Recording) -> None:
        super().__init__(recording.width, recording.height)
        self.recording = recording

    def draw(self):
        replay(self.recording, self.canv)


# -- the charts kept --------------------------------------------------------------------

_LOCK = threading.Lock()
_kept: OrderedDict[tuple, Recording] = OrderedDict()


def clear() -> None:
    """Forget every chart kept (the bench measures drawing them from scratch)."""
    with _LOCK:
        _kept.clear()


def _lookup(key: tuple) -> Recording | None:
    with _LOCK:
        recording = _kept.get(key)
        if recording is not None:
            _kept.move_to_end(key)
        return recording


def _keep(key: tuple, recording: Recording) -> None:
    with _LOCK:
        _kept[key] = recording
        _kept.move_to_end(key)
        while len(_kept) > MAX_CHARTS:
            _kept.popitem(last=False)


def chart_flowable(chart: Chart, w_mm: float, h_mm: float, clean: Callable[[str], str]) -> Flowable:
    """The chart as a flowable: replayed if this chart at this size was drawn before, in
    this process or (kept on disk) in an earlier one."""
    key = (chart, w_mm, h_mm)
    try:
        recording = _lookup(key)
    except TypeError:  # data that cannot be a key: draw it, keep nothing
        return _drawn(chart, w_mm, h_mm, clean, None, None)
    if recording is None:
        path = chart_store.file_for(key)
        recording = None if path is None else _from_disk(key, path, w_mm * mm, h_mm * mm)
        if recording is None:
            return _drawn(chart, w_mm, h_mm, clean, key, path)
    for text in recording.texts:
        clean(text)  # the same warnings as a drawing would give
    return RecordedChart(recording)


def _from_disk(key: tuple, path: Path, width: float, height: float) -> Recording | None:
    parts = chart_store.read(path)
    if parts is None:
        return None
    recording = Recording(parts["calls"], parts["texts"], width, height)
    _keep(key, recording)
    return recording


def _drawn(chart: Chart, w_mm: float, h_mm: float, clean: Callable[[str], str],
           key: tuple | None, path: Path | None) -> Flowable:  # fmt: skip
    from . import charts  # matplotlib: only when a chart is drawn

    texts: list[str] = []

    def seen(text: str) -> str:
        texts.append(text)
        return clean(text)

    fig = charts.render(chart, w_mm, h_mm, seen)
    return _RecordingChart(fig, w_mm * mm, h_mm * mm, key, path, texts)


class _RecordingChart(_ChartBox):
    """A chart's figure drawn for the first time: its canvas calls kept as they are made,
    in memory (under ``key``) and on disk (in ``path``), each unless None."""

    def __init__(self, fig, width: float, height: float, key: tuple | None, path: Path | None,
                 texts: list[str]) -> None:  # fmt: skip
        super().__init__(width, height)
        self.fig = fig
        self.key = key
        self.path = path
        self.texts = texts

    def draw(self):
        import matplotlib

        from . import charts
        from .mplcanvas import draw_figure

        canv = RecordingCanvas(self.canv)
        with matplotlib.rc_context(charts.rc()):
            draw_figure(self.fig, canv, self.width, self.height)
        if self.key is None or len(canv.calls) > MAX_CALLS:
            return
        recording = Recording(tuple(canv.calls), tuple(self.texts), self.width, self.height)
        _keep(self.key, recording)
        if self.path is not None:
            chart_store.write(self.path, recording.calls, recording.texts)
