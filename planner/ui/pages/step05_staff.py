"""Step 5: eligible staff and forms per unit (teleworkers validated against staff)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from ...domain.text import L10n
from ..i18n import t
from ..table_model import Column
from .base import StepPage
from .choices import CAP_PERIODS, TIME_UNITS


class StaffPage(StepPage):
    number = 5

    def build_inputs(self) -> None:
        self.total = QLabel()
        self.total.setObjectName("teleworkerTotal")
        self.layout_.addWidget(self.total)
        self.units = self.table(
            L10n("課ごとの対象者と実施形態", "Teleworkers and forms per unit"),
            ("units",),
            [
                Column("name", L10n("課", "Unit"), editable=False),
                Column("staff", L10n("職員数", "Staff"), "int"),
                Column("teleworkers", L10n("実施人数", "Teleworkers"), "int"),
                Column("form.home", L10n("在宅", "Home"), "bool"),
                Column("form.satellite", L10n("サテライト", "Satellite"), "bool"),
                Column("form.mobile", L10n("モバイル", "Mobile"), "bool"),
                Column("form.max_days", L10n("上限日数（0=なし）", "Day cap (0 = none)"), "int"),
                Column("form.cap_period", L10n("上限の単位", "Cap per"), "choice", CAP_PERIODS),
                Column("form.time_unit", L10n("時間単位", "Time unit"), "choice", TIME_UNITS),
                Column(
                    "form.application_days", L10n("申請期限（日前）", "Apply days ahead"), "int"
                ),
            ],
            noun=L10n("課", "unit"),
        )
        self.units.view.setObjectName("staffTable")
        self.doc.changed.connect(self.load)
        self.load()

    def load(self) -> None:
        plan = self.doc.plan
        self.total.setText(
            t(
                f"テレワーク実施人数の合計: {plan.teleworkers()}人（必要な端末: {plan.devices_needed()}台 = 実施人数 − 既存の利用可能端末{plan.existing_devices}台）",
                f"Teleworkers in all: {plan.teleworkers()} (devices needed: {plan.devices_needed()} = teleworkers − {plan.existing_devices} existing)",
            )
        )
