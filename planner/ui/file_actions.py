"""New, Open, Save, Save As, Export, Import and Close — with the store's locks and messages.

The store does the work (and refuses bad files with a readable message); this
module asks the user where, shows what went wrong, and never changes the open
plan when something fails.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QStandardPaths

from ..domain.errors import PlannerError
from ..resources import resource_dir
from . import dialogs
from .i18n import lang, t, tx

if TYPE_CHECKING:  # issue 25: the plan's machinery is imported when a plan is made or opened
    from ..domain.model import Municipality
    from .document import PlanDocument
    from .main_window import MainWindow

MAX_RECENT = 8
RULE_FILTER = "TOML (*.toml)"


def recent_files() -> list[Path]:
    value = QSettings().value("files/recent", [])  # any type: the settings file is input
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [Path(p) for p in items if isinstance(p, str) and p and Path(p).exists()]


def default_folder() -> Path:
    """Where dialogs start: the folder of the last plan, else the user's Documents."""
    for path in recent_files():
        if not in_program_files(path):  # never suggest the samples' folder
            return path.parent
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def in_program_files(path: Path) -> bool:
    """Whether ``path`` lies in the program's own resources (the samples among them),
    which the program reads but never writes (compared as the OS resolves both)."""
    try:
        target, own = path.resolve(), resource_dir().resolve()
    except (OSError, RuntimeError):
        return False
    return os.path.normcase(target).startswith(os.path.normcase(own) + os.sep)


def remember(path: Path) -> None:
    items = [str(path)] + [str(p) for p in recent_files() if p != path]
    QSettings().setValue("files/recent", items[:MAX_RECENT])


class FileActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    @property
    def doc(self) -> PlanDocument | None:
        return self.window.doc

    def _error(self, title: str, err: PlannerError) -> None:
        dialogs.show_error(self.window, title, err.text(lang()))

    def _refuse_program_files(self, path: Path, title: str) -> bool:
        """True (after saying why) when ``path`` is in the program's own folder."""
        if not in_program_files(path):
            return False
        dialogs.show_error(self.window, title, t(
            f"{path}\nこのプログラム自身のファイル（見本の計画など）がある場所です。"
            "プログラムのファイルは上書きできません。別の場所を選んでください。",
            f"{path}\nThis is where the program keeps its own files (the sample plans and "
            "others); they cannot be overwritten. Choose another place.",
        ))  # fmt: skip
        return True

    # -- new / open ------------------------------------------------------------------------

    def create(self, municipality: Municipality) -> None:
        from ..domain.builders import new_plan
        from .document import PlanDocument

        if not self.close_plan():
            return
        plan = new_plan(municipality, self.window.catalog, lang())
        self.window.set_document(PlanDocument(plan, self.window.catalog))

    def open_dialog(self) -> None:
        path = dialogs.choose_open_file(self.window, folder=str(default_folder()))
        if path:
            self.open(path)

    def open(self, path: Path) -> bool:
        from ..store.lock import PlanLockedError, acquire_lock, take_over
        from ..store.project import open_plan
        from .document import PlanDocument

        if in_program_files(path):  # a sample opened by name: a copy, as from the welcome screen
            from .samples import open_sample

            return open_sample(self.window, path)

        title = t("計画を開けません", "Cannot open the plan")
        try:
            plan = open_plan(path, self.window.catalog)
        except PlannerError as err:
            self._error(title, err)
            return False
        except OSError as err:
            dialogs.show_error(
                self.window,
                title,
                t(
                    f"ファイルを読めません: {path}\n{err.strerror}",
                    f"Cannot read {path}: {err.strerror}",
                ),
            )
            return False
        if not self.close_plan():
            return False
        read_only, owner, lock = False, None, None
        try:
            lock = acquire_lock(path)
        except PlanLockedError as locked:
            info = locked.owner
            owner = (
                f"{info.user}（{info.host}）" if lang() == "ja" else f"{info.user} ({info.host})"
            )
            if locked.stale and dialogs.ask_yes_no(
                self.window,
                t("使用中の表示", "Plan in use"),
                t(f"{info.describe('ja')}開いていることになっていますが、古い記録のようです。引き継いで編集しますか？",
                  f"The plan is marked as open by {info.describe('en')}, but the record looks stale. Take it over?"),
            ):  # fmt: skip
                try:
                    lock = take_over(path)
                except (PlannerError, OSError):
                    read_only = True
            else:
                read_only = True
        except OSError as err:
            read_only, owner = True, t("（ロックを作成できません）", "(cannot create a lock)")
            if isinstance(err, PlannerError):  # why: a read-only folder, a folder as the lock
                self.window.show_status(err.text(lang()))
        doc = PlanDocument(plan, self.window.catalog, path, read_only=read_only)
        doc.lock, doc.lock_owner = lock, owner
        self.window.set_document(doc)
        remember(path)
        return True

    def recover(self, entry) -> None:
        from ..store.project import open_plan
        from ..store.recovery import discard_recovery
        from .document import PlanDocument

        try:
            plan = open_plan(entry.path, self.window.catalog)
        except PlannerError as err:
            self._error(t("復元できません", "Cannot recover"), err)
            return
        doc = PlanDocument(plan, self.window.catalog, None)
        doc.suggested_path = entry.source  # Save offers the file the work came from
        self.window.set_document(doc)
        discard_recovery(entry)
        self.window.mark_recovered()

    # -- save ------------------------------------------------------------------------------

    def save(self) -> bool:
        doc = self.doc
        if doc is None:
            return False
        if doc.path is None or doc.read_only or in_program_files(doc.path):
            return self.save_as()
        return self._save_to(doc.path)

    def save_as(self) -> bool:
        doc = self.doc
        if doc is None:
            return False
        if doc.path:
            suggested = str(doc.path.with_name(doc.path.stem + "_copy.twplan"))
        else:
            suggested = str(doc.suggested_path or default_folder() / f"{doc.plan.title}.twplan")
        path = dialogs.choose_save_file(self.window, suggested)
        if path is None:
            return False
        if path.suffix != ".twplan":
            path = (
                path.with_suffix(path.suffix + ".twplan")
                if path.suffix
                else path.with_suffix(".twplan")
            )
        if self._refuse_program_files(path, t("保存できません", "Cannot save")):
            return False
        if doc.read_only and doc.path and path.resolve() == doc.path.resolve():
            dialogs.show_error(self.window, t("保存できません", "Cannot save"),
                               t("読み取り専用で開いた計画は、別の名前で保存してください。", "A plan opened read-only must be saved under a new name."))  # fmt: skip
            return False
        from ..store.lock import PlanLockedError, acquire_lock

        try:
            new_lock = acquire_lock(path)
        except PlanLockedError:
            dialogs.show_error(self.window, t("保存できません", "Cannot save"),
                               t("保存先のファイルは他の職員が開いています。", "Someone else has that file open."))  # fmt: skip
            return False
        except OSError:
            new_lock = None
        if not self._save_to(path):
            if new_lock:
                new_lock.release()
            return False
        if doc.lock:
            doc.lock.release()
        was_read_only = doc.read_only
        doc.lock, doc.read_only, doc.lock_owner = new_lock, False, None
        remember(path)
        if was_read_only:
            self.window.set_document(doc)  # rebuild: the pages become editable
        return True  # otherwise the page stays as it is, scrolled where it was

    def _save_to(self, path: Path) -> bool:
        from ..store.interchange import as_exported
        from ..store.project import save_plan

        doc = self.doc
        try:  # the file records the rules the figures use (issue 19)
            saved = as_exported(doc.plan, doc.catalog)
            save_plan(saved, path, catalog=doc.catalog)
        except PlannerError as err:
            self._error(t("保存できません", "Cannot save"), err)
            return False
        except OSError as err:
            dialogs.show_error(self.window, t("保存できません", "Cannot save"),
                               t(f"{path} に保存できません: {err.strerror}", f"Cannot save to {path}: {err.strerror}"))  # fmt: skip
            return False
        self.doc.mark_saved(path)
        self.doc.record_rules(saved.recorded_rules)  # what the file now records
        self.window.autosave.discard()
        self.window.update_title()
        return True

    # -- close -----------------------------------------------------------------------------

    def close_plan(self) -> bool:
        """Close the open plan after asking about unsaved changes; False if the user cancels."""
        doc = self.doc
        if doc is None:
            return True
        if doc.dirty and not doc.read_only:
            answer = dialogs.ask_save_changes(self.window, doc.display_name())
            if answer == "cancel" or (answer == "save" and not self.save()):
                return False
        self.window.autosave.discard()
        doc.close()
        self.window.set_document(None)
        return True

    # -- export / import -------------------------------------------------------------------

    def export_pdf(self) -> Path | None:
        doc = self.doc
        if doc is None:
            return None
        base = (
            doc.path.with_suffix(".pdf") if doc.path else default_folder() / f"{doc.plan.title}.pdf"
        )
        path = dialogs.choose_save_file(self.window, str(base), dialogs.PDF_FILTER)
        if path is None or self._refuse_program_files(
            path, t("PDFを出力できません", "Cannot export the PDF")
        ):
            return None
        from ..report import export_pdf

        try:
            result = export_pdf(doc.plan, path, lang=lang(), catalog=doc.catalog)
        except PlannerError as err:
            self._error(t("PDFを出力できません", "Cannot export the PDF"), err)
            return None
        except OSError as err:
            dialogs.show_error(
                self.window, t("PDFを出力できません", "Cannot export the PDF"), str(err.strerror)
            )
            return None
        text = t(
            f"{path} に出力しました（{result.pages}ページ）。",
            f"Exported to {path} ({result.pages} pages).",
        )
        if result.warnings:
            text += "\n\n" + "\n".join(result.warnings)
        dialogs.show_info(self.window, t("PDFを出力しました", "PDF exported"), text)
        return path

    def export_json(self) -> None:
        doc = self.doc
        if doc is None:
            return
        base = (
            doc.path.with_suffix(".json")
            if doc.path
            else default_folder() / f"{doc.plan.title}.json"
        )
        path = dialogs.choose_save_file(self.window, str(base), dialogs.JSON_FILTER)
        if path is None or self._refuse_program_files(path, t("書き出せません", "Cannot export")):
            return
        from ..store.interchange import as_exported, export_json

        try:
            export_json(as_exported(doc.plan, doc.catalog), path)  # with its rules (issue 19)
        except (PlannerError, OSError) as err:
            msg = err.text(lang()) if isinstance(err, PlannerError) else str(err)
            dialogs.show_error(self.window, t("書き出せません", "Cannot export"), msg)

    def import_json(self) -> None:
        path = dialogs.choose_open_file(self.window, dialogs.JSON_FILTER, str(default_folder()))
        if path is None:
            return
        from ..store.interchange import import_json
        from .document import PlanDocument

        try:
            plan = import_json(path)
        except PlannerError as err:
            self._error(t("読み込めません", "Cannot import"), err)
            return
        except (OSError, ValueError) as err:
            dialogs.show_error(self.window, t("読み込めません", "Cannot import"), str(err))
            return
        if self.close_plan():
            self.window.set_document(PlanDocument(plan, self.window.catalog))

    # -- subsidy rule files (issue 15) -----------------------------------------------------

    def import_rules(self) -> bool:
        """Check a rule file, store it for this user, and estimate with it at once."""
        path = dialogs.choose_open_file(self.window, RULE_FILTER, str(default_folder()))
        if path is None:
            return False
        from ..domain.fiscal import era_year_label
        from ..domain.subsidy_text import replaced_rule_note
        from ..loading import with_user_rules
        from ..store.rules_store import import_rule_file

        title = t("ルールファイルを読み込めません", "Cannot load the rule file")
        try:
            stored = import_rule_file(path)
            catalog = with_user_rules(self.window.catalog)
        except PlannerError as err:
            self._error(title, err)
            return False
        self.window.catalog = catalog
        self.window.show_startup_warnings()  # a mended rule file's warning goes
        if self.doc is not None:
            self.doc.use_catalog(catalog)
        rule = stored.rule
        day = rule.date.isoformat()
        replaced = (
            "" if stored.replaced is None else "\n" + tx(replaced_rule_note(stored.replaced, rule))
        )
        shown = (
            t("開いている計画の見積もりに反映しました。", "The open plan's estimate uses it now.")
            if self.doc is not None
            else ""
        )
        dialogs.show_info(
            self.window,
            t("ルールファイルを読み込みました", "Rule file loaded"),
            t(
                f"{era_year_label(rule.fiscal_year)}の特別交付税措置のルールを読み込みました。\n"
                f"出典: {rule.source.ja}（{day}）\n{shown}",
                f"Loaded the special allocation tax rule of FY{rule.fiscal_year}.\n"
                f"Source: {rule.source.en} ({day})\n{shown}",
            ).rstrip()
            + replaced,
        )
        return True
