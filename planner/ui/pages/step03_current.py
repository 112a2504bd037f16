"""Step 3: current state — staff per unit, devices, network layers and model, rules, notes."""

from __future__ import annotations

from ...domain.model import Unit
from ...domain.network_model import MODEL_SOURCE, is_beta
from ...domain.text import L10n
from ...domain.unit_rules import free_name
from ...loading import words
from ..fields import BoundCheckBoxes
from ..i18n import t, tx
from ..notes import wrapped
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
        self.network_model = self.add_field(
            form,
            (),
            Column(
                "network_model",
                L10n("ネットワークのモデル（α/α′/β/β′）", "Network model (α/α′/β/β′)"),
                "choice",
                words.choices("network_model"),
            ),
        )
        self.model_note = wrapped(name="networkModelNote")
        self.model_note.setToolTip(tx(MODEL_SOURCE))
        form.addRow("", self.model_note)
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
                Column("staff", L10n("職員数（人）", "Staff")),
            ],
            new_row=lambda: Unit(
                name=free_name(self.doc.plan.units, t("（新しい課）", "(new unit)"))
            ),
            noun=L10n("課", "unit"),
        )
        self.doc.subscribe(self.load)
        self.load()

    def load(self) -> None:
        """Say what the chosen model changes: where document work sits (step 4's marks)."""
        model = self.doc.plan.network_model
        if model == "beta_prime":  # β′ moves the business systems too (issue 18)
            text = t(
                "β′モデル：文書・メール等の業務と財務会計・人事給与等の業務システムはインターネット接続系にあるものとして、手順4の適性を判定します（基幹系はマイナンバー利用事務系のまま）。",
                "β′ model: document and mail work and the business systems (accounting, payroll) are judged in step 4 as sitting on the internet-connected side (core systems stay on the My Number side).",
            )
        elif is_beta(model):
            text = t(
                "βモデル：文書・メール等の業務はインターネット接続系にあるものとして、手順4の適性を判定します（内部事務システムはLGWAN接続系、基幹系はマイナンバー利用事務系のまま。β′モデルでは内部事務システムもインターネット接続系）。",
                "β model: document and mail work is judged in step 4 as sitting on the internet-connected side (internal business systems stay on the LGWAN side, core systems on the My Number side; under β′ the business systems move too).",
            )
        else:
            text = t(
                "α/α′モデル：文書・メール等の業務はLGWAN接続系にあるものとして、手順4の適性を判定します（β/β′モデルではインターネット接続系）。",
                "α/α′ model: document and mail work is judged in step 4 as sitting on the LGWAN-connected side (on the internet side in the β/β′ models).",
            )
        self.model_note.setText(text)
