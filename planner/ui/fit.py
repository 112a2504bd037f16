"""Column widths that fit what the columns show, so no cell, header or drop-down is cut.

Each column of a RowTable is made as wide as its widest cell and its header; a
choice column also leaves room for the drop-down editor's arrow (the list it
opens is as wide as its longest choice). Long text
columns (and those declared with ``wrap``, ``table_model.Column``) get a reading width
instead and wrap onto as many lines as they need: the rows then follow their text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView

WRAP_WIDTH = 320  # a comfortable line for reasons and notes
WRAP_MIN = 160  # a wrapping column narrows no further
TEXT_MAX = 380  # a text column wider than this wraps instead
DROP_DOWN = 34  # the drop-down's arrow button and frame
PADDING = 12  # room between a cell's text and the next column
ROW_HEIGHT = 28
# wrapped lines get air above and below, so two rows' text never meets
ROOMY_ROWS = "QTableView::item { padding-top: 4px; padding-bottom: 4px; }"


class _OnResize(QObject):
    def __init__(self, parent: QObject, callback) -> None:
        super().__init__(parent)
        self.callback = callback

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.callback()
        return False


def fit_columns(table) -> None:
    """Fit ``table``'s columns now and again whenever rows are added or the list is reloaded."""
    view, model = table.view, table.model
    natural: dict[int, int] = {}
    wrapped: list[int] = []  # the columns that wrap, found by apply()

    def fit_rows() -> None:
        """Rows as tall as their text at the columns' widths now. Qt does not measure them
        again when a column is resized: they kept the heights of narrower columns until
        some later edit measured them anew, and the list moved under the pointer then."""
        rows = view.verticalHeader()
        if rows.sectionResizeMode(0) == QHeaderView.ResizeMode.ResizeToContents:
            rows.resizeSections(QHeaderView.ResizeMode.ResizeToContents)

    def stretch_if_room() -> None:
        """The free width goes to the first wrapping column, else to the last column.

        A wrapping column may also narrow (down to a reading width) and wrap more;
        a last column never shrinks below its content.
        """
        header = view.horizontalHeader()
        shown = [i for i in range(header.count()) if not header.isSectionHidden(i)]
        if not shown:
            return
        if wrapped:
            header.setStretchLastSection(False)
            others = sum(header.sectionSize(i) for i in shown if i not in wrapped)
            free = view.viewport().width() - others - 2
            total = sum(natural[i] for i in wrapped)
            resized = False
            for n, i in enumerate(wrapped):
                least = max(header.sectionSizeHint(i), min(natural[i], WRAP_MIN))
                if free >= total:  # room to spare: the first wrapping column takes it
                    width = natural[i] + (free - total if n == 0 else 0)
                else:  # too little room: they share it and wrap onto more lines
                    width = max(least, free * natural[i] // max(total, 1))
                if header.sectionSize(i) != width:
                    view.setColumnWidth(i, width)
                    resized = True
            if resized:
                fit_rows()
            return
        last = max(shown, key=header.visualIndex)
        others = sum(header.sectionSize(i) for i in shown if i != last)
        room = others + natural.get(last, 0) <= view.viewport().width()
        if header.stretchLastSection() != room:
            header.setStretchLastSection(room)
        if not room:
            view.setColumnWidth(last, natural.get(last, header.sectionSize(last)))

    def apply(widen_only: bool) -> None:
        header = view.horizontalHeader()
        wrapping = False
        for i, column in enumerate(model.columns):
            if view.isColumnHidden(i):
                continue
            content = view.sizeHintForColumn(i)
            # a choice's editor shows the value beside its arrow; its list opens as wide as needed
            extra = DROP_DOWN if column.kind == "choice" else PADDING
            width = max(content + extra, header.sectionSizeHint(i))
            if column.wrap or (column.kind == "text" and width > TEXT_MAX):
                width = max(header.sectionSizeHint(i), min(width, WRAP_WIDTH))
                wrapping = True
                if i not in wrapped:
                    wrapped.append(i)
            if widen_only:
                width = max(width, natural.get(i, 0))
            natural[i] = width
            view.setColumnWidth(i, width)
        if (wrapping or view.wordWrap()) and view.styleSheet() != ROOMY_ROWS:
            # once: setting a style sheet again lays the whole list out anew, and the list
            # scrolled to its end jumped up under the pointer at each edit (issue 18)
            view.setWordWrap(True)
            view.setStyleSheet(ROOMY_ROWS)
            rows = view.verticalHeader()
            rows.setMinimumSectionSize(ROW_HEIGHT)  # one line keeps its breathing room
            rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        stretch_if_room()
        fit_rows()

    # measure the rows on screen and at most 100 more: big lists stay quick to edit
    view.horizontalHeader().setResizeContentsPrecision(100)
    apply(widen_only=False)
    view.viewport().installEventFilter(_OnResize(view, stretch_if_room))
    pending: list[bool] = []

    def later() -> None:
        """Once, after the event loop's turn: new or changed rows are laid out by then."""
        if not pending:
            pending.append(True)
            QTimer.singleShot(0, view, lambda: (pending.clear(), apply(True)))

    changed: list[tuple[int, int, int, int]] = []

    def widen_for(top, bottom, _roles=()) -> None:
        """An edit: measure the changed cells only, after the event loop's turn (issue 25:
        measuring every column over a hundred rows took most of an edit's time)."""
        if bottom.row() - top.row() > 100:
            later()
            return
        if not changed:
            QTimer.singleShot(0, view, measure_changed)
        changed.append((top.row(), bottom.row(), top.column(), bottom.column()))

    def measure_changed() -> None:
        spans, grid = list(changed), int(view.showGrid())
        changed.clear()
        if pending:
            return  # a whole refit is coming anyway
        resized = False
        for first, last, left, right in spans:
            for i in range(left, right + 1):
                if i in wrapped or view.isColumnHidden(i) or i not in natural:
                    continue
                extra = DROP_DOWN if model.columns[i].kind == "choice" else PADDING
                content = max(
                    view.sizeHintForIndex(model.index(r, i)).width() + grid
                    for r in range(first, last + 1)
                )
                if content + extra > natural[i]:
                    natural[i] = content + extra
                    view.setColumnWidth(i, natural[i])
                    resized = True
        if resized:
            stretch_if_room()
            fit_rows()

    model.rowsInserted.connect(later)
    model.modelReset.connect(later)
    model.dataChanged.connect(widen_for)


def narrow_combo(combo, chars: int = 18) -> None:
    """A combo box of long entries that never widens its page: the box is as wide as
    ``chars`` characters (or as the room allows), its list opens as wide as its entries."""
    from PySide6.QtWidgets import QComboBox

    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
