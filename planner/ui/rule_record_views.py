"""The rules a plan recorded, on screen (issue 19, item 6): beside each year's figures, which
rule they use when the plan's record and this PC differ (step 7's and the summary page's
year table, the cost strip), and a banner naming both rules with the one click that
computes with the other (an edit of ``Plan.subsidy_rules_from``: undoable, saved).

The words are the domain's (``domain/rules_text.py``), as in the PDF and the CLI.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy

from ..domain.operations import SetValue
from ..domain.rules_text import USE_LOCAL, USE_RECORDED, banner_text, difference_cell, source_word
from ..domain.text import L10n
from .document import PlanDocument
from .i18n import tx
from .notes import WARNING_STYLE


def year_rule_notes(doc: PlanDocument) -> dict[int, str]:
    """By fiscal year, what to say beside its figures about the rule they use: where the
    record and this PC differ, which of them; a year computed with the record, so."""
    rules = doc.rules()
    out = {d.fiscal_year: tx(difference_cell(d)) for d in doc.rule_differences()}
    for fy in rules.recorded:
        if rules.from_plan(fy) and fy not in out:
            out[fy] = tx(source_word(True, doc.catalog.words))
    return out


class RulesBanner(QFrame):
    """Shown while the plan's recorded rules and this PC's differ for a year of its estimate:
    both rules named, and a button to compute with the other ones."""

    def __init__(self, doc: PlanDocument) -> None:
        super().__init__()
        self.doc = doc
        self.setObjectName("rulesBanner")
        self.setStyleSheet(WARNING_STYLE)
        self.text = QLabel()
        self.text.setObjectName("rulesBannerText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # a recorded rule's texts are data
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.button = QPushButton()
        self.button.setObjectName("switchRules")
        self.button.setEnabled(not doc.read_only)
        self.button.clicked.connect(self._switch)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        doc.subscribe(self.load)
        self.load()

    def load(self) -> None:
        differences = self.doc.rule_differences()
        self.setVisible(bool(differences))
        if not differences:
            return
        self.text.setText(tx(banner_text(differences, self.doc.catalog.words)))
        on_plan = self.doc.plan.subsidy_rules_from == "plan"
        self.button.setText(tx(USE_LOCAL if on_plan else USE_RECORDED))

    def _switch(self) -> None:
        to = "local" if self.doc.plan.subsidy_rules_from == "plan" else "plan"
        label = USE_RECORDED if to == "plan" else USE_LOCAL
        self.doc.apply(SetValue((), "subsidy_rules_from", to, L10n(label.ja, label.en)))
