"""The summary page's tables besides the costs per year (issue 20, 3): the adopted
scenario's cost lines and the selected tasks. Read-only; every figure is the domain's
(``costs``, ``suitability``), as in the PDF; amounts carry their number in yen for a
copy or a CSV (``table_export.NUMBER_ROLE``)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget

from ..domain import costs
from ..domain.catalog import Catalog
from ..domain.errors import PlannerError
from ..domain.fiscal import short_fy_label
from ..domain.model import Plan
from ..domain.money import format_yen
from ..domain.plan_rules import rules_for
from ..domain.suitability import assess_in_plan
from ..loading import words
from .cost_views import _cell
from .fit import WRAP_WIDTH
from .i18n import lang, t

MAX_ROWS_SHOWN = 12  # taller tables scroll inside the page


class _Table(QTableWidget):
    """A read-only table whose rows grow with their wrapped text (as ``YearTable``'s note);
    the ``WIDE`` columns share the width left by the others, which fit their content."""

    HEADERS: tuple[tuple[str, str], ...] = ()
    WIDE: tuple[int, ...] = ()

    def __init__(self, name: str) -> None:
        super().__init__(0, len(self.HEADERS))
        self.setObjectName(name)
        self.setHorizontalHeaderLabels([t(ja, en) for ja, en in self.HEADERS])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in self.WIDE:  # long texts wrap here rather than widen the page
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self._fit_timer = QTimer(self)  # after the columns settle (coalesced)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit)
        self.horizontalHeader().sectionResized.connect(self._section_resized)

    def _section_resized(self, _section: int, _old: int, _new: int) -> None:
        self._fit_timer.start()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_timer.start()

    def _share_width(self) -> None:
        """The width the other columns leave goes to the wide ones, in proportion to their
        text (a reading width at most); each keeps at least its header (or 120px)."""
        header = self.horizontalHeader()
        wide = [c for c in self.WIDE if c < self.columnCount()]
        others = sum(self.columnWidth(c) for c in range(self.columnCount()) if c not in wide)
        free = self.viewport().width() - others - 2
        natural = {c: max(header.sectionSizeHint(c), min(self.sizeHintForColumn(c) + 12, WRAP_WIDTH))
                   for c in wide}  # fmt: skip
        total = max(1, sum(natural.values()))
        for c in wide:
            least = max(header.sectionSizeHint(c), min(natural[c], 120))
            width = max(least, free * natural[c] // total)
            if self.columnWidth(c) != width:
                self.setColumnWidth(c, width)

    def _fit(self) -> None:
        """Each row as tall as its most wrapped cell (30px at least); the table as tall as
        its first rows, the rest scroll inside it."""
        self._share_width()
        fm = QFontMetrics(self.font())
        flags = Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextWrapAnywhere
        for r in range(self.rowCount()):
            need = 0
            for c in range(self.columnCount()):
                item = self.item(r, c)
                if item is not None and item.text():
                    box = QRect(0, 0, max(1, self.columnWidth(c) - 8), 100000)
                    need = max(need, fm.boundingRect(box, flags, item.text()).height())
            self.setRowHeight(r, max(30, need + 12))
        shown = sum(self.rowHeight(r) for r in range(min(self.rowCount(), MAX_ROWS_SHOWN)))
        self.setFixedHeight(self.horizontalHeader().height() + max(shown, 30) + 6)


class CostLineTable(_Table):
    """品目 | 区分 | 予算の節 | 単価 | 数量 | 年度額 | 計上年度 | 措置対象: the adopted scenario."""

    HEADERS = (("品目", "Item"), ("区分", "Category"), ("予算の節", "Budget item"),
               ("単価", "Unit price"), ("数量", "Qty"), ("年度額", "Per year"),
               ("計上年度", "Years"), ("措置対象（根拠）", "Eligible (basis)"))  # fmt: skip
    WIDE = (0, 1, 7)

    def __init__(self) -> None:
        super().__init__("costLineTable")

    def show_lines(self, plan: Plan, catalog: Catalog) -> None:
        scenario = plan.adopted_scenario()
        lines = scenario.lines if scenario else []
        self.setRowCount(len(lines))
        rules = rules_for(plan, catalog.subsidy_rules)  # the plan's record, if it says so
        for r, line in enumerate(lines):
            basis = costs.line_basis(line, plan, rules)
            years = short_fy_label(line.start_fy, lang())
            if line.recurrence != "one_time":
                years += "–" + short_fy_label(line.end_fy, lang())
            try:
                amount = costs.line_amount(line, plan)
                amount_cell = _cell(format_yen(amount, lang()), money=True, amount=amount)
            except PlannerError as e:
                amount_cell = _cell(e.text(lang()))
            cells = [
                _cell(line.name),
                _cell(catalog.category_name(line.category).get(lang())),
                _cell(words.label("budget_item", catalog.budget_item(line), lang())),
                _cell(format_yen(line.unit_price, lang()), money=True, amount=line.unit_price),
                _cell(basis.quantity_text(lang()), money=True, amount=basis.quantity),
                amount_cell,
                _cell(years),
                _cell(basis.eligibility_text(lang())),
            ]
            for c, item in enumerate(cells):
                self.setItem(r, c, item)
        self._fit()


class SelectedTaskTable(_Table):
    """課 | 業務 | 適性 | 主な理由: the tasks picked in step 4, judged under the plan."""

    HEADERS = (("課", "Unit"), ("業務", "Task"), ("適性", "Fit"), ("主な理由", "Main reason"))
    WIDE = (1, 3)

    def __init__(self) -> None:
        super().__init__("selectedTaskTable")

    def show_tasks(self, plan: Plan, catalog: Catalog) -> None:
        picked = plan.selected_tasks()
        self.setRowCount(len(picked))
        for r, (unit, task) in enumerate(picked):
            result = assess_in_plan(plan, task, catalog)
            level = result.level
            mark = f"{level.mark} {words.label('suitability', level.key, lang())}"
            texts = (unit.name, task.name, mark, result.reasons[0].text.get(lang()))
            for c, text in enumerate(texts):
                self.setItem(r, c, _cell(text))
        self._fit()
