"""ja_rollup_dialog.png: ファイル › 複数の計画を集計…'s progress (issue 24), offscreen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/take_rollup.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from planner.ui.app import create_app  # noqa: E402
from planner.ui.rollup_dialog import progress_dialog  # noqa: E402

HERE = Path(__file__).resolve().parent


def main() -> None:
    app = create_app()
    box = progress_dialog(None)
    box.setMaximum(60)
    box.setValue(23)
    box.setLabelText("計画を読み込んでいます… 23/60")
    box.resize(420, 120)
    box.show()
    app.processEvents()
    box.grab().save(str(HERE / "ja_rollup_dialog.png"))


if __name__ == "__main__":
    main()
