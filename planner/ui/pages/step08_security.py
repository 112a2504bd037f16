"""Step 8: security measures by role (management / administrators / teleworkers)."""

from __future__ import annotations

from ...domain.model import SecurityItem
from ...domain.text import L10n
from ..i18n import t
from ..table_model import Column
from .base import StepPage
from .choices import MEASURE_STATUS, ROLES


class SecurityPage(StepPage):
    number = 8

    def build_inputs(self) -> None:
        self.measures = self.table(
            L10n("役割ごとのセキュリティ対策", "Security measures by role"),
            ("security",),
            [
                Column("role", L10n("役割", "Role"), "choice", ROLES),
                Column("text", L10n("対策", "Measure")),
                Column("status", L10n("状況", "Status"), "choice", MEASURE_STATUS),
            ],
            new_row=lambda: SecurityItem(
                role="teleworker", text=t("（新しい対策）", "(new measure)")
            ),
            noun=L10n("対策", "measure"),
            wrap=(1,),
        )
        self.measures.view.setMinimumHeight(360)
