"""Screenshots of ファイル › 印刷… (issue 22): the print preview of the larger sample, ja and en.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/take_print.py
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

from planner.resources import resource_path  # noqa: E402
from planner.ui import i18n  # noqa: E402
from planner.ui.app import create_app  # noqa: E402


def main() -> None:
    from planner.ui.main_window import MainWindow
    from planner.ui.print_preview import PrintPreview

    app = create_app()
    work = Path(tempfile.mkdtemp())
    sample = work / "kawasemi-town.twplan"
    shutil.copy(resource_path("samples", "kawasemi-town.twplan"), sample)
    for lang in ("ja", "en"):
        i18n.set_language(lang, remember=False)
        w = MainWindow(recovery_dir=work / "recovery")
        w.resize(1366, 768)
        w.show()
        w.files.open(sample)
        app.processEvents()
        next(a for a in w._menu_actions if a.objectName() == "actionPrint").trigger()
        preview = w.findChild(PrintPreview, "printPreview")
        preview.resize(1280, 740)
        app.processEvents()
        if lang == "ja":
            preview.go(1)  # the contents page
        else:  # the schedule, on its landscape page as in the PDF
            preview.go(next(i for i in range(preview.count) if preview.pages.landscape(i)))
        app.processEvents()
        save(preview, f"{lang}_print_preview.png")
        preview.close()
        w.files.close_plan()
        w.close()
    print(f"screenshots in {HERE}")


if __name__ == "__main__":
    main()
