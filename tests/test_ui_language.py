"""Japanese by default; English selectable from the menu and remembered."""

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction

from planner.ui import i18n
from planner.ui.mnemonics import strip  # texts as read, without the Alt+letter
from tests.ui_helpers import create_plan


def _menu_titles(window):
    return [a.text() for a in window.menuBar().actions()]


def test_switch_to_english_and_back(window, qtbot):
    create_plan(window, qtbot)
    assert _menu_titles(window) == ["ファイル(&F)", "編集(&E)", "表示(&V)", "ヘルプ(&H)"]
    steps = window.workspace.step_model
    assert "推進体制の構築" in steps.data(steps.index(0))
    window.findChild(QAction, "actionEnglish").trigger()
    assert i18n.lang() == "en" and QSettings().value("ui/language") == "en"
    assert _menu_titles(window) == ["&File", "&Edit", "&View", "&Help"]
    steps = window.workspace.step_model
    assert "Promotion structure" in steps.data(steps.index(0))
    page7 = window.workspace.page(7)
    assert page7.years.horizontalHeaderItem(4).text() == "Est. subsidy"
    assert strip(window.workspace.next.text()) == "Next ▶"
    assert window.doc.plan.municipality.name == "さくら町"  # the plan is untouched
    window.findChild(QAction, "actionJapanese").trigger()
    assert strip(window.workspace.next.text()) == "次へ ▶"
    assert QSettings().value("ui/language") == "ja"


def test_welcome_in_english(window):
    window.set_language("en")
    assert strip(window.welcome.form.create_button.text()) == "Create"
    assert window.welcome.form.error.text() == "Enter the municipality name."
