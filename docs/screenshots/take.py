"""Screenshots of every page, in Japanese and English, at 1366×768 and 1920×1080.

The pages at the largest text size (特大, issue 22): ``take.py text-size``.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/take.py
It opens a copy of the larger sample plan; the PNGs land beside this file.
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

from planner.resources import resource_path  # noqa: E402
from planner.ui import i18n  # noqa: E402
from planner.ui.app import create_app  # noqa: E402
from planner.ui.main_window import MainWindow  # noqa: E402

NAMES = ["01_structure", "02_purpose", "03_current", "04_tasks", "05_staff", "06_rules", "07_ict",
         "08_security", "09_training", "10_rollout", "11_summary"]  # fmt: skip


def save(widget, name: str) -> None:
    """Grab a window; store it as a 256-colour PNG (a tenth of the size, same legibility)."""
    from PIL import Image

    path = HERE / name
    widget.grab().save(str(path))
    Image.open(path).convert("RGB").quantize(256).save(path, optimize=True)


def main() -> None:
    app = create_app()
    work = Path(tempfile.mkdtemp())
    sample = work / "kawasemi-town.twplan"
    shutil.copy(resource_path("samples", "kawasemi-town.twplan"), sample)
    if sys.argv[1:] == ["text-size"]:  # only the pages at 特大 (issue 22)
        text_size_pages(app, work, sample)
        return
    for lang in ("ja", "en"):
        for size in ((1366, 768), (1920, 1080)):
            i18n.set_language(lang, remember=False)
            w = MainWindow(recovery_dir=work / "recovery")
            w.resize(*size)
            w.show()
            app.processEvents()
            every_page(app, w, sample, f"{lang}_{size[0]}")
    file_dialog(app)
    text_size_pages(app, work, sample)
    print(f"screenshots in {HERE}")


def text_size_pages(app, work: Path, sample: Path) -> None:
    """Every page at 表示 › 文字の大きさ › 特大 (issue 22), Japanese, 1366×768."""
    from planner.ui import text_size

    i18n.set_language("ja", remember=False)
    w = MainWindow(recovery_dir=work / "recovery")
    w.resize(1366, 768)
    w.show()
    w.set_text_size("x-large")
    app.processEvents()
    every_page(app, w, sample, "ja_1366_xl")
    text_size.set_level("normal", remember=False)


def every_page(app, w: MainWindow, sample: Path, prefix: str) -> None:
    """The welcome screen, then the sample's ten steps and summary, as ``prefix_NAME.png``."""
    save(w, f"{prefix}_00_welcome.png")
    w.files.open(sample)
    for i, name in enumerate(NAMES):
        w.workspace.go(i)
        if name == "11_summary":
            w.workspace.summary.show_charts()
        app.processEvents()
        save(w, f"{prefix}_{name}.png")
    w.files.close_plan()
    w.deleteLater()


def file_dialog(app) -> None:
    """Qt's own (non-native) open dialog in Japanese: every label translated."""
    from PySide6.QtWidgets import QFileDialog

    i18n.set_language("ja", remember=False)
    folder = Path(tempfile.mkdtemp()) / "計画"
    folder.mkdir()
    for sample in resource_path("samples").glob("*.twplan"):
        shutil.copy(sample, folder / sample.name)
    dialog = QFileDialog(None, "開く", str(folder), "テレワーク計画 (*.twplan)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.resize(900, 440)
    dialog.show()
    app.processEvents()
    save(dialog, "ja_file_dialog.png")
    dialog.close()


if __name__ == "__main__":
    main()
