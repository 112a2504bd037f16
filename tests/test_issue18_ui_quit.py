"""Issue 18: the program crashed on quit (``Fatal Python error: none_dealloc``) after
save → PDF → close plan → Ctrl+Q, about once in seven.

No object was torn down twice: the binding itself (PySide6 6.12.0 on Python 3.11) took
one reference to None away at each call of a Qt method that returns nothing, so a long
enough session ran None's count down to zero, at the latest while the program was
quitting. pyproject.toml keeps that version out; these tests find such a binding.
"""

from __future__ import annotations

import gc
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QTableWidget
from shiboken6 import isValid

ROOT = Path(__file__).resolve().parent.parent
CHILD = Path(__file__).with_name("issue18_quit_sequence.py")


def test_qt_calls_that_return_nothing_leave_none_alone(app):
    """The calls every refresh makes (a cell's row height, a label's text, a name): None's
    reference count is the same after a thousand of each."""
    table, label, obj = QTableWidget(3, 3), QLabel(), QObject()
    calls = (
        lambda: table.setRowHeight(0, 30),
        lambda: table.setRowCount(3),
        lambda: label.setText("x"),
        lambda: obj.setObjectName("x"),
    )
    before = sys.getrefcount(None)
    for call in calls:
        for _ in range(1000):
            call()
    assert sys.getrefcount(None) - before > -50  # a binding that drains None loses 4,000


def test_quit_sequence_fifty_times(tmp_path):
    """save → PDF → close plan, fifty times in one run of the program, then Quit: it ends
    with exit code 0 and no fatal error, and every round's files are there."""
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, str(CHILD), str(tmp_path), "50"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert "Fatal Python error" not in result.stderr, result.stderr[-2000:]
    assert result.returncode == 0, result.stderr[-2000:]
    assert "rounds 50 quit 1 code 0" in result.stdout
    assert "ERROR" not in result.stderr
    assert (tmp_path / "plan.twplan").stat().st_size > 0
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")
    print(f"50 rounds in {time.monotonic() - started:.1f} s")


def test_rebuilt_menus_leave_no_dead_wrappers(window, qtbot):
    """Opening and closing a plan rebuilds the menus. The old ones went with Qt's deleteLater
    while the menu bar still held their Python wrappers: dead wrappers piled up at each
    rebuild until the program quit. Now the menu bar goes with its menus."""
    from planner.domain.model import Municipality

    for _ in range(3):
        window.files.create(Municipality("さくら町", "長野県", 120, 180, 2025))
        window.files.close_plan()
    window.set_language("en")
    window.set_language("ja")
    qtbot.waitUntil(lambda: len(window.findChildren(QAction, "actionSave")) == 1)
    gc.collect()
    dead = [o for o in gc.get_objects() if isinstance(o, QMenu | QAction) and not isValid(o)]
    assert dead == []
    assert [a.text() for a in window.menuBar().actions()] == [
        "ファイル(&F)", "編集(&E)", "表示(&V)", "ヘルプ(&H)"
    ]  # fmt: skip
