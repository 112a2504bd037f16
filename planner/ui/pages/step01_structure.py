"""Step 1: promotion structure — leader, team members, meeting plan."""

from __future__ import annotations

from ...domain.model import Member
from ...domain.text import L10n
from ...domain.validation import PREFECTURES
from ..i18n import t
from ..table_model import Column
from .base import StepPage


class StructurePage(StepPage):
    number = 1

    def build_inputs(self) -> None:
        basics = self.form(self.section("計画の基本情報", "About this plan"))
        mu = ("municipality",)
        prefectures = tuple((p, L10n(p, p)) for p in PREFECTURES)
        self.add_field(basics, mu, Column("name", L10n("団体名", "Municipality")))
        self.add_field(
            basics, mu, Column("prefecture", L10n("都道府県", "Prefecture"), "choice", prefectures)
        )
        self.add_field(
            basics,
            mu,
            Column("general_staff", L10n("一般行政職員数", "General administrative staff")),
        )
        self.add_field(basics, mu, Column("all_staff", L10n("全職員数", "All staff")))
        self.add_field(
            basics,
            mu,
            Column(
                "fiscal_year",
                L10n("計画の初年度（例: 令和7年度、2025）", "First fiscal year (e.g. 2025)"),
                "fy",
            ),
        )
        self.add_field(
            basics, (), Column("plan_years", L10n("計画期間（年）", "Plan period (years)"), "int")
        )
        self.add_field(basics, mu, Column("author", L10n("作成者", "Author")))
        self.add_field(basics, mu, Column("department", L10n("担当部署", "Department")))
        # issue 18: the plan's own date, printed on the cover (a new plan: the day it was made)
        self.add_field(
            basics,
            (),
            Column("document_date", L10n("作成日（表紙の日付）", "Date of the plan (cover)")),
        )
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
