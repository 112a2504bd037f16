"""Copy a table to the clipboard (tab-separated, for Excel) or save it as CSV (issue 20, 3).

``model_rows`` is the one function that turns a table's model into rows — the header,
then each row's cells as shown, an amount as its number in yen (``NUMBER_ROLE``) — and
both the copy and the CSV use it. ``TableExport`` gives a table view Ctrl+C (the
selected cells, or the whole table when nothing is selected) and a context menu: copy
the selection, copy the whole table, save as CSV.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu

from ..domain.errors import PlannerError
from . import dialogs
from .i18n import lang, t

NUMBER_ROLE = Qt.ItemDataRole.UserRole + 20  # a cell's value as a number (yen), for spreadsheets
CSV_FILTER = "CSV (*.csv)"


def model_rows(
    model: QAbstractItemModel,
    rows: list[int] | None = None,
    columns: list[int] | None = None,
    *,
    header: bool = True,
) -> list[list[str | int]]:
    """The table as rows of cells: its header, then ``rows`` (default: all) of ``columns``."""
    rows = list(range(model.rowCount())) if rows is None else rows
    columns = list(range(model.columnCount())) if columns is None else columns
    out: list[list[str | int]] = []
    if header:
        horizontal = Qt.Orientation.Horizontal
        out.append([str(model.headerData(c, horizontal) or "") for c in columns])
    for r in rows:
        out.append([_cell(model, r, c) for c in columns])
    return out


def _cell(model: QAbstractItemModel, row: int, column: int) -> str | int:
    index = model.index(row, column)
    number = model.data(index, NUMBER_ROLE)
    if isinstance(number, int) and not isinstance(number, bool):
        return number
    shown = model.data(index, Qt.ItemDataRole.DisplayRole)
    if shown is None:  # a check box column shows its state only
        state = model.data(index, Qt.ItemDataRole.CheckStateRole)
        return (
            "" if state is None else ("○" if Qt.CheckState(state) == Qt.CheckState.Checked else "")
        )
    return str(shown)


class TableExport(QObject):
    """Ctrl+C and a context menu (copy, copy all, save as CSV) on one table view."""

    def __init__(self, view: QAbstractItemView, file_stem: str) -> None:
        super().__init__(view)
        self.view = view
        self.file_stem = file_stem  # the CSV's suggested name, without .csv
        self.copy_action = QAction(t("コピー", "Copy"), view)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(self.copy_selection)
        view.addAction(self.copy_action)
        self.copy_all_action = QAction(t("表全体をコピー", "Copy the whole table"), view)
        self.copy_all_action.triggered.connect(self.copy_all)
        self.csv_action = QAction(t("CSVファイルに保存…", "Save as CSV…"), view)
        self.csv_action.triggered.connect(self.save_csv)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self.show_menu)
        view.installEventFilter(self)  # Ctrl+C reaching the view: ours, not Qt's one-cell copy

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return True
        return super().eventFilter(watched, event)

    def show_menu(self, pos: QPoint) -> None:
        menu = QMenu(self.view)
        menu.addActions([self.copy_action, self.copy_all_action, self.csv_action])
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def selected_rows(self) -> list[list[str | int]]:
        """The selected cells' rows and columns with the header; the whole table if none."""
        indexes = self.view.selectionModel().selectedIndexes() if self.view.selectionModel() else []
        if not indexes:
            return model_rows(self.view.model())
        rows = sorted({i.row() for i in indexes})
        columns = sorted({i.column() for i in indexes})
        return model_rows(self.view.model(), rows, columns)

    def copy_selection(self) -> None:
        from ..report.tabular import tsv

        QGuiApplication.clipboard().setText(tsv(self.selected_rows()))

    def copy_all(self) -> None:
        from ..report.tabular import tsv

        QGuiApplication.clipboard().setText(tsv(model_rows(self.view.model())))

    def save_csv(self) -> Path | None:
        from ..report.tabular import write_csv
        from .file_actions import default_folder, in_program_files

        suggested = str(default_folder() / f"{self.file_stem}.csv")
        path = dialogs.choose_save_file(self.view.window(), suggested, CSV_FILTER)
        if path is None:
            return None
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        title = t("CSVファイルに保存できません", "Cannot save the CSV")
        if in_program_files(path):  # the program's own folder (the samples) is never written
            dialogs.show_error(self.view.window(), title, t(
                f"{path}\nこのプログラム自身のファイルがある場所です。別の場所を選んでください。",
                f"{path}\nThis is where the program keeps its own files. Choose another place."))  # fmt: skip
            return None
        try:
            return write_csv(model_rows(self.view.model()), path)
        except PlannerError as err:
            dialogs.show_error(self.view.window(), title, err.text(lang()))
            return None
