"""The trial survey from the File menu and from step 10 (issue 23, section 2).

Export: the folder, then one questionnaire workbook per group asked (teleworkers,
supervisors, colleagues, counter staff). Import: the answer files chosen (.xlsx or .csv,
many at once) are read and checked by the same functions as ``planner trial import``;
what they give — per file the group and the respondents, every cell that could not be
taken by sheet, row and column — is shown, and 「はい」 keeps them as one undoable step.
openpyxl loads at the first export or import, never at start-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import PlannerError
from . import dialogs
from .file_actions import default_folder
from .i18n import lang, t
from .survey_actions import _busy

if TYPE_CHECKING:
    from .main_window import MainWindow

ANSWER_FILTER = "Excel / CSV (*.xlsx *.csv)"
EXPORT_TITLE = ("試行アンケートを書き出せません", "Cannot export the trial survey")
IMPORT_TITLE = ("試行アンケートの回答を取り込めません", "Cannot import the trial answers")


class TrialActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.folder: Path | None = None

    def export_questionnaires(self) -> list[Path]:
        doc = self.window.doc
        if doc is None:
            return []
        from ..office.trial_files import export_questionnaires

        start = str(self.folder or default_folder())
        folder = dialogs.choose_folder(
            self.window, t("試行アンケートの保存先フォルダ", "Folder for the trial survey"), start
        )
        if folder is None:
            return []
        try:
            with _busy():
                paths = export_questionnaires(doc.plan, folder, lang=lang())
        except PlannerError as err:
            dialogs.show_error(self.window, t(*EXPORT_TITLE), err.text(lang()))
            return []
        self.folder = folder
        names = "\n".join(f"・{p.name}" for p in paths)
        dialogs.show_info(self.window, t("試行アンケートを書き出しました", "Trial survey exported"), t(
            f"{folder} に書き出しました:\n{names}\n\n試行に参加した職員、その上司・同僚、窓口の職員に配り、"
            "記入したファイル（またはCSV）を返してもらってください。",
            f"Written to {folder}:\n{names}\n\nHand them to the teleworkers, their supervisors, "
            "colleagues and counter staff; ask for the filled-in files (or CSV)."))  # fmt: skip
        return paths

    def import_dialog(self) -> None:
        if self.window.doc is None:
            return
        paths = dialogs.choose_open_files(
            self.window, ANSWER_FILTER, str(self.folder or default_folder())
        )
        if paths:
            self.import_files(paths)

    def import_files(self, paths: Sequence[Path]) -> bool:
        """Read the answers, say what they give, and keep them if the user says so."""
        doc = self.window.doc
        if doc is None:
            return False
        if doc.read_only:
            dialogs.show_error(self.window, t(*IMPORT_TITLE), t(
                "読み取り専用で開いた計画には取り込めません。", "A plan opened read-only cannot be changed."))  # fmt: skip
            return False
        from ..domain.trial_text import preview_lines
        from ..office.trial_files import preview_trial_answers

        try:
            with _busy():
                preview = preview_trial_answers(doc.plan, paths)
        except PlannerError as err:
            dialogs.show_error(self.window, t(*IMPORT_TITLE), err.text(lang()))
            return False
        lines = "\n".join(preview_lines(preview, doc.catalog.words, lang()))
        op = preview.operation(doc.plan)
        title = t("試行アンケートの回答", "Trial survey answers")
        if op is None:
            dialogs.show_info(self.window, title, lines + "\n\n" + t(
                "取り込める回答はありません。", "There are no answers to import."))  # fmt: skip
            return False
        if not dialogs.ask_yes_no(self.window, title, lines + "\n\n" + t(
                "これらの回答を計画に取り込みますか？", "Keep these answers in the plan?")):  # fmt: skip
            return False
        err = doc.apply(op)
        if err is not None:
            dialogs.show_error(self.window, t(*IMPORT_TITLE), err.text(lang()))
            return False
        self.window.show_status(t("試行アンケートの回答を取り込みました。元に戻す（Ctrl+Z）で取り消せます。",
                                  "Imported the trial answers. Undo (Ctrl+Z) takes them back."))  # fmt: skip
        return True
