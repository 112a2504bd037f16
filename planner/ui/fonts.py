"""Bundled Japanese fonts for the UI, so no machine shows empty boxes."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..resources import resource_path

UI_FAMILY_HINT = "BIZ UDGothic"


def register_fonts(app: QApplication) -> str | None:
    """Register every .ttf under resources/fonts and make the Gothic the UI font.

    Must run after the QApplication exists. Returns the family in use, if any.
    """
    families: list[str] = []
    folder = resource_path("fonts")
    for path in sorted(folder.glob("*.ttf")) if folder.is_dir() else []:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    gothic = next((f for f in families if "Gothic" in f and "P" not in f.split()[-1]), None)
    gothic = gothic or next((f for f in families if "Gothic" in f), None)
    if gothic:
        font = QFont(gothic)
        font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
        app.setFont(font)
    return gothic
