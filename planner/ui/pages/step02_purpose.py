"""Step 2: purposes (choose several, add own) and KPIs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPlainTextEdit, QVBoxLayout

from ...domain.operations import SetValue
from ...domain.text import L10n
from ..i18n import t, tx
from ..kpi_views import KpiTables
from ..table_model import Column
from ..text_size import px
from .base import StepPage


class PurposePage(StepPage):
    number = 2

    def build_inputs(self) -> None:
        box = self.section("導入の目的（複数選択可）", "Purposes (choose any)")
        layout = QVBoxLayout(box)
        self.purpose_list = QListWidget()
        self.purpose_list.setObjectName("purposes")
        for option in self.doc.catalog.purposes:
            item = QListWidgetItem(tx(option.text))
            item.setData(Qt.ItemDataRole.UserRole, option.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            self.purpose_list.addItem(item)
        self.purpose_list.setSpacing(2)
        rows = self.purpose_list.count()
        line = max(
            self.purpose_list.sizeHintForRow(0), self.purpose_list.fontMetrics().height() + 6
        )
        self.purpose_list.setFixedHeight(rows * (line + 4) + 12)
        self.purpose_list.itemChanged.connect(self._purposes_changed)
        layout.addWidget(self.purpose_list)
        own_label = self._own_label()
        layout.addWidget(own_label)
        self.own = QPlainTextEdit()
        own_label.setBuddy(self.own)  # its name for screen readers (accessible.py)
        self.own.setObjectName("customPurposes")
        self.own.setFixedHeight(px(70))
        self.own.setTabChangesFocus(True)
        self.own.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        original = self.own.focusOutEvent

        def focus_out(event) -> None:
            original(event)
            self._own_changed()

        self.own.focusOutEvent = focus_out  # type: ignore[method-assign]
        layout.addWidget(self.own)
        box = self.section("目標（KPI）と測定値", "Targets (KPIs) and measured values")
        self.kpi_tables = KpiTables(self.doc)  # issue 23: KPIs as numbers
        self.kpis = self.kpi_tables.kpis
        QVBoxLayout(box).addWidget(self.kpi_tables)
        self._related_plans()
        self.doc.subscribe(self.load)
        self.load()

    def _related_plans(self) -> None:
        """Issue 21: the town's plans this one sits beside (the council summary names them)."""
        form = self.form(self.section("関連する計画（名称）", "Related plans (their names)"))
        for name, ja, en in (("comprehensive", "総合計画", "Comprehensive plan"),
                             ("employer_action", "特定事業主行動計画", "Employer's action plan"),
                             ("dx", "DX推進計画", "DX promotion plan"),
                             ("continuity", "業務継続計画", "Business continuity plan")):  # fmt: skip
            self.add_field(form, ("related_plans",), Column(name, L10n(ja, en)))

    def _own_label(self):
        from PySide6.QtWidgets import QLabel

        return QLabel(t("独自の目的（1行に1つ）", "Own purposes (one per line)"))

    def load(self) -> None:
        chosen = set(self.doc.plan.purposes)
        self.purpose_list.blockSignals(True)
        for i in range(self.purpose_list.count()):
            item = self.purpose_list.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.purpose_list.blockSignals(False)
        text = "\n".join(self.doc.plan.custom_purposes)
        if self.own.toPlainText() != text and not self.own.hasFocus():
            self.own.setPlainText(text)

    def _purposes_changed(self) -> None:
        ids = [
            self.purpose_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.purpose_list.count())
            if self.purpose_list.item(i).checkState() == Qt.CheckState.Checked
        ]
        self.doc.apply(SetValue((), "purposes", ids, L10n("導入目的の選択", "Choose purposes")))

    def _own_changed(self) -> None:
        lines = [x.strip() for x in self.own.toPlainText().splitlines() if x.strip()]
        if lines != self.doc.plan.custom_purposes:
            self.doc.apply(
                SetValue((), "custom_purposes", lines, L10n("独自の目的", "Own purposes"))
            )

    def warnings(self) -> list[str]:
        return [
            t(f"指標「{k.name}」に目標値がありません。", f"KPI '{k.name}' has no target.")
            for k in self.doc.plan.kpis
            if k.target is None
        ]
