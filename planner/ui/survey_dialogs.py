"""The task survey's two dialogs (issue 20): what to export, and what the replies change.

The preview shows the lines the CLI prints (``domain/survey_text.py``) as a tree: a unit
per reply, its tasks added, changed (with old → new) and removed with their new marks,
the unit's numbers, and every cell that could not be taken. Nothing changes the plan
here: the caller applies ``Preview.operation`` as one undoable step.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.model import Plan
from ..domain.survey import Preview, UnitReply
from ..domain.survey_text import (
    NO_CHANGES,
    NOT_TAKEN,
    SECTIONS,
    change_lines,
    count_text,
    status_line,
    task_line,
    unit_change_line,
    unit_heading,
)
from ..office.survey_layout import REPLY_DAYS
from .i18n import lang, t, tx

PROBLEM = QColor("#a61b1b")  # a cell not taken, a reply held back


@dataclass(frozen=True)
class ExportChoice:
    units: list[str]
    one_workbook: bool
    reply_by: date


class SurveyExportDialog(QDialog):
    """Which units, one file each or one workbook, and the reply-by date."""

    def __init__(self, plan: Plan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("調査票（Excel）の書き出し", "Export the task survey (Excel)"))
        layout = QVBoxLayout(self)
        intro = QLabel(t("課ごとに業務の洗い出し調査票を書き出します。各課に送って記入してもらい、"
                         "返ってきたファイルを「調査票の回答を読み込む」で取り込みます。",
                         "Writes a task survey for each unit. Send it to the unit; import the "
                         "filled-in file with \u201cImport survey replies\u201d."))  # fmt: skip
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.units = QListWidget()
        self.units.setObjectName("surveyUnits")
        for unit in plan.units:
            item = QListWidgetItem(unit.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.units.addItem(item)
        self.units.itemChanged.connect(self._update)
        form = QFormLayout()
        form.addRow(t("送る課:", "Units:"), self.units)
        self.per_unit = QRadioButton(t("課ごとに別のファイル（総務課.xlsx など）",
                                       "A file per unit (e.g. General Affairs.xlsx)"))  # fmt: skip
        self.per_unit.setObjectName("perUnit")
        self.per_unit.setChecked(True)
        self.one_book = QRadioButton(
            t("1つのファイルに課ごとのシート", "One file, a sheet per unit")
        )
        self.one_book.setObjectName("oneWorkbook")
        form.addRow(t("ファイル:", "Files:"), self.per_unit)
        form.addRow("", self.one_book)
        self.reply_by = QDateEdit(QDate.currentDate().addDays(REPLY_DAYS))
        self.reply_by.setObjectName("replyBy")
        self.reply_by.setCalendarPopup(True)
        self.reply_by.setDisplayFormat("yyyy/MM/dd")
        form.addRow(t("回答期限:", "Reply by:"), self.reply_by)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(t("保存先を選んで書き出す…", "Choose a folder and export…"))
        self.ok.setObjectName("exportSurvey")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(520, 460)

    def _checked(self) -> list[str]:
        items = (self.units.item(i) for i in range(self.units.count()))
        return [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]

    def _update(self) -> None:
        self.ok.setEnabled(bool(self._checked()))

    def choice(self) -> ExportChoice:
        day = self.reply_by.date()
        return ExportChoice(self._checked(), self.one_book.isChecked(),
                            date(day.year(), day.month(), day.day()))  # fmt: skip


class _Wrapping(QStyledItemDelegate):
    """Rows as tall as their wrapped text (QTreeView does not measure wrapped rows itself)."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:  # noqa: N802
        tree = self.parent()
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = max(50, tree.viewport().width() - tree.indentation() * (depth + 1) - 8)
        flags = Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextWrapAnywhere
        text = str(index.data() or "")
        need = option.fontMetrics.boundingRect(QRect(0, 0, width, 100000), flags, text).height()
        base = super().sizeHint(option, index)
        return QSize(base.width(), max(base.height(), need + 4))


class SurveyPreviewDialog(QDialog):
    """What the replies would change, unit by unit; 「取り込む」 accepts."""

    def __init__(self, preview: Preview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("調査票の回答の取り込み", "Import survey replies"))
        layout = QVBoxLayout(self)
        n = len(preview.units)
        intro = QLabel(t(f"{n}つの課の回答を読み込みました。内容を確かめて「取り込む」を押してください。"
                         "取り込んだ後も、元に戻す（Ctrl+Z）でまとめて取り消せます。",
                         f"Read the replies of {n} unit(s). Check what they change, then press "
                         "Import. Undo (Ctrl+Z) takes the whole import back."))  # fmt: skip
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tree = QTreeWidget()
        self.tree.setObjectName("surveyPreview")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)  # a message with its allowed words runs long: it wraps
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegate(_Wrapping(self.tree))
        for u in preview.units:
            self._unit(u)
        if preview.failures:
            top = self._item(None, t(f"読み込めなかったファイル {len(preview.failures)}件",
                                     f"Files not read: {len(preview.failures)}"), PROBLEM)  # fmt: skip
            for m in preview.failures:
                self._item(top, m.line(lang()), PROBLEM)
        self.tree.expandAll()
        layout.addWidget(self.tree, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button.setText(t("取り込む", "Import"))
        self.apply_button.setObjectName("applyReplies")
        self.apply_button.setEnabled(
            any(u.refused is None and u.has_changes for u in preview.units)
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(900, 620)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.tree.doItemsLayout()  # the wrapped rows follow the new width

    def _item(self, parent: QTreeWidgetItem | None, text: str, color: QColor | None = None):  # noqa: ANN202
        item = QTreeWidgetItem([text])
        item.setToolTip(0, text)
        if color is not None:
            item.setForeground(0, QBrush(color))
        if parent is None:
            self.tree.addTopLevelItem(item)
        else:
            parent.addChild(item)
        return item

    def _unit(self, u: UnitReply) -> None:
        top = self._item(None, unit_heading(u, lang()).removeprefix("■ "))
        font = top.font(0)
        font.setBold(True)
        top.setFont(0, font)
        status = status_line(u, lang())
        if status:
            self._item(top, status, PROBLEM)
        for name, sign, label in SECTIONS:
            changes = getattr(u, name)
            if not changes:
                continue
            section = self._item(top, count_text(label, len(changes), lang()))
            for c in changes:
                item = self._item(section, task_line(sign, c, lang()))
                for line in change_lines(c, lang()):
                    self._item(item, line)
        for change, _value in u.unit_changes.values():
            self._item(top, unit_change_line(change, lang()))
        if u.refused is None and not u.has_changes:
            self._item(top, tx(NO_CHANGES))
        if u.messages:
            section = self._item(top, count_text(NOT_TAKEN, len(u.messages), lang()), PROBLEM)
            for m in u.messages:
                self._item(section, m.line(lang()), PROBLEM)
