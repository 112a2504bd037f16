"""Issue 25: the welcome screen appears without the plan's machinery.

The document, the catalog and its files, the store's project file and the plan's
pages are imported when a plan is created or opened, not to show the welcome screen.
A fresh interpreter shows what a real start imports.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.checks import NO_CATALOG_LISTS, check_record
from planner.domain.errors import ValidationError
from planner.domain.model import Municipality
from planner.domain.model_municipality import check_municipality

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
    "planner.domain.model",  # the whole plan's declaration: the form needs its municipality
    "planner.domain.checks",
    "planner.domain.catalog",
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


def _problem(check, mu: Municipality) -> tuple[str, str, str] | None:
    try:
        check(mu)
    except ValidationError as err:
        return err.field, err.text("ja"), err.text("en")
    return None


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.sampled_from(["", " ", "かわせみ町", "x" * 5000, "a\x00b"]),
    prefecture=st.sampled_from(["", "静岡県", "静岡", "Tokyo"]),
    general=st.integers(-2, 2_000_000),
    every=st.integers(-2, 2_000_000),
    year=st.sampled_from([0, 1999, 2000, 2026, 2100, 2101]),
    index=st.sampled_from([None, Decimal("-0.1"), Decimal("0.35"), Decimal(5), Decimal("5.01")]),
)
def test_the_welcome_form_refuses_what_a_save_refuses(
    municipality, name, prefecture, general, every, year, index
):
    """The form's check (``check_municipality``) and the plan's (``check_record``): one
    problem, the same words, for any municipality (the fixture is only copied, never changed)."""
    mu = replace(municipality, name=name, prefecture=prefecture, general_staff=general,
                 all_staff=every, fiscal_year=year, fiscal_capacity_index=index)  # fmt: skip
    whole = _problem(lambda m: check_record(m, "municipality", NO_CATALOG_LISTS), mu)
    assert _problem(check_municipality, mu) == whole


DIALOG = """
import sys, pathlib
from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout, QWidget
from planner.ui import accessible
from planner.ui.app import create_app
from planner.ui.main_window import MainWindow
met = {"window": 0, "other": 0}
original = accessible._NameDialogs.eventFilter
def count(self, obj, event):  # set before the filter exists (PySide keeps what it found)
    met["window" if isinstance(obj, QWidget) and obj.isWindow() else "other"] += 1
    return original(self, obj, event)
accessible._NameDialogs.eventFilter = count
app = create_app(sys.argv[:1])
w = MainWindow(recovery_dir=pathlib.Path(sys.argv[1]))
w.show()
app.processEvents()
dialog = QDialog(w)
button = QPushButton("閉じる(&C)")
QVBoxLayout(dialog).addWidget(button)
dialog.show()
app.processEvents()
print(button.accessibleName(), met["window"] > 0, met["other"])
"""


def test_dialogs_are_named_by_a_filter_on_each_window_not_one_on_every_object(tmp_path):
    """Issue 22's names for the widgets of every dialog come from a filter on each window:
    one on the whole application met every event of every object, and its first meeting
    with Qt's own gesture manager (made with the first combo box) cost ~20 ms of each
    start."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "c")}
    out = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", DIALOG, str(tmp_path / "recovery")],
        env=env, capture_output=True, text=True, timeout=60, cwd=ROOT,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr[-500:]
    assert out.stdout.split() == ["閉じる", "True", "0"]  # named; no other object's events
