"""The task survey from the File menu and by drag and drop (issue 20).

Export: which units, one file each or one workbook, the reply-by date, then the folder;
the files are written by ``office.survey_files.export_survey`` (each checked and written
atomically). Import: the replies chosen (or dropped on the window) are read and matched
by the same functions as ``planner survey import``; the preview shows what they change;
「取り込む」 applies it as one undoable step. A reply made from another plan or for
another unit is taken only if the user says so. openpyxl loads at the first export or
import, never at start-up.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ..domain.errors import PlannerError
from . import dialogs
from .file_actions import default_folder
from .i18n import lang, t

if TYPE_CHECKING:
    from .main_window import MainWindow

EXPORT_TITLE = ("調査票を書き出せません", "Cannot export the survey")
IMPORT_TITLE = ("調査票の回答を取り込めません", "Cannot import the replies")


@contextmanager
def _busy() -> Iterator[None]:
    """The wait cursor while workbooks are written or read."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class SurveyActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.folder: Path | None = None  # where the last survey went, for the next dialog

    def export_survey(self) -> list[Path]:
        doc = self.window.doc
        if doc is None:
            return []
        from ..office.survey_files import export_survey
        from .survey_dialogs import SurveyExportDialog

        if not doc.plan.units:
            dialogs.show_error(self.window, t(*EXPORT_TITLE), t(
                "計画に課がありません。手順4で課を追加してから書き出してください。",
                "The plan has no units. Add them in step 4 first."))  # fmt: skip
            return []
        dialog = SurveyExportDialog(doc.plan, self.window)
        if not dialogs.run_dialog(dialog):
            return []
        choice = dialog.choice()
        start = str(self.folder or default_folder())
        folder = dialogs.choose_folder(
            self.window, t("調査票の保存先フォルダ", "Folder for the survey"), start
        )
        if folder is None:
            return []
        try:
            with _busy():  # about 0.1 s a workbook
                paths = export_survey(doc.plan, folder, units=choice.units, one_workbook=choice.one_workbook,
                                      reply_by=choice.reply_by, lang=lang(), catalog=doc.catalog)  # fmt: skip
        except PlannerError as err:
            dialogs.show_error(self.window, t(*EXPORT_TITLE), err.text(lang()))
            return []
        self.folder = folder
        names = "\n".join(f"・{p.name}" for p in paths)
        dialogs.show_info(self.window, t("調査票を書き出しました", "Survey exported"), t(
            f"{folder} に書き出しました:\n{names}\n\n各課に送り、記入したファイルを返してもらってください。",
            f"Written to {folder}:\n{names}\n\nSend them to the units and ask for the filled-in files."))  # fmt: skip
        return paths

    def import_dialog(self) -> None:
        if self.window.doc is None:
            return
        paths = dialogs.choose_open_files(
            self.window, dialogs.XLSX_FILTER, str(self.folder or default_folder())
        )
        if paths:
            self.import_files(paths)

    def import_files(self, paths: Sequence[Path]) -> bool:
        """Read the replies, show what they change, and apply it if the user says so."""
        doc = self.window.doc
        if doc is None:
            return False
        if doc.read_only:
            dialogs.show_error(self.window, t(*IMPORT_TITLE), t(
                "読み取り専用で開いた計画には取り込めません。", "A plan opened read-only cannot be changed."))  # fmt: skip
            return False
        from ..office.survey_files import preview_replies
        from .survey_dialogs import SurveyPreviewDialog

        try:
            with _busy():
                preview = preview_replies(doc.plan, paths, doc.catalog)
        except PlannerError as err:
            dialogs.show_error(self.window, t(*IMPORT_TITLE), err.text(lang()))
            return False
        if not dialogs.run_dialog(SurveyPreviewDialog(preview, self.window)):
            return False
        held = [u for u in preview.mismatched if u.has_changes]
        accept = bool(held) and dialogs.ask_yes_no(self.window, t("別の計画・別の課の回答", "Replies from elsewhere"), t(
            "次の回答は、この計画のこの課に宛てた調査票ではありません。\n"
            + "\n".join(f"・{u.unit_name}（{u.file}）: {u.mismatch.ja}" for u in held)  # type: ignore[union-attr]
            + "\n\nこれらも取り込みますか？（「いいえ」: これらを除いて取り込みます）",
            "These replies were not made for this plan's unit:\n"
            + "\n".join(f"- {u.unit_name} ({u.file}): {u.mismatch.en}" for u in held)  # type: ignore[union-attr]
            + "\n\nImport them too? (No: import the others only)"))  # fmt: skip
        op = preview.operation(accept_mismatch=accept)
        if op is None:
            dialogs.show_info(self.window, t("調査票の回答", "Survey replies"),
                              t("計画は変わりません。", "The plan is unchanged."))  # fmt: skip
            return False
        err = doc.apply(op)
        if err is not None:
            dialogs.show_error(self.window, t(*IMPORT_TITLE), err.text(lang()))
            return False
        n = sum(1 for u in preview.units if u.applies(accept) and u.has_changes)
        self.window.show_status(t(f"調査票の回答を取り込みました（{n}課）。元に戻す（Ctrl+Z）で取り消せます。",
                                  f"Imported the replies of {n} unit(s). Undo (Ctrl+Z) takes them back."))  # fmt: skip
        return True
