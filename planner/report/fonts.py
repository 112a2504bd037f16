"""The bundled BIZ UD fonts: registered once for reportlab and for matplotlib.

Only TrueType-outline fonts embed in reportlab, and BIZ UD Gothic/Mincho are
TrueType. Every character of the document is checked against the fonts' cmap
(see ``textsafe``), so nothing is ever printed as an empty box.
"""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path

from ..resources import resource_path

GOTHIC = "BIZUDGothic"
GOTHIC_BOLD = "BIZUDGothic-Bold"
MINCHO = "BIZUDMincho"

FILES = {
    GOTHIC: "BIZUDGothic-Regular.ttf",
    GOTHIC_BOLD: "BIZUDGothic-Bold.ttf",
    MINCHO: "BIZUDMincho-Regular.ttf",
}

MISSING_GLYPH = "〓"  # ゲタ: the usual Japanese stand-in for a character that cannot be printed


def font_file(name: str) -> Path:
    return resource_path("fonts", FILES[name])


# preload() may register the fonts in a background thread while an export starts
_LOCK = threading.Lock()


@cache
def register_reportlab_fonts() -> frozenset[int]:
    """Register the three faces with reportlab; return the code points all of them have."""
    with _LOCK:
        return _register_reportlab_fonts()


def _register_reportlab_fonts() -> frozenset[int]:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    covered: frozenset[int] | None = None
    for name in FILES:
        font = TTFont(name, str(font_file(name)))  # subset-embedded when used
        pdfmetrics.registerFont(font)
        cmap = frozenset(font.face.charToGlyph)
        covered = cmap if covered is None else covered & cmap
    # <b> inside a Paragraph: Gothic Bold for both families (Mincho has no bold face)
    for family in (GOTHIC, MINCHO):
        addMapping(family, 0, 0, family)
        addMapping(family, 1, 0, GOTHIC_BOLD)
        addMapping(family, 0, 1, family)
        addMapping(family, 1, 1, GOTHIC_BOLD)
    assert covered is not None
    return covered


@cache
def matplotlib_family() -> str:
    """Add the Gothic to matplotlib's font manager and return its family name."""
    with _LOCK:
        return _matplotlib_family()


def _matplotlib_family() -> str:
    from matplotlib import font_manager

    for name in (GOTHIC, GOTHIC_BOLD):
        font_manager.fontManager.addfont(str(font_file(name)))
    return font_manager.FontProperties(fname=str(font_file(GOTHIC))).get_name()
