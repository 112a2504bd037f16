"""Read-only cost figures: the per-year table and the scenario comparison.

They show only what planner.domain.costs computed, so screen, PDF and CLI agree.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ..domain.costs import Estimate
from ..domain.fiscal import fiscal_year_label
from ..domain.money import format_yen
from ..domain.subsidy_rules import SWITCH_MARK, SWITCH_SIGN, switch_added_note
from ..domain.subsidy_text import assumed_rule_words
from .fonts import figures_font
from .i18n import lang, plain_tip, t, tx
from .table_export import NUMBER_ROLE


def assumed_note(year) -> str:
    if year.rule is None:
        return t("措置ルールなし", "no rule")
    if year.assumed:  # the words of the cost strip too
        return tx(assumed_rule_words(year.rule))
    return t("取り込んだルール", "imported rule") if year.rule.origin != "bundled" else ""


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _cell(text: str, money: bool = False, amount: int | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if amount is not None:  # copied and saved as CSV as a number (table_export.py)
        item.setData(NUMBER_ROLE, amount)
    if money:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setFont(figures_font())  # amounts line up in the fixed-width face
    return item


def _switched_tip(year) -> str:
    lines = [f"{s.name}: {format_yen(s.amount, lang())}" for s in year.switched]
    return tx(SWITCH_MARK) + "\n" + "\n".join(lines)


class YearTable(QTableWidget):
    """年度 | 事業費 | 特定財源 | うち対象経費 | 措置見込額 | 実質負担額 | 対象外の運用経費 | 備考,
    with a total row. Figures the running-cost switch changed carry its mark (※)."""

    HEADERS = (
        ("年度", "Fiscal year"),
        ("事業費", "Total cost"),
        ("特定財源", "Other revenue"),
        ("うち対象経費", "Eligible"),
        ("措置見込額", "Est. subsidy"),
        ("実質負担額", "Net burden"),
        ("対象外の運用経費", "Running costs not counted"),
        ("備考", "Note"),
    )
    NOTE = len(HEADERS) - 1

    def __init__(self) -> None:
        super().__init__(0, len(self.HEADERS))
        self.setObjectName("yearTable")
        self.setHorizontalHeaderLabels([t(ja, en) for ja, en in self.HEADERS])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        # rows follow the wrapped note once the columns have settled (coalesced, after layout)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_rows)
        self.horizontalHeader().sectionResized.connect(self._section_resized)

    def show_estimate(self, est: Estimate | None, rule_notes: Mapping[int, str] | None = None) -> None:
        """``rule_notes``: by fiscal year, which rule the figures use where the plan's record
        and this PC differ (issue 19, ``rule_record_views.year_rule_notes``)."""
        years = est.years if est else ()
        rule_notes = rule_notes or {}
        rows = len(years) + (1 if est else 0)
        self.setRowCount(rows)
        model = self.model()
        # one change signal for the whole table, not one per cell (issue 25: ~80 µs each)
        blocked = model.blockSignals(True)
        try:
            for r, y in enumerate(years):
                notes = [n for n in (assumed_note(y), rule_notes.get(y.fiscal_year, ""),
                                     switched_note(y)) if n]  # fmt: skip
                self._row(r, fiscal_year_label(y.fiscal_year, lang()), y, "、".join(notes) if
                          lang() == "ja" else "; ".join(notes), _switched_tip(y) if y.switched else "")  # fmt: skip
            if est:
                tip = "\n".join(_switched_tip(y) for y in years if y.switched)
                self._row(len(years), t("合計", "Total"), est.period, "", tip)
        finally:
            model.blockSignals(blocked)
        if rows:
            model.dataChanged.emit(model.index(0, 0), model.index(rows - 1, self.NOTE))
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Rows as tall as their (wrapped) note, at least 30px; the table as tall as its rows."""
        fm = QFontMetrics(self.font())
        width = max(1, self.columnWidth(self.NOTE) - 8)
        flags = Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextWrapAnywhere
        for r in range(self.rowCount()):
            item = self.item(r, self.NOTE)
            text = item.text() if item is not None else ""
            need = fm.boundingRect(QRect(0, 0, width, 100000), flags, text).height() if text else 0
            self.setRowHeight(r, max(30, need + 12))  # wrapped lines get air above and below
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        # wider than the page (large text, English headers): room for the sideways scroll
        # bar too, or it covers the total row
        wide = self.horizontalHeader().length() > self.viewport().width()
        bar = self.horizontalScrollBar().sizeHint().height() if wide else 0
        self.setFixedHeight(self.horizontalHeader().height() + rows + bar + 6)

    def _section_resized(self, _section: int, _old: int, _new: int) -> None:
        self._fit_timer.start()  # the note column's width may have changed: it wraps anew

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_timer.start()  # narrower or wider: the scroll bar may come or go

    def _row(self, r: int, label: str, fig, note: str, switched_tip: str) -> None:
        self._put(r, 0, label)
        amounts = (fig.total, fig.other_revenue, fig.eligible, fig.subsidy, fig.net,
                   fig.running_excluded)  # fmt: skip
        for c, amount in enumerate(amounts, start=1):
            text = format_yen(amount, lang())
            if switched_tip and c in (3, 4):  # the eligible base and the subsidy it changed
                self._put(r, c, f"{SWITCH_SIGN}{text}", amount, plain_tip(switched_tip))
            else:
                self._put(r, c, text, amount)
        self._put(r, self.NOTE, note)

    def _put(self, r: int, c: int, text: str, amount: int | None = None, tip: str = "") -> None:
        """Set a cell's text in place (an edit changes a few figures: no new items, issue 25)."""
        item = self.item(r, c)
        if item is None:
            item = _cell(text, money=amount is not None, amount=amount)
            self.setItem(r, c, item)
        else:  # Qt signals a change only where the value differs
            item.setText(text)
            if amount is not None:
                item.setData(NUMBER_ROLE, amount)
                item.setFont(figures_font())  # the text size may have changed since
        if tip or item.toolTip():
            item.setToolTip(tip)


def switched_note(year) -> str:
    return tx(switch_added_note(year.switch_added)) if year.switched else ""


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
                self.setItem(r, c, _cell(format_yen(amount, lang()), money=True, amount=amount))
            self.setItem(r, 4, _cell("●" if est.scenario_id == adopted_id else ""))
        line = max(30, self.verticalHeader().defaultSectionSize())  # follows the text size
        self.setFixedHeight(self.horizontalHeader().height() + line * max(1, self.rowCount()) + 6)
