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


class RecordedChart(Flowable):
    """A chart drawn from its recording, at its own size, centred in the frame."""

    def __init__(self, recording: Recording) -> None:
        super().__init__()
        self.recording = recording
        self.width = recording.width
        self.height = recording.height
        self.hAlign = "CENTER"

    def wrap(self, avail_w, avail_h):
        return self.width, self.height

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
        recording = _lookup(key) or _from_disk(key, w_mm * mm, h_mm * mm)
    except TypeError:  # data that cannot be a key: draw it, keep nothing
        key = None
        recording = None
    if recording is None:
        return _drawn(chart, w_mm, h_mm, clean, key)
    for text in recording.texts:
        clean(text)  # the same warnings as a drawing would give
    return RecordedChart(recording)


def _from_disk(key: tuple, width: float, height: float) -> Recording | None:
    base = chart_store.folder()
    parts = None if base is None else chart_store.read(chart_store.file_of(base, key))
    if parts is None:
        return None
    recording = Recording(parts["calls"], parts["texts"], width, height)
    _keep(key, recording)
    return recording


def _drawn(chart: Chart, w_mm: float, h_mm: float, clean: Callable[[str], str], key) -> Flowable:
    from . import charts  # matplotlib: only when a chart is drawn

    texts: list[str] = []

    def seen(text: str) -> str:
        texts.append(text)
        return clean(text)

    return _RecordingChart(charts.render(chart, w_mm, h_mm, seen), w_mm, h_mm, key, texts)


class _RecordingChart(Flowable):
    """A chart's figure drawn for the first time, centred in the frame: its canvas calls
    kept as they are made, in memory and on disk (not when ``key`` is None)."""

    def __init__(self, fig, w_mm: float, h_mm: float, key: tuple | None, texts: list[str]) -> None:
        super().__init__()
        self.fig = fig
        self.width = w_mm * mm
        self.height = h_mm * mm
        self.hAlign = "CENTER"
        self.key = key
        self.texts = texts

    def wrap(self, avail_w, avail_h):
        return self.width, self.height

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
        base = chart_store.folder()
        if base is not None:
            chart_store.write(chart_store.file_of(base, self.key), recording.calls, recording.texts)
