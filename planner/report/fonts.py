"""The bundled BIZ UD fonts: their names and files (reportlab registers them in ``layout``,
matplotlib in ``charts``; this module imports neither).

Running text (paragraphs, headings, table text, English, the charts' labels)
is set in the proportional BIZ UDPGothic; the fixed-width BIZ UD Gothic is kept
where figures must line up (the number columns of tables, page numbers).
Only TrueType-outline fonts embed in reportlab, and both faces are TrueType. Every character of the document is checked against the fonts' cmap
(see ``textsafe``), so nothing is ever printed as an empty box.
"""

from __future__ import annotations

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
