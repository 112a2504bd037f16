"""Chart recordings kept on disk between runs (issue 25, decision 0023).

A chart's recording (``chart_replay.Recording``: its reportlab canvas calls) depends on
its data and size, the chart code, matplotlib and the fonts. Kept in the per-user cache
folder, named by a digest of all these, it lets the first export of a day replay the
charts an earlier run drew, without importing matplotlib (~0.35 s) or drawing (~0.3 s).

A file read back is input like any other: it is used only if it is well formed, names
no canvas method but those the chart renderer calls, with numbers, texts and paths as
arguments, and uses only the charts' fonts. Anything else, or a file that cannot be read
or written, is no error: the chart is drawn anew and its file written again.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .. import __version__
from ..domain.errors import PlannerError
from ..loading.cache import files_stamp, mark_used, prune_oldest, read_kept, user_cache_dir
from ..store.atomic import write_atomically
from .fonts import FILES, PGOTHIC, PGOTHIC_BOLD, font_file

FORMAT = "telework-planner chart recording 1"
MAX_FILES = 200  # the oldest used are removed beyond this
MAX_BYTES = 8_000_000  # a larger file is not read
MAX_CALLS = 60_000  # as many as chart_replay keeps in memory
LARGEST = 10**9  # no coordinate, width or colour of a chart comes near this

# What mplcanvas calls on the canvas and on a path, and the keywords it passes
CANVAS_CALLS = frozenset({
    "saveState", "restoreState", "clipPath", "setFillColorRGB", "setStrokeColorRGB",
    "setLineWidth", "setLineCap", "setLineJoin", "setDash", "drawPath", "setFont",
    "translate", "rotate", "drawString",
})  # fmt: skip
PATH_CALLS = frozenset({"moveTo", "lineTo", "curveTo", "close", "rect"})
KEYWORDS = frozenset({"alpha", "stroke", "fill", "fillMode"})
FONTS = frozenset({PGOTHIC, PGOTHIC_BOLD})


@dataclass(frozen=True, slots=True)
class FrozenPath:
    """A path argument of a recorded call: the calls that build it (``moveTo``, ...)."""

    calls: tuple[tuple[str, tuple], ...]

    def made_on(self, canv):
        path = canv.beginPath()
        for name, args in self.calls:
            getattr(path, name)(*args)
        return path


@cache
def _fingerprint() -> bytes:
    """What every recording depends on besides its chart and size: the program, its chart
    code, matplotlib and the fonts, each by its version or its file's size and time. A
    new version, an installed bundle (its executable), an upgrade of matplotlib or an
    edited chart module in a checkout: another name, so a stale recording is never used."""
    here = Path(__file__).parent
    files = [Path(sys.executable), here / "charts.py", here / "mplcanvas.py"]
    files += [font_file(name) for name in sorted(FILES)]
    spec = importlib.util.find_spec("matplotlib")
    if spec is not None and spec.origin:
        files.append(Path(spec.origin))
    h = hashlib.sha256(f"{FORMAT}\0{__version__}\0".encode())
    h.update(files_stamp(files))
    return h.digest()


def file_for(key: tuple) -> Path | None:
    """The file of a chart (the frozen dataclass) at a size, ``key`` as chart_replay's; None
    when the cache is off (``TELEWORK_PLANNER_CACHE`` empty)."""
    base = user_cache_dir()
    if base is None:
        return None
    h = hashlib.sha256(_fingerprint())
    h.update(repr(key).encode("utf-8", "surrogatepass"))
    return base / "charts" / f"chart-{h.hexdigest()[:40]}.json"


# -- reading ---------------------------------------------------------------------------


class Refused(ValueError):
    """A recording file that is not one this program wrote."""


def read(path: Path) -> dict | None:
    """The recording's ``calls`` and ``texts``, or None when there is no usable file."""
    raw = read_kept(path, MAX_BYTES)
    if raw is None:
        return None
    try:
        parts = _checked(json.loads(raw.decode("utf-8")))
    except (ValueError, TypeError, RecursionError):  # a decode error is a ValueError
        return None
    mark_used(path)
    return parts


def _checked(data) -> dict:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise Refused("not a chart recording")
    texts, calls = data.get("texts"), data.get("calls")
    if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
        raise Refused("texts")
    if not isinstance(calls, list) or len(calls) > MAX_CALLS:
        raise Refused("calls")
    return {"calls": tuple(_call(c) for c in calls), "texts": tuple(texts)}


def _call(call) -> tuple[str, tuple, dict]:
    if not (isinstance(call, list) and len(call) == 3):
        raise Refused("a call")
    name, args, kw = call
    if not isinstance(name, str) or name not in CANVAS_CALLS:
        raise Refused("a call")
    if not isinstance(args, list) or not isinstance(kw, dict):
        raise Refused("a call")
    if not set(kw) <= KEYWORDS or not all(v is None or _is_number(v) for v in kw.values()):
        raise Refused("a keyword")
    values = tuple(_arg(a) for a in args)
    if name == "setFont" and (not values or values[0] not in FONTS):
        raise Refused("a font")
    return name, values, kw


def _arg(arg):
    if isinstance(arg, str) or _is_number(arg):
        return arg
    if isinstance(arg, list):  # setDash's dashes
        return tuple(_number(a) for a in arg)
    if isinstance(arg, dict) and set(arg) == {"path"} and isinstance(arg["path"], list):
        return FrozenPath(tuple(_path_call(c) for c in arg["path"]))
    raise Refused("an argument")


def _path_call(call) -> tuple[str, tuple]:
    if not (isinstance(call, list) and len(call) == 2 and isinstance(call[0], str)):
        raise Refused("a path")
    if call[0] not in PATH_CALLS:
        raise Refused("a path")
    if not isinstance(call[1], list):
        raise Refused("a path")
    return call[0], tuple(_number(a) for a in call[1])


def _is_number(v) -> bool:
    """A finite number of a size a page could hold (JSON's own are unbounded)."""
    if isinstance(v, bool) or not isinstance(v, int | float):
        return False
    return abs(v) < LARGEST  # neither a NaN nor an infinity is


def _number(v) -> float | int:
    if not _is_number(v):
        raise Refused("a number")
    return v


# -- writing ---------------------------------------------------------------------------


def write(path: Path, calls, texts) -> None:
    """Write a recording through the program's one atomic write; one that cannot be
    written is no error (the chart is drawn again next time)."""
    try:
        text = json.dumps(
            {
                "format": FORMAT,
                "texts": list(texts),
                "calls": [[n, [_plain(a) for a in args], kw] for n, args, kw in calls],
            },
            ensure_ascii=False,
            allow_nan=False,
            separators=(",", ":"),
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, text.encode("utf-8"))
        prune_oldest(path.parent, "chart-*.json", MAX_FILES)
    except (OSError, TypeError, ValueError, PlannerError):
        pass


def _plain(arg):
    if isinstance(arg, FrozenPath):
        return {"path": [[name, list(args)] for name, args in arg.calls]}
    return list(arg) if isinstance(arg, tuple) else arg
