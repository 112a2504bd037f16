"""Issue 23: the summary page shows each KPI's progress as a line (baseline → latest →
target, 未測定 where nothing is measured), follows an edit of step 2's measured values,
and draws the KPI chart beside the cost chart and the schedule."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from planner.domain.builders import new_plan
from planner.domain.model import Measurement
from planner.domain.operations import InsertRow
from planner.report.content import ProgressChart
from planner.report.preview import chart_figures
from tests.test_issue20_tables import summary
from tests.ui_helpers import create_plan


def test_the_summary_page_lists_every_kpis_progress_and_follows_an_edit(window, qtbot):
    doc, page = summary(window, qtbot)
    lines = page.kpis.text().splitlines()
    assert [line.split(": ")[0] for line in lines] == [f"・{k.name}" for k in doc.plan.kpis]
    days = next(line for line in lines if line.startswith("・テレワーク実施延べ日数（年間）"))
    assert "→ 最新 未測定 →" in days  # 現状 64日 → 最新 未測定 → 目標 2,400日
    kpi = next(k for k in doc.plan.kpis if k.name == "テレワーク実施延べ日数（年間）")
    path = ("kpis", kpi.id, "measurements")
    assert doc.apply(InsertRow(path, 0, Measurement("year", 2025, 0, Decimal("120")))) is None
    days = next(
        ln for ln in page.kpis.text().splitlines() if ln.startswith("・テレワーク実施延べ日数")
    )
    assert days.endswith("→ 最新 120日（令和7年度） → 目標 2,400日（令和9年度）：未達成（進捗2%）")
    doc.undo_stack.undo()
    assert "→ 最新 未測定 →" in page.kpis.text()


def test_the_kpi_chart_is_drawn_with_the_others_and_left_out_without_kpis(window, qtbot, catalog):
    doc, page = summary(window, qtbot)
    charts = [f.chart for f in chart_figures(doc.plan, catalog=catalog)]
    kpi_chart = next(c for c in charts if isinstance(c, ProgressChart))
    assert [r.label for r in kpi_chart.rows] == [k.name for k in doc.plan.kpis]
    qtbot.mouseClick(page.chart_button, Qt.MouseButton.LeftButton)
    with_kpis = page.charts.original.height()
    plan = new_plan(doc.plan.municipality, catalog)
    assert not any(isinstance(f.chart, ProgressChart) for f in chart_figures(plan, catalog=catalog))
    assert with_kpis > 0


def test_a_new_plan_says_it_has_no_kpis_yet(window, qtbot):
    create_plan(window, qtbot)
    window.workspace.go(10)
    page = window.workspace.pages.currentWidget()
    qtbot.waitUntil(page.isVisible)
    assert page.kpis.text() == "手順2で指標（KPI）が設定されていません。"
