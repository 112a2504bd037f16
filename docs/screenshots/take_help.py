"""The manual's pictures (resources/help/images/) and the help window (issue 22), ja and en.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/take_help.py
The manual's pictures are the real window at 1366×768 with a copy of the larger sample
plan, scaled down to the width the manual shows them at; run it again after the
screens change, so the manual never shows an old screen. Then the help window itself,
open at step 4, lands beside this file (ja_help_window.png, en_help_window.png).
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
from planner.ui.main_window import MainWindow  # noqa: E402

IMAGES = resource_path("help", "images")
WIDTH = 680  # the manual shows pictures at their own size: this fits the help window
SHOTS = (("step04", 3), ("step07", 6), ("summary", 10))  # name, workspace row


def picture(widget, name: str) -> None:
    """A window scaled to the manual's width, as a 256-colour PNG (small, still legible)."""
    from PIL import Image

    path = IMAGES / name
    widget.grab().save(str(path))
    image = Image.open(path).convert("RGB")
    height = round(image.height * WIDTH / image.width)
    image = image.resize((WIDTH, height), Image.Resampling.LANCZOS)
    image.quantize(256).save(path, optimize=True)


def main() -> None:
    app = create_app()
    work = Path(tempfile.mkdtemp())
    sample = work / "kawasemi-town.twplan"
    shutil.copy(resource_path("samples", "kawasemi-town.twplan"), sample)
    IMAGES.mkdir(exist_ok=True)
    for lang in ("ja", "en"):
        i18n.set_language(lang, remember=False)
        w = MainWindow(recovery_dir=work / "recovery")
        w.resize(1366, 768)
        w.show()
        app.processEvents()
        picture(w, f"{lang}_welcome.png")
        w.files.open(sample)
        for name, row in SHOTS:
            w.workspace.go(row)
            app.processEvents()
            picture(w, f"{lang}_{name}.png")
        w.workspace.go(3)
        w.show_help()  # as F1 does: the manual at step 4
        help_window = w.help_window
        help_window.resize(1100, 720)
        app.processEvents()
        save(help_window, f"{lang}_help_window.png")
        help_window.close()
        w.files.close_plan()
        w.deleteLater()
    i18n.set_language("ja", remember=False)
    print(f"pictures in {IMAGES}, help window in {HERE}")


if __name__ == "__main__":
    main()
