"""Step 7's words about the subsidy: the multiplier warning, the running-cost switch with
its reason, and the notes under the yearly table (what was left out, the formula, when
the money comes, which year's rule is assumed).

Every sentence comes from planner.domain (subsidy_rules, subsidy_text), so the screen,
the PDF and the CLI say the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QSizePolicy

from ..domain.costs import Estimate, rule_for
from ..domain.model import Plan
from ..domain.money import format_yen
from ..domain.operations import Batch, SetValue
from ..domain.rule_years import Rules, YearRules
from ..domain.rules_text import used_suffix
from ..domain.subsidy_rules import (
    SWITCH_MARK,
    SWITCH_SIGN,
    TIMING,
    coverage_words,
    other_revenue_note,
    plan_multiplier_note,
    rule_year_note,
)
from ..domain.subsidy_text import rules_applied, subsidy_formula
from ..domain.text import L10n
from ..loading.words import default_words
from .document import PlanDocument
from .fields import BoundField, ErrorLabel
from .i18n import lang, t, tx
from .notes import WARNING_STYLE, wrapped
from .table_model import Column

SWITCH_LABEL = L10n(
    "運用経費（2年目以降のライセンス料等）も対象とする",
    "Count running costs (licences after the first year, etc.) as eligible too",
)
NOT_GUARANTEED = L10n(
    "これは見込みであり、実際の交付額は国の算定によって決まり、保証されるものではありません。",
    "This is an estimate: the amount granted is decided by the national calculation and is not guaranteed.",
)


class MultiplierWarning(QLabel):
    """Visible while a fiscal capacity index is entered and the multiplier stays 1.0."""

    def __init__(self, doc: PlanDocument) -> None:
        super().__init__()
        self.doc = doc
        self.setObjectName("multiplierWarning")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(WARNING_STYLE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        doc.subscribe(self.load)
        self.load()

    def load(self) -> None:
        note = plan_multiplier_note(self.doc.plan)
        self.setText("⚠ " + tx(note) if note else "")
        self.setVisible(note is not None)


class RunningSwitch(QObject):
    """The switch 「運用経費も対象とする」 and its reason, as two rows of a form.

    Ticking the box with no reason is refused by the domain (checks.running_costs_have_a_reason):
    its message appears under the box, the box goes back, the plan is unchanged and the
    cursor goes to the reason. A reason typed but not yet entered goes in with the switch.
    """

    def __init__(self, doc: PlanDocument, form: QFormLayout) -> None:
        super().__init__(form.parentWidget())  # lives (and listens) as long as its section
        self.doc = doc
        self.box = QCheckBox(tx(SWITCH_LABEL))
        self.box.setObjectName("runningCostsSwitch")
        self.box.setEnabled(not doc.read_only)
        self.box.toggled.connect(self._toggled)
        self.error = ErrorLabel()
        self.error.setObjectName("runningCostsError")
        self.reason = BoundField(
            doc,
            (),
            Column(
                "running_costs_reason",
                L10n("根拠（例：県からの回答）", "Reason (e.g. the prefecture's answer)"),
            ),
        )
        self.note = wrapped(name="coverageNote")
        form.addRow(self.box)  # the whole width: the switch says what it does
        form.addRow(self.error)
        form.addRow(tx(self.reason.column.header), self.reason)
        form.addRow("", self.note)
        doc.subscribe(self.load)
        self.load()

    def _toggled(self, on: bool) -> None:
        plan = self.doc.plan
        label = L10n(f"「{SWITCH_LABEL.ja}」の変更", "Change the running-cost switch")
        ops = [SetValue((), "running_costs_eligible", on)]
        typed = self.reason.editor.text()  # type: ignore[attr-defined]
        if on and typed.strip() and typed != plan.running_costs_reason:
            ops.insert(0, SetValue((), "running_costs_reason", typed))
        err = self.doc.apply(Batch(ops, label))
        self.error.show_error(err)
        if err is not None:
            self.load()  # the box shows the plan again
            self.reason.editor.setFocus()

    def load(self) -> None:
        plan = self.doc.plan
        self.box.blockSignals(True)
        self.box.setChecked(plan.running_costs_eligible)
        self.box.blockSignals(False)
        if plan.running_costs_eligible or plan.running_costs_reason.strip():
            self.error.show_error(None)  # the refusal is answered
        coverages = {r.coverage for r in rules_applied(plan, self.doc.rules())}
        said = [tx(coverage_words(c)) for c in sorted(coverages)]
        if lang() == "en":
            said = [w[:1].lower() + w[1:] for w in said]
        rule_says = t("、", "; ").join(said) or "—"
        self.note.setText(
            t(
                f"措置ルールの対象経費: {rule_says}。運用経費も対象となることを県等に確認できた場合に限り、根拠を記入して設定してください。設定で増える額は年度別の表に{SWITCH_SIGN}で示します。",
                f"The rule covers: {rule_says}. Switch this on only when the prefecture (or another authority) confirmed that running costs count, and give that as the reason. What it adds is marked {SWITCH_SIGN} in the yearly table.",
            )
        )


def switch_legend(plan: Plan, est: Estimate | None) -> str:
    """The legend of the switch's mark, with the reason given, when the switch changed a year."""
    if est is None or not any(y.switched for y in est.years):
        return ""
    reason = plan.running_costs_reason.strip()
    return t(f"{tx(SWITCH_MARK)}（根拠: {reason}）", f"{tx(SWITCH_MARK)} (reason: {reason})")


