"""Issue 22 §3, screen readers in the dialogs too: the comparison, the print preview, the
roll-up's progress, the survey export and the help window name every widget a user can
tab to, in the UI language, as they are shown (one filter, planner/ui/accessible.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from planner.ui import i18n
from planner.ui.changes_view import ChangesDialog
from planner.ui.print_preview import open_print_preview
from planner.ui.rollup_dialog import progress_dialog
from planner.ui.survey_dialogs import SurveyExportDialog
from tests.test_issue18_ui_dropdown import open_sample
from tests.test_issue22_screen_reader import _unnamed as unnamed


def dialogs(window, qtbot) -> list[QWidget]:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.workspace.pages.currentWidget(), Qt.Key.Key_F1)  # the manual
    doc = window.doc
    shown = [
        window.help_window,
        open_print_preview(window),
        ChangesDialog(window, (doc.plan, "v1"), (doc.plan, "v2"), doc.catalog),
        SurveyExportDialog(doc.plan, window),
        progress_dialog(window),
    ]
    for d in shown:
        d.show()
        qtbot.waitExposed(d)
    return shown


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_dialog_names_what_can_be_tabbed_to(window, qtbot, language):
    if language == "en":
        window.set_language("en")
    open_sample(window, qtbot)
    shown = dialogs(window, qtbot)
    problems = [p for d in shown for p in unnamed(d, type(d).__name__)]
    assert not problems, "\n".join(problems)
    compare = shown[2]
    swap = compare.findChild(QPushButton, "changesSwap")
    assert swap.accessibleName() == i18n.t("変更前と変更後を入れ替え", "Swap before and after")
    for d in shown:
        d.close()
    i18n.set_language("ja", remember=False)
