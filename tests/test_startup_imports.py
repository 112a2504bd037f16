"""Issue 25: the welcome screen appears without the plan's machinery.

The document, the catalog and its files, the store's project file and the plan's
pages are imported when a plan is created or opened, not to show the welcome screen.
A fresh interpreter shows what a real start imports.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

START = """
import sys, pathlib
from planner.ui.app import create_app
from planner.ui.main_window import MainWindow
app = create_app(sys.argv[:1])
w = MainWindow(recovery_dir=pathlib.Path(sys.argv[1]))
w.show()
app.processEvents()
assert w.welcome is not None and w.welcome.isVisible()
print(" ".join(sorted(m for m in sys.modules if m.startswith("planner."))))
"""

# what only a plan needs (planner.ui.pages and the workspace: tests/test_report_preload.py)
PLAN_ONLY = (
    "planner.ui.document",
    "planner.ui.fields",
    "planner.ui.table_model",
    "planner.ui.row_table",
    "planner.domain.operations",
    "planner.loading.defaults",
    "planner.loading.catalog_files",
    "planner.store.project",
)


def _started_modules(tmp_path: Path) -> set[str]:
    (tmp_path / "rules").mkdir()  # the user's rules folder, empty
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TELEWORK_PLANNER_RULES_DIR": str(tmp_path / "rules"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    out = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", START, str(tmp_path / "recovery")],
        env=env, capture_output=True, text=True, timeout=60, cwd=ROOT,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr[-500:]
    return set(out.stdout.split())


def test_the_welcome_screen_is_shown_without_the_plan_machinery(tmp_path):
    modules = _started_modules(tmp_path)
    assert "planner.ui.welcome" in modules  # the script did start the program
    assert sorted(m for m in PLAN_ONLY if m in modules) == []