def excluded_note(est: Estimate | None) -> str:
    """How much running cost the introduction-only rule left out, per year."""
    if est is None or not est.period.running_excluded:
        return ""
    years = [y for y in est.years if y.running_excluded]
    sep = "、" if lang() == "ja" else ", "
    per_year = sep.join(
        t(
            f"{y.fiscal_year}年度 {format_yen(y.running_excluded)}",
            f"FY{y.fiscal_year} {format_yen(y.running_excluded, 'en')}",
        )
        for y in years
    )
    total = format_yen(est.period.running_excluded, lang())
    return t(
        f"措置ルールが導入経費のみを対象とするため、2年目以降の運用経費 計{total}（{per_year}）は対象経費に含めていません（表の「対象外の運用経費」）。",
        f"The rule covers introduction costs only, so running costs after the first year, {total} in all ({per_year}), are not counted as eligible (column 'Running costs not counted').",
    )


def revenue_notes(plan: Plan, est_lines) -> list[str]:
    """A note for each line whose other revenue is more than its whole cost."""
    from ..domain.costs import basis_counts, line_amount
    from ..domain.errors import PlannerError

    notes = []
    counts = basis_counts(plan)  # once, not once a line (issue 25)
    for line in est_lines:
        if line.other_revenue <= 0:  # no other revenue: nothing to exceed its cost
            continue
        try:
            note = other_revenue_note(line, line_amount(line, plan, counts))
        except PlannerError:
            continue
        if note is not None:
            notes.append(tx(note))
    return notes


def rule_notes(plan: Plan, est: Estimate | None, rules: Rules) -> list[str]:
    """The formula, the estimate's status, the timing, and which rule each year uses."""
    parts = [
        tx(subsidy_formula(plan, rules, default_words())) + t("", " ") + tx(NOT_GUARANTEED),
        tx(TIMING),  # names its law itself (issue 18)
    ]
    if est is not None:
        years = [(y.fiscal_year, y.rule, y.assumed) for y in est.years]
    else:
        years = [(fy, *rule_for(fy, rules)) for fy in plan.fiscal_years]
    plan_rule = tx(used_suffix(True, default_words()))  # issue 19: a year on the plan's record
    parts += [tx(rule_year_note(fy, rule, assumed)) + (plan_rule if _from_plan(rules, fy) else "")
              for fy, rule, assumed in years]  # fmt: skip
    return parts


def _from_plan(rules: Rules, fiscal_year: int) -> bool:
    return isinstance(rules, YearRules) and rules.from_plan(fiscal_year)


def rule_file_problems(problems: Sequence[L10n]) -> list[str]:
    """Imported rule files that could not be used (the bundled rule of their year applies);
    each message names the file (planner.loading.rule_files.not_used)."""
    return [tx(p) for p in problems]
