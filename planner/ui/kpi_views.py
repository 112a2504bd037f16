"""Step 2's KPIs as numbers (issue 23): the KPI table (unit, which way is good, baseline
with its date, target with its year, the latest value and whether it is reached), the
typical KPIs offered from data (resources/catalog/kpis.toml), and the measured values of
the KPI chosen, with its progress line (``domain/kpis.py``). Every edit is an undoable
operation through the document, as in every table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.fiscal import fiscal_year_of
from ..domain.kpis import format_value, latest, period_label, progress, progress_line, status_text
from ..domain.model import Kpi, Measurement
from ..domain.text import L10n
from .document import PlanDocument
from .fit import fit_columns, narrow_combo
from .i18n import lang, t, tx
from .row_table import RowTable
from .table_model import Column, RowTableModel


class KpiTables(QWidget):
    """The KPI table, the typical KPIs to add, and the measured values of the KPI chosen."""

    def __init__(self, doc: PlanDocument) -> None:
        super().__init__()
        self.doc = doc
        self.kpis = RowTable(
            RowTableModel(
                doc,
                ("kpis",),
                [
                    Column("name", L10n("指標", "Indicator"), wrap=True),
                    Column("unit", L10n("単位", "Unit")),
                    Column("direction", L10n("良い方向", "Better when")),
                    Column("baseline", L10n("現状値", "Baseline")),
                    Column("target", L10n("目標値", "Target")),
                    Column("fiscal_year", L10n("達成年度", "By fiscal year")),
                    Column("baseline_date", L10n("現状値の時点", "Baseline as of")),
                    Column("", L10n("最新の測定値", "Latest"), display=self._latest),
                    Column("", L10n("状況", "Status"), display=self._status, tooltip=self._line),
                    Column("note", L10n("備考", "Note"), wrap=True),
                ],
                new_row=self._new_kpi,
                noun=L10n("指標", "KPI"),
            )
        )
        self.kpis.view.setObjectName("kpiTable")
        fit_columns(self.kpis)
        self.typical = QComboBox()
        self.typical.setObjectName("typicalKpis")
        for k in doc.catalog.typical_kpis:
            self.typical.addItem(tx(k.name), k.id)
            self.typical.setItemData(
                self.typical.count() - 1, tx(k.basis), Qt.ItemDataRole.ToolTipRole
            )
        narrow_combo(self.typical, 24)
        add_typical = QPushButton(t("典型的な指標を追加", "Add typical KPI"))
        add_typical.setObjectName("addTypicalKpi")
        add_typical.clicked.connect(self.add_typical)
        add_typical.setEnabled(not doc.read_only)
        offer = QHBoxLayout()
        typical_label = QLabel(t("典型的な指標:", "Typical KPIs:"))
        typical_label.setBuddy(self.typical)  # its name for screen readers (accessible.py)
        offer.addWidget(typical_label)
        offer.addWidget(self.typical, 1)
        offer.addWidget(add_typical)
        self.measurements = RowTable(
            RowTableModel(
                doc,
                ("kpis", "-", "measurements"),
                [
                    Column("period", L10n("期間の単位", "Period")),
                    Column("fiscal_year", L10n("年度", "Fiscal year")),
                    Column(
                        "part",
                        L10n("月・四半期", "Month / quarter"),
                        tooltip=lambda _r: t(
                            "月の値は1〜12（4月＝4）、四半期は1〜4（第1四半期＝4〜6月）。年度の値では使いません。",
                            "Month 1–12 (April = 4), quarter 1–4 (Q1 = April–June). Not used for a fiscal year's value.",
                        ),
                    ),  # fmt: skip
                    Column(
                        "", L10n("期間", "Period shown"), display=lambda r: period_label(r, lang())
                    ),
                    Column("value", L10n("測定値", "Value")),
                    Column("note", L10n("備考", "Note"), wrap=True),
                ],
                new_row=self._new_measurement,
                noun=L10n("測定値", "measured value"),
            )
        )
        self.measurements.view.setObjectName("measurementTable")
        fit_columns(self.measurements)
        self.progress = QLabel()
        self.progress.setObjectName("kpiProgress")
        self.progress.setTextFormat(Qt.TextFormat.PlainText)  # KPI names are data
        self.progress.setWordWrap(True)
        self.measured_box = QGroupBox()
        inner = QVBoxLayout(self.measured_box)
        inner.addWidget(self.progress)
        inner.addWidget(self.measurements)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kpis)
        layout.addLayout(offer)
        layout.addWidget(self.measured_box)
        self.kpis.view.selectionModel().currentRowChanged.connect(lambda *_: self.show_kpi())
        doc.subscribe(self._after_change)
        self.show_kpi()

    # -- the KPI chosen -----------------------------------------------------------------

    def current_kpi(self) -> Kpi | None:
        row = self.kpis.current_row()
        plan_kpis = self.doc.plan.kpis
        if 0 <= row < len(plan_kpis):
            return plan_kpis[row]
        return plan_kpis[0] if plan_kpis else None

    def show_kpi(self) -> None:
        kpi = self.current_kpi()
        path = ("kpis", kpi.id if kpi else "-", "measurements")
        if self.measurements.model.list_path != path:
            self.measurements.model.list_path = path
            self.measurements.model.refresh()
        self.measurements.add_button.setEnabled(kpi is not None and not self.doc.read_only)
        self._show_progress(kpi)

    def _show_progress(self, kpi: Kpi | None) -> None:
        if kpi is None:
            self.measured_box.setTitle(t("測定値", "Measured values"))
            self.progress.setText(
                t(
                    "指標を追加すると、測定値を記録できます。",
                    "Add a KPI to record its measured values.",
                )
            )
            return
        self.measured_box.setTitle(t(f"測定値 — {kpi.name}", f"Measured values — {kpi.name}"))
        self.progress.setText(progress_line(progress(kpi), self.doc.catalog.words, lang()))

    def _after_change(self, touched: tuple = ()) -> None:
        self.show_kpi()

    # -- rows ---------------------------------------------------------------------------

    def _new_kpi(self) -> Kpi:
        return Kpi(name=t("（指標名）", "(indicator)"), fiscal_year=self.doc.plan.fiscal_years[-1])

    def add_typical(self) -> None:
        found = self.doc.catalog.typical_kpi(self.typical.currentData())
        if found is None:
            return
        kpi = Kpi(name=tx(found.name), unit=found.unit, direction=found.direction,
                  catalog_id=found.id, fiscal_year=self.doc.plan.fiscal_years[-1])  # fmt: skip
        self.kpis.model.add_row(kpi)
        self.kpis.select_source_row(len(self.doc.plan.kpis) - 1)

    def _new_measurement(self) -> Measurement | None:
        """The period after the KPI's last one (a month, a quarter or a year on), else this
        fiscal year's value."""
        kpi = self.current_kpi()
        if kpi is None:
            return None
        if not kpi.measurements:
            from datetime import date

            fy = min(
                max(fiscal_year_of(date.today()), self.doc.plan.fiscal_years[0]),
                self.doc.plan.fiscal_years[-1],
            )
            return Measurement(period="year", fiscal_year=fy, part=0)
        last = kpi.measurements[-1]
        step = {"month": 12, "quarter": 4}.get(last.period)
        if step is None:
            return Measurement(period="year", fiscal_year=last.fiscal_year + 1, part=0)
        # months counted from April (1 = April in the order of a fiscal year)
        order = (last.part - 4) % 12 if step == 12 else last.part - 1
        nxt = order + 1
        fy = last.fiscal_year + nxt // step
        part = (nxt % step + 3) % 12 + 1 if step == 12 else nxt % step + 1
        return Measurement(period=last.period, fiscal_year=fy, part=part, value=last.value)

    # -- computed cells -----------------------------------------------------------------

    def _latest(self, kpi: Kpi) -> str:
        last = latest(kpi)
        if last is None:
            return t("未測定", "not measured")
        value = format_value(last.value, kpi.unit, self.doc.catalog.words, lang())
        return (
            f"{value}（{period_label(last, lang())}）"
            if lang() == "ja"
            else f"{value} ({period_label(last, 'en')})"
        )

    def _status(self, kpi: Kpi) -> str:
        return status_text(progress(kpi), lang())

    def _line(self, kpi: Kpi) -> str:
        return progress_line(progress(kpi), self.doc.catalog.words, lang())
