"""Step 10: trial, evaluation and rollout phases with dates and evaluation measures; the
trial survey (issue 23): questionnaires out, answers in, results, and the go/no-go
criteria with their outcomes."""

from __future__ import annotations

from ...domain.model import Phase
from ...domain.model_trial import TrialCriterion
from ...domain.text import L10n
from ..i18n import t
from ..table_model import Column
from ..trial_panel import TrialPanel, criteria_columns
from .base import StepPage


class RolloutPage(StepPage):
    number = 10

    def build_inputs(self) -> None:
        self.phases = self.table(
            L10n("試行・効果検証・本格導入の段階", "Phases: trial, evaluation, rollout"),
            ("phases",),
            [
                Column("name", L10n("段階", "Phase"), wrap=True),
                Column("kind", L10n("種類", "Kind")),
                Column("start", L10n("開始日", "Start")),
                Column("end", L10n("終了日", "End")),
                Column("measures", L10n("効果の測り方", "How it is evaluated"), wrap=True),
            ],
            new_row=lambda: Phase(name=t("（段階名）", "(phase)")),
            noun=L10n("段階", "phase"),
        )
        self.trial = TrialPanel(self.doc)  # issue 23: the trial survey
        self.layout_.addWidget(self.trial)
        self.criteria = self.table(
            L10n("本格導入の判定基準", "Go/no-go criteria"),
            ("trial_criteria",),
            criteria_columns(self.doc),
            new_row=lambda: TrialCriterion(name=t("（判定基準）", "(criterion)")),
            noun=L10n("判定基準", "criterion"),
        )
        self.criteria.setObjectName("trialCriteria")
        self.trial.criteria_model = self.criteria.model
