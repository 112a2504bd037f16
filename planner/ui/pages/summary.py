"""The summary after step 10: completion, warnings that matter, charts, export."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import PlannerError
from ...domain.kpis import kpi_line
from ...domain.progress import StepState, step_progress
from ...domain.warnings import plan_warnings, warning_line
from ..cost_views import YearTable
from ..document import PlanDocument
from ..help_button import with_help
from ..i18n import lang, t, tx
from ..rule_record_views import RulesBanner, year_rule_notes
from ..step_list import state_icon
from ..summary_tables import CostLineTable, SelectedTaskTable
from ..table_export import TableExport
from ..text_size import px


class ChartLabel(QLabel):
    """The charts scaled to the page's width (never wider than drawn), keeping their shape."""

    def __init__(self) -> None:
        super().__init__()
        self.original: QPixmap | None = None
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def set_charts(self, pixmap: QPixmap) -> None:
        self.original = pixmap
        self.setPixmap(pixmap)  # until the label has a width to scale to
        self._scale()

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return self.original is not None

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        if self.original is None or self.original.width() == 0:
            return super().heightForWidth(width)
        shown = min(width, self.original.width())
        return round(self.original.height() * shown / self.original.width())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._scale()

    def _scale(self) -> None:
        if self.original is None or self.width() <= 0:
            return
        width = min(self.width(), self.original.width())
        if self.pixmap().width() != width:
            self.setPixmap(
                self.original.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            )
            self.setMinimumHeight(self.heightForWidth(self.width()))


