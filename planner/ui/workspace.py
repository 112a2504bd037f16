"""The plan workspace: step list at the side, the current page, totals and Back/Next."""

from __future__ import annotations

from importlib import import_module

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .accessible import name_widgets
from .cost_strip import CostStrip
from .document import PlanDocument
from .fonts import figures_font
from .i18n import t
from .mnemonics import label_buttons, letter_of, menu_letters
from .step_list import StepListModel
from .window_state import remember_splitter

SUMMARY = 10  # the row after the ten steps
DOCUMENTS = 11  # 書類の作成, after the summary (issue 21)


PAGES = (
    ("step01_structure", "StructurePage"), ("step02_purpose", "PurposePage"),
    ("step03_current", "CurrentPage"), ("step04_tasks", "TasksPage"), ("step05_staff", "StaffPage"),
    ("step06_rules", "RulesPage"), ("step07_ict", "IctPage"), ("step08_security", "SecurityPage"),
    ("step09_training", "TrainingPage"), ("step10_rollout", "RolloutPage"), ("summary", "SummaryPage"),
    ("documents", "DocumentsPage"),
)  # fmt: skip


def page_class(row: int) -> type:
    """The page class of a row, its module imported when first needed (start-up stays light)."""
    module, name = PAGES[row]
    return getattr(import_module(f"{__package__}.pages.{module}"), name)


def help_topic(row: int) -> str:
    """The manual's section for a row: step01…step10, the summary, the documents (issue 22)."""
    if row < SUMMARY:
        return f"step{row + 1:02d}"
    return "summary" if row == SUMMARY else "summary#documents"


class Workspace(QWidget):
    help_requested = Signal(str)  # a page's 「?」: the manual's section of that page

    def __init__(self, doc: PlanDocument, export_pdf=None, step: int = 0) -> None:
        super().__init__()
        self.doc = doc
        self.banner = QLabel()
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)  # the lock owner's name is data
        self.banner.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 6px;")
        self.banner.setWordWrap(True)
        self.banner.setVisible(doc.read_only)
        if doc.read_only:
            owner = doc.lock_owner or t("他の職員", "someone else")
            self.banner.setText(
                t(
                    f"この計画は {owner} が開いているため、読み取り専用で開いています。保存するには「名前を付けて保存」を使ってください。",
                    f"{owner} has this plan open, so it is open read-only. Use 'Save As' to keep your own copy.",
                )
            )
        self.steps = QListView()
        self.steps.setObjectName("stepList")
        self.step_model = StepListModel(doc)
        self.steps.setModel(self.step_model)
        self.steps.setSpacing(2)
        self.steps.setAccessibleName(t("手順の一覧", "Steps"))
        self.export_pdf = export_pdf
        self.pages = QStackedWidget()
        # each page is built when first shown: opening a plan builds one page, not eleven
        self._built: dict[int, QWidget] = {}
        for _row in range(len(PAGES)):
            self.pages.addWidget(QWidget())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.steps)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        # the list as wide as its longest step title (English titles are long)
        frame = 2 * self.steps.frameWidth() + 2 * self.steps.spacing() + 8
        list_width = max(230, self.steps.sizeHintForColumn(0) + frame)
        self.steps.setMinimumWidth(list_width)
        splitter.setSizes([list_width, 1100])
        splitter.setChildrenCollapsible(False)
        splitter.setObjectName("workspaceSplitter")
        remember_splitter(splitter, "workspace")
        self.splitter = splitter
        self.back = QPushButton(t("◀ 戻る", "◀ Back"))
        self.next = QPushButton(t("次へ ▶", "Next ▶"))
        self.back.setObjectName("backButton")
        self.next.setObjectName("nextButton")
        self.back.clicked.connect(lambda: self.go(self.current() - 1))
        self.next.clicked.connect(lambda: self.go(self.current() + 1))
        self.back.setToolTip(t("前の手順へ（Alt+←）", "Previous step (Alt+Left)"))
        self.next.setToolTip(t("次の手順へ（Alt+→）", "Next step (Alt+Right)"))
        label_buttons(self.back)  # 「戻る(&B)」「次へ(&N)」 (issue 22)
        label_buttons(self.next, {letter_of(self.back.text()) or ""})
        self.strip = CostStrip(doc)
        self.strip.label.setFont(figures_font())  # the year's figures in the fixed-width face
        self.strip.label.setWordWrap(True)  # on a narrow window the note goes to a second line
        bottom = QHBoxLayout()
        bottom.addWidget(self.strip, 1)
        bottom.addWidget(self.back)
        bottom.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.steps.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._show(cur.row())
        )
        self.go(step)
        name_widgets(self)  # screen readers (issue 22): the list, Back/Next, the shown page

    def current(self) -> int:
        return self.pages.currentIndex()

    def go(self, row: int) -> None:
        row = max(0, min(row, self.pages.count() - 1))
        self.steps.selectionModel().setCurrentIndex(
            self.step_model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self._show(row)

    def _show(self, row: int) -> None:
        if row < 0:
            return
        page = self._page_at(row)
        self.pages.setCurrentIndex(row)
        self.back.setEnabled(row > 0)
        self.next.setEnabled(row < self.pages.count() - 1)
        if row == SUMMARY:
            page.refresh()
        name_widgets(page)  # widgets a page made since it was last shown get their names too

    def _page_at(self, row: int) -> QWidget:
        if row not in self._built:
            cls = page_class(row)
            page = cls(self.doc, export_pdf=self.export_pdf) if row == SUMMARY else cls(self.doc)
            placeholder = self.pages.widget(row)
            self.pages.insertWidget(row, page)
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
            self._built[row] = page
            bottom = {letter_of(b.text()) for b in (self.back, self.next)}
            label_buttons(page, menu_letters(self) | {x for x in bottom if x})
            for button in page.findChildren(QToolButton, "helpButton"):
                button.clicked.connect(self._help_clicked)
        return self._built[row]

    def help_topic(self) -> str:
        return help_topic(self.current())

    def _help_clicked(self) -> None:
        self.help_requested.emit(self.help_topic())

    def page(self, number: int):
        """Step page 1–10 (built now if it has not been shown yet)."""
        return self._page_at(number - 1)

    @property
    def summary(self):
        return self._page_at(SUMMARY)

    @property
    def documents(self):
        return self._page_at(DOCUMENTS)
