"""The strip at the bottom: the adopted scenario's figures for one fiscal year, always current."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ..domain.errors import PlannerError
from ..domain.fiscal import fiscal_year_label, fiscal_year_of
from ..domain.money import format_yen
from ..domain.subsidy_text import assumed_rule_words
from .document import PlanDocument
from .i18n import lang, t
from .rule_record_views import year_rule_notes


class CostStrip(QWidget):
    def __init__(self, doc: PlanDocument) -> None:
        super().__init__()
        self.doc = doc
        self.label = QLabel()
        self.label.setObjectName("costStrip")
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # errors quote cost line names
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(self.label, 1)
        doc.subscribe(self.refresh)
        self.refresh()

    def focus_year(self) -> int:
        """This fiscal year if the plan covers it, otherwise the plan's first year."""
        years = self.doc.plan.fiscal_years
        today = fiscal_year_of(date.today())
        return today if today in years else years[0]

    def refresh(self) -> None:
        try:
            est = self.doc.adopted_estimate()
        except PlannerError as err:
            self.label.setText(err.text(lang()))
            return
        fy = self.focus_year()
        year = est.year(fy) if est else None
        if year is None:
            self.label.setText(t("経費はまだ入力されていません。", "No costs entered yet."))
            return
        assumed = ""
        if year.assumed and year.rule is not None:  # the words of step 7's year table
            words = assumed_rule_words(year.rule)
            assumed = t(f"（{words.ja}）", f" ({words.en})")
        other = (
            t(f"   特定財源 {format_yen(year.other_revenue)}",
              f"   Other revenue {format_yen(year.other_revenue, 'en')}")
            if year.other_revenue else ""
        )  # fmt: skip
        switched = t("（運用経費を含む）", " (incl. running costs)") if year.switched else ""
        rule = year_rule_notes(self.doc).get(fy)  # issue 19: the record and this PC differ
        if rule:
            assumed += t(f"　{rule}", f" — {rule}")
        self.label.setText(
            t(
                f"{fiscal_year_label(fy)}  事業費 {format_yen(year.total)}{other}   特別交付税措置見込 {format_yen(year.subsidy)}{switched}"
                f"   実質負担 {format_yen(year.net)}{assumed}   ※措置額は見込みです",
                f"{fiscal_year_label(fy, 'en')}  Cost {format_yen(year.total, 'en')}{other}   Est. subsidy {format_yen(year.subsidy, 'en')}{switched}"
                f"   Net {format_yen(year.net, 'en')}{assumed}   * the subsidy is an estimate",
            )
        )
