"""Step 7's table of cost lines: its columns, each declared once, and what they show."""

from __future__ import annotations

from ...domain.costs import eligible_categories, lease_months, line_amount, line_basis
from ...domain.errors import PlannerError
from ...domain.fiscal import lease_last_month, month_label, short_fy_label, year_month_label
from ...domain.model import CostLine
from ...domain.money import format_yen
from ...domain.text import L10n
from ..document import PlanDocument
from ..i18n import lang, t
from ..row_table import RowTable
from ..table_model import Column, RowTableModel
from .choices import ELIGIBILITY, ELIGIBILITY_VALUES

REVENUE_TIP = L10n(
    "国庫補助金・県補助金など、この経費に充てる特定財源の額（期間の合計）。最初の年度から順に充て、その年度の実質負担額から差し引き、その年度に措置の対象となる経費なら対象経費からも差し引きます（事業費はそのまま）。",
    "Earmarked revenue (a national grant, a prefectural subsidy) paying for this line, over its whole period. It is applied from the first year on and taken off that year's net burden, and off the eligible base where the line counts that year (the total cost stays).",
)


class CostLineTable:
    """The lines of the scenario shown (``("scenarios", "-", "lines")``), with the columns
    that say how each line counts: quantity, subsidy basis, the year's amount."""

    def __init__(self, doc: PlanDocument) -> None:
        self.doc = doc
        self.table = RowTable(
            RowTableModel(
                doc,
                ("scenarios", "-", "lines"),
                [
                    Column("name", L10n("経費項目", "Cost item")),
                    Column(
                        "category",
                        L10n("区分", "Category"),
                        "choice",
                        tuple((c.id, c.name) for c in doc.catalog.cost_categories),
                        choice_note=self._category_note,
                    ),
                    Column(
                        "budget_item",
                        L10n("予算の節", "Budget item"),
                        tooltip=self._budget_item_tip,
                    ),
                    Column("unit_price", L10n("単価", "Unit price")),
                    Column("quantity", L10n("数量", "Quantity")),
                    Column("quantity_basis", L10n("数量の基準", "Per")),
                    Column("recurrence", L10n("発生", "Recurs")),
                    Column("start_fy", L10n("開始年度", "From FY")),
                    Column(
                        "end_fy",
                        L10n("終了年度", "To FY"),
                        tooltip=lambda ln: self._lease_tip(ln) if ln.recurrence == "lease" else "",
                    ),
                    Column(
                        "lease_start_month",
                        L10n("リース開始月", "Lease from (month)"),
                        tooltip=self._lease_tip,
                    ),  # issue 20  # fmt: skip
                    Column(
                        "lease_months", L10n("リース月数", "Lease months"), tooltip=self._lease_tip
                    ),  # issue 20  # fmt: skip
                    Column("contract", L10n("複数年度の契約", "Multi-year contract")),  # issue 20
                    Column(
                        "other_revenue",
                        L10n("特定財源（期間計）", "Other revenue (period)"),
                        tooltip=lambda _line: REVENUE_TIP.get(lang()),
                    ),
                    Column(
                        "eligible_override",
                        L10n("措置対象", "Eligible"),
                        "choice",
                        ELIGIBILITY,
                        values=ELIGIBILITY_VALUES,
                    ),
                    Column("override_reason", L10n("変更の理由", "Reason for override")),
                    Column("", L10n("計上数量", "Counted"), display=self._line_quantity),
                    Column("", L10n("措置の判定", "Subsidy basis"), display=self._line_eligibility),
                    Column("", L10n("年額", "Per year"), display=self._line_amount),
                ],
                new_row=self._new_line,
                noun=L10n("経費", "cost line"),
            )
        )

    def _new_line(self) -> CostLine:
        first = self.doc.plan.fiscal_years[0]
        return CostLine(
            name=t("（経費項目）", "(cost item)"),
            category="ict_equipment",
            unit_price=0,
            start_fy=first,
            end_fy=first,
        )

    def _category_note(self, category: str) -> str:
        """The picker marks the categories the rule makes eligible (for the plan's first year)."""
        if category in eligible_categories(self.doc.plan.fiscal_years[0], self.doc.rules()):
            return t("【措置対象】", " [eligible]")
        return ""

    def _budget_item_tip(self, line: CostLine) -> str:
        """Which budget item the line goes under: said for "from the category" too."""
        catalog = self.doc.catalog
        item = catalog.words.label("budget_item", catalog.budget_item(line), lang())
        if line.budget_item is None:
            return t(f"区分から自動: {item}", f"From the category: {item}")
        return item

    def _line_quantity(self, line: CostLine) -> str:
        return line_basis(line, self.doc.plan, self.doc.rules()).quantity_text(lang())

    def _line_eligibility(self, line: CostLine) -> str:
        basis = line_basis(line, self.doc.plan, self.doc.rules())
        return basis.eligibility_text(lang())

    def _line_amount(self, line: CostLine) -> str:
        """A year's amount; a lease's month's and its whole (issue 20)."""
        try:
            amount = line_amount(line, self.doc.plan)
        except PlannerError:
            return "—"
        if line.recurrence != "lease":
            return format_yen(amount, lang())
        whole = format_yen(amount * line.lease_months, lang())
        return t(f"月額{format_yen(amount)}（計{whole}）",
                 f"{format_yen(amount, 'en')} a month ({whole} in all)")  # fmt: skip

    def _lease_tip(self, line: CostLine) -> str:
        """A lease's months and their fiscal years: its end year is not the line's end year."""
        if line.recurrence != "lease":
            return t("リースの行のみ使います。", "Used by lease lines only.")
        months = lease_months(line)
        start = month_label(line.start_fy, line.lease_start_month, lang())
        end = year_month_label(*lease_last_month(line.start_fy, line.lease_start_month,
                                                 line.lease_months), lang())  # fmt: skip
        per = t("、", ", ").join(t(f"{short_fy_label(fy)} {n}か月", f"{short_fy_label(fy, 'en')}: {n}")
                                 for fy, n in months.items())  # fmt: skip
        return t(f"リース期間: {start}〜{end}（{per}）。終了年度の欄は使いません。",
                 f"Lease: {start} – {end} ({per} months). The end year column is not used.")  # fmt: skip
