"""Finds text that does not fit its room: the check behind tests/test_ui_fit.py.

For every visible single-line label, button, check box, combo box (its current
text) and header section, the text's width in the widget's own font is compared
with the room the style gives it. Elided text counts as clipped.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionHeader,
    QToolButton,
    QWidget,
)

ELLIPSIS = "…"


def _plain(widget: QLabel) -> str:
    text = widget.text()
    rich = widget.textFormat() == Qt.TextFormat.RichText or (
        widget.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    if rich:
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def _mnemonic_free(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _width(fm: QFontMetrics, text: str) -> int:
    return max((fm.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}#{widget.objectName() or '?'}"


def _label(label: QLabel) -> str | None:
    if label.wordWrap() or label.pixmap() is not None and not label.pixmap().isNull():
        return None
    text = _plain(label)
    if not text.strip():
        return None
    room = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
    need = _width(QFontMetrics(label.font()), text)
    if need > room or text.rstrip().endswith(ELLIPSIS) and "…" not in text[:-1]:
        return f"{_name(label)} '{text}' needs {need}px, has {room}px"
    return None


def _button(button: QAbstractButton) -> str | None:
    text = _mnemonic_free(button.text())
    if not text.strip():
        return None
    fm = QFontMetrics(button.font())
    need = _width(fm, text)
    icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
    style = button.style()
    if isinstance(button, QPushButton):
        option = QStyleOptionButton()
        button.initStyleOption(option)
        room = style.subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
        room_w = room.width() - icon
    elif isinstance(button, QCheckBox | QRadioButton):
        option = QStyleOptionButton()
        button.initStyleOption(option)
        element = (
            QStyle.SubElement.SE_CheckBoxContents
            if isinstance(button, QCheckBox)
            else QStyle.SubElement.SE_RadioButtonContents
        )
        room_w = style.subElementRect(element, option, button).width() - icon
    elif isinstance(button, QToolButton):
        if button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
            return None
        extra = button.iconSize().width() + 6 if button.arrowType() != Qt.ArrowType.NoArrow else 0
        room_w = button.contentsRect().width() - extra - 6
    else:
        return None
    if need > room_w:
        return f"{_name(button)} '{text}' needs {need}px, has {room_w}px"
    return None


def _combo(combo: QComboBox) -> str | None:
    text = combo.currentText()
    if not text.strip() or combo.isEditable():
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    room: QRect = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    icon = combo.iconSize().width() + 4 if not combo.itemIcon(combo.currentIndex()).isNull() else 0
    need = _width(QFontMetrics(combo.font()), text) + icon
    if need > room.width():
        return f"{_name(combo)} '{text}' needs {need}px, has {room.width()}px"
    return None


def _header(header: QHeaderView) -> list[str]:
    model = header.model()
    if model is None:
        return []
    out = []
    fm = QFontMetrics(header.font())
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    horizontal = header.orientation() == Qt.Orientation.Horizontal
    count = model.columnCount() if horizontal else model.rowCount()
    for section in range(count):
        if header.isSectionHidden(section) or header.sectionSize(section) == 0:
            continue
        text = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if not text:
            continue
        text = str(text)
        option = QStyleOptionHeader()
        option.initFrom(header)
        option.section = section
        need = _width(fm, text) + 2 * margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            need += header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
        room = header.sectionSize(section) if horizontal else header.width()
        if need > room:
            view = header.parentWidget()
            where = view.objectName() if view is not None else "?"
            out.append(f"header of {where} '{text}' needs {need}px, has {room}px")
    return out


def _cells(view: QAbstractItemView) -> list[str]:
    """Cells in view whose text is cut: wider than the column and not wrapped onto enough lines."""
    model = view.model()
    if model is None:
        return []
    out = []
    style = view.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    indicator = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, view) + 2 * margin
    viewport = view.viewport().rect()
    columns = getattr(getattr(model, "sourceModel", lambda: model)(), "columns", None)
    root = view.rootIndex()
    columns_shown = 1 if isinstance(view, QListView) else model.columnCount(root)
    for row in range(model.rowCount(root)):
        for column in range(columns_shown):
            index = model.index(row, column, root)
            rect = view.visualRect(index)
            if rect.isEmpty() or not viewport.intersects(rect):
                continue
            if isinstance(view, QListView):  # a list's items must fit its width, unscrolled
                rect.setRight(min(rect.right(), viewport.right()))
            text = model.data(index, Qt.ItemDataRole.DisplayRole)
            if text is None or not str(text).strip():
                continue
            text = str(text)
            font = model.data(index, Qt.ItemDataRole.FontRole) or view.font()
            fm = QFontMetrics(font)
            room = rect.width() - 2 * margin
            if model.data(index, Qt.ItemDataRole.CheckStateRole) is not None:
                room -= indicator
            if model.data(index, Qt.ItemDataRole.DecorationRole) is not None:
                room -= view.iconSize().width() if view.iconSize().isValid() else 16
                room -= 2 * margin
            where = f"{view.objectName() or type(view).__name__} row {row + 1} col {column + 1}"
            if "\n" not in text and _width(fm, text) <= room:
                pass
            elif getattr(view, "wordWrap", lambda: False)():
                flags = Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextWrapAnywhere
                need = fm.boundingRect(QRect(0, 0, max(room, 1), 100000), flags, text).height()
                if need > rect.height():
                    out.append(f"{where} '{text[:40]}' needs {need}px high, has {rect.height()}px")
            else:
                out.append(f"{where} '{text[:40]}' needs {_width(fm, text)}px, has {room}px")
            # a choice cell opens a drop-down editor: its value must fit beside the arrow
            if columns is not None and column < len(columns):
                if getattr(columns[column], "kind", "") == "choice":
                    arrow = style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
                    need = _width(fm, text) + arrow + 2 * margin + 4
                    if need > rect.width():
                        out.append(
                            f"{where}: drop-down '{text}' needs {need}px, has {rect.width()}px"
                        )
    return out


def clipped(root: QWidget) -> list[str]:
    """Every text under ``root`` (shown widgets only) that is wider than its room."""
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        found: str | None = None
        if isinstance(widget, QLabel):
            found = _label(widget)
        elif isinstance(widget, QAbstractButton):
            found = _button(widget)
        elif isinstance(widget, QComboBox):
            found = _combo(widget)
        elif isinstance(widget, QHeaderView):
            problems += _header(widget)
        elif isinstance(widget, QAbstractItemView):
            problems += _cells(widget)
        if found:
            problems.append(found)
    return problems
