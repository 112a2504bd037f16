"""Preloading the PDF libraries in a background thread, then exporting, gives the same PDF."""

from __future__ import annotations

import subprocess
import sys


def test_preload_in_a_thread_then_export(tmp_path):
    code = (
        "import sys, threading\n"
        "from pathlib import Path\n"
        "from planner.report import export_pdf, preload\n"
        "from planner.store.project import open_plan\n"
        "assert 'matplotlib' not in sys.modules and 'reportlab' not in sys.modules\n"
        "from planner.ui.app import start_report_preload\n"
        "thread = start_report_preload()\n"
        "plan = open_plan(Path(sys.argv[1]))\n"
        "result = export_pdf(plan, Path(sys.argv[2]))\n"  # may overlap the preload
        "thread.join(60)\n"
        "assert not thread.is_alive()\n"
        "from planner.ui.app import PLAN_MODULES\n"
        "assert all(m in sys.modules for m in PLAN_MODULES)\n"
        "preload()\n"  # a second call is cheap and harmless
        "print(result.pages)\n"
    )
    from shutil import copy

    from planner.resources import resource_path

    src = tmp_path / "in.twplan"
    copy(resource_path("samples", "yamanami-village.twplan"), src)
    out = subprocess.run(
        [sys.executable, "-c", code, str(src), str(tmp_path / "out.pdf")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert int(out.stdout) > 5


def _printed_by_fresh_process(code: str) -> str:
    """What ``code`` prints in a new interpreter (offscreen Qt), which must exit cleanly."""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_start_up_modules_import_no_heavy_library():
    code = (
        "import sys\n"
        "import planner.report, planner.store, planner.store.project, planner.store.interchange\n"
        "import planner.store.recovery, planner.store.lock, planner.domain.catalog\n"
        "import planner.ui.main_window\n"
        "heavy = ('reportlab', 'matplotlib', 'sqlalchemy', 'sqlmodel', 'alembic', 'importlib.metadata')\n"
        "print(sorted(m for m in sys.modules if m in heavy or m.split('.')[0] in heavy[:5]))\n"
    )
    assert _printed_by_fresh_process(code) == "[]"


def test_the_welcome_screen_does_not_import_the_step_pages():
    code = (
        "import sys\n"
        "import planner.ui.main_window\n"
        "print(sorted(m for m in sys.modules if m.startswith(('planner.ui.pages', 'planner.ui.workspace'))))\n"
    )
    assert _printed_by_fresh_process(code) == "[]"
