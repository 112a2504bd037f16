"""Step 8: security measures by role (management / administrators / teleworkers); the plan's
policy for sensitive personal data away from the office, shown here and set in step 5."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from ...domain.model import SecurityItem
from ...domain.sensitive import PERSONAL_DATA_POLICY_LABEL
from ...domain.text import L10n
from ...loading import words
from ..i18n import lang, t, tx
from ..table_model import Column
from .base import StepPage


class SecurityPage(StepPage):
    number = 8

    def build_inputs(self) -> None:
        self.policy = QLabel()
        self.policy.setObjectName("personalDataPolicy")
        self.policy.setWordWrap(True)
        self.policy.setTextFormat(Qt.TextFormat.PlainText)
        self.layout_.addWidget(self.policy)
        self.measures = self.table(
            L10n("役割ごとのセキュリティ対策", "Security measures by role"),
            ("security",),
            [
                Column("role", L10n("役割", "Role")),
                Column("text", L10n("対策", "Measure"), wrap=True),
                Column("status", L10n("状況", "Status")),
            ],
            new_row=lambda: SecurityItem(
                role="teleworker", text=t("（新しい対策）", "(new measure)")
            ),
            noun=L10n("対策", "measure"),
        )
        self.measures.view.setMinimumHeight(360)
        self.doc.subscribe(self.load)
        self.load()

    def load(self) -> None:
        policy = words.label("personal_data_policy", self.doc.plan.personal_data_at_home, lang())
        self.policy.setText(
            t(
                f"{tx(PERSONAL_DATA_POLICY_LABEL)}: {policy}（手順5で設定。要配慮個人情報を扱う業務の適性（手順4）はこの方針で決まります）",
                f"{tx(PERSONAL_DATA_POLICY_LABEL)}: {policy} (set in step 5; it decides the mark of tasks with sensitive personal data in step 4)",
            )
        )
