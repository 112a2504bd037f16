"""The 「?」 on each page's header: asks for the manual's section of the page shown.

A small module of its own, so that building a page does not import the help window;
the workspace connects every button named ``helpButton`` to its own help request.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from .i18n import t


def help_button() -> QToolButton:
    # a tool button: no mnemonic is added to it, and it takes no room beside the title
    button = QToolButton()
    button.setObjectName("helpButton")
    button.setText("?")
    button.setToolTip(
        t("この画面の説明を操作マニュアルで開く（F1）", "Open the manual at this page (F1)")
    )
    button.setAccessibleName(t("この画面のヘルプ", "Help for this page"))
    button.setAccessibleDescription(
        t("操作マニュアルのこの画面の説明を開きます（F1）", "Opens the manual at this page (F1)")
    )
    button.setStyleSheet("font-weight: bold; min-width: 26px; min-height: 26px;")
    return button


def with_help(title: QWidget) -> QHBoxLayout:
    """A page's header: its title, and the 「?」 at the right.

    The title is set in bold, larger than the body text at the text size chosen (issue 22)."""
    from .text_size import title_font

    title.setFont(title_font())
    if not title.objectName():
        title.setObjectName("pageTitle")  # the page's name for screen readers (accessible.py)
    header = QHBoxLayout()
    header.addWidget(title, 1)
    header.addWidget(help_button(), 0, Qt.AlignmentFlag.AlignTop)
    return header
