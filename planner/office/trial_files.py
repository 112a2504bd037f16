"""The trial survey's way in and out, for the window and the command line (issue 23).

    paths = export_questionnaires(plan, folder, audiences=("teleworker",))
    result = preview_trial_answers(plan, [Path("試行アンケート_テレワーク実施者.xlsx")])
    op = result.operation(plan)           # one undoable Batch, or None

Each workbook goes through every writer's target check and the one atomic write, as the
task survey's (``survey_files.py``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

from ..domain.model import Plan
from ..domain.trial import Questionnaire
from ..domain.trial_answers import AnswerPreview, preview_answers
from ..loading import words
from ..loading.trial_questions import default_questions
from ..report.documents import check_folder
from ..report.export import check_language, export_target
from ..report.result import XLSX, ReportError
from ..store.atomic import write_atomically
from . import survey_layout as lay

PREFIX = ("試行アンケート", "trial-survey")
MIN_ROWS, SPARE_ROWS = 30, 10  # answer rows: the group's likely size and some more


def _rows(plan: Plan, audience: str) -> int:
    if audience == "teleworker":
        return max(MIN_ROWS, plan.teleworkers() + SPARE_ROWS)
    return MIN_ROWS


def export_questionnaires(plan: Plan, folder: str | os.PathLike[str], *,
                          audiences: Sequence[str] = (), reply_by: date | None = None,
                          lang: str = "ja", questionnaire: Questionnaire | None = None,
                          now: datetime | None = None) -> list[Path]:  # fmt: skip
    """Write 「試行アンケート_テレワーク実施者.xlsx」… one per group (all, or those named by
    id) into ``folder``. Returns the files written."""
    from .trial_book import write_questionnaire

    check_language(lang)
    target = check_folder(folder)
    questionnaire = questionnaire or default_questions()
    chosen = []
    for name in audiences or [a.id for a in questionnaire.audiences]:
        found = questionnaire.audience(name)
        if found is None:
            known = ", ".join(a.id for a in questionnaire.audiences)
            raise ReportError(f"回答者の区分「{name}」はありません（{known}）。",
                              f"No respondent group '{name}' ({known}).")  # fmt: skip
        chosen.append(found)
    now = (now or datetime.now()).replace(microsecond=0)
    reply_by = reply_by or now.date() + timedelta(days=lay.REPLY_DAYS)
    paths = []
    for a in chosen:
        group = lay.file_stem(words.label("trial_audience", a.id, lang))
        path = export_target(target / f"{PREFIX[lang == 'en']}_{group}{XLSX.suffix}", XLSX)
        write_atomically(path, lambda tmp, a=a: write_questionnaire(
            plan, a, tmp, rows=_rows(plan, a.id), reply_by=reply_by, exported_at=now,
            lang=lang), failure=XLSX.failure)  # fmt: skip
        paths.append(path)
    return paths


def preview_trial_answers(plan: Plan, paths: Sequence[Path],
                          questionnaire: Questionnaire | None = None) -> AnswerPreview:  # fmt: skip
    """What the answer files give (nothing is changed yet)."""
    from .trial_reply import read_answers

    questionnaire = questionnaire or default_questions()
    sheets, failures = read_answers(paths, questionnaire)
    return preview_answers(plan, questionnaire, sheets, failures)
