"""Step 4: units and their tasks — suitability by task, pick tasks unit by unit."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.builders import plan_language, unit_from_catalog
from ...domain.model import Task, Unit
from ...domain.network_model import effective_layer, task_works_on
from ...domain.operations import Batch, InsertRow
from ...domain.suitability import Suitability, assess_in_plan
from ...domain.text import L10n
from ...domain.unit_rules import free_name, name_key, unit_named
from ...loading import words
from .. import dialogs
from ..fit import fit_columns, narrow_combo
from ..i18n import lang, t, tx
from ..row_table import RowTable
from ..table_model import Column, RowTableModel
from ..window_state import remember_splitter
from .base import StepPage
from .unit_removal import confirm_unit_removal

FILTERS = (
    (None, L10n("すべて", "All")),
    (Suitability.SUITABLE, L10n("◎ 適のみ", "◎ suitable only")),
    (Suitability.CONDITIONAL, L10n("○ 条件付きのみ", "○ conditional only")),
    (Suitability.UNSUITABLE, L10n("× 不適のみ", "× not suitable only")),
)


class SuitabilityFilter(QSortFilterProxyModel):
    """Shows the tasks of one suitability level (or all); sorting by any column."""

    def __init__(self, source: RowTableModel, assess) -> None:
        super().__init__()
        self._source, self._assess, self._level = source, assess, None

    def set_level(self, level: Suitability | None) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self._level = level
            self.endFilterChange()
        else:
            self._level = level
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802 (Qt API)
        if self._level is None or row >= self._source.rowCount():
            return True
        return self._assess(self._source.row_object(row)).level == self._level


class TasksPage(StepPage):
    number = 4

    def build_inputs(self) -> None:
        doc = self.doc
        catalog_row = QHBoxLayout()
        self.catalog_units = QComboBox()
        self.catalog_units.setObjectName("catalogUnits")
        for unit_def in doc.catalog.units:
            self.catalog_units.addItem(
                f"{tx(unit_def.name)}（{len(unit_def.tasks)}{t('業務', ' tasks')}）", unit_def.id
            )
        narrow_combo(self.catalog_units, 16)  # the page keeps its width at a larger text size
        add_catalog = QPushButton(t("カタログから課を追加", "Add unit from catalog"))
        add_catalog.setObjectName("addCatalogUnit")
        add_catalog.clicked.connect(self.add_catalog_unit)
        add_catalog.setEnabled(not doc.read_only)
        self.filter = QComboBox()
        self.filter.setObjectName("suitabilityFilter")
        for _level, label in FILTERS:
            self.filter.addItem(tx(label))
        self.filter.currentIndexChanged.connect(self.apply_filter)
        catalog_label = QLabel(t("課の一覧:", "Catalog:"))
        catalog_label.setBuddy(self.catalog_units)  # its name for screen readers
        catalog_row.addWidget(catalog_label)
        catalog_row.addWidget(self.catalog_units, 1)
        catalog_row.addWidget(add_catalog)
        # the filter on a row of its own: beside the catalog the row was wider than the
        # page at 1024 px in English
        filter_row = QHBoxLayout()
        filter_label = QLabel(t("絞り込み:", "Filter:"))
        filter_label.setBuddy(self.filter)
        filter_row.addWidget(filter_label)
        filter_row.addWidget(self.filter)
        filter_row.addStretch(1)
        self.layout_.addLayout(catalog_row)
        self.layout_.addLayout(filter_row)

        self.unit_table = RowTable(
            RowTableModel(
                doc,
                ("units",),
                [
                    Column("name", L10n("課", "Unit")),
                    Column("", L10n("選択", "Picked"), display=self._picked_count),
                ],
                new_row=lambda: Unit(
                    name=free_name(self.doc.plan.units, t("（新しい課）", "(new unit)"))
                ),
                noun=L10n("課", "unit"),
            )
        )
        self.unit_table.view.setObjectName("unitTable")
        self.unit_table.view.setAccessibleName(t("課の一覧", "Units"))
        self.unit_table.confirm_remove = self._confirm_unit_removal
        # a new unit typed with a taken name is refused: its 「（新しい課）」 row goes too
        self.unit_table.model.drop_refused_new_row = True
        self.task_model = RowTableModel(
            doc,
            ("units", "-", "tasks"),
            [
                Column("selected", L10n("対象", "Pick")),
                Column("name", L10n("業務", "Task")),
                Column("priority", L10n("非常時優先", "BCP priority")),  # issue 23
                Column(
                    "",
                    L10n("適性", "Fit"),
                    display=self._mark,
                    tooltip=self._reasons,
                    sort_key=lambda task: int(self._assess(task).level),
                ),
                Column(
                    "",
                    L10n("理由", "Reason"),
                    display=self._first_reason,
                    tooltip=self._reasons,
                    wrap=True,
                ),
                Column("factors.personal_data", L10n("個人情報", "Personal data")),
                Column("factors.works_on", L10n("業務の対象", "Works on")),
                Column(
                    "",
                    L10n("ネットワーク", "Network"),
                    display=self._layer,
                    tooltip=self._layer_why,
                ),
                Column("factors.paper", L10n("紙", "Paper")),
                Column("factors.counter", L10n("窓口", "Counter")),
                Column("factors.onsite", L10n("現場", "On site")),
                Column("factors.coordination", L10n("連携", "Teamwork")),
            ],
            new_row=lambda: Task(name=t("（新しい業務）", "(new task)")),
            noun=L10n("業務", "task"),
        )
        self.task_proxy = SuitabilityFilter(self.task_model, self._assess)
        self.task_table = RowTable(self.task_model, proxy=self.task_proxy)
        self.task_table.view.setObjectName("taskTable")
        self.task_table.view.setAccessibleName(t("選んだ課の業務", "Tasks of the unit"))
        fit_columns(self.task_table)  # the reason wraps; the rest fit (fit.py)
        self.reason_panel = QLabel()
        self.reason_panel.setObjectName("reasonPanel")
        self.reason_panel.setAccessibleName(t("判定の理由", "Why this mark"))
        self.reason_panel.setTextFormat(Qt.TextFormat.PlainText)  # task names are data
        self.reason_panel.setWordWrap(True)
        self.reason_panel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.task_table, 1)
        right_layout.addWidget(self.reason_panel)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.unit_table)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 900])
        splitter.setMinimumHeight(420)
        remember_splitter(splitter, "step4")  # the position the user left it at
        self.layout_.addWidget(splitter)
        self.unit_table.view.selectionModel().currentRowChanged.connect(lambda *_: self.show_unit())
        self.task_table.view.selectionModel().currentRowChanged.connect(
            lambda *_: self.show_reasons()
        )
        doc.subscribe(self._after_change)
        self.show_unit()

    # -- displays ---------------------------------------------------------------------------

    def _assess(self, task: Task):
        return assess_in_plan(self.doc.plan, task, self.doc.catalog)

    def _mark(self, task: Task) -> str:
        level = self._assess(task).level
        return f"{level.mark} {words.label('suitability', level.key, lang())}"

    def _first_reason(self, task: Task) -> str:
        return self._assess(task).reasons[0].text.get(lang())

    def _reasons(self, task: Task) -> str:
        return "\n".join(f"・{r.text.get(lang())}" for r in self._assess(task).reasons)

    def _works_on(self, task: Task) -> str:
        return task_works_on(task.factors, task.catalog_id, self.doc.catalog)

    def _layer(self, task: Task) -> str:
        """The segment the task is judged on: from what it works on and the network model."""
        layer = effective_layer(task.factors, self.doc.plan.network_model, self._works_on(task))
        return words.label("network", layer, lang())

    def _layer_why(self, task: Task) -> str:
        works_on = self._works_on(task)
        model = words.label("network_model", self.doc.plan.network_model, lang())
        if not works_on:
            return t("業務の対象が未設定のため、業務ごとのネットワークの値で判定します。",
                     "Works on is not set: the task's own network value decides.")  # fmt: skip
        kind = words.label("works_on", works_on, lang())
        return t(f"{kind}（{model}、手順3）", f"{kind} ({model}, step 3)")

    def _picked_count(self, unit: Unit) -> str:
        return f"{sum(t_.selected for t_ in unit.tasks)} / {len(unit.tasks)}"

    # -- behaviour --------------------------------------------------------------------------

    def _confirm_unit_removal(self, rows: list[int]) -> bool:
        units = [self.unit_table.model.row_object(r) for r in rows]
        return confirm_unit_removal(self, units)

    def current_unit(self) -> Unit | None:
        row = self.unit_table.view.currentIndex().row()
        units = self.doc.plan.units
        return units[row] if 0 <= row < len(units) else None

    def select_unit(self, row: int) -> None:
        self.unit_table.view.selectRow(row)
        self.show_unit()

    def show_unit(self) -> None:
        unit = self.current_unit()
        if unit is None and self.doc.plan.units:
            self.unit_table.view.selectRow(0)
            unit = self.doc.plan.units[0]
        self.task_model.list_path = ("units", unit.id if unit else "-", "tasks")
        self.task_model.refresh()
        self.apply_filter()
        self.show_reasons()

    def _after_change(self) -> None:
        """Keep the unit, the task list, its scroll position, sort and filter (the models
        refresh only the cells an edit touched); follow only when the shown unit went away."""
        unit = self.current_unit()
        if unit is None or self.task_model.list_path != ("units", unit.id, "tasks"):
            self.show_unit()
        else:
            self.show_reasons()

    def apply_filter(self) -> None:
        self.task_proxy.set_level(FILTERS[max(0, self.filter.currentIndex())][0])

    def show_reasons(self) -> None:
        row = self.task_table.current_row()
        if not 0 <= row < self.task_model.rowCount():
            self.reason_panel.setText(
                t(
                    "業務を選ぶと、判定の理由がここに表示されます。",
                    "Select a task to see the reasons for its mark.",
                )
            )
            return
        task = self.task_model.row_object(row)
        result = self._assess(task)
        level = result.level
        lines = [f"{level.mark} {words.label('suitability', level.key, lang())} — {task.name}"]
        lines += [f"・{r.text.get(lang())}" for r in result.reasons]
        self.reason_panel.setText("\n".join(lines))

    def add_catalog_unit(self) -> None:
        unit_def = self.doc.catalog.units[self.catalog_units.currentIndex()]
        unit = unit_from_catalog(unit_def, plan_language(self.doc.plan, self.doc.catalog))
        existing = unit_named(self.doc.plan.units, unit.name)
        if existing is not None:
            self._add_catalog_tasks(existing, unit)
            return
        op = InsertRow(
            ("units",),
            len(self.doc.plan.units),
            unit,
            L10n(f"「{unit_def.name.ja}」の追加", f"Add {unit_def.name.en}"),
        )
        if self.doc.apply(op) is None:
            self.select_unit(len(self.doc.plan.units) - 1)

    def _add_catalog_tasks(self, existing: Unit, catalog_unit: Unit) -> None:
        """The unit is there already: offer to add the catalog's tasks it does not have yet."""
        have = {name_key(task.name) for task in existing.tasks}
        new = [task for task in catalog_unit.tasks if name_key(task.name) not in have]
        row = self.doc.plan.units.index(existing)
        if not new:
            dialogs.show_info(
                self,
                t("課の追加", "Add unit"),
                t(
                    f"課「{existing.name}」はすでにあり、カタログの業務もすべて入っています。",
                    f"The unit '{existing.name}' is already there with all the catalog's tasks.",
                ),
            )
            self.select_unit(row)
            return
        if not dialogs.ask_yes_no(
            self,
            t("課の追加", "Add unit"),
            t(
                f"課「{existing.name}」はすでにあります。同じ名前の課は2つ作れません。\n"
                f"カタログの業務{len(new)}件をこの課に追加しますか？",
                f"There is already a unit named '{existing.name}'; two units cannot share a name.\n"
                f"Add the catalog's {len(new)} tasks to that unit?",
            ),
        ):
            return
        path = ("units", existing.id, "tasks")
        start = len(existing.tasks)
        ops = [InsertRow(path, start + i, task) for i, task in enumerate(new)]
        label = L10n(f"「{existing.name}」に業務を追加", f"Add tasks to {existing.name}")
        if self.doc.apply(Batch(ops, label)) is None:
            self.select_unit(row)

    def warnings(self) -> list[str]:
        out = []
        for unit, task in self.doc.plan.selected_tasks():
            if self._assess(task).level == Suitability.UNSUITABLE:
                out.append(
                    t(
                        f"{unit.name}「{task.name}」は不適ですが選ばれています。",
                        f"{unit.name}: '{task.name}' is picked but not suitable.",
                    )
                )
        return out
