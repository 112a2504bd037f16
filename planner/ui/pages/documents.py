"""「書類の作成」: the documents a town files, after the summary (issue 21).

One row per document (``report.documents.DOCUMENTS``): its title, a one-line
description, a Create button that writes its files into the chosen folder (each
checked and written atomically, as every export is) and an Open-folder button that
opens that folder in the PC's file manager. The folder is asked once and kept for
the session; ``choose_folder`` and ``open_folder`` are the seams tests replace.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import PlannerError
from ..document import PlanDocument
from ..help_button import with_help
from ..i18n import lang, t, tx


def open_folder(folder: Path) -> None:
    """Open a folder in the file manager (tests replace this function)."""
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def choose_folder(parent: QWidget, start: str) -> str:
    """Ask for the folder the documents go into (tests replace this function)."""
    return QFileDialog.getExistingDirectory(parent, t("書類の保存先フォルダ", "Folder for the documents"), start)


class DocumentsPage(QScrollArea):
    def __init__(self, doc: PlanDocument) -> None:
        super().__init__()
        from ...report.documents import DOCUMENTS  # light: no writer library is imported

        self.doc = doc
        self.folder: Path | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 16)
        title = QLabel(t("書類の作成", "Documents"))
        layout.addLayout(with_help(title))  # issue 22: 「?」 opens the manual here
        intro = QLabel(t("計画の内容から、町村が整える書類を作成します。Wordで開いて文言を直せます。",
                         "Make the documents a town files from the plan; open them in Word to reword."))  # fmt: skip
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        self.create_buttons: dict[str, QPushButton] = {}
        self.open_buttons: dict[str, QPushButton] = {}
        for row, kind in enumerate(DOCUMENTS):
            name = QLabel(tx(kind.title))
            name.setStyleSheet("font-weight: bold;")
            text = QLabel(tx(kind.description))
            text.setWordWrap(True)
            create = QPushButton(t("作成", "Create"))
            create.setObjectName(f"create_{kind.name}")
            create.clicked.connect(lambda _c=False, k=kind.name: self.create(k))
            folder = QPushButton(t("フォルダを開く", "Open folder"))
            folder.setObjectName(f"open_{kind.name}")
            folder.setEnabled(False)
            folder.clicked.connect(self._open)
            for col, w in enumerate((name, text, create, folder)):
                grid.addWidget(w, row, col)
            self.create_buttons[kind.name] = create
            self.open_buttons[kind.name] = folder
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.status = QLabel()
        self.status.setObjectName("documentsStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # file names are data
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.setWidget(body)

    def create(self, name: str) -> list[Path]:
        """Write one document's files into the folder (asked for the first time)."""
        from ...report.documents import make_documents

        if self.folder is None:
            start = str(self.doc.path.parent) if self.doc.path else str(Path.home())
            chosen = choose_folder(self, start)
            if not chosen:
                return []
            self.folder = Path(chosen)
        try:
            paths = make_documents(self.doc.plan, self.folder, only=(name,), lang=lang(),
                                   catalog=self.doc.catalog)  # fmt: skip
        except PlannerError as e:
            self.status.setStyleSheet("color: #b00020;")
            self.status.setText(e.text(lang()))
            return []
        self.status.setStyleSheet("")
        self.status.setText(t("作成しました: ", "Written: ") + "、".join(p.name for p in paths))
        self.open_buttons[name].setEnabled(True)
        return paths

    def _open(self) -> None:
        if self.folder is not None:
            open_folder(self.folder)
