"""Notes beside inputs: plain-text labels that wrap to the width they are given, and
paragraphs with air between lines. Their texts quote data (rule sources, line names):
never markup."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy

WARNING_STYLE = "background: #fff3cd; color: #5c4400; padding: 6px;"
NOTE_STYLE = "color: #444;"
LINE_HEIGHT = 135  # percent, as the step pages' purpose and guidance (pages/base.py)


def wrapped(text: str = "", name: str = "", style: str = NOTE_STYLE) -> QLabel:
    """A plain-text label that wraps (rule sources and line names are data, never markup)."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(style)
    # as wide as the form's field column, not the label's own idea of a nice width
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return label


def set_paragraphs(label: QLabel, paragraphs: Sequence[str]) -> None:
    """Paragraphs with air between lines (the proportional face); every text escaped."""
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(
        "".join(
            f'<p style="line-height: {LINE_HEIGHT}%; margin: 0 0 4px 0">{escape(p)}</p>'
            for p in paragraphs
            if p
        )
    )
    label.setVisible(any(paragraphs))
