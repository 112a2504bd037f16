"""Read-only cost figures: the per-year table and the scenario comparison.

They show only what planner.domain.costs computed, so screen, PDF and CLI agree.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ..domain.costs import Estimate
from ..domain.fiscal import fiscal_year_label
from ..domain.money import format_yen
from .fonts import figures_font
from .i18n import lang, t


def assumed_note(year) -> str:
    if year.rule is None:
        return t("措置ルールなし", "no rule")
    if year.assumed:
        return t(
            f"{year.rule.fiscal_year}年度ルールを仮定", f"assumes FY{year.rule.fiscal_year} rule"
        )
    return ""


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _cell(text: str, money: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if money:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setFont(figures_font())  # amounts line up in the fixed-width face
    return item


class YearTable(QTableWidget):
    """年度 | 事業費 | うち対象経費 | 特別交付税措置見込額 | 実質負担額 | 備考, with a total row."""

    def __init__(self) -> None:
        super().__init__(0, 6)
        self.setObjectName("yearTable")
        self.setHorizontalHeaderLabels(
            [
                t("年度", "Fiscal year"),
                t("事業費", "Total cost"),
                t("うち対象経費", "Eligible"),
                t("措置見込額", "Est. subsidy"),
                t("実質負担額", "Net burden"),
                t("備考", "Note"),
            ]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)

    def show_estimate(self, est: Estimate | None) -> None:
        years = est.years if est else ()
        self.setRowCount(len(years) + (1 if est else 0))
        for r, y in enumerate(years):
            self._row(r, fiscal_year_label(y.fiscal_year, lang()), y, assumed_note(y))
        if est:
            self._row(len(years), t("合計", "Total"), est.period, "")
        self.setFixedHeight(self.horizontalHeader().height() + 30 * self.rowCount() + 6)

    def _row(self, r: int, label: str, fig, note: str) -> None:
        self.setItem(r, 0, _cell(label))
        for c, amount in enumerate((fig.total, fig.eligible, fig.subsidy, fig.net), start=1):
            self.setItem(r, c, _cell(format_yen(amount, lang()), money=True))
        self.setItem(r, 5, _cell(note))


class ComparisonTable(QTableWidget):
    """One row per scenario: period total, subsidy, net; the adopted one marked."""

    def __init__(self) -> None:
        super().__init__(0, 5)
        self.setObjectName("comparisonTable")
        self.setHorizontalHeaderLabels(
            [t("シナリオ", "Scenario"), t("事業費（期間計）", "Total (period)"), t("措置見込額", "Est. subsidy"),
             t("実質負担額", "Net burden"), t("採用", "Adopted")]
        )  # fmt: skip
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)

    def show_estimates(self, estimates: list[Estimate], adopted_id: str | None) -> None:
        self.setRowCount(len(estimates))
        for r, est in enumerate(estimates):
            self.setItem(r, 0, _cell(est.scenario_name))
            for c, amount in enumerate(
                (est.period.total, est.period.subsidy, est.period.net), start=1
            ):
                self.setItem(r, c, _cell(format_yen(amount, lang()), money=True))
            self.setItem(r, 4, _cell("●" if est.scenario_id == adopted_id else ""))
        self.setFixedHeight(self.horizontalHeader().height() + 30 * max(1, self.rowCount()) + 6)
