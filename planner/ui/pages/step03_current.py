"""Step 3: current state — staff per unit, devices, network layers, rules, notes."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from ...domain.model import Unit
from ...domain.operations import SetValue
from ...domain.text import L10n
from ..i18n import t, tx
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
        layers = QWidget()
        row = QHBoxLayout(layers)
        row.setContentsMargins(0, 0, 0, 0)
        self.layer_boxes: dict[str, QCheckBox] = {}
        for key, label in NETWORK_LAYERS:
            box = QCheckBox(tx(label))
            box.setObjectName(f"layer_{key}")
            box.toggled.connect(self._layers_changed)
            self.layer_boxes[key] = box
            row.addWidget(box)
        row.addStretch(1)
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
            new_row=lambda: Unit(name=t("（新しい課）", "(new unit)")),
            noun=L10n("課", "unit"),
        )
        self.doc.changed.connect(self.load)
        self.load()

    def load(self) -> None:
        for key, box in self.layer_boxes.items():
            box.blockSignals(True)
            box.setChecked(key in self.doc.plan.network_layers)
            box.setEnabled(not self.doc.read_only)
            box.blockSignals(False)

    def _layers_changed(self) -> None:
        chosen = [k for k, _label in NETWORK_LAYERS if self.layer_boxes[k].isChecked()]
        self.doc.apply(
            SetValue(
                (), "network_layers", chosen, L10n("ネットワークの変更", "Change network layers")
            )
        )
