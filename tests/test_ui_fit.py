"""No text is cut: every page at 1024×700, 1366×768 and 1920×1080, in Japanese and English.

Walks the welcome screen, the ten steps and the summary (with its charts) of the
larger sample plan, and fails on any single-line label, button, check box,
combo box, header section or table cell whose text is wider than its room
(tests/fit_check.py measures with the widget's own font metrics).
The larger text sizes (issue 22) walk the same pages: tests/test_issue22_text_size.py.
"""

import shutil

import pytest

from planner.resources import resource_path
from planner.ui import i18n
from tests.fit_check import clipped

SIZES = [(1024, 700), (1366, 768), (1920, 1080)]


def problems_on_every_page(app, qtbot, tmp_path, lang, size, prepare=None) -> list[str]:
    """What is cut on the welcome screen, the ten steps and the summary of the sample.

    ``prepare(window)`` runs on the new window before it is shown (a text size, say)."""
    from planner.ui.main_window import MainWindow

    i18n.set_language(lang, remember=False)
    sample = tmp_path / "kawasemi-town.twplan"
    shutil.copy(resource_path("samples", "kawasemi-town.twplan"), sample)
    window = MainWindow(recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(window)
    if prepare is not None:
        prepare(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    problems = [f"welcome: {p}" for p in clipped(window)]
    assert window.files.open(sample)
    workspace = window.workspace
    qtbot.waitUntil(workspace.isVisible)
    for row in range(11):
        workspace.go(row)
        if row == 10:
            workspace.summary.show_charts()
        app.processEvents()  # lay the page out: a queued show, the rows follow their text
        page = f"step {row + 1}" if row < 10 else "summary"
        problems += [f"{page}: {p}" for p in clipped(window)]
        if row < 10:  # nothing makes a step wider than the window: no sideways scrolling
            sideways = workspace.page(row + 1).horizontalScrollBar().maximum()
            if sideways:
                problems.append(f"{page}: the page scrolls sideways by {sideways}px")
    window.doc.undo_stack.setClean()
    return problems


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_page_fits(app, qtbot, tmp_path, replies, lang, size):
    problems = problems_on_every_page(app, qtbot, tmp_path, lang, size)
    assert not problems, "\n".join(problems)
