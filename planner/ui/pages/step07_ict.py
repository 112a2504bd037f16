"""Step 7: ICT — access method, devices, tools; cost scenarios and live totals."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from ...domain.builders import cost_line_from_item, plan_language
from ...domain.errors import PlannerError
from ...domain.model import Scenario
from ...domain.money import format_yen
from ...domain.operations import InsertRow, RemoveRow, SetValue
from ...domain.subsidy_rules import MULTIPLIER_LABEL, multiplier_wording
from ...domain.text import L10n
from ..bcp_view import continuity_box
from ..cost_views import ComparisonTable, YearTable
from ..fields import BoundCheckBoxes, ErrorLabel
from ..fit import fit_columns, narrow_combo
from ..i18n import lang, t, tx
from ..notes import WARNING_STYLE, set_paragraphs, wrapped
from ..rule_record_views import RulesBanner, year_rule_notes
from ..subsidy_views import (
    MultiplierWarning,
    RunningSwitch,
    excluded_note,
    revenue_notes,
    rule_file_problems,
    rule_notes,
    switch_legend,
)
from ..table_model import Column
from .base import StepPage
from .choices import (
    DEVICE_POLICIES,
    TOOLS,
)
from .cost_lines import CostLineTable


class IctPage(StepPage):
    number = 7

    def build_inputs(self) -> None:
        doc = self.doc
        form = self.form(self.section("接続方式・端末・ツール", "Access method, devices, tools"))
        methods = tuple((m.id, m.name) for m in doc.catalog.access_methods)
        self.access = self.add_field(
            form,
            (),
            Column(
                "access_method",
                L10n("リモートアクセスの方式", "Remote access method"),
                "choice",
                methods,
            ),
        )
        self.method_note = QLabel()
        self.method_note.setWordWrap(True)
        form.addRow("", self.method_note)
        self.add_field(
            form, (), Column("device_policy", L10n("端末", "Devices"), "choice", DEVICE_POLICIES)
        )
        tools = BoundCheckBoxes(doc, "tools", TOOLS, L10n("ツール", "Tools"))
        form.addRow(t("コミュニケーションツール等", "Tools"), tools)

        money = self.form(self.section("特別交付税措置の見込み", "Special allocation tax estimate"))
        self.add_field(
            money,
            ("municipality",),
            Column(
                "fiscal_capacity_index",
                L10n("財政力指数（3か年平均・任意）", "Fiscal capacity index (optional)"),
                "decimal",
            ),
        )
        self.add_field(money, (), Column("fiscal_capacity_multiplier", MULTIPLIER_FIELD, "decimal"))
        self.multiplier_warning = MultiplierWarning(doc)
        money.addRow("", self.multiplier_warning)
        money.addRow("", wrapped(tx(multiplier_wording()), "multiplierWording"))
        self.switch = RunningSwitch(doc, money)
        later = self.form(self.section("後年度負担", "Later years' burden"))  # issue 20
        self.add_field(later, (), Column("device_life_years", DEVICE_LIFE, "int"))

        self._scenario_bar()
        self.lines = CostLineTable(doc).table  # the adopted scenario's lines (cost_lines.py)
        self.lines.view.setObjectName("costTable")
        self.lines.view.setAccessibleName(t("採用シナリオの経費", "Cost lines of the scenario"))
        self.lines.view.setMinimumHeight(260)
        self.lines.view.setWordWrap(False)
        fit_columns(self.lines)  # widths follow the content, headers and choices (fit.py)
        self.layout_.addWidget(self.lines)
        self.revenue_note = wrapped(name="revenueNote", style=WARNING_STYLE)
        self.layout_.addWidget(self.revenue_note)
        self.years = YearTable()
        self.switch_legend = wrapped(name="switchLegend")
        self.excluded_note = wrapped(name="excludedNote")
        self.note = wrapped(name="estimateNote")
        self.rule_problems = wrapped(name="ruleFileProblems", style=WARNING_STYLE)
        self.comparison = ComparisonTable()
        years_label = QLabel(
            t(
                "年度別の経費と特別交付税措置見込額（見込）",
                "Cost and estimated subsidy by fiscal year (estimate)",
            )
        )
        years_label.setBuddy(self.years)  # names the table for screen readers (accessible.py)
        self.layout_.addWidget(years_label)
        self.rules_banner = RulesBanner(doc)  # issue 19: the plan's recorded rules differ
        self.layout_.addWidget(self.rules_banner)
        self.layout_.addWidget(self.years)
        self.layout_.addWidget(self.switch_legend)
        self.layout_.addWidget(self.excluded_note)
        self.layout_.addWidget(self.note)
        self.layout_.addWidget(self.rule_problems)
        compared = QLabel(t("シナリオの比較（計画期間の合計）", "Scenarios compared (period totals)"))
        compared.setBuddy(self.comparison)
        self.layout_.addWidget(compared)
        self.layout_.addWidget(self.comparison)
        self.error = ErrorLabel()
        self.layout_.addWidget(self.error)
        self.continuity = continuity_box(self)  # issue 23: BCP view (bcp_view.py)
        doc.subscribe(self.load)
        self.load()

    # -- scenario bar ------------------------------------------------------------------------

    def _scenario_bar(self) -> None:
        bar = QHBoxLayout()
        self.scenario_box = QComboBox()
        self.scenario_box.setObjectName("scenarioBox")
        self.scenario_box.currentIndexChanged.connect(self._show_scenario)
        self.scenario_name = QPushButton(t("シナリオを追加", "Add scenario"))
        self.scenario_name.clicked.connect(self.add_scenario)
        self.adopt = QPushButton(t("このシナリオを採用", "Adopt this scenario"))
        self.adopt.setObjectName("adoptScenario")
        self.adopt.clicked.connect(self.adopt_scenario)
        self.remove_scenario_button = QPushButton(t("シナリオを削除", "Remove scenario"))
        self.remove_scenario_button.clicked.connect(self.remove_scenario)
        self.catalog_items = QComboBox()
        self.catalog_items.setObjectName("catalogItems")
        for item in self.doc.catalog.cost_items:
            self.catalog_items.addItem(
                f"{tx(item.name)}（{format_yen(item.unit_price, lang())}）", item.id
            )
        narrow_combo(self.catalog_items)  # a long item name never widens the page
        self.catalog_items.setAccessibleName(t("カタログの経費", "Cost item from the catalog"))
        add_item = QPushButton(t("カタログから経費を追加", "Add from catalog"))
        add_item.setObjectName("addCatalogItem")
        add_item.clicked.connect(self.add_catalog_line)
        for w in (self.scenario_name, self.adopt, self.remove_scenario_button, add_item):
            w.setEnabled(not self.doc.read_only)
        # the scenario's name on its own row: with the three buttons beside it the row
        # was wider than the page at 1024 px in English
        top = QHBoxLayout()
        scenario_label = QLabel(t("経費シナリオ:", "Cost scenario:"))
        scenario_label.setBuddy(self.scenario_box)  # its name for screen readers
        top.addWidget(scenario_label)
        top.addWidget(self.scenario_box, 1)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.adopt)
        actions.addWidget(self.scenario_name)
        actions.addWidget(self.remove_scenario_button)
        bar.addWidget(QLabel(t("経費項目:", "Cost item:")))
        bar.addWidget(self.catalog_items, 1)
        bar.addWidget(add_item)
        box = self.section("経費の見込み", "Cost estimate")
        layout = QVBoxLayout(box)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addLayout(bar)

    def current_scenario(self) -> Scenario | None:
        sid = self.scenario_box.currentData()
        return (
            next((s for s in self.doc.plan.scenarios if s.id == sid), None)
            or self.doc.plan.adopted_scenario()
        )

    def _show_scenario(self) -> None:
        scenario = self.current_scenario()
        self.lines.model.list_path = ("scenarios", scenario.id if scenario else "-", "lines")
        self.lines.model.refresh()
        self._show_totals()

    def add_scenario(self) -> None:
        n = len(self.doc.plan.scenarios) + 1
        scenario = Scenario(name=t(f"シナリオ{n}", f"Scenario {n}"))
        if (
            self.doc.apply(
                InsertRow(("scenarios",), n - 1, scenario, L10n("シナリオの追加", "Add scenario"))
            )
            is None
        ):
            self.scenario_box.setCurrentIndex(
                self.scenario_box.findData(self.doc.plan.scenarios[-1].id)
            )

    def adopt_scenario(self) -> None:
        scenario = self.current_scenario()
        if scenario:
            self.doc.apply(
                SetValue(
                    (),
                    "adopted_scenario_id",
                    scenario.id,
                    L10n("採用シナリオの変更", "Adopt scenario"),
                )
            )

    def remove_scenario(self) -> None:
        plan = self.doc.plan
        scenario = self.current_scenario()
        if scenario is None or len(plan.scenarios) < 2:
            self.error.show_error(
                PlannerError(
                    L10n("シナリオは1つ以上必要です。", "At least one scenario is needed.")
                )
            )
            return
        index = plan.scenarios.index(scenario)
        ops = [RemoveRow(("scenarios",), scenario.id)]
        if plan.adopted_scenario_id == scenario.id:
            other = plan.scenarios[1 if index == 0 else 0]
            ops.insert(0, SetValue((), "adopted_scenario_id", other.id))
        from ...domain.operations import Batch

        self.doc.apply(Batch(ops, L10n("シナリオの削除", "Remove scenario")))

    def add_catalog_line(self) -> None:
        item = self.doc.catalog.cost_item(self.catalog_items.currentData())
        years = self.doc.plan.fiscal_years
        if item is not None:
            language = plan_language(self.doc.plan, self.doc.catalog)  # not the UI's
            self.lines.model.add_row(cost_line_from_item(item, years[0], years[-1], language))

    # -- refresh -------------------------------------------------------------------------------

    def load(self) -> None:
        """Follow an edit: the scenario list only if it changed; the line table refreshes itself."""
        plan = self.doc.plan
        method = self.doc.catalog.access_method(plan.access_method)
        self.method_note.setText(tx(method.description))
        items = [
            (
                s.name + (t("（採用）", " (adopted)") if s.id == plan.adopted_scenario_id else ""),
                s.id,
            )
            for s in plan.scenarios
        ]
        box = self.scenario_box
        if items != [(box.itemText(i), box.itemData(i)) for i in range(box.count())]:
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            for text, sid in items:
                box.addItem(text, sid)
            index = box.findData(current)
            box.setCurrentIndex(index if index >= 0 else box.findData(plan.adopted_scenario_id))
            box.blockSignals(False)
        scenario = self.current_scenario()
        if self.lines.model.list_path != ("scenarios", scenario.id if scenario else "-", "lines"):
            self._show_scenario()
        else:
            self._show_totals()

    def _show_totals(self) -> None:
        plan = self.doc.plan
        scenario = self.current_scenario()
        est = None
        try:
            est = self.doc.estimate(scenario.id) if scenario else None
            self.years.show_estimate(est, year_rule_notes(self.doc))
            self.comparison.show_estimates(self.doc.all_estimates(), plan.adopted_scenario_id)
            self.error.show_error(None)
        except PlannerError as err:
            self.error.show_error(err)
        set_paragraphs(self.revenue_note, revenue_notes(plan, scenario.lines if scenario else []))
        set_paragraphs(self.switch_legend, [switch_legend(plan, est)])
        set_paragraphs(self.excluded_note, [excluded_note(est)])
        catalog = self.doc.catalog
        set_paragraphs(self.note, rule_notes(plan, est, self.doc.rules()))
        set_paragraphs(self.rule_problems, rule_file_problems(catalog.rule_problems))


DEVICE_LIFE = L10n(
    "端末を更新するまでの年数（後年度負担の見込みに使用）",
    "Years until devices are replaced (for the later years' burden)",
)  # issue 20
# the form's label; the wording below it says where the multiplier comes from
MULTIPLIER_FIELD = L10n(MULTIPLIER_LABEL.ja, "Fiscal-capacity multiplier")
