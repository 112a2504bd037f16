"""Step 1: promotion structure — leader, team members, meeting plan."""

from __future__ import annotations

from ...domain.model import Member
from ...domain.text import L10n
from ..i18n import t
from ..table_model import Column
from .base import StepPage


class StructurePage(StepPage):
    number = 1

    def build_inputs(self) -> None:
        form = self.form(self.section("推進体制", "Promotion structure"))
        self.add_field(form, (), Column("leader", L10n("推進責任者", "Leader")))
        self.add_field(
            form, (), Column("meeting_plan", L10n("会議の計画", "Meeting plan")), multiline=True
        )
        self.members = self.table(
            L10n("推進チームのメンバー", "Team members"),
            ("members",),
            [
                Column("name", L10n("氏名", "Name")),
                Column("role", L10n("役割", "Role")),
                Column("department", L10n("所属", "Department")),
            ],
            new_row=lambda: Member(name=t("（氏名）", "(name)")),
            noun=L10n("メンバー", "member"),
        )

    def warnings(self) -> list[str]:
        return (
            []
            if self.doc.plan.leader.strip()
            else [t("推進責任者が未記入です。", "No leader entered.")]
        )
