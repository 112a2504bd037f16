"""Bundled Japanese fonts for the UI, so no machine shows empty boxes.

Text is set in the proportional BIZ UDPGothic; figures that must line up in
columns (money columns, the cost strip) use the fixed-width BIZ UDGothic of the
same family (``figures_font()``). The PDF's fonts are registered by planner.report.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..resources import resource_path

UI_FAMILY = "BIZ UDPGothic"
FIGURES_FAMILY = "BIZ UDGothic"
UI_FILES = (
    "BIZUDPGothic-Regular.ttf",
    "BIZUDPGothic-Bold.ttf",
    "BIZUDGothic-Regular.ttf",
    "BIZUDGothic-Bold.ttf",
)
_state: dict[str, str | None] = {"figures": None}


def register_fonts(app: QApplication) -> str | None:
    """Register the UI's fonts and make the proportional Gothic the UI font.

    Must run after the QApplication exists. Returns the family in use, if any.
    """
    families: set[str] = set()
    for name in UI_FILES:
        path = resource_path("fonts", name)
        font_id = QFontDatabase.addApplicationFont(str(path)) if path.is_file() else -1
        if font_id >= 0:
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    _state["figures"] = FIGURES_FAMILY if FIGURES_FAMILY in families else None
    family = next((f for f in (UI_FAMILY, FIGURES_FAMILY) if f in families), None)
    from . import text_size

    if family:
        font = QFont(family)
        # the standard size, found once: the text size (issue 22) scales it (text_size.py)
        if not text_size.base():
            text_size.set_base(max(app.font().pointSizeF(), 10.0))
        font.setPointSizeF(text_size.base())
        app.setFont(font)
    return family


_cache: dict[str, QFont] = {}


def figures_font(base: QFont | None = None) -> QFont:
    """The UI font with the fixed-width face, for figures that must line up."""
    source = base if base is not None else QApplication.font()
    key = f"{source.key()}|{_state['figures']}"
    if key not in _cache:  # asked for by every money cell as it is painted
        font = QFont(source)
        if _state["figures"]:
            font.setFamily(_state["figures"])
        _cache[key] = font
    return QFont(_cache[key])
