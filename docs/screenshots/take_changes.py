"""ja_changes_dialog.png / en_changes_dialog.png: ファイル › 前回保存時と比較's 変更点一覧
(issue 24) after a few edits of the kawasemi sample, offscreen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/take_changes.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()  # no recent files or language from this machine
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from take import save  # noqa: E402

from planner.domain.operations import RemoveRow, SetValue  # noqa: E402
from planner.resources import resource_path  # noqa: E402
from planner.ui import dialogs, i18n  # noqa: E402
from planner.ui.app import create_app  # noqa: E402
from planner.ui.main_window import MainWindow  # noqa: E402


def edited(window: MainWindow) -> None:
    """The edits a town might make between the council's first and second version."""
    doc = window.doc
    unit = doc.plan.units[0]
    doc.apply(SetValue(("units", unit.id), "teleworkers", unit.teleworkers + 2))
    doc.apply(RemoveRow(("units", unit.id, "tasks"), unit.tasks[0].id))
    line = doc.plan.scenarios[0].lines[0]
    doc.apply(SetValue(("scenarios", doc.plan.scenarios[0].id, "lines", line.id), "quantity",
                       line.quantity + 5))  # fmt: skip


def main() -> None:
    app = create_app()
    shown = []
    dialogs.run_dialog = lambda dialog: shown.append(dialog) or dialog.show()  # not modal here
    work = Path(tempfile.mkdtemp())
    sample = work / "kawasemi-town.twplan"
    shutil.copy(resource_path("samples", "kawasemi-town.twplan"), sample)
    for lang in ("ja", "en"):
        i18n.set_language(lang, remember=False)
        w = MainWindow(recovery_dir=work / "recovery")
        w.files.open(sample)
        edited(w)
        next(a for a in w._menu_actions if a.objectName() == "actionCompareSaved").trigger()
        app.processEvents()
        save(shown[-1], f"{lang}_changes_dialog.png")
        shown[-1].close()
        w.doc.undo_stack.setClean()
        w.close()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
