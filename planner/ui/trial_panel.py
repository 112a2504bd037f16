"""Step 10's trial survey box (issue 23): the two buttons, the results and criteria.

The results are the lines ``planner trial results`` prints (``domain/trial_text``), shown
read-only and refreshed whenever the answers or the criteria change; the criteria are a
table of the plan (``trial_criteria``) with each one's outcome beside it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout

from ..domain.text import L10n
from ..domain.trial import aggregate, judge_one
from ..domain.trial_text import outcome_word, result_lines
from ..loading.trial_questions import default_questions
from .document import PlanDocument
from .i18n import lang, t
from .table_model import Column

WATCHED = ("trial_responses", "trial_criteria")


def question_choices() -> tuple[tuple[str, L10n], ...]:
    """Every question id with its header words (the first group's that asks it)."""
    seen: dict[str, L10n] = {}
    for a in default_questions().audiences:
        for q in a.questions:
            if not q.is_comment:
                seen.setdefault(q.id, q.label)
    return tuple(seen.items())


def criteria_columns(doc: PlanDocument) -> list[Column]:
    def outcome(criterion) -> str:  # noqa: ANN001
        verdict = judge_one(criterion, aggregate(doc.plan.trial_responses, default_questions()))
        return f"{outcome_word(verdict, lang())}（{verdict.shown_value}）"

    return [
        Column("name", L10n("判定基準", "Criterion"), wrap=True),
        Column("audience", L10n("回答者", "Group")),
        Column("question", L10n("設問", "Question"), kind="choice", choices=question_choices()),
        Column("measure", L10n("指標", "Measure")),
        Column("lowest", L10n("対象の点（下限）", "From score")),
        Column("highest", L10n("対象の点（上限）", "To score")),
        Column("comparison", L10n("比較", "Comparison")),
        Column("threshold", L10n("基準値", "Threshold")),
        Column("", L10n("判定", "Outcome"), display=outcome),
    ]


class TrialPanel(QGroupBox):
    def __init__(self, doc: PlanDocument) -> None:
        super().__init__(t("試行アンケートの結果", "Trial survey results"))
        self.doc = doc
        self.setObjectName("trialPanel")
        buttons = QHBoxLayout()
        self.export_button = QPushButton(
            t("アンケート（Excel）を書き出す…", "Export the questionnaires…")
        )
        self.export_button.setObjectName("trialExport")
        self.import_button = QPushButton(t("回答を読み込む…", "Import answers…"))
        self.import_button.setObjectName("trialImport")
        self.export_button.clicked.connect(self._export)
        self.import_button.clicked.connect(self._import)
        self.import_button.setEnabled(not doc.read_only)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        self.results = QPlainTextEdit()
        self.results.setObjectName("trialResults")
        self.results.setReadOnly(True)
        self.results.setMinimumHeight(220)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.results)
        self.criteria_model = None  # the criteria table's model, refreshed with the results
        self._show()
        doc.subscribe(self._refresh)

    def _export(self) -> None:  # the main window's actions, as the File menu's
        self.window().trial.export_questionnaires()

    def _import(self) -> None:
        self.window().trial.import_dialog()

    def _refresh(self, touched: tuple = ()) -> None:
        if any(touch.path[:1] and touch.path[0] in WATCHED for touch in touched):
            self._show()
            model = self.criteria_model
            if model is not None and model.rowCount() > 0:
                model.dataChanged.emit(model.index(0, 0),
                                       model.index(model.rowCount() - 1, model.columnCount() - 1))  # fmt: skip

    def _show(self) -> None:
        plan = self.doc.plan
        if not plan.trial_responses:
            self.results.setPlainText(t(
                "まだ回答がありません。アンケートを書き出して配り、記入されたファイル（.xlsx または .csv）を"
                "「回答を読み込む…」で取り込んでください。",
                "No answers yet. Export the questionnaires, hand them out, and import the filled-in "
                "files (.xlsx or .csv) with 'Import answers…'."))  # fmt: skip
            return
        lines = result_lines(plan, default_questions(), self.doc.catalog.words, lang())
        self.results.setPlainText("\n".join(lines))
