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
                # issue 21: the union's consultation (地方公務員法55条) and the decision
                Column("union_date", L10n("職員団体との交渉日", "Union consulted on"), "date"),
                Column("decided_when", L10n("議決・決定の時期", "Decided (session or date)")),
            ],
            new_row=lambda: RuleItem(name=t("（新しい規程）", "(new rule)")),
            noun=L10n("規程", "rule"),
        )
