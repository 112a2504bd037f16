"""Step 5: eligible staff and forms per unit (teleworkers validated against staff); the
telework allowance's staff and the policy for sensitive personal data away from the office."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from ...domain.costs import line_amount
from ...domain.errors import PlannerError
from ...domain.money import format_yen
from ...domain.sensitive import PERSONAL_DATA_POLICY_LABEL
from ...domain.text import L10n
from ...loading import words
from ..i18n import lang, t, tx
from ..notes import wrapped
from ..table_model import Column
from .base import StepPage
from .unit_removal import confirm_unit_removal

BASIS = "home_allowance_staff"  # the quantity basis of a line counted per allowance staff
ALLOWANCE_NOTE = L10n(
    "在宅勤務等手当は、国家公務員の例（令和5年人事院勧告、令和6年4月1日施行）では月額3,000円です。"
    "1か月に10日を超えて継続的に在宅勤務等を命じられる職員が対象で、通勤手当は調整されます。"
    "町村では給与条例の改正（議会の議決）で創設します。この人数が手順7の経費「在宅勤務等手当」の数量になります。",
    "The national telework allowance (在宅勤務等手当: 2023 NPA recommendation, in force 2024-04-01) is "
    "¥3,000 a month, for staff ordered to work from home more than 10 days a month on a continuing "
    "basis; the commuting allowance is adjusted. A town creates it by amending its salary ordinance "
    "(給与条例, a council bill). This number is the quantity of the 'telework allowance' cost line in step 7.",
)
POLICY_NOTE = L10n(
    "この方針で、要配慮個人情報を扱う業務（手順4）の適性が決まります。"
    "「庁外では扱わない」では×、「画面転送方式に限り可」では画面転送方式の接続なら○、それ以外の方式は×です"
    "（支所等の庁内ネットワーク内のサテライトオフィスは○）。",
    "This policy decides the mark of tasks that handle sensitive personal data (step 4): "
    "'not handled outside the office' gives ×; 'only by screen transfer' gives ○ with a screen-transfer "
    "method and × with any other (○ at a satellite office inside the closed network).",
)


def note_label(text: L10n, name: str) -> QLabel:
    return wrapped(tx(text), name)


class StaffPage(StepPage):
    number = 5

    def build_inputs(self) -> None:
        self.total = QLabel()
        self.total.setObjectName("teleworkerTotal")
        self.total.setWordWrap(True)  # a larger text size (issue 22) wraps it
        self.layout_.addWidget(self.total)
        self.units = self.table(
            L10n("課ごとの対象者と実施形態", "Teleworkers and forms per unit"),
            ("units",),
            [
                Column("name", L10n("課", "Unit"), editable=False),
                Column("staff", L10n("職員数", "Staff")),
                Column("teleworkers", L10n("実施人数", "Teleworkers")),
                Column("form.home", L10n("在宅", "Home")),
                Column("form.satellite", L10n("サテライト", "Satellite")),
                Column("form.mobile", L10n("モバイル", "Mobile")),
                Column("form.max_days", L10n("上限日数（0=なし）", "Day cap (0 = none)")),
                Column("form.cap_period", L10n("上限の単位", "Cap per")),
                Column("form.time_unit", L10n("時間単位", "Time unit")),
                Column("form.application_days", L10n("申請期限（日前）", "Apply days ahead")),
            ],
            noun=L10n("課", "unit"),
        )
        self.units.view.setObjectName("staffTable")
        self.units.confirm_remove = self._confirm_remove  # a unit goes with its tasks
        form = self.form(
            self.section(
                "在宅勤務等手当・要配慮個人情報の取扱い",
                "Telework allowance and sensitive personal data",
            )
        )
        self.allowance = self.add_field(
            form,
            (),
            Column(
                "home_allowance_staff",
                L10n("在宅勤務等手当の対象職員数（人）", "Staff paid the telework allowance"),
                "int",
            ),
        )
        self.allowance_cost = wrapped(name="allowanceCost")
        form.addRow("", self.allowance_cost)
        form.addRow("", note_label(ALLOWANCE_NOTE, "allowanceNote"))
        self.policy = self.add_field(
            form,
            (),
            Column(
                "personal_data_at_home",
                PERSONAL_DATA_POLICY_LABEL,
                "choice",
                words.choices("personal_data_policy"),
            ),
        )
        form.addRow("", note_label(POLICY_NOTE, "personalDataNote"))
        self._eligibility()
        self.doc.changed.connect(self.load)
        self.load()

    def _eligibility(self) -> None:
        """Issue 21: who may telework, where else, who approves, how hours are reported
        (the implementing rules draft and the forms follow these)."""
        form = self.form(self.section("対象者・承認・勤怠（実施要綱案に反映）",
                                      "Eligibility, approval, attendance (for the rules draft)"))  # fmt: skip
        path = ("eligibility",)
        for name, ja, en in (
            ("exclude_probation", "条件付採用期間中の職員を除く", "Exclude staff on probation"),
            ("exclude_temporary", "臨時的任用職員を除く", "Exclude temporary appointees"),
            ("exclude_fiscal_year", "会計年度任用職員を除く", "Exclude fiscal-year appointees"),
            ("relative_home", "介護等のための親族宅での実施を認める", "Allow a relative's home (care)"),
        ):  # fmt: skip
            form.addRow("", self.field(path, Column(name, L10n(ja, en), "bool")))  # its own text
        self.add_field(form, path, Column("approver", L10n("承認", "Approval"), "choice",
                                          words.choices("approver")))  # fmt: skip
        self.add_field(form, path, Column("attendance", L10n("始業・終業の把握", "Hours recorded by"),
                                          "choice", words.choices("attendance_report")))  # fmt: skip

    def _confirm_remove(self, rows: list[int]) -> bool:
        return confirm_unit_removal(self, [self.units.model.row_object(r) for r in rows])

    def load(self) -> None:
        plan = self.doc.plan
        self.allowance_cost.setText(allowance_cost(plan))
        self.total.setText(
            t(
                f"テレワーク実施人数の合計: {plan.teleworkers()}人（必要な端末: {plan.devices_needed()}台 = 実施人数 − 既存の利用可能端末{plan.existing_devices}台）",
                f"Teleworkers in all: {plan.teleworkers()} (devices needed: {plan.devices_needed()} = teleworkers − {plan.existing_devices} existing)",
            )
        )


def allowance_cost(plan) -> str:
    """What the allowance's staff come to in the adopted scenario (step 7's lines)."""
    scenario = plan.adopted_scenario()
    lines = [ln for ln in (scenario.lines if scenario else []) if ln.quantity_basis == BASIS]
    if not lines:
        return t(
            "採用シナリオには、この人数を数量とする経費（在宅勤務等手当）はまだありません（手順7で追加できます）。",
            "The adopted scenario has no cost line counted per allowance staff yet (add 'Telework allowance' in step 7).",
        )
    parts = []
    for ln in lines:
        try:
            amount = line_amount(ln, plan)
        except PlannerError as err:
            parts.append(err.text(lang()))
            continue
        per = "" if ln.quantity == 1 else f" × {ln.quantity}"
        parts.append(
            t(
                f"「{ln.name}」年額 {format_yen(amount)}（{plan.home_allowance_staff}人{per} × {format_yen(ln.unit_price)}）",
                f"'{ln.name}' {format_yen(amount, 'en')} a year ({plan.home_allowance_staff}{per} × {format_yen(ln.unit_price, 'en')})",
            )
        )
    return t("採用シナリオの経費: ", "In the adopted scenario: ") + t("、", "; ").join(parts)
