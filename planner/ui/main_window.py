"""The main window: menus, the welcome screen or the plan workspace, title and drops."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenuBar, QMessageBox

from .. import APP_NAME, APP_NAME_JA, version
from . import i18n
from .autosave import Autosave, default_recovery_dir
from .file_actions import FileActions, recent_files
from .i18n import t
from .menus import build_menus
from .samples import open_sample, sample_files
from .survey_actions import SurveyActions
from .trial_actions import TrialActions
from .welcome import WelcomePage

if TYPE_CHECKING:  # issue 25: the plan's machinery is imported when a plan is made or opened
    from ..domain.catalog import Catalog
    from .document import PlanDocument


class MainWindow(QMainWindow):
    def __init__(self, catalog: Catalog | None = None, recovery_dir: Path | None = None) -> None:
        super().__init__()
        self._catalog = catalog  # read at its first use (issue 25)
        self.doc: PlanDocument | None = None
        self.workspace = None  # the plan workspace once a plan is open
        self.welcome: WelcomePage | None = None
        self.help_window = None  # the manual's window, made when first asked for (issue 22)
        self.recovery_dir = recovery_dir or default_recovery_dir()
        self.autosave = Autosave(self.recovery_dir)
        self.autosave.failed.connect(self.show_status)
        self.files = FileActions(self)
        self.survey = SurveyActions(self)  # issue 20: the task survey in Excel
        self.trial = TrialActions(self)  # issue 23: the trial survey
        self.setAcceptDrops(True)
        self._menu_actions: list[QAction] = []
        self._startup_warnings = ""
        self.resize(1366, 768)
        self.setMinimumSize(1024, 640)
        self._build()

    @property
    def catalog(self) -> Catalog:
        """The process's catalog, read at its first use: the welcome screen needs none."""
        if self._catalog is None:
            from ..loading import default_catalog

            self._catalog = default_catalog()
        return self._catalog

    @catalog.setter
    def catalog(self, catalog: Catalog) -> None:
        self._catalog = catalog

    def _rule_problems(self) -> tuple:
        """Imported rule files not used. With no rule file in the user's folder there is
        none, and the catalog is not read for them (issue 25)."""
        if self._catalog is None:
            from ..loading.rule_folder import rule_files, user_rules_dir

            if not rule_files(user_rules_dir()):
                return ()
        return self.catalog.rule_problems

    def show_startup_warnings(self) -> None:
        """Files read at start-up that were skipped (issue 18), named in the status bar:
        imported rule files not used, a settings file not read."""
        from .settings_file import settings_problem

        problems = [*self._rule_problems(), settings_problem()]
        text = " / ".join(i18n.tx(p) for p in problems if p is not None)
        bar = self.statusBar()
        if text:
            bar.showMessage(text)
        elif bar.currentMessage() == self._startup_warnings:
            bar.clearMessage()  # the rule file was mended, or imported again
        bar.setToolTip(text.replace(" / ", "\n"))
        self._startup_warnings = text

    # -- building (again on a language change) ---------------------------------------------

    def _build(self, step: int = 0) -> None:
        self._clear_menus()
        build_menus(self)
        if self.doc is None:
            self._show_welcome()
        else:
            self._show_workspace(step)
        self.update_title()
        self.show_startup_warnings()  # at the start, and again in a new language

    def _clear_menus(self) -> None:
        """Drop the old menus and their actions, so no stale action or shortcut remains.

        A new menu bar replaces the old one, which Qt deletes later with its menus (a menu's
        action may be what asked for the rebuild). Deleting the menus themselves left their
        Python wrappers held by the bar: a dead one piled up per menu at each rebuild."""
        bar = QMenuBar(self)
        self.setMenuBar(bar)
        bar.show()  # now, not at the next turn of the event loop: its keys work at once
        for action in self._menu_actions:
            action.deleteLater()
        self._menu_actions = []

    def _show_welcome(self) -> None:
        from ..store.recovery import list_recoveries

        try:
            # another running copy of the program is still working on its plan: not ours to offer
            recoveries = [
                e
                for e in list_recoveries(self.recovery_dir)
                if not e.running or e.pid == os.getpid()
            ]
        except OSError:
            recoveries = []
        self.welcome = WelcomePage(recent_files(), recoveries, sample_files())
        self.welcome.open_sample.connect(self.open_sample)
        self.welcome.form.create.connect(self.files.create)
        self.welcome.open_requested.connect(self.files.open_dialog)
        self.welcome.open_path.connect(self.files.open)
        self.welcome.recover.connect(self.files.recover)
        self.workspace = None
        self.setCentralWidget(self.welcome)
        self.welcome.show()  # now, not at the next turn of the event loop: after a change of
        # language the page takes clicks at once (issue 25: no stray window lays it out first)
        from .accessible import name_widgets

        name_widgets(self.welcome)  # screen readers (issue 22)

    def _show_workspace(self, step: int = 0) -> None:
        from .workspace import Workspace  # not needed for the welcome screen

        # built on the step to show: only that step's page is made
        self.workspace = Workspace(self.doc, export_pdf=self.files.export_pdf, step=step)
        self.workspace.help_requested.connect(self.show_help)  # a page's 「?」
        self.welcome = None
        self.setCentralWidget(self.workspace)

    # -- document ------------------------------------------------------------------------------

    def set_document(self, doc: PlanDocument | None) -> None:
        if self.doc is not None and self.doc is not doc:
            self.doc.undo_stack.cleanChanged.disconnect(self._clean_changed)
        step = self.workspace.current() if (self.workspace and doc is self.doc) else 0
        self.doc = doc
        if doc is not None:
            doc.undo_stack.cleanChanged.connect(self._clean_changed)
            doc.subscribe(self.update_title)  # the municipality's name is in the title (once)
        self.autosave.watch(doc)
        self._clear_menus()
        build_menus(self)
        if doc is None:
            self._show_welcome()
        else:
            self._show_workspace(step)
        self.update_title()

    def _clean_changed(self, _clean: bool) -> None:
        self.update_title()

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text)

    def mark_recovered(self) -> None:
        if self.doc is not None:
            self.doc.undo_stack.resetClean()  # recovered work is unsaved work
            self.update_title()

    def update_title(self) -> None:
        name = f"{APP_NAME_JA} — {APP_NAME}"
        if self.doc is None:
            self.setWindowTitle(name)
            self.setWindowModified(False)
            return
        title = f"{self.doc.plan.title}[*] — {name}"
        if self.doc.read_only:
            owner = self.doc.lock_owner or ""
            title = t(f"{self.doc.plan.title}（読み取り専用: {owner} が使用中）[*] — {name}",
                      f"{self.doc.plan.title} (read-only: open by {owner})[*] — {name}")  # fmt: skip
        self.setWindowTitle(title)
        self.setWindowModified(self.doc.dirty)

    # -- commands ------------------------------------------------------------------------------

    def _step(self, delta: int) -> None:
        if self.workspace is not None:
            self.workspace.go(self.workspace.current() + delta)

    def new_plan(self) -> None:
        if self.files.close_plan():
            self._show_welcome()

    def open_sample(self, path: Path) -> bool:
        """A shipped sample plan as an untitled copy (saving asks for a new name)."""
        return open_sample(self, path)

    def _rebuild_on_the_same_step(self) -> None:
        """Every page built again (a new language or text size), the step shown kept."""
        self._build(self.workspace.current() if self.workspace is not None else 0)

    def set_language(self, code: str) -> None:
        i18n.set_language(code)
        self._rebuild_on_the_same_step()
        if self.help_window is not None and self.help_window.isVisible():
            self.show_help(self.help_window.topic())  # the same section, in the new language

    def set_text_size(self, code: str) -> None:
        """表示 › 文字の大きさ (issue 22): every page again at the new size, the same step shown."""
        from . import text_size

        text_size.set_level(code)
        text_size.refresh(self)
        text_size.refresh(self.help_window)
        self._rebuild_on_the_same_step()

    def show_help(self, topic: str = "") -> None:
        """The manual at ``topic``, or at the section of the page shown (F1, issue 22)."""
        from .help_window import show_help

        if not topic:
            topic = self.workspace.help_topic() if self.workspace is not None else "start"
        self.help_window = show_help(self.help_window, self, topic)

    def about(self) -> None:
        QMessageBox.about(
            self,
            t("このプログラムについて", "About"),
            f"{APP_NAME_JA}\n{APP_NAME} {version()}\n\n"
            + t(
                "フォント: BIZ UDPゴシック / BIZ UDゴシック / BIZ UD明朝（SIL Open Font License）",
                "Fonts: BIZ UDPGothic / BIZ UDGothic / BIZ UDMincho (SIL Open Font License)",
            ),  # fmt: skip
        )

    # -- Qt events -----------------------------------------------------------------------------

    def show_restored(self, area=None) -> None:
        """Show the window where it was left, or fitted to the screen's free area."""
        from .window_state import place_window

        if place_window(self, area):
            self.showMaximized()
        else:
            self.show()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.files.close_plan():
            from .window_state import save_window

            save_window(self)
            event.accept()
        else:
            event.ignore()

    def _replies(self, event) -> list[Path]:
        """Survey replies (.xlsx) dropped on an open plan (issue 20)."""
        if self.doc is None:
            return []
        paths = (Path(u.toLocalFile()) for u in event.mimeData().urls())
        return [p for p in paths if p.suffix.lower() == ".xlsx"]

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if any(u.toLocalFile().endswith(".twplan") for u in event.mimeData().urls()):
            event.acceptProposedAction()
        elif self._replies(event):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        for url in event.mimeData().urls():
            path = url.toLocalFile()
            if path.endswith(".twplan"):
                self.files.open(Path(path))
                event.acceptProposedAction()
                return
        replies = self._replies(event)
        if replies:
            event.acceptProposedAction()
            # after the drop returns: a dialog inside it would hold the file manager's drag
            QTimer.singleShot(0, self, lambda: self.survey.import_files(replies))
