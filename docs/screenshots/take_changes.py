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
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from planner.domain.operations import RemoveRow, SetValue  # noqa: E402
from planner.resources import resource_path  # noqa: E402
from planner.ui import i18n  # noqa: E402
from planner.ui.app import create_app  # noqa: E402
from planner.ui.changes_view import ChangesDialog, read_version  # noqa: E402
from planner.ui.main_window import MainWindow  # noqa: E402

HERE = Path(__file__).resolve().parent


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
    folder = Path(tempfile.mkdtemp())
    path = folder / "kawasemi-town.twplan"
    shutil.copy(resource_path("samples", "kawasemi-town.twplan"), path)
    for language in ("ja", "en"):
        i18n.set_language(language, remember=False)
        window = MainWindow(recovery_dir=folder / "recovery")
        window.files.open(path)
        edited(window)
        saved = read_version(path, window.doc.catalog)
        name = i18n.t(f"{path.name}（前回保存時）", f"{path.name} (as last saved)")
        editing = i18n.t(f"{path.name}（編集中）", f"{path.name} (being edited)")
        dialog = ChangesDialog(
            window, (saved, name), (window.doc.plan, editing), window.doc.catalog
        )
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(HERE / f"{language}_changes_dialog.png"))
        dialog.close()
        window.doc.undo_stack.setClean()
        window.close()
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
