"""Step 6: rules and regulations to prepare, each with status and owner."""

from __future__ import annotations

from ...domain.model import RuleItem
from ...domain.text import L10n
from ..i18n import t
from ..table_model import Column
from .base import StepPage


class RulesPage(StepPage):
    number = 6

    def build_inputs(self) -> None:
        self.rules = self.table(
            L10n("整備する規程・ルール", "Rules to prepare"),
            ("rules",),
            [
                Column("name", L10n("規程・ルール", "Rule"), wrap=True),
                Column("status", L10n("状況", "Status")),
                Column("owner", L10n("担当", "Owner")),
            ],
            new_row=lambda: RuleItem(name=t("（新しい規程）", "(new rule)")),
            noun=L10n("規程", "rule"),
        )
