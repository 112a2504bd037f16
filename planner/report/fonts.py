"""The bundled BIZ UD fonts: registered once for reportlab and for matplotlib.

Running text (paragraphs, headings, table text, English, the charts' labels)
is set in the proportional BIZ UDPGothic; the fixed-width BIZ UD Gothic is kept
where figures must line up (the number columns of tables, page numbers).
Only TrueType-outline fonts embed in reportlab, and both faces are TrueType. Every character of the document is checked against the fonts' cmap
(see ``textsafe``), so nothing is ever printed as an empty box.
"""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path

from ..resources import resource_path

GOTHIC = "BIZUDGothic"  # fixed width: figures in columns
GOTHIC_BOLD = "BIZUDGothic-Bold"
PGOTHIC = "BIZUDPGothic"  # proportional: running text
PGOTHIC_BOLD = "BIZUDPGothic-Bold"

FILES = {
    GOTHIC: "BIZUDGothic-Regular.ttf",
    GOTHIC_BOLD: "BIZUDGothic-Bold.ttf",
    PGOTHIC: "BIZUDPGothic-Regular.ttf",
    PGOTHIC_BOLD: "BIZUDPGothic-Bold.ttf",
}

MISSING_GLYPH = "〓"  # ゲタ: the usual Japanese stand-in for a character that cannot be printed


def font_file(name: str) -> Path:
    return resource_path("fonts", FILES[name])


# preload() may register the fonts in a background thread while an export starts
_LOCK = threading.Lock()


@cache
def register_reportlab_fonts() -> frozenset[int]:
    """Register the faces with reportlab; return the code points all of them have."""
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
    # <b> inside a Paragraph: each family's bold face (there is no italic)
    for family, bold in ((GOTHIC, GOTHIC_BOLD), (PGOTHIC, PGOTHIC_BOLD)):
        addMapping(family, 0, 0, family)
        addMapping(family, 1, 0, bold)
        addMapping(family, 0, 1, family)
        addMapping(family, 1, 1, bold)
    assert covered is not None
    return covered


@cache
def matplotlib_family() -> str:
    """Add the proportional Gothic to matplotlib's font manager and return its family name."""
    with _LOCK:
        return _matplotlib_family()


def _matplotlib_family() -> str:
    from matplotlib import font_manager

    for name in (PGOTHIC, PGOTHIC_BOLD):
        font_manager.fontManager.addfont(str(font_file(name)))
    return font_manager.FontProperties(fname=str(font_file(PGOTHIC))).get_name()