class SummaryPage(QScrollArea):
    def __init__(self, doc: PlanDocument, export_pdf=None) -> None:
        super().__init__()
        self.doc = doc
        self.export_pdf = export_pdf
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 16)
        title = QLabel(t("まとめ・出力", "Summary and export"))
        layout.addLayout(with_help(title))  # issue 22: 「?」 opens the manual here
        steps_box = QGroupBox(t("手順ごとの進み具合", "Progress by step"))
        grid = QGridLayout(steps_box)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        self.completion = QLabel()
        self.completion.setObjectName("completion")
        grid.addWidget(self.completion, 0, 0, 1, 3)
        # per step: the side list's drawn state icon, the step, and what is missing
        self.step_rows: list[tuple[QLabel, QLabel, QLabel]] = []
        for i, step in enumerate(doc.catalog.steps, start=1):
            icon, title, detail = QLabel(), QLabel(f"{step.number}  {tx(step.title)}"), QLabel()
            icon.setObjectName(f"stepIcon{step.number}")
            detail.setObjectName(f"stepDetail{step.number}")
            detail.setWordWrap(True)
            grid.addWidget(icon, i, 0)
            grid.addWidget(title, i, 1)
            grid.addWidget(detail, i, 2)
            self.step_rows.append((icon, title, detail))
        grid.setColumnStretch(2, 1)
        layout.addWidget(steps_box)
        warn_box = QGroupBox(t("確認が必要な点", "Points to check"))
        self.warnings = QListWidget()
        self.warnings.setObjectName("warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setSpacing(3)
        self.warnings.setMaximumHeight(px(150))  # more lines at a larger text size
        QVBoxLayout(warn_box).addWidget(self.warnings)
        layout.addWidget(warn_box)
        # issue 23: each KPI's progress, baseline → latest → target (未測定 where unmeasured)
        kpi_box = QGroupBox(t("目標（KPI）の進み具合", "Progress of the KPIs"))
        self.kpis = QLabel()
        self.kpis.setObjectName("kpiProgress")
        self.kpis.setWordWrap(True)
        self.kpis.setTextFormat(Qt.TextFormat.PlainText)  # KPI names are the user's text
        self.kpis.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(kpi_box).addWidget(self.kpis)
        layout.addWidget(kpi_box)
        cost_box = QGroupBox(t("採用シナリオの経費見込み", "Cost estimate of the adopted scenario"))
        self.years = YearTable()
        cost_layout = QVBoxLayout(cost_box)
        self.rules_banner = RulesBanner(doc)  # issue 19: the plan's recorded rules differ
        cost_layout.addWidget(self.rules_banner)
        cost_layout.addWidget(self.years)
        layout.addWidget(cost_box)
        # issue 20: the cost lines and the selected tasks too; each table copies (Ctrl+C,
        # tab-separated for Excel) and saves as CSV from its context menu
        lines_box = QGroupBox(t("採用シナリオの経費の内訳", "Cost lines of the adopted scenario"))
        self.cost_lines = CostLineTable()
        QVBoxLayout(lines_box).addWidget(self.cost_lines)
        layout.addWidget(lines_box)
        tasks_box = QGroupBox(t("対象業務（手順4で選んだ業務）", "Selected tasks (step 4)"))
        self.tasks = SelectedTaskTable()
        QVBoxLayout(tasks_box).addWidget(self.tasks)
        layout.addWidget(tasks_box)
        self.table_exports = [
            TableExport(self.years, t("経費見込み（年度別）", "costs-per-year")),
            TableExport(self.cost_lines, t("経費の内訳", "cost-lines")),
            TableExport(self.tasks, t("対象業務", "selected-tasks")),
        ]
        buttons = QHBoxLayout()
        self.export_button = QPushButton(t("実施計画書（PDF）を出力…", "Export plan (PDF)…"))
        self.export_button.setObjectName("exportPdf")
        self.export_button.clicked.connect(self._export)
        self.open_button = QPushButton(t("出力したPDFを開く", "Open the exported PDF"))
        self.open_button.setObjectName("openPdf")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open_pdf)
        self.last_pdf = None
        self.chart_button = QPushButton(t("グラフを表示", "Show charts"))
        self.chart_button.setObjectName("showCharts")
        self.chart_button.clicked.connect(self.show_charts)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.chart_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.charts = ChartLabel()
        self.charts.setObjectName("charts")
        layout.addWidget(self.charts)
        layout.addStretch(1)
        self.setWidget(body)
        doc.subscribe(self._changed)
        self.refresh()

    def _changed(self) -> None:
        if self.isVisible():  # otherwise the workspace refreshes the page when it is shown
            self.refresh()

    def _export(self) -> None:
        path = self.export_pdf() if self.export_pdf else None
        if path is not None:
            self.last_pdf = path
            self.open_button.setEnabled(True)

    def _open_pdf(self) -> None:
        """Open the PDF in the PC's own viewer (to read or print it)."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        if self.last_pdf is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_pdf)))

    def refresh(self) -> None:
        plan, catalog = self.doc.plan, self.doc.catalog
        progress = [step_progress(plan, s) for s in catalog.steps]
        done = sum(p.state == StepState.DONE for p in progress)
        self.completion.setText(
            t(f"完了した手順: {done} / {len(progress)}", f"Steps done: {done} / {len(progress)}")
        )
        for (icon, title, detail), p in zip(self.step_rows, progress, strict=True):
            icon.setPixmap(state_icon(p.state).pixmap(16, 16))
            icon.setToolTip(tx(p.state.label))
            detail.setText(f"{tx(p.state.label)} — {tx(p.detail())}")
            for label in (title, detail):
                label.setToolTip(tx(p.condition()))
        self.warnings.clear()
        for w in plan_warnings(plan, catalog):
            self.warnings.addItem(warning_line(w, lang()))
        if self.warnings.count() == 0:
            self.warnings.addItem(t("特にありません。", "Nothing to point out."))
        self.kpis.setText(self._kpi_lines())
        try:
            est = self.doc.adopted_estimate()  # shared, computed once per edit
            self.years.show_estimate(est, year_rule_notes(self.doc))
        except PlannerError:
            self.years.show_estimate(None)
        self.cost_lines.show_lines(plan, catalog)
        self.tasks.show_tasks(plan, catalog)

    def _kpi_lines(self) -> str:
        plan, words = self.doc.plan, self.doc.catalog.words
        if not plan.kpis:
            return t("手順2で指標（KPI）が設定されていません。", "No KPIs are set in step 2.")
        return "\n".join(f"・{kpi_line(k, words, lang())}" for k in plan.kpis)

    def show_charts(self) -> None:
        """Draw the charts with the report's own chart code (matplotlib loads only now)."""
        from ...report.preview import chart_images

        images = chart_images(self.doc.plan, lang=lang(), catalog=self.doc.catalog)
        pixmaps = [QPixmap.fromImage(QImage.fromData(png)) for png in images]
        width = max(p.width() for p in pixmaps)
        combined = QPixmap(width, sum(p.height() for p in pixmaps))
        combined.fill(Qt.GlobalColor.white)
        from PySide6.QtGui import QPainter

        painter = QPainter(combined)
        y = 0
        for p in pixmaps:
            painter.drawPixmap(0, y, p)
            y += p.height()
        painter.end()
        self.charts.set_charts(combined)
