"""The ten steps (and the summary) as a list model with each step's state."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from ..domain.progress import StepProgress, StepState, step_progress
from .document import PlanDocument
from .i18n import t, tx

STATE_ROLE = Qt.ItemDataRole.UserRole + 1
_ICONS: dict[StepState | None, QIcon] = {}


ICON_COLOUR = "#1F4E79"  # 7.5:1 on the window; a selected row draws it in its text colour


def _state_pixmap(state: StepState | None, colour: QColor) -> QPixmap:
    pix = QPixmap(16, 16)
    pix.fill(Qt.GlobalColor.transparent)
    if state is not None:
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(colour, 1.5))
        p.drawEllipse(2, 2, 12, 12)
        p.setBrush(colour)
        if state == StepState.DONE:
            p.drawEllipse(2, 2, 12, 12)
        elif state == StepState.IN_PROGRESS:
            p.drawPie(2, 2, 12, 12, 90 * 16, 180 * 16)
        p.end()
    return pix


def state_icon(state: StepState | None) -> QIcon:
    """○ not started, ◐ in progress, ● done — drawn, so every font shows them alike; the
    shape tells the state, not the colour (issue 22). On a selected row the icon takes the
    selected text's colour, which the palette keeps at 4.5:1 (contrast.py)."""
    if state not in _ICONS:
        from PySide6.QtGui import QGuiApplication, QPalette

        icon = QIcon(_state_pixmap(state, QColor(ICON_COLOUR)))
        selected = QGuiApplication.palette().color(QPalette.ColorRole.HighlightedText)
        icon.addPixmap(_state_pixmap(state, selected), QIcon.Mode.Selected)
        _ICONS[state] = icon
    return _ICONS[state]


def progress_text(progress: StepProgress) -> str:
    """「作業中 — チェックリスト 8/11・未入力: …」 and, below, how the step is done."""
    return f"{tx(progress.state.label)} — {tx(progress.detail())}\n{tx(progress.condition())}"


class StepListModel(QAbstractListModel):
    def __init__(self, doc: PlanDocument) -> None:
        super().__init__()
        self.doc = doc
        # each step's progress, worked out once per edit: painting asks for every row's
        # text, icon, tip and accessible text (issue 25: ~280 questions an edit)
        self._progress: dict[int, StepProgress | None] = {}
        self._plan = doc.plan
        doc.changed.connect(self._refresh)

    def _refresh(self) -> None:
        self._progress.clear()
        self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.doc.catalog.steps) + 2  # summary, documents

    def progress(self, row: int) -> StepProgress | None:
        if row >= len(self.doc.catalog.steps):
            return None
        if self._plan is not self.doc.plan:  # another plan in the same document
            self._plan = self.doc.plan
            self._progress.clear()
        if row not in self._progress:
            self._progress[row] = step_progress(self.doc.plan, self.doc.catalog.steps[row])
        return self._progress[row]

    def state(self, row: int) -> StepState | None:
        progress = self.progress(row)
        return None if progress is None else progress.state

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = index.row()
        state = self.state(row)
        if role == Qt.ItemDataRole.DisplayRole:
            if state is None and row > len(self.doc.catalog.steps):  # issue 21
                return t("   書類の作成", "   Documents")
            if state is None:
                return t("   まとめ・出力", "   Summary and export")
            step = self.doc.catalog.steps[row]
            return f"{step.number:>2}  {tx(step.title)}"
        if role == Qt.ItemDataRole.DecorationRole:
            return state_icon(state)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            progress = self.progress(row)
            return None if progress is None else progress_text(progress)
        if role == Qt.ItemDataRole.AccessibleTextRole:  # the state in words, not only a shape
            shown = str(self.data(index)).strip()
            return shown if state is None else f"{shown}（{tx(state.label)}）"
        if role == STATE_ROLE:
            return None if state is None else int(state)
        return None
