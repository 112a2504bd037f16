"""The plan workspace: step list at the side, the current page, totals and Back/Next."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .cost_strip import CostStrip
from .document import PlanDocument
from .i18n import t
from .pages.step01_structure import StructurePage
from .pages.step02_purpose import PurposePage
from .pages.step03_current import CurrentPage
from .pages.step04_tasks import TasksPage
from .pages.step05_staff import StaffPage
from .pages.step06_rules import RulesPage
from .pages.step07_ict import IctPage
from .pages.step08_security import SecurityPage
from .pages.step09_training import TrainingPage
from .pages.step10_rollout import RolloutPage
from .pages.summary import SummaryPage
from .step_list import StepListModel

PAGE_CLASSES = (
    StructurePage, PurposePage, CurrentPage, TasksPage, StaffPage,
    RulesPage, IctPage, SecurityPage, TrainingPage, RolloutPage,
)  # fmt: skip


class Workspace(QWidget):
    def __init__(self, doc: PlanDocument, export_pdf=None) -> None:
        super().__init__()
        self.doc = doc
        self.banner = QLabel()
        self.banner.setObjectName("readOnlyBanner")
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
        self.steps.setMinimumWidth(230)
        self.steps.setSpacing(2)
        self.pages = QStackedWidget()
        self.page_widgets = [cls(doc) for cls in PAGE_CLASSES]
        self.summary = SummaryPage(doc, export_pdf=export_pdf)
        for page in [*self.page_widgets, self.summary]:
            self.pages.addWidget(page)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.steps)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 1100])
        splitter.setChildrenCollapsible(False)
        self.back = QPushButton(t("◀ 戻る", "◀ Back"))
        self.next = QPushButton(t("次へ ▶", "Next ▶"))
        self.back.setObjectName("backButton")
        self.next.setObjectName("nextButton")
        self.back.clicked.connect(lambda: self.go(self.current() - 1))
        self.next.clicked.connect(lambda: self.go(self.current() + 1))
        self.strip = CostStrip(doc)
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
        self.go(0)

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
        self.pages.setCurrentIndex(row)
        self.back.setEnabled(row > 0)
        self.next.setEnabled(row < self.pages.count() - 1)
        if self.pages.currentWidget() is self.summary:
            self.summary.refresh()

    def page(self, number: int):
        return self.page_widgets[number - 1]
