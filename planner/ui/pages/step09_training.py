"""Step 9: awareness and training events with dates."""

from __future__ import annotations

from ...domain.model import TrainingEvent
from ...domain.text import L10n
from ..i18n import t
from ..table_model import Column
from .base import StepPage


class TrainingPage(StepPage):
    number = 9

    def build_inputs(self) -> None:
        self.events = self.table(
            L10n("周知・研修の予定", "Awareness and training events"),
            ("training",),
            [
                Column("name", L10n("内容", "Event")),
                Column("day", L10n("日付", "Date")),
                Column("audience", L10n("対象者", "Audience")),
                Column("note", L10n("備考", "Note"), wrap=True),
            ],
            new_row=lambda: TrainingEvent(name=t("（研修名）", "(event)")),
            noun=L10n("研修", "event"),
        )
