"""The ten steps (and the summary) as a list model with each step's state."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from ..domain.progress import StepState, step_state
from .document import PlanDocument
from .i18n import t, tx

STATE_ROLE = Qt.ItemDataRole.UserRole + 1


class StepListModel(QAbstractListModel):
    def __init__(self, doc: PlanDocument) -> None:
        super().__init__()
        self.doc = doc
        doc.changed.connect(self._refresh)

    def _refresh(self) -> None:
        self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.doc.catalog.steps) + 1

    def state(self, row: int) -> StepState | None:
        if row >= len(self.doc.catalog.steps):
            return None
        return step_state(self.doc.plan, row + 1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = index.row()
        state = self.state(row)
        if role == Qt.ItemDataRole.DisplayRole:
            if state is None:
                return t("   まとめ・出力", "   Summary and export")
            step = self.doc.catalog.steps[row]
            return f"{state.mark} {step.number:>2} {tx(step.title)}"
        if role == Qt.ItemDataRole.ToolTipRole and state is not None:
            return tx(state.label)
        if role == STATE_ROLE:
            return None if state is None else int(state)
        return None
