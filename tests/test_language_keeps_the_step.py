"""表示 › 言語: switching the language keeps the step the user was on (the pages are built
again in the new language; until now the window went back to step 1)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from tests.test_issue18_ui_dropdown import open_sample


def _title(window) -> str:
    return window.workspace.pages.currentWidget().findChild(QLabel, "pageTitle").text()


def test_switching_the_language_stays_on_the_step_shown(window, qtbot):
    open_sample(window, qtbot)
    window.workspace.go(6)
    assert _title(window) == "7  ICT環境の整備"
    english = next(a for a in window._menu_actions if a.objectName() == "actionEnglish")
    english.trigger()
    try:
        assert window.workspace.current() == 6
        assert _title(window) == "7  ICT environment and costs"
        japanese = next(a for a in window._menu_actions if a.objectName() == "actionJapanese")
        window.workspace.go(10)
        japanese.trigger()
        assert window.workspace.current() == 10
        assert _title(window) == "まとめ・出力"
    finally:
        window.set_language("ja")
