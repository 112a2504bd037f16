"""Step 3: current state — staff per unit, devices, network layers, rules, notes."""

from __future__ import annotations

from ...domain.model import Unit
from ...domain.text import L10n
from ...domain.unit_rules import free_name
from ..fields import BoundCheckBoxes
from ..i18n import t
from ..table_model import Column
from .base import StepPage
from .choices import NETWORK_LAYERS


class CurrentPage(StepPage):
    number = 3

    def build_inputs(self) -> None:
        form = self.form(self.section("職員・端末・ネットワーク", "Staff, devices and network"))
        self.add_field(
            form,
            (),
            Column(
                "existing_devices",
                L10n("既存の利用可能端末数（台）", "Existing usable devices"),
                "int",
            ),
        )
        layers = BoundCheckBoxes(
            self.doc, "network_layers", NETWORK_LAYERS, L10n("ネットワーク", "Network layers")
        )
        form.addRow(t("利用中のネットワーク（三層分離）", "Network layers in use"), layers)
        self.add_field(
            form,
            (),
            Column("existing_rules", L10n("既存の規程・制度", "Existing rules")),
            multiline=True,
        )
        self.add_field(
            form,
            (),
            Column(
                "current_notes",
                L10n("現状のメモ（職員の意向、紙の多い業務など）", "Notes (staff needs, paper, …)"),
            ),
            multiline=True,
        )
        self.units = self.table(
            L10n("課ごとの職員数", "Staff per unit"),
            ("units",),
            [
                Column("name", L10n("課", "Unit")),
                Column("staff", L10n("職員数（人）", "Staff"), "int"),
            ],
            new_row=lambda: Unit(
                name=free_name(self.doc.plan.units, t("（新しい課）", "(new unit)"))
            ),
            noun=L10n("課", "unit"),
        )
